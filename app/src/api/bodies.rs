//! The council's bodies (`/{slug}/instances`): the list with each body's seats per college,
//! a body's page (its members for members and staff, its meetings), what coordinators do
//! (bodies, members, one-time passes, meetings), how members come in without a password
//! (`/{slug}/membres`: a printed code; `/{slug}/membres/lien/{token}`: a link), and the
//! calendar of meetings (`/{slug}/agenda`, and as an iCalendar file).

// A server function's arguments are its form's fields, one each.
#![allow(clippy::too_many_arguments)]

use super::AppError;
use super::forms::PageFlash;
use crate::domain::body::{Body, Member, PassKind};
use crate::domain::{Assembly, College};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// `/{slug}/instances`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BodiesPage {
    pub council_slug: String,
    pub council_name: String,
    pub bodies: Vec<Body>,
    pub colleges: Vec<College>,
    /// The bodies the caller is a member of.
    pub member_of: Vec<i64>,
    /// A coordinator: the page offers to add a body.
    pub can_manage: bool,
    pub flash: PageFlash,
}

/// A pass just issued, shown once on the body's page: the code to hand over, or the link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FreshPass {
    pub member: i64,
    pub kind: PassKind,
    /// The printed code, or the whole link.
    pub secret: String,
}

/// `/{slug}/instances/{id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BodyPage {
    pub council_slug: String,
    pub council_name: String,
    pub body: Body,
    pub colleges: Vec<College>,
    /// The adopted priority it carries (its rank and title).
    pub priority: Option<String>,
    /// Its members, for its members and staff who run rooms; `None` for anyone else. Their
    /// contacts for coordinators only.
    pub members: Option<Vec<Member>>,
    /// Its meetings the caller may see, latest first.
    pub meetings: Vec<Assembly>,
    /// The caller is one of its members.
    pub is_member: bool,
    /// A coordinator: members, passes and meetings may be changed here.
    pub can_manage: bool,
    /// The council's day and hour now (`YYYY-MM-DDTHH:MM`), where a new meeting starts.
    pub now: String,
    /// Its meetings whose minutes the caller may read (meeting id, to whom they are
    /// published), latest meeting first: the body's archive.
    pub minutes: Vec<(i64, crate::domain::minutes::MinutesAudience)>,
    /// Its own documents the caller may read.
    pub documents: Vec<crate::domain::document::Document>,
    /// The caller runs the council's rooms: documents may be added and removed here.
    pub runs_rooms: bool,
    /// The caller is one of its members by code or link, without a passkey yet: the page
    /// offers to create one.
    pub passkey_offer: bool,
    pub fresh_pass: Option<FreshPass>,
    pub flash: PageFlash,
}

/// `/{slug}/instances/nouvelle` and `/{slug}/instances/{id}/modifier`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BodyFormPage {
    pub council_slug: String,
    pub council_name: String,
    pub body: Option<Body>,
    /// The council's adopted priorities a working group may carry: (id, "rank. title").
    pub priorities: Vec<(i64, String)>,
    pub flash: PageFlash,
}

/// `/{slug}/membres` and `/{slug}/membres/lien/{token}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberEntryPage {
    pub council_slug: String,
    pub council_name: String,
    /// The bodies the caller is already a member of (id, name).
    pub member_of: Vec<(i64, String)>,
    pub flash: PageFlash,
}

/// A meeting as the calendar lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarEntry {
    pub assembly: Assembly,
    /// The body whose meeting it is (id, name); `None`: a plenary.
    pub body: Option<(i64, String)>,
}

/// `/{slug}/agenda`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarPage {
    pub council_slug: String,
    pub council_name: String,
    /// Published meetings the caller may see, soonest first, those to come first.
    pub upcoming: Vec<CalendarEntry>,
    pub past: Vec<CalendarEntry>,
}

