//! Answering a survey: the form (all questions on one page, a plain form post), and the
//! submission. Nothing reaches the server before the respondent sends: no draft, no
//! progress, no cookie; the confirmation travels in the flash cookie like every form's.
// A server function's arguments are its form's fields, one each: a question has ten.
#![allow(clippy::too_many_arguments)]

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

/// A survey's results as a CSV file: one line per answer and group (the whole first, then
/// each group the breakdown shows), so a spreadsheet can filter and chart them. The same
/// figures as the page, under the same small-group rule: nothing the page hides.
// The browser only ever fetches the file by a plain link, so the client build never names
// these (the server function still needs them on both sides).
#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvFile(pub String);

/// `text/csv` for a server function's answer.
#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
pub struct CsvEncoding;

impl leptos::server_fn::ContentType for CsvEncoding {
    const CONTENT_TYPE: &'static str = "text/csv; charset=utf-8";
}

impl leptos::server_fn::FormatType for CsvEncoding {
    const FORMAT_TYPE: leptos::server_fn::Format = leptos::server_fn::Format::Text;
}

impl leptos::server_fn::Encodes<CsvFile> for CsvEncoding {
    type Error = std::convert::Infallible;

    fn encode(output: &CsvFile) -> Result<leptos::server_fn::Bytes, Self::Error> {
        Ok(leptos::server_fn::Bytes::from(output.0.clone()))
    }
}

impl leptos::server_fn::Decodes<CsvFile> for CsvEncoding {
    type Error = std::string::FromUtf8Error;

    fn decode(bytes: leptos::server_fn::Bytes) -> Result<CsvFile, Self::Error> {
        String::from_utf8(bytes.to_vec()).map(CsvFile)
    }
}

#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
pub type Csv = leptos::server_fn::codec::Post<CsvEncoding>;

/// The results as CSV (`CsvFile`), for whoever may read them (as the page): in the reader's
/// language; French files are separated by semicolons, as French spreadsheets expect.
#[server(endpoint = "survey_results_csv", input = leptos::server_fn::codec::GetUrl, output = Csv)]
pub async fn survey_results_csv(
    slug: String,
    id: String,
    #[server(default)] by: String,
) -> Result<CsvFile, AppError> {
    let db = super::request::db()?;
    let found = server::results(&db, &slug, &id, &by).await?;
    let results = found
        .results
        .as_ref()
        .ok_or_else(|| AppError::Forbidden.with_status())?;
    let lang = crate::i18n::request_preferences().lang;
    let file = server::results_csv(&found.survey, results, lang)
        .map_err(|e| AppError::internal("writing CSV", e))?;
    let response = use_context::<leptos_axum::ResponseOptions>()
        .ok_or_else(|| AppError::unwired("ResponseOptions"))?;
    let name = format!(
        "attachment; filename=\"resultats-questionnaire-{}.csv\"",
        found.survey.id
    );
    if let Ok(value) = http::HeaderValue::from_str(&name) {
        response.insert_header(http::header::CONTENT_DISPOSITION, value);
    }
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
    let db = super::request::db()?;
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
        for written in
            crate::store::surveys::written_answers(&db, council_id, survey.id, "checked").await?
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

/// The council's surveys: open and closed ones for everyone, drafts too for coordinators,
/// who also get the form to start one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveysPage {
    pub council_slug: String,
    pub council_name: String,
    pub surveys: Vec<(
        i64,
        crate::domain::Wording,
        crate::domain::survey::SurveyState,
    )>,
    pub can_prepare: bool,
    pub flash: PageFlash,
}

#[server(endpoint = "surveys")]
pub async fn load_surveys(slug: String) -> Result<SurveysPage, AppError> {
    use crate::domain::Permission;
    let db = super::request::db()?;
    let crate::api::edge::CouncilRef {
        id: council_id,
        name: council_name,
    } = crate::api::edge::council(&db, &slug).await?;
    let can_prepare =
        crate::api::edge::caller_allowed(&db, council_id, Permission::PrepareAssemblies)
            .await?
            .is_some();
    Ok(SurveysPage {
        surveys: crate::store::surveys::surveys_of(&db, council_id, can_prepare).await?,
        council_slug: slug,
        council_name,
        can_prepare,
        flash: super::forms::take_page_flash()?,
    })
}

