//! Quick polls of a plenary: one question put to the room, answered anonymously once per
//! participant — a single choice among a few options, a rating from 1 to 5, or a short word
//! for a word cloud — with results on the screen and the live page.
//!
//! The rules here are pure: what a poll may be, what an answer may be, and what its results
//! show. Words of a word cloud are moderated before anyone sees them, and no result shows
//! before the council's minimum group size has answered (the small-group rule).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const POLL_QUESTION_MIN: usize = 3;
pub const POLL_QUESTION_MAX: usize = 200;
pub const POLL_OPTIONS_MIN: usize = 2;
pub const POLL_OPTIONS_MAX: usize = 8;
pub const POLL_OPTION_MAX: usize = 80;
/// A word of the cloud: a word or a short expression.
pub const POLL_WORD_MAX: usize = 30;
pub const POLL_WORD_WORDS_MAX: usize = 3;
/// The words a cloud shows at most (the most given first).
pub const CLOUD_MAX: usize = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PollKind {
    Choice,
    Rating,
    Words,
}

impl PollKind {
    pub const ALL: [PollKind; 3] = [PollKind::Choice, PollKind::Rating, PollKind::Words];

    pub fn key(self) -> &'static str {
        match self {
            PollKind::Choice => "choice",
            PollKind::Rating => "rating",
            PollKind::Words => "words",
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.key() == key.trim())
    }
}

/// Ready (written, not yet put to the room), open (taking answers), closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PollState {
    Ready,
    Open,
    Closed,
}

impl PollState {
    pub fn key(self) -> &'static str {
        match self {
            PollState::Ready => "ready",
            PollState::Open => "open",
            PollState::Closed => "closed",
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        [PollState::Ready, PollState::Open, PollState::Closed]
            .into_iter()
            .find(|state| state.key() == key)
    }

    /// Ready → open → closed, and a closed poll may be opened again (the room asked for a
    /// minute more); the Fluent id of the refusal otherwise.
    pub fn change(self, to: PollState) -> Result<PollState, &'static str> {
        match (self, to) {
            (PollState::Ready | PollState::Closed, PollState::Open)
            | (PollState::Open, PollState::Closed) => Ok(to),
            _ => Err("error-poll-state"),
        }
    }
}

/// A poll as a facilitator writes it, checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PollDraft {
    pub kind: PollKind,
    pub question: String,
    /// The question in easy-read, if written.
    pub question_easy: Option<String>,
    /// The options of a single-choice poll, in order; empty for the other kinds.
    pub options: Vec<String>,
}

impl PollDraft {
    /// `options` is one option per line (single choice only). Returns the Fluent id of the
    /// first refusal otherwise.
    pub fn check(
        kind: &str,
        question: &str,
        question_easy: &str,
        options: &str,
    ) -> Result<PollDraft, &'static str> {
        let kind = PollKind::parse(kind).ok_or("error-poll-kind")?;
        let question = one_line(question);
        let length = question.chars().count();
        if !(POLL_QUESTION_MIN..=POLL_QUESTION_MAX).contains(&length) {
            return Err("error-poll-question");
        }
        let question_easy = Some(one_line(question_easy)).filter(|easy| !easy.is_empty());
        if question_easy
            .as_ref()
            .is_some_and(|easy| easy.chars().count() > POLL_QUESTION_MAX)
        {
            return Err("error-poll-question");
        }
        if super::floor::has_hidden_controls(&question)
            || question_easy
                .as_deref()
                .is_some_and(super::floor::has_hidden_controls)
        {
            return Err("error-field-invalid");
        }
        let options: Vec<String> = if kind == PollKind::Choice {
            options
                .lines()
                .map(one_line)
                .filter(|option| !option.is_empty())
                .collect()
        } else {
            Vec::new()
        };
        if kind == PollKind::Choice {
            if !(POLL_OPTIONS_MIN..=POLL_OPTIONS_MAX).contains(&options.len()) {
                return Err("error-poll-options-count");
            }
            if options.iter().any(|option| {
                option.chars().count() > POLL_OPTION_MAX
                    || super::floor::has_hidden_controls(option)
            }) {
                return Err("error-poll-option-too-long");
            }
            let mut seen: Vec<String> = options.iter().map(|o| fold(o)).collect();
            seen.sort();
            seen.dedup();
            if seen.len() != options.len() {
                return Err("error-poll-options-twice");
            }
        }
        Ok(PollDraft {
            kind,
            question,
            question_easy,
            options,
        })
    }
}

