//! Reading councils and their diagnosis: public, no sign-in needed.

use super::AppError;
use crate::domain::{Council, CouncilSummary, Finding};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouncilHome {
    pub council: Council,
    pub findings: Vec<Finding>,
    /// The surveys open to answers: id and title.
    pub surveys: Vec<(i64, crate::domain::Wording)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FindingPage {
    pub council: Council,
    pub finding: Finding,
}

#[server(endpoint = "list_councils")]
pub async fn list_councils() -> Result<Vec<CouncilSummary>, AppError> {
    let db = server::db()?;
    Ok(crate::store::list_councils(&db).await?)
}

#[server(endpoint = "load_council_home")]
pub async fn load_council_home(slug: String) -> Result<CouncilHome, AppError> {
    let db = server::db()?;
    let slug = server::slug(&slug)?;
    let council = crate::store::council_by_slug(&db, &slug)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    let findings = crate::store::findings_of_council(&db, &slug).await?;
    let surveys = match crate::store::staff::council_by_slug_id(&db, slug.as_str()).await? {
        Some((council_id, _)) => crate::store::surveys::open_surveys(&db, council_id).await?,
        None => Vec::new(),
    };
    Ok(CouncilHome {
        council,
        findings,
        surveys,
    })
}

#[server(endpoint = "load_finding_page")]
pub async fn load_finding_page(slug: String, id: String) -> Result<FindingPage, AppError> {
    let db = server::db()?;
    let slug = server::slug(&slug)?;
    let id: i64 = id.parse().map_err(|_| AppError::NotFound.with_status())?;
    let council = crate::store::council_by_slug(&db, &slug)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    let finding = crate::store::finding_in_council(&db, &slug, id)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    Ok(FindingPage { council, finding })
}

#[cfg(feature = "ssr")]
mod server {
    use crate::api::AppError;
    use crate::domain::CouncilSlug;

    pub use crate::api::request::db;

    /// A malformed slug names no council: answered as "not found", like an unknown one.
    pub fn slug(raw: &str) -> Result<CouncilSlug, AppError> {
        CouncilSlug::parse(raw).map_err(|_| AppError::NotFound.with_status())
    }
}
