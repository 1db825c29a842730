//! What the ballot box holds, read for counting and for the recount file.

use super::*;

/// The ballots in a vote's box, for counting and export: in the order of their random ids.
/// Ballots still waiting to be mixed are not among them: an open vote's provisional count
/// moves by whole batches, never ballot by ballot.
pub async fn ballots(db: &DatabaseConnection, vote_id: i64) -> Result<Vec<Ballot>, DbErr> {
    ballots_in_box(db, vote_id).await
}

/// How many ballots the box holds (mixed ones; `casting::waiting_count` has the others).
pub async fn ballot_count(db: &DatabaseConnection, vote_id: i64) -> Result<u64, DbErr> {
    sea_orm::PaginatorTrait::count(
        ballot::Entity::find().filter(ballot::Column::VoteId.eq(vote_id)),
        db,
    )
    .await
}

pub(super) async fn ballots_in_box(
    db: &impl ConnectionTrait,
    vote_id: i64,
) -> Result<Vec<Ballot>, DbErr> {
    ballot::Entity::find()
        .filter(ballot::Column::VoteId.eq(vote_id))
        .order_by_asc(ballot::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|row| {
            serde_json::from_str(&row.choice)
                .map(|choice| Ballot {
                    college: row.college,
                    choice,
                })
                .map_err(|e| DbErr::Custom(format!("ballot {}: {e}", row.id)))
        })
        .collect()
}

/// The anonymous ballots of a vote as the public ballot file (docs/recount.md): candidates
/// by finding title (a title met twice gets its position added), ballots in the order of
/// their random ids, colleges under the council's minimum group size merged as `*`.
pub async fn export(
    db: &DatabaseConnection,
    council_id: i64,
    vote_id: i64,
    by: Option<i64>,
) -> Result<crate::domain::recount::BallotFile, VoteError> {
    use crate::domain::recount::BallotFile;
    let vote = vote_in(db, council_id, vote_id).await?;
    if by.is_some() {
        let detail = audit_detail(&[("vote", &vote_id.to_string())]);
        record_audit(db, Some(council_id), by, "vote-exported", &detail).await?;
    }
    let rules = rules_of(db, &vote).await?;
    let positions = vote_candidate::Entity::find()
        .filter(vote_candidate::Column::VoteId.eq(vote_id))
        .order_by_asc(vote_candidate::Column::Position)
        .all(db)
        .await?;
    let mut names = Vec::with_capacity(positions.len());
    for row in &positions {
        names.push(
            finding::Entity::find_by_id(row.finding_id)
                .one(db)
                .await?
                .map(|f| f.title)
                .unwrap_or_default(),
        );
    }
    // Colleges under the minimum group size go out merged, as the results page counts
    // them: the file recounts to the published result and names no small college.
    let min_group = crate::store::min_group_size(db, council_id).await?;
    let ballots = crate::domain::vote::merge_small_colleges(
        &offered_colleges(&vote),
        &ballots(db, vote_id).await?,
        min_group,
    );
    Ok(BallotFile::from_ballots(
        &rules,
        &names,
        &MAJORITY_GRADE_NAMES,
        ballots,
    ))
}
