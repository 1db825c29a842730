//! Surveys: written by coordinators, answered anonymously (docs/privacy.md). A response
//! first waits, sealed, in the survey's waiting room, written in the same transaction as
//! the use of its code (one-per-person surveys); once at least the council's minimum group
//! size wait, they are mixed among the responses together, in a transaction of their own,
//! in a random order and under new random ids; when the survey closes, all its responses
//! are mixed once more. A response is then a random id with its answers: nothing about who
//! sent it or when, and nothing shared with the codes but the survey.

use super::entities::{
    survey, survey_answer, survey_closed_count, survey_code, survey_option, survey_question,
    survey_response, survey_section, survey_waiting,
};
use super::seal::SealKey;
use super::staff::{hash_token, record_audit};
use crate::domain::survey::{
    Answer, AnswerCounts, AnswerProblem, Profile, QuestionDraft, QuestionKind, QuestionView,
    SectionView, SurveyState, SurveyView, read_answers,
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

/// Checks and stores a new survey (a draft) with its sections, questions and options, all
/// or nothing; in the audit log.
pub async fn create_survey(db: &DatabaseConnection, new: &NewSurvey) -> Result<i64, SurveyError> {
    let refuse = |field: &str, why| Err(SurveyError::Refused(field.to_owned(), why));
    let title = new.title.plain.trim();
    if title.is_empty() || title.chars().count() > SURVEY_TITLE_MAX {
        return refuse("title", SurveyRefusal::Title);
    }
    if new.title.easy.chars().count() > SURVEY_TITLE_MAX
        || new.intro.plain.chars().count() > SURVEY_INTRO_MAX
        || new.intro.easy.chars().count() > SURVEY_INTRO_MAX
    {
        return refuse("intro", SurveyRefusal::IntroTooLong);
    }
    for (s, (_, questions)) in new.sections.iter().enumerate() {
        for (q, question) in questions.iter().enumerate() {
            if let Err((field, message)) = question.check() {
                return refuse(&format!("q{s}.{q}.{field}"), SurveyRefusal::Rule(message));
            }
        }
    }
    let txn = super::begin_write(db).await?;
    let survey_id = survey::ActiveModel {
        council_id: Set(new.council_id),
        title: Set(title.to_owned()),
        title_easy: Set(new.title.easy.trim().to_owned()),
        intro: Set(new.intro.plain.trim().to_owned()),
        intro_easy: Set(new.intro.easy.trim().to_owned()),
        state: Set(SurveyState::Draft.key().to_owned()),
        one_per_person: Set(new.one_per_person),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?
    .id;
    for (s, (section_title, questions)) in new.sections.iter().enumerate() {
        let section_id = survey_section::ActiveModel {
            survey_id: Set(survey_id),
            position: Set(position(s)),
            title: Set(section_title.plain.trim().to_owned()),
            title_easy: Set(section_title.easy.trim().to_owned()),
            ..Default::default()
        }
        .insert(&txn)
        .await?
        .id;
        for (q, question) in questions.iter().enumerate() {
            let question_id = survey_question::ActiveModel {
                survey_id: Set(survey_id),
                section_id: Set(section_id),
                position: Set(position(q)),
                kind: Set(question.kind.key().to_owned()),
                prompt: Set(question.prompt.plain.trim().to_owned()),
                prompt_easy: Set(question.prompt.easy.trim().to_owned()),
                required: Set(question.required),
                profile: Set(question.profile.map(|p| p.key().to_owned())),
                ..Default::default()
            }
            .insert(&txn)
            .await?
            .id;
            let options = question
                .options
                .iter()
                .filter(|o| !o.plain.trim().is_empty());
            for (o, option) in options.enumerate() {
                survey_option::ActiveModel {
                    question_id: Set(question_id),
                    position: Set(position(o)),
                    label: Set(option.plain.trim().to_owned()),
                    label_easy: Set(option.easy.trim().to_owned()),
                    ..Default::default()
                }
                .insert(&txn)
                .await?;
            }
        }
    }
    let detail = audit_detail(&[("survey", &survey_id.to_string())]);
    record_audit(
        &txn,
        Some(new.council_id),
        new.by,
        "survey-created",
        &detail,
    )
    .await?;
    txn.commit().await?;
    Ok(survey_id)
}

fn position(index: usize) -> i32 {
    i32::try_from(index).unwrap_or(i32::MAX)
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
                    .map(|q| QuestionView {
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

/// The survey `id` of the council if it is still a draft (questions can change).
async fn draft_of(
    txn: &impl ConnectionTrait,
    council_id: i64,
    id: i64,
) -> Result<survey::Model, SurveyError> {
    let row = survey::Entity::find_by_id(id)
        .filter(survey::Column::CouncilId.eq(council_id))
        .one(txn)
        .await?
        .ok_or(SurveyError::NotFound)?;
    if row.state != SurveyState::Draft.key() {
        return Err(SurveyError::Refused(
            "state".into(),
            SurveyRefusal::NotDraft,
        ));
    }
    Ok(row)
}

/// Adds a question at the end of a draft survey, in the section titled `section` (created
/// at the end when no section has that title); in the audit log.
pub async fn add_question(
    db: &DatabaseConnection,
    council_id: i64,
    id: i64,
    section: &Wording,
    question: &QuestionDraft,
    by: Option<i64>,
) -> Result<i64, SurveyError> {
    let section_title = section.plain.trim();
    if section_title.is_empty() || section_title.chars().count() > SURVEY_TITLE_MAX {
        return Err(SurveyError::Refused(
            "section".into(),
            SurveyRefusal::SectionTitle,
        ));
    }
    if let Err((field, message)) = question.check() {
        return Err(SurveyError::Refused(
            field.to_owned(),
            SurveyRefusal::Rule(message),
        ));
    }
    let txn = super::begin_write(db).await?;
    draft_of(&txn, council_id, id).await?;
    let sections = survey_section::Entity::find()
        .filter(survey_section::Column::SurveyId.eq(id))
        .order_by_asc(survey_section::Column::Position)
        .all(&txn)
        .await?;
    let section_id = match sections
        .iter()
        .find(|s| s.title.to_lowercase() == section_title.to_lowercase())
    {
        Some(existing) => existing.id,
        None => {
            survey_section::ActiveModel {
                survey_id: Set(id),
                position: Set(position(sections.len())),
                title: Set(section_title.to_owned()),
                title_easy: Set(section.easy.trim().to_owned()),
                ..Default::default()
            }
            .insert(&txn)
            .await?
            .id
        }
    };
    let count = survey_question::Entity::find()
        .filter(survey_question::Column::SurveyId.eq(id))
        .count(&txn)
        .await?;
    let question_id = survey_question::ActiveModel {
        survey_id: Set(id),
        section_id: Set(section_id),
        position: Set(i32::try_from(count).unwrap_or(i32::MAX)),
        kind: Set(question.kind.key().to_owned()),
        prompt: Set(question.prompt.plain.trim().to_owned()),
        prompt_easy: Set(question.prompt.easy.trim().to_owned()),
        required: Set(question.required),
        profile: Set(question.profile.map(|p| p.key().to_owned())),
        ..Default::default()
    }
    .insert(&txn)
    .await?
    .id;
    let options = question
        .options
        .iter()
        .filter(|o| !o.plain.trim().is_empty());
    for (o, option) in options.enumerate() {
        survey_option::ActiveModel {
            question_id: Set(question_id),
            position: Set(position(o)),
            label: Set(option.plain.trim().to_owned()),
            label_easy: Set(option.easy.trim().to_owned()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    let detail = audit_detail(&[("survey", &id.to_string())]);
    record_audit(&txn, Some(council_id), by, "survey-question-added", &detail).await?;
    txn.commit().await?;
    Ok(question_id)
}

/// Removes a question (and its options) from a draft survey; an emptied section goes too.
pub async fn remove_question(
    db: &DatabaseConnection,
    council_id: i64,
    id: i64,
    question_id: i64,
    by: Option<i64>,
) -> Result<(), SurveyError> {
    let txn = super::begin_write(db).await?;
    draft_of(&txn, council_id, id).await?;
    let question = survey_question::Entity::find_by_id(question_id)
        .filter(survey_question::Column::SurveyId.eq(id))
        .one(&txn)
        .await?
        .ok_or(SurveyError::NotFound)?;
    survey_option::Entity::delete_many()
        .filter(survey_option::Column::QuestionId.eq(question_id))
        .exec(&txn)
        .await?;
    survey_question::Entity::delete_by_id(question_id)
        .exec(&txn)
        .await?;
    let left = survey_question::Entity::find()
        .filter(survey_question::Column::SectionId.eq(question.section_id))
        .count(&txn)
        .await?;
    if left == 0 {
        survey_section::Entity::delete_by_id(question.section_id)
            .exec(&txn)
            .await?;
    }
    let detail = audit_detail(&[("survey", &id.to_string())]);
    record_audit(
        &txn,
        Some(council_id),
        by,
        "survey-question-removed",
        &detail,
    )
    .await?;
    txn.commit().await?;
    Ok(())
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

/// Draws `count` one-time codes for a one-per-person survey that is not closed; only their
/// hashes are kept. Returns them as printed, to be shown once.
pub async fn issue_survey_codes(
    db: &DatabaseConnection,
    council_id: i64,
    id: i64,
    count: usize,
    by: Option<i64>,
) -> Result<Vec<String>, SurveyError> {
    let raw_codes = super::votes::draw_codes(count);
    let txn = super::begin_write(db).await?;
    let row = survey::Entity::find_by_id(id)
        .filter(survey::Column::CouncilId.eq(council_id))
        .one(&txn)
        .await?
        .ok_or(SurveyError::NotFound)?;
    if !row.one_per_person || row.state == SurveyState::Closed.key() {
        return Err(SurveyError::Refused(
            "count".into(),
            SurveyRefusal::CodesNotAsked,
        ));
    }
    let mut codes = Vec::with_capacity(count);
    for raw in raw_codes {
        survey_code::ActiveModel {
            survey_id: Set(id),
            code_hash: Set(code_hash(id, &raw)),
            used: Set(false),
        }
        .insert(&txn)
        .await?;
        codes.push(super::votes::printed_code(&raw));
    }
    let detail = audit_detail(&[("survey", &id.to_string()), ("codes", &count.to_string())]);
    record_audit(&txn, Some(council_id), by, "survey-codes-issued", &detail).await?;
    txn.commit().await?;
    Ok(codes)
}

fn code_hash(survey_id: i64, code: &str) -> String {
    hash_token(&format!(
        "survey:{survey_id}:{}",
        super::votes::normalize_code(code)
    ))
}

#[derive(Debug, thiserror::Error)]
pub enum SubmitError {
    #[error("no such survey")]
    NotFound,
    #[error("the survey is not open")]
    NotOpen,
    #[error("the answers break the survey's rules")]
    Invalid(Vec<AnswerProblem>),
    #[error("a code is needed")]
    CodeMissing,
    #[error("unknown code")]
    UnknownCode,
    #[error("code already used")]
    UsedCode,
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// Stores one response to survey `id`: the form's fields (`domain::survey::read_answers`)
/// checked against the survey as it is now, sealed in the waiting room in one transaction
/// with the use of the code when the survey asks for one, then mixed among the responses if
/// enough wait. Nothing is stored unless everything is right. Free-text answers wait for a
/// moderator's check before any result shows them.
pub async fn submit_response(
    db: &DatabaseConnection,
    key: &SealKey,
    council_id: i64,
    id: i64,
    fields: &BTreeMap<String, String>,
    code: &str,
) -> Result<(), SubmitError> {
    let txn = super::begin_write(db).await?;
    let view = survey_view(&txn, council_id, id)
        .await?
        .ok_or(SubmitError::NotFound)?;
    if view.state != SurveyState::Open {
        return Err(SubmitError::NotOpen);
    }
    let (answers, problems) = read_answers(&view.rules(), fields);
    if !problems.is_empty() {
        return Err(SubmitError::Invalid(problems));
    }
    if view.one_per_person {
        if code.trim().is_empty() {
            return Err(SubmitError::CodeMissing);
        }
        let row = survey_code::Entity::find_by_id((id, code_hash(id, code)))
            .one(&txn)
            .await?
            .ok_or(SubmitError::UnknownCode)?;
        if row.used {
            return Err(SubmitError::UsedCode);
        }
        let mut used: survey_code::ActiveModel = row.into();
        used.used = Set(true);
        used.update(&txn).await?;
    }
    let sealed = serde_json::to_vec(&answers).map_err(|e| DbErr::Custom(e.to_string()))?;
    survey_waiting::ActiveModel {
        id: Set(random_id()),
        survey_id: Set(id),
        sealed: Set(key.seal(&sealed)?),
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    mix(db, key, id).await?;
    Ok(())
}

fn random_id() -> String {
    format!("{:032x}", rand::random::<u128>())
}

/// The surveys whose responses this process is mixing now (see `mix`), each with the
/// fingerprint of its database's seal key: two databases served by one process (the
/// tests do that) have their own survey 1.
static MIXING: std::sync::Mutex<Vec<(String, i64)>> = std::sync::Mutex::new(Vec::new());

struct MixingGuard((String, i64));

impl MixingGuard {
    fn take(key: &SealKey, survey: i64) -> Option<Self> {
        let mut mixing = MIXING.lock().ok()?;
        let entry = (key.fingerprint().to_owned(), survey);
        if mixing.contains(&entry) {
            return None;
        }
        mixing.push(entry.clone());
        Some(Self(entry))
    }
}

impl Drop for MixingGuard {
    fn drop(&mut self) {
        if let Ok(mut mixing) = MIXING.lock() {
            mixing.retain(|s| *s != self.0);
        }
    }
}

/// How many responses of a survey wait to be mixed among the others.
pub async fn waiting_count(db: &DatabaseConnection, id: i64) -> Result<u64, DbErr> {
    survey_waiting::Entity::find()
        .filter(survey_waiting::Column::SurveyId.eq(id))
        .count(db)
        .await
}

/// Mixes survey `id`'s waiting responses among its responses once at least the council's
/// minimum group size wait, in a transaction of their own: opened, shuffled, given new
/// random ids and written in that order (answers with them), while their waiting rows are
/// deleted. Once the survey is closed, whatever waits goes in and all its responses are
/// written again in one shuffled transaction, once (`responses_settled`). Returns how many
/// responses were mixed. The survey's row is locked first: two mixers never take the same.
pub async fn mix(db: &DatabaseConnection, key: &SealKey, id: i64) -> Result<usize, DbErr> {
    // One mixer per survey in this process: a crowd of responses would otherwise each
    // queue for SQLite's one writer to find the group already mixed. One that finds a mix
    // under way leaves its response to the next group (or to the closing).
    let Some(_mixing) = MixingGuard::take(key, id) else {
        return Ok(0);
    };
    // Again while whole groups wait: responses that arrived during a mix are not left
    // behind by the mixers that stood aside.
    let mut mixed = 0;
    loop {
        match mix_once(db, key, id).await? {
            0 => return Ok(mixed),
            n => mixed += n,
        }
    }
}

async fn mix_once(db: &DatabaseConnection, key: &SealKey, id: i64) -> Result<usize, DbErr> {
    let Some(row) = survey::Entity::find_by_id(id).one(db).await? else {
        return Ok(0);
    };
    let waiting = survey_waiting::Entity::find()
        .filter(survey_waiting::Column::SurveyId.eq(id))
        .count(db)
        .await?;
    let min_group = super::min_group_size(db, row.council_id).await?;
    let closed = row.state == SurveyState::Closed.key();
    let due = if closed {
        waiting > 0 || !row.responses_settled
    } else {
        usize::try_from(waiting).unwrap_or(usize::MAX) >= min_group
    };
    if !due {
        return Ok(0);
    }
    let txn = super::begin_write(db).await?;
    let Some(row) = survey::Entity::find_by_id(id)
        .lock_exclusive()
        .one(&txn)
        .await?
    else {
        return Ok(0);
    };
    let closed = row.state == SurveyState::Closed.key();
    let waiting = survey_waiting::Entity::find()
        .filter(survey_waiting::Column::SurveyId.eq(id))
        .all(&txn)
        .await?;
    if !closed && waiting.len() < min_group || closed && waiting.is_empty() && row.responses_settled
    {
        return Ok(0);
    }
    let text_questions: Vec<i64> = survey_question::Entity::find()
        .filter(survey_question::Column::SurveyId.eq(id))
        .all(&txn)
        .await?
        .into_iter()
        .filter(|q| QuestionKind::parse(&q.kind).is_some_and(|k| k.is_text()))
        .map(|q| q.id)
        .collect();
    // Each response as (answers with their review state), whatever its origin.
    let mut responses: Vec<Vec<(i64, String, Option<String>)>> = Vec::new();
    for sealed in &waiting {
        let opened = key.open(&sealed.sealed).ok_or_else(|| {
            DbErr::Custom(format!(
                "a waiting response of survey {id} does not open with this server's seal key"
            ))
        })?;
        let answers: BTreeMap<i64, Answer> =
            serde_json::from_slice(&opened).map_err(|e| DbErr::Custom(e.to_string()))?;
        let mut rows = Vec::with_capacity(answers.len());
        for (question, answer) in answers {
            let value = serde_json::to_string(&answer).map_err(|e| DbErr::Custom(e.to_string()))?;
            let review = text_questions
                .contains(&question)
                .then(|| "pending".to_owned());
            rows.push((question, value, review));
        }
        responses.push(rows);
    }
    let mixed = responses.len();
    if closed {
        let old: Vec<String> = survey_response::Entity::find()
            .filter(survey_response::Column::SurveyId.eq(id))
            .all(&txn)
            .await?
            .into_iter()
            .map(|r| r.id)
            .collect();
        for chunk in old.chunks(500) {
            let mut by_response: BTreeMap<String, Vec<(i64, String, Option<String>)>> =
                chunk.iter().map(|r| (r.clone(), Vec::new())).collect();
            for answer in survey_answer::Entity::find()
                .filter(survey_answer::Column::ResponseId.is_in(chunk.to_vec()))
                .all(&txn)
                .await?
            {
                by_response.entry(answer.response_id).or_default().push((
                    answer.question_id,
                    answer.value,
                    answer.review,
                ));
            }
            responses.extend(by_response.into_values());
            survey_answer::Entity::delete_many()
                .filter(survey_answer::Column::ResponseId.is_in(chunk.to_vec()))
                .exec(&txn)
                .await?;
        }
        survey_response::Entity::delete_many()
            .filter(survey_response::Column::SurveyId.eq(id))
            .exec(&txn)
            .await?;
    }
    super::votes::shuffle(&mut responses);
    let mut response_rows = Vec::with_capacity(responses.len());
    let mut answer_rows = Vec::new();
    for answers in responses {
        let response_id = random_id();
        response_rows.push(survey_response::ActiveModel {
            id: Set(response_id.clone()),
            survey_id: Set(id),
        });
        for (question, value, review) in answers {
            answer_rows.push(survey_answer::ActiveModel {
                response_id: Set(response_id.clone()),
                question_id: Set(question),
                value: Set(value),
                review: Set(review),
            });
        }
    }
    for chunk in response_rows.chunks(500) {
        survey_response::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(&txn)
            .await?;
    }
    for chunk in answer_rows.chunks(500) {
        survey_answer::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(&txn)
            .await?;
    }
    let ids: Vec<String> = waiting.into_iter().map(|w| w.id).collect();
    for chunk in ids.chunks(500) {
        survey_waiting::Entity::delete_many()
            .filter(survey_waiting::Column::Id.is_in(chunk.to_vec()))
            .exec(&txn)
            .await?;
    }
    if closed {
        let mut settled: survey::ActiveModel = row.into();
        settled.responses_settled = Set(true);
        settled.update(&txn).await?;
    }
    txn.commit().await?;
    if closed {
        // The log still holds the pages as the earlier mixes wrote them: their groups.
        super::forget_history(db).await;
    }
    Ok(mixed)
}

/// The counts a results page needs (`answer_counts`). A closed survey's are counted once
/// and kept (`survey_closed_count`): nothing can change them any more, and a survey of
/// twenty thousand responses takes the database about a second to count
/// (docs/PERFORMANCE.md). An open survey's are counted afresh each time.
pub async fn results_counts(
    db: &DatabaseConnection,
    survey: &SurveyView,
    by: Option<i64>,
) -> Result<AnswerCounts, DbErr> {
    if survey.state != SurveyState::Closed {
        return answer_counts(db, survey, by).await;
    }
    let key = (survey.id, by.unwrap_or(0));
    if let Some(kept) = survey_closed_count::Entity::find_by_id(key).one(db).await?
        && let Ok(counts) = serde_json::from_str::<AnswerCounts>(&kept.counts)
    {
        return Ok(counts);
    }
    let counts = answer_counts(db, survey, by).await?;
    let kept = survey_closed_count::ActiveModel {
        survey_id: Set(key.0),
        by_question: Set(key.1),
        counts: Set(serde_json::to_string(&counts).map_err(|e| DbErr::Custom(e.to_string()))?),
    };
    // Two first readers at once count the same: the first one's stays.
    survey_closed_count::Entity::insert(kept)
        .on_conflict_do_nothing_on([
            survey_closed_count::Column::SurveyId,
            survey_closed_count::Column::ByQuestion,
        ])
        .exec(db)
        .await?;
    Ok(counts)
}

/// How many respondents gave each distinct answer to survey `id` (of the council), with
/// the counts per answer to the profile question `by`: counted by the database, so that a
/// results page never reads the responses one by one.
pub async fn answer_counts(
    db: &impl ConnectionTrait,
    survey: &SurveyView,
    by: Option<i64>,
) -> Result<AnswerCounts, DbErr> {
    use sea_orm::sea_query::{Alias, Expr, ExprTrait, JoinType, Query};
    let respondents = survey_response::Entity::find()
        .filter(survey_response::Column::SurveyId.eq(survey.id))
        .count(db)
        .await?;
    let (text, counted): (Vec<&QuestionView>, Vec<&QuestionView>) =
        survey.questions().partition(|q| q.kind.is_text());
    let counted: Vec<i64> = counted.iter().map(|q| q.id).collect();
    let text: Vec<i64> = text.iter().map(|q| q.id).collect();
    let decode = |value: String| {
        serde_json::from_str::<Answer>(&value).map_err(|e| DbErr::Custom(e.to_string()))
    };
    let mut counts = AnswerCounts {
        respondents: usize::try_from(respondents).unwrap_or(usize::MAX),
        ..AnswerCounts::default()
    };
    if !counted.is_empty() {
        for (question, value, n) in survey_answer::Entity::find()
            .select_only()
            .column(survey_answer::Column::QuestionId)
            .column(survey_answer::Column::Value)
            .column_as(survey_answer::Column::QuestionId.count(), "n")
            .filter(survey_answer::Column::QuestionId.is_in(counted.clone()))
            .group_by(survey_answer::Column::QuestionId)
            .group_by(survey_answer::Column::Value)
            .into_tuple::<(i64, String, i64)>()
            .all(db)
            .await?
        {
            counts
                .answers
                .push((question, decode(value)?, usize::try_from(n).unwrap_or(0)));
        }
    }
    if !text.is_empty() {
        for (question, n) in survey_answer::Entity::find()
            .select_only()
            .column(survey_answer::Column::QuestionId)
            .column_as(survey_answer::Column::QuestionId.count(), "n")
            .filter(survey_answer::Column::QuestionId.is_in(text))
            .group_by(survey_answer::Column::QuestionId)
            .into_tuple::<(i64, i64)>()
            .all(db)
            .await?
        {
            counts.answers.push((
                question,
                Answer::Text(String::new()),
                usize::try_from(n).unwrap_or(0),
            ));
        }
    }
    if let Some(by) = by.filter(|_| !counted.is_empty()) {
        // The answers joined to the same response's answer to the profile question.
        let (a, p) = (Alias::new("a"), Alias::new("p"));
        let column =
            |table: &Alias, column: survey_answer::Column| Expr::col((table.clone(), column));
        let query = Query::select()
            .expr_as(
                column(&a, survey_answer::Column::QuestionId),
                Alias::new("question"),
            )
            .expr_as(
                column(&a, survey_answer::Column::Value),
                Alias::new("value"),
            )
            .expr_as(column(&p, survey_answer::Column::Value), Alias::new("grp"))
            .expr_as(
                Expr::col((a.clone(), survey_answer::Column::QuestionId)).count(),
                Alias::new("n"),
            )
            .from_as(survey_answer::Entity, a.clone())
            .join_as(
                JoinType::InnerJoin,
                survey_answer::Entity,
                p.clone(),
                column(&p, survey_answer::Column::ResponseId)
                    .equals((a.clone(), survey_answer::Column::ResponseId)),
            )
            .and_where(column(&p, survey_answer::Column::QuestionId).eq(by))
            .and_where(column(&a, survey_answer::Column::QuestionId).is_in(counted))
            .add_group_by([
                column(&a, survey_answer::Column::QuestionId),
                column(&a, survey_answer::Column::Value),
                column(&p, survey_answer::Column::Value),
            ])
            .to_owned();
        for row in db.query_all(&query).await? {
            let question: i64 = row.try_get("", "question")?;
            let value: String = row.try_get("", "value")?;
            let group: String = row.try_get("", "grp")?;
            let n: i64 = row.try_get("", "n")?;
            if let Answer::Single(group) = decode(group)? {
                counts.by_group.push((
                    question,
                    decode(value)?,
                    group,
                    usize::try_from(n).unwrap_or(0),
                ));
            }
        }
    }
    Ok(counts)
}

/// Every answer of a survey, by response (for the results): response id → question → answer.
pub async fn answers_of(
    db: &impl ConnectionTrait,
    id: i64,
) -> Result<BTreeMap<String, BTreeMap<i64, (Answer, Option<String>)>>, DbErr> {
    let responses: Vec<String> = survey_response::Entity::find()
        .filter(survey_response::Column::SurveyId.eq(id))
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.id)
        .collect();
    let mut by_response: BTreeMap<String, BTreeMap<i64, (Answer, Option<String>)>> = responses
        .iter()
        .map(|r| (r.clone(), BTreeMap::new()))
        .collect();
    for chunk in responses.chunks(500) {
        for row in survey_answer::Entity::find()
            .filter(survey_answer::Column::ResponseId.is_in(chunk.to_vec()))
            .all(db)
            .await?
        {
            if let Ok(answer) = serde_json::from_str::<Answer>(&row.value) {
                by_response
                    .entry(row.response_id)
                    .or_default()
                    .insert(row.question_id, (answer, row.review));
            }
        }
    }
    Ok(by_response)
}

/// A free-text answer waiting for a moderator (or already decided).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrittenAnswer {
    pub response_id: String,
    pub question_id: i64,
    pub text: String,
    pub review: String,
}

/// The free-text answers of a survey of the council, by review state (`pending`,
/// `checked`, `withheld`), sorted by their text (never by arrival).
pub async fn written_answers(
    db: &DatabaseConnection,
    council_id: i64,
    id: i64,
    review: &str,
) -> Result<Vec<WrittenAnswer>, DbErr> {
    if survey::Entity::find_by_id(id)
        .filter(survey::Column::CouncilId.eq(council_id))
        .one(db)
        .await?
        .is_none()
    {
        return Ok(Vec::new());
    }
    let text_questions: Vec<i64> = survey_question::Entity::find()
        .filter(survey_question::Column::SurveyId.eq(id))
        .filter(
            survey_question::Column::Kind
                .is_in([QuestionKind::ShortText.key(), QuestionKind::LongText.key()]),
        )
        .all(db)
        .await?
        .into_iter()
        .map(|q| q.id)
        .collect();
    if text_questions.is_empty() {
        return Ok(Vec::new());
    }
    let mut written: Vec<WrittenAnswer> = survey_answer::Entity::find()
        .filter(survey_answer::Column::QuestionId.is_in(text_questions))
        .filter(survey_answer::Column::Review.eq(review))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|row| match serde_json::from_str::<Answer>(&row.value) {
            Ok(Answer::Text(text)) => Some(WrittenAnswer {
                response_id: row.response_id,
                question_id: row.question_id,
                text,
                review: review.to_owned(),
            }),
            _ => None,
        })
        .collect();
    written.sort_by(|a, b| (a.question_id, &a.text).cmp(&(b.question_id, &b.text)));
    Ok(written)
}

/// A moderator's decision on a free-text answer: published as `text` (the moderator may
/// have removed names: the original is replaced, not kept), or withheld for good. In the
/// audit log (without the text).
pub async fn review_written_answer(
    db: &DatabaseConnection,
    council_id: i64,
    id: i64,
    response_id: &str,
    question_id: i64,
    publish: Option<&str>,
    by: Option<i64>,
) -> Result<(), SurveyError> {
    let txn = super::begin_write(db).await?;
    survey::Entity::find_by_id(id)
        .filter(survey::Column::CouncilId.eq(council_id))
        .one(&txn)
        .await?
        .ok_or(SurveyError::NotFound)?;
    let response = survey_response::Entity::find_by_id(response_id.to_owned())
        .one(&txn)
        .await?
        .filter(|r| r.survey_id == id)
        .ok_or(SurveyError::NotFound)?;
    let row = survey_answer::Entity::find_by_id((response.id, question_id))
        .one(&txn)
        .await?
        .filter(|a| a.review.is_some())
        .ok_or(SurveyError::NotFound)?;
    let mut row: survey_answer::ActiveModel = row.into();
    match publish {
        Some(text) => {
            let text = text.trim();
            if text.is_empty() || text.chars().count() > crate::domain::survey::LONG_ANSWER_MAX {
                return Err(SurveyError::Refused(
                    "text".into(),
                    SurveyRefusal::ReviewText,
                ));
            }
            row.value = Set(serde_json::to_string(&Answer::Text(text.to_owned()))
                .map_err(|e| DbErr::Custom(e.to_string()))?);
            row.review = Set(Some("checked".to_owned()));
        }
        None => {
            // Withheld: the words themselves are not kept either.
            row.value = Set(serde_json::to_string(&Answer::Text(String::new()))
                .map_err(|e| DbErr::Custom(e.to_string()))?);
            row.review = Set(Some("withheld".to_owned()));
        }
    }
    row.update(&txn).await?;
    let action = if publish.is_some() {
        "survey-text-published"
    } else {
        "survey-text-withheld"
    };
    let detail = audit_detail(&[("survey", &id.to_string())]);
    record_audit(&txn, Some(council_id), by, action, &detail).await?;
    txn.commit().await?;
    Ok(())
}
