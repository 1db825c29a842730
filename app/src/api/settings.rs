//! A council's own settings, for its coordinators: what it says of itself (its profile),
//! the minimum group size that votes and surveys apply to their breakdowns, and the local
//! help shown beside the crisis numbers.

// A server function's arguments are its form's fields, one each.
#![allow(clippy::too_many_arguments)]

use super::AppError;
use super::forms::PageFlash;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettingsPage {
    pub council_slug: String,
    pub council_name: String,
    pub profile: crate::domain::CouncilProfile,
    /// The council's colleges in order, retired ones too.
    pub colleges: Vec<crate::domain::College>,
    pub min_group_size: usize,
    /// Local help resources, one per line.
    pub local_help: Vec<String>,
    pub flash: PageFlash,
}

#[server(endpoint = "settings")]
pub async fn load_settings(slug: String) -> Result<SettingsPage, AppError> {
    use crate::domain::Permission;
    let db = super::request::db()?;
    let crate::api::edge::StaffCall {
        council:
            crate::api::edge::CouncilRef {
                id: council_id,
                name: council_name,
                min_group,
                colleges,
                ..
            },
        ..
    } = crate::api::edge::require(&db, &slug, Permission::ConfigureCouncil).await?;
    let profile = crate::store::council_profile(&db, council_id)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    Ok(SettingsPage {
        profile,
        colleges,
        min_group_size: min_group,
        local_help: crate::store::local_help(&db, council_id).await?,
        council_slug: slug,
        council_name,
        flash: super::forms::take_page_flash()?,
    })
}

/// Saves the minimum group size; a value out of bounds comes back beside its field.
#[server(endpoint = "save_settings")]
pub async fn save_settings(slug: String, min_group_size: String) -> Result<(), AppError> {
    use crate::domain::Permission;
    let db = super::request::db()?;
    let crate::api::edge::StaffCall {
        council: crate::api::edge::CouncilRef { id: council_id, .. },
        account_id: caller,
        ..
    } = crate::api::edge::require(&db, &slug, Permission::ConfigureCouncil).await?;
    let back = format!("/{slug}/reglages");
    match crate::domain::parse_min_group_size(&min_group_size) {
        Ok(size) => {
            crate::store::set_min_group_size(&db, council_id, size, Some(caller)).await?;
            super::forms::done("saved-settings", &back)
        }
        Err(message) => super::forms::refuse(
            super::forms::FormEcho::new(
                "settings",
                Some("min_group_size"),
                message,
                &[("min_group_size", &min_group_size)],
            ),
            &back,
        ),
    }
}

/// Saves the council's local help resources (one per line); too many or too long lines come
/// back beside the field, nothing changed.
#[server(endpoint = "save_local_help")]
pub async fn save_local_help(
    slug: String,
    #[server(default)] local_help: String,
) -> Result<(), AppError> {
    use crate::domain::Permission;
    let db = super::request::db()?;
    let crate::api::edge::StaffCall {
        council: crate::api::edge::CouncilRef { id: council_id, .. },
        account_id: caller,
        ..
    } = crate::api::edge::require(&db, &slug, Permission::ConfigureCouncil).await?;
    let back = format!("/{slug}/reglages#settings-local-help");
    match crate::domain::parse_local_help(&local_help) {
        Ok(lines) => {
            crate::store::set_local_help(&db, council_id, &lines, Some(caller)).await?;
            super::forms::done("saved-settings", &back)
        }
        Err(message) => super::forms::refuse(
            super::forms::FormEcho::new(
                "local-help",
                Some("local_help"),
                message,
                &[("local_help", &local_help)],
            ),
            &back,
        ),
    }
}

/// Saves what the council says of itself; a field at fault comes back beside it with what
/// was typed, nothing changed. `check` (the second button) gives the form back measured for
/// readability, storing nothing.
#[server(endpoint = "save_council_profile")]
pub async fn save_council_profile(
    slug: String,
    name: String,
    #[server(default)] territory: String,
    #[server(default)] description: String,
    #[server(default)] description_easy: String,
    #[server(default)] chair: String,
    #[server(default)] co_host: String,
    #[server(default)] contact: String,
    #[server(default)] listed: String,
    #[server(default)] picto: String,
    #[server(default)] check: String,
) -> Result<(), AppError> {
    use crate::domain::{CouncilProfile, Permission};
    let db = super::request::db()?;
    let crate::api::edge::StaffCall {
        council: crate::api::edge::CouncilRef { id: council_id, .. },
        account_id: caller,
        ..
    } = crate::api::edge::require(&db, &slug, Permission::ConfigureCouncil).await?;
    let back = format!("/{slug}/reglages#profile-title");
    let values = [
        ("name", name.as_str()),
        ("territory", territory.as_str()),
        ("description", description.as_str()),
        ("description_easy", description_easy.as_str()),
        ("chair", chair.as_str()),
        ("co_host", co_host.as_str()),
        ("contact", contact.as_str()),
        ("listed", listed.as_str()),
        ("picto", picto.as_str()),
    ];
    let echo = |field: &str, message: &str| {
        super::forms::refuse(
            super::forms::FormEcho::new("profile", Some(field), message, &values),
            &back,
        )
    };
    if !check.is_empty() {
        return super::forms::readability_checked("profile", &values, &format!("/{slug}/reglages"));
    }
    match CouncilProfile::check(
        &name,
        &territory,
        &description,
        &description_easy,
        &chair,
        &co_host,
        &contact,
        !listed.is_empty(),
    ) {
        Ok(_) if !picto.is_empty() && !crate::domain::PICTOGRAMS.contains(&picto.as_str()) => {
            echo("picto", "error-form-malformed")
        }
        Ok(mut profile) => {
            profile.picto = (!picto.is_empty()).then(|| picto.clone());
            crate::store::set_council_profile(&db, council_id, &profile, Some(caller)).await?;
            super::forms::done("saved-council-profile", &back)
        }
        Err((field, message)) => echo(field, message),
    }
}

