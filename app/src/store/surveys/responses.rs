//! Responses: one-time codes, a response sealed as it arrives, and the mixing that stores
//! responses in an order that says nothing of who answered when.

use super::*;

/// Draws `count` one-time codes for a one-per-person survey that is not closed; only their
/// hashes are kept. Returns them as printed, to be shown once.
pub async fn issue_survey_codes(
    db: &DatabaseConnection,
    council_id: i64,
    id: i64,
    count: usize,
    by: Option<i64>,
) -> Result<Vec<String>, SurveyError> {
    let raw_codes = crate::store::votes::draw_codes(count);
    let txn = crate::store::begin_write(db).await?;
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
        codes.push(crate::store::votes::printed_code(&raw));
    }
    let detail = audit_detail(&[("survey", &id.to_string()), ("codes", &count.to_string())]);
    record_audit(&txn, Some(council_id), by, "survey-codes-issued", &detail).await?;
    txn.commit().await?;
    Ok(codes)
}

pub(super) fn code_hash(survey_id: i64, code: &str) -> String {
    hash_token(&format!(
        "survey:{survey_id}:{}",
        crate::store::votes::normalize_code(code)
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
    /// Unknown or already used: one refusal for both, so that whoever finds a code card
    /// cannot learn whether its owner has answered.
    #[error("no such code, or used already")]
    CodeNotValid,
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
    let txn = crate::store::begin_write(db).await?;
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
        // Spent by one conditional update, as ballot codes are: of two submissions of one
        // code at the same instant, the second finds no unused row to mark (PostgreSQL
        // re-reads the row once the first commits) and is refused.
        use sea_orm::sea_query::Expr;
        let spent = survey_code::Entity::update_many()
            .col_expr(survey_code::Column::Used, Expr::value(true))
            .filter(survey_code::Column::SurveyId.eq(id))
            .filter(survey_code::Column::CodeHash.eq(code_hash(id, code)))
            .filter(survey_code::Column::Used.eq(false))
            .exec(&txn)
            .await?;
        if spent.rows_affected != 1 {
            return Err(SubmitError::CodeNotValid);
        }
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

pub(super) fn random_id() -> String {
    format!("{:032x}", rand::random::<u128>())
}

/// The surveys whose responses this process is mixing now (see `mix`), each with the
/// fingerprint of its database's seal key: two databases served by one process (the
/// tests do that) have their own survey 1.
pub(super) static MIXING: std::sync::Mutex<Vec<(String, i64)>> = std::sync::Mutex::new(Vec::new());

pub(super) struct MixingGuard((String, i64));

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

pub(super) async fn mix_once(
    db: &DatabaseConnection,
    key: &SealKey,
    id: i64,
) -> Result<usize, DbErr> {
    let Some(row) = survey::Entity::find_by_id(id).one(db).await? else {
        return Ok(0);
    };
    let waiting = survey_waiting::Entity::find()
        .filter(survey_waiting::Column::SurveyId.eq(id))
        .count(db)
        .await?;
    let min_group = crate::store::min_group_size(db, row.council_id).await?;
    let closed = row.state == SurveyState::Closed.key();
    let due = if closed {
        waiting > 0 || !row.responses_settled
    } else {
        usize::try_from(waiting).unwrap_or(usize::MAX) >= min_group
    };
    if !due {
        return Ok(0);
    }
    let txn = crate::store::begin_write(db).await?;
    let Some(row) = crate::store::locked_for_mixing(survey::Entity::find_by_id(id))
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
    crate::store::votes::shuffle(&mut responses);
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
        crate::store::forget_history(db).await;
    }
    Ok(mixed)
}