#[server(endpoint = "bodies")]
pub async fn load_bodies(slug: String) -> Result<BodiesPage, AppError> {
    use crate::domain::Permission;
    let db = super::request::db()?;
    let council = super::edge::council(&db, &slug).await?;
    let can_manage = super::edge::caller_allowed(&db, council.id, Permission::ManageBodies)
        .await?
        .is_some();
    let viewer = super::edge::viewer(&db, council.id).await?;
    Ok(BodiesPage {
        bodies: crate::store::bodies::bodies_of(&db, council.id, &council.colleges).await?,
        council_slug: slug,
        council_name: council.name,
        colleges: council.colleges,
        member_of: viewer.bodies,
        can_manage,
        flash: super::forms::take_page_flash()?,
    })
}

#[server(endpoint = "body")]
pub async fn load_body(slug: String, id: String) -> Result<BodyPage, AppError> {
    use crate::domain::Permission;
    let db = super::request::db()?;
    let council = super::edge::council(&db, &slug).await?;
    let body =
        crate::store::bodies::body_of(&db, council.id, super::edge::id(&id)?, &council.colleges)
            .await?
            .ok_or_else(|| AppError::NotFound.with_status())?;
    let can_manage = super::edge::caller_allowed(&db, council.id, Permission::ManageBodies)
        .await?
        .is_some();
    let viewer = super::edge::viewer(&db, council.id).await?;
    let is_member = viewer.is_member_of(body.id);
    let members = if is_member || viewer.runs_rooms {
        Some(crate::store::bodies::members_of(&db, body.id, can_manage).await?)
    } else {
        None
    };
    let meetings: Vec<Assembly> =
        crate::store::assemblies::assemblies_of(&db, council.id, can_manage, &viewer)
            .await?
            .into_iter()
            .filter(|meeting| meeting.body == Some(body.id))
            .collect();
    // Only minutes of meetings this reader sees, and only those published to them.
    let minutes = crate::store::minutes::published_of_body(&db, body.id)
        .await?
        .into_iter()
        .filter(|(meeting, audience)| {
            meetings.iter().any(|m| m.id == *meeting && m.published)
                && audience.readable_by(&viewer, Some(body.id))
        })
        .collect();
    let documents = super::documents::server::readable(
        &db,
        crate::store::documents::Holder::Body(body.id),
        &viewer,
    )
    .await?;
    let priority = match body.priority {
        Some(id) => server::adopted(&db, council.id)
            .await?
            .into_iter()
            .find(|(priority, _)| *priority == id)
            .map(|(_, title)| title),
        None => None,
    };
    let flash = super::forms::take_page_flash()?;
    // A pass travels once, in the flash, from the form that issued it; only a coordinator's
    // page shows it, and only for a member of this body.
    let fresh_pass = match (&flash.carried, &members, can_manage) {
        (Some(json), Some(members), true) => serde_json::from_str::<FreshPass>(json)
            .ok()
            .filter(|pass| members.iter().any(|m| m.id == pass.member))
            .map(|mut pass| {
                if pass.kind == PassKind::Link {
                    pass.secret = server::pass_link(&slug, &pass.secret)?;
                }
                Ok::<_, AppError>(pass)
            })
            .transpose()?,
        _ => None,
    };
    let passkey_offer = server::passkey_offer(&db, body.id).await?;
    Ok(BodyPage {
        now: server::local_now(&db, council.id).await?,
        council_slug: slug,
        council_name: council.name,
        colleges: council.colleges,
        body,
        priority,
        members,
        meetings,
        minutes,
        documents,
        runs_rooms: viewer.runs_rooms,
        passkey_offer,
        is_member,
        can_manage,
        fresh_pass,
        flash,
    })
}