/// A coordinator renames a college (`action` empty or `save`; an empty name gives a
/// default college its usual name back) or moves it (`up`, `down`). Its key never changes:
/// results, exports and recount files keep naming it the same.
#[server(endpoint = "change_college")]
pub async fn change_college(
    slug: String,
    college: String,
    #[server(default)] action: String,
    #[server(default)] label: String,
    #[server(default)] label_easy: String,
    #[server(default)] picto: String,
) -> Result<(), AppError> {
    use crate::domain::Permission;
    use crate::store::CollegeError;
    let db = super::request::db()?;
    let crate::api::edge::StaffCall {
        council: crate::api::edge::CouncilRef { id: council_id, .. },
        account_id: caller,
        ..
    } = crate::api::edge::require(&db, &slug, Permission::ConfigureCouncil).await?;
    let form = format!("college-{college}");
    let back = format!("/{slug}/reglages#{form}");
    let done = match action.as_str() {
        "up" | "down" => {
            crate::store::move_college(&db, council_id, &college, action == "up", Some(caller))
                .await
        }
        "retire" | "restore" => {
            crate::store::set_college_retired(
                &db,
                council_id,
                &college,
                action == "retire",
                Some(caller),
            )
            .await
        }
        "" | "save" => {
            let (typed_label, typed_easy) = (label.clone(), label_easy.clone());
            let typed = label.trim();
            let label = if typed.is_empty()
                && crate::domain::DEFAULT_COLLEGES.contains(&college.as_str())
            {
                Ok(None)
            } else {
                crate::domain::clean_college_label(typed).map(Some)
            };
            let label_easy = match label_easy.trim() {
                "" => Ok(None),
                typed => crate::domain::clean_college_label(typed).map(Some),
            };
            let picto = match picto.as_str() {
                "" => Ok(None),
                name if crate::domain::PICTOGRAMS.contains(&name) => {
                    Ok(Some(crate::domain::pictogram(name)))
                }
                _ => Err("error-form-malformed"),
            };
            match (label, label_easy, picto) {
                (Ok(label), Ok(label_easy), Ok(picto)) => {
                    let names = crate::store::CollegeNames {
                        label,
                        label_easy,
                        picto,
                    };
                    crate::store::rename_college(&db, council_id, &college, names, Some(caller))
                        .await
                }
                (Err(message), _, _) => Err(CollegeError::Refused(message)),
                (_, Err(message), _) => {
                    return super::forms::refuse(
                        super::forms::FormEcho::new(
                            &form,
                            Some("label_easy"),
                            message,
                            &[("label", &typed_label), ("label_easy", &typed_easy)],
                        ),
                        &back,
                    );
                }
                (_, _, Err(message)) => Err(CollegeError::Refused(message)),
            }
        }
        _ => return Err(AppError::NotFound.with_status()),
    };
    match done {
        Ok(()) if action == "retire" => super::forms::done("saved-college-retired", &back),
        Ok(()) => super::forms::done("saved-college", &back),
        Err(CollegeError::Refused(message)) if action == "retire" => super::forms::refuse(
            super::forms::FormEcho::new(&form, None, message, &[]),
            &back,
        ),
        Err(CollegeError::Refused(message)) => super::forms::refuse(
            super::forms::FormEcho::new(
                &form,
                Some("label"),
                message,
                &[("label", &label), ("label_easy", &label_easy)],
            ),
            &back,
        ),
        Err(CollegeError::NotFound) => Err(AppError::NotFound.with_status()),
        Err(CollegeError::Db(error)) => Err(error.into()),
    }
}

/// A coordinator adds a college, named as typed, at the end of the list.
#[server(endpoint = "add_college")]
pub async fn add_college(slug: String, label: String) -> Result<(), AppError> {
    use crate::domain::Permission;
    use crate::store::CollegeError;
    let db = super::request::db()?;
    let crate::api::edge::StaffCall {
        council: crate::api::edge::CouncilRef { id: council_id, .. },
        account_id: caller,
        ..
    } = crate::api::edge::require(&db, &slug, Permission::ConfigureCouncil).await?;
    let back = format!("/{slug}/reglages#colleges-title");
    let refused = |message: &str| {
        super::forms::refuse(
            super::forms::FormEcho::new(
                "new-college",
                Some("label"),
                message,
                &[("label", &label)],
            ),
            &back,
        )
    };
    let clean = match crate::domain::clean_college_label(&label) {
        Ok(clean) => clean,
        Err(message) => return refused(message),
    };
    match crate::store::add_college(&db, council_id, &clean, Some(caller)).await {
        Ok(_) => super::forms::done("saved-college-added", &back),
        Err(CollegeError::Refused(message)) => refused(message),
        Err(CollegeError::NotFound) => Err(AppError::NotFound.with_status()),
        Err(CollegeError::Db(error)) => Err(error.into()),
    }
}
