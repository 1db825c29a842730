//! How many writes the rate limits refused, per vote and per survey, for the staff who run
//! them: a count only. A write refused before any handler runs has not been read, so it is
//! put down to the page it was sent from (its `Referer`, `/{council}/votes/{id}` or
//! `/{council}/questionnaires/{id}`); a script that sends none is counted nowhere. Nothing
//! else is kept: no address, no participant, no time.
//!
//! Counted in this process's memory since it started (several instances each count their
//! own): a sign for the staff that a vote is being hammered, not a record.

use std::collections::HashMap;
use std::sync::Mutex;

/// What a refused write was aimed at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    Vote(i64),
    Survey(i64),
}

impl Target {
    /// The vote or survey a page's path names (`/clsm-x/votes/12`, with or without what
    /// follows), if any.
    pub fn of_path(path: &str) -> Option<Target> {
        let mut parts = path.trim_start_matches('/').split(['/', '?', '#']);
        let _council = parts.next().filter(|slug| !slug.is_empty())?;
        let kind = parts.next()?;
        let id: i64 = parts.next()?.parse().ok()?;
        match kind {
            "votes" => Some(Target::Vote(id)),
            "questionnaires" => Some(Target::Survey(id)),
            _ => None,
        }
    }
}

/// Targets counted at most: forged paths naming made-up ids cannot make the map grow
/// without end; past it, only targets already counted go on counting.
const TARGETS_MAX: usize = 10_000;

#[derive(Debug, Default)]
pub struct RefusedWrites {
    counts: Mutex<HashMap<Target, u64>>,
}

impl RefusedWrites {
    /// Notes one refused write sent from the page at `page` (a `Referer`: an address, or
    /// a path).
    pub fn note(&self, page: &str) {
        // `https://host/clsm-x/votes/12` → `/clsm-x/votes/12`.
        let path = match page.split_once("://") {
            Some((_, rest)) => rest.find('/').map_or("", |at| &rest[at..]),
            None => page,
        };
        let Some(target) = Target::of_path(path) else {
            return;
        };
        let Ok(mut counts) = self.counts.lock() else {
            return;
        };
        if counts.len() >= TARGETS_MAX && !counts.contains_key(&target) {
            return;
        }
        *counts.entry(target).or_default() += 1;
    }

    pub fn count(&self, target: Target) -> u64 {
        self.counts
            .lock()
            .map(|counts| counts.get(&target).copied().unwrap_or(0))
            .unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_counts_for_the_vote_or_survey_its_page_names_and_nothing_else() {
        let refused = RefusedWrites::default();
        refused.note("https://agora.example/clsm-x/votes/12");
        refused.note("/clsm-x/votes/12/resultats?x=1");
        refused.note("/clsm-x/questionnaires/3#q");
        refused.note("/clsm-x/temoignages");
        refused.note("/clsm-x/votes/douze");
        refused.note("");
        assert_eq!(refused.count(Target::Vote(12)), 2);
        assert_eq!(refused.count(Target::Survey(3)), 1);
        assert_eq!(refused.count(Target::Vote(3)), 0);
    }

    #[test]
    fn made_up_targets_stop_growing_the_map() {
        let refused = RefusedWrites::default();
        for id in 0..(TARGETS_MAX as i64 + 50) {
            refused.note(&format!("/x/votes/{id}"));
        }
        refused.note("/x/votes/1");
        assert_eq!(
            refused.counts.lock().map(|c| c.len()).unwrap_or(0),
            TARGETS_MAX
        );
        assert_eq!(refused.count(Target::Vote(1)), 2);
        assert_eq!(refused.count(Target::Vote(TARGETS_MAX as i64 + 10)), 0);
    }
}