/// Starts a survey (a draft, to which the editor adds questions).
#[server(endpoint = "create_survey")]
pub async fn create_survey(
    slug: String,
    title: String,
    #[server(default)] title_easy: String,
    #[server(default)] intro: String,
    #[server(default)] intro_easy: String,
    #[server(default)] one_per_person: String,
) -> Result<(), AppError> {
    use crate::domain::{Permission, Wording};
    use crate::store::surveys::{NewSurvey, SurveyError};
    let db = super::request::db()?;
    let crate::api::edge::StaffCall {
        council: crate::api::edge::CouncilRef { id: council_id, .. },
        account_id: caller,
        ..
    } = crate::api::edge::require(&db, &slug, Permission::PrepareAssemblies).await?;
    let new = NewSurvey {
        council_id,
        title: Wording {
            plain: title.clone(),
            easy: title_easy.clone(),
        },
        intro: Wording {
            plain: intro.clone(),
            easy: intro_easy.clone(),
        },
        one_per_person: !one_per_person.is_empty(),
        sections: Vec::new(),
        by: Some(caller),
    };
    match crate::store::surveys::create_survey(&db, &new).await {
        Ok(id) => super::forms::done(
            "saved-survey-created",
            &format!("/{slug}/questionnaires/{id}/modifier"),
        ),
        Err(SurveyError::Refused(field, why)) => super::forms::refuse(
            super::forms::FormEcho::new(
                "survey",
                Some(&field),
                why.message_id(),
                &[
                    ("title", &title),
                    ("title_easy", &title_easy),
                    ("intro", &intro),
                    ("intro_easy", &intro_easy),
                ],
            ),
            &format!("/{slug}/questionnaires"),
        ),
        Err(SurveyError::NotFound) => Err(AppError::NotFound.with_status()),
        Err(SurveyError::Db(error)) => Err(error.into()),
    }
}

/// A survey being written, for its coordinators: its questions with the readability of
/// each plain wording, and the form to add one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SurveyEditorPage {
    pub council_slug: String,
    pub council_name: String,
    pub survey: SurveyView,
    /// Per question (same order as `survey.questions()`): the readability of its plain
    /// wording, and whether it lacks an easy-read one.
    pub readability: Vec<(Option<crate::domain::readability::Readability>, bool)>,
    /// Free-text answers waiting for a moderator: response id, question id, text.
    pub pending: Vec<(String, i64, String)>,
    /// While the survey is open: its public link and the link's QR code (an SVG), to put on
    /// a poster or a flyer, or to send.
    pub share: Option<(String, String)>,
    pub flash: PageFlash,
}

#[server(endpoint = "survey_editor")]
pub async fn load_survey_editor(slug: String, id: String) -> Result<SurveyEditorPage, AppError> {
    use crate::api::edge::id as parse_id;
    use crate::domain::Permission;
    use crate::domain::readability::measure;
    let db = super::request::db()?;
    let crate::api::edge::StaffCall {
        council:
            crate::api::edge::CouncilRef {
                id: council_id,
                name: council_name,
            },
        ..
    } = crate::api::edge::require(&db, &slug, Permission::PrepareAssemblies).await?;
    let survey = crate::store::surveys::survey_view(&db, council_id, parse_id(&id)?)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    let readability = survey
        .questions()
        .map(|q| (measure(&q.prompt.plain), q.prompt.easy.trim().is_empty()))
        .collect();
    let pending = crate::store::surveys::written_answers(&db, council_id, survey.id, "pending")
        .await?
        .into_iter()
        .map(|w| (w.response_id, w.question_id, w.text))
        .collect();
    let share = if survey.state == crate::domain::survey::SurveyState::Open {
        let link = server::public_link(&slug, survey.id)?;
        let qr = crate::api::assemblies::qr_svg_of(&link)?;
        Some((link, qr))
    } else {
        None
    };
    Ok(SurveyEditorPage {
        council_slug: slug,
        council_name,
        survey,
        readability,
        pending,
        share,
        flash: super::forms::take_page_flash()?,
    })
}

