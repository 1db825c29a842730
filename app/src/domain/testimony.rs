//! Testimony: what usagers and aidants tell the council, in their own words, on their own
//! terms. The rules here: what a testimony holds, which consents it carries, the words that
//! suggest acute distress (to show help, never to block), and the redaction a moderator
//! applies before anything is published.

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

/// The most a part of a testimony may hold, in characters.
pub const PART_MAX: usize = 3000;
/// The most a chosen pseudonym may hold, in characters.
pub const PSEUDONYM_MAX: usize = 40;
/// A content warning or an easy-read summary, in characters.
pub const NOTE_MAX: usize = 500;

/// The three parts of the guided form; a testimony needs at least one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Story {
    /// What happened.
    pub happened: String,
    /// What helped.
    pub helped: String,
    /// What should change.
    pub change: String,
}

impl Story {
    pub const PARTS: [&'static str; 3] = ["happened", "helped", "change"];

    /// The parts by their form name, in order.
    pub fn parts(&self) -> [(&'static str, &str); 3] {
        [
            ("happened", &self.happened),
            ("helped", &self.helped),
            ("change", &self.change),
        ]
    }

    /// The whole text, for the distress check.
    pub fn joined(&self) -> String {
        [&self.happened, &self.helped, &self.change]
            .map(|s| s.as_str())
            .join("\n")
    }
}

/// Who may see a testimony besides the council's staff (who always do, to moderate it).
/// Each is chosen on its own: a person may accept the projector in a plenary (heard once,
/// in the room) and refuse the public page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consent {
    /// Shown on the council's public page (the testimony wall).
    pub public: bool,
    /// Shown on the projector during a plenary.
    pub projector: bool,
    /// Quoted in the council's annual report (and its exports).
    pub report: bool,
}

/// Where a testimony may appear; each surface checks its own consent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Surface {
    Wall,
    Projector,
    Report,
}

impl Consent {
    pub fn allows(self, surface: Surface) -> bool {
        match surface {
            Surface::Wall => self.public,
            Surface::Projector => self.projector,
            Surface::Report => self.report,
        }
    }
}

/// Where a testimony is in moderation. A withdrawn testimony is not a state: it is deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Review {
    /// Waiting for a moderator.
    Pending,
    /// A moderator asked the author to edit it (through the private link).
    ChangesAsked,
    /// Published (on the surfaces its consent allows).
    Approved,
    /// Not published; the author sees why through the private link.
    Rejected,
}

impl Review {
    pub const ALL: [Review; 4] = [
        Review::Pending,
        Review::ChangesAsked,
        Review::Approved,
        Review::Rejected,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Review::Pending => "pending",
            Review::ChangesAsked => "changes-asked",
            Review::Approved => "approved",
            Review::Rejected => "rejected",
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.key() == key)
    }
}

/// A testimony as staff, its author, or a surface see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Testimony {
    pub id: i64,
    pub pseudonym: Option<String>,
    /// The college its author said they belong to (a college key), if they said.
    pub college: Option<String>,
    pub story: Story,
    pub consent: Consent,
    pub review: Review,
    /// To the author: what to change, or why it is not published.
    pub moderator_note: Option<String>,
    /// Published testimonies with a warning start collapsed.
    pub content_warning: Option<String>,
    pub easy_summary: Option<String>,
    /// The month it was posted, as (year, month 1–12): no finer, on any surface.
    pub posted: (i32, u32),
    pub finding_id: Option<i64>,
    pub assembly_id: Option<i64>,
    /// An audio message waiting for its transcript (staff hear it; it is deleted once the
    /// testimony is approved or rejected).
    pub audio: Option<AudioFormat>,
}

/// A refusal of a testimony's form: the field at fault and the Fluent id of the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub field: &'static str,
    pub message: &'static str,
}

fn refuse(field: &'static str, message: &'static str) -> Refusal {
    Refusal { field, message }
}