#[server(endpoint = "body_form")]
pub async fn load_body_form(slug: String, id: Option<String>) -> Result<BodyFormPage, AppError> {
    use crate::domain::Permission;
    let db = super::request::db()?;
    let call = super::edge::require(&db, &slug, Permission::ManageBodies).await?;
    let body = match id {
        None => None,
        Some(raw) => Some(
            crate::store::bodies::body_of(
                &db,
                call.council.id,
                super::edge::id(&raw)?,
                &call.council.colleges,
            )
            .await?
            .ok_or_else(|| AppError::NotFound.with_status())?,
        ),
    };
    Ok(BodyFormPage {
        priorities: server::adopted(&db, call.council.id).await?,
        council_slug: slug,
        council_name: call.council.name,
        body,
        flash: super::forms::take_page_flash()?,
    })
}

/// Saves a body (a new one when `id` is empty); a field at fault comes back beside it.
#[server(endpoint = "save_body")]
pub async fn save_body(
    slug: String,
    #[server(default)] id: String,
    #[server(default)] kind: String,
    #[server(default)] name: String,
    #[server(default)] purpose: String,
    #[server(default)] purpose_easy: String,
    #[server(default)] priority: String,
    #[server(default)] check: String,
) -> Result<(), AppError> {
    use crate::domain::Permission;
    use crate::domain::body::{BodyFields, BodyForm};
    let db = super::request::db()?;
    let call = super::edge::require(&db, &slug, Permission::ManageBodies).await?;
    let council_id = call.council.id;
    let existing = match id.trim() {
        "" => None,
        raw => Some(server::body_in(&db, council_id, raw).await?),
    };
    let page = match existing {
        Some(id) => format!("/{slug}/instances/{id}/modifier"),
        None => format!("/{slug}/instances/nouvelle"),
    };
    let values = [
        ("kind", kind.as_str()),
        ("name", name.as_str()),
        ("purpose", purpose.as_str()),
        ("purpose_easy", purpose_easy.as_str()),
        ("priority", priority.as_str()),
    ];
    if !check.is_empty() {
        return super::forms::readability_checked("body", &values, &page);
    }
    let priorities: Vec<i64> = server::adopted(&db, council_id)
        .await?
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    let form = BodyForm {
        kind: &kind,
        name: &name,
        purpose: &purpose,
        purpose_easy: &purpose_easy,
        priority: &priority,
    };
    let Some(fields) = super::forms::checked(
        "body",
        &values,
        &page,
        BodyFields::check(&form, &priorities),
    )?
    else {
        return Ok(());
    };
    match crate::store::bodies::save_body(&db, council_id, existing, &fields, Some(call.account_id))
        .await
    {
        Ok(id) => super::forms::done("saved-body", &format!("/{slug}/instances/{id}")),
        Err(error) => server::refused(error, "body", &values, &page),
    }
}

/// Adds a member to a body, or changes one (`id`); a field at fault comes back beside it.
#[server(endpoint = "save_member")]
pub async fn save_member(
    slug: String,
    body: String,
    #[server(default)] id: String,
    #[server(default)] display_name: String,
    #[server(default)] organisation: String,
    #[server(default)] college: String,
    #[server(default)] role: String,
    #[server(default)] contact: String,
) -> Result<(), AppError> {
    use crate::domain::Permission;
    use crate::domain::body::{MemberFields, MemberForm};
    let db = super::request::db()?;
    let call = super::edge::require(&db, &slug, Permission::ManageBodies).await?;
    let council_id = call.council.id;
    let body = server::body_in(&db, council_id, &body).await?;
    let existing = match id.trim() {
        "" => None,
        raw => Some(super::edge::id(raw)?),
    };
    let back = format!("/{slug}/instances/{body}#membres");
    let form_name = existing.map_or_else(|| "member".to_owned(), |id| format!("member-{id}"));
    let values = [
        ("display_name", display_name.as_str()),
        ("organisation", organisation.as_str()),
        ("college", college.as_str()),
        ("role", role.as_str()),
        ("contact", contact.as_str()),
    ];
    let form = MemberForm {
        display_name: &display_name,
        organisation: &organisation,
        college: &college,
        role: &role,
        contact: &contact,
    };
    let offered = crate::domain::offered_colleges(&call.council.colleges);
    let Some(fields) = super::forms::checked(
        &form_name,
        &values,
        &back,
        MemberFields::check(&form, &offered),
    )?
    else {
        return Ok(());
    };
    match crate::store::bodies::save_member(
        &db,
        council_id,
        body,
        existing,
        &fields,
        Some(call.account_id),
    )
    .await
    {
        Ok(_) => super::forms::done("saved-member", &back),
        Err(error) => server::refused(error, &form_name, &values, &back),
    }
}