/// One participant's answer, as it is counted: the option's number (from 0), the rating, or
/// the word as the cloud groups it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum PollAnswer {
    Choice(usize),
    Rating(u8),
    Word(String),
}

impl PollAnswer {
    /// What a participant sent, checked against the poll; the Fluent id of the refusal.
    pub fn read(kind: PollKind, options: usize, typed: &str) -> Result<PollAnswer, &'static str> {
        let typed = typed.trim();
        match kind {
            PollKind::Choice => typed
                .parse::<usize>()
                .ok()
                .filter(|&n| n < options)
                .map(PollAnswer::Choice)
                .ok_or("error-poll-answer-choice"),
            PollKind::Rating => typed
                .parse::<u8>()
                .ok()
                .filter(|n| (1..=5).contains(n))
                .map(PollAnswer::Rating)
                .ok_or("error-poll-answer-rating"),
            PollKind::Words => {
                let word = fold_word(typed);
                if word.is_empty() {
                    return Err("error-poll-answer-word-empty");
                }
                if word.chars().count() > POLL_WORD_MAX
                    || word.split(' ').count() > POLL_WORD_WORDS_MAX
                {
                    return Err("error-poll-answer-word-long");
                }
                if !word
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '\''))
                {
                    return Err("error-poll-answer-word-letters");
                }
                Ok(PollAnswer::Word(word))
            }
        }
    }

    /// The key it is counted under: `0`…`7`, `1`…`5`, or the word.
    pub fn tally_key(&self) -> String {
        match self {
            PollAnswer::Choice(n) => n.to_string(),
            PollAnswer::Rating(n) => n.to_string(),
            PollAnswer::Word(word) => word.clone(),
        }
    }
}

/// A word as the cloud groups it: lower case, one space between words, the typographic
/// apostrophe as the plain one. Accents are kept ("santé" and "sante" are two words, but
/// nobody writes both).
fn fold_word(typed: &str) -> String {
    typed
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('’', "'")
        .to_lowercase()
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn fold(text: &str) -> String {
    one_line(text).to_lowercase()
}

/// A word of the cloud waiting for a moderator, approved, or kept off the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WordReview {
    Pending,
    Approved,
    Rejected,
}

impl WordReview {
    pub fn key(self) -> &'static str {
        match self {
            WordReview::Pending => "pending",
            WordReview::Approved => "approved",
            WordReview::Rejected => "rejected",
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        [
            WordReview::Pending,
            WordReview::Approved,
            WordReview::Rejected,
        ]
        .into_iter()
        .find(|review| review.key() == key)
    }
}

/// One counted key of a poll (`PollAnswer::tally_key`), how many gave it, and for words
/// their moderation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PollCount {
    pub key: String,
    pub count: u64,
    pub review: Option<WordReview>,
}

/// A poll as pages show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PollInfo {
    pub id: i64,
    pub assembly_id: i64,
    pub kind: PollKind,
    pub question: String,
    pub question_easy: Option<String>,
    pub options: Vec<String>,
    pub state: PollState,
}

impl PollInfo {
    pub fn question(&self, easy_read: bool) -> &str {
        match (&self.question_easy, easy_read) {
            (Some(easy), true) => easy,
            _ => &self.question,
        }
    }
}

/// What a poll's results show: nothing below the minimum group size; else the counts of
/// each option or rating, or the approved words, most given first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum PollResults {
    /// Fewer answers counted than the minimum group size: only how many so far.
    TooFew { answers: u64, min_group: u64 },
    Choice {
        answers: u64,
        /// Each option with its count, in the poll's order.
        counts: Vec<(String, u64)>,
    },
    Rating {
        answers: u64,
        /// How many gave 1, 2, 3, 4 and 5.
        counts: [u64; 5],
        /// The mean, to one decimal, in tenths (37 is 3.7).
        mean_tenths: u64,
    },
    Words {
        answers: u64,
        /// Approved words and how many gave each, most given first (then alphabetical),
        /// at most `CLOUD_MAX`.
        words: Vec<(String, u64)>,
        /// Words still waiting for a moderator.
        pending: u64,
    },
}

