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

#[cfg(test)]
mod tests {
    use super::*;

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