/// Removes a member from a body; their passes and sessions end at once.
#[server(endpoint = "remove_member")]
pub async fn remove_member(slug: String, body: String, member: String) -> Result<(), AppError> {
    use crate::domain::Permission;
    let db = super::request::db()?;
    let call = super::edge::require(&db, &slug, Permission::ManageBodies).await?;
    let body = server::body_in(&db, call.council.id, &body).await?;
    let member = super::edge::id(&member)?;
    let back = format!("/{slug}/instances/{body}#membres");
    match crate::store::bodies::remove_member(
        &db,
        call.council.id,
        body,
        member,
        Some(call.account_id),
    )
    .await
    {
        Ok(()) => {
            super::edge::staff_access_changed();
            super::forms::done("saved-member-removed", &back)
        }
        Err(error) => server::refused(error, "member", &[], &back),
    }
}

/// Issues a one-time pass (`kind`: `link` or `code`) for a member; the body's page shows it
/// once, to the coordinator who asked.
#[server(endpoint = "issue_member_pass")]
pub async fn issue_member_pass(
    slug: String,
    body: String,
    member: String,
    kind: String,
) -> Result<(), AppError> {
    use crate::domain::Permission;
    let db = super::request::db()?;
    let call = super::edge::require(&db, &slug, Permission::ManageBodies).await?;
    let body = server::body_in(&db, call.council.id, &body).await?;
    let member = super::edge::id(&member)?;
    let kind = PassKind::parse(kind.trim())
        .ok_or_else(|| AppError::Invalid("error-member-pass-kind".into()).with_status())?;
    let back = format!("/{slug}/instances/{body}");
    let secret = match crate::store::bodies::issue_pass(
        &db,
        call.council.id,
        body,
        member,
        kind,
        Some(call.account_id),
    )
    .await
    {
        Ok(secret) => secret,
        Err(error) => return server::refused(error, "member", &[], &back),
    };
    let pass = FreshPass {
        member,
        kind,
        secret,
    };
    let json = serde_json::to_string(&pass).map_err(|e| AppError::internal("a pass", e))?;
    super::forms::carry(&json, &format!("{back}#pass"))
}

#[server(endpoint = "member_entry")]
pub async fn load_member_entry(slug: String) -> Result<MemberEntryPage, AppError> {
    let db = super::request::db()?;
    let council = super::edge::council(&db, &slug).await?;
    let viewer = super::edge::viewer(&db, council.id).await?;
    let mut member_of = Vec::new();
    for id in viewer.bodies {
        if let Some(body) =
            crate::store::bodies::body_of(&db, council.id, id, &council.colleges).await?
        {
            member_of.push((body.id, body.name));
        }
    }
    Ok(MemberEntryPage {
        council_slug: slug,
        council_name: council.name,
        member_of,
        flash: super::forms::take_page_flash()?,
    })
}

/// Lets a member in with a printed one-time code (a plain form); back to `/{slug}/membres`
/// with a refusal when the code lets nobody in (used, expired, mistyped, another council's).
#[server(endpoint = "enter_with_code")]
pub async fn enter_with_code(
    slug: String,
    #[server(default)] code: String,
) -> Result<(), AppError> {
    let db = super::request::db()?;
    let council = super::edge::council(&db, &slug).await?;
    server::let_in(
        &db,
        &slug,
        council.id,
        PassKind::Code,
        &code,
        &format!("/{slug}/membres"),
    )
    .await
}

