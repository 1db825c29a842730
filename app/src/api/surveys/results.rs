//! A survey's results, on a page and as a CSV file.

use super::*;

use crate::api::sheet::{Csv, CsvFile};

/// The results as CSV, for whoever may read them (as the page), in the reader's language:
/// one line per answer and group (the whole first, then each group the breakdown shows), so
/// a spreadsheet can filter and chart them. The same figures as the page, under the same
/// small-group rule: nothing the page hides.
#[server(endpoint = "survey_results_csv", input = leptos::server_fn::codec::GetUrl, output = Csv)]
pub async fn survey_results_csv(
    slug: String,
    id: String,
    #[server(default)] by: String,
) -> Result<CsvFile, AppError> {
    let db = crate::api::request::db()?;
    let found = server::results(&db, &slug, &id, &by).await?;
    let results = found
        .results
        .as_ref()
        .ok_or_else(|| AppError::Forbidden.with_status())?;
    let lang = crate::i18n::request_preferences().lang;
    let file = server::results_csv(&found.survey, results, lang)
        .map_err(|e| AppError::internal("writing CSV", e))?;
    crate::api::request::offer_download(&format!(
        "resultats-questionnaire-{}.csv",
        found.survey.id
    ))?;
    Ok(file)
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
    /// Free-text answers a moderator has checked (names removed), by question, sorted;
    /// empty while the results are hidden.
    pub texts: BTreeMap<i64, Vec<String>>,
    /// The profile question the reader asked the breakdown by (None: no breakdown). The
    /// results follow it unless the small-group rule leaves too few groups.
    pub chosen: Option<i64>,
    /// Responses sent but not yet mixed among the others (and so not yet counted).
    pub waiting: u64,
}

/// A survey's results: public once it is closed; staff who read results see them while it
/// is open (marked provisional). Breakdowns follow the profile question the reader picks
/// (`by`: its id, "none" for no breakdown; by default the college, else the first profile
/// question) under the council's minimum group size.
#[server(endpoint = "survey_results")]
pub async fn load_survey_results(
    slug: String,
    id: String,
    #[server(default)] by: String,
) -> Result<SurveyResultsPage, AppError> {
    let db = crate::api::request::db()?;
    let server::Results {
        council_id,
        council_name,
        survey,
        chosen,
        results,
        min_group,
    } = server::results(&db, &slug, &id, &by).await?;
    let mut texts: BTreeMap<i64, Vec<String>> = BTreeMap::new();
    if results.is_some() {
        let key = crate::api::request::seal_key()?;
        for written in
            crate::store::surveys::written_answers(&db, &key, council_id, survey.id, "checked")
                .await?
        {
            texts
                .entry(written.question_id)
                .or_default()
                .push(written.text);
        }
    }
    let waiting = crate::store::surveys::waiting_count(&db, survey.id).await?;
    Ok(SurveyResultsPage {
        council_slug: slug,
        council_name,
        survey,
        results,
        min_group,
        texts,
        chosen,
        waiting,
    })
}
