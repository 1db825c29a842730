//! Answering a survey: the form (all questions on one page, a plain form post), and the
//! submission. Nothing reaches the server before the respondent sends: no draft, no
//! progress, no cookie; the confirmation travels in the flash cookie like every form's.

use super::AppError;
use super::forms::PageFlash;
use crate::domain::survey::SurveyView;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyPage {
    pub council_slug: String,
    pub council_name: String,
    pub survey: SurveyView,
    pub flash: PageFlash,
}

/// A survey that is open or closed (a draft is found by nobody yet).
#[server(endpoint = "survey")]
pub async fn load_survey(slug: String, id: String) -> Result<SurveyPage, AppError> {
    use crate::api::assemblies::server::{council, id as parse_id};
    use crate::domain::survey::SurveyState;
    let db = super::request::db()?;
    let (council_id, council_name) = council(&db, &slug).await?;
    let survey = crate::store::surveys::survey_view(&db, council_id, parse_id(&id)?)
        .await?
        .filter(|s| s.state != SurveyState::Draft)
        .ok_or_else(|| AppError::NotFound.with_status())?;
    Ok(SurveyPage {
        council_slug: slug,
        council_name,
        survey,
        flash: super::forms::take_page_flash()?,
    })
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyResultsPage {
    pub council_slug: String,
    pub council_name: String,
    pub survey: SurveyView,
    /// `None` while the results are hidden from the caller (the survey is open and they
    /// are not staff).
    pub results: Option<crate::domain::survey::SurveyResults>,
    pub min_group: usize,
}

/// A survey's results: public once it is closed; staff who read results see them while it
/// is open (marked provisional). Breakdowns follow the first profile question (the college
/// when there is one) under the council's minimum group size.
#[server(endpoint = "survey_results")]
pub async fn load_survey_results(slug: String, id: String) -> Result<SurveyResultsPage, AppError> {
    use crate::api::assemblies::server::{council, id as parse_id};
    use crate::domain::Permission;
    use crate::domain::survey::{Profile, SurveyState, tally};
    let db = super::request::db()?;
    let (council_id, council_name) = council(&db, &slug).await?;
    let survey = crate::store::surveys::survey_view(&db, council_id, parse_id(&id)?)
        .await?
        .filter(|s| s.state != SurveyState::Draft)
        .ok_or_else(|| AppError::NotFound.with_status())?;
    let staff = super::team::server::caller_allowed(&db, council_id, Permission::ReadResults)
        .await?
        .is_some();
    let min_group = crate::store::min_group_size(&db, council_id).await?;
    let results = if survey.state == SurveyState::Closed || staff {
        let responses: Vec<_> = crate::store::surveys::answers_of(&db, survey.id)
            .await?
            .into_values()
            .map(|answers| answers.into_iter().map(|(q, (a, _))| (q, a)).collect())
            .collect();
        let by = survey
            .questions()
            .find(|q| q.profile == Some(Profile::College))
            .or_else(|| survey.questions().find(|q| q.profile.is_some()))
            .map(|q| q.id);
        Some(tally(&survey, &responses, by, min_group))
    } else {
        None
    };
    Ok(SurveyResultsPage {
        council_slug: slug,
        council_name,
        survey,
        results,
        min_group,
    })
}

/// Sends a respondent's answers (fields `q[<question>]` and `q[<question>-<option>]`, see
/// `domain::survey::read_answers`). Refused whole, with the first problem beside its
/// question and what was typed given back; or stored, and the page says thank you.
#[server(endpoint = "submit_survey")]
pub async fn submit_survey(
    slug: String,
    survey: String,
    #[server(default)] code: String,
    #[server(default)] q: BTreeMap<String, String>,
) -> Result<(), AppError> {
    use crate::api::assemblies::server::{council, id as parse_id};
    use crate::store::surveys::{SubmitError, submit_response};
    let db = super::request::db()?;
    let (council_id, _) = council(&db, &slug).await?;
    let id = parse_id(&survey)?;
    let back = format!("/{slug}/questionnaires/{id}");
    let today = chrono::Utc::now().date_naive();
    let (field, message) = match submit_response(&db, council_id, id, &q, &code, today).await {
        Ok(()) => return super::forms::done("saved-survey-sent", &back),
        Err(SubmitError::NotFound) => return Err(AppError::NotFound.with_status()),
        Err(SubmitError::Db(error)) => return Err(error.into()),
        Err(SubmitError::NotOpen) => (None, "error-survey-not-open".to_owned()),
        Err(SubmitError::CodeMissing) => (
            Some("code".to_owned()),
            "error-survey-code-missing".to_owned(),
        ),
        Err(SubmitError::UnknownCode) => (
            Some("code".to_owned()),
            "error-survey-code-unknown".to_owned(),
        ),
        Err(SubmitError::UsedCode) => {
            (Some("code".to_owned()), "error-survey-code-used".to_owned())
        }
        Err(SubmitError::Invalid(problems)) => match problems.first() {
            Some(problem) => (
                Some(format!("q-{}", problem.question)),
                problem.message.to_owned(),
            ),
            None => (None, "error-survey-not-open".to_owned()),
        },
    };
    // What was typed goes back (the code too: it was not used).
    let mut values: Vec<(String, String)> = q
        .iter()
        .map(|(k, v)| (format!("q-{k}"), v.clone()))
        .collect();
    values.push(("code".to_owned(), code.clone()));
    let values: Vec<(&str, &str)> = values
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    super::forms::refuse(
        super::forms::FormEcho::new("survey", field.as_deref(), &message, &values),
        &back,
    )
}
