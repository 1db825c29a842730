//! A council's team, seen by its coordinators: members, pending invitations, inviting
//! someone, and the audit log. Every function here checks the caller's role in that council.

use super::AppError;
use crate::domain::Access;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamPage {
    pub council_slug: String,
    pub council_name: String,
    pub members: Vec<TeamMember>,
    pub pending: Vec<PendingView>,
    /// The caller proved they are there recently: inviting and changing the team are
    /// allowed without asking again.
    pub verified_recently: bool,
    /// What the last form post of the page gave, shown once.
    pub flash: Option<TeamOutcome>,
    /// The council's first steps, for the checklist shown while some remain.
    pub first_steps: crate::domain::FirstSteps,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamMember {
    pub account_id: i64,
    pub name: String,
    pub access: Access,
    /// The member is the one reading the page.
    pub you: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingView {
    pub id: i64,
    pub access: Access,
    /// `YYYY-MM-DD HH:MM UTC`.
    pub until: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum TeamOutcome {
    /// The link to send; shown once, never stored.
    Link(String),
    /// The Fluent id of a change done (`saved-…`).
    Saved(String),
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
    let crate::api::edge::StaffCall {
        council:
            crate::api::edge::CouncilRef {
                id: council_id,
                name: council_name,
                ..
            },
        account_id: caller,
        verified_recently,
        ..
    } = crate::api::edge::require(&db, &slug, Permission::InviteStaff).await?;
    let members = staff::council_members(&db, council_id)
        .await?
        .into_iter()
        .map(|member| TeamMember {
            you: member.account_id == caller,
            account_id: member.account_id,
            name: member.display_name,
            access: member.access,
        })
        .collect();
    let pending = staff::pending_invitations(&db, council_id)
        .await?
        .into_iter()
        .map(|invitation| PendingView {
            id: invitation.id,
            access: invitation.access,
            until: server::minute(invitation.expires_at),
        })
        .collect();
    Ok(TeamPage {
        council_slug: slug,
        council_name,
        members,
        pending,
        verified_recently,
        flash: server::take_flash()?,
        first_steps: crate::store::first_steps(&db, council_id).await?,
    })
}

/// Invites someone to a council's team (`testimony`: the box that lets a facilitator read
/// and moderate testimony). A plain form post comes back to the team page, which shows the
/// link once; called from a script, the link is returned.
#[server(endpoint = "invite_staff")]
pub async fn invite_staff(
    slug: String,
    role: String,
    hours: String,
    #[server(default)] testimony: String,
) -> Result<String, AppError> {
    use crate::domain::{CouncilSlug, Permission};
    use crate::store::staff;
    let db = server::db()?;
    let crate::api::edge::StaffCall {
        account_id: caller,
        verified_recently,
        ..
    } = crate::api::edge::require(&db, &slug, Permission::InviteStaff).await?;
    let checked = if verified_recently {
        Ok(())
    } else {
        Err(crate::api::STEP_UP_NEEDED)
    };
    let checked = checked
        .and_then(|()| crate::domain::Role::parse(&role).ok_or("error-role-unknown"))
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
    let access = Access {
        role,
        reads_testimony: !testimony.is_empty(),
    };
    let token = staff::create_invitation(&db, &council, access, hours, Some(caller))
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

/// What a coordinator does to someone of the team (`member`: their account id): `remove`
/// takes them off the council's team and ends every session of their account at once;
/// `role` gives them `role`, with reading testimony when `testimony` is ticked. A plain form
/// post comes back to the team page with the outcome.
#[server(endpoint = "change_staff")]
pub async fn change_staff(
    slug: String,
    member: String,
    action: String,
    #[server(default)] role: String,
    #[server(default)] testimony: String,
) -> Result<(), AppError> {
    use crate::domain::Permission;
    use crate::store::staff::{self, TeamChange, TeamError};
    let db = server::db()?;
    let crate::api::edge::StaffCall {
        council,
        account_id: caller,
        verified_recently,
        ..
    } = crate::api::edge::require(&db, &slug, Permission::InviteStaff).await?;
    let member = crate::api::edge::id(&member)?;
    if !verified_recently {
        return server::answer(&slug, Err(crate::api::STEP_UP_NEEDED));
    }
    let change = TeamChange::Coordinator(caller);
    let done = match action.as_str() {
        "remove" => staff::remove_member(&db, council.id, member, change)
            .await
            .map(|()| "saved-staff-removed"),
        "role" => match crate::domain::Role::parse(&role) {
            Some(role) => {
                let access = Access {
                    role,
                    reads_testimony: !testimony.is_empty(),
                };
                staff::change_role(&db, council.id, member, access, change)
                    .await
                    .map(|()| "saved-staff-role")
            }
            None => return server::answer(&slug, Err("error-role-unknown")),
        },
        _ => return Err(AppError::NotFound.with_status()),
    };
    let outcome = match done {
        Ok(notice) => {
            // Open live sockets of that account check their session again now.
            crate::api::edge::staff_access_changed();
            Ok(notice)
        }
        Err(TeamError::LastCoordinator) => Err("error-staff-last-coordinator"),
        Err(TeamError::NotFound) => return Err(AppError::NotFound.with_status()),
        Err(TeamError::Db(error)) => return Err(error.into()),
    };
    server::answer(&slug, outcome)
}

/// Cancels an invitation not used yet (`invitation`: its id): its link stops working.
#[server(endpoint = "cancel_invitation")]
pub async fn cancel_invitation(slug: String, invitation: String) -> Result<(), AppError> {
    use crate::domain::Permission;
    use crate::store::staff::{self, TeamChange, TeamError};
    let db = server::db()?;
    let crate::api::edge::StaffCall {
        council,
        account_id: caller,
        ..
    } = crate::api::edge::require(&db, &slug, Permission::InviteStaff).await?;
    let invitation = crate::api::edge::id(&invitation)?;
    match staff::cancel_invitations(
        &db,
        council.id,
        Some(invitation),
        TeamChange::Coordinator(caller),
    )
    .await
    {
        Ok(_) => server::answer(&slug, Ok("saved-invitation-cancelled")),
        Err(TeamError::NotFound | TeamError::LastCoordinator) => {
            Err(AppError::NotFound.with_status())
        }
        Err(TeamError::Db(error)) => Err(error.into()),
    }
}

#[server(endpoint = "audit_log")]
pub async fn load_audit_log(slug: String) -> Result<AuditLogPage, AppError> {
    use crate::domain::Permission;
    let db = server::db()?;
    let crate::api::edge::StaffCall {
        council:
            crate::api::edge::CouncilRef {
                id: council_id,
                name: council_name,
                ..
            },
        ..
    } = crate::api::edge::require(&db, &slug, Permission::ReadAuditLog).await?;
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
    use super::TeamOutcome;
    use crate::api::AppError;
    use crate::api::staff::StaffSetup;
    use leptos::prelude::use_context;

    pub use crate::api::request::{db, is_plain_form_post};

    pub fn minute(at: chrono::DateTime<chrono::Utc>) -> String {
        at.format("%Y-%m-%d %H:%M UTC").to_string()
    }

    pub fn invitation_link(token: &str) -> Result<String, AppError> {
        let setup = use_context::<StaffSetup>().ok_or_else(|| AppError::unwired("StaffSetup"))?;
        Ok(format!("{}/invitation/{token}", setup.public_url))
    }

    pub(crate) use crate::api::forms::{set_flash, take_flash_value};

    /// The outcome of the team page's last form, if one is waiting.
    pub fn take_flash() -> Result<Option<TeamOutcome>, AppError> {
        let Some(value) = take_flash_value()? else {
            return Ok(None);
        };
        Ok(match value.split_once(':') {
            Some(("invited", token)) => Some(TeamOutcome::Link(invitation_link(token)?)),
            Some(("saved", id)) if id.starts_with("saved-") => {
                Some(TeamOutcome::Saved(id.to_owned()))
            }
            Some(("error", id)) if id.starts_with("error-") => {
                Some(TeamOutcome::Refused(id.to_owned()))
            }
            // A proof of presence made from this page (`api::step_up`).
            Some(("notice", id)) if id.starts_with("error-") => {
                Some(TeamOutcome::Refused(id.to_owned()))
            }
            Some(("notice", id)) if id.starts_with("step-up-") => {
                Some(TeamOutcome::Saved(id.to_owned()))
            }
            _ => None,
        })
    }

    /// Ends a change of the team: a plain form goes back to the team page with the
    /// outcome shown once; a script gets the refusal as an error.
    pub fn answer(slug: &str, outcome: Result<&str, &str>) -> Result<(), AppError> {
        let back = format!("/{slug}/equipe");
        if !is_plain_form_post() {
            return outcome
                .map(|_| ())
                .map_err(|id| AppError::Invalid(id.into()).with_status());
        }
        let value = match outcome {
            Ok(id) => format!("saved:{id}"),
            Err(id) => format!("error:{id}"),
        };
        set_flash(&value, &back)?;
        leptos_axum::redirect(&back);
        Ok(())
    }
}
