//! Priority votes: creating one over some findings, opening and closing it, one-time ballot
//! codes, and casting a ballot — secretly (docs/privacy.md). Casting records the voter (a
//! hash of their participant cookie and the vote, or a code marked used) and puts the
//! ballot, sealed, in the vote's waiting room, in one transaction: nothing half-written is
//! ever stored. Once at least the council's minimum group size wait, they are mixed into
//! the box together, in a transaction of their own and a random order, under new random
//! ids; when the vote ends, the whole box is mixed once more. A ballot row in the box holds
//! its id, the vote, the self-declared college and the choices: nothing orders it, and
//! nothing ties it to the transaction, the moment or the voter that cast it.

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
    /// A change the vote's state does not allow (a Fluent id).
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

/// `count` one-time codes of ten characters of the join-code alphabet (no look-alike
/// symbols). Drawn before any await: the thread's generator stays on its thread.
pub(crate) fn draw_codes(count: usize) -> Vec<String> {
    use rand::Rng;
    let alphabet: Vec<char> = crate::domain::JOIN_ALPHABET
        .iter()
        .map(|&b| char::from(b))
        .collect();
    let mut rng = rand::rng();
    (0..count)
        .map(|_| {
            (0..10)
                .map(|_| alphabet[rng.random_range(0..alphabet.len())])
                .collect()
        })
        .collect()
}

/// A drawn code as printed: two groups of five.
pub(crate) fn printed_code(raw: &str) -> String {
    format!("{}-{}", &raw[..5], &raw[5..])
}

