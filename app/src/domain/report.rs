//! The annual report (bilan annuel): what the council did in a year and who took part, sent
//! to its members and to the ARS. Figures come from what Agora holds; the coordinator adds
//! partnerships, difficulties and next year's plans, and the indicators chosen for the year.
//!
//! Participation per college follows one rule: an event's figure (an assembly's attendance,
//! a vote's ballots, a survey's responses) is shown per college only as the event's own
//! page shows it (`attendance::shown`, the small-group rule), and the year adds up what was
//! shown. A college hidden at one event stays in "other colleges" for the year, even when
//! other events show it: subtracting the year from the events' pages uncovers nobody.

use super::Wording;
use super::assembly::{FieldError, LONG_TEXT_MAX, TITLE_MAX, bounded, one_line};
use super::attendance::shown;
use serde::{Deserialize, Serialize};

/// Years a report can be asked for: before 2000 there was no CLSM on Agora.
pub const YEAR_FIRST: i32 = 2000;
pub const YEAR_LAST: i32 = 2100;
/// Indicators per year: a report with more is a spreadsheet, not a report.
pub const INDICATORS_MAX: usize = 20;
/// A typed value ("78 %", "12 structures") or target.
pub const VALUE_MAX: usize = 60;
/// Where a typed value comes from ("Enquête ARS 2026, page 12").
pub const SOURCE_MAX: usize = 200;

/// The group a count falls in when the person did not say their college.
pub const NOT_SAID: &str = "";

/// A year as it appears in an address, within [`YEAR_FIRST`]..=[`YEAR_LAST`].
pub fn parse_year(raw: &str) -> Option<i32> {
    raw.trim()
        .parse::<i32>()
        .ok()
        .filter(|year| (YEAR_FIRST..=YEAR_LAST).contains(year))
}

/// How people took part, each counted per college.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Participation {
    /// People present at assemblies (door count, else declared).
    Attendance,
    /// Questions asked in the rooms.
    Questions,
    /// Ballots cast in votes.
    Ballots,
    /// Survey responses.
    Responses,
    /// Testimonies received.
    Testimonies,
}

impl Participation {
    pub const ALL: [Self; 5] = [
        Self::Attendance,
        Self::Questions,
        Self::Ballots,
        Self::Responses,
        Self::Testimonies,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Self::Attendance => "attendance",
            Self::Questions => "questions",
            Self::Ballots => "ballots",
            Self::Responses => "responses",
            Self::Testimonies => "testimonies",
        }
    }
}

/// A count Agora computes for an indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Metric {
    Assemblies,
    Votes,
    Surveys,
    PrioritiesAdopted,
    ActionsUnderWay,
    ActionsDone,
    Took(Participation),
}

impl Metric {
    pub const ALL: [Self; 11] = [
        Self::Assemblies,
        Self::Votes,
        Self::Surveys,
        Self::PrioritiesAdopted,
        Self::ActionsUnderWay,
        Self::ActionsDone,
        Self::Took(Participation::Attendance),
        Self::Took(Participation::Questions),
        Self::Took(Participation::Ballots),
        Self::Took(Participation::Responses),
        Self::Took(Participation::Testimonies),
    ];

    pub fn key(self) -> &'static str {
        match self {
            Self::Assemblies => "assemblies",
            Self::Votes => "votes",
            Self::Surveys => "surveys",
            Self::PrioritiesAdopted => "priorities",
            Self::ActionsUnderWay => "actions-under-way",
            Self::ActionsDone => "actions-done",
            Self::Took(kind) => kind.key(),
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|metric| metric.key() == raw)
    }

    /// Its value in a year's figures.
    pub fn value(self, activity: &Activity, participation: &[ParticipationRow]) -> usize {
        match self {
            Self::Assemblies => activity.assemblies,
            Self::Votes => activity.votes,
            Self::Surveys => activity.surveys,
            Self::PrioritiesAdopted => activity.priorities,
            Self::ActionsUnderWay => activity.actions_under_way,
            Self::ActionsDone => activity.actions_done,
            Self::Took(kind) => participation
                .iter()
                .find(|row| row.kind == kind)
                .map_or(0, |row| row.total),
        }
    }
}

