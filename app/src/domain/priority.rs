//! The priorities a council adopts after a vote: what the room's standing became once a body
//! (the steering committee, most often) decided. Each rests on findings of the vote, says why,
//! in plain and easy-read words, when and by whom it was decided. The public page "what your
//! vote became" shows them beside the vote's results, so that those who voted see the loop
//! close.

use super::Wording;
use super::assembly::{FieldError, LONG_TEXT_MAX, TITLE_MAX, bounded, one_line};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The body that decided, as typed ("Comité de pilotage du 12 mars").
pub const DECIDED_BY_MAX: usize = 120;

/// A council keeps a handful of priorities per vote; more is a list nobody can follow.
pub const PRIORITIES_PER_VOTE_MAX: usize = 12;

/// An adopted priority as pages show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Priority {
    pub id: i64,
    pub vote_id: i64,
    /// 1 for the first; no gaps.
    pub rank: u32,
    pub title: Wording,
    pub reason: Wording,
    /// The vote's findings it rests on, in the vote's ballot order.
    pub findings: Vec<i64>,
    pub decided_on: NaiveDate,
    pub decided_by: String,
}

/// The priority form as posted.
#[derive(Debug, Clone, Default)]
pub struct PriorityForm<'a> {
    pub title: &'a str,
    pub title_easy: &'a str,
    pub reason: &'a str,
    pub reason_easy: &'a str,
    pub findings: Vec<&'a str>,
    pub decided_on: &'a str,
    pub decided_by: &'a str,
}

/// A priority's fields, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PriorityDraft {
    pub title: Wording,
    pub reason: Wording,
    pub findings: Vec<i64>,
    pub decided_on: NaiveDate,
    pub decided_by: String,
}

/// What a draft is checked against: the vote's own findings (a priority rests on what was
/// put to the vote), the day it opened (nothing is decided on a vote before it) and today.
#[derive(Debug, Clone)]
pub struct PriorityContext<'a> {
    pub candidates: &'a [i64],
    pub vote_opened: NaiveDate,
    pub today: NaiveDate,
}

impl PriorityDraft {
    /// The first field in form order that is wrong, with its message key.
    pub fn check(form: &PriorityForm, context: &PriorityContext) -> Result<Self, FieldError> {
        let title = one_line(form.title);
        bounded(&title, "title", 3, TITLE_MAX)?;
        let title_easy = one_line(form.title_easy);
        bounded(&title_easy, "title_easy", 0, TITLE_MAX)?;
        let reason = form.reason.trim().to_owned();
        bounded(&reason, "reason", 10, LONG_TEXT_MAX)?;
        let reason_easy = form.reason_easy.trim().to_owned();
        bounded(&reason_easy, "reason_easy", 0, LONG_TEXT_MAX)?;
        let mut findings = Vec::new();
        for raw in &form.findings {
            let id = raw
                .trim()
                .parse::<i64>()
                .ok()
                .filter(|id| context.candidates.contains(id))
                .ok_or(FieldError::new("findings", "error-priority-finding"))?;
            if !findings.contains(&id) {
                findings.push(id);
            }
        }
        if findings.is_empty() {
            return Err(FieldError::new("findings", "error-priority-no-finding"));
        }
        // In ballot order, whatever order the boxes came in.
        findings.sort_by_key(|id| context.candidates.iter().position(|c| c == id));
        let decided_on = NaiveDate::parse_from_str(form.decided_on.trim(), "%Y-%m-%d")
            .map_err(|_| FieldError::new("decided_on", "error-priority-date"))?;
        if decided_on > context.today {
            return Err(FieldError::new("decided_on", "error-priority-future"));
        }
        if decided_on < context.vote_opened {
            return Err(FieldError::new("decided_on", "error-priority-before-vote"));
        }
        let decided_by = one_line(form.decided_by);
        bounded(&decided_by, "decided_by", 2, DECIDED_BY_MAX)?;
        Ok(Self {
            title: Wording {
                plain: title,
                easy: title_easy,
            },
            reason: Wording {
                plain: reason,
                easy: reason_easy,
            },
            findings,
            decided_on,
            decided_by,
        })
    }
}