/// Checks what an author wrote: at least one part (unless they `spoke` instead: sent an
/// audio message, which a moderator writes down), none too long, a pseudonym short and on
/// one line. Returns the story trimmed and the pseudonym (None: anonymous).
pub fn check_post(
    story: &Story,
    pseudonym: &str,
    spoke: bool,
) -> Result<(Story, Option<String>), Refusal> {
    let story = Story {
        happened: story.happened.trim().to_owned(),
        helped: story.helped.trim().to_owned(),
        change: story.change.trim().to_owned(),
    };
    for (field, text) in story.parts() {
        if text.chars().count() > PART_MAX {
            return Err(refuse(field, "error-testimony-too-long"));
        }
    }
    if !spoke && story.parts().iter().all(|(_, text)| text.is_empty()) {
        return Err(refuse("happened", "error-testimony-empty"));
    }
    let pseudonym = pseudonym.trim();
    if pseudonym.chars().count() > PSEUDONYM_MAX || pseudonym.contains(['\n', '\r']) {
        return Err(refuse("pseudonym", "error-testimony-pseudonym"));
    }
    Ok((story, Some(pseudonym.to_owned()).filter(|p| !p.is_empty())))
}

/// The most an audio message may weigh, in bytes: a few minutes of speech in the formats
/// browsers and phones record (Opus, AAC).
pub const AUDIO_MAX_BYTES: usize = 5 * 1024 * 1024;
/// The longest recording the in-browser recorder makes, in seconds.
pub const AUDIO_MAX_SECONDS: u32 = 180;

pub use super::audio::AudioFormat;

/// Checks an audio message: not over [`AUDIO_MAX_BYTES`], a whole recording in a format
/// a recorder makes; gives it back without its container's metadata.
#[cfg(feature = "ssr")]
pub fn check_audio(bytes: &[u8]) -> Result<(AudioFormat, Vec<u8>), Refusal> {
    if bytes.len() > AUDIO_MAX_BYTES {
        return Err(refuse("audio", "error-testimony-audio-size"));
    }
    super::audio::clean(bytes).map_err(|_| refuse("audio", "error-testimony-audio-type"))
}

/// Lower case, accents removed, every run of other characters one space: the form the
/// word lists and redaction compare in ("Désespéré·e !" → "desespere e").
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = true;
    for c in text
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
    {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    out.trim_end().to_owned()
}

/// Words and phrases that suggest acute distress or a risk to life, in French and English,
/// folded (see [`fold`]). A phrase matches whole words; an entry ending in `*` matches any
/// word that starts with it. Kept short and reviewed: a match only brings the crisis
/// resources forward, it never stops anyone from posting.
pub const DISTRESS_WORDS: &[&str] = &[
    // French
    "suicid*",
    "me tuer",
    "me foutre en l air",
    "en finir",
    "mettre fin a mes jours",
    "mettre fin a ma vie",
    "je veux mourir",
    "j ai envie de mourir",
    "envie de mourir",
    "plus envie de vivre",
    "pas envie de vivre",
    "aucune raison de vivre",
    "plus de raison de vivre",
    "me faire du mal",
    "je me fais du mal",
    "me scarifier",
    "scarification*",
    "me mutiler",
    "automutilation*",
    "auto mutilation*",
    "sauter du pont",
    "me jeter sous",
    "avaler tous mes medicaments",
    "overdose",
    "disparaitre pour toujours",
    "personne ne me regrettera",
    "je n en peux plus",
    "je ne m en sortirai jamais",
    // English
    "kill myself",
    "killing myself",
    "end my life",
    "end it all",
    "want to die",
    "wanna die",
    "better off dead",
    "no reason to live",
    "hurt myself",
    "hurting myself",
    "self harm*",
    "cut myself",
    "cutting myself",
    "take all my pills",
    "can t go on",
];

/// Whether `text` holds any of [`DISTRESS_WORDS`].
pub fn suggests_distress(text: &str) -> bool {
    let folded = fold(text);
    let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    DISTRESS_WORDS.iter().any(|entry| {
        let (entry, prefix) = match entry.strip_suffix('*') {
            Some(stem) => (stem, true),
            None => (*entry, false),
        };
        let wanted: Vec<&str> = entry.split(' ').collect();
        words.windows(wanted.len()).any(|window| {
            window
                .iter()
                .zip(&wanted)
                .enumerate()
                .all(|(i, (word, want))| {
                    if prefix && i == wanted.len() - 1 {
                        word.starts_with(want)
                    } else {
                        word == want
                    }
                })
        })
    })
}