/// Lets a member in with their one-time link. The link's page asks for one press of a
/// button, a form post: a mail scanner that opens the link does not use it up.
#[server(endpoint = "enter_with_link")]
pub async fn enter_with_link(
    slug: String,
    #[server(default)] token: String,
) -> Result<(), AppError> {
    let db = super::request::db()?;
    let council = super::edge::council(&db, &slug).await?;
    server::let_in(
        &db,
        &slug,
        council.id,
        PassKind::Link,
        &token,
        &format!("/{slug}/membres"),
    )
    .await
}

/// Ends the member's session in this browser.
#[server(endpoint = "member_sign_out")]
pub async fn member_sign_out(slug: String) -> Result<(), AppError> {
    use crate::domain::Cookie;
    let db = super::request::db()?;
    super::edge::council(&db, &slug).await?;
    if let Some(token) = super::request::cookie(Cookie::Member) {
        crate::store::bodies::close_member_session(&db, &token).await?;
    }
    super::request::set_cookie(&super::request::cookie_policy().clear(Cookie::Member, "/"))?;
    super::forms::done("saved-member-out", &format!("/{slug}/membres"))
}

/// Schedules a meeting of a body (an unpublished assembly of that body) and goes on to
/// prepare it as any assembly: agenda, publication, live part.
/// A member who came in by code or link asks for a passkey of their own: the challenge.
/// Their member's session says who they are.
#[server(endpoint = "start_member_passkey")]
pub async fn start_member_passkey() -> Result<super::SignUpChallenge, AppError> {
    use crate::domain::Cookie;
    let db = super::request::db()?;
    let token = super::request::cookie(Cookie::Member)
        .ok_or_else(|| AppError::Invalid("error-member-session".into()).with_status())?;
    let (member, _) = crate::store::bodies::member_by_session(&db, &token)
        .await?
        .ok_or_else(|| AppError::Invalid("error-member-session".into()).with_status())?;
    if member.account_id.is_some() {
        return Err(AppError::Invalid("error-member-has-passkey".into()).with_status());
    }
    let setup = super::staff::server::staff_setup()?;
    let handle = webauthn_rs::prelude::Uuid::new_v4();
    let (mut options, state) = setup
        .webauthn
        .start_passkey_registration(handle, &member.display_name, &member.display_name, None)
        .map_err(super::staff::server::webauthn_failure)?;
    // Signing in has no name to type: the passkey must be discoverable.
    super::staff::server::require_discoverable(&mut options);
    let state = serde_json::to_string(&(handle, member.id, state))
        .map_err(|e| AppError::internal("serialising state", e))?;
    let ceremony = crate::store::staff::save_ceremony(
        &db,
        "member-passkey",
        state,
        None,
        Some(member.display_name),
    )
    .await?;
    Ok(super::SignUpChallenge { ceremony, options })
}

