//! The council's action programme (feuille de route): what it does about the priorities it
//! adopted. Each action rests on a priority, an objective, or both; says who leads it, with
//! whom, for whom, with what money and when; and moves from planned to under way to done —
//! or is dropped, saying why. Progress is told by dated updates, each in plain and easy-read
//! words, so that the public roadmap reads as a story anyone can follow.

use super::Wording;
use super::assembly::{FieldError, LONG_TEXT_MAX, TITLE_MAX, bounded, one_line};
use super::objective::ObjectiveKey;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Who leads ("Groupe de travail logement", "GEM L'Envol").
pub const LEAD_MAX: usize = 120;
/// The partners, as one line ("CMP, bailleurs sociaux, mairie").
pub const PARTNERS_MAX: usize = 400;
/// The public concerned ("Personnes sortant d'hospitalisation").
pub const PUBLIC_MAX: usize = 200;
/// The funder ("ARS Occitanie, appel à projets 2026").
pub const FUNDER_MAX: usize = 120;
/// A budget above a hundred million euros is a typing slip, not a CLSM action.
pub const BUDGET_MAX: u64 = 100_000_000;
/// A programme longer than this is no longer one anybody reads.
pub const ACTIONS_MAX: usize = 200;
/// Updates kept per action.
pub const UPDATES_MAX: usize = 100;

/// Where an action stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActionStatus {
    Planned,
    UnderWay,
    Done,
    Dropped,
}

impl ActionStatus {
    /// In the order a roadmap lists them: what moves first.
    pub const ALL: [Self; 4] = [Self::UnderWay, Self::Planned, Self::Done, Self::Dropped];

    pub fn key(self) -> &'static str {
        match self {
            Self::Planned => "planned",
            Self::UnderWay => "under-way",
            Self::Done => "done",
            Self::Dropped => "dropped",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|status| status.key() == raw)
    }
}

/// A dated step of an action: what happened, and the status it moved to, if it moved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionUpdate {
    pub id: i64,
    pub on: NaiveDate,
    pub text: Wording,
    pub status: Option<ActionStatus>,
}

/// An action as pages show it, its updates newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    pub id: i64,
    pub fields: ActionDraft,
    pub status: ActionStatus,
    pub updates: Vec<ActionUpdate>,
}

impl Action {
    /// Why it was dropped: the text of the update that dropped it.
    pub fn dropped_because(&self) -> Option<&Wording> {
        (self.status == ActionStatus::Dropped)
            .then(|| {
                self.updates
                    .iter()
                    .find(|update| update.status == Some(ActionStatus::Dropped))
                    .map(|update| &update.text)
            })
            .flatten()
    }
}

/// The action form as posted.
#[derive(Debug, Clone, Default)]
pub struct ActionForm<'a> {
    pub title: &'a str,
    pub title_easy: &'a str,
    pub summary: &'a str,
    pub summary_easy: &'a str,
    pub priority: &'a str,
    pub objective: &'a str,
    pub lead: &'a str,
    pub partners: &'a str,
    pub public: &'a str,
    pub budget: &'a str,
    pub funder: &'a str,
    pub starts_on: &'a str,
    pub ends_on: &'a str,
}

/// An action's fields, checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionDraft {
    pub title: Wording,
    /// What it is; `easy` is required: every action has its easy-read summary.
    pub summary: Wording,
    pub priority: Option<i64>,
    pub objective: Option<ObjectiveKey>,
    pub lead: String,
    pub partners: String,
    pub public: String,
    /// Whole euros.
    pub budget: Option<u64>,
    pub funder: String,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
}

/// What an action is checked against: the council's adopted priorities and its objectives.
#[derive(Debug, Clone)]
pub struct ActionContext<'a> {
    pub priorities: &'a [i64],
    pub objectives: &'a [ObjectiveKey],
}

