//! What responses add up to: counts per question and group, the written answers and their
//! review before anyone else reads them.

use super::*;

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
    let (text, counted): (Vec<&SurveyQuestion>, Vec<&SurveyQuestion>) =
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
    /// What the moderator's form names it by (`answer_handle`), never its response's id:
    /// two answers of one person would share that, and the moderator would read them
    /// together.
    pub handle: String,
    pub question_id: i64,
    pub text: String,
    pub review: String,
}

/// The free-text answers of a survey of the council, by review state (`pending`,
/// `checked`, `withheld`), sorted by their text (never by arrival).
pub async fn written_answers(
    db: &DatabaseConnection,
    key: &SealKey,
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
                handle: answer_handle(key, &row.response_id, row.question_id),
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

/// What a written answer is named by outside the store: a keyed hash of its response and
/// question, different for each answer of one response and meaningless without the key.
pub fn answer_handle(key: &SealKey, response_id: &str, question_id: i64) -> String {
    use sha2::{Digest, Sha256};
    let derived = key.derive("written answer handle");
    let digest = Sha256::new()
        .chain_update(derived)
        .chain_update(response_id.as_bytes())
        .chain_update(b":")
        .chain_update(question_id.to_string().as_bytes())
        .finalize();
    crate::store::staff::to_hex(&digest[..16])
}

/// A moderator's decision on a free-text answer (`handle`, as `written_answers` gave it):
/// published as `text` (the moderator may have removed names: the original is replaced,
/// not kept), or withheld for good. In the audit log (without the text).
pub async fn review_written_answer(
    db: &DatabaseConnection,
    key: &SealKey,
    council_id: i64,
    id: i64,
    handle: &str,
    publish: Option<&str>,
    by: Option<i64>,
) -> Result<(), SurveyError> {
    let txn = crate::store::begin_write(db).await?;
    survey::Entity::find_by_id(id)
        .filter(survey::Column::CouncilId.eq(council_id))
        .one(&txn)
        .await?
        .ok_or(SurveyError::NotFound)?;
    let questions: Vec<i64> = survey_question::Entity::find()
        .filter(survey_question::Column::SurveyId.eq(id))
        .all(&txn)
        .await?
        .into_iter()
        .map(|q| q.id)
        .collect();
    // Found by its handle among the survey's written answers: a few hundred hashes at most.
    let row = survey_answer::Entity::find()
        .filter(survey_answer::Column::QuestionId.is_in(questions))
        .filter(survey_answer::Column::Review.is_not_null())
        .all(&txn)
        .await?
        .into_iter()
        .find(|a| answer_handle(key, &a.response_id, a.question_id) == handle)
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