/// What the council did in the year.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    /// Assemblies held (their start in the year).
    pub assemblies: usize,
    /// Votes closed in the year.
    pub votes: usize,
    /// Surveys opened in the year.
    pub surveys: usize,
    /// Testimonies received.
    pub testimonies: usize,
    /// Priorities adopted (decided in the year).
    pub priorities: usize,
    /// Actions of the programme running in the year, by where they stand now.
    pub actions_planned: usize,
    pub actions_under_way: usize,
    pub actions_done: usize,
    pub actions_dropped: usize,
    /// News given about actions, dated in the year.
    pub action_updates: usize,
}

/// One way of taking part over the year: the total, the colleges shown, and what stays
/// together as "other colleges" (`others` = total minus the colleges shown).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParticipationRow {
    pub kind: Participation,
    pub total: usize,
    /// Colleges shown, in the order first met; [`NOT_SAID`] for people who did not say.
    pub colleges: Vec<(String, usize)>,
    pub others: usize,
}

impl ParticipationRow {
    pub fn new(kind: Participation) -> Self {
        Self {
            kind,
            total: 0,
            colleges: Vec::new(),
            others: 0,
        }
    }

    /// Adds one event's counts per college as its page shows them: the colleges the
    /// small-group rule shows are added to theirs, the rest to "other colleges".
    pub fn add_event(&mut self, counts: &[(String, usize)], min_group: usize) {
        let event = shown(counts, min_group);
        let mut shown_sum = 0;
        for (college, n) in &event.colleges {
            shown_sum += n;
            match self.colleges.iter_mut().find(|(key, _)| key == college) {
                Some((_, sum)) => *sum += n,
                None => self.colleges.push((college.clone(), *n)),
            }
        }
        self.total += event.total;
        self.others += event.total - shown_sum;
    }

    /// Orders the colleges as the council lists them (unknown ones after, "not said" last).
    pub fn order_by(&mut self, order: &[String]) {
        let rank = |key: &str| {
            if key == NOT_SAID {
                usize::MAX
            } else {
                order.iter().position(|k| k == key).unwrap_or(order.len())
            }
        };
        self.colleges.sort_by_key(|(key, _)| rank(key));
    }
}

/// An indicator's value: counted by Agora, or typed with where it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum IndicatorValue {
    Computed(Metric),
    Typed { value: String, source: String },
}

/// An indicator as posted.
#[derive(Debug, Clone, Default)]
pub struct IndicatorForm<'a> {
    pub label: &'a str,
    pub label_easy: &'a str,
    pub metric: &'a str,
    pub value: &'a str,
    pub source: &'a str,
    pub target: &'a str,
}

/// An indicator, checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndicatorDraft {
    pub label: Wording,
    pub value: IndicatorValue,
    /// What the council aims for ("40 personnes", "50 %"), if it said.
    pub target: Option<String>,
}

impl IndicatorDraft {
    /// The first wrong field in form order. A computed indicator ignores what was typed in
    /// the value and source fields; a typed one needs both.
    pub fn check(form: &IndicatorForm) -> Result<Self, FieldError> {
        let label = one_line(form.label);
        bounded(&label, "label", 3, TITLE_MAX)?;
        let label_easy = one_line(form.label_easy);
        bounded(&label_easy, "label_easy", 0, TITLE_MAX)?;
        let value = match form.metric.trim() {
            "" => {
                let value = one_line(form.value);
                if value.is_empty() {
                    return Err(FieldError::new("value", "error-indicator-value"));
                }
                bounded(&value, "value", 1, VALUE_MAX)?;
                let source = one_line(form.source);
                if source.is_empty() {
                    return Err(FieldError::new("source", "error-indicator-source"));
                }
                bounded(&source, "source", 2, SOURCE_MAX)?;
                IndicatorValue::Typed { value, source }
            }
            raw => IndicatorValue::Computed(
                Metric::parse(raw).ok_or(FieldError::new("metric", "error-indicator-metric"))?,
            ),
        };
        let target = one_line(form.target);
        bounded(&target, "target", 0, VALUE_MAX)?;
        Ok(Self {
            label: Wording {
                plain: label,
                easy: label_easy,
            },
            value,
            target: (!target.is_empty()).then_some(target),
        })
    }
}

