//! The edge of every server function (server only): the council a request names, who is
//! calling and whether their role there allows what they ask, resolved once as named types;
//! and the ids read from forms and addresses. A feature module starts from here and never
//! imports another feature module for this plumbing (form outcomes and flash messages are
//! in `api::forms`).
//!
//! Status codes: no such council 404; anonymous 401; signed in without a role there that
//! allows it 403.

use super::AppError;
use crate::domain::{Access, College, Council, CouncilSlug, Permission, Role, Wording};
use crate::store::CouncilRecord;
use crate::store::staff::{self, StaffMember};
use sea_orm::DatabaseConnection;

/// The council a request names, read once at the edge: its id, what pages show of it and the
/// smallest group its results show on their own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CouncilRef {
    pub id: i64,
    pub slug: CouncilSlug,
    pub name: String,
    pub territory: String,
    pub description: Wording,
    /// In the council's order.
    pub colleges: Vec<College>,
    pub min_group: usize,
}

impl From<CouncilRef> for Council {
    fn from(council: CouncilRef) -> Self {
        Council {
            slug: council.slug,
            name: council.name,
            territory: council.territory,
            description: council.description,
            colleges: council.colleges,
        }
    }
}

/// A request from a staff member whose role in the council allows what they ask.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffCall {
    pub council: CouncilRef,
    /// Their account, for the audit log.
    pub account_id: i64,
    pub role: Role,
    /// Their session proved they are there a few minutes ago at most (`api::step_up`):
    /// changes that outlast the session need it.
    pub verified_recently: bool,
}

/// The council `slug` names, or 404 (a malformed slug names no council either).
pub async fn council(db: &DatabaseConnection, slug: &str) -> Result<CouncilRef, AppError> {
    let not_found = || AppError::NotFound.with_status();
    let slug = CouncilSlug::parse(slug).map_err(|_| not_found())?;
    let CouncilRecord {
        id,
        council,
        min_group,
    } = crate::store::council_record(db, &slug)
        .await?
        .ok_or_else(not_found)?;
    Ok(CouncilRef {
        id,
        slug: council.slug,
        name: council.name,
        territory: council.territory,
        description: council.description,
        colleges: council.colleges,
        min_group,
    })
}

/// The signed-in staff member calling, if any: their session cookie, checked (open, not
/// expired, not left unused past the idle limit) and counted as a use. The one place a
/// request's session is read.
pub(crate) async fn signed_in(db: &DatabaseConnection) -> Result<Option<StaffMember>, AppError> {
    let Some(token) = super::request::cookie(crate::domain::Cookie::Staff) else {
        return Ok(None);
    };
    let idle = leptos::prelude::use_context::<super::StaffSetup>()
        .ok_or_else(|| AppError::unwired("StaffSetup"))?
        .session_idle;
    Ok(staff::staff_by_session(db, &token, idle).await?)
}

fn access_in(member: &StaffMember, council_id: i64) -> Option<Access> {
    member
        .roles
        .iter()
        .find(|r| r.council_id == council_id)
        .map(|r| r.access())
}

/// The council `slug` names and the caller, whose role there must allow `permission`.
pub async fn require(
    db: &DatabaseConnection,
    slug: &str,
    permission: Permission,
) -> Result<StaffCall, AppError> {
    let council = council(db, slug).await?;
    let member = signed_in(db)
        .await?
        .ok_or_else(|| AppError::SignInNeeded.with_status())?;
    match access_in(&member, council.id) {
        Some(access) if access.can(permission) => Ok(StaffCall {
            verified_recently: member.verified_recently(),
            council,
            account_id: member.account_id,
            role: access.role,
        }),
        _ => Err(AppError::Forbidden.with_status()),
    }
}

/// The caller, signed in and a platform operator; 401 or 403 otherwise. Hosting councils
/// gives no role in any of them.
pub async fn require_operator(db: &DatabaseConnection) -> Result<StaffMember, AppError> {
    let member = signed_in(db)
        .await?
        .ok_or_else(|| AppError::SignInNeeded.with_status())?;
    if member.operator {
        Ok(member)
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
    Ok(signed_in(db).await?.and_then(|member| {
        access_in(&member, council_id)
            .filter(|access| access.can(permission))
            .map(|_| member.account_id)
    }))
}

/// What the caller may do in the council, if they are signed in and have a role there: for
/// pages that ask several permissions at once.
pub async fn caller_access(
    db: &DatabaseConnection,
    council_id: i64,
) -> Result<Option<Access>, AppError> {
    Ok(signed_in(db)
        .await?
        .and_then(|member| access_in(&member, council_id)))
}

/// The council's calendar day now (in its time zone): what "today" means for a date typed
/// in a form.
pub async fn today(
    db: &DatabaseConnection,
    council_id: i64,
) -> Result<chrono::NaiveDate, AppError> {
    let zone = crate::store::assemblies::council_zone(db, council_id).await?;
    Ok(chrono::Utc::now().with_timezone(&zone).date_naive())
}

/// An id from an address or a form; anything else names nothing (404).
pub fn id(raw: &str) -> Result<i64, AppError> {
    raw.trim()
        .parse()
        .map_err(|_| AppError::NotFound.with_status())
}

/// The assembly `raw` names, if it is one of this council the caller may see (a body's
/// meeting for its members only: its members and the staff who run rooms); 404 otherwise,
/// the same answer as for no assembly at all.
pub async fn assembly_of(
    db: &DatabaseConnection,
    council_id: i64,
    raw: &str,
) -> Result<i64, AppError> {
    let id = self::id(raw)?;
    match crate::store::room::audience_of(db, id).await? {
        Some(audience) if audience.council_id == council_id => {
            if audience.members_only && !viewer(db, council_id).await?.may_see(audience.body, true)
            {
                Err(AppError::NotFound.with_status())
            } else {
                Ok(id)
            }
        }
        _ => Err(AppError::NotFound.with_status()),
    }
}

/// Who the caller is to the council's bodies: whether their staff role runs rooms, and the
/// bodies they are a member of (by a member's session or by their passkey account). The one
/// place a member's cookie is read.
pub async fn viewer(
    db: &DatabaseConnection,
    council_id: i64,
) -> Result<crate::domain::body::Viewer, AppError> {
    let staff = signed_in(db).await?;
    let runs_rooms = staff
        .as_ref()
        .and_then(|member| access_in(member, council_id))
        .is_some_and(|access| access.can(Permission::ModerateLive));
    let session = super::request::cookie(crate::domain::Cookie::Member);
    let bodies = crate::store::bodies::bodies_of_viewer(
        db,
        council_id,
        session.as_deref(),
        staff.map(|member| member.account_id),
    )
    .await?;
    Ok(crate::domain::body::Viewer { runs_rooms, bodies })
}

/// Tells this process's live rooms that staff access changed (someone removed from a team,
/// a role changed, a session ended): every staff socket checks its session again at once,
/// and one that no longer runs its room is closed. Other instances' sockets check theirs
/// on their own every `RECHECK` (server::live).
pub(crate) fn staff_access_changed() {
    if let Some(publisher) =
        leptos::prelude::use_context::<std::sync::Arc<dyn crate::services::room::Publisher>>()
    {
        publisher.staff_access_changed();
    }
}
