//! A council's own settings, for its coordinators: the minimum group size that votes and
//! surveys apply to their breakdowns, and the local help shown beside the crisis numbers.

use super::AppError;
use super::forms::PageFlash;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettingsPage {
    pub council_slug: String,
    pub council_name: String,
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
                ..
            },
        ..
    } = crate::api::edge::require(&db, &slug, Permission::ConfigureCouncil).await?;
    Ok(SettingsPage {
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