/// An indicator as the report shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Indicator {
    pub id: i64,
    pub fields: IndicatorDraft,
}

/// The coordinator's words, each plain and easy-read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportTexts {
    pub partnerships: Wording,
    pub difficulties: Wording,
    pub plans: Wording,
}

/// The texts form as posted.
#[derive(Debug, Clone, Default)]
pub struct TextsForm<'a> {
    pub partnerships: &'a str,
    pub partnerships_easy: &'a str,
    pub difficulties: &'a str,
    pub difficulties_easy: &'a str,
    pub plans: &'a str,
    pub plans_easy: &'a str,
}

impl ReportTexts {
    /// Each text may stay empty; one that is written has its easy-read version too, since
    /// the report is sent to every member.
    pub fn check(form: &TextsForm) -> Result<Self, FieldError> {
        let pair = |plain: &str,
                    easy: &str,
                    field: &'static str,
                    easy_field: &'static str|
         -> Result<Wording, FieldError> {
            let plain = plain.trim().to_owned();
            let easy = easy.trim().to_owned();
            bounded(&plain, field, 0, LONG_TEXT_MAX)?;
            bounded(&easy, easy_field, 0, LONG_TEXT_MAX)?;
            if !plain.is_empty() && easy.is_empty() {
                return Err(FieldError::new(easy_field, "error-report-easy-missing"));
            }
            if plain.is_empty() && !easy.is_empty() {
                return Err(FieldError::new(field, "error-report-plain-missing"));
            }
            Ok(Wording { plain, easy })
        };
        Ok(Self {
            partnerships: pair(
                form.partnerships,
                form.partnerships_easy,
                "partnerships",
                "partnerships_easy",
            )?,
            difficulties: pair(
                form.difficulties,
                form.difficulties_easy,
                "difficulties",
                "difficulties_easy",
            )?,
            plans: pair(form.plans, form.plans_easy, "plans", "plans_easy")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(list: &[(&str, usize)]) -> Vec<(String, usize)> {
        list.iter().map(|(k, n)| ((*k).to_owned(), *n)).collect()
    }

    #[test]
    fn years_outside_the_range_or_not_numbers_are_none() {
        assert_eq!(parse_year("2026"), Some(2026));
        assert_eq!(parse_year(" 2000 "), Some(2000));
        for raw in ["1999", "2101", "deux mille", "", "2026.5"] {
            assert_eq!(parse_year(raw), None, "{raw}");
        }
    }

    #[test]
    fn a_college_hidden_at_one_event_stays_with_the_others_for_the_year() {
        let mut row = ParticipationRow::new(Participation::Attendance);
        // First assembly: 3 usagers, hidden (merged with the smallest shown, 8 élus).
        row.add_event(
            &counts(&[("habitants", 20), ("usagers", 3), ("elus", 8)]),
            5,
        );
        // Second: 6 usagers, shown.
        row.add_event(&counts(&[("habitants", 10), ("usagers", 6)]), 5);
        assert_eq!(row.total, 47);
        assert_eq!(
            row.colleges,
            counts(&[("habitants", 30), ("usagers", 6)]),
            "the year adds only what each event showed"
        );
        assert_eq!(row.others, 11);
        // Subtracting the second assembly's page from the year gives 0 usagers, not 3.
        row.order_by(&["usagers".to_owned(), "habitants".to_owned()]);
        assert_eq!(row.colleges[0].0, "usagers");
    }

    #[test]
    fn an_event_with_one_group_only_adds_to_the_total() {
        let mut row = ParticipationRow::new(Participation::Ballots);
        row.add_event(&counts(&[("habitants", 4), (NOT_SAID, 2)]), 5);
        assert_eq!((row.total, row.others), (6, 6));
        assert!(row.colleges.is_empty());
    }

    #[test]
    fn metrics_read_the_figures_and_round_trip_their_keys() {
        let activity = Activity {
            assemblies: 2,
            actions_done: 1,
            ..Activity::default()
        };
        let mut row = ParticipationRow::new(Participation::Questions);
        row.add_event(&counts(&[("habitants", 9)]), 5);
        for metric in Metric::ALL {
            assert_eq!(Metric::parse(metric.key()), Some(metric));
        }
        assert_eq!(Metric::Assemblies.value(&activity, &[row.clone()]), 2);
        assert_eq!(Metric::ActionsDone.value(&activity, &[row.clone()]), 1);
        assert_eq!(
            Metric::Took(Participation::Questions).value(&activity, &[row]),
            9
        );
        assert_eq!(
            Metric::Took(Participation::Ballots).value(&activity, &[]),
            0
        );
    }

    #[test]
    fn an_indicator_is_computed_or_typed_with_its_source() {
        let computed = IndicatorDraft::check(&IndicatorForm {
            label: "Personnes présentes aux assemblées",
            metric: "attendance",
            value: "ignored",
            target: "120 personnes",
            ..IndicatorForm::default()
        });
        assert_eq!(
            computed.map(|d| (d.value, d.target)),
            Ok((
                IndicatorValue::Computed(Metric::Took(Participation::Attendance)),
                Some("120 personnes".to_owned())
            ))
        );
        let typed = IndicatorForm {
            label: "Structures partenaires",
            value: "14",
            source: "Annuaire du CLSM",
            ..IndicatorForm::default()
        };
        assert!(matches!(
            IndicatorDraft::check(&typed).map(|d| d.value),
            Ok(IndicatorValue::Typed { .. })
        ));
        for (form, field, message) in [
            (
                IndicatorForm {
                    label: "x",
                    ..typed.clone()
                },
                "label",
                "error-field-too-short",
            ),
            (
                IndicatorForm {
                    value: " ",
                    ..typed.clone()
                },
                "value",
                "error-indicator-value",
            ),
            (
                IndicatorForm {
                    source: "",
                    ..typed.clone()
                },
                "source",
                "error-indicator-source",
            ),
            (
                IndicatorForm {
                    metric: "martiens",
                    ..typed.clone()
                },
                "metric",
                "error-indicator-metric",
            ),
        ] {
            assert_eq!(
                IndicatorDraft::check(&form),
                Err(FieldError::new(field, message))
            );
        }
    }

    #[test]
    fn a_written_text_has_its_easy_read_version() {
        let ok = ReportTexts::check(&TextsForm {
            plans: "Ouvrir un groupe d'entraide mutuelle.",
            plans_easy: "Ouvrir un lieu pour s'entraider.",
            ..TextsForm::default()
        });
        assert!(ok.is_ok_and(|texts| texts.partnerships.plain.is_empty()));
        assert_eq!(
            ReportTexts::check(&TextsForm {
                difficulties: "Peu d'élus présents.",
                ..TextsForm::default()
            }),
            Err(FieldError::new(
                "difficulties_easy",
                "error-report-easy-missing"
            ))
        );
        assert_eq!(
            ReportTexts::check(&TextsForm {
                partnerships_easy: "Avec la mairie.",
                ..TextsForm::default()
            }),
            Err(FieldError::new(
                "partnerships",
                "error-report-plain-missing"
            ))
        );
    }
}
