//! The annual report (`domain::report`): its figures, computed from what happened in the
//! year, and what the coordinator wrote (texts, indicators). Years are calendar years in
//! UTC: an assembly that starts at 00:30 on 1 January, Paris time, counts in the year before
//! (a CLSM does not meet at that hour).

use super::entities::{
    annual_report, assembly, ballot, question, report_indicator, survey, survey_answer,
    survey_option, survey_question, survey_response, testimony, vote,
};
use super::staff::record_audit;
use crate::domain::action::{Action, ActionStatus};
use crate::domain::report::{
    Activity, INDICATORS_MAX, Indicator, IndicatorDraft, IndicatorValue, Metric, NOT_SAID,
    Participation, ParticipationRow, ReportTexts,
};
use crate::domain::survey::{Answer, Profile};
use crate::domain::vote::VoteState;
use crate::domain::{LiveState, Wording, audit_detail};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, Set,
};
use std::collections::BTreeMap;

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("no such indicator in this council and year")]
    NotFound,
    #[error("refused: {0}")]
    Refused(&'static str),
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// What the report computes for a year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearFigures {
    pub activity: Activity,
    pub participation: Vec<ParticipationRow>,
    /// The actions running in the year (started by its end, not ended before it).
    pub actions: Vec<Action>,
    /// Priorities decided in the year: (vote title, priority title).
    pub priorities: Vec<(String, Wording)>,
    /// Assemblies of the year that ended, whose waiting declarations may need counting.
    pub closed_assemblies: Vec<i64>,
}

/// `[1 January, next 1 January)` in UTC.
pub fn year_bounds(year: i32) -> (DateTime<Utc>, DateTime<Utc>) {
    let start = |y: i32| {
        Utc.with_ymd_and_hms(y, 1, 1, 0, 0, 0)
            .single()
            .unwrap_or_default()
    };
    (start(year), start(year + 1))
}

fn in_year(day: NaiveDate, year: i32) -> bool {
    chrono::Datelike::year(&day) == year
}

/// Counts per group key, in the order first met.
fn tally(keys: impl IntoIterator<Item = String>) -> Vec<(String, usize)> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for key in keys {
        match counts.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += 1,
            None => counts.push((key, 1)),
        }
    }
    counts
}

