//! `/{slug}/ressources`: the council's guide of local resources, for everyone (searched by a
//! plain GET form, printable); written by its coordinators.

// A server function's arguments are its form's fields, one each.
#![allow(clippy::too_many_arguments)]

use super::AppError;
use super::forms::PageFlash;
use crate::domain::LocalResource;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResourcesPage {
    pub council_slug: String,
    pub council_name: String,
    /// The resources the search kept (all without one), by name.
    pub resources: Vec<LocalResource>,
    /// What was searched, as typed ("" for none).
    pub query: String,
    /// How many the guide holds in all.
    pub total: usize,
    /// The caller may add and change resources.
    pub can_edit: bool,
    pub flash: PageFlash,
}

/// The longest search kept.
#[cfg(feature = "ssr")]
const QUERY_MAX: usize = 100;

#[server(endpoint = "resources")]
pub async fn load_resources(slug: String, query: String) -> Result<ResourcesPage, AppError> {
    use crate::domain::Permission;
    let db = super::request::db()?;
    let council = super::edge::council(&db, &slug).await?;
    let all = crate::store::resources::resources_of(&db, council.id).await?;
    let total = all.len();
    let query: String = query.trim().chars().take(QUERY_MAX).collect();
    let resources = all
        .into_iter()
        .filter(|r| query.is_empty() || r.fields.matches(&query))
        .collect();
    let can_edit = super::edge::caller_allowed(&db, council.id, Permission::ConfigureCouncil)
        .await?
        .is_some();
    Ok(ResourcesPage {
        council_slug: slug,
        council_name: council.name,
        resources,
        query,
        total,
        can_edit,
        flash: super::forms::take_page_flash()?,
    })
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResourceForm {
    pub council_slug: String,
    pub council_name: String,
    pub resource: Option<LocalResource>,
    pub flash: PageFlash,
}

#[server(endpoint = "resource_form")]
pub async fn load_resource_form(
    slug: String,
    id: Option<String>,
) -> Result<ResourceForm, AppError> {
    use crate::domain::Permission;
    let db = super::request::db()?;
    let call = super::edge::require(&db, &slug, Permission::ConfigureCouncil).await?;
    let resource = match id {
        None => None,
        Some(raw) => Some(
            crate::store::resources::resource_of(&db, call.council.id, super::edge::id(&raw)?)
                .await?
                .ok_or_else(|| AppError::NotFound.with_status())?,
        ),
    };
    Ok(ResourceForm {
        council_slug: slug,
        council_name: call.council.name,
        resource,
        flash: super::forms::take_page_flash()?,
    })
}

/// Saves a resource (a new one when `id` is empty), or deletes it (`action` `delete`); a
/// field at fault comes back beside it, nothing stored. `check` measures the easy-read
/// description, storing nothing.
#[server(endpoint = "save_resource")]
pub async fn save_resource(
    slug: String,
    #[server(default)] id: String,
    #[server(default)] action: String,
    #[server(default)] kind: String,
    #[server(default)] name: String,
    #[server(default)] description: String,
    #[server(default)] description_easy: String,
    #[server(default)] address: String,
    #[server(default)] hours: String,
    #[server(default)] phone: String,
    #[server(default)] website: String,
    #[server(default)] accessibility: String,
    #[server(default)] check: String,
) -> Result<(), AppError> {
    use crate::domain::{Permission, ResourceFields};
    use crate::store::resources::{self, ResourceError};
    let db = super::request::db()?;
    let call = super::edge::require(&db, &slug, Permission::ConfigureCouncil).await?;
    let (council_id, by) = (call.council.id, Some(call.account_id));
    let existing = match id.trim() {
        "" => None,
        raw => Some(super::edge::id(raw)?),
    };
    let guide = format!("/{slug}/ressources");
    let page = match existing {
        Some(id) => format!("{guide}/{id}"),
        None => format!("{guide}/nouvelle"),
    };
    if action == "delete" {
        let id = existing.ok_or_else(|| AppError::NotFound.with_status())?;
        return match resources::delete_resource(&db, council_id, id, by).await {
            Ok(()) => super::forms::done("saved-resource-deleted", &guide),
            Err(ResourceError::NotFound) => Err(AppError::NotFound.with_status()),
            Err(ResourceError::Db(error)) => Err(error.into()),
            Err(ResourceError::Refused(message)) => {
                Err(AppError::Invalid(message.into()).with_status())
            }
        };
    }
    let values = [
        ("kind", kind.as_str()),
        ("name", name.as_str()),
        ("description", description.as_str()),
        ("description_easy", description_easy.as_str()),
        ("address", address.as_str()),
        ("hours", hours.as_str()),
        ("phone", phone.as_str()),
        ("website", website.as_str()),
        ("accessibility", accessibility.as_str()),
    ];
    if !check.is_empty() {
        return super::forms::readability_checked("resource", &values, &page);
    }
    let checked = ResourceFields::check(
        &kind,
        &name,
        &description,
        &description_easy,
        &address,
        &hours,
        &phone,
        &website,
        &accessibility,
    );
    let Some(fields) = super::forms::checked("resource", &values, &page, checked)? else {
        return Ok(());
    };
    match resources::save_resource(&db, council_id, existing, &fields, by).await {
        Ok(id) => super::forms::done("saved-resource", &format!("{guide}#resource-{id}")),
        Err(ResourceError::Refused(message)) => super::forms::refuse(
            super::forms::FormEcho::new("resource", None, message, &values),
            &page,
        ),
        Err(ResourceError::NotFound) => Err(AppError::NotFound.with_status()),
        Err(ResourceError::Db(error)) => Err(error.into()),
    }
}