/// The member's passkey, checked and kept: an account of their own with no team role, tied
/// to the member, and signed in. Only the member whose session started the ceremony.
#[server(endpoint = "finish_member_passkey", input = leptos::server_fn::codec::Json)]
pub async fn finish_member_passkey(
    ceremony: String,
    credential: webauthn_rs_proto::RegisterPublicKeyCredential,
) -> Result<(), AppError> {
    use crate::domain::Cookie;
    use crate::store::bodies::{BodyError, MemberPasskey};
    let db = super::request::db()?;
    let setup = super::staff::server::staff_setup()?;
    let taken = crate::store::staff::take_ceremony(&db, &ceremony, "member-passkey")
        .await?
        .ok_or_else(|| AppError::Invalid("error-ceremony-expired".into()).with_status())?;
    let (handle, member_id, state): (
        webauthn_rs::prelude::Uuid,
        i64,
        webauthn_rs::prelude::PasskeyRegistration,
    ) = serde_json::from_str(&taken.state)
        .map_err(|e| AppError::internal("reading stored state", e))?;
    let session_member = match super::request::cookie(Cookie::Member) {
        Some(token) => crate::store::bodies::member_by_session(&db, &token)
            .await?
            .map(|(member, _)| member.id),
        None => None,
    };
    if session_member != Some(member_id) {
        return Err(AppError::Invalid("error-member-session".into()).with_status());
    }
    let passkey = setup
        .webauthn
        .finish_passkey_registration(&credential, &state)
        .map_err(super::staff::server::webauthn_failure)?;
    let stored =
        serde_json::to_string(&passkey).map_err(|e| AppError::internal("serialising state", e))?;
    let account = crate::store::bodies::link_passkey(
        &db,
        MemberPasskey {
            member_id,
            display_name: taken.display_name.as_deref().unwrap_or_default(),
            user_handle: &handle.to_string(),
            credential_id: &crate::store::staff::to_hex(passkey.cred_id()),
            credential: stored,
        },
    )
    .await
    .map_err(|error| match error {
        BodyError::Refused(why) => AppError::Invalid(why.into()).with_status(),
        BodyError::NotFound => AppError::NotFound.with_status(),
        BodyError::Db(error) => error.into(),
    })?;
    super::staff::server::open_session(&db, account).await?;
    Ok(())
}

#[server(endpoint = "schedule_meeting")]
pub async fn schedule_meeting(
    slug: String,
    body: String,
    #[server(default)] title: String,
    #[server(default)] starts_at: String,
    #[server(default)] place: String,
    #[server(default)] accessibility: String,
    #[server(default)] members_only: String,
) -> Result<(), AppError> {
    use crate::domain::{AssemblyFields, Permission};
    use crate::store::assemblies::MeetingOf;
    let db = super::request::db()?;
    let call = super::edge::require(&db, &slug, Permission::PrepareAssemblies).await?;
    let body = server::body_in(&db, call.council.id, &body).await?;
    let back = format!("/{slug}/instances/{body}#planifier");
    let values = [
        ("title", title.as_str()),
        ("starts_at", starts_at.as_str()),
        ("place", place.as_str()),
        ("accessibility", accessibility.as_str()),
        ("members_only", members_only.as_str()),
    ];
    // The assembly's own fields, under the assembly form's name: the page shows them with
    // the same form parts as the assemblies page.
    let Some(fields) = super::forms::checked(
        "assembly",
        &values,
        &back,
        AssemblyFields::check(&title, &starts_at, &place, &accessibility),
    )?
    else {
        return Ok(());
    };
    let meeting = MeetingOf {
        body,
        members_only: !members_only.is_empty(),
    };
    match crate::store::assemblies::create_assembly(
        &db,
        call.council.id,
        &fields,
        Some(meeting),
        Some(call.account_id),
    )
    .await
    {
        Ok(id) => super::forms::done(
            "saved-assembly-created",
            &format!("/{slug}/assemblees/{id}/preparer"),
        ),
        Err(error) => super::assemblies::server::store_refusal(
            error,
            "assembly",
            Some("starts_at"),
            &values,
            &back,
        ),
    }
}

#[server(endpoint = "calendar")]
pub async fn load_calendar(slug: String) -> Result<CalendarPage, AppError> {
    let db = super::request::db()?;
    let council = super::edge::council(&db, &slug).await?;
    let entries = server::calendar(&db, &council, None).await?;
    let now = chrono::Utc::now().timestamp();
    // A meeting stays "to come" for the day it is held.
    let (mut upcoming, past): (Vec<_>, Vec<_>) = entries
        .into_iter()
        .partition(|entry| entry.assembly.starts_unix + 12 * 3600 >= now);
    upcoming.reverse();
    Ok(CalendarPage {
        council_slug: slug,
        council_name: council.name,
        upcoming,
        past,
    })
}