/// What replaces a redacted passage.
pub const REDACTED: &str = "[…]";

/// Removes from `text` every occurrence of each of `terms` (names, places…), whatever its
/// case or accents, as whole words; and any e-mail address or phone number, which no
/// testimony needs. The moderator reads the result before publishing.
pub fn redact(text: &str, terms: &[&str]) -> String {
    let terms: Vec<Vec<String>> = terms
        .iter()
        .map(|t| fold(t))
        .filter(|t| !t.is_empty())
        .map(|t| t.split(' ').map(str::to_owned).collect())
        .collect();
    // The text's words (runs of letters and digits) with their byte ranges, to cut in the
    // original text, not in its folded form.
    let mut words: Vec<(usize, usize, String)> = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push((s, i, fold(&text[s..i])));
                start = None;
            }
            _ => {}
        }
    }
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let matched = terms.iter().find_map(|term| {
            let here = words.get(i..i + term.len())?;
            here.iter()
                .zip(term)
                .all(|((_, _, word), want)| word == want)
                .then_some(term.len())
        });
        match matched {
            Some(n) => {
                cuts.push((words[i].0, words[i + n - 1].1));
                i += n;
            }
            None => i += 1,
        }
    }
    let text = cut(text, &cuts);
    mask_phone_numbers(&mask_emails(&text))
}

/// Replaces each e-mail address (a chunk between spaces with an @ inside, its closing
/// punctuation left) by [`REDACTED`].
fn mask_emails(text: &str) -> String {
    let mut ranges = Vec::new();
    let mut at = 0;
    for chunk in text.split_inclusive(char::is_whitespace) {
        let word = chunk.trim_end();
        let address = word.trim_end_matches(|c: char| ",.;:!?)»\"'".contains(c));
        if let Some((user, domain)) = address.split_once('@')
            && !user.is_empty()
            && domain.contains('.')
        {
            let start = at + word.len() - word.trim_start_matches(['(', '«', '<']).len();
            ranges.push((start, at + address.len()));
        }
        at += chunk.len();
    }
    cut(text, &ranges)
}

