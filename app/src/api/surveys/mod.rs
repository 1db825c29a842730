//! Answering a survey: the form (all questions on one page, a plain form post), and the
//! submission. Nothing reaches the server before the respondent sends: no draft, no
//! progress, no cookie; the confirmation travels in the flash cookie like every form's.

// A server function's arguments are its form's fields, one each: a question has ten.
#![allow(clippy::too_many_arguments)]

mod editor;
mod results;
pub use editor::*;
pub use results::*;

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
    use crate::api::edge::id as parse_id;
    use crate::domain::survey::SurveyState;
    let db = super::request::db()?;
    let crate::api::edge::CouncilRef {
        id: council_id,
        name: council_name,
        ..
    } = crate::api::edge::council(&db, &slug).await?;
    // A draft is a preview for those who write it, and found by nobody else.
    let preview = crate::api::edge::caller_allowed(
        &db,
        council_id,
        crate::domain::Permission::PrepareAssemblies,
    )
    .await?
    .is_some();
    let survey = crate::store::surveys::survey_view(&db, council_id, parse_id(&id)?)
        .await?
        .filter(|s| s.state != SurveyState::Draft || preview)
        .ok_or_else(|| AppError::NotFound.with_status())?;
    Ok(SurveyPage {
        council_slug: slug,
        council_name,
        survey,
        flash: super::forms::take_page_flash()?,
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
    use crate::api::edge::id as parse_id;
    use crate::store::surveys::{SubmitError, submit_response};
    let db = super::request::db()?;
    let crate::api::edge::CouncilRef { id: council_id, .. } =
        crate::api::edge::council(&db, &slug).await?;
    let id = parse_id(&survey)?;
    let back = format!("/{slug}/questionnaires/{id}");
    let key = super::request::seal_key()?;
    let (field, message) = match submit_response(&db, &key, council_id, id, &q, &code).await {
        Ok(()) => return super::forms::done("saved-survey-sent", &back),
        Err(SubmitError::NotFound) => return Err(AppError::NotFound.with_status()),
        Err(SubmitError::Db(error)) => return Err(error.into()),
        Err(SubmitError::NotOpen) => (None, "error-survey-not-open".to_owned()),
        Err(SubmitError::CodeMissing) => (
            Some("code".to_owned()),
            "error-survey-code-missing".to_owned(),
        ),
        Err(SubmitError::CodeNotValid) => (
            Some("code".to_owned()),
            "error-survey-code-not-valid".to_owned(),
        ),
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

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use crate::api::AppError;
    use crate::api::sheet::{CsvFile, Sheet};
    use crate::domain::Lang;
    use crate::domain::survey::{Group, QuestionKind, SCALE_POINTS, SurveyResults, SurveyView};
    use sea_orm::DatabaseConnection;

    /// The address respondents open, on the server's public address.
    pub fn public_link(slug: &str, survey: i64) -> Result<String, AppError> {
        let setup = leptos::prelude::use_context::<crate::api::StaffSetup>()
            .ok_or_else(|| AppError::unwired("StaffSetup"))?;
        Ok(format!(
            "{}/{slug}/questionnaires/{survey}",
            setup.public_url
        ))
    }

    /// A survey's results as its reader may see them.
    pub struct Results {
        pub council_id: i64,
        pub council_name: String,
        pub survey: SurveyView,
        pub chosen: Option<i64>,
        /// None while hidden from the caller (open, and they are not staff).
        pub results: Option<SurveyResults>,
        pub min_group: usize,
    }

    /// The results of survey `id` of council `slug`, broken down by `by` (a profile
    /// question's id, "none", or "" for the college, else the first profile question).
    pub async fn results(
        db: &DatabaseConnection,
        slug: &str,
        id: &str,
        by: &str,
    ) -> Result<Results, AppError> {
        use crate::api::edge::id as parse_id;
        use crate::domain::Permission;
        use crate::domain::survey::{Profile, SurveyState, tally_counts};
        let crate::api::edge::CouncilRef {
            id: council_id,
            name: council_name,
            min_group,
            ..
        } = crate::api::edge::council(db, slug).await?;
        let survey = crate::store::surveys::survey_view(db, council_id, parse_id(id)?)
            .await?
            .filter(|s| s.state != SurveyState::Draft)
            .ok_or_else(|| AppError::NotFound.with_status())?;
        let staff = crate::api::edge::caller_allowed(db, council_id, Permission::ReadResults)
            .await?
            .is_some();
        let chosen = match by.trim() {
            "" => survey
                .questions()
                .find(|q| q.profile == Some(Profile::College))
                .or_else(|| survey.questions().find(|q| q.profile.is_some()))
                .map(|q| q.id),
            "none" => None,
            // A profile question of this survey, or no breakdown.
            by => by.parse::<i64>().ok().filter(|by| {
                survey
                    .questions()
                    .any(|q| q.id == *by && q.profile.is_some())
            }),
        };
        let results = if survey.state == SurveyState::Closed || staff {
            let counts = crate::store::surveys::results_counts(db, &survey, chosen).await?;
            Some(tally_counts(&survey, &counts, chosen, min_group))
        } else {
            None
        };
        Ok(Results {
            council_id,
            council_name,
            survey,
            chosen,
            results,
            min_group,
        })
    }

    /// Writes `results` as CSV: a header line, then per question and row of answer, the
    /// whole, then each group of the breakdown.
    pub fn results_csv(
        survey: &SurveyView,
        results: &SurveyResults,
        lang: Lang,
    ) -> Result<CsvFile, csv::Error> {
        let text = |id: &str| crate::i18n::message(lang, false, id, None);
        let mut out = Sheet::new(lang);
        let decimal = out.decimal_mark();
        out.row(
            [
                "survey-csv-number",
                "survey-csv-question",
                "survey-csv-answer",
                "survey-csv-group",
                "survey-csv-respondents",
                "survey-csv-count",
                "survey-csv-percent",
                "survey-csv-mean-rank",
            ]
            .map(text),
        )?;
        let profile = results
            .breakdown_by
            .and_then(|id| survey.questions().find(|q| q.id == id));
        let group_name = |group: &Group| match group {
            Group::Option(id) => profile
                .and_then(|p| p.options.iter().find(|(o, _)| o == id))
                .map(|(_, w)| w.plain.clone())
                .unwrap_or_default(),
            Group::Others => text("survey-results-others"),
            Group::NotSaid => text("survey-results-not-said"),
        };
        let percent = |count: usize, of: usize| (count * 100 + of / 2).checked_div(of).unwrap_or(0);
        for (number, result) in results.questions.iter().enumerate() {
            let Some(question) = survey.questions().find(|q| q.id == result.id) else {
                continue;
            };
            let number = (number + 1).to_string();
            if question.kind.is_text() {
                let answered = result.answered.to_string();
                out.row([
                    number.as_str(),
                    &question.prompt.plain,
                    &text("survey-csv-written"),
                    &text("survey-csv-all"),
                    &answered,
                    &answered,
                    "100",
                    "",
                ])?;
                continue;
            }
            let labels: Vec<String> = match question.kind {
                QuestionKind::Scale => (1..=SCALE_POINTS)
                    .map(|p| text(&format!("survey-scale-{p}")))
                    .collect(),
                _ => question
                    .options
                    .iter()
                    .map(|(_, w)| w.plain.clone())
                    .collect(),
            };
            for (row, label) in labels.iter().enumerate() {
                let mean = result
                    .mean_ranks
                    .get(row)
                    .copied()
                    .flatten()
                    .map(|m| format!("{}{decimal}{:02}", m / 100, m % 100))
                    .unwrap_or_default();
                let whole = (
                    text("survey-csv-all"),
                    result.answered,
                    result.counts.get(row).copied().unwrap_or(0),
                );
                let groups = result.breakdown.iter().map(|(group, n, counts)| {
                    (group_name(group), *n, counts.get(row).copied().unwrap_or(0))
                });
                // The mean rank is the whole's: groups show first places only.
                for (i, (group, n, count)) in std::iter::once(whole).chain(groups).enumerate() {
                    let mean = if i == 0 { mean.as_str() } else { "" };
                    out.row([
                        number.as_str(),
                        &question.prompt.plain,
                        label,
                        &group,
                        &n.to_string(),
                        &count.to_string(),
                        &percent(count, n).to_string(),
                        mean,
                    ])?;
                }
            }
        }
        out.finish()
    }
}
