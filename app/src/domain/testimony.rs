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
/// Testimonies per page of the moderation queue: a moderator reads them one by one, and a
/// flood does not make the page too heavy to open.
pub const QUEUE_PAGE: u64 = 20;

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
mod tests;