impl PollResults {
    /// The results of `poll` from its counted keys. `counted` holds only answers already
    /// mixed among the others (answers waiting, sealed, are in no count).
    pub fn of(poll: &PollInfo, counted: &[PollCount], min_group: u64) -> PollResults {
        let answers: u64 = counted.iter().map(|c| c.count).sum();
        if answers < min_group.max(1) {
            return PollResults::TooFew { answers, min_group };
        }
        let count_of = |key: &str| {
            counted
                .iter()
                .filter(|c| c.key == key)
                .map(|c| c.count)
                .sum::<u64>()
        };
        match poll.kind {
            PollKind::Choice => PollResults::Choice {
                answers,
                counts: poll
                    .options
                    .iter()
                    .enumerate()
                    .map(|(n, option)| (option.clone(), count_of(&n.to_string())))
                    .collect(),
            },
            PollKind::Rating => {
                let counts = [1, 2, 3, 4, 5].map(|n: u64| count_of(&n.to_string()));
                let rated: u64 = counts.iter().sum();
                let total: u64 = counts
                    .iter()
                    .zip(1u64..)
                    .map(|(count, value)| count * value)
                    .sum();
                // Rounded half up, in tenths.
                let mean_tenths = (total * 20 + rated).checked_div(2 * rated).unwrap_or(0);
                PollResults::Rating {
                    answers,
                    counts,
                    mean_tenths,
                }
            }
            PollKind::Words => {
                let mut words: BTreeMap<&str, u64> = BTreeMap::new();
                let mut pending = 0;
                for count in counted {
                    match count.review {
                        Some(WordReview::Approved) => {
                            *words.entry(count.key.as_str()).or_default() += count.count;
                        }
                        Some(WordReview::Pending) | None => pending += count.count,
                        Some(WordReview::Rejected) => {}
                    }
                }
                let mut words: Vec<(String, u64)> = words
                    .into_iter()
                    .map(|(word, count)| (word.to_owned(), count))
                    .collect();
                words.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                words.truncate(CLOUD_MAX);
                PollResults::Words {
                    answers,
                    words,
                    pending,
                }
            }
        }
    }

    pub fn answers(&self) -> u64 {
        match self {
            PollResults::TooFew { answers, .. }
            | PollResults::Choice { answers, .. }
            | PollResults::Rating { answers, .. }
            | PollResults::Words { answers, .. } => *answers,
        }
    }
}

/// A share of `total` in whole percent, rounded half up (0 when nobody answered).
pub fn percent(count: u64, total: u64) -> u64 {
    (count * 200 + total).checked_div(2 * total).unwrap_or(0)
}

