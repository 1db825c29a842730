//! The survey results a finding rests on: questions of the council's own surveys, linked
//! by a coordinator, shown on the finding's public page under the small-group rule.

use super::DiagnosisError;
use super::finding_of;
use crate::domain::survey::{QuestionKind, SurveyState};
use crate::domain::{EvidenceQuestion, Wording};
use crate::store::entities::{finding_evidence, survey, survey_question};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, QueryOrder, Set,
};

/// At most this many survey questions beside one finding: a page to read, not a report.
pub const EVIDENCE_MAX: u64 = 6;

/// The questions of the council's opened or closed surveys whose answers add up to figures
/// (not free text), newest survey first: what a coordinator can link to a finding. A
/// draft's questions can still change or vanish, so they are not offered.
pub async fn evidence_choices(
    db: &impl ConnectionTrait,
    council_id: i64,
) -> Result<Vec<EvidenceQuestion>, DbErr> {
    let surveys = survey::Entity::find()
        .filter(survey::Column::CouncilId.eq(council_id))
        .filter(survey::Column::State.ne(SurveyState::Draft.key()))
        .order_by_desc(survey::Column::Id)
        .all(db)
        .await?;
    let questions = survey_question::Entity::find()
        .filter(survey_question::Column::SurveyId.is_in(surveys.iter().map(|s| s.id)))
        .order_by_asc(survey_question::Column::Position)
        .order_by_asc(survey_question::Column::Id)
        .all(db)
        .await?;
    let mut choices = Vec::new();
    for s in &surveys {
        for q in questions.iter().filter(|q| q.survey_id == s.id) {
            if QuestionKind::parse(&q.kind).is_none_or(QuestionKind::is_text) {
                continue;
            }
            choices.push(EvidenceQuestion {
                survey_id: s.id,
                survey_title: Wording {
                    plain: s.title.clone(),
                    easy: s.title_easy.clone(),
                },
                closed: s.state == SurveyState::Closed.key(),
                question_id: q.id,
                prompt: Wording {
                    plain: q.prompt.clone(),
                    easy: q.prompt_easy.clone(),
                },
            });
        }
    }
    Ok(choices)
}

/// The questions linked to a finding, in the order they were linked.
pub async fn evidence_of(db: &impl ConnectionTrait, finding_id: i64) -> Result<Vec<i64>, DbErr> {
    Ok(finding_evidence::Entity::find()
        .filter(finding_evidence::Column::FindingId.eq(finding_id))
        .order_by_asc(finding_evidence::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .map(|e| e.question_id)
        .collect())
}

/// Links question `question_id` to a finding of the council: refused for a question that
/// is not among `evidence_choices` (another council's, a draft's, free text), one already
/// linked, or beyond `EVIDENCE_MAX`.
pub async fn link_evidence(
    db: &DatabaseConnection,
    council_id: i64,
    finding_id: i64,
    question_id: i64,
    by: Option<i64>,
) -> Result<(), DiagnosisError> {
    let txn = crate::store::begin_write(db).await?;
    finding_of(&txn, council_id, finding_id).await?;
    if !evidence_choices(&txn, council_id)
        .await?
        .iter()
        .any(|c| c.question_id == question_id)
    {
        return Err(DiagnosisError::Refused("error-evidence-unknown"));
    }
    let linked = evidence_of(&txn, finding_id).await?;
    if linked.contains(&question_id) {
        return Err(DiagnosisError::Refused("error-evidence-already"));
    }
    if linked.len() as u64 >= EVIDENCE_MAX {
        return Err(DiagnosisError::Refused("error-evidence-full"));
    }
    let position = finding_evidence::Entity::find()
        .filter(finding_evidence::Column::FindingId.eq(finding_id))
        .order_by_desc(finding_evidence::Column::Position)
        .one(&txn)
        .await?
        .map_or(0, |last| last.position + 1);
    finding_evidence::ActiveModel {
        finding_id: Set(finding_id),
        question_id: Set(question_id),
        position: Set(position),
    }
    .insert(&txn)
    .await?;
    let detail = crate::domain::audit_detail(&[
        ("finding", &finding_id.to_string()),
        ("survey-question", &question_id.to_string()),
    ]);
    crate::store::staff::record_audit(&txn, Some(council_id), by, "evidence-linked", &detail)
        .await?;
    txn.commit().await?;
    Ok(())
}

/// Unlinks a question from a finding of the council; one not linked is not found.
pub async fn unlink_evidence(
    db: &DatabaseConnection,
    council_id: i64,
    finding_id: i64,
    question_id: i64,
    by: Option<i64>,
) -> Result<(), DiagnosisError> {
    let txn = crate::store::begin_write(db).await?;
    finding_of(&txn, council_id, finding_id).await?;
    let removed = finding_evidence::Entity::delete_by_id((finding_id, question_id))
        .exec(&txn)
        .await?
        .rows_affected;
    if removed == 0 {
        return Err(DiagnosisError::NotFound);
    }
    let detail = crate::domain::audit_detail(&[
        ("finding", &finding_id.to_string()),
        ("survey-question", &question_id.to_string()),
    ]);
    crate::store::staff::record_audit(&txn, Some(council_id), by, "evidence-unlinked", &detail)
        .await?;
    txn.commit().await?;
    Ok(())
}
