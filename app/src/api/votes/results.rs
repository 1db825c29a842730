//! A vote's results, on a page and as the recount file.

// A server function takes one argument per form field: a ballot has many.
#![allow(clippy::too_many_arguments)]

use super::*;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultsPage {
    pub council_slug: String,
    pub council_name: String,
    pub vote: VoteInfo,
    pub colleges: Vec<College>,
    /// `None` while the results are hidden from the caller.
    pub results: Option<VoteResults>,
    pub min_group: usize,
    pub can_export: bool,
    /// Ballots cast but not yet mixed into the box (and so not yet counted).
    pub waiting: u64,
}

#[server(endpoint = "vote_results")]
pub async fn load_vote_results(slug: String, id: String) -> Result<ResultsPage, AppError> {
    use crate::domain::Permission;
    let db = server::db()?;
    let crate::api::edge::CouncilRef {
        id: council_id,
        name: council_name,
        colleges,
        min_group,
        ..
    } = crate::api::edge::council(&db, &slug).await?;
    let staff = server::allowed(&db, council_id, Permission::ReadResults)
        .await?
        .is_some();
    let vote = server::vote(&db, council_id, &id, staff).await?;
    let results = if vote.results_public() || staff {
        Some(server::results(&db, &vote, min_group).await?)
    } else {
        None
    };
    Ok(ResultsPage {
        council_slug: slug.clone(),
        council_name,
        colleges,
        can_export: staff && vote.ended,
        waiting: crate::store::votes::waiting_count(&db, vote.id).await?,
        vote,
        results,
        min_group,
    })
}

/// The anonymous ballots of an ended vote as the public ballot file (docs/recount.md),
/// downloaded by staff: `agora recount` recomputes the published result from it. A POST
/// (a form's button, not a link): each download writes a line in the audit log, which a
/// prefetched or crawled link must not do.
#[server(endpoint = "export_vote")]
pub async fn export_vote(
    slug: String,
    id: String,
    #[server(default)] totals: String,
) -> Result<crate::domain::recount::BallotFile, AppError> {
    use crate::domain::Permission;
    let db = server::db()?;
    let crate::api::edge::StaffCall {
        council: crate::api::edge::CouncilRef { id: council_id, .. },
        account_id: caller,
        ..
    } = crate::api::edge::require(&db, &slug, Permission::ReadResults).await?;
    let vote = server::vote(&db, council_id, &id, true).await?;
    if !vote.ended {
        return Err(AppError::Invalid("error-vote-export-open".into()).with_status());
    }
    server::settle(&db, vote.id).await?;
    let file = crate::store::votes::export(&db, council_id, vote.id, Some(caller))
        .await
        .map_err(|e| AppError::internal("exporting a vote", e))?;
    // `totals=pairwise`: a ranked vote's totals per pair instead of its ballots.
    let (file, name) = match totals.as_str() {
        "pairwise" => (
            file.pairwise_totals().map_err(|_| {
                AppError::Invalid("error-vote-export-pairwise".into()).with_status()
            })?,
            format!("totaux-par-paire-vote-{}.json", vote.id),
        ),
        _ => (file, format!("bulletins-vote-{}.json", vote.id)),
    };
    crate::api::request::offer_download(&name)?;
    Ok(file)
}
