//! The council's action programme (`/{slug}/feuille-de-route`): a public roadmap of the
//! actions the council carries, grouped by priority, status or objective; each action's own
//! page with its dated updates; coordinators write actions and updates (plain forms).

// A server function's arguments are its form's fields, one each.
#![allow(clippy::too_many_arguments)]

use super::AppError;
use super::forms::PageFlash;
use crate::domain::CouncilObjective;
use crate::domain::action::{Action, RoadmapGrouping};
use crate::domain::priority::Priority;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The council's adopted priorities an action may rest on, with the vote each came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdoptedPriority {
    pub vote_id: i64,
    pub vote_title: String,
    pub priority: Priority,
}

/// `/{slug}/feuille-de-route`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoadmapPage {
    pub council_slug: String,
    pub council_name: String,
    pub grouping: RoadmapGrouping,
    pub actions: Vec<Action>,
    pub priorities: Vec<AdoptedPriority>,
    pub objectives: Vec<CouncilObjective>,
    /// A coordinator: the page offers to add an action.
    pub can_edit: bool,
    pub flash: PageFlash,
}

/// `/{slug}/feuille-de-route/action/{id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionPage {
    pub council_slug: String,
    pub council_name: String,
    pub action: Action,
    pub priority: Option<AdoptedPriority>,
    pub objective: Option<CouncilObjective>,
    /// A coordinator: the page offers to change the action and to add an update.
    pub can_edit: bool,
    /// The council's day (`YYYY-MM-DD`), where a new update's date starts.
    pub today: String,
    pub flash: PageFlash,
}

/// `/{slug}/feuille-de-route/nouvelle` and `/{slug}/feuille-de-route/action/{id}/modifier`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionFormPage {
    pub council_slug: String,
    pub council_name: String,
    pub action: Option<Action>,
    pub priorities: Vec<AdoptedPriority>,
    pub objectives: Vec<CouncilObjective>,
    pub today: String,
    pub flash: PageFlash,
}

#[server(endpoint = "roadmap")]
pub async fn load_roadmap(slug: String, by: String) -> Result<RoadmapPage, AppError> {
    use crate::domain::Permission;
    let db = super::request::db()?;
    let council = super::edge::council(&db, &slug).await?;
    let can_edit = super::edge::caller_allowed(&db, council.id, Permission::RecordDecisions)
        .await?
        .is_some();
    Ok(RoadmapPage {
        grouping: RoadmapGrouping::parse(&by),
        actions: crate::store::programme::actions_of(&db, council.id).await?,
        priorities: server::adopted(&db, council.id).await?,
        objectives: crate::store::diagnosis::objectives_of(&db, council.id).await?,
        council_slug: slug,
        council_name: council.name,
        can_edit,
        flash: super::forms::take_page_flash()?,
    })
}

#[server(endpoint = "action")]
pub async fn load_action(slug: String, id: String) -> Result<ActionPage, AppError> {
    use crate::domain::Permission;
    let db = super::request::db()?;
    let council = super::edge::council(&db, &slug).await?;
    let action = crate::store::programme::action_of(&db, council.id, super::edge::id(&id)?)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    let can_edit = super::edge::caller_allowed(&db, council.id, Permission::RecordDecisions)
        .await?
        .is_some();
    let priority = server::adopted(&db, council.id)
        .await?
        .into_iter()
        .find(|adopted| Some(adopted.priority.id) == action.fields.priority);
    let objective = crate::store::diagnosis::objectives_of(&db, council.id)
        .await?
        .into_iter()
        .find(|objective| Some(&objective.key) == action.fields.objective.as_ref());
    Ok(ActionPage {
        today: super::edge::today(&db, council.id)
            .await?
            .format("%Y-%m-%d")
            .to_string(),
        council_slug: slug,
        council_name: council.name,
        action,
        priority,
        objective,
        can_edit,
        flash: super::forms::take_page_flash()?,
    })
}

#[server(endpoint = "action_form")]
pub async fn load_action_form(
    slug: String,
    id: Option<String>,
) -> Result<ActionFormPage, AppError> {
    use crate::domain::Permission;
    let db = super::request::db()?;
    let call = super::edge::require(&db, &slug, Permission::RecordDecisions).await?;
    let council_id = call.council.id;
    let action = match id {
        None => None,
        Some(raw) => Some(
            crate::store::programme::action_of(&db, council_id, super::edge::id(&raw)?)
                .await?
                .ok_or_else(|| AppError::NotFound.with_status())?,
        ),
    };
    Ok(ActionFormPage {
        council_slug: slug,
        council_name: call.council.name,
        action,
        priorities: server::adopted(&db, council_id).await?,
        objectives: crate::store::diagnosis::objectives_of(&db, council_id).await?,
        today: super::edge::today(&db, council_id)
            .await?
            .format("%Y-%m-%d")
            .to_string(),
        flash: super::forms::take_page_flash()?,
    })
}