/// `text` with each range replaced by [`REDACTED`] (ranges in order, not overlapping).
fn cut(text: &str, ranges: &[(usize, usize)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (start, end) in ranges {
        out.push_str(&text[at..*start]);
        out.push_str(REDACTED);
        at = *end;
    }
    out.push_str(&text[at..]);
    out
}

/// Replaces runs of at least eight digits, counting spaces, dots, dashes and a leading +
/// between them (06 12 34 56 78, +33 6 12…), by [`REDACTED`].
fn mask_phone_numbers(text: &str) -> String {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut ranges = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_ascii_digit() || c == '+' {
            let mut j = i;
            let mut digits = 0;
            let mut last_digit = i;
            while j < chars.len() {
                let c = chars[j].1;
                if c.is_ascii_digit() {
                    digits += 1;
                    last_digit = j;
                } else if !(c == ' ' || c == '.' || c == '-' || (c == '+' && j == i)) {
                    break;
                }
                j += 1;
            }
            if digits >= 8 {
                let end = chars.get(last_digit + 1).map_or(text.len(), |(at, _)| *at);
                ranges.push((start, end));
                i = last_digit + 1;
                continue;
            }
        }
        i += 1;
    }
    cut(text, &ranges)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_testimony_needs_one_part_none_too_long_and_a_short_pseudonym() {
        let story = |happened: &str| Story {
            happened: happened.to_owned(),
            ..Story::default()
        };
        assert_eq!(
            check_post(&story("  "), "", false),
            Err(refuse("happened", "error-testimony-empty"))
        );
        let only_change = Story {
            change: " Plus de lits. ".into(),
            ..Story::default()
        };
        let (kept, pseudonym) = match check_post(&only_change, "  ", false) {
            Ok(ok) => ok,
            Err(refusal) => panic!("refused: {refusal:?}"),
        };
        assert_eq!(kept.change, "Plus de lits.");
        assert_eq!(pseudonym, None);
        assert_eq!(
            check_post(
                &Story {
                    helped: "é".repeat(PART_MAX + 1),
                    ..story("Bonjour")
                },
                "",
                false
            ),
            Err(refuse("helped", "error-testimony-too-long"))
        );
        // The limit counts characters, not bytes.
        assert!(check_post(&story(&"é".repeat(PART_MAX)), "", false).is_ok());
        assert_eq!(
            check_post(&story("Bonjour"), &"x".repeat(PSEUDONYM_MAX + 1), false),
            Err(refuse("pseudonym", "error-testimony-pseudonym"))
        );
        assert_eq!(
            check_post(&story("Bonjour"), "Lou\nMartin", false),
            Err(refuse("pseudonym", "error-testimony-pseudonym"))
        );
        assert_eq!(
            check_post(&story("Bonjour"), " Lou ", false).map(|(_, p)| p),
            Ok(Some("Lou".to_owned()))
        );
        // Spoken instead: nothing written is needed, the limits still hold.
        assert!(check_post(&story(""), "", true).is_ok());
        assert_eq!(
            check_post(&story(&"é".repeat(PART_MAX + 1)), "", true),
            Err(refuse("happened", "error-testimony-too-long"))
        );
    }

    #[test]
    fn audio_is_recognised_by_its_first_bytes_not_its_name() {
        let with = |head: &[u8]| {
            let mut bytes = head.to_vec();
            bytes.extend_from_slice(&[0u8; 64]);
            bytes
        };
        let sniff = |head: &[u8]| AudioFormat::sniff(&with(head));
        assert_eq!(sniff(&[0x1a, 0x45, 0xdf, 0xa3]), Some(AudioFormat::WebM));
        assert_eq!(sniff(b"OggS"), Some(AudioFormat::Ogg));
        assert_eq!(sniff(b"\0\0\0\x1cftypM4A "), Some(AudioFormat::Mp4));
        assert_eq!(sniff(b"RIFF\x24\0\0\0WAVEfmt "), Some(AudioFormat::Wav));
        assert_eq!(sniff(b"ID3\x04"), Some(AudioFormat::Mpeg));
        assert_eq!(sniff(&[0xff, 0xfb, 0x90]), Some(AudioFormat::Mpeg));
        // A text, a picture, a RIFF that is not a WAVE (AVI), nothing at all.
        for other in [
            with(b"Bonjour, voici mon message"),
            with(&[0x89, b'P', b'N', b'G']),
            with(b"RIFF\x24\0\0\0AVI LIST"),
            Vec::new(),
        ] {
            assert_eq!(AudioFormat::sniff(&other), None);
        }
        for format in AudioFormat::ALL {
            assert_eq!(AudioFormat::parse(format.key()), Some(format));
            assert!(format.mime().starts_with("audio/"));
        }
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn a_recording_is_taken_whole_from_a_recorder_and_light_enough() {
        use super::super::audio::samples::{ogg_opus, sound};
        let recording = ogg_opus("Dictaphone", &sound(3));
        let Ok((format, cleaned)) = check_audio(&recording) else {
            panic!("a recording refused");
        };
        assert_eq!(format, AudioFormat::Ogg);
        assert!(!cleaned.windows(10).any(|w| w == b"Dictaphone"));
        // Recognised, but not what a recorder makes, or not whole: one message for all.
        let unsupported = refuse("audio", "error-testimony-audio-type");
        for refused in [
            with_zeros(b"RIFF\x24\0\0\0WAVEfmt "),
            with_zeros(b"ID3\x04"),
            with_zeros(b"OggS"),
            recording[..recording.len() - 9].to_vec(),
            Vec::new(),
        ] {
            assert_eq!(check_audio(&refused), Err(unsupported.clone()));
        }
        let mut heavy = recording;
        heavy.resize(AUDIO_MAX_BYTES + 1, 0);
        assert_eq!(
            check_audio(&heavy),
            Err(refuse("audio", "error-testimony-audio-size"))
        );
    }

    #[cfg(feature = "ssr")]
    fn with_zeros(head: &[u8]) -> Vec<u8> {
        let mut bytes = head.to_vec();
        bytes.extend_from_slice(&[0u8; 64]);
        bytes
    }

    #[test]
    fn each_surface_checks_its_own_consent() {
        let projector_only = Consent {
            projector: true,
            ..Consent::default()
        };
        assert!(projector_only.allows(Surface::Projector));
        assert!(!projector_only.allows(Surface::Wall));
        assert!(!projector_only.allows(Surface::Report));
        assert!(!Consent::default().allows(Surface::Wall));
    }

    #[test]
    fn folding_drops_case_accents_and_punctuation() {
        assert_eq!(
            fold("  Désespéré·e ! J'en ai MARRE…"),
            "desespere e j en ai marre"
        );
        assert_eq!(fold("Ça"), "ca");
    }

    #[test]
    fn distress_words_are_found_in_french_and_english_whatever_the_spelling() {
        for text in [
            "Parfois j'ai envie de MOURIR.",
            "J’ai pensé au suicide l'an dernier.",
            "des idées suicidaires",
            "Je voulais en finir.",
            "je n'en peux plus",
            "Je n’en peux plus", // typographic apostrophe
            "plus envie de vivre",
            "I want to die",
            "I've been self-harming",
            "I can't go on like this",
            "Sometimes I think I'd be better off dead",
        ] {
            assert!(suggests_distress(text), "{text}");
        }
    }

    #[test]
    fn ordinary_words_that_look_alike_are_not_distress() {
        for text in [
            "On a fini par trouver un médecin.",
            "Les finances de l'hôpital",
            "Il faut mettre fin aux délais d'attente.",
            "Le groupe d'entraide m'a redonné envie de sortir.",
            "The self-help group was great",
            "I finally got an appointment",
            "",
        ] {
            assert!(!suggests_distress(text), "{text}");
        }
    }

    #[test]
    fn every_entry_of_the_list_is_folded_and_matches_itself() {
        for entry in DISTRESS_WORDS {
            let bare = entry.trim_end_matches('*');
            assert_eq!(fold(bare), bare, "{entry} is written folded");
            assert!(suggests_distress(bare), "{entry}");
        }
    }

    #[test]
    fn redaction_removes_every_occurrence_of_the_names_whatever_their_case_or_accents() {
        let text = "Le Dr Lefèvre du CMP de Saint-Amand m'a dit que LEFEVRE partait. lefèvre !";
        let redacted = redact(text, &["Lefèvre", "Saint-Amand"]);
        assert_eq!(
            redacted,
            "Le Dr […] du CMP de […] m'a dit que […] partait. […] !"
        );
        assert!(!fold(&redacted).contains("lefevre"));
        assert!(!fold(&redacted).contains("amand"));
    }

    #[test]
    fn redaction_keeps_words_that_only_contain_a_name() {
        // "Marie" is redacted, "mariée" and "Mariette" are other words.
        assert_eq!(
            redact("Marie était mariée ; Mariette aussi.", &["marie"]),
            "[…] était mariée ; Mariette aussi."
        );
    }

    #[test]
    fn redaction_masks_email_addresses_and_phone_numbers() {
        let text = "Écrivez-moi à lou.martin@example.org ou au 06 12 34 56 78, ou +33 6 12 34 56 78. Il y a 3 CMP et 12 lits.";
        let redacted = redact(text, &[]);
        assert_eq!(
            redacted,
            "Écrivez-moi à […] ou au […], ou […]. Il y a 3 CMP et 12 lits."
        );
    }

    #[test]
    fn redaction_without_terms_changes_nothing_else() {
        let text = "Rien à cacher ici : 2024, 15 jours.";
        assert_eq!(redact(text, &[]), text);
        assert_eq!(redact(text, &["", "  "]), text);
    }
}
