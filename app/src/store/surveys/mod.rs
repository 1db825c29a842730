//! Surveys: written by coordinators, answered anonymously (docs/privacy.md). A response
//! first waits, sealed, in the survey's waiting room, written in the same transaction as
//! the use of its code (one-per-person surveys); once at least the council's minimum group
//! size wait, they are mixed among the responses together, in a transaction of their own,
//! in a random order and under new random ids; when the survey closes, all its responses
//! are mixed once more. A response is then a random id with its answers: nothing about who
//! sent it or when, and nothing shared with the codes but the survey.

mod editor;
mod responses;
mod results;
pub use editor::*;
pub use responses::*;
pub use results::*;

use super::entities::{
    survey, survey_answer, survey_closed_count, survey_code, survey_option, survey_question,
    survey_response, survey_section, survey_waiting,
};
use super::seal::SealKey;
use super::staff::{hash_token, record_audit};
use crate::domain::survey::{
    Answer, AnswerCounts, AnswerProblem, Profile, QuestionDraft, QuestionKind, SectionView,
    SurveyQuestion, SurveyState, SurveyView, read_answers,
};
use crate::domain::{Wording, audit_detail};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use std::collections::BTreeMap;

pub const SURVEY_TITLE_MAX: usize = 200;

pub const SURVEY_INTRO_MAX: usize = 2000;

/// A survey to create, as a draft.
#[derive(Debug, Clone)]
pub struct NewSurvey {
    pub council_id: i64,
    pub title: Wording,
    pub intro: Wording,
    pub one_per_person: bool,
    /// Sections, each with its title and questions, in order.
    pub sections: Vec<(Wording, Vec<QuestionDraft>)>,
    pub by: Option<i64>,
}

/// Why the store refuses a change to a survey or a response; the api layer says it in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SurveyRefusal {
    /// A rule of `domain::survey`, with that rule's message id.
    Rule(&'static str),
    Title,
    IntroTooLong,
    SectionTitle,
    /// Questions change only while the survey is a draft.
    NotDraft,
    /// A change the survey's state does not allow.
    State,
    /// A survey without questions cannot open.
    Empty,
    /// One-time codes for a survey that does not ask for them, or is closed.
    CodesNotAsked,
    /// A free-text answer kept back or released needs its text.
    ReviewText,
}