fn date(raw: &str, field: &'static str) -> Result<NaiveDate, FieldError> {
    NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d")
        .map_err(|_| FieldError::new(field, "error-action-date"))
}

/// A budget as people type it: "12000", "12 000", "12 000 €"; `None` when left empty.
pub fn parse_budget(raw: &str) -> Result<Option<u64>, FieldError> {
    let digits: String = raw
        .trim()
        .trim_end_matches('€')
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if digits.is_empty() {
        return Ok(None);
    }
    digits
        .parse::<u64>()
        .ok()
        .filter(|euros| *euros <= BUDGET_MAX)
        .map(Some)
        .ok_or(FieldError::new("budget", "error-action-budget"))
}

impl ActionDraft {
    /// The first field in form order that is wrong, with its message key.
    pub fn check(form: &ActionForm, context: &ActionContext) -> Result<Self, FieldError> {
        let title = one_line(form.title);
        bounded(&title, "title", 3, TITLE_MAX)?;
        let title_easy = one_line(form.title_easy);
        bounded(&title_easy, "title_easy", 0, TITLE_MAX)?;
        let summary = form.summary.trim().to_owned();
        bounded(&summary, "summary", 10, LONG_TEXT_MAX)?;
        let summary_easy = form.summary_easy.trim().to_owned();
        bounded(&summary_easy, "summary_easy", 10, LONG_TEXT_MAX)?;
        let priority = match form.priority.trim() {
            "" => None,
            raw => Some(
                raw.parse::<i64>()
                    .ok()
                    .filter(|id| context.priorities.contains(id))
                    .ok_or(FieldError::new("priority", "error-action-priority"))?,
            ),
        };
        let objective = match form.objective.trim() {
            "" => None,
            raw => Some(
                ObjectiveKey::parse(raw)
                    .filter(|key| context.objectives.contains(key))
                    .ok_or(FieldError::new("objective", "error-action-objective"))?,
            ),
        };
        // An action nobody can place in the programme would hang in the air.
        if priority.is_none() && objective.is_none() {
            return Err(FieldError::new("priority", "error-action-unattached"));
        }
        let lead = one_line(form.lead);
        bounded(&lead, "lead", 2, LEAD_MAX)?;
        let partners = one_line(form.partners);
        bounded(&partners, "partners", 0, PARTNERS_MAX)?;
        let public = one_line(form.public);
        bounded(&public, "public", 0, PUBLIC_MAX)?;
        let budget = parse_budget(form.budget)?;
        let funder = one_line(form.funder);
        bounded(&funder, "funder", 0, FUNDER_MAX)?;
        let starts_on = date(form.starts_on, "starts_on")?;
        let ends_on = match form.ends_on.trim() {
            "" => None,
            raw => Some(date(raw, "ends_on")?),
        };
        if ends_on.is_some_and(|ends| ends < starts_on) {
            return Err(FieldError::new("ends_on", "error-action-ends-before"));
        }
        Ok(Self {
            title: Wording {
                plain: title,
                easy: title_easy,
            },
            summary: Wording {
                plain: summary,
                easy: summary_easy,
            },
            priority,
            objective,
            lead,
            partners,
            public,
            budget,
            funder,
            starts_on,
            ends_on,
        })
    }
}

/// An update as posted.
#[derive(Debug, Clone, Default)]
pub struct UpdateForm<'a> {
    pub on: &'a str,
    pub text: &'a str,
    pub text_easy: &'a str,
    pub status: &'a str,
}

/// An update, checked: `status` is `None` when the action stays where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpdateDraft {
    pub on: NaiveDate,
    pub text: Wording,
    pub status: Option<ActionStatus>,
}

