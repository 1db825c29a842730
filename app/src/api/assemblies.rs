//! Plenary assemblies: the public list and page, the join code, and what coordinators do to
//! prepare them (every change checks the caller's role in the council).

use super::AppError;
#[cfg(feature = "ssr")]
use super::forms::FormEcho;
use super::forms::PageFlash;
use crate::domain::Assembly;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssembliesPage {
    pub council_slug: String,
    pub council_name: String,
    /// Published ones for everyone; drafts too for those who prepare assemblies.
    pub assemblies: Vec<Assembly>,
    pub can_prepare: bool,
    pub flash: PageFlash,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssemblyPage {
    pub council_slug: String,
    pub council_name: String,
    pub assembly: Assembly,
    /// `{public url}/j/{code}`: what the QR code holds.
    pub join_link: String,
    /// The QR code of `join_link`, an SVG drawn by the server.
    pub qr_svg: String,
    pub can_prepare: bool,
    /// The published votes attached to it, to go from the room to the ballot.
    pub votes: Vec<crate::domain::vote::VoteInfo>,
    /// The room's approved questions with their written answers, oldest first (empty for
    /// a draft or before anyone asked).
    pub questions: Vec<super::RecordedQuestion>,
    /// The council's colleges, to name the college a question's asker gave.
    pub colleges: Vec<crate::domain::College>,
    /// Its quick polls, for the results of those closed.
    pub polls: Vec<super::PollView>,
    /// Who was there, by college, once it is over.
    pub attendance: Option<super::AttendanceFigure>,
    /// The caller runs the council's rooms: the page leads to the door count.
    pub can_count: bool,
    /// The body whose meeting it is (id, name).
    pub body: Option<(i64, String)>,
    /// Its minutes, when the caller may read them (to whom they are published; a draft
    /// for staff who run rooms).
    pub minutes: Option<crate::domain::minutes::MinutesAudience>,
    /// Its documents the caller may read.
    pub documents: Vec<crate::domain::document::Document>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssemblyEditor {
    pub council_slug: String,
    pub council_name: String,
    pub assembly: Assembly,
    pub flash: PageFlash,
}

#[server(endpoint = "assemblies")]
pub async fn load_assemblies(slug: String) -> Result<AssembliesPage, AppError> {
    use crate::domain::Permission;
    let db = server::db()?;
    let crate::api::edge::CouncilRef {
        id: council_id,
        name: council_name,
        ..
    } = crate::api::edge::council(&db, &slug).await?;
    let can_prepare =
        crate::api::edge::caller_allowed(&db, council_id, Permission::PrepareAssemblies)
            .await?
            .is_some();
    let viewer = crate::api::edge::viewer(&db, council_id).await?;
    let assemblies =
        crate::store::assemblies::assemblies_of(&db, council_id, can_prepare, &viewer).await?;
    Ok(AssembliesPage {
        council_slug: slug,
        council_name,
        assemblies,
        can_prepare,
        flash: super::forms::take_page_flash()?,
    })
}

#[server(endpoint = "assembly")]
pub async fn load_assembly(slug: String, id: String) -> Result<AssemblyPage, AppError> {
    use crate::domain::Permission;
    let db = server::db()?;
    let crate::api::edge::CouncilRef {
        id: council_id,
        name: council_name,
        colleges,
        ..
    } = crate::api::edge::council(&db, &slug).await?;
    let can_prepare =
        crate::api::edge::caller_allowed(&db, council_id, Permission::PrepareAssemblies)
            .await?
            .is_some();
    let assembly = crate::store::assemblies::assembly_in_council(
        &db,
        council_id,
        crate::api::edge::id(&id)?,
        can_prepare,
    )
    .await?
    .ok_or_else(|| AppError::NotFound.with_status())?;
    // A meeting for its members only is not there for anybody else: the same 404.
    if assembly.members_only
        && !crate::api::edge::viewer(&db, council_id)
            .await?
            .may_see(assembly.body, true)
    {
        return Err(AppError::NotFound.with_status());
    }
    let body_name = crate::store::bodies::meeting_body(&db, council_id, assembly.body).await?;
    // A members-only meeting has no join code to hand out: members come from their body's
    // page, and a code would lead nobody else anywhere.
    let (join_link, qr_svg) = if assembly.members_only {
        (String::new(), String::new())
    } else {
        let link = server::join_link(&assembly)?;
        let svg = server::qr_svg(&link)?;
        (link, svg)
    };
    let votes =
        crate::store::votes::votes_of_assembly(&db, council_id, assembly.id, chrono::Utc::now())
            .await?;
    let questions = crate::services::room::snapshot(&db, assembly.id, false)
        .await?
        .map(|(_, room)| super::floor_record::server::of_room(council_name.clone(), room).questions)
        .unwrap_or_default();
    let polls =
        super::poll_server::poll_views(&db, council_id, assembly.id, None, false, false).await?;
    let min_group = crate::store::min_group_size(&db, council_id).await?;
    let attendance = super::attendance::server::figure(
        &db,
        &colleges,
        min_group,
        assembly.id,
        assembly.live == crate::domain::LiveState::Closed,
    )
    .await?;
    let can_count = crate::api::edge::caller_allowed(&db, council_id, Permission::ModerateLive)
        .await?
        .is_some();
    let viewer = crate::api::edge::viewer(&db, council_id).await?;
    let minutes = crate::store::minutes::minutes_of(&db, assembly.id)
        .await?
        .map(|minutes| minutes.fields.audience)
        .filter(|audience| audience.readable_by(&viewer, assembly.body));
    let documents = match assembly.published {
        true => {
            super::documents::server::readable(
                &db,
                crate::store::documents::Holder::Meeting {
                    assembly: assembly.id,
                    body: assembly.body,
                },
                &viewer,
            )
            .await?
        }
        false => Vec::new(),
    };
    Ok(AssemblyPage {
        minutes,
        documents,
        attendance,
        can_count,
        polls,
        votes,
        questions,
        colleges,
        council_slug: slug,
        council_name,
        qr_svg,
        join_link,
        assembly,
        can_prepare,
        body: body_name,
    })
}

#[server(endpoint = "assembly_editor")]
pub async fn load_assembly_editor(slug: String, id: String) -> Result<AssemblyEditor, AppError> {
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
    } = crate::api::edge::require(&db, &slug, Permission::PrepareAssemblies).await?;
    let assembly = crate::store::assemblies::assembly_in_council(
        &db,
        council_id,
        crate::api::edge::id(&id)?,
        true,
    )
    .await?
    .ok_or_else(|| AppError::NotFound.with_status())?;
    Ok(AssemblyEditor {
        council_slug: slug,
        council_name,
        assembly,
        flash: super::forms::take_page_flash()?,
    })
}

/// Where a join code leads (`/j/ABC234`, or the code typed on `/rejoindre`): the assembly's
/// path, or `None` when no published assembly has it.
#[server(endpoint = "join")]
pub async fn find_join_code(code: String) -> Result<Option<String>, AppError> {
    let db = server::db()?;
    let Some(code) = crate::domain::JoinCode::parse(&code) else {
        return Ok(None);
    };
    Ok(crate::store::assemblies::assembly_by_join_code(&db, &code)
        .await?
        .map(|(slug, id)| format!("/{slug}/assemblees/{id}")))
}

/// Creates an assembly (unpublished) and goes on to prepare it.
#[server(endpoint = "create_assembly")]
pub async fn create_assembly(
    slug: String,
    title: String,
    starts_at: String,
    place: String,
    accessibility: String,
) -> Result<(), AppError> {
    use crate::domain::{AssemblyFields, Permission};
    let db = server::db()?;
    let crate::api::edge::StaffCall {
        council: crate::api::edge::CouncilRef { id: council_id, .. },
        account_id: caller,
        ..
    } = crate::api::edge::require(&db, &slug, Permission::PrepareAssemblies).await?;
    let by = Some(caller);
    let back = format!("/{slug}/assemblees");
    let values = [
        ("title", title.as_str()),
        ("starts_at", starts_at.as_str()),
        ("place", place.as_str()),
        ("accessibility", accessibility.as_str()),
    ];
    let Some(fields) = crate::api::forms::checked(
        "assembly",
        &values,
        &back,
        AssemblyFields::check(&title, &starts_at, &place, &accessibility),
    )?
    else {
        return Ok(());
    };
    match crate::store::assemblies::create_assembly(&db, council_id, &fields, None, by).await {
        Ok(id) => super::forms::done(
            "saved-assembly-created",
            &format!("/{slug}/assemblees/{id}/preparer"),
        ),
        Err(error) => server::store_refusal(error, "assembly", Some("starts_at"), &values, &back),
    }
}

#[server(endpoint = "update_assembly")]
pub async fn update_assembly(
    slug: String,
    assembly: String,
    title: String,
    starts_at: String,
    place: String,
    accessibility: String,
) -> Result<(), AppError> {
    use crate::domain::{AssemblyFields, Permission};
    let db = server::db()?;
    let (council_id, by, id, back) =
        server::preparing(&db, &slug, &assembly, Permission::PrepareAssemblies).await?;
    let values = [
        ("title", title.as_str()),
        ("starts_at", starts_at.as_str()),
        ("place", place.as_str()),
        ("accessibility", accessibility.as_str()),
    ];
    let Some(fields) = crate::api::forms::checked(
        "assembly",
        &values,
        &back,
        AssemblyFields::check(&title, &starts_at, &place, &accessibility),
    )?
    else {
        return Ok(());
    };
    match crate::store::assemblies::update_assembly(&db, council_id, id, &fields, by).await {
        Ok(()) => super::forms::done("saved-assembly", &back),
        Err(error) => server::store_refusal(error, "assembly", Some("starts_at"), &values, &back),
    }
}

/// Publishes (`publish=1`) or takes back (`publish=0`) an assembly.
#[server(endpoint = "publish_assembly")]
pub async fn publish_assembly(
    slug: String,
    assembly: String,
    publish: String,
) -> Result<(), AppError> {
    use crate::domain::Permission;
    let db = server::db()?;
    let (council_id, by, id, back) =
        server::preparing(&db, &slug, &assembly, Permission::PrepareAssemblies).await?;
    let publish = publish == "1";
    match crate::store::assemblies::set_published(&db, council_id, id, publish, by).await {
        Ok(()) => super::forms::done(
            if publish {
                "saved-published"
            } else {
                "saved-unpublished"
            },
            &back,
        ),
        Err(error) => server::store_refusal(error, "publish", None, &[], &back),
    }
}

/// Opens (`state=open`) or closes (`state=closed`) the live part: facilitators may too.
#[server(endpoint = "change_live_state")]
pub async fn change_live_state(
    slug: String,
    assembly: String,
    state: String,
) -> Result<(), AppError> {
    use crate::domain::{LiveState, Permission};
    let db = server::db()?;
    let (council_id, by, id, back) =
        server::preparing(&db, &slug, &assembly, Permission::ModerateLive).await?;
    let Some(to) = LiveState::parse(&state) else {
        return super::forms::refuse(FormEcho::new("live", None, "error-live-state", &[]), &back);
    };
    match crate::services::room::change_live_state(&db, council_id, id, to, by).await {
        Ok((state, event)) => {
            publish(event).await;
            super::forms::done(
                if state == LiveState::Open {
                    "saved-live-opened"
                } else {
                    "saved-live-closed"
                },
                &back,
            )
        }
        Err(error) => server::store_refusal(error, "live", None, &[], &back),
    }
}

#[server(endpoint = "add_agenda_item")]
pub async fn add_agenda_item(
    slug: String,
    assembly: String,
    item_title: String,
    summary: String,
    summary_easy: String,
    #[server(default)] check: String,
) -> Result<(), AppError> {
    use crate::domain::{AgendaItemFields, Permission};
    let db = server::db()?;
    let (council_id, by, id, back) =
        server::preparing(&db, &slug, &assembly, Permission::PrepareAssemblies).await?;
    let values = [
        ("item_title", item_title.as_str()),
        ("summary", summary.as_str()),
        ("summary_easy", summary_easy.as_str()),
    ];
    if !check.is_empty() {
        return super::forms::readability_checked("new-item", &values, &back);
    }
    let Some(fields) = crate::api::forms::checked(
        "new-item",
        &values,
        &back,
        AgendaItemFields::check(&item_title, &summary, &summary_easy),
    )?
    else {
        return Ok(());
    };
    match crate::store::assemblies::add_agenda_item(&db, council_id, id, &fields, by).await {
        Ok(_) => super::forms::done("saved-item-added", &back),
        Err(error) => server::store_refusal(error, "new-item", None, &values, &back),
    }
}

#[server(endpoint = "update_agenda_item")]
pub async fn update_agenda_item(
    slug: String,
    assembly: String,
    item: String,
    item_title: String,
    summary: String,
    summary_easy: String,
    #[server(default)] check: String,
) -> Result<(), AppError> {
    use crate::domain::{AgendaItemFields, Permission};
    let db = server::db()?;
    let (council_id, by, id, back) =
        server::preparing(&db, &slug, &assembly, Permission::PrepareAssemblies).await?;
    let item_id = crate::api::edge::id(&item)?;
    let form = format!("item-{item_id}");
    let values = [
        ("item_title", item_title.as_str()),
        ("summary", summary.as_str()),
        ("summary_easy", summary_easy.as_str()),
    ];
    if !check.is_empty() {
        return super::forms::readability_checked(&form, &values, &back);
    }
    let Some(fields) = crate::api::forms::checked(
        &form,
        &values,
        &back,
        AgendaItemFields::check(&item_title, &summary, &summary_easy),
    )?
    else {
        return Ok(());
    };
    match crate::store::assemblies::update_agenda_item(&db, council_id, id, item_id, &fields, by)
        .await
    {
        Ok(()) => super::forms::done("saved-item", &back),
        Err(error) => server::store_refusal(error, &form, None, &values, &back),
    }
}

/// Moves an agenda item (`direction=up` or `down`) or removes it (`direction=remove`).
#[server(endpoint = "arrange_agenda_item")]
pub async fn arrange_agenda_item(
    slug: String,
    assembly: String,
    item: String,
    direction: String,
) -> Result<(), AppError> {
    use crate::domain::Permission;
    use crate::store::assemblies::{move_agenda_item, remove_agenda_item};
    let db = server::db()?;
    let (council_id, by, id, back) =
        server::preparing(&db, &slug, &assembly, Permission::PrepareAssemblies).await?;
    let item_id = crate::api::edge::id(&item)?;
    let outcome = match direction.as_str() {
        "up" | "down" => move_agenda_item(&db, council_id, id, item_id, direction == "up", by)
            .await
            .map(|()| "saved-item-moved"),
        "remove" => remove_agenda_item(&db, council_id, id, item_id, by)
            .await
            .map(|()| "saved-item-removed"),
        _ => return Err(AppError::NotFound.with_status()),
    };
    match outcome {
        Ok(notice) => super::forms::done(notice, &back),
        Err(error) => server::store_refusal(error, "agenda", None, &[], &back),
    }
}

#[cfg(feature = "ssr")]
pub(crate) fn join_link_of(assembly: &Assembly) -> Result<String, AppError> {
    server::join_link(assembly)
}

#[cfg(feature = "ssr")]
pub(crate) fn qr_svg_of(link: &str) -> Result<String, AppError> {
    server::qr_svg(link)
}

/// Hands a stored room event to this process's live rooms (absent in a context without
/// the server's hub: the event is stored and clients get it on their next connection).
#[cfg(feature = "ssr")]
pub(crate) async fn publish(event: crate::store::room::StoredEvent) {
    if let Some(publisher) =
        leptos::prelude::use_context::<std::sync::Arc<dyn crate::services::room::Publisher>>()
    {
        publisher.publish(event).await;
    }
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use crate::api::AppError;
    use crate::api::forms::FormEcho;
    use crate::domain::Assembly;
    use crate::store::assemblies::AssemblyError;
    use sea_orm::DatabaseConnection;

    pub use crate::api::request::db;

    /// What every change of an assembly starts with: the caller's right in the council
    /// (401/403 otherwise), the assembly named by the form (404 if malformed), and the
    /// preparation page to come back to. Returns council, caller (for the audit log),
    /// assembly and that page.
    pub async fn preparing(
        db: &DatabaseConnection,
        slug: &str,
        assembly: &str,
        permission: crate::domain::Permission,
    ) -> Result<(i64, Option<i64>, i64, String), AppError> {
        let crate::api::edge::StaffCall {
            council: crate::api::edge::CouncilRef { id: council_id, .. },
            account_id: caller,
            ..
        } = crate::api::edge::require(db, slug, permission).await?;
        let id = crate::api::edge::id(assembly)?;
        Ok((
            council_id,
            Some(caller),
            id,
            format!("/{slug}/assemblees/{id}/preparer"),
        ))
    }

    pub fn join_link(assembly: &Assembly) -> Result<String, AppError> {
        let setup = leptos::prelude::use_context::<crate::api::StaffSetup>()
            .ok_or_else(|| AppError::unwired("StaffSetup"))?;
        Ok(format!(
            "{}/j/{}",
            setup.public_url,
            assembly.join_code.as_str()
        ))
    }

    /// The QR code of `link` as an inline SVG, hidden from screen readers (the page says the
    /// link and the code in words beside it).
    pub fn qr_svg(link: &str) -> Result<String, AppError> {
        use qrcode::render::svg;
        let code = qrcode::QrCode::with_error_correction_level(link, qrcode::EcLevel::M)
            .map_err(|e| AppError::internal("drawing a QR code", e))?;
        let drawn = code
            .render::<svg::Color<'_>>()
            .min_dimensions(240, 240)
            .quiet_zone(true)
            .build();
        let start = drawn
            .find("<svg")
            .ok_or_else(|| AppError::internal("drawing a QR code", "no <svg> element"))?;
        Ok(drawn[start..].replacen(
            "<svg",
            r#"<svg aria-hidden="true" focusable="false" class="qr-code""#,
            1,
        ))
    }

    /// A store refusal as the form's answer: "not found" stays a 404, a rule's refusal
    /// comes back to the form.
    pub fn store_refusal(
        error: AssemblyError,
        form: &str,
        field: Option<&str>,
        values: &[(&str, &str)],
        back: &str,
    ) -> Result<(), AppError> {
        match error {
            AssemblyError::NotFound => Err(AppError::NotFound.with_status()),
            AssemblyError::Refused(why) => {
                let field = field.filter(|_| {
                    matches!(
                        why,
                        crate::store::assemblies::AssemblyRefusal::DateInvalid
                            | crate::store::assemblies::AssemblyRefusal::DateSkipped
                    )
                });
                crate::api::forms::refuse(
                    FormEcho::new(form, field, why.message_id(), values),
                    back,
                )
            }
            AssemblyError::Db(error) => Err(error.into()),
        }
    }
}