#[derive(Debug, thiserror::Error)]
pub enum SurveyError {
    #[error("no such survey in this council")]
    NotFound,
    /// The field at fault and why; for a question, the field is
    /// `q<section>.<question>.<field>`.
    #[error("refused: {1:?}")]
    Refused(String, SurveyRefusal),
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// The survey `id` of the council, as its answer form shows it.
pub async fn survey_view(
    db: &impl ConnectionTrait,
    council_id: i64,
    id: i64,
) -> Result<Option<SurveyView>, DbErr> {
    let Some(row) = survey::Entity::find_by_id(id)
        .filter(survey::Column::CouncilId.eq(council_id))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let sections = survey_section::Entity::find()
        .filter(survey_section::Column::SurveyId.eq(id))
        .order_by_asc(survey_section::Column::Position)
        .all(db)
        .await?;
    let questions = survey_question::Entity::find()
        .filter(survey_question::Column::SurveyId.eq(id))
        .order_by_asc(survey_question::Column::Position)
        .all(db)
        .await?;
    let question_ids: Vec<i64> = questions.iter().map(|q| q.id).collect();
    let options = survey_option::Entity::find()
        .filter(survey_option::Column::QuestionId.is_in(question_ids))
        .order_by_asc(survey_option::Column::Position)
        .all(db)
        .await?;
    let wording = |plain: &str, easy: &str| Wording {
        plain: plain.to_owned(),
        easy: easy.to_owned(),
    };
    Ok(Some(SurveyView {
        id,
        title: wording(&row.title, &row.title_easy),
        intro: wording(&row.intro, &row.intro_easy),
        state: SurveyState::parse(&row.state).unwrap_or(SurveyState::Draft),
        one_per_person: row.one_per_person,
        sections: sections
            .iter()
            .map(|section| SectionView {
                title: wording(&section.title, &section.title_easy),
                questions: questions
                    .iter()
                    .filter(|q| q.section_id == section.id)
                    .map(|q| SurveyQuestion {
                        id: q.id,
                        kind: QuestionKind::parse(&q.kind).unwrap_or(QuestionKind::ShortText),
                        prompt: wording(&q.prompt, &q.prompt_easy),
                        required: q.required,
                        profile: q.profile.as_deref().and_then(Profile::parse),
                        options: options
                            .iter()
                            .filter(|o| o.question_id == q.id)
                            .map(|o| (o.id, wording(&o.label, &o.label_easy)))
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
    }))
}

/// Every survey of the council, newest first: id, title and state; drafts only when asked.
pub async fn surveys_of(
    db: &DatabaseConnection,
    council_id: i64,
    with_drafts: bool,
) -> Result<Vec<(i64, Wording, SurveyState)>, DbErr> {
    Ok(survey::Entity::find()
        .filter(survey::Column::CouncilId.eq(council_id))
        .order_by_desc(survey::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .filter_map(|s| {
            let state = SurveyState::parse(&s.state)?;
            (with_drafts || state != SurveyState::Draft).then_some((
                s.id,
                Wording {
                    plain: s.title,
                    easy: s.title_easy,
                },
                state,
            ))
        })
        .collect())
}

/// The council's surveys open to answers, newest first: id and title.
pub async fn open_surveys(
    db: &DatabaseConnection,
    council_id: i64,
) -> Result<Vec<(i64, Wording)>, DbErr> {
    Ok(survey::Entity::find()
        .filter(survey::Column::CouncilId.eq(council_id))
        .filter(survey::Column::State.eq(SurveyState::Open.key()))
        .order_by_desc(survey::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|s| {
            (
                s.id,
                Wording {
                    plain: s.title,
                    easy: s.title_easy,
                },
            )
        })
        .collect())
}

/// Opens or closes a survey (draft → open → closed only); in the audit log. Closing mixes
/// whatever waits with all the responses, then counts the results once.
pub async fn set_survey_state(
    db: &DatabaseConnection,
    key: &SealKey,
    council_id: i64,
    id: i64,
    next: SurveyState,
    by: Option<i64>,
) -> Result<(), SurveyError> {
    let txn = super::begin_write(db).await?;
    let row = survey::Entity::find_by_id(id)
        .filter(survey::Column::CouncilId.eq(council_id))
        .one(&txn)
        .await?
        .ok_or(SurveyError::NotFound)?;
    let now = SurveyState::parse(&row.state).unwrap_or(SurveyState::Draft);
    if !now.can_become(next) {
        return Err(SurveyError::Refused("state".into(), SurveyRefusal::State));
    }
    if next == SurveyState::Open {
        let questions = survey_question::Entity::find()
            .filter(survey_question::Column::SurveyId.eq(id))
            .count(&txn)
            .await?;
        if questions == 0 {
            return Err(SurveyError::Refused("state".into(), SurveyRefusal::Empty));
        }
    }
    let mut active: survey::ActiveModel = row.into();
    active.state = Set(next.key().to_owned());
    active.update(&txn).await?;
    let detail = audit_detail(&[("survey", &id.to_string())]);
    let action = match next {
        SurveyState::Open => "survey-opened",
        SurveyState::Closed => "survey-closed",
        SurveyState::Draft => "survey-drafted",
    };
    record_audit(&txn, Some(council_id), by, action, &detail).await?;
    txn.commit().await?;
    if next == SurveyState::Closed {
        mix(db, key, id).await?;
    }
    if next == SurveyState::Closed
        && let Some(view) = survey_view(db, council_id, id).await?
    {
        // Counted now, once, rather than by the first readers of the results.
        let profiles = view
            .questions()
            .filter(|q| q.profile.is_some())
            .map(|q| Some(q.id));
        for by in std::iter::once(None).chain(profiles) {
            results_counts(db, &view, by).await?;
        }
    }
    Ok(())
}