impl UpdateDraft {
    /// `current` is the action's status now; `today` the council's day (an update tells
    /// what happened, never what will).
    pub fn check(
        form: &UpdateForm,
        current: ActionStatus,
        today: NaiveDate,
    ) -> Result<Self, FieldError> {
        let on = date(form.on, "on")?;
        if on > today {
            return Err(FieldError::new("on", "error-action-update-future"));
        }
        let text = form.text.trim().to_owned();
        bounded(&text, "text", 10, LONG_TEXT_MAX)?;
        let text_easy = form.text_easy.trim().to_owned();
        bounded(&text_easy, "text_easy", 0, LONG_TEXT_MAX)?;
        let status = match form.status.trim() {
            "" => None,
            raw => Some(
                ActionStatus::parse(raw).ok_or(FieldError::new("status", "error-action-status"))?,
            ),
        }
        .filter(|status| *status != current);
        Ok(Self {
            on,
            text: Wording {
                plain: text,
                easy: text_easy,
            },
            status,
        })
    }
}

/// How the public roadmap groups its actions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum RoadmapGrouping {
    #[default]
    ByPriority,
    ByStatus,
    ByObjective,
}

impl RoadmapGrouping {
    pub const ALL: [Self; 3] = [Self::ByPriority, Self::ByStatus, Self::ByObjective];

