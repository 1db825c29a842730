//! "What your vote became": a vote's first places beside the priorities the council adopted
//! after it; coordinators record, order and remove those priorities on the same page, once
//! the vote has ended.

// A form post's fields are a server function's arguments.
#![allow(clippy::too_many_arguments)]

use super::AppError;
use crate::api::forms::PageFlash;
use crate::domain::priority::Priority;
use crate::domain::vote::{StandingRow, VoteInfo};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutcomePage {
    pub council_slug: String,
    pub council_name: String,
    pub vote: VoteInfo,
    /// The whole room's standing, once the results are public; `None` before.
    pub standing: Option<Vec<StandingRow>>,
    pub ballots: usize,
    pub priorities: Vec<Priority>,
    /// A coordinator, on an ended vote: the forms are shown.
    pub can_record: bool,
    /// The council's today (`YYYY-MM-DD`), the date a new priority's form starts from.
    pub today: String,
    pub flash: PageFlash,
}

/// `/{slug}/votes/{id}/suites`: public, as the vote's results are.
#[server(endpoint = "vote_outcome")]
pub async fn load_vote_outcome(slug: String, id: String) -> Result<OutcomePage, AppError> {
    use crate::domain::Permission;
    let db = super::server::db()?;
    let council = crate::api::edge::council(&db, &slug).await?;
    let vote = super::server::vote(&db, council.id, &id, false).await?;
    let standing = if vote.results_public() {
        let results = super::server::results(&db, &vote, council.min_group).await?;
        Some((results.raw, results.ballots))
    } else {
        None
    };
    let can_record = vote.ended
        && super::server::allowed(&db, council.id, Permission::RecordDecisions)
            .await?
            .is_some();
    let priorities = crate::store::priorities::of_vote(&db, vote.id).await?;
    Ok(OutcomePage {
        council_slug: slug,
        council_name: council.name,
        ballots: standing.as_ref().map_or(0, |(_, ballots)| *ballots),
        standing: standing.map(|(rows, _)| rows),
        priorities,
        can_record,
        today: crate::api::edge::today(&db, council.id)
            .await?
            .format("%Y-%m-%d")
            .to_string(),
        flash: crate::api::forms::take_page_flash()?,
        vote,
    })
}

/// A coordinator records a priority adopted after an ended vote.
#[server(endpoint = "adopt_priority")]
pub async fn adopt_priority(
    slug: String,
    vote: String,
    title: String,
    #[server(default)] title_easy: String,
    reason: String,
    #[server(default)] reason_easy: String,
    #[server(default)] findings: BTreeMap<String, String>,
    decided_on: String,
    decided_by: String,
) -> Result<(), AppError> {
    use crate::domain::priority::{PriorityContext, PriorityDraft, PriorityForm};
    let (db, scope, info, back) = server::coordinator(&slug, &vote).await?;
    let chosen = findings.keys().cloned().collect::<Vec<_>>().join(",");
    let values = [
        ("title", title.as_str()),
        ("title_easy", title_easy.as_str()),
        ("reason", reason.as_str()),
        ("reason_easy", reason_easy.as_str()),
        ("findings", chosen.as_str()),
        ("decided_on", decided_on.as_str()),
        ("decided_by", decided_by.as_str()),
    ];
    let form = PriorityForm {
        title: &title,
        title_easy: &title_easy,
        reason: &reason,
        reason_easy: &reason_easy,
        findings: findings.keys().map(String::as_str).collect(),
        decided_on: &decided_on,
        decided_by: &decided_by,
    };
    let candidates: Vec<i64> = info.candidates.iter().map(|c| c.finding_id).collect();
    let opened = info.opens;
    let context = PriorityContext {
        candidates: &candidates,
        vote_opened: chrono::NaiveDate::from_ymd_opt(opened.year, opened.month, opened.day)
            .unwrap_or_default(),
        today: crate::api::edge::today(&db, scope.council_id).await?,
    };
    let Some(draft) = crate::api::forms::checked(
        "priority-new",
        &values,
        &back,
        PriorityDraft::check(&form, &context),
    )?
    else {
        return Ok(());
    };
    match crate::store::priorities::add(&db, scope, &draft).await {
        Ok(_) => crate::api::forms::done("saved-priority-adopted", &back),
        Err(error) => server::refused(error, "priority-new", &values, &back),
    }
}

/// A coordinator moves a priority one place (`up`, `down`) or removes it (`remove`).
#[server(endpoint = "priority_action")]
pub async fn priority_action(
    slug: String,
    vote: String,
    priority: String,
    action: String,
) -> Result<(), AppError> {
    use crate::store::priorities;
    let (db, scope, _, back) = server::coordinator(&slug, &vote).await?;
    let id = crate::api::edge::id(&priority)?;
    let (done, notice) = match action.as_str() {
        "up" | "down" => (
            priorities::shift(&db, scope, id, action == "up").await,
            "saved-priority-moved",
        ),
        "remove" => (
            priorities::remove(&db, scope, id).await,
            "saved-priority-removed",
        ),
        _ => return Err(AppError::NotFound.with_status()),
    };
    match done {
        Ok(()) => crate::api::forms::done(notice, &back),
        Err(error) => server::refused(error, &format!("priority-{id}"), &[], &back),
    }
}

#[cfg(feature = "ssr")]
mod server {
    use crate::api::AppError;
    use crate::domain::vote::VoteInfo;
    use crate::store::priorities::{PriorityError, PriorityScope};
    use sea_orm::DatabaseConnection;

    /// A coordinator's call on an ended vote of their council: the database, who changes
    /// what, the vote, and the page to go back to. A vote still running has no priorities
    /// yet: refused as a page that does not exist.
    pub async fn coordinator(
        slug: &str,
        vote: &str,
    ) -> Result<(DatabaseConnection, PriorityScope, VoteInfo, String), AppError> {
        use crate::domain::Permission;
        let db = crate::api::request::db()?;
        let call = crate::api::edge::require(&db, slug, Permission::RecordDecisions).await?;
        let info = super::super::server::vote(&db, call.council.id, vote, false).await?;
        if !info.ended {
            return Err(AppError::Invalid("error-priority-vote-running".into()).with_status());
        }
        let scope = PriorityScope {
            council_id: call.council.id,
            vote_id: info.id,
            by: Some(call.account_id),
        };
        let back = format!("/{slug}/votes/{}/suites", info.id);
        Ok((db, scope, info, back))
    }

    pub fn refused(
        error: PriorityError,
        form: &str,
        values: &[(&str, &str)],
        back: &str,
    ) -> Result<(), AppError> {
        match error {
            PriorityError::NotFound => Err(AppError::NotFound.with_status()),
            PriorityError::Refused(message) => crate::api::forms::refuse(
                crate::api::forms::FormEcho::new(form, None, message, values),
                back,
            ),
            PriorityError::Db(error) => Err(error.into()),
        }
    }
}