/// Where a priority goes when moved: ranks stay 1..=n, the one moved swaps with its
/// neighbour; `None` when it is already at that end.
pub fn moved(ranks: &[i64], id: i64, up: bool) -> Option<Vec<i64>> {
    let at = ranks.iter().position(|r| *r == id)?;
    let to = if up { at.checked_sub(1)? } else { at + 1 };
    if to >= ranks.len() {
        return None;
    }
    let mut order = ranks.to_vec();
    order.swap(at, to);
    Some(order)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(raw: &str) -> NaiveDate {
        NaiveDate::parse_from_str(raw, "%Y-%m-%d").unwrap_or_default()
    }

    fn context() -> PriorityContext<'static> {
        PriorityContext {
            candidates: &[11, 12, 13],
            vote_opened: day("2026-03-01"),
            today: day("2026-04-10"),
        }
    }

    fn form() -> PriorityForm<'static> {
        PriorityForm {
            title: "  Un accueil de jour\n sans rendez-vous ",
            title_easy: "",
            reason: "Premier du vote dans tous les collèges.",
            reason_easy: "",
            findings: vec!["13", "11"],
            decided_on: "2026-04-02",
            decided_by: "Comité de pilotage",
        }
    }

    #[test]
    fn a_priority_is_trimmed_and_its_findings_follow_the_ballot() {
        let draft = PriorityDraft::check(&form(), &context());
        assert_eq!(
            draft.as_ref().map(|d| d.title.plain.as_str()),
            Ok("Un accueil de jour sans rendez-vous")
        );
        assert_eq!(draft.map(|d| d.findings), Ok(vec![11, 13]));
    }

    #[test]
    fn each_wrong_field_is_named() {
        let cases: [(PriorityForm, &str, &str); 7] = [
            (
                PriorityForm {
                    title: "",
                    ..form()
                },
                "title",
                "error-field-empty",
            ),
            (
                PriorityForm {
                    reason: "court",
                    ..form()
                },
                "reason",
                "error-field-too-short",
            ),
            (
                PriorityForm {
                    findings: vec![],
                    ..form()
                },
                "findings",
                "error-priority-no-finding",
            ),
            (
                PriorityForm {
                    findings: vec!["99"],
                    ..form()
                },
                "findings",
                "error-priority-finding",
            ),
            (
                PriorityForm {
                    decided_on: "02/04/2026",
                    ..form()
                },
                "decided_on",
                "error-priority-date",
            ),
            (
                PriorityForm {
                    decided_on: "2026-05-01",
                    ..form()
                },
                "decided_on",
                "error-priority-future",
            ),
            (
                PriorityForm {
                    decided_on: "2026-02-28",
                    ..form()
                },
                "decided_on",
                "error-priority-before-vote",
            ),
        ];
        for (wrong, field, message) in cases {
            assert_eq!(
                PriorityDraft::check(&wrong, &context()),
                Err(FieldError::new(field, message)),
                "{field}"
            );
        }
        let nobody = PriorityForm {
            decided_by: " ",
            ..form()
        };
        assert_eq!(
            PriorityDraft::check(&nobody, &context()).map_err(|e| e.field),
            Err("decided_by")
        );
    }

    #[test]
    fn a_move_swaps_with_the_neighbour_and_stops_at_the_ends() {
        assert_eq!(moved(&[5, 6, 7], 6, true), Some(vec![6, 5, 7]));
        assert_eq!(moved(&[5, 6, 7], 6, false), Some(vec![5, 7, 6]));
        assert_eq!(moved(&[5, 6, 7], 5, true), None);
        assert_eq!(moved(&[5, 6, 7], 7, false), None);
        assert_eq!(moved(&[5, 6, 7], 9, false), None);
    }
}
