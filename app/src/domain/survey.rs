//! Anonymous surveys: the questions a survey asks, reading a respondent's answers from a
//! plain form post (each problem tied to its question), and the small-group rule that keeps
//! breakdowns by profile from pointing at anyone.

mod answers;
mod results;
pub use answers::*;
pub use results::*;

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum QuestionKind {
    /// One option.
    Single,
    /// Any number of options.
    Multiple,
    /// 1 (not at all) to 5 (very much); faces in easy-read.
    Scale,
    ShortText,
    LongText,
    /// Options put in order (each given a distinct rank; some may stay unranked).
    Ranking,
}

impl QuestionKind {
    pub const ALL: [QuestionKind; 6] = [
        QuestionKind::Single,
        QuestionKind::Multiple,
        QuestionKind::Scale,
        QuestionKind::ShortText,
        QuestionKind::LongText,
        QuestionKind::Ranking,
    ];

    pub fn key(self) -> &'static str {
        match self {
            QuestionKind::Single => "single",
            QuestionKind::Multiple => "multiple",
            QuestionKind::Scale => "scale",
            QuestionKind::ShortText => "short-text",
            QuestionKind::LongText => "long-text",
            QuestionKind::Ranking => "ranking",
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.key() == key)
    }

    /// Whether the question offers options written by its author.
    pub fn has_options(self) -> bool {
        matches!(
            self,
            QuestionKind::Single | QuestionKind::Multiple | QuestionKind::Ranking
        )
    }

    /// Whether answers are free text (shown to staff only until checked for names).
    pub fn is_text(self) -> bool {
        matches!(self, QuestionKind::ShortText | QuestionKind::LongText)
    }

    /// The longest answer accepted, in characters.
    pub fn text_max(self) -> usize {
        match self {
            QuestionKind::ShortText => SHORT_ANSWER_MAX,
            _ => LONG_ANSWER_MAX,
        }
    }
}

pub const SHORT_ANSWER_MAX: usize = 200;

pub const LONG_ANSWER_MAX: usize = 2000;

pub const SCALE_POINTS: u8 = 5;

/// A profile question: respondents describe themselves, and results can be broken down by
/// their answers (a single choice).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Profile {
    College,
    Commune,
    AgeBand,
}

impl Profile {
    pub const ALL: [Profile; 3] = [Profile::College, Profile::Commune, Profile::AgeBand];

    pub fn key(self) -> &'static str {
        match self {
            Profile::College => "college",
            Profile::Commune => "commune",
            Profile::AgeBand => "age-band",
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.key() == key)
    }
}

/// Where a survey stands: drafted (only staff see it), open to answers, closed (results).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SurveyState {
    Draft,
    Open,
    Closed,
}

impl SurveyState {
    pub fn key(self) -> &'static str {
        match self {
            SurveyState::Draft => "draft",
            SurveyState::Open => "open",
            SurveyState::Closed => "closed",
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        [SurveyState::Draft, SurveyState::Open, SurveyState::Closed]
            .into_iter()
            .find(|s| s.key() == key)
    }

    /// Draft → open → closed, one way: a closed survey never reopens (its results would
    /// change under the readers' eyes), and a survey with answers is never a draft again.
    pub fn can_become(self, next: SurveyState) -> bool {
        matches!(
            (self, next),
            (SurveyState::Draft, SurveyState::Open) | (SurveyState::Open, SurveyState::Closed)
        )
    }
}

/// A survey as its answer form shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyView {
    pub id: i64,
    pub title: crate::domain::Wording,
    pub intro: crate::domain::Wording,
    pub state: SurveyState,
    pub one_per_person: bool,
    pub sections: Vec<SectionView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionView {
    pub title: crate::domain::Wording,
    pub questions: Vec<SurveyQuestion>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyQuestion {
    pub id: i64,
    pub kind: QuestionKind,
    pub prompt: crate::domain::Wording,
    pub required: bool,
    pub profile: Option<Profile>,
    /// Option ids and wordings, in order.
    pub options: Vec<(i64, crate::domain::Wording)>,
}

impl SurveyView {
    pub fn questions(&self) -> impl Iterator<Item = &SurveyQuestion> {
        self.sections.iter().flat_map(|s| s.questions.iter())
    }

    /// What the answer form checks.
    pub fn rules(&self) -> Vec<QuestionRules> {
        self.questions()
            .map(|q| QuestionRules {
                id: q.id,
                kind: q.kind,
                required: q.required,
                options: q.options.iter().map(|(id, _)| *id).collect(),
            })
            .collect()
    }
}

/// A question being written by a coordinator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionDraft {
    pub kind: QuestionKind,
    pub prompt: crate::domain::Wording,
    pub required: bool,
    pub profile: Option<Profile>,
    pub options: Vec<crate::domain::Wording>,
}

pub const PROMPT_MAX: usize = 500;

pub const OPTION_MAX: usize = 200;

pub const OPTIONS_MAX: usize = 20;

impl QuestionDraft {
    /// The first problem, as (field, Fluent id): a prompt (its easy-read wording may stay
    /// empty: the plain one is shown then), options for the kinds that have them (two to
    /// twenty, each worded, none twice), none for the others; a profile question is a
    /// single choice.
    pub fn check(&self) -> Result<(), (&'static str, &'static str)> {
        let prompt = self.prompt.plain.trim();
        if prompt.is_empty() {
            return Err(("prompt", "error-question-prompt"));
        }
        if prompt.chars().count() > PROMPT_MAX || self.prompt.easy.chars().count() > PROMPT_MAX {
            return Err(("prompt", "error-question-prompt-long"));
        }
        if self.profile.is_some() && self.kind != QuestionKind::Single {
            return Err(("kind", "error-question-profile-single"));
        }
        if !self.kind.has_options() {
            return if self.options.iter().any(|o| !o.plain.trim().is_empty()) {
                Err(("options", "error-question-no-options"))
            } else {
                Ok(())
            };
        }
        let labels: Vec<&str> = self
            .options
            .iter()
            .map(|o| o.plain.trim())
            .filter(|l| !l.is_empty())
            .collect();
        if labels.len() < 2 || labels.len() > OPTIONS_MAX {
            return Err(("options", "error-question-options-count"));
        }
        if self
            .options
            .iter()
            .any(|o| o.plain.chars().count() > OPTION_MAX || o.easy.chars().count() > OPTION_MAX)
        {
            return Err(("options", "error-question-option-long"));
        }
        let distinct: BTreeSet<String> = labels.iter().map(|l| l.to_lowercase()).collect();
        if distinct.len() != labels.len() {
            return Err(("options", "error-question-option-twice"));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
