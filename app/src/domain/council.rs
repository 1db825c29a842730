//! A council and its diagnosis findings, as plain records.

use super::{College, CouncilSlug, Objective};
use serde::{Deserialize, Serialize};

/// A text written twice: in plain language and in easy-read (FALC).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Wording {
    pub plain: String,
    pub easy: String,
}

impl Wording {
    /// The easy-read text when asked for and written; otherwise the plain text.
    pub fn pick(&self, easy_read: bool) -> &str {
        if easy_read && !self.easy.trim().is_empty() {
            &self.easy
        } else {
            &self.plain
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouncilSummary {
    pub slug: CouncilSlug,
    pub name: String,
    pub territory: String,
    pub finding_count: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Council {
    pub slug: CouncilSlug,
    pub name: String,
    pub territory: String,
    pub description: Wording,
    pub colleges: Vec<College>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub id: i64,
    pub objective: Objective,
    pub title: Wording,
    pub summary: Wording,
    pub detail: Wording,
    pub source: String,
}

/// The smallest group whose figures are shown on their own (a college's vote ranking, a
/// survey breakdown): smaller groups are merged or hidden, so that nobody in a handful of
/// people can be recognised by their answers. Each council chooses it within these bounds.
pub const MIN_GROUP_DEFAULT: u32 = 5;
/// Below three, one member of a group of two learns the other's answer from the figures.
pub const MIN_GROUP_LOWEST: u32 = 3;
pub const MIN_GROUP_HIGHEST: u32 = 50;

/// Reads a minimum group size as typed; the error is a Fluent id.
pub fn parse_min_group_size(typed: &str) -> Result<u32, &'static str> {
    typed
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|size| (MIN_GROUP_LOWEST..=MIN_GROUP_HIGHEST).contains(size))
        .ok_or("error-min-group-range")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_minimum_group_size_is_a_whole_number_within_the_bounds() {
        assert_eq!(parse_min_group_size(" 8 "), Ok(8));
        assert_eq!(parse_min_group_size("3"), Ok(MIN_GROUP_LOWEST));
        assert_eq!(parse_min_group_size("50"), Ok(MIN_GROUP_HIGHEST));
        for refused in ["2", "51", "0", "-5", "5.5", "cinq", ""] {
            assert_eq!(
                parse_min_group_size(refused),
                Err("error-min-group-range"),
                "{refused}"
            );
        }
    }

    #[test]
    fn pick_prefers_easy_only_when_asked_and_written() {
        let w = Wording {
            plain: "Plain".into(),
            easy: "Easy".into(),
        };
        assert_eq!(w.pick(false), "Plain");
        assert_eq!(w.pick(true), "Easy");
        let missing = Wording {
            plain: "Plain".into(),
            easy: "  ".into(),
        };
        assert_eq!(missing.pick(true), "Plain");
    }
}
