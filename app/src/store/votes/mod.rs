//! Priority votes: creating one over some findings, opening and closing it, one-time ballot
//! codes, and casting a ballot — secretly (docs/privacy.md). Casting records the voter (a
//! hash of their participant cookie and the vote, or a code marked used) and puts the
//! ballot, sealed, in the vote's waiting room, in one transaction: nothing half-written is
//! ever stored. Once at least the council's minimum group size wait, they are mixed into
//! the box together, in a transaction of their own and a random order, under new random
//! ids; when the vote ends, the whole box is mixed once more. A ballot row in the box holds
//! its id, the vote, the self-declared college and the choices: nothing orders it, and
//! nothing ties it to the transaction, the moment or the voter that cast it.

mod casting;
mod codes;
mod count;
pub use casting::*;
pub use codes::*;
pub use count::*;

use super::entities::{
    ballot, ballot_code, ballot_waiting, finding, vote, vote_candidate, vote_participation,
};
use super::seal::SealKey;
use super::staff::{hash_token, record_audit};
use crate::domain::audit_detail;
use crate::domain::tally::{
    self, Ballot, BallotError, Choice, Integrity, MAJORITY_GRADE_NAMES, MAJORITY_GRADES, Method,
    Rules, method_key, method_of,
};
use crate::domain::vote::{Candidate, VoteInfo, VoteState};
use crate::domain::{ParticipantId, Wording};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, QueryOrder, Set,
};

