//! The shared diagnosis, as its coordinators write it: findings written one by one or
//! imported from a spreadsheet (`import`), published or kept as drafts, ordered; and the
//! objectives they serve. Every form is a plain post that comes back to its page.

// A server function's arguments are its form's fields, one each.
#![allow(clippy::too_many_arguments)]

mod evidence;
mod import;
mod objectives;

pub use evidence::*;
pub use import::*;
pub use objectives::*;

use super::AppError;
use super::forms::PageFlash;
use crate::domain::{CouncilObjective, Finding, FindingFields, LineError};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The diagnosis editor: every finding (drafts too), the council's objectives, the file
/// waiting to be imported and what was refused of the last one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiagnosisEditor {
    pub council_slug: String,
    pub council_name: String,
    pub findings: Vec<Finding>,
    pub objectives: Vec<CouncilObjective>,
    /// Keys of the objectives a finding uses (they cannot be removed).
    pub objectives_in_use: Vec<String>,
    pub pending: Option<ImportPreview>,
    /// The last file refused, line by line (from the flash).
    pub refused_import: Option<ImportRefusal>,
    pub flash: PageFlash,
}

/// A checked file waiting for its coordinator's confirmation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportPreview {
    pub file_name: String,
    pub findings: Vec<FindingFields>,
}

/// A file refused: the first line errors (as many as the flash cookie holds) and how many
/// there were in all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportRefusal {
    pub file_name: String,
    pub errors: Vec<LineError>,
    pub total: usize,
}

#[server(endpoint = "diagnosis_editor")]
pub async fn load_diagnosis_editor(slug: String) -> Result<DiagnosisEditor, AppError> {
    use crate::domain::Permission;
    let db = super::request::db()?;
    let call = crate::api::edge::require(&db, &slug, Permission::ConfigureCouncil).await?;
    let council_id = call.council.id;
    let findings = crate::store::diagnosis::all_findings(&db, council_id).await?;
    let mut objectives_in_use: Vec<String> = findings
        .iter()
        .map(|f| f.objective.as_str().to_owned())
        .collect();
    objectives_in_use.sort_unstable();
    objectives_in_use.dedup();
    let flash = super::forms::take_page_flash()?;
    let refused_import = flash
        .carried
        .as_deref()
        .and_then(|json| serde_json::from_str(json).ok());
    Ok(DiagnosisEditor {
        council_slug: slug,
        council_name: call.council.name,
        findings,
        objectives: crate::store::diagnosis::objectives_of(&db, council_id).await?,
        objectives_in_use,
        pending: crate::store::diagnosis::pending_import(&db, council_id)
            .await?
            .map(|pending| ImportPreview {
                file_name: pending.file_name,
                findings: pending.findings,
            }),
        refused_import,
        flash,
    })
}

/// One finding's form: a new one (`id` absent) or one to edit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FindingForm {
    pub council_slug: String,
    pub council_name: String,
    pub finding: Option<Finding>,
    pub objectives: Vec<CouncilObjective>,
    /// The survey questions the finding rests on, and those of the council's other surveys
    /// that could be linked (an existing finding only).
    pub evidence: Vec<crate::domain::EvidenceQuestion>,
    pub evidence_choices: Vec<crate::domain::EvidenceQuestion>,
    pub flash: PageFlash,
}

#[server(endpoint = "finding_form")]
pub async fn load_finding_form(slug: String, id: Option<String>) -> Result<FindingForm, AppError> {
    use crate::domain::Permission;
    let db = super::request::db()?;
    let call = crate::api::edge::require(&db, &slug, Permission::ConfigureCouncil).await?;
    let finding = match id {
        None => None,
        Some(raw) => Some(
            crate::store::diagnosis::staff_finding(&db, call.council.id, super::edge::id(&raw)?)
                .await?
                .ok_or_else(|| AppError::NotFound.with_status())?,
        ),
    };
    let (evidence, evidence_choices) = match &finding {
        Some(finding) => evidence_lists(&db, call.council.id, finding.id).await?,
        None => (Vec::new(), Vec::new()),
    };
    Ok(FindingForm {
        evidence,
        evidence_choices,
        council_slug: slug,
        council_name: call.council.name,
        finding,
        objectives: crate::store::diagnosis::objectives_of(&db, call.council.id).await?,
        flash: super::forms::take_page_flash()?,
    })
}

/// The names an objective is known by in a form or a file: its own names, and the preset's
/// name in French and English, plain and easy-read.
#[cfg(feature = "ssr")]
pub(crate) fn objective_names(
    objectives: &[CouncilObjective],
) -> Vec<(crate::domain::ObjectiveKey, Vec<String>)> {
    use crate::domain::Lang;
    objectives
        .iter()
        .map(|objective| {
            let mut names: Vec<String> = [&objective.label, &objective.label_easy]
                .into_iter()
                .flatten()
                .cloned()
                .collect();
            if objective.key.is_preset() {
                let id = format!("objective-{}", objective.key.as_str());
                for lang in [Lang::Fr, Lang::En] {
                    for easy in [false, true] {
                        names.push(crate::i18n::message(lang, easy, &id, None));
                    }
                }
            }
            (objective.key.clone(), names)
        })
        .collect()
}

