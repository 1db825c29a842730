//! Reading councils and their diagnosis: public, no sign-in needed.

use super::AppError;
use crate::domain::{Council, CouncilObjective, CouncilSummary, Finding};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouncilHome {
    pub council: Council,
    pub findings: Vec<Finding>,
    /// The council's objectives in order: its findings are grouped under them.
    pub objectives: Vec<CouncilObjective>,
    /// The surveys open to answers: id and title.
    pub surveys: Vec<(i64, crate::domain::Wording)>,
    /// Who chairs and co-hosts it, how to reach it (each may be empty).
    pub chair: String,
    pub co_host: String,
    pub contact: String,
    /// Its pictogram, beside its name in easy-read mode.
    pub picto: Option<String>,
    /// What it decided after its votes: (vote id, vote title, the priorities adopted).
    pub decided: Vec<(i64, String, Vec<crate::domain::priority::Priority>)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FindingPage {
    pub council: Council,
    pub finding: Finding,
    /// The objective it serves.
    pub objective: CouncilObjective,
    /// Published testimonies that speak to it, whose authors allow the public wall (the
    /// newest few), and how many there are in all.
    pub testimonies: Vec<crate::domain::testimony::Testimony>,
    pub testimony_count: usize,
    /// The council's colleges, to name who told them.
    pub colleges: Vec<crate::domain::College>,
    /// Results of the council's closed surveys that the finding rests on.
    pub evidence: Vec<crate::api::SupportingResult>,
    /// The council's minimum group size, to say why a result is not shown.
    pub min_group: usize,
}

/// At most this many testimonies on a finding's page; the wall holds them all.
#[cfg(feature = "ssr")]
const FINDING_TESTIMONIES: usize = 3;

#[server(endpoint = "list_councils")]
pub async fn list_councils() -> Result<Vec<CouncilSummary>, AppError> {
    let db = crate::api::request::db()?;
    Ok(crate::store::list_councils(&db).await?)
}

#[server(endpoint = "load_council_home")]
pub async fn load_council_home(slug: String) -> Result<CouncilHome, AppError> {
    let db = crate::api::request::db()?;
    let council = crate::api::edge::council(&db, &slug).await?;
    let findings = crate::store::findings_of_council(&db, &council.slug).await?;
    let surveys = crate::store::surveys::open_surveys(&db, council.id).await?;
    let profile = crate::store::council_profile(&db, council.id)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    let objectives = crate::store::diagnosis::objectives_of(&db, council.id).await?;
    let decided = crate::store::priorities::of_council(&db, council.id).await?;
    Ok(CouncilHome {
        decided,
        council: council.into(),
        findings,
        objectives,
        surveys,
        chair: profile.chair,
        co_host: profile.co_host,
        contact: profile.contact,
        picto: profile.picto,
    })
}

#[server(endpoint = "load_finding_page")]
pub async fn load_finding_page(slug: String, id: String) -> Result<FindingPage, AppError> {
    let db = crate::api::request::db()?;
    let council = crate::api::edge::council(&db, &slug).await?;
    let finding = crate::store::finding_in_council(&db, &council.slug, crate::api::edge::id(&id)?)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    let objective = crate::store::diagnosis::objectives_of(&db, council.id)
        .await?
        .into_iter()
        .find(|objective| objective.key == finding.objective)
        .ok_or_else(|| AppError::NotFound.with_status())?;
    // What the wall shows, and nothing more: approved, its author allowing the public.
    let supporting: Vec<_> = crate::store::testimonies::shown_on(
        &db,
        council.id,
        crate::domain::testimony::Surface::Wall,
    )
    .await?
    .into_iter()
    .filter(|t| t.finding_id == Some(finding.id))
    .collect();
    let testimony_count = supporting.len();
    let evidence =
        crate::api::supporting_results(&db, council.id, finding.id, council.min_group).await?;
    Ok(FindingPage {
        evidence,
        min_group: council.min_group,
        colleges: council.colleges.clone(),
        council: council.into(),
        finding,
        objective,
        testimonies: supporting.into_iter().take(FINDING_TESTIMONIES).collect(),
        testimony_count,
    })
}