/// Adds a question to a draft survey. Options come one per line; a line may carry its
/// easy-read wording after a ` | `.
#[server(endpoint = "add_survey_question")]
pub async fn add_survey_question(
    slug: String,
    survey: String,
    section: String,
    #[server(default)] section_easy: String,
    kind: String,
    prompt: String,
    #[server(default)] prompt_easy: String,
    #[server(default)] required: String,
    #[server(default)] profile: String,
    #[server(default)] options: String,
    #[server(default)] check: String,
) -> Result<(), AppError> {
    use crate::api::edge::id as parse_id;
    use crate::domain::survey::{Profile, QuestionDraft, QuestionKind};
    use crate::domain::{Permission, Wording};
    use crate::store::surveys::SurveyError;
    let db = super::request::db()?;
    let crate::api::edge::StaffCall {
        council: crate::api::edge::CouncilRef { id: council_id, .. },
        account_id: caller,
        ..
    } = crate::api::edge::require(&db, &slug, Permission::PrepareAssemblies).await?;
    let id = parse_id(&survey)?;
    let back = format!("/{slug}/questionnaires/{id}/modifier");
    let echo = |field: &str, message: &str| {
        super::forms::refuse(
            super::forms::FormEcho::new(
                "question",
                Some(field),
                message,
                &[
                    ("section", &section),
                    ("section_easy", &section_easy),
                    ("kind", &kind),
                    ("prompt", &prompt),
                    ("prompt_easy", &prompt_easy),
                    ("required", &required),
                    ("profile", &profile),
                    ("options", &options),
                ],
            ),
            &back,
        )
    };
    if !check.is_empty() {
        // "Check readability": nothing stored; the form comes back as typed, the
        // readability of its wordings measured beside them (the page measures the echo).
        // The address's #fragment takes the reader to the measure.
        return super::forms::refuse(
            super::forms::FormEcho::new(
                "question",
                Some(READABILITY_FIELD),
                "survey-readability-checked",
                &[
                    ("section", &section),
                    ("section_easy", &section_easy),
                    ("kind", &kind),
                    ("prompt", &prompt),
                    ("prompt_easy", &prompt_easy),
                    ("required", &required),
                    ("profile", &profile),
                    ("options", &options),
                ],
            ),
            &format!("{back}#{READABILITY_FIELD}"),
        );
    }
    let Some(question_kind) = QuestionKind::parse(&kind) else {
        return echo("kind", "error-question-kind");
    };
    let draft = QuestionDraft {
        kind: question_kind,
        prompt: Wording {
            plain: prompt.clone(),
            easy: prompt_easy.clone(),
        },
        required: !required.is_empty(),
        profile: Profile::parse(&profile),
        options: options
            .lines()
            .map(|line| match line.split_once(" | ") {
                Some((plain, easy)) => Wording {
                    plain: plain.trim().to_owned(),
                    easy: easy.trim().to_owned(),
                },
                None => Wording {
                    plain: line.trim().to_owned(),
                    easy: String::new(),
                },
            })
            .collect(),
    };
    let section_title = Wording {
        plain: section.clone(),
        easy: section_easy.clone(),
    };
    match crate::store::surveys::add_question(
        &db,
        council_id,
        id,
        &section_title,
        &draft,
        Some(caller),
    )
    .await
    {
        Ok(_) => super::forms::done("saved-question-added", &back),
        // Not a problem of the form's fields: the survey no longer takes changes.
        Err(SurveyError::Refused(field, why)) if field == "state" => super::forms::refuse(
            super::forms::FormEcho::new("run", None, why.message_id(), &[]),
            &back,
        ),
        Err(SurveyError::Refused(field, why)) => echo(&field, why.message_id()),
        Err(SurveyError::NotFound) => Err(AppError::NotFound.with_status()),
        Err(SurveyError::Db(error)) => Err(error.into()),
    }
}