/// The year's figures for a council, `min_group` its small-group size and `colleges` its
/// college keys in order.
pub async fn figures(
    db: &impl ConnectionTrait,
    council_id: i64,
    year: i32,
    min_group: usize,
    colleges: &[String],
) -> Result<YearFigures, DbErr> {
    let (start, end) = year_bounds(year);
    let now = Utc::now();
    let mut activity = Activity::default();
    let mut rows: BTreeMap<Participation, ParticipationRow> = Participation::ALL
        .into_iter()
        .map(|kind| (kind, ParticipationRow::new(kind)))
        .collect();
    let mut add = |kind: Participation, counts: &[(String, usize)]| {
        if let Some(row) = rows.get_mut(&kind) {
            row.add_event(counts, min_group);
        }
    };

    // Plenaries held (published), their attendance once ended, their questions. Bodies'
    // meetings are counted apart, on their own pages: a public report adds nothing of a
    // members-only meeting.
    let assemblies = assembly::Entity::find()
        .filter(assembly::Column::CouncilId.eq(council_id))
        .filter(assembly::Column::PublishedAt.is_not_null())
        .filter(assembly::Column::BodyId.is_null())
        .filter(assembly::Column::StartsAt.gte(start))
        .filter(assembly::Column::StartsAt.lt(end))
        .order_by_asc(assembly::Column::StartsAt)
        .all(db)
        .await?;
    activity.assemblies = assemblies.len();
    let mut closed_assemblies = Vec::new();
    for room in &assemblies {
        if room.live_state == LiveState::Closed.key() {
            closed_assemblies.push(room.id);
            let headcount = super::room::attendance::headcount(db, room.id).await?;
            if let Some((_, counts)) = headcount.chosen() {
                add(Participation::Attendance, counts);
            }
        }
        let asked = question::Entity::find()
            .filter(question::Column::AssemblyId.eq(room.id))
            .all(db)
            .await?;
        if !asked.is_empty() {
            let counts = tally(
                asked
                    .into_iter()
                    .map(|q| q.college.unwrap_or_else(|| NOT_SAID.to_owned())),
            );
            add(Participation::Questions, &counts);
        }
    }

    // Votes over (closed by hand, or their closing time passed) whose closing time is in
    // the year — a vote closed early keeps the time it was set to close at, so it counts in
    // that year — and their ballots per college.
    let votes: Vec<vote::Model> = vote::Entity::find()
        .filter(vote::Column::CouncilId.eq(council_id))
        .filter(vote::Column::ClosesAt.gte(start))
        .filter(vote::Column::ClosesAt.lt(end))
        .all(db)
        .await?
        .into_iter()
        .filter(|held| held.state == VoteState::Closed.key() || held.closes_at <= now)
        .collect();
    activity.votes = votes.len();
    for held in &votes {
        let cast = ballot::Entity::find()
            .filter(ballot::Column::VoteId.eq(held.id))
            .all(db)
            .await?;
        if !cast.is_empty() {
            add(
                Participation::Ballots,
                &tally(cast.into_iter().map(|b| b.college)),
            );
        }
    }

    // Surveys opened in the year, their responses per answer to their college question.
    let surveys = survey::Entity::find()
        .filter(survey::Column::CouncilId.eq(council_id))
        .filter(survey::Column::State.ne("draft"))
        .filter(survey::Column::CreatedAt.gte(start))
        .filter(survey::Column::CreatedAt.lt(end))
        .all(db)
        .await?;
    activity.surveys = surveys.len();
    for asked in &surveys {
        let respondents = usize::try_from(
            survey_response::Entity::find()
                .filter(survey_response::Column::SurveyId.eq(asked.id))
                .count(db)
                .await?,
        )
        .unwrap_or(0);
        if respondents == 0 {
            continue;
        }
        let mut counts = survey_colleges(db, asked.id).await?;
        let answered: usize = counts.iter().map(|(_, n)| n).sum();
        if respondents > answered {
            counts.push((NOT_SAID.to_owned(), respondents - answered));
        }
        add(Participation::Responses, &counts);
    }

    // Testimonies received in the year: one group for the year.
    let told = testimony::Entity::find()
        .filter(testimony::Column::CouncilId.eq(council_id))
        .filter(testimony::Column::PostedOn.gte(start.date_naive()))
        .filter(testimony::Column::PostedOn.lt(end.date_naive()))
        .all(db)
        .await?;
    activity.testimonies = told.len();
    if !told.is_empty() {
        let counts = tally(
            told.into_iter()
                .map(|t| t.college.unwrap_or_else(|| NOT_SAID.to_owned())),
        );
        add(Participation::Testimonies, &counts);
    }

    // Priorities decided in the year.
    let mut priorities = Vec::new();
    for (_, vote_title, adopted) in super::priorities::of_council(db, council_id).await? {
        for priority in adopted {
            if in_year(priority.decided_on, year) {
                priorities.push((vote_title.clone(), priority.title));
            }
        }
    }
    activity.priorities = priorities.len();

    // Actions running in the year, counted by where they stand now.
    let actions: Vec<Action> = super::programme::actions_of(db, council_id)
        .await?
        .into_iter()
        .filter(|action| {
            chrono::Datelike::year(&action.fields.starts_on) <= year
                && action
                    .fields
                    .ends_on
                    .is_none_or(|ends| chrono::Datelike::year(&ends) >= year)
        })
        .collect();
    for action in &actions {
        match action.status {
            ActionStatus::Planned => activity.actions_planned += 1,
            ActionStatus::UnderWay => activity.actions_under_way += 1,
            ActionStatus::Done => activity.actions_done += 1,
            ActionStatus::Dropped => activity.actions_dropped += 1,
        }
        activity.action_updates += action
            .updates
            .iter()
            .filter(|update| in_year(update.on, year))
            .count();
    }

    let participation = rows
        .into_values()
        .map(|mut row| {
            row.order_by(colleges);
            row
        })
        .collect();
    Ok(YearFigures {
        activity,
        participation,
        actions,
        priorities,
        closed_assemblies,
    })
}

/// A survey's respondents per answer to its college question (the option's label), in the
/// options' order; empty when it has none.
async fn survey_colleges(
    db: &impl ConnectionTrait,
    survey_id: i64,
) -> Result<Vec<(String, usize)>, DbErr> {
    let Some(asked) = survey_question::Entity::find()
        .filter(survey_question::Column::SurveyId.eq(survey_id))
        .filter(survey_question::Column::Profile.eq(Profile::College.key()))
        .one(db)
        .await?
    else {
        return Ok(Vec::new());
    };
    let options = survey_option::Entity::find()
        .filter(survey_option::Column::QuestionId.eq(asked.id))
        .order_by_asc(survey_option::Column::Position)
        .all(db)
        .await?;
    let answers = survey_answer::Entity::find()
        .filter(survey_answer::Column::QuestionId.eq(asked.id))
        .all(db)
        .await?;
    let mut by_option: BTreeMap<i64, usize> = BTreeMap::new();
    for answer in answers {
        if let Ok(Answer::Single(option)) = serde_json::from_str::<Answer>(&answer.value) {
            *by_option.entry(option).or_default() += 1;
        }
    }
    Ok(options
        .into_iter()
        .filter_map(|option| {
            by_option
                .get(&option.id)
                .map(|n| (option.label.clone(), *n))
        })
        .collect())
}

/// What the coordinator wrote for the year (empty texts when nothing yet).
pub async fn texts(
    db: &impl ConnectionTrait,
    council_id: i64,
    year: i32,
) -> Result<ReportTexts, DbErr> {
    Ok(annual_report::Entity::find_by_id((council_id, year))
        .one(db)
        .await?
        .map(|row| ReportTexts {
            partnerships: Wording {
                plain: row.partnerships,
                easy: row.partnerships_easy,
            },
            difficulties: Wording {
                plain: row.difficulties,
                easy: row.difficulties_easy,
            },
            plans: Wording {
                plain: row.plans,
                easy: row.plans_easy,
            },
        })
        .unwrap_or_default())
}

