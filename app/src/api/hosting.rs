//! `/exploitation`: the instance's operators host councils from the web — create one (with
//! its objectives' preset), invite its first coordinator, archive or restore it. Hosting a
//! council gives no role in it: an operator reads none of its staff pages.

use super::AppError;
use super::forms::PageFlash;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostedCouncilView {
    pub slug: String,
    pub name: String,
    pub territory: String,
    pub archived: bool,
    /// `YYYY-MM-DD` (UTC).
    pub created: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostingPage {
    pub councils: Vec<HostedCouncilView>,
    /// A coordinator's invitation just made: the council's slug and the link, shown once.
    pub invited: Option<(String, String)>,
    /// The session proved its owner is there recently: inviting is allowed.
    pub verified_recently: bool,
    pub flash: PageFlash,
}

/// Where the hosting page's forms come back to.
pub const HOSTING_PAGE: &str = "/exploitation";

#[server(endpoint = "hosting")]
pub async fn load_hosting() -> Result<HostingPage, AppError> {
    let db = super::request::db()?;
    let member = super::edge::require_operator(&db).await?;
    // An invitation link travels once, in the flash cookie, as the team page's does.
    let flash_value = super::forms::take_flash_value()?;
    let (invited, flash) = match flash_value
        .as_deref()
        .and_then(|v| v.strip_prefix("invited:"))
    {
        Some(rest) => {
            let (slug, token) = rest.split_once(':').unwrap_or_default();
            let setup = use_context::<super::StaffSetup>()
                .ok_or_else(|| AppError::unwired("StaffSetup"))?;
            (
                Some((
                    slug.to_owned(),
                    format!("{}/invitation/{token}", setup.public_url),
                )),
                PageFlash::default(),
            )
        }
        None => (None, super::forms::page_flash_of(flash_value)),
    };
    Ok(HostingPage {
        councils: crate::store::hosted_councils(&db)
            .await?
            .into_iter()
            .map(|c| HostedCouncilView {
                slug: c.slug,
                name: c.name,
                territory: c.territory,
                archived: c.archived,
                created: c.created_at.format("%Y-%m-%d").to_string(),
            })
            .collect(),
        invited,
        verified_recently: member.verified_recently(),
        flash,
    })
}

/// Hosts a new council; its address, name or territory refused comes back beside its field.
#[server(endpoint = "host_council")]
pub async fn host_council(
    slug: String,
    name: String,
    #[server(default)] territory: String,
    #[server(default)] objectives: String,
) -> Result<(), AppError> {
    use crate::domain::{CouncilSlug, ObjectivePreset};
    use crate::store::HostingError;
    let db = super::request::db()?;
    let member = super::edge::require_operator(&db).await?;
    let values = [
        ("slug", slug.as_str()),
        ("name", name.as_str()),
        ("territory", territory.as_str()),
        ("objectives", objectives.as_str()),
    ];
    let refuse = |field: &str, message: &str| {
        super::forms::refuse(
            super::forms::FormEcho::new("new-council", Some(field), message, &values),
            &format!("{HOSTING_PAGE}#new-council-title"),
        )
    };
    let Ok(parsed) = CouncilSlug::parse(slug.trim()) else {
        return refuse("slug", "error-council-slug");
    };
    let preset = ObjectivePreset::from_key(&objectives).unwrap_or(ObjectivePreset::National);
    match crate::store::create_council(&db, &parsed, &name, &territory, preset).await {
        Ok(id) => {
            // Who hosted it, in the council's own log (the store wrote it as the instance).
            crate::store::staff::record_audit(
                &db,
                Some(id),
                Some(member.account_id),
                "council-hosted",
                "",
            )
            .await?;
            super::forms::done(
                "saved-council-hosted",
                &format!("{HOSTING_PAGE}#council-{}", parsed.as_str()),
            )
        }
        Err(HostingError::SlugTaken) => refuse("slug", "error-council-slug-taken"),
        Err(HostingError::Refused(message)) => refuse(
            if message == "error-council-name-short"
                || name.chars().count() > crate::domain::COUNCIL_NAME_MAX
            {
                "name"
            } else {
                "territory"
            },
            message,
        ),
        Err(HostingError::NotFound) => Err(AppError::NotFound.with_status()),
        Err(HostingError::Db(error)) => Err(error.into()),
    }
}

/// Archives (`archive`) or restores (`restore`) a council, or invites its first coordinator
/// (`invite`: a link valid 72 hours, shown once; a proof of presence is needed, as for any
/// invitation).
#[server(endpoint = "change_hosting")]
pub async fn change_hosting(slug: String, action: String) -> Result<(), AppError> {
    use crate::domain::{Access, CouncilSlug, INVITATION_HOURS, Role};
    use crate::store::{HostingError, staff};
    let db = super::request::db()?;
    let member = super::edge::require_operator(&db).await?;
    let parsed = CouncilSlug::parse(&slug).map_err(|_| AppError::NotFound.with_status())?;
    let back = format!("{HOSTING_PAGE}#council-{slug}");
    let refuse = |message: &str| {
        super::forms::refuse(
            super::forms::FormEcho::new(&format!("council-{slug}"), None, message, &[]),
            &back,
        )
    };
    match action.as_str() {
        "archive" | "restore" => {
            match crate::store::set_archived(&db, &parsed, action == "archive").await {
                Ok(()) => super::forms::done(
                    if action == "archive" {
                        "saved-council-archived"
                    } else {
                        "saved-council-restored"
                    },
                    &back,
                ),
                Err(HostingError::NotFound) => Err(AppError::NotFound.with_status()),
                Err(HostingError::Db(error)) => Err(error.into()),
                Err(other) => Err(AppError::internal("archiving", other)),
            }
        }
        "invite" => {
            if !member.verified_recently() {
                return refuse(super::STEP_UP_NEEDED);
            }
            let access = Access {
                role: Role::Coordinator,
                reads_testimony: true,
            };
            match staff::create_invitation(
                &db,
                &parsed,
                access,
                INVITATION_HOURS,
                Some(member.account_id),
            )
            .await
            {
                Ok(token) => {
                    if super::request::is_plain_form_post() {
                        super::forms::set_flash(&format!("invited:{slug}:{token}"), HOSTING_PAGE)?;
                        leptos_axum::redirect(&format!("{HOSTING_PAGE}#invited"));
                    }
                    Ok(())
                }
                // Archived councils take no one.
                Err(staff::StaffError::UnknownCouncil) => refuse("error-council-archived"),
                Err(staff::StaffError::Db(error)) => Err(error.into()),
                Err(other) => Err(AppError::internal("inviting", other)),
            }
        }
        _ => Err(AppError::Invalid("error-form-malformed".into()).with_status()),
    }
}