#[derive(Debug, thiserror::Error)]
pub enum VoteError {
    #[error("a finding of another council, or none")]
    UnknownFinding,
    #[error("an assembly of another council")]
    UnknownAssembly,
    #[error("no such vote in this council")]
    NotFound,
    /// A change the vote's state does not allow: the id of the rule `VoteState::change`
    /// refused with, which the api layer shows as its message (as `Rule` in the other
    /// features' refusals).
    #[error("refused: {0}")]
    Refused(&'static str),
    #[error(transparent)]
    Db(#[from] DbErr),
}

pub struct NewVote<'a> {
    pub council_id: i64,
    pub assembly_id: Option<i64>,
    pub title: &'a str,
    /// The colleges a voter may say they belong to, in ballot order.
    pub colleges: &'a [String],
    pub method: Method,
    pub integrity: Integrity,
    /// The findings voted on, in the order shown.
    pub findings: &'a [i64],
    pub max_points: u32,
    pub max_points_per_candidate: u32,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    /// The staff account that creates it, for the audit log.
    pub by: Option<i64>,
}

/// Creates a vote (a draft until opened).
pub async fn create_vote(db: &DatabaseConnection, new: NewVote<'_>) -> Result<i64, VoteError> {
    let txn = crate::store::begin_write(db).await?;
    let known = finding::Entity::find()
        .filter(finding::Column::CouncilId.eq(new.council_id))
        .filter(finding::Column::Id.is_in(new.findings.iter().copied()))
        .all(&txn)
        .await?;
    if new.findings.is_empty() || known.len() != new.findings.len() {
        return Err(VoteError::UnknownFinding);
    }
    if let Some(assembly_id) = new.assembly_id {
        let found = super::entities::assembly::Entity::find_by_id(assembly_id)
            .filter(super::entities::assembly::Column::CouncilId.eq(new.council_id))
            // A vote's page is public: never one of a members-only meeting.
            .filter(super::entities::assembly::Column::MembersOnly.eq(false))
            .one(&txn)
            .await?;
        if found.is_none() {
            return Err(VoteError::UnknownAssembly);
        }
    }
    let row = vote::ActiveModel {
        council_id: Set(new.council_id),
        assembly_id: Set(new.assembly_id),
        title: Set(new.title.to_owned()),
        method: Set(method_key(new.method).to_owned()),
        integrity: Set(new.integrity.key().to_owned()),
        max_points: Set(i32::try_from(new.max_points).unwrap_or(i32::MAX)),
        max_points_per_candidate: Set(
            i32::try_from(new.max_points_per_candidate).unwrap_or(i32::MAX)
        ),
        opens_at: Set(new.opens_at),
        closes_at: Set(new.closes_at),
        state: Set(VoteState::Draft.key().to_owned()),
        results_revealed: Set(false),
        created_at: Set(Utc::now()),
        colleges: Set(new.colleges.join(",")),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    for (position, finding_id) in new.findings.iter().enumerate() {
        vote_candidate::ActiveModel {
            vote_id: Set(row.id),
            position: Set(i32::try_from(position).unwrap_or(i32::MAX)),
            finding_id: Set(*finding_id),
        }
        .insert(&txn)
        .await?;
    }
    record_audit(
        &txn,
        Some(new.council_id),
        new.by,
        "vote-created",
        &audit_detail(&[("vote", &row.id.to_string())]),
    )
    .await?;
    txn.commit().await?;
    Ok(row.id)
}

async fn vote_in(
    db: &impl sea_orm::ConnectionTrait,
    council_id: i64,
    vote_id: i64,
) -> Result<vote::Model, VoteError> {
    vote::Entity::find_by_id(vote_id)
        .filter(vote::Column::CouncilId.eq(council_id))
        .one(db)
        .await?
        .ok_or(VoteError::NotFound)
}

/// Moves a vote of the council to `to` (draft → open → closed, nothing else).
pub async fn set_state(
    db: &DatabaseConnection,
    council_id: i64,
    vote_id: i64,
    to: VoteState,
    by: Option<i64>,
) -> Result<(), VoteError> {
    let txn = crate::store::begin_write(db).await?;
    let row = vote_in(&txn, council_id, vote_id).await?;
    let from = VoteState::parse(&row.state).unwrap_or(VoteState::Closed);
    from.change(to).map_err(VoteError::Refused)?;
    let mut row: vote::ActiveModel = row.into();
    row.state = Set(to.key().to_owned());
    row.update(&txn).await?;
    let action = match to {
        VoteState::Open => "vote-opened",
        VoteState::Closed => "vote-closed",
        VoteState::Draft => "vote-created",
    };
    let detail = audit_detail(&[("vote", &vote_id.to_string())]);
    record_audit(&txn, Some(council_id), by, action, &detail).await?;
    txn.commit().await?;
    Ok(())
}

/// Shows (or hides again) the results of a vote before it closes.
pub async fn set_revealed(
    db: &DatabaseConnection,
    council_id: i64,
    vote_id: i64,
    revealed: bool,
    by: Option<i64>,
) -> Result<(), VoteError> {
    let txn = crate::store::begin_write(db).await?;
    let row = vote_in(&txn, council_id, vote_id).await?;
    let mut row: vote::ActiveModel = row.into();
    row.results_revealed = Set(revealed);
    row.update(&txn).await?;
    let action = if revealed {
        "vote-results-revealed"
    } else {
        "vote-results-hidden"
    };
    let detail = audit_detail(&[("vote", &vote_id.to_string())]);
    record_audit(&txn, Some(council_id), by, action, &detail).await?;
    txn.commit().await?;
    Ok(())
}

/// The votes of a council, newest first; drafts only for staff.
pub async fn votes_of(
    db: &DatabaseConnection,
    council_id: i64,
    with_drafts: bool,
    now: DateTime<Utc>,
) -> Result<Vec<VoteInfo>, DbErr> {
    let mut query = vote::Entity::find().filter(vote::Column::CouncilId.eq(council_id));
    if !with_drafts {
        query = query.filter(vote::Column::State.ne(VoteState::Draft.key()));
    }
    let rows = query.order_by_desc(vote::Column::Id).all(db).await?;
    infos(db, council_id, rows, now).await
}

/// The published votes attached to an assembly, newest first: what its page and its live
/// page offer the room.
pub async fn votes_of_assembly(
    db: &DatabaseConnection,
    council_id: i64,
    assembly_id: i64,
    now: DateTime<Utc>,
) -> Result<Vec<VoteInfo>, DbErr> {
    let rows = vote::Entity::find()
        .filter(vote::Column::CouncilId.eq(council_id))
        .filter(vote::Column::AssemblyId.eq(assembly_id))
        .filter(vote::Column::State.ne(VoteState::Draft.key()))
        .order_by_desc(vote::Column::Id)
        .all(db)
        .await?;
    infos(db, council_id, rows, now).await
}

/// Vote rows of one council as pages show them, in the council's time zone.
async fn infos(
    db: &DatabaseConnection,
    council_id: i64,
    rows: Vec<vote::Model>,
    now: DateTime<Utc>,
) -> Result<Vec<VoteInfo>, DbErr> {
    let zone = super::assemblies::council_zone(db, council_id).await?;
    let mut votes = Vec::with_capacity(rows.len());
    for row in rows {
        votes.push(info(db, row, zone, now).await?);
    }
    Ok(votes)
}

/// One vote of the council (a draft only for staff).
pub async fn vote_info(
    db: &DatabaseConnection,
    council_id: i64,
    vote_id: i64,
    with_drafts: bool,
    now: DateTime<Utc>,
) -> Result<Option<VoteInfo>, DbErr> {
    let row = match vote_in(db, council_id, vote_id).await {
        Ok(row) => row,
        Err(VoteError::Db(error)) => return Err(error),
        Err(_) => return Ok(None),
    };
    if row.state == VoteState::Draft.key() && !with_drafts {
        return Ok(None);
    }
    let zone = super::assemblies::council_zone(db, council_id).await?;
    info(db, row, zone, now).await.map(Some)
}

async fn info(
    db: &impl sea_orm::ConnectionTrait,
    row: vote::Model,
    zone: chrono_tz::Tz,
    now: DateTime<Utc>,
) -> Result<VoteInfo, DbErr> {
    use super::assemblies::local_moment;
    let positions = vote_candidate::Entity::find()
        .filter(vote_candidate::Column::VoteId.eq(row.id))
        .order_by_asc(vote_candidate::Column::Position)
        .all(db)
        .await?;
    let findings = finding::Entity::find()
        .filter(finding::Column::Id.is_in(positions.iter().map(|p| p.finding_id)))
        .all(db)
        .await?;
    let candidates = positions
        .iter()
        .filter_map(|p| findings.iter().find(|f| f.id == p.finding_id))
        .map(|f| Candidate {
            finding_id: f.id,
            title: Wording {
                plain: f.title.clone(),
                easy: f.title_easy.clone(),
            },
            summary: Wording {
                plain: f.summary.clone(),
                easy: f.summary_easy.clone(),
            },
        })
        .collect();
    let state = VoteState::parse(&row.state).unwrap_or(VoteState::Closed);
    let colleges = offered_colleges(&row);
    Ok(VoteInfo {
        id: row.id,
        title: row.title,
        method: method_of(&row.method).unwrap_or(Method::Approval),
        integrity: Integrity::parse(&row.integrity).unwrap_or(Integrity::Strict),
        state,
        opens: local_moment(row.opens_at, zone),
        closes: local_moment(row.closes_at, zone),
        accepting: state == VoteState::Open && row.opens_at <= now && now < row.closes_at,
        ended: state == VoteState::Closed || (state == VoteState::Open && now >= row.closes_at),
        candidates,
        colleges,
        max_points: u32::try_from(row.max_points).unwrap_or(0),
        max_points_per_candidate: u32::try_from(row.max_points_per_candidate).unwrap_or(0),
        results_revealed: row.results_revealed,
        assembly_id: row.assembly_id,
    })
}

/// What a ballot is checked against, read in two queries (the hot path of a busy vote).
#[derive(Debug, Clone)]
pub struct BallotSetup {
    pub id: i64,
    pub rules: Rules,
    pub colleges: Vec<String>,
    pub integrity: Integrity,
}

/// The ballot rules of a vote of the council that is not a draft.
pub async fn ballot_setup(
    db: &DatabaseConnection,
    council_id: i64,
    vote_id: i64,
) -> Result<Option<BallotSetup>, DbErr> {
    let row = match vote_in(db, council_id, vote_id).await {
        Ok(row) if row.state != VoteState::Draft.key() => row,
        Ok(_) | Err(VoteError::NotFound) => return Ok(None),
        Err(VoteError::Db(error)) => return Err(error),
        Err(_) => return Ok(None),
    };
    Ok(Some(BallotSetup {
        id: row.id,
        rules: rules_of(db, &row).await?,
        colleges: offered_colleges(&row),
        integrity: Integrity::parse(&row.integrity).unwrap_or(Integrity::Strict),
    }))
}

/// The colleges a vote offers, in ballot order (stored comma-separated).
fn offered_colleges(row: &vote::Model) -> Vec<String> {
    row.colleges
        .split(',')
        .filter(|c| !c.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Whether this participant has cast a ballot in this (open-integrity) vote.
pub async fn has_voted(
    db: &DatabaseConnection,
    vote_id: i64,
    participant: &ParticipantId,
) -> Result<bool, DbErr> {
    Ok(
        vote_participation::Entity::find_by_id((vote_id, participation_key(vote_id, participant)))
            .one(db)
            .await?
            .is_some(),
    )
}

fn participation_key(vote_id: i64, participant: &ParticipantId) -> String {
    hash_token(&format!("vote:{vote_id}:{}", participant.as_str()))
}

/// Who casts a ballot.
pub enum Voter<'a> {
    Participant(&'a ParticipantId),
    /// A one-time code, as typed (spaces, dashes and case do not matter).
    Code(&'a str),
}
