//! Staff's testimony functions: the list with its queue, moderation, deletion, the report
//! and the testimony put on the room's screen.

// A server function's arguments are its form's fields, one each.
#![allow(clippy::too_many_arguments)]

use super::*;

/// The council's testimony wall (approved, and allowed on the public page); for staff who
/// read testimony (coordinators, facilitators granted it) the moderation queue, each with
/// whether its text suggests distress; for staff who run rooms, the projector's controls.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TestimoniesPage {
    pub council_slug: String,
    pub council_name: String,
    /// The council's colleges (key, its own label if renamed), to name them.
    pub colleges: Vec<crate::domain::College>,
    pub wall: Vec<Testimony>,
    /// None: the caller does not read testimony. One page of it (`domain::testimony::QUEUE_PAGE`).
    pub queue: Option<Vec<(Testimony, bool)>>,
    /// The queue's page shown (from 1) and how many testimonies wait in all.
    pub queue_page: u64,
    pub waiting: u64,
    /// Whether the caller may download the annual report's quotes (staff who read results).
    pub can_export: bool,
    /// For staff who run rooms: the testimonies allowed on the projector, and the one on it.
    pub screen: Option<(Vec<Testimony>, Option<i64>)>,
    /// For staff who read testimony: the testimonies already decided (approved or not), each of which
    /// they may delete.
    pub decided: Option<Vec<Testimony>>,
    pub flash: PageFlash,
}

#[server(endpoint = "testimonies")]
pub async fn load_testimonies(slug: String, page: u64) -> Result<TestimoniesPage, AppError> {
    use crate::domain::Permission;
    use crate::domain::testimony::{Surface, suggests_distress};
    use crate::store::testimonies::{queue, shown_on};
    let db = crate::api::request::db()?;
    let council = crate::api::edge::council(&db, &slug).await?;
    let moderator = crate::api::edge::caller_allowed(&db, council.id, Permission::ReadTestimony)
        .await?
        .is_some();
    let runs_rooms = crate::api::edge::caller_allowed(&db, council.id, Permission::ModerateLive)
        .await?
        .is_some();
    let can_export = crate::api::edge::caller_allowed(&db, council.id, Permission::ReadResults)
        .await?
        .is_some();
    let screen = if runs_rooms {
        let allowed = shown_on(&db, council.id, Surface::Projector)
            .await
            .map_err(AppError::from)?;
        let current = crate::store::testimonies::on_screen(&db, council.id)
            .await
            .map_err(AppError::from)?
            .map(|t| t.id);
        Some((allowed, current))
    } else {
        None
    };
    let decided = if moderator {
        Some(
            crate::store::testimonies::decided(&db, council.id)
                .await
                .map_err(AppError::from)?,
        )
    } else {
        None
    };
    let page = page.max(1);
    let (queue, waiting) = if moderator {
        let (items, waiting) = queue(&db, council.id, page - 1)
            .await
            .map_err(AppError::from)?;
        let items = items
            .into_iter()
            .map(|t| {
                let distress = suggests_distress(&t.story.joined());
                (t, distress)
            })
            .collect();
        (Some(items), waiting)
    } else {
        (None, 0)
    };
    Ok(TestimoniesPage {
        wall: shown_on(&db, council.id, Surface::Wall)
            .await
            .map_err(AppError::from)?,
        council_slug: slug,
        council_name: council.name,
        colleges: council.colleges,
        queue,
        queue_page: page,
        waiting,
        can_export,
        screen,
        decided,
        flash: crate::api::forms::take_page_flash()?,
    })
}

/// A moderator deletes a testimony for good (`confirm`: the box that says they mean it;
/// without it, nothing is deleted and the form says why).
#[server(endpoint = "delete_testimony")]
pub async fn delete_testimony(
    slug: String,
    id: String,
    #[server(default)] confirm: String,
) -> Result<(), AppError> {
    use crate::domain::Permission;
    let db = crate::api::request::db()?;
    let crate::api::edge::StaffCall {
        council: crate::api::edge::CouncilRef { id: council_id, .. },
        account_id: caller,
        ..
    } = crate::api::edge::require(&db, &slug, Permission::ReadTestimony).await?;
    let id = crate::api::edge::id(&id)?;
    let back = format!("/{slug}/temoignages#decides-title");
    if confirm.is_empty() {
        return crate::api::forms::refuse(
            crate::api::forms::FormEcho::new(
                &format!("delete-{id}"),
                Some("confirm"),
                "error-testimony-delete-confirm",
                &[],
            ),
            &format!("/{slug}/temoignages#supprimer-{id}"),
        );
    }
    crate::store::testimonies::delete(&db, council_id, id, Some(caller))
        .await
        .map_err(AppError::from)?;
    crate::api::forms::done("saved-testimony-deleted", &back)
}