/// Saves a finding written in its form: a new one as a draft (`id` empty), or an edit. A
/// field at fault comes back beside it with what was typed; `check` measures the easy-read
/// texts, storing nothing.
#[server(endpoint = "save_finding")]
pub async fn save_finding(
    slug: String,
    #[server(default)] id: String,
    #[server(default)] objective: String,
    #[server(default)] title: String,
    #[server(default)] title_easy: String,
    #[server(default)] summary: String,
    #[server(default)] summary_easy: String,
    #[server(default)] detail: String,
    #[server(default)] detail_easy: String,
    #[server(default)] source: String,
    #[server(default)] source_kind: String,
    #[server(default)] source_year: String,
    #[server(default)] check: String,
) -> Result<(), AppError> {
    use crate::domain::{Permission, TypedFinding};
    use crate::store::diagnosis::{self, DiagnosisError};
    let db = super::request::db()?;
    let call = crate::api::edge::require(&db, &slug, Permission::ConfigureCouncil).await?;
    let council_id = call.council.id;
    let existing = match id.trim() {
        "" => None,
        raw => Some(super::edge::id(raw)?),
    };
    let page = match existing {
        Some(id) => format!("/{slug}/diagnostic/constat/{id}"),
        None => format!("/{slug}/diagnostic/nouveau"),
    };
    let values = [
        ("objective", objective.as_str()),
        ("title", title.as_str()),
        ("title_easy", title_easy.as_str()),
        ("summary", summary.as_str()),
        ("summary_easy", summary_easy.as_str()),
        ("detail", detail.as_str()),
        ("detail_easy", detail_easy.as_str()),
        ("source", source.as_str()),
        ("source_kind", source_kind.as_str()),
        ("source_year", source_year.as_str()),
    ];
    if !check.is_empty() {
        return super::forms::readability_checked("finding", &values, &page);
    }
    let objectives = diagnosis::objectives_of(&db, council_id).await?;
    let typed = TypedFinding {
        objective: objective.clone(),
        title: title.clone(),
        title_easy: title_easy.clone(),
        summary: summary.clone(),
        summary_easy: summary_easy.clone(),
        detail: detail.clone(),
        detail_easy: detail_easy.clone(),
        source: source.clone(),
        source_kind: source_kind.clone(),
        source_year: source_year.clone(),
    };
    let Some(fields) = super::forms::checked(
        "finding",
        &values,
        &page,
        FindingFields::check(&typed, &objective_names(&objectives)),
    )?
    else {
        return Ok(());
    };
    let saved = match existing {
        Some(id) => diagnosis::edit_finding(&db, council_id, id, &fields, Some(call.account_id))
            .await
            .map(|()| id),
        None => diagnosis::add_finding(&db, council_id, &fields, Some(call.account_id)).await,
    };
    match saved {
        Ok(id) => super::forms::done("saved-finding", &format!("/{slug}/diagnostic#finding-{id}")),
        Err(DiagnosisError::Refused(message)) => super::forms::refuse(
            super::forms::FormEcho::new("finding", Some("objective"), message, &values),
            &page,
        ),
        Err(DiagnosisError::NotFound) => Err(AppError::NotFound.with_status()),
        Err(DiagnosisError::Db(error)) => Err(error.into()),
    }
}

/// A coordinator publishes (`publish`), withdraws (`withdraw`), moves (`up`, `down`) or
/// deletes (`delete`) a finding; or publishes every draft (`publish-all`, no `id`).
#[server(endpoint = "change_finding")]
pub async fn change_finding(
    slug: String,
    #[server(default)] id: String,
    action: String,
) -> Result<(), AppError> {
    use crate::domain::Permission;
    use crate::store::diagnosis::{self, DiagnosisError};
    let db = super::request::db()?;
    let call = crate::api::edge::require(&db, &slug, Permission::ConfigureCouncil).await?;
    let (council_id, by) = (call.council.id, Some(call.account_id));
    let id = match action.as_str() {
        "publish-all" => None,
        _ => Some(super::edge::id(&id)?),
    };
    let back = match id {
        Some(id) if action != "delete" => format!("/{slug}/diagnostic#finding-{id}"),
        _ => format!("/{slug}/diagnostic#findings-title"),
    };
    let done = match (action.as_str(), id) {
        ("publish-all", _) => diagnosis::set_published(&db, council_id, None, true, by)
            .await
            .map(|_| "saved-findings-published"),
        ("publish", Some(id)) => diagnosis::set_published(&db, council_id, Some(&[id]), true, by)
            .await
            .map(|_| "saved-findings-published"),
        ("withdraw", Some(id)) => diagnosis::set_published(&db, council_id, Some(&[id]), false, by)
            .await
            .map(|_| "saved-finding-withdrawn"),
        ("up" | "down", Some(id)) => {
            diagnosis::move_finding(&db, council_id, id, action == "up", by)
                .await
                .map(|()| "saved-finding-moved")
        }
        ("delete", Some(id)) => diagnosis::delete_finding(&db, council_id, id, by)
            .await
            .map(|()| "saved-finding-deleted"),
        _ => return Err(AppError::Invalid("error-form-malformed".into()).with_status()),
    };
    match done {
        Ok(notice) => super::forms::done(notice, &back),
        Err(DiagnosisError::Refused(message)) => super::forms::refuse(
            super::forms::FormEcho::new(
                &format!("finding-{}", id.unwrap_or_default()),
                None,
                message,
                &[],
            ),
            &back,
        ),
        Err(DiagnosisError::NotFound) => Err(AppError::NotFound.with_status()),
        Err(DiagnosisError::Db(error)) => Err(error.into()),
    }
}
