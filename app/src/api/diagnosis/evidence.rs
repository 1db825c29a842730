//! The survey results a finding rests on: linked and unlinked by coordinators on the
//! finding's form, shown on its public page when the survey is closed and enough people
//! answered (`domain::survey::shown_beside_finding`).

use super::*;
use crate::domain::survey::{QuestionResult, SurveyQuestion};

/// One linked question as a finding's public page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupportingResult {
    pub survey_id: i64,
    pub survey_title: crate::domain::Wording,
    pub question: SurveyQuestion,
    /// Its figures, without breakdown; `None` when too few people answered to show them.
    pub result: Option<QuestionResult>,
}

/// The linked questions of a finding whose surveys are closed, in the order they were
/// linked; an open survey's results are not public yet and are left out.
#[cfg(feature = "ssr")]
pub(crate) async fn supporting_results(
    db: &sea_orm::DatabaseConnection,
    council_id: i64,
    finding_id: i64,
    min_group: usize,
) -> Result<Vec<SupportingResult>, AppError> {
    use crate::domain::survey::{SurveyState, shown_beside_finding, tally_counts};
    use crate::store::surveys::{results_counts, survey_view};
    let linked = crate::store::diagnosis::evidence_of(db, finding_id).await?;
    let known = crate::store::diagnosis::evidence_choices(db, council_id).await?;
    let choice_of = |id: i64| known.iter().find(|c| c.question_id == id && c.closed);
    let closed: std::collections::BTreeSet<i64> = linked
        .iter()
        .filter_map(|id| choice_of(*id))
        .map(|c| c.survey_id)
        .collect();
    let mut surveys = std::collections::BTreeMap::new();
    for id in closed {
        if let Some(survey) = survey_view(db, council_id, id).await? {
            let counts = results_counts(db, &survey, None).await?;
            let results = tally_counts(&survey, &counts, None, min_group);
            surveys.insert(id, (survey, results));
        }
    }
    let mut shown = Vec::new();
    for question_id in linked {
        let Some(choice) = choice_of(question_id) else {
            continue;
        };
        let Some((survey, results)) = surveys.get(&choice.survey_id) else {
            continue;
        };
        let (Some(question), Some(result)) = (
            survey.questions().find(|q| q.id == question_id),
            results.questions.iter().find(|r| r.id == question_id),
        ) else {
            continue;
        };
        let mut result = result.clone();
        result.breakdown.clear();
        shown.push(SupportingResult {
            survey_id: survey.id,
            survey_title: survey.title.clone(),
            question: question.clone(),
            result: shown_beside_finding(SurveyState::Closed, &result, min_group).then_some(result),
        });
    }
    Ok(shown)
}

/// What the finding's form shows of its evidence: the linked questions, and those that
/// could be linked.
#[cfg(feature = "ssr")]
pub(crate) async fn evidence_lists(
    db: &sea_orm::DatabaseConnection,
    council_id: i64,
    finding_id: i64,
) -> Result<
    (
        Vec<crate::domain::EvidenceQuestion>,
        Vec<crate::domain::EvidenceQuestion>,
    ),
    AppError,
> {
    let linked = crate::store::diagnosis::evidence_of(db, finding_id).await?;
    let choices = crate::store::diagnosis::evidence_choices(db, council_id).await?;
    let in_order = linked
        .iter()
        .filter_map(|id| choices.iter().find(|c| c.question_id == *id).cloned())
        .collect();
    let others = choices
        .into_iter()
        .filter(|c| !linked.contains(&c.question_id))
        .collect();
    Ok((in_order, others))
}

/// A coordinator links (`link`) a survey question to a finding, or unlinks it (`unlink`).
#[server(endpoint = "change_evidence")]
pub async fn change_evidence(
    slug: String,
    finding: String,
    #[server(default)] question: String,
    action: String,
) -> Result<(), AppError> {
    use crate::domain::Permission;
    use crate::store::diagnosis::{self, DiagnosisError};
    let db = crate::api::request::db()?;
    let call = crate::api::edge::require(&db, &slug, Permission::ConfigureCouncil).await?;
    let (council_id, by) = (call.council.id, Some(call.account_id));
    let finding = crate::api::edge::id(&finding)?;
    let back = format!("/{slug}/diagnostic/constat/{finding}#evidence-title");
    let question = match question.trim() {
        "" => {
            return super::super::forms::refuse(
                super::super::forms::FormEcho::new(
                    "evidence",
                    Some("question"),
                    "error-evidence-choose",
                    &[],
                ),
                &back,
            );
        }
        raw => crate::api::edge::id(raw)?,
    };
    let done = match action.as_str() {
        "link" => diagnosis::link_evidence(&db, council_id, finding, question, by)
            .await
            .map(|()| "saved-evidence-linked"),
        "unlink" => diagnosis::unlink_evidence(&db, council_id, finding, question, by)
            .await
            .map(|()| "saved-evidence-unlinked"),
        _ => return Err(AppError::Invalid("error-form-malformed".into()).with_status()),
    };
    match done {
        Ok(notice) => super::super::forms::done(notice, &back),
        Err(DiagnosisError::Refused(message)) => super::super::forms::refuse(
            super::super::forms::FormEcho::new("evidence", Some("question"), message, &[]),
            &back,
        ),
        Err(DiagnosisError::NotFound) => Err(AppError::NotFound.with_status()),
        Err(DiagnosisError::Db(error)) => Err(error.into()),
    }
}
