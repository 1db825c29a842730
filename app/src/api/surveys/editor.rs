//! Staff's survey functions: the list, creating a survey, its questions while a draft, opening
//! and closing it, reviewing written answers, and one-time codes.

// A server function's arguments are its form's fields, one each: a question has ten.
#![allow(clippy::too_many_arguments)]

use super::*;

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
    let db = crate::api::request::db()?;
    let crate::api::edge::CouncilRef {
        id: council_id,
        name: council_name,
        ..
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
        flash: crate::api::forms::take_page_flash()?,
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
    let db = crate::api::request::db()?;
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
        Ok(id) => crate::api::forms::done(
            "saved-survey-created",
            &format!("/{slug}/questionnaires/{id}/modifier"),
        ),
        Err(SurveyError::Refused(field, why)) => crate::api::forms::refuse(
            crate::api::forms::FormEcho::new(
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
    /// Free-text answers waiting for a moderator: its handle (never its response's id:
    /// two answers of one person would share it), question id, text.
    pub pending: Vec<(String, i64, String)>,
    /// While the survey is open: its public link and the link's QR code (an SVG), to put on
    /// a poster or a flyer, or to send.
    pub share: Option<(String, String)>,
    /// Answers to this survey the rate limits refused (since the server started).
    pub refused_writes: u64,
    pub flash: PageFlash,
}

#[server(endpoint = "survey_editor")]
pub async fn load_survey_editor(slug: String, id: String) -> Result<SurveyEditorPage, AppError> {
    use crate::api::edge::id as parse_id;
    use crate::domain::Permission;
    use crate::domain::readability::measure;
    let db = crate::api::request::db()?;
    let crate::api::edge::StaffCall {
        council:
            crate::api::edge::CouncilRef {
                id: council_id,
                name: council_name,
                ..
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
    let key = crate::api::request::seal_key()?;
    let pending =
        crate::store::surveys::written_answers(&db, &key, council_id, survey.id, "pending")
            .await?
            .into_iter()
            .map(|w| (w.handle, w.question_id, w.text))
            .collect();
    let share = if survey.state == crate::domain::survey::SurveyState::Open {
        let link = server::public_link(&slug, survey.id)?;
        let qr = crate::api::assemblies::qr_svg_of(&link)?;
        Some((link, qr))
    } else {
        None
    };
    let survey_id = survey.id;
    Ok(SurveyEditorPage {
        council_slug: slug,
        council_name,
        survey,
        readability,
        pending,
        share,
        refused_writes: crate::api::request::refused_writes(
            crate::services::refused::Target::Survey(survey_id),
        ),
        flash: crate::api::forms::take_page_flash()?,
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
    let db = crate::api::request::db()?;
    let crate::api::edge::StaffCall {
        council: crate::api::edge::CouncilRef { id: council_id, .. },
        account_id: caller,
        ..
    } = crate::api::edge::require(&db, &slug, Permission::PrepareAssemblies).await?;
    let id = parse_id(&survey)?;
    let back = format!("/{slug}/questionnaires/{id}/modifier");
    let echo = |field: &str, message: &str| {
        crate::api::forms::refuse(
            crate::api::forms::FormEcho::new(
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
        return crate::api::forms::refuse(
            crate::api::forms::FormEcho::new(
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
        Ok(_) => crate::api::forms::done("saved-question-added", &back),
        // Not a problem of the form's fields: the survey no longer takes changes.
        Err(SurveyError::Refused(field, why)) if field == "state" => crate::api::forms::refuse(
            crate::api::forms::FormEcho::new("run", None, why.message_id(), &[]),
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
    let db = crate::api::request::db()?;
    let crate::api::edge::StaffCall {
        council: crate::api::edge::CouncilRef { id: council_id, .. },
        account_id: caller,
        ..
    } = crate::api::edge::require(&db, &slug, Permission::PrepareAssemblies).await?;
    let id = parse_id(&survey)?;
    let back = format!("/{slug}/questionnaires/{id}/modifier");
    let by = Some(caller);
    let key = crate::api::request::seal_key()?;
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
        Ok(()) => crate::api::forms::done(&format!("saved-survey-{action}"), &back),
        Err(SurveyError::Refused(_, why)) => crate::api::forms::refuse(
            crate::api::forms::FormEcho::new("run", None, why.message_id(), &[]),
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
    answer: String,
    decision: String,
    #[server(default)] text: String,
) -> Result<(), AppError> {
    use crate::api::edge::id as parse_id;
    use crate::domain::Permission;
    use crate::store::surveys::SurveyError;
    let db = crate::api::request::db()?;
    let crate::api::edge::StaffCall {
        council: crate::api::edge::CouncilRef { id: council_id, .. },
        account_id: caller,
        ..
    } = crate::api::edge::require(&db, &slug, Permission::PrepareAssemblies).await?;
    let id = parse_id(&survey)?;
    let back = format!("/{slug}/questionnaires/{id}/modifier");
    let publish = (decision == "publish").then_some(text.as_str());
    let key = crate::api::request::seal_key()?;
    match crate::store::surveys::review_written_answer(
        &db,
        &key,
        council_id,
        id,
        answer.trim(),
        publish,
        Some(caller),
    )
    .await
    {
        Ok(()) => crate::api::forms::done(
            if publish.is_some() {
                "saved-text-published"
            } else {
                "saved-text-withheld"
            },
            &back,
        ),
        Err(SurveyError::Refused(_, why)) => crate::api::forms::refuse(
            crate::api::forms::FormEcho::new("run", None, why.message_id(), &[]),
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
    let db = crate::api::request::db()?;
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
        return crate::api::forms::refuse(
            crate::api::forms::FormEcho::new(
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
            crate::api::forms::set_flash(&format!("codes:{}", codes.join(".")), &sheet)?;
            leptos_axum::redirect(&sheet);
            Ok(())
        }
        Err(SurveyError::Refused(_, why)) => crate::api::forms::refuse(
            crate::api::forms::FormEcho::new("codes", None, why.message_id(), &[]),
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
    let db = crate::api::request::db()?;
    let crate::api::edge::StaffCall {
        council: crate::api::edge::CouncilRef { id: council_id, .. },
        ..
    } = crate::api::edge::require(&db, &slug, Permission::PrepareAssemblies).await?;
    let survey = crate::store::surveys::survey_view(&db, council_id, parse_id(&id)?)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    let codes = crate::api::forms::take_codes()?;
    Ok(SurveyCodeSheet {
        link: server::public_link(&slug, survey.id)?,
        council_slug: slug,
        survey_id: survey.id,
        title: survey.title.plain,
        codes,
    })
}