/// Writes the year's texts whole, with the audit line.
pub async fn save_texts(
    db: &DatabaseConnection,
    council_id: i64,
    year: i32,
    texts: &ReportTexts,
    by: Option<i64>,
) -> Result<(), DbErr> {
    let txn = super::begin_write(db).await?;
    let row = annual_report::ActiveModel {
        council_id: Set(council_id),
        year: Set(year),
        partnerships: Set(texts.partnerships.plain.clone()),
        partnerships_easy: Set(texts.partnerships.easy.clone()),
        difficulties: Set(texts.difficulties.plain.clone()),
        difficulties_easy: Set(texts.difficulties.easy.clone()),
        plans: Set(texts.plans.plain.clone()),
        plans_easy: Set(texts.plans.easy.clone()),
        updated_at: Set(Utc::now()),
    };
    if annual_report::Entity::find_by_id((council_id, year))
        .one(&txn)
        .await?
        .is_some()
    {
        row.update(&txn).await?;
    } else {
        row.insert(&txn).await?;
    }
    audit(&txn, council_id, by, "report-written", year, None).await?;
    txn.commit().await
}

fn indicator(row: report_indicator::Model) -> Indicator {
    let value = match row.metric.as_deref().and_then(Metric::parse) {
        Some(metric) => IndicatorValue::Computed(metric),
        None => IndicatorValue::Typed {
            value: row.value.unwrap_or_default(),
            source: row.source,
        },
    };
    Indicator {
        id: row.id,
        fields: IndicatorDraft {
            label: Wording {
                plain: row.label,
                easy: row.label_easy,
            },
            value,
            target: row.target,
        },
    }
}

/// The year's indicators, in the order they were chosen.
pub async fn indicators(
    db: &impl ConnectionTrait,
    council_id: i64,
    year: i32,
) -> Result<Vec<Indicator>, DbErr> {
    Ok(report_indicator::Entity::find()
        .filter(report_indicator::Column::CouncilId.eq(council_id))
        .filter(report_indicator::Column::Year.eq(year))
        .order_by_asc(report_indicator::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(indicator)
        .collect())
}

/// Adds an indicator to the year, up to [`INDICATORS_MAX`].
pub async fn add_indicator(
    db: &DatabaseConnection,
    council_id: i64,
    year: i32,
    draft: &IndicatorDraft,
    by: Option<i64>,
) -> Result<i64, ReportError> {
    let txn = super::begin_write(db).await?;
    let held = report_indicator::Entity::find()
        .filter(report_indicator::Column::CouncilId.eq(council_id))
        .filter(report_indicator::Column::Year.eq(year))
        .count(&txn)
        .await?;
    if usize::try_from(held).unwrap_or(usize::MAX) >= INDICATORS_MAX {
        return Err(ReportError::Refused("error-indicator-too-many"));
    }
    let (metric, value, source) = match &draft.value {
        IndicatorValue::Computed(metric) => (Some(metric.key().to_owned()), None, String::new()),
        IndicatorValue::Typed { value, source } => (None, Some(value.clone()), source.clone()),
    };
    let row = report_indicator::ActiveModel {
        council_id: Set(council_id),
        year: Set(year),
        label: Set(draft.label.plain.clone()),
        label_easy: Set(draft.label.easy.clone()),
        metric: Set(metric),
        value: Set(value),
        source: Set(source),
        target: Set(draft.target.clone()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit(&txn, council_id, by, "indicator-added", year, Some(row.id)).await?;
    txn.commit().await?;
    Ok(row.id)
}

/// Removes one of the year's indicators.
pub async fn remove_indicator(
    db: &DatabaseConnection,
    council_id: i64,
    year: i32,
    id: i64,
    by: Option<i64>,
) -> Result<(), ReportError> {
    let txn = super::begin_write(db).await?;
    let removed = report_indicator::Entity::delete_many()
        .filter(report_indicator::Column::Id.eq(id))
        .filter(report_indicator::Column::CouncilId.eq(council_id))
        .filter(report_indicator::Column::Year.eq(year))
        .exec(&txn)
        .await?;
    if removed.rows_affected == 0 {
        return Err(ReportError::NotFound);
    }
    audit(&txn, council_id, by, "indicator-removed", year, Some(id)).await?;
    txn.commit().await?;
    Ok(())
}

async fn audit(
    db: &impl ConnectionTrait,
    council_id: i64,
    by: Option<i64>,
    verb: &str,
    year: i32,
    indicator: Option<i64>,
) -> Result<(), DbErr> {
    let year = year.to_string();
    let indicator = indicator.map(|id| id.to_string());
    let mut detail = vec![("year", year.as_str())];
    if let Some(id) = &indicator {
        detail.push(("indicator", id.as_str()));
    }
    record_audit(db, Some(council_id), by, verb, &audit_detail(&detail)).await
}
