//! The objectives a council's findings serve: a preset taken, each renamed (with an
//! easy-read name) and given a pictogram, added, moved, removed when no finding uses it.

use crate::api::AppError;
use leptos::prelude::*;

/// Takes one of the presets (`national`, `ars-occitanie`): objectives in use stay.
#[server(endpoint = "apply_objective_preset")]
pub async fn apply_objective_preset(slug: String, preset: String) -> Result<(), AppError> {
    use crate::domain::{ObjectivePreset, Permission};
    let db = crate::api::request::db()?;
    let call = crate::api::edge::require(&db, &slug, Permission::ConfigureCouncil).await?;
    let preset = ObjectivePreset::from_key(&preset)
        .ok_or_else(|| AppError::Invalid("error-form-malformed".into()).with_status())?;
    crate::store::diagnosis::apply_objective_preset(
        &db,
        call.council.id,
        preset,
        Some(call.account_id),
    )
    .await?;
    crate::api::forms::done(
        "saved-objectives",
        &format!("/{slug}/diagnostic#objectives-title"),
    )
}

/// Renames an objective and chooses its pictogram (`action` `save`), moves it (`up`,
/// `down`) or removes it (`remove`). An empty name gives a preset's objective its
/// translated name back; a council's own needs one.
#[server(endpoint = "change_objective")]
pub async fn change_objective(
    slug: String,
    objective: String,
    #[server(default)] action: String,
    #[server(default)] label: String,
    #[server(default)] label_easy: String,
    #[server(default)] picto: String,
) -> Result<(), AppError> {
    use crate::domain::{Permission, clean_objective_label};
    use crate::store::diagnosis::{self, DiagnosisError, ObjectiveChange};
    let db = crate::api::request::db()?;
    let call = crate::api::edge::require(&db, &slug, Permission::ConfigureCouncil).await?;
    let (council_id, by) = (call.council.id, Some(call.account_id));
    let form = format!("objective-{objective}");
    let back = format!("/{slug}/diagnostic#{form}");
    let values = [
        ("label", label.as_str()),
        ("label_easy", label_easy.as_str()),
        ("picto", picto.as_str()),
    ];
    let refuse = |field: Option<&str>, message: &str| {
        crate::api::forms::refuse(
            crate::api::forms::FormEcho::new(&form, field, message, &values),
            &back,
        )
    };
    let done = match action.as_str() {
        "up" | "down" => {
            diagnosis::move_objective(&db, council_id, &objective, action == "up", by).await
        }
        "remove" => diagnosis::remove_objective(&db, council_id, &objective, by).await,
        "" | "save" => {
            let name = |raw: &str| match raw.trim() {
                "" => Ok(None),
                typed => clean_objective_label(typed).map(Some),
            };
            let label = match name(&label) {
                Ok(label) => label,
                Err(message) => return refuse(Some("label"), message),
            };
            let label_easy = match name(&label_easy) {
                Ok(label) => label,
                Err(message) => return refuse(Some("label_easy"), message),
            };
            if !crate::domain::PICTOGRAMS.contains(&picto.as_str()) {
                return refuse(Some("picto"), "error-form-malformed");
            }
            let change = ObjectiveChange {
                label,
                label_easy,
                picto: crate::domain::pictogram(&picto),
            };
            diagnosis::change_objective(&db, council_id, &objective, change, by).await
        }
        _ => return Err(AppError::Invalid("error-form-malformed".into()).with_status()),
    };
    match done {
        Ok(()) if action == "remove" => crate::api::forms::done(
            "saved-objectives",
            &format!("/{slug}/diagnostic#objectives-title"),
        ),
        Ok(()) => crate::api::forms::done("saved-objectives", &back),
        Err(DiagnosisError::Refused(message)) => refuse(
            Some(if action == "remove" {
                "remove"
            } else {
                "label"
            }),
            message,
        ),
        Err(DiagnosisError::NotFound) => Err(AppError::NotFound.with_status()),
        Err(DiagnosisError::Db(error)) => Err(error.into()),
    }
}

/// Adds an objective of the council's own at the end of its list.
#[server(endpoint = "add_objective")]
pub async fn add_objective(slug: String, #[server(default)] label: String) -> Result<(), AppError> {
    use crate::domain::{Permission, clean_objective_label};
    let db = crate::api::request::db()?;
    let call = crate::api::edge::require(&db, &slug, Permission::ConfigureCouncil).await?;
    let back = format!("/{slug}/diagnostic#objectives-title");
    match clean_objective_label(&label) {
        Ok(label) => {
            let key = crate::store::diagnosis::add_objective(
                &db,
                call.council.id,
                &label,
                Some(call.account_id),
            )
            .await?;
            crate::api::forms::done(
                "saved-objectives",
                &format!("/{slug}/diagnostic#objective-{}", key.as_str()),
            )
        }
        Err(message) => crate::api::forms::refuse(
            crate::api::forms::FormEcho::new(
                "new-objective",
                Some("label"),
                message,
                &[("label", &label)],
            ),
            &back,
        ),
    }
}