/// The size step (1 to 5) of a word in the cloud: its count against the most given word's.
pub fn cloud_step(count: u64, most: u64) -> u64 {
    (1 + (count * 4 + most / 2).checked_div(most).unwrap_or(0)).min(5)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn poll(kind: PollKind, options: &[&str]) -> PollInfo {
        PollInfo {
            id: 1,
            assembly_id: 1,
            kind,
            question: "Comment allez-vous ?".into(),
            question_easy: None,
            options: options.iter().map(|o| (*o).to_owned()).collect(),
            state: PollState::Open,
        }
    }

    fn counted(pairs: &[(&str, u64, Option<WordReview>)]) -> Vec<PollCount> {
        pairs
            .iter()
            .map(|(key, count, review)| PollCount {
                key: (*key).to_owned(),
                count: *count,
                review: *review,
            })
            .collect()
    }

    #[test]
    fn a_poll_is_checked_as_written() {
        let draft = PollDraft::check("choice", "  Quel  sujet ? ", "", "Logement\n\n Emploi \n");
        assert_eq!(
            draft,
            Ok(PollDraft {
                kind: PollKind::Choice,
                question: "Quel sujet ?".into(),
                question_easy: None,
                options: vec!["Logement".into(), "Emploi".into()],
            })
        );
        assert_eq!(
            PollDraft::check("choice", "Quel sujet ?", "", "Logement"),
            Err("error-poll-options-count")
        );
        assert_eq!(
            PollDraft::check("choice", "Quel sujet ?", "", "Logement\nlogement"),
            Err("error-poll-options-twice")
        );
        assert_eq!(
            PollDraft::check(
                "choice",
                "Quel ?",
                "",
                &"a\n".repeat(9).replace("a\n", "x\n")
            ),
            Err("error-poll-options-count"),
            "nine identical lines are still too many options, whatever else"
        );
        let long = "o".repeat(POLL_OPTION_MAX + 1);
        assert_eq!(
            PollDraft::check("choice", "Quel sujet ?", "", &format!("a\n{long}")),
            Err("error-poll-option-too-long")
        );
        assert_eq!(
            PollDraft::check("poll", "Quel sujet ?", "", ""),
            Err("error-poll-kind")
        );
        assert_eq!(
            PollDraft::check("rating", "?", "", ""),
            Err("error-poll-question")
        );
        assert_eq!(
            PollDraft::check("words", "Un mot\u{7} ?", "", ""),
            Err("error-field-invalid")
        );
        let rating = PollDraft::check("rating", "Votre note ?", "Une note de 1 à 5", "a\nb");
        assert!(
            matches!(&rating, Ok(d) if d.options.is_empty() && d.question_easy.as_deref() == Some("Une note de 1 à 5")),
            "options are for single choice only: {rating:?}"
        );
    }

    #[test]
    fn answers_are_read_against_their_poll() {
        assert_eq!(
            PollAnswer::read(PollKind::Choice, 3, "2"),
            Ok(PollAnswer::Choice(2))
        );
        assert_eq!(
            PollAnswer::read(PollKind::Choice, 3, "3"),
            Err("error-poll-answer-choice")
        );
        assert_eq!(
            PollAnswer::read(PollKind::Choice, 3, "-1"),
            Err("error-poll-answer-choice")
        );
        assert_eq!(
            PollAnswer::read(PollKind::Rating, 0, "5"),
            Ok(PollAnswer::Rating(5))
        );
        for refused in ["0", "6", "", "trois"] {
            assert_eq!(
                PollAnswer::read(PollKind::Rating, 0, refused),
                Err("error-poll-answer-rating")
            );
        }
        assert_eq!(
            PollAnswer::read(PollKind::Words, 0, "  Écoute   Mutuelle "),
            Ok(PollAnswer::Word("écoute mutuelle".into()))
        );
        assert_eq!(
            PollAnswer::read(PollKind::Words, 0, "l’entraide"),
            Ok(PollAnswer::Word("l'entraide".into()))
        );
        assert_eq!(
            PollAnswer::read(PollKind::Words, 0, "   "),
            Err("error-poll-answer-word-empty")
        );
        assert_eq!(
            PollAnswer::read(PollKind::Words, 0, "un deux trois quatre"),
            Err("error-poll-answer-word-long")
        );
        assert_eq!(
            PollAnswer::read(PollKind::Words, 0, &"a".repeat(POLL_WORD_MAX + 1)),
            Err("error-poll-answer-word-long")
        );
        assert_eq!(
            PollAnswer::read(PollKind::Words, 0, "<b>gras</b>"),
            Err("error-poll-answer-word-letters")
        );
        assert_eq!(PollAnswer::Word("soin".into()).tally_key(), "soin");
        assert_eq!(PollAnswer::Choice(4).tally_key(), "4");
    }

    #[test]
    fn states_move_forward_and_a_closed_poll_may_reopen() {
        assert_eq!(
            PollState::Ready.change(PollState::Open),
            Ok(PollState::Open)
        );
        assert_eq!(
            PollState::Open.change(PollState::Closed),
            Ok(PollState::Closed)
        );
        assert_eq!(
            PollState::Closed.change(PollState::Open),
            Ok(PollState::Open)
        );
        assert_eq!(
            PollState::Ready.change(PollState::Closed),
            Err("error-poll-state")
        );
        assert_eq!(
            PollState::Open.change(PollState::Open),
            Err("error-poll-state")
        );
        for state in [PollState::Ready, PollState::Open, PollState::Closed] {
            assert_eq!(PollState::parse(state.key()), Some(state));
        }
    }

    #[test]
    fn no_result_shows_below_the_minimum_group() {
        let choice = poll(PollKind::Choice, &["Oui", "Non"]);
        assert_eq!(
            PollResults::of(&choice, &counted(&[("0", 3, None), ("1", 1, None)]), 5),
            PollResults::TooFew {
                answers: 4,
                min_group: 5
            }
        );
        assert_eq!(
            PollResults::of(&choice, &counted(&[("0", 3, None), ("1", 2, None)]), 5),
            PollResults::Choice {
                answers: 5,
                counts: vec![("Oui".into(), 3), ("Non".into(), 2)],
            }
        );
        assert_eq!(
            PollResults::of(&choice, &[], 0),
            PollResults::TooFew {
                answers: 0,
                min_group: 0
            },
            "no answer is never a result"
        );
    }

    #[test]
    fn ratings_count_each_value_and_their_mean() {
        let rating = poll(PollKind::Rating, &[]);
        let results = PollResults::of(
            &rating,
            &counted(&[("5", 2, None), ("4", 1, None), ("2", 2, None)]),
            5,
        );
        // (5·2 + 4 + 2·2) / 5 = 18 / 5 = 3.6
        assert_eq!(
            results,
            PollResults::Rating {
                answers: 5,
                counts: [0, 2, 0, 1, 2],
                mean_tenths: 36
            }
        );
        // 7 / 2 = 3.5; 10 / 3 = 3.33… → 3.3; 11 / 3 = 3.67 → 3.7
        let mean = |pairs: &[(&str, u64, Option<WordReview>)]| match PollResults::of(
            &rating,
            &counted(pairs),
            1,
        ) {
            PollResults::Rating { mean_tenths, .. } => mean_tenths,
            _ => 0,
        };
        assert_eq!(mean(&[("3", 1, None), ("4", 1, None)]), 35);
        assert_eq!(mean(&[("3", 2, None), ("4", 1, None)]), 33);
        assert_eq!(mean(&[("4", 2, None), ("3", 1, None)]), 37);
    }

    #[test]
    fn the_cloud_shows_approved_words_only_most_given_first() {
        let words = poll(PollKind::Words, &[]);
        let results = PollResults::of(
            &words,
            &counted(&[
                ("écoute", 2, Some(WordReview::Approved)),
                ("soin", 4, Some(WordReview::Approved)),
                ("insulte", 3, Some(WordReview::Rejected)),
                ("lien", 2, Some(WordReview::Approved)),
                ("nouveau", 1, Some(WordReview::Pending)),
            ]),
            5,
        );
        assert_eq!(
            results,
            PollResults::Words {
                answers: 12,
                words: vec![("soin".into(), 4), ("lien".into(), 2), ("écoute".into(), 2)],
                pending: 1,
            },
            "ties in alphabetical order (by bytes: accented letters last)"
        );
        let many: Vec<PollCount> = (0..40)
            .map(|n| PollCount {
                key: format!("mot{n:02}"),
                count: 1,
                review: Some(WordReview::Approved),
            })
            .collect();
        assert!(matches!(
            PollResults::of(&words, &many, 5),
            PollResults::Words { words, answers: 40, .. } if words.len() == CLOUD_MAX
        ));
    }

    #[test]
    fn shares_and_cloud_sizes_round_as_people_expect() {
        assert_eq!(percent(1, 3), 33);
        assert_eq!(percent(2, 3), 67);
        assert_eq!(percent(1, 8), 13);
        assert_eq!(percent(0, 0), 0);
        assert_eq!(cloud_step(10, 10), 5);
        assert_eq!(cloud_step(1, 10), 1);
        assert_eq!(cloud_step(5, 10), 3);
        assert_eq!(cloud_step(0, 0), 1);
    }
}