/// The "field" a readability check comes back on (no field is at fault: the add-question
/// form shows the measure of what it gives back there).
pub const READABILITY_FIELD: &str = "readability-check";

/// Staff act on a survey: `open`, `close`, or `remove` a question of a draft.
#[server(endpoint = "run_survey")]
pub async fn run_survey(
    slug: String,
    survey: String,
    action: String,
    #[server(default)] question: String,
) -> Result<(), AppError> {
    use crate::api::edge::id as parse_id;
    use crate::domain::Permission;
    use crate::domain::survey::SurveyState;
    use crate::store::surveys::{self, SurveyError};
    let db = super::request::db()?;
    let crate::api::edge::StaffCall {
        council: crate::api::edge::CouncilRef { id: council_id, .. },
        account_id: caller,
        ..
    } = crate::api::edge::require(&db, &slug, Permission::PrepareAssemblies).await?;
    let id = parse_id(&survey)?;
    let back = format!("/{slug}/questionnaires/{id}/modifier");
    let by = Some(caller);
    let key = super::request::seal_key()?;
    let done = match action.as_str() {
        "open" => surveys::set_survey_state(&db, &key, council_id, id, SurveyState::Open, by).await,
        "close" => {
            surveys::set_survey_state(&db, &key, council_id, id, SurveyState::Closed, by).await
        }
        "remove" => surveys::remove_question(&db, council_id, id, parse_id(&question)?, by).await,
        _ => Err(SurveyError::Refused(
            "action".into(),
            crate::store::surveys::SurveyRefusal::State,
        )),
    };
    match done {
        Ok(()) => super::forms::done(&format!("saved-survey-{action}"), &back),
        Err(SurveyError::Refused(_, why)) => super::forms::refuse(
            super::forms::FormEcho::new("run", None, why.message_id(), &[]),
            &back,
        ),
        Err(SurveyError::NotFound) => Err(AppError::NotFound.with_status()),
        Err(SurveyError::Db(error)) => Err(error.into()),
    }
}

/// A moderator publishes a written answer (as edited: names removed) or withholds it.
#[server(endpoint = "review_survey_text")]
pub async fn review_survey_text(
    slug: String,
    survey: String,
    response: String,
    question: String,
    decision: String,
    #[server(default)] text: String,
) -> Result<(), AppError> {
    use crate::api::edge::id as parse_id;
    use crate::domain::Permission;
    use crate::store::surveys::SurveyError;
    let db = super::request::db()?;
    let crate::api::edge::StaffCall {
        council: crate::api::edge::CouncilRef { id: council_id, .. },
        account_id: caller,
        ..
    } = crate::api::edge::require(&db, &slug, Permission::PrepareAssemblies).await?;
    let id = parse_id(&survey)?;
    let back = format!("/{slug}/questionnaires/{id}/modifier");
    let publish = (decision == "publish").then_some(text.as_str());
    match crate::store::surveys::review_written_answer(
        &db,
        council_id,
        id,
        &response,
        parse_id(&question)?,
        publish,
        Some(caller),
    )
    .await
    {
        Ok(()) => super::forms::done(
            if publish.is_some() {
                "saved-text-published"
            } else {
                "saved-text-withheld"
            },
            &back,
        ),
        Err(SurveyError::Refused(_, why)) => super::forms::refuse(
            super::forms::FormEcho::new("run", None, why.message_id(), &[]),
            &back,
        ),
        Err(SurveyError::NotFound) => Err(AppError::NotFound.with_status()),
        Err(SurveyError::Db(error)) => Err(error.into()),
    }
}

/// A sheet of one-time codes for a one-per-person survey, shown once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyCodeSheet {
    pub council_slug: String,
    pub survey_id: i64,
    pub title: String,
    /// Shown once: empty when the page is reloaded.
    pub codes: Vec<String>,
    /// The survey's address, printed with each code.
    pub link: String,
}

