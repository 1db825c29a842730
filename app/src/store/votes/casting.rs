//! Casting ballots: each checked against the vote's rules, sealed and put in the box (one
//! or a batch per transaction), then mixed so the box says nothing of who voted when.

use super::*;

#[derive(Debug, thiserror::Error)]
pub enum CastError {
    #[error("the vote is not open")]
    NotOpen,
    #[error("this participant has voted already")]
    AlreadyVoted,
    /// Unknown or already used: one refusal for both, so that whoever finds a code card
    /// cannot learn whether its owner has voted.
    #[error("no such code, or used already")]
    CodeNotValid,
    #[error("this vote takes codes, not participants (or the reverse)")]
    WrongVoter,
    #[error("invalid ballot: {0}")]
    Invalid(BallotError),
    #[error("no such vote")]
    NotFound,
    /// The database takes no writes for now (see `store::refuses_writes`): nothing kept.
    #[error("the database takes no writes")]
    Unavailable,
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
pub(super) fn random_id() -> String {
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
    use sea_orm::PaginatorTrait;
    // Read first, without the write lock: nearly always there is nothing to do.
    let Some(row) = vote::Entity::find_by_id(vote_id).one(db).await? else {
        return Ok(0);
    };
    let waiting = ballot_waiting::Entity::find()
        .filter(ballot_waiting::Column::VoteId.eq(vote_id))
        .count(db)
        .await?;
    let ended = has_ended(&row, now);
    let min_group = crate::store::min_group_size(db, row.council_id).await?;
    let due = if ended {
        waiting > 0 || !row.ballots_settled
    } else {
        usize::try_from(waiting).unwrap_or(usize::MAX) >= min_group
    };
    if !due {
        return Ok(0);
    }
    let txn = crate::store::begin_write(db).await?;
    // While the vote takes ballots, a mix already at work is left to it: the ballots it did
    // not see wait, sealed, for the next one (the casting tasks of a burst would otherwise
    // queue behind each other's mixes). Once the vote has ended, the mix that settles it
    // waits its turn.
    let select = vote::Entity::find_by_id(vote_id);
    let select = if ended {
        crate::store::locked_for_mixing(select)
    } else {
        crate::store::locked_for_mixing_unless_busy(select)
    };
    let Some(row) = select.one(&txn).await? else {
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
pub(super) fn has_ended(row: &vote::Model, now: DateTime<Utc>) -> bool {
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
pub(super) fn admissible(
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
pub(super) async fn cast_one(
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
        return Ok(Err(CastError::CodeNotValid));
    }
    Ok(Ok(()))
}