    /// The `par` query parameter's value.
    pub fn key(self) -> &'static str {
        match self {
            Self::ByPriority => "priorite",
            Self::ByStatus => "statut",
            Self::ByObjective => "objectif",
        }
    }

    /// An unknown value falls back to the default: a link is never an error.
    pub fn parse(raw: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|grouping| grouping.key() == raw)
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(raw: &str) -> NaiveDate {
        NaiveDate::parse_from_str(raw, "%Y-%m-%d").unwrap_or_default()
    }

    fn keys() -> Vec<ObjectiveKey> {
        ["acces-aux-soins", "logement"]
            .into_iter()
            .filter_map(ObjectiveKey::parse)
            .collect()
    }

    fn form() -> ActionForm<'static> {
        ActionForm {
            title: " Ouvrir un accueil\n de jour ",
            title_easy: "",
            summary: "Un lieu ouvert sans rendez-vous, trois jours par semaine.",
            summary_easy: "Un lieu pour venir sans rendez-vous.",
            priority: "7",
            objective: "",
            lead: "Groupe de travail accueil",
            partners: "CMP, GEM",
            public: "",
            budget: "12 000 €",
            funder: "ARS",
            starts_on: "2026-09-01",
            ends_on: "",
        }
    }

    #[test]
    fn an_action_is_trimmed_and_its_budget_read_as_typed() {
        let objectives = keys();
        let context = ActionContext {
            priorities: &[7, 8],
            objectives: &objectives,
        };
        let draft = ActionDraft::check(&form(), &context);
        assert_eq!(
            draft.as_ref().map(|d| d.title.plain.as_str()),
            Ok("Ouvrir un accueil de jour")
        );
        assert_eq!(draft.as_ref().map(|d| d.budget), Ok(Some(12_000)));
        assert_eq!(draft.map(|d| d.priority), Ok(Some(7)));
        assert_eq!(parse_budget(""), Ok(None));
        assert_eq!(parse_budget("1 500"), Ok(Some(1500)));
    }

    #[test]
    fn each_wrong_field_is_named() {
        let objectives = keys();
        let context = ActionContext {
            priorities: &[7, 8],
            objectives: &objectives,
        };
        let cases: [(ActionForm, &str, &str); 10] = [
            (
                ActionForm {
                    title: "",
                    ..form()
                },
                "title",
                "error-field-empty",
            ),
            (
                ActionForm {
                    summary_easy: "",
                    ..form()
                },
                "summary_easy",
                "error-field-empty",
            ),
            (
                ActionForm {
                    priority: "99",
                    ..form()
                },
                "priority",
                "error-action-priority",
            ),
            (
                ActionForm {
                    objective: "inconnu",
                    ..form()
                },
                "objective",
                "error-action-objective",
            ),
            (
                ActionForm {
                    priority: "",
                    objective: "",
                    ..form()
                },
                "priority",
                "error-action-unattached",
            ),
            (
                ActionForm { lead: "", ..form() },
                "lead",
                "error-field-empty",
            ),
            (
                ActionForm {
                    budget: "douze mille",
                    ..form()
                },
                "budget",
                "error-action-budget",
            ),
            (
                ActionForm {
                    budget: "1000000000",
                    ..form()
                },
                "budget",
                "error-action-budget",
            ),
            (
                ActionForm {
                    starts_on: "01/09/2026",
                    ..form()
                },
                "starts_on",
                "error-action-date",
            ),
            (
                ActionForm {
                    ends_on: "2026-08-31",
                    ..form()
                },
                "ends_on",
                "error-action-ends-before",
            ),
        ];
        for (wrong, field, message) in cases {
            assert_eq!(
                ActionDraft::check(&wrong, &context),
                Err(FieldError::new(field, message)),
                "{field}"
            );
        }
        let on_objective = ActionForm {
            priority: "",
            objective: "logement",
            ..form()
        };
        assert_eq!(
            ActionDraft::check(&on_objective, &context)
                .ok()
                .and_then(|d| d.objective)
                .map(|key| key.as_str().to_owned()),
            Some("logement".to_owned())
        );
    }

    #[test]
    fn an_update_tells_the_past_and_moves_the_status_only_when_it_changes() {
        let today = day("2026-10-10");
        let update = UpdateForm {
            on: "2026-10-01",
            text: "Le local est trouvé, rue des Lilas.",
            text_easy: "",
            status: "under-way",
        };
        let moved = UpdateDraft::check(&update, ActionStatus::Planned, today);
        assert_eq!(moved.map(|d| d.status), Ok(Some(ActionStatus::UnderWay)));
        let same = UpdateDraft::check(&update, ActionStatus::UnderWay, today);
        assert_eq!(same.map(|d| d.status), Ok(None));
        let later = UpdateForm {
            on: "2026-10-11",
            ..update.clone()
        };
        assert_eq!(
            UpdateDraft::check(&later, ActionStatus::Planned, today),
            Err(FieldError::new("on", "error-action-update-future"))
        );
        let odd = UpdateForm {
            status: "finished",
            ..update.clone()
        };
        assert_eq!(
            UpdateDraft::check(&odd, ActionStatus::Planned, today),
            Err(FieldError::new("status", "error-action-status"))
        );
        let short = UpdateForm {
            text: "Fait.",
            ..update
        };
        assert_eq!(
            UpdateDraft::check(&short, ActionStatus::Planned, today).map_err(|e| e.field),
            Err("text")
        );
    }

    #[test]
    fn a_dropped_action_says_why_and_groupings_read_their_links() {
        let reason = Wording {
            plain: "Le financement n'a pas été obtenu.".into(),
            easy: String::new(),
        };
        let action = Action {
            id: 1,
            fields: ActionDraft {
                title: Wording::default(),
                summary: Wording::default(),
                priority: Some(7),
                objective: None,
                lead: "GT".into(),
                partners: String::new(),
                public: String::new(),
                budget: None,
                funder: String::new(),
                starts_on: day("2026-01-01"),
                ends_on: None,
            },
            status: ActionStatus::Dropped,
            updates: vec![ActionUpdate {
                id: 3,
                on: day("2026-03-01"),
                text: reason.clone(),
                status: Some(ActionStatus::Dropped),
            }],
        };
        assert_eq!(action.dropped_because(), Some(&reason));
        assert_eq!(RoadmapGrouping::parse("statut"), RoadmapGrouping::ByStatus);
        assert_eq!(
            RoadmapGrouping::parse("n'importe"),
            RoadmapGrouping::ByPriority
        );
        assert_eq!(
            ActionStatus::parse("under-way"),
            Some(ActionStatus::UnderWay)
        );
    }
}