/// A code as typed, back to its drawn form (spaces, dashes and case do not matter).
pub(crate) fn normalize_code(code: &str) -> String {
    code.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// Draws `count` one-time codes for a strict vote: returned once (for the printed sheet),
/// only their hashes are kept.
pub async fn issue_codes(
    db: &DatabaseConnection,
    council_id: i64,
    vote_id: i64,
    count: usize,
    by: Option<i64>,
) -> Result<Vec<String>, VoteError> {
    vote_in(db, council_id, vote_id).await?;
    let raw_codes = draw_codes(count);
    let txn = crate::store::begin_write(db).await?;
    let mut codes = Vec::with_capacity(count);
    for raw in raw_codes {
        ballot_code::ActiveModel {
            vote_id: Set(vote_id),
            code_hash: Set(hash_token(&format!("{vote_id}:{raw}"))),
            used: Set(false),
        }
        .insert(&txn)
        .await?;
        codes.push(printed_code(&raw));
    }
    let detail = audit_detail(&[
        ("vote", &vote_id.to_string()),
        ("codes", &count.to_string()),
    ]);
    record_audit(&txn, Some(council_id), by, "vote-codes-issued", &detail).await?;
    txn.commit().await?;
    Ok(codes)
}

#[derive(Debug, thiserror::Error)]
pub enum CastError {
    #[error("the vote is not open")]
    NotOpen,
    #[error("this participant has voted already")]
    AlreadyVoted,
    #[error("no such code")]
    UnknownCode,
    #[error("this code was used already")]
    UsedCode,
    #[error("this vote takes codes, not participants (or the reverse)")]
    WrongVoter,
    #[error("invalid ballot: {0}")]
    Invalid(BallotError),
    #[error("no such vote")]
    NotFound,
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// The rules a ballot of `vote` must keep.
pub async fn rules_of(
    db: &impl sea_orm::ConnectionTrait,
    vote: &vote::Model,
) -> Result<Rules, DbErr> {
    let candidates = vote_candidate::Entity::find()
        .filter(vote_candidate::Column::VoteId.eq(vote.id))
        .all(db)
        .await?
        .len();
    Ok(Rules {
        method: method_of(&vote.method).unwrap_or(Method::Approval),
        candidates,
        grades: MAJORITY_GRADES,
        max_points: u32::try_from(vote.max_points).unwrap_or(0),
        max_points_per_candidate: u32::try_from(vote.max_points_per_candidate).unwrap_or(0),
    })
}

/// Casts a ballot: checked against the vote's rules, its voter recorded apart, all in one
/// transaction, then mixed into the box if enough wait. `now` decides whether the vote is
/// open.
pub async fn cast(
    db: &DatabaseConnection,
    key: &SealKey,
    vote_id: i64,
    voter: Voter<'_>,
    college: &str,
    choice: Choice,
    now: DateTime<Utc>,
) -> Result<(), CastError> {
    let request = CastRequest {
        vote_id,
        voter: match voter {
            Voter::Participant(participant) => CastVoter::Participant(participant.clone()),
            Voter::Code(code) => CastVoter::Code(code.to_owned()),
        },
        college: college.to_owned(),
        choice,
    };
    let mut outcomes = cast_batch(db, key, vec![request], now).await?;
    let outcome = outcomes.pop().unwrap_or(Err(CastError::NotFound));
    if outcome.is_ok() {
        mix(db, key, vote_id, now).await?;
    }
    outcome
}

/// The most ballots one transaction takes.
pub const BATCH_MAX: usize = 500;

/// A ballot waiting to be cast (see `cast_batch`).
#[derive(Debug, Clone)]
pub struct CastRequest {
    pub vote_id: i64,
    pub voter: CastVoter,
    pub college: String,
    pub choice: Choice,
}

#[derive(Debug, Clone)]
pub enum CastVoter {
    Participant(ParticipantId),
    Code(String),
}

/// Casts ballots together, in one transaction: each is checked and refused on its own
/// (its outcome in the same place of the answer), and a ballot is stored (sealed, waiting
/// to be mixed) only with the record of its voter. One commit for many ballots is what lets a room of thousands vote
/// within a second on SQLite's single writer. A database failure fails them all: nothing
/// is half-written.
pub async fn cast_batch(
    db: &DatabaseConnection,
    key: &SealKey,
    requests: Vec<CastRequest>,
    now: DateTime<Utc>,
) -> Result<Vec<Result<(), CastError>>, DbErr> {
    use std::collections::HashSet;
    let txn = crate::store::begin_write(db).await?;
    let mut votes: Vec<(vote::Model, Rules)> = Vec::new();
    let mut outcomes: Vec<Result<(), CastError>> = Vec::with_capacity(requests.len());
    // Open votes: the participation keys to record, all in one statement.
    let mut waiting: Vec<(usize, i64, String)> = Vec::new();
    let mut keys_seen: HashSet<(i64, String)> = HashSet::new();
    for (index, request) in requests.iter().enumerate() {
        if !votes.iter().any(|(v, _)| v.id == request.vote_id)
            && let Some(row) = vote::Entity::find_by_id(request.vote_id).one(&txn).await?
        {
            let rules = rules_of(&txn, &row).await?;
            votes.push((row, rules));
        }
        let Some((vote, rules)) = votes.iter().find(|(v, _)| v.id == request.vote_id) else {
            outcomes.push(Err(CastError::NotFound));
            continue;
        };
        match (&request.voter, Integrity::parse(&vote.integrity)) {
            (CastVoter::Participant(participant), Some(Integrity::Open)) => {
                if let Err(refused) = admissible(vote, rules, request, now) {
                    outcomes.push(Err(refused));
                    continue;
                }
                let key = participation_key(vote.id, participant);
                if keys_seen.insert((vote.id, key.clone())) {
                    waiting.push((index, vote.id, key));
                    outcomes.push(Ok(()));
                } else {
                    outcomes.push(Err(CastError::AlreadyVoted));
                }
            }
            _ => outcomes.push(cast_one(&txn, vote, rules, request, now).await?),
        }
    }
    // The key is the guard, also against two ballots of one participant at the same
    // instant: a key already there inserts nothing and is not returned. Keys go in sorted,
    // so that two concurrent batches (PostgreSQL) wait for each other in the same order
    // and never deadlock.
    waiting.sort_by(|a, b| (a.1, &a.2).cmp(&(b.1, &b.2)));
    for chunk in waiting.chunks(BATCH_MAX) {
        let mut insert = sea_orm::sea_query::Query::insert();
        insert
            .into_table(vote_participation::Entity)
            .columns([
                vote_participation::Column::VoteId,
                vote_participation::Column::Voter,
            ])
            .on_conflict(
                OnConflict::columns([
                    vote_participation::Column::VoteId,
                    vote_participation::Column::Voter,
                ])
                .do_nothing()
                .to_owned(),
            )
            .returning_col(vote_participation::Column::Voter);
        for (_, vote_id, key) in chunk {
            insert
                .values([(*vote_id).into(), key.clone().into()])
                .map_err(|e| DbErr::Custom(e.to_string()))?;
        }
        let recorded: HashSet<String> = txn
            .query_all(&insert)
            .await?
            .into_iter()
            .map(|row| row.try_get::<String>("", "voter"))
            .collect::<Result<_, _>>()?;
        for (index, _, key) in chunk {
            if !recorded.contains(key)
                && let Some(outcome) = outcomes.get_mut(*index)
            {
                *outcome = Err(CastError::AlreadyVoted);
            }
        }
    }
    let mut accepted: Vec<ballot_waiting::ActiveModel> = Vec::new();
    for (request, outcome) in requests.into_iter().zip(&outcomes) {
        if outcome.is_ok() {
            let sealed = serde_json::to_vec(&Ballot {
                college: request.college,
                choice: request.choice,
            })
            .map_err(|e| DbErr::Custom(e.to_string()))?;
            accepted.push(ballot_waiting::ActiveModel {
                id: Set(random_id()),
                vote_id: Set(request.vote_id),
                sealed: Set(key.seal(&sealed)?),
            });
        }
    }
    for chunk in accepted.chunks(BATCH_MAX) {
        ballot_waiting::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(&txn)
            .await?;
    }
    txn.commit().await?;
    Ok(outcomes)
}

/// 128 random bits as hex: an id that says nothing of when its row was written.
fn random_id() -> String {
    format!("{:032x}", rand::random::<u128>())
}

/// Mixes vote `vote_id`'s waiting ballots into its box once at least the council's
/// minimum group size wait, in a transaction of their own: opened, shuffled, given new
/// random ids and written in that order, while their waiting rows are deleted. When the
/// vote has ended, whatever waits goes in, and the whole box is written again in one
/// shuffled transaction, once (`ballots_settled`). Returns how many ballots were mixed.
///
/// The vote's row is locked first, so that two mixers (two instances on PostgreSQL) never
/// take the same ballots.
pub async fn mix(
    db: &DatabaseConnection,
    key: &SealKey,
    vote_id: i64,
    now: DateTime<Utc>,
) -> Result<usize, DbErr> {
    use sea_orm::{PaginatorTrait, QuerySelect};
    // Read first, without the write lock: nearly always there is nothing to do.
    let Some(row) = vote::Entity::find_by_id(vote_id).one(db).await? else {
        return Ok(0);
    };
    let waiting = ballot_waiting::Entity::find()
        .filter(ballot_waiting::Column::VoteId.eq(vote_id))
        .count(db)
        .await?;
    let ended = has_ended(&row, now);
    let min_group = super::min_group_size(db, row.council_id).await?;
    let due = if ended {
        waiting > 0 || !row.ballots_settled
    } else {
        usize::try_from(waiting).unwrap_or(usize::MAX) >= min_group
    };
    if !due {
        return Ok(0);
    }
    let txn = crate::store::begin_write(db).await?;
    let Some(row) = vote::Entity::find_by_id(vote_id)
        .lock_exclusive()
        .one(&txn)
        .await?
    else {
        return Ok(0);
    };
    let waiting = ballot_waiting::Entity::find()
        .filter(ballot_waiting::Column::VoteId.eq(vote_id))
        .all(&txn)
        .await?;
    let ended = has_ended(&row, now);
    if !ended && waiting.len() < min_group || ended && waiting.is_empty() && row.ballots_settled {
        return Ok(0);
    }
    let mut ballots = Vec::with_capacity(waiting.len());
    for sealed in &waiting {
        let opened = key.open(&sealed.sealed).ok_or_else(|| {
            DbErr::Custom(format!(
                "a waiting ballot of vote {vote_id} does not open with this server's seal key"
            ))
        })?;
        let ballot: Ballot =
            serde_json::from_slice(&opened).map_err(|e| DbErr::Custom(e.to_string()))?;
        ballots.push(ballot);
    }
    let mixed = ballots.len();
    if ended {
        ballots.extend(ballots_in_box(&txn, vote_id).await?);
        ballot::Entity::delete_many()
            .filter(ballot::Column::VoteId.eq(vote_id))
            .exec(&txn)
            .await?;
    }
    shuffle(&mut ballots);
    let mut rows = Vec::with_capacity(ballots.len());
    for ballot in ballots {
        rows.push(ballot::ActiveModel {
            id: Set(random_id()),
            vote_id: Set(vote_id),
            college: Set(ballot.college),
            choice: Set(
                serde_json::to_string(&ballot.choice).map_err(|e| DbErr::Custom(e.to_string()))?
            ),
        });
    }
    for chunk in rows.chunks(BATCH_MAX) {
        ballot::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(&txn)
            .await?;
    }
    let ids: Vec<String> = waiting.into_iter().map(|w| w.id).collect();
    for chunk in ids.chunks(BATCH_MAX) {
        ballot_waiting::Entity::delete_many()
            .filter(ballot_waiting::Column::Id.is_in(chunk.to_vec()))
            .exec(&txn)
            .await?;
    }
    if ended {
        let mut settled: vote::ActiveModel = row.into();
        settled.ballots_settled = Set(true);
        settled.update(&txn).await?;
    }
    txn.commit().await?;
    if ended {
        // The log still holds the pages as the earlier mixes wrote them: their groups.
        crate::store::forget_history(db).await;
    }
    Ok(mixed)
}

/// Puts `items` in a random order (drawn before any await: the thread's generator stays on
/// its thread).
pub(crate) fn shuffle<T>(items: &mut [T]) {
    use rand::seq::SliceRandom;
    items.shuffle(&mut rand::rng());
}

/// Ended: closed by staff, or past its closing time.
fn has_ended(row: &vote::Model, now: DateTime<Utc>) -> bool {
    row.state == VoteState::Closed.key()
        || row.state == VoteState::Open.key() && now >= row.closes_at
}

/// How many ballots of a vote wait to be mixed into its box.
pub async fn waiting_count(db: &DatabaseConnection, vote_id: i64) -> Result<u64, DbErr> {
    use sea_orm::PaginatorTrait;
    ballot_waiting::Entity::find()
        .filter(ballot_waiting::Column::VoteId.eq(vote_id))
        .count(db)
        .await
}

/// Whether the vote takes this ballot now, by its rules.
fn admissible(
    vote: &vote::Model,
    rules: &Rules,
    request: &CastRequest,
    now: DateTime<Utc>,
) -> Result<(), CastError> {
    if vote.state != VoteState::Open.key() || now < vote.opens_at || now >= vote.closes_at {
        return Err(CastError::NotOpen);
    }
    let ballot = Ballot {
        college: request.college.clone(),
        choice: request.choice.clone(),
    };
    tally::check(rules, &ballot).map_err(CastError::Invalid)
}

/// Checks a ballot that is not an open vote's and marks its one-time code used;
/// `Ok(Err(_))` is a refusal (nothing written).
async fn cast_one(
    txn: &sea_orm::DatabaseTransaction,
    vote: &vote::Model,
    rules: &Rules,
    request: &CastRequest,
    now: DateTime<Utc>,
) -> Result<Result<(), CastError>, DbErr> {
    if let Err(refused) = admissible(vote, rules, request, now) {
        return Ok(Err(refused));
    }
    let vote_id = vote.id;
    let (CastVoter::Code(code), Some(Integrity::Strict)) =
        (&request.voter, Integrity::parse(&vote.integrity))
    else {
        return Ok(Err(CastError::WrongVoter));
    };
    let hash = hash_token(&format!("{vote_id}:{}", normalize_code(code)));
    let marked = ballot_code::Entity::update_many()
        .col_expr(ballot_code::Column::Used, Expr::value(true))
        .filter(ballot_code::Column::VoteId.eq(vote_id))
        .filter(ballot_code::Column::CodeHash.eq(hash.clone()))
        .filter(ballot_code::Column::Used.eq(false))
        .exec(txn)
        .await?;
    if marked.rows_affected != 1 {
        let known = ballot_code::Entity::find_by_id((vote_id, hash))
            .one(txn)
            .await?;
        return Ok(Err(if known.is_some() {
            CastError::UsedCode
        } else {
            CastError::UnknownCode
        }));
    }
    Ok(Ok(()))
}

/// The ballots in a vote's box, for counting and export: in the order of their random ids.
/// Ballots still waiting to be mixed are not among them: an open vote's provisional count
/// moves by whole batches, never ballot by ballot.
pub async fn ballots(db: &DatabaseConnection, vote_id: i64) -> Result<Vec<Ballot>, DbErr> {
    ballots_in_box(db, vote_id).await
}

async fn ballots_in_box(db: &impl ConnectionTrait, vote_id: i64) -> Result<Vec<Ballot>, DbErr> {
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
    let min_group = super::min_group_size(db, council_id).await?;
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