/// Saves an action (a new one when `id` is empty); a field at fault comes back beside it,
/// nothing stored. `check` measures the easy-read texts, storing nothing.
#[server(endpoint = "save_action")]
pub async fn save_action(
    slug: String,
    #[server(default)] id: String,
    #[server(default)] title: String,
    #[server(default)] title_easy: String,
    #[server(default)] summary: String,
    #[server(default)] summary_easy: String,
    #[server(default)] priority: String,
    #[server(default)] objective: String,
    #[server(default)] lead: String,
    #[server(default)] partners: String,
    #[server(default)] public: String,
    #[server(default)] budget: String,
    #[server(default)] funder: String,
    #[server(default)] starts_on: String,
    #[server(default)] ends_on: String,
    #[server(default)] check: String,
) -> Result<(), AppError> {
    use crate::domain::Permission;
    use crate::domain::action::{ActionContext, ActionDraft, ActionForm};
    let db = super::request::db()?;
    let call = super::edge::require(&db, &slug, Permission::RecordDecisions).await?;
    let (council_id, by) = (call.council.id, Some(call.account_id));
    let existing = match id.trim() {
        "" => None,
        raw => Some(super::edge::id(raw)?),
    };
    // Another council's action is not found here, whatever the form says.
    if let Some(id) = existing
        && crate::store::programme::action_of(&db, council_id, id)
            .await?
            .is_none()
    {
        return Err(AppError::NotFound.with_status());
    }
    let roadmap = format!("/{slug}/feuille-de-route");
    let page = match existing {
        Some(id) => format!("{roadmap}/action/{id}/modifier"),
        None => format!("{roadmap}/nouvelle"),
    };
    let values = [
        ("title", title.as_str()),
        ("title_easy", title_easy.as_str()),
        ("summary", summary.as_str()),
        ("summary_easy", summary_easy.as_str()),
        ("priority", priority.as_str()),
        ("objective", objective.as_str()),
        ("lead", lead.as_str()),
        ("partners", partners.as_str()),
        ("public", public.as_str()),
        ("budget", budget.as_str()),
        ("funder", funder.as_str()),
        ("starts_on", starts_on.as_str()),
        ("ends_on", ends_on.as_str()),
    ];
    if !check.is_empty() {
        return super::forms::readability_checked("action", &values, &page);
    }
    let priorities: Vec<i64> = server::adopted(&db, council_id)
        .await?
        .iter()
        .map(|adopted| adopted.priority.id)
        .collect();
    let objectives: Vec<_> = crate::store::diagnosis::objectives_of(&db, council_id)
        .await?
        .into_iter()
        .map(|objective| objective.key)
        .collect();
    let form = ActionForm {
        title: &title,
        title_easy: &title_easy,
        summary: &summary,
        summary_easy: &summary_easy,
        priority: &priority,
        objective: &objective,
        lead: &lead,
        partners: &partners,
        public: &public,
        budget: &budget,
        funder: &funder,
        starts_on: &starts_on,
        ends_on: &ends_on,
    };
    let context = ActionContext {
        priorities: &priorities,
        objectives: &objectives,
    };
    let checked = ActionDraft::check(&form, &context);
    let Some(draft) = super::forms::checked("action", &values, &page, checked)? else {
        return Ok(());
    };
    match crate::store::programme::save_action(&db, council_id, existing, &draft, by).await {
        Ok(id) => super::forms::done("saved-action", &format!("{roadmap}/action/{id}")),
        Err(error) => server::refused(error, "action", &values, &page),
    }
}

/// Adds a dated update to an action, moving its status when asked.
#[server(endpoint = "add_action_update")]
pub async fn add_action_update(
    slug: String,
    action: String,
    #[server(default)] on: String,
    #[server(default)] text: String,
    #[server(default)] text_easy: String,
    #[server(default)] status: String,
) -> Result<(), AppError> {
    use crate::domain::Permission;
    use crate::domain::action::{UpdateDraft, UpdateForm};
    let db = super::request::db()?;
    let call = super::edge::require(&db, &slug, Permission::RecordDecisions).await?;
    let council_id = call.council.id;
    let id = super::edge::id(&action)?;
    let current = crate::store::programme::action_of(&db, council_id, id)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    let back = format!("/{slug}/feuille-de-route/action/{id}");
    let values = [
        ("on", on.as_str()),
        ("text", text.as_str()),
        ("text_easy", text_easy.as_str()),
        ("status", status.as_str()),
    ];
    let form = UpdateForm {
        on: &on,
        text: &text,
        text_easy: &text_easy,
        status: &status,
    };
    let today = super::edge::today(&db, council_id).await?;
    let checked = UpdateDraft::check(&form, current.status, today);
    let Some(draft) = super::forms::checked("update", &values, &back, checked)? else {
        return Ok(());
    };
    match crate::store::programme::add_update(&db, council_id, id, &draft, Some(call.account_id))
        .await
    {
        Ok(_) => super::forms::done("saved-action-update", &format!("{back}#suivi")),
        Err(error) => server::refused(error, "update", &values, &back),
    }
}

#[cfg(feature = "ssr")]
mod server {
    use super::AdoptedPriority;
    use crate::api::AppError;
    use crate::store::programme::ProgrammeError;
    use sea_orm::DatabaseConnection;

    /// Every priority the council adopted, by vote (newest vote first), in each vote's order.
    pub async fn adopted(
        db: &DatabaseConnection,
        council_id: i64,
    ) -> Result<Vec<AdoptedPriority>, AppError> {
        Ok(crate::store::priorities::of_council(db, council_id)
            .await?
            .into_iter()
            .flat_map(|(vote_id, vote_title, priorities)| {
                priorities.into_iter().map(move |priority| AdoptedPriority {
                    vote_id,
                    vote_title: vote_title.clone(),
                    priority,
                })
            })
            .collect())
    }

    pub fn refused(
        error: ProgrammeError,
        form: &str,
        values: &[(&str, &str)],
        back: &str,
    ) -> Result<(), AppError> {
        match error {
            ProgrammeError::NotFound => Err(AppError::NotFound.with_status()),
            ProgrammeError::Refused(message) => crate::api::forms::refuse(
                crate::api::forms::FormEcho::new(form, None, message, values),
                back,
            ),
            ProgrammeError::Db(error) => Err(error.into()),
        }
    }
}