/// Draws 1 to 100 codes for a one-per-person survey and opens the sheet that shows them.
#[server(endpoint = "issue_survey_codes")]
pub async fn issue_survey_codes(
    slug: String,
    survey: String,
    count: String,
) -> Result<(), AppError> {
    use crate::api::edge::id as parse_id;
    use crate::domain::Permission;
    use crate::domain::vote::CODES_PER_SHEET_MAX;
    use crate::store::surveys::SurveyError;
    let db = super::request::db()?;
    let crate::api::edge::StaffCall {
        council: crate::api::edge::CouncilRef { id: council_id, .. },
        account_id: caller,
        ..
    } = crate::api::edge::require(&db, &slug, Permission::PrepareAssemblies).await?;
    let id = parse_id(&survey)?;
    let back = format!("/{slug}/questionnaires/{id}/modifier");
    let Some(count) = count
        .trim()
        .parse::<usize>()
        .ok()
        .filter(|n| (1..=CODES_PER_SHEET_MAX).contains(n))
    else {
        return super::forms::refuse(
            super::forms::FormEcho::new(
                "codes",
                Some("count"),
                "error-vote-codes-count",
                &[("count", count.as_str())],
            ),
            &back,
        );
    };
    match crate::store::surveys::issue_survey_codes(&db, council_id, id, count, Some(caller)).await
    {
        Ok(codes) => {
            let sheet = format!("/{slug}/questionnaires/{id}/codes");
            super::forms::set_flash(&format!("codes:{}", codes.join(".")), &sheet)?;
            leptos_axum::redirect(&sheet);
            Ok(())
        }
        Err(SurveyError::Refused(_, why)) => super::forms::refuse(
            super::forms::FormEcho::new("codes", None, why.message_id(), &[]),
            &back,
        ),
        Err(SurveyError::NotFound) => Err(AppError::NotFound.with_status()),
        Err(SurveyError::Db(error)) => Err(error.into()),
    }
}

#[server(endpoint = "survey_code_sheet")]
pub async fn load_survey_code_sheet(slug: String, id: String) -> Result<SurveyCodeSheet, AppError> {
    use crate::api::edge::id as parse_id;
    use crate::domain::Permission;
    let db = super::request::db()?;
    let crate::api::edge::StaffCall {
        council: crate::api::edge::CouncilRef { id: council_id, .. },
        ..
    } = crate::api::edge::require(&db, &slug, Permission::PrepareAssemblies).await?;
    let survey = crate::store::surveys::survey_view(&db, council_id, parse_id(&id)?)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    let codes = super::forms::take_codes()?;
    Ok(SurveyCodeSheet {
        link: server::public_link(&slug, survey.id)?,
        council_slug: slug,
        survey_id: survey.id,
        title: survey.title.plain,
        codes,
    })
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use super::CsvFile;
    use crate::api::AppError;
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
        } = crate::api::edge::council(db, slug).await?;
        let survey = crate::store::surveys::survey_view(db, council_id, parse_id(id)?)
            .await?
            .filter(|s| s.state != SurveyState::Draft)
            .ok_or_else(|| AppError::NotFound.with_status())?;
        let staff = crate::api::edge::caller_allowed(db, council_id, Permission::ReadResults)
            .await?
            .is_some();
        let min_group = crate::store::min_group_size(db, council_id).await?;
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
    /// whole, then each group of the breakdown. A byte-order mark first, so that
    /// spreadsheets read the accents right.
    pub fn results_csv(
        survey: &SurveyView,
        results: &SurveyResults,
        lang: Lang,
    ) -> Result<CsvFile, csv::Error> {
        let text = |id: &str| crate::i18n::message(lang, false, id, None);
        // As each language's spreadsheets read numbers: French ones want a decimal comma,
        // hence a semicolon between fields.
        let (delimiter, decimal) = if lang == Lang::Fr {
            (b';', ',')
        } else {
            (b',', '.')
        };
        let mut out = csv::WriterBuilder::new()
            .delimiter(delimiter)
            .from_writer(Vec::new());
        out.write_record(
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
                out.write_record([
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
                    out.write_record([
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
        let bytes = out.into_inner().map_err(|e| e.into_error())?;
        Ok(CsvFile(format!(
            "\u{feff}{}",
            String::from_utf8_lossy(&bytes)
        )))
    }
}
