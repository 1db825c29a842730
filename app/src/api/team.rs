//! A council's team, seen by its coordinators: members, pending invitations, inviting
//! someone, and the audit log. Every function here checks the caller's role in that council.

use super::AppError;
use crate::domain::Role;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

pub const FLASH_COOKIE: &str = "agora_flash";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamPage {
    pub council_slug: String,
    pub council_name: String,
    pub members: Vec<(String, Role)>,
    /// Role and deadline (`YYYY-MM-DD HH:MM` UTC) of each invitation not used yet.
    pub pending: Vec<(Role, String)>,
    /// What the last invitation form post gave, shown once.
    pub flash: Option<InviteOutcome>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum InviteOutcome {
    /// The link to send; shown once, never stored.
    Link(String),
    /// The Fluent id of what went wrong.
    Refused(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditLogPage {
    pub council_slug: String,
    pub council_name: String,
    pub entries: Vec<AuditLine>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditLine {
    /// `YYYY-MM-DD HH:MM` UTC.
    pub at: String,
    /// None when the operator acted from the command line.
    pub who: Option<String>,
    pub action: String,
    pub detail: String,
}

#[server(endpoint = "team")]
pub async fn load_team_page(slug: String) -> Result<TeamPage, AppError> {
    use crate::domain::Permission;
    use crate::store::staff;
    let db = server::db()?;
    let (council_id, council_name, _) =
        server::require(&db, &slug, Permission::InviteStaff).await?;
    let members = staff::council_members(&db, council_id).await?;
    let pending = staff::pending_invitations(&db, council_id)
        .await?
        .into_iter()
        .map(|(role, deadline)| (role, server::minute(deadline)))
        .collect();
    Ok(TeamPage {
        council_slug: slug,
        council_name,
        members,
        pending,
        flash: server::take_flash()?,
    })
}

/// Invites someone to a council's team. A plain form post comes back to the team page, which
/// shows the link once; called from a script, the link is returned.
#[server(endpoint = "invite_staff")]
pub async fn invite_staff(slug: String, role: String, hours: String) -> Result<String, AppError> {
    use crate::domain::{CouncilSlug, Permission};
    use crate::store::staff;
    let db = server::db()?;
    let (_, _, caller) = server::require(&db, &slug, Permission::InviteStaff).await?;
    let checked = Role::parse(&role)
        .ok_or("error-role-unknown")
        .and_then(|role| {
            let hours: i64 = hours.trim().parse().map_err(|_| "error-hours-range")?;
            if (1..=720).contains(&hours) {
                Ok((role, hours))
            } else {
                Err("error-hours-range")
            }
        });
    let back = format!("/{slug}/equipe");
    let (role, hours) = match checked {
        Ok(valid) => valid,
        Err(id) => {
            if server::is_plain_form_post() {
                // The answer is the redirect; the team page shows the refusal.
                server::set_flash(&format!("error:{id}"), &back)?;
                leptos_axum::redirect(&back);
                return Ok(String::new());
            }
            return Err(AppError::Invalid(id.into()).with_status());
        }
    };
    let council = CouncilSlug::parse(&slug).map_err(|_| AppError::NotFound.with_status())?;
    let token = staff::create_invitation(&db, &council, role, hours, Some(caller))
        .await
        .map_err(|error| match error {
            staff::StaffError::UnknownCouncil | staff::StaffError::InvitationUnusable => {
                AppError::NotFound.with_status()
            }
            staff::StaffError::Db(error) => error.into(),
        })?;
    if server::is_plain_form_post() {
        server::set_flash(&format!("invited:{token}"), &back)?;
        leptos_axum::redirect(&back);
    }
    server::invitation_link(&token)
}

#[server(endpoint = "audit_log")]
pub async fn load_audit_log(slug: String) -> Result<AuditLogPage, AppError> {
    use crate::domain::Permission;
    let db = server::db()?;
    let (council_id, council_name, _) =
        server::require(&db, &slug, Permission::ReadAuditLog).await?;
    let entries = crate::store::staff::audit_log(&db, council_id, 200)
        .await?
        .into_iter()
        .map(|entry| AuditLine {
            at: server::minute(entry.at),
            who: entry.who,
            action: entry.action,
            detail: entry.detail,
        })
        .collect();
    Ok(AuditLogPage {
        council_slug: slug,
        council_name,
        entries,
    })
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use super::{FLASH_COOKIE, InviteOutcome};
    use crate::api::AppError;
    use crate::api::staff::{STAFF_COOKIE, StaffSetup};
    use crate::domain::Permission;
    use crate::store::staff;
    use leptos::prelude::use_context;
    use sea_orm::DatabaseConnection;

    pub use crate::api::request::{cookie, db, is_plain_form_post};

    /// The council named by `slug` and the caller's account id, if the caller is signed in
    /// and their role in that council allows `permission`. Anonymous: 401; signed in
    /// without the right role there (or any role): 403; no such council: 404.
    pub async fn require(
        db: &DatabaseConnection,
        slug: &str,
        permission: Permission,
    ) -> Result<(i64, String, i64), AppError> {
        let (council_id, council_name) = staff::council_by_slug_id(db, slug)
            .await?
            .ok_or_else(|| AppError::NotFound.with_status())?;
        let token = cookie(STAFF_COOKIE).ok_or_else(|| AppError::SignInNeeded.with_status())?;
        let member = staff::staff_by_session(db, &token)
            .await?
            .ok_or_else(|| AppError::SignInNeeded.with_status())?;
        let allowed = member
            .roles
            .iter()
            .any(|r| r.council_id == council_id && r.role.can(permission));
        if allowed {
            Ok((council_id, council_name, member.account_id))
        } else {
            Err(AppError::Forbidden.with_status())
        }
    }

    /// The caller's account id when they are signed in and their role in the council allows
    /// `permission`; `None` otherwise. For public pages that show staff a little more.
    pub async fn caller_allowed(
        db: &DatabaseConnection,
        council_id: i64,
        permission: Permission,
    ) -> Result<Option<i64>, AppError> {
        let Some(token) = cookie(STAFF_COOKIE) else {
            return Ok(None);
        };
        Ok(staff::staff_by_session(db, &token)
            .await?
            .filter(|member| {
                member
                    .roles
                    .iter()
                    .any(|r| r.council_id == council_id && r.role.can(permission))
            })
            .map(|member| member.account_id))
    }

    /// The caller's role in the council, if they are signed in and have one there: for
    /// pages that ask several permissions at once.
    pub async fn caller_role(
        db: &DatabaseConnection,
        council_id: i64,
    ) -> Result<Option<crate::domain::Role>, AppError> {
        let Some(token) = cookie(STAFF_COOKIE) else {
            return Ok(None);
        };
        Ok(staff::staff_by_session(db, &token)
            .await?
            .and_then(|member| {
                member
                    .roles
                    .iter()
                    .find(|r| r.council_id == council_id)
                    .map(|r| r.role)
            }))
    }

    pub fn minute(at: chrono::DateTime<chrono::Utc>) -> String {
        at.format("%Y-%m-%d %H:%M UTC").to_string()
    }

    pub fn invitation_link(token: &str) -> Result<String, AppError> {
        let setup = use_context::<StaffSetup>().ok_or(AppError::Internal)?;
        Ok(format!("{}/invitation/{token}", setup.public_url))
    }

    /// A short-lived, HttpOnly cookie carrying a form post's outcome to the page it comes
    /// back to (the invitation link must be shown once, and never sit in a URL).
    pub fn set_flash(value: &str, path: &str) -> Result<(), AppError> {
        // A cookie's path is the page's path alone: an address that goes back to a
        // #fragment (or with a query) would otherwise never get its flash.
        let path = path.split(['#', '?']).next().unwrap_or("/");
        crate::api::request::set_cookie(&format!(
            "{FLASH_COOKIE}={value}; Path={path}; Max-Age=300; HttpOnly; SameSite=Strict"
        ))
    }

    /// Reads the flash cookie and clears it, so the outcome shows once.
    pub fn take_flash_value() -> Result<Option<String>, AppError> {
        let Some(value) = cookie(FLASH_COOKIE) else {
            return Ok(None);
        };
        let path = use_context::<http::request::Parts>()
            .map(|parts| parts.uri.path().to_owned())
            .unwrap_or_else(|| "/".into());
        crate::api::request::set_cookie(&format!(
            "{FLASH_COOKIE}=; Path={path}; Max-Age=0; HttpOnly; SameSite=Strict"
        ))?;
        Ok(Some(value))
    }

    /// The outcome of the team page's invitation form, if one is waiting.
    pub fn take_flash() -> Result<Option<InviteOutcome>, AppError> {
        let Some(value) = take_flash_value()? else {
            return Ok(None);
        };
        Ok(match value.split_once(':') {
            Some(("invited", token)) => Some(InviteOutcome::Link(invitation_link(token)?)),
            Some(("error", id)) if id.starts_with("error-") => {
                Some(InviteOutcome::Refused(id.to_owned()))
            }
            _ => None,
        })
    }
}

/// Carries a form post's outcome (a Fluent id) to the page it comes back to, once.
#[cfg(feature = "ssr")]
pub(crate) fn set_notice(message_id: &str, path: &str) -> Result<(), AppError> {
    server::set_flash(&format!("notice:{message_id}"), path)
}

/// The outcome left by `set_notice` for this page, if any; cleared once read.
#[cfg(feature = "ssr")]
pub(crate) fn take_notice() -> Result<Option<String>, AppError> {
    Ok(server::take_flash_value()?.and_then(|value| notice_of(&value)))
}

#[cfg(feature = "ssr")]
fn notice_of(value: &str) -> Option<String> {
    value
        .strip_prefix("notice:")
        .filter(|id| {
            id.starts_with("error-") || id.starts_with("passkey-") || id.starts_with("recovery-")
        })
        .map(str::to_owned)
}

/// Carries freshly drawn recovery codes to the account page, to be shown once. The cookie is
/// HttpOnly, SameSite=Strict, scoped to `/compte`, lives five minutes and is cleared when
/// read; codes are never put in a URL.
#[cfg(feature = "ssr")]
pub(crate) fn set_recovery_codes(codes: &[String], path: &str) -> Result<(), AppError> {
    server::set_flash(&format!("codes:{}", codes.join(".")), path)
}

/// What the account page's last form post left: a notice, or new recovery codes.
#[cfg(feature = "ssr")]
pub(crate) fn take_account_flash() -> Result<(Option<String>, Vec<String>), AppError> {
    let Some(value) = server::take_flash_value()? else {
        return Ok((None, Vec::new()));
    };
    let codes = value
        .strip_prefix("codes:")
        .map(|codes| {
            codes
                .split('.')
                .filter_map(crate::domain::normalize_recovery_code)
                .collect()
        })
        .unwrap_or_default();
    Ok((notice_of(&value), codes))
}