/// A moderator's decision on a testimony: `approve` (as edited in the form: the edited
/// text replaces the original), `ask` the author to edit, `reject`; or `redact`, which
/// stores nothing and gives the form back with the names listed in `names` (separated by
/// commas) and any e-mail address or phone number removed, to read before approving.
#[server(endpoint = "moderate_testimony")]
pub async fn moderate_testimony(
    slug: String,
    id: String,
    decision: String,
    #[server(default)] happened: String,
    #[server(default)] helped: String,
    #[server(default)] change: String,
    #[server(default)] warning: String,
    #[server(default)] summary: String,
    #[server(default)] note: String,
    #[server(default)] names: String,
    #[server(default)] page: String,
) -> Result<(), AppError> {
    use crate::domain::Permission;
    use crate::domain::testimony::{Story, redact};
    use crate::store::testimonies::{Decision, TestimonyError, moderate};
    let db = crate::api::request::db()?;
    let crate::api::edge::StaffCall {
        council: crate::api::edge::CouncilRef { id: council_id, .. },
        account_id: caller,
        ..
    } = crate::api::edge::require(&db, &slug, Permission::ReadTestimony).await?;
    let id = crate::api::edge::id(&id)?;
    // Back to the queue's page the form was on: a redacted text comes back there.
    let page = match page.trim().parse::<u64>() {
        Ok(page) if page > 1 => format!("?page={page}"),
        _ => String::new(),
    };
    let back = format!("/{slug}/temoignages{page}#temoignage-{id}");
    let form = format!("moderate-{id}");
    let echo = |field: Option<&str>, message: &str, story: &Story| {
        crate::api::forms::refuse(
            crate::api::forms::FormEcho::new(
                &form,
                field,
                message,
                &[
                    ("happened", &story.happened),
                    ("helped", &story.helped),
                    ("change", &story.change),
                    ("warning", &warning),
                    ("summary", &summary),
                    ("note", &note),
                    ("names", &names),
                ],
            ),
            &back,
        )
    };
    let story = Story {
        happened: happened.clone(),
        helped: helped.clone(),
        change: change.clone(),
    };
    let decision = match decision.as_str() {
        "redact" => {
            let terms: Vec<&str> = names.split(',').map(str::trim).collect();
            let redacted = Story {
                happened: redact(&happened, &terms),
                helped: redact(&helped, &terms),
                change: redact(&change, &terms),
            };
            return echo(Some(REDACTED_FIELD), "testimony-redacted", &redacted);
        }
        "approve" => Decision::Approve {
            story: story.clone(),
            content_warning: warning.clone(),
            easy_summary: summary.clone(),
        },
        "ask" => Decision::AskChanges { note: note.clone() },
        "reject" => Decision::Reject { note: note.clone() },
        _ => return Err(AppError::NotFound.with_status()),
    };
    match moderate(&db, council_id, id, decision, Some(caller)).await {
        Ok(()) => crate::api::forms::done("saved-testimony-moderated", &back),
        Err(TestimonyError::Refused(field, why)) => echo(Some(field), why.message_id(), &story),
        Err(TestimonyError::NotFound) => Err(AppError::NotFound.with_status()),
        Err(TestimonyError::Db(error)) => Err(error.into()),
    }
}

/// The "field" a redaction comes back on: no field is at fault.
pub const REDACTED_FIELD: &str = "redacted";

/// The testimonies whose authors allow a quote in the annual report, as a CSV file for the
/// council's staff (those who read results): one line each, in the reader's language.
/// Read from the table at each download, so a withdrawn testimony or a consent taken back
/// is never in it.
#[server(endpoint = "testimonies_report_csv", input = leptos::server_fn::codec::GetUrl, output = crate::api::sheet::Csv)]
pub async fn testimonies_report_csv(slug: String) -> Result<crate::api::sheet::CsvFile, AppError> {
    use crate::domain::Permission;
    use crate::domain::testimony::Surface;
    let db = crate::api::request::db()?;
    let crate::api::edge::StaffCall { council, .. } =
        crate::api::edge::require(&db, &slug, Permission::ReadResults).await?;
    let quoted = crate::store::testimonies::shown_on(&db, council.id, Surface::Report)
        .await
        .map_err(AppError::from)?;
    let lang = crate::i18n::request_preferences().lang;
    let file = server::report_csv(&quoted, &council.colleges, lang)
        .map_err(|e| AppError::internal("writing CSV", e))?;
    crate::api::request::offer_download("temoignages-rapport.csv")?;
    Ok(file)
}

/// A facilitator shows a testimony on the council's projector (`id` empty: none), from the
/// testimonies page or from an assembly's console (`from`: the assembly, to go back to).
#[server(endpoint = "show_testimony")]
pub async fn show_testimony(
    slug: String,
    #[server(default)] id: String,
    #[server(default)] from: String,
) -> Result<(), AppError> {
    use crate::domain::Permission;
    use crate::store::testimonies::{TestimonyError, put_on_screen};
    let db = crate::api::request::db()?;
    let crate::api::edge::StaffCall {
        council: crate::api::edge::CouncilRef { id: council_id, .. },
        account_id: caller,
        ..
    } = crate::api::edge::require(&db, &slug, Permission::ModerateLive).await?;
    let id = match id.trim() {
        "" => None,
        raw => Some(crate::api::edge::id(raw)?),
    };
    let back = match from.trim() {
        "" => format!("/{slug}/temoignages#ecran-title"),
        raw => {
            let assembly = crate::api::edge::id(raw)?;
            format!("/{slug}/assemblees/{assembly}/animation#ecran-title")
        }
    };
    match put_on_screen(&db, council_id, id, Some(caller)).await {
        Ok(()) => crate::api::forms::done("saved-testimony-screen", &back),
        Err(TestimonyError::Refused(_, why)) => crate::api::forms::refuse(
            crate::api::forms::FormEcho::new("screen", None, why.message_id(), &[]),
            &back,
        ),
        Err(error) => Err(error.into()),
    }
}

/// The council's testimony projector: large text, one testimony or none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TestimonyScreenPage {
    pub council_slug: String,
    pub council_name: String,
    pub colleges: Vec<crate::domain::College>,
    pub testimony: Option<Testimony>,
}

#[server(endpoint = "testimony_screen")]
pub async fn load_testimony_screen(slug: String) -> Result<TestimonyScreenPage, AppError> {
    let db = crate::api::request::db()?;
    let council = crate::api::edge::council(&db, &slug).await?;
    let testimony = crate::store::testimonies::on_screen(&db, council.id)
        .await
        .map_err(AppError::from)?;
    Ok(TestimonyScreenPage {
        council_slug: slug,
        council_name: council.name,
        colleges: council.colleges,
        testimony,
    })
}