/// The calendar as an iCalendar file: the council's meetings the caller may see, or one
/// body's (`body`). Downloaded by a plain link; a calendar application that subscribes
/// without the member's cookie gets the meetings open to all.
#[server(endpoint = "calendar_ics", input = leptos::server_fn::codec::GetUrl, output = super::sheet::Ics)]
pub async fn calendar_ics(
    slug: String,
    #[server(default)] body: String,
) -> Result<super::sheet::IcsFile, AppError> {
    let db = super::request::db()?;
    let council = super::edge::council(&db, &slug).await?;
    let body = match body.trim() {
        "" => None,
        raw => Some(server::body_in(&db, council.id, raw).await?),
    };
    let entries = server::calendar(&db, &council, body).await?;
    let file = server::ics(&council, &entries)?;
    let name = match body {
        Some(body) => format!("agenda-{}-{body}.ics", council.slug.as_str()),
        None => format!("agenda-{}.ics", council.slug.as_str()),
    };
    super::request::offer_download(&name)?;
    Ok(file)
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use super::CalendarEntry;
    use crate::api::AppError;
    use crate::api::edge::CouncilRef;
    use crate::domain::body::PassKind;
    use crate::store::bodies::BodyError;
    use sea_orm::DatabaseConnection;

    /// The body `raw` names, if it is one of the council's; 404 otherwise.
    /// Whether the caller came in to `body` by code or link and has no passkey yet.
    pub async fn passkey_offer(db: &DatabaseConnection, body: i64) -> Result<bool, AppError> {
        let Some(token) = crate::api::request::cookie(crate::domain::Cookie::Member) else {
            return Ok(false);
        };
        Ok(crate::store::bodies::member_by_session(db, &token)
            .await?
            .is_some_and(|(member, _)| member.body_id == body && member.account_id.is_none()))
    }

    pub async fn body_in(
        db: &DatabaseConnection,
        council_id: i64,
        raw: &str,
    ) -> Result<i64, AppError> {
        let id = crate::api::edge::id(raw)?;
        if crate::store::bodies::body_council(db, id).await? == Some(council_id) {
            Ok(id)
        } else {
            Err(AppError::NotFound.with_status())
        }
    }

    /// The council's adopted priorities as a list reads them: (id, "rank. title").
    pub async fn adopted(
        db: &DatabaseConnection,
        council_id: i64,
    ) -> Result<Vec<(i64, String)>, AppError> {
        Ok(crate::store::priorities::of_council(db, council_id)
            .await?
            .into_iter()
            .flat_map(|(_, _, priorities)| priorities)
            .map(|p| (p.id, format!("{}. {}", p.rank, p.title.plain)))
            .collect())
    }

    /// The council's clock now, as a `datetime-local` field holds it.
    pub async fn local_now(db: &DatabaseConnection, council_id: i64) -> Result<String, AppError> {
        let zone = crate::store::assemblies::council_zone(db, council_id).await?;
        Ok(crate::store::assemblies::local_moment(chrono::Utc::now(), zone).input_value())
    }

    /// A link pass as the member receives it.
    pub fn pass_link(slug: &str, token: &str) -> Result<String, AppError> {
        let setup = leptos::prelude::use_context::<crate::api::StaffSetup>()
            .ok_or_else(|| AppError::unwired("StaffSetup"))?;
        Ok(format!("{}/{slug}/membres/lien/{token}", setup.public_url))
    }

    pub fn refused(
        error: BodyError,
        form: &str,
        values: &[(&str, &str)],
        back: &str,
    ) -> Result<(), AppError> {
        match error {
            BodyError::NotFound => Err(AppError::NotFound.with_status()),
            BodyError::Refused(message) => crate::api::forms::refuse(
                crate::api::forms::FormEcho::new(form, None, message, values),
                back,
            ),
            BodyError::Db(error) => Err(error.into()),
        }
    }

    /// Uses a pass: the member's cookie is set and they land on their body's page; a pass
    /// that lets nobody in comes back to `back` with the same refusal whatever the reason
    /// (a guess learns nothing).
    pub async fn let_in(
        db: &DatabaseConnection,
        slug: &str,
        council_id: i64,
        kind: PassKind,
        secret: &str,
        back: &str,
    ) -> Result<(), AppError> {
        use crate::domain::Cookie;
        match crate::store::bodies::redeem_pass(db, council_id, kind, secret).await? {
            Some(let_in) => {
                crate::api::request::set_cookie(
                    &crate::api::request::cookie_policy().set(Cookie::Member, &let_in.session),
                )?;
                crate::api::forms::done(
                    "saved-member-in",
                    &format!("/{slug}/instances/{}", let_in.body_id),
                )
            }
            None => crate::api::forms::refuse(
                crate::api::forms::FormEcho::new(
                    "member-entry",
                    Some("code"),
                    "error-member-pass-unusable",
                    &[],
                ),
                back,
            ),
        }
    }

    /// The published meetings the caller may see (of one body, or all), latest first.
    pub async fn calendar(
        db: &DatabaseConnection,
        council: &CouncilRef,
        body: Option<i64>,
    ) -> Result<Vec<CalendarEntry>, AppError> {
        let viewer = crate::api::edge::viewer(db, council.id).await?;
        let bodies = crate::store::bodies::bodies_of(db, council.id, &council.colleges).await?;
        Ok(
            crate::store::assemblies::assemblies_of(db, council.id, false, &viewer)
                .await?
                .into_iter()
                .filter(|assembly| body.is_none() || assembly.body == body)
                .map(|assembly| CalendarEntry {
                    body: assembly.body.and_then(|id| {
                        bodies
                            .iter()
                            .find(|b| b.id == id)
                            .map(|b| (b.id, b.name.clone()))
                    }),
                    assembly,
                })
                .collect(),
        )
    }

    /// How long a meeting is taken to last in a calendar: an assembly says when it starts
    /// only, and a CLSM meeting lasts about two hours.
    const MEETING_HOURS: i64 = 2;

    /// The meetings as an iCalendar file (RFC 5545), times in UTC, each with a stable UID
    /// and the address of its page.
    pub fn ics(
        council: &CouncilRef,
        entries: &[CalendarEntry],
    ) -> Result<crate::api::sheet::IcsFile, AppError> {
        use icalendar::{Calendar, Component, Event, EventLike};
        let setup = leptos::prelude::use_context::<crate::api::StaffSetup>()
            .ok_or_else(|| AppError::unwired("StaffSetup"))?;
        let host = setup
            .public_url
            .split("://")
            .nth(1)
            .unwrap_or("agora")
            .trim_end_matches('/')
            .to_owned();
        let mut calendar = Calendar::new();
        calendar.name(&council.name);
        for entry in entries {
            let assembly = &entry.assembly;
            let starts = chrono::DateTime::from_timestamp(assembly.starts_unix, 0)
                .ok_or_else(|| AppError::internal("a meeting's time", "out of range"))?;
            let summary = match &entry.body {
                Some((_, name)) => format!("{} — {name}", assembly.title),
                None => assembly.title.clone(),
            };
            let url = format!(
                "{}/{}/assemblees/{}",
                setup.public_url,
                council.slug.as_str(),
                assembly.id
            );
            let mut event = Event::new();
            event
                .uid(&format!("assembly-{}@{host}", assembly.id))
                .summary(&summary)
                .starts(starts)
                .ends(starts + chrono::Duration::hours(MEETING_HOURS))
                .location(&assembly.place)
                .url(&url);
            if !assembly.accessibility.is_empty() {
                event.description(&assembly.accessibility);
            }
            calendar.push(event.done());
        }
        Ok(crate::api::sheet::IcsFile(calendar.done().to_string()))
    }
}
