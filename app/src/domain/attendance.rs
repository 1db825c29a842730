//! Who was in the room, by college, never by person. Two sources: participants who say so
//! themselves on the live page (each once, their college sealed and counted only in groups
//! of at least the council's minimum, as a poll's answers are), and the facilitator's count
//! at the door, by college (it includes those without a phone, so it is the figure shown
//! when there is one). Figures are shown with the small-group rule: a college under the
//! minimum is merged with others, and the total minus the colleges shown never uncovers it.

use super::FieldError;
use super::survey::grouping;
use serde::{Deserialize, Serialize};

/// A door count above this is a typing slip, not a CLSM assembly.
pub const DOOR_COUNT_MAX: usize = 50_000;

/// Where a figure comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AttendanceSource {
    /// Said by the participants themselves on the live page.
    Declared,
    /// Counted at the door by a facilitator.
    Door,
}

impl AttendanceSource {
    pub fn key(self) -> &'static str {
        match self {
            Self::Declared => "declared",
            Self::Door => "door",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        [Self::Declared, Self::Door]
            .into_iter()
            .find(|source| source.key() == raw)
    }
}

/// An assembly's attendance as stored: people per college, from each source.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Headcount {
    pub door: Vec<(String, usize)>,
    pub declared: Vec<(String, usize)>,
}

impl Headcount {
    /// The figure an assembly is known by: the door count when a facilitator made one,
    /// else what participants declared; `None` when nobody was counted.
    pub fn chosen(&self) -> Option<(AttendanceSource, &[(String, usize)])> {
        let total = |counts: &[(String, usize)]| counts.iter().map(|(_, n)| n).sum::<usize>();
        if total(&self.door) > 0 {
            Some((AttendanceSource::Door, &self.door))
        } else if total(&self.declared) > 0 {
            Some((AttendanceSource::Declared, &self.declared))
        } else {
            None
        }
    }
}

/// Attendance as a page may show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendanceShown {
    pub total: usize,
    /// The colleges shown on their own, in the council's order, with their count.
    pub colleges: Vec<(String, usize)>,
    /// The colleges merged together and how many they were (never under the minimum);
    /// empty when none was merged.
    pub merged: Vec<String>,
    pub merged_count: usize,
}

/// The small-group rule applied to people per college (in the council's order). With
/// fewer than two groups to show, only the total.
pub fn shown(counts: &[(String, usize)], min_group: usize) -> AttendanceShown {
    let total = counts.iter().map(|(_, n)| n).sum();
    match grouping(counts, min_group) {
        Some(grouped) => {
            let colleges = grouped
                .shown
                .iter()
                .filter_map(|key| counts.iter().find(|(k, _)| k == key).cloned())
                .collect();
            let merged_count = counts
                .iter()
                .filter(|(key, _)| grouped.merged.contains(key))
                .map(|(_, n)| n)
                .sum();
            AttendanceShown {
                total,
                colleges,
                merged: grouped.merged,
                merged_count,
            }
        }
        None => AttendanceShown {
            total,
            colleges: Vec::new(),
            merged: Vec::new(),
            merged_count: 0,
        },
    }
}

/// A door count as typed: empty is 0; anything but a whole number up to
/// [`DOOR_COUNT_MAX`] is refused.
pub fn parse_door_count(raw: &str, field: &'static str) -> Result<usize, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(0);
    }
    raw.parse::<usize>()
        .ok()
        .filter(|n| *n <= DOOR_COUNT_MAX)
        .ok_or(FieldError::new(field, "error-attendance-count"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(list: &[(&str, usize)]) -> Vec<(String, usize)> {
        list.iter().map(|(k, n)| ((*k).to_owned(), *n)).collect()
    }

    #[test]
    fn the_door_count_wins_over_what_was_declared() {
        let both = Headcount {
            door: counts(&[("usagers", 12), ("elus", 0)]),
            declared: counts(&[("usagers", 7)]),
        };
        assert_eq!(both.chosen().map(|(s, _)| s), Some(AttendanceSource::Door));
        let declared = Headcount {
            door: counts(&[("usagers", 0)]),
            declared: counts(&[("usagers", 7)]),
        };
        assert_eq!(
            declared.chosen().map(|(s, _)| s),
            Some(AttendanceSource::Declared)
        );
        assert_eq!(Headcount::default().chosen(), None);
    }

    #[test]
    fn a_small_college_is_merged_and_never_uncovered_by_the_total() {
        // Three elected officials among forty: with a minimum of five, they are merged
        // with the smallest college shown, so that 40 minus the colleges shown is never 3.
        let room = counts(&[
            ("habitants", 20),
            ("usagers", 10),
            ("aidants", 7),
            ("elus", 3),
        ]);
        let seen = shown(&room, 5);
        assert_eq!(seen.total, 40);
        assert_eq!(seen.colleges, counts(&[("habitants", 20), ("usagers", 10)]));
        assert_eq!(seen.merged, vec!["aidants".to_owned(), "elus".to_owned()]);
        assert_eq!(seen.merged_count, 10);
        let shown_sum: usize = seen.colleges.iter().map(|(_, n)| n).sum();
        assert!(seen.total - shown_sum >= 5);
        // Everyone in one college but two: only the total.
        let lonely = shown(&counts(&[("habitants", 30), ("elus", 2)]), 5);
        assert_eq!((lonely.total, lonely.colleges.len()), (32, 0));
    }

    #[test]
    fn a_door_count_is_a_whole_number() {
        assert_eq!(parse_door_count(" 12 ", "n"), Ok(12));
        assert_eq!(parse_door_count("", "n"), Ok(0));
        for wrong in ["-1", "douze", "1.5", "60000"] {
            assert_eq!(
                parse_door_count(wrong, "n"),
                Err(FieldError::new("n", "error-attendance-count")),
                "{wrong}"
            );
        }
    }
}
