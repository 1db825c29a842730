//! What the store's refusals say: each typed reason given its message id in the catalogue
//! (`locales/`), so that the store keeps no words and the pages say every refusal the same way.

use crate::store::assemblies::AssemblyRefusal;
use crate::store::surveys::SurveyRefusal;
use crate::store::testimonies::TestimonyRefusal;

impl AssemblyRefusal {
    pub fn message_id(self) -> &'static str {
        match self {
            AssemblyRefusal::Rule(id) => id,
            AssemblyRefusal::DateInvalid => "error-date-invalid",
            AssemblyRefusal::DateSkipped => "error-date-skipped",
            AssemblyRefusal::UnpublishLive => "error-unpublish-live",
        }
    }
}

impl SurveyRefusal {
    pub fn message_id(self) -> &'static str {
        match self {
            SurveyRefusal::Rule(id) => id,
            SurveyRefusal::Title => "error-survey-title",
            SurveyRefusal::IntroTooLong => "error-survey-intro-long",
            SurveyRefusal::SectionTitle => "error-section-title",
            SurveyRefusal::NotDraft => "error-survey-not-draft",
            SurveyRefusal::State => "error-survey-state",
            SurveyRefusal::Empty => "error-survey-empty",
            SurveyRefusal::CodesNotAsked => "error-survey-codes-not-asked",
            SurveyRefusal::ReviewText => "error-review-text",
        }
    }
}

impl TestimonyRefusal {
    pub fn message_id(self) -> &'static str {
        match self {
            TestimonyRefusal::Rule(id) => id,
            TestimonyRefusal::UnknownLink => "error-testimony-link",
            TestimonyRefusal::NotEditable => "error-testimony-not-editable",
            TestimonyRefusal::NoteTooLong => "error-testimony-note-too-long",
            TestimonyRefusal::TranscriptNeeded => "error-testimony-transcript-needed",
            TestimonyRefusal::NoteNeeded => "error-testimony-note-needed",
            TestimonyRefusal::NotForScreen => "error-testimony-not-for-screen",
            TestimonyRefusal::QueueFull => "error-testimony-queue-full",
            TestimonyRefusal::AudioFull => "error-testimony-audio-full",
        }
    }
}
