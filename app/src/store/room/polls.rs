//! A plenary's quick polls in the database. An answer is as secret as a ballot: written
//! sealed, with the record of who answered, and counted only when the council's minimum
//! group size wait, in a transaction of their own (`mix`), so that the counts were never
//! written together with anyone's participation (docs/privacy.md).

use crate::domain::poll::{
    PollAnswer, PollCount, PollDraft, PollInfo, PollKind, PollState, WordReview,
};
use crate::store::entities::{poll, poll_count, poll_participation, poll_waiting};
use crate::store::seal::SealKey;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use std::collections::BTreeMap;

#[derive(Debug, thiserror::Error)]
pub enum PollError {
    #[error("no such poll in this assembly")]
    NotFound,
    /// A rule of `domain::poll` (its Fluent id).
    #[error("refused: {0}")]
    Rule(&'static str),
    #[error("answered already")]
    AnsweredAlready,
    #[error("not open")]
    NotOpen,
    #[error(transparent)]
    Db(#[from] DbErr),
}

pub(crate) fn info(row: poll::Model) -> PollInfo {
    PollInfo {
        id: row.id,
        assembly_id: row.assembly_id,
        kind: PollKind::parse(&row.kind).unwrap_or(PollKind::Choice),
        question: row.question,
        question_easy: row.question_easy,
        options: serde_json::from_str(&row.options).unwrap_or_default(),
        state: PollState::parse(&row.state).unwrap_or(PollState::Closed),
    }
}

/// Writes a new poll of the assembly, ready to be put to the room.
pub async fn create(
    db: &impl ConnectionTrait,
    assembly_id: i64,
    draft: &PollDraft,
    now: DateTime<Utc>,
) -> Result<i64, DbErr> {
    let row = poll::ActiveModel {
        assembly_id: Set(assembly_id),
        kind: Set(draft.kind.key().to_owned()),
        question: Set(draft.question.clone()),
        question_easy: Set(draft.question_easy.clone()),
        options: Set(serde_json::to_string(&draft.options).unwrap_or_else(|_| "[]".into())),
        state: Set(PollState::Ready.key().to_owned()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(row.id)
}

/// The assembly's polls, oldest first.
pub async fn polls_of_assembly(
    db: &impl ConnectionTrait,
    assembly_id: i64,
) -> Result<Vec<PollInfo>, DbErr> {
    Ok(poll::Entity::find()
        .filter(poll::Column::AssemblyId.eq(assembly_id))
        .order_by_asc(poll::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(info)
        .collect())
}

/// Poll `poll_id` if it belongs to the assembly.
pub async fn poll_in(
    db: &impl ConnectionTrait,
    assembly_id: i64,
    poll_id: i64,
) -> Result<Option<PollInfo>, DbErr> {
    Ok(poll::Entity::find_by_id(poll_id)
        .filter(poll::Column::AssemblyId.eq(assembly_id))
        .one(db)
        .await?
        .map(info))
}

/// Opens or closes a poll of the assembly (`PollState::change`); closing counts whatever
/// still waits. Returns the poll as it now stands.
pub async fn change_state(
    db: &DatabaseConnection,
    key: &SealKey,
    assembly_id: i64,
    poll_id: i64,
    to: PollState,
) -> Result<PollInfo, PollError> {
    let txn = crate::store::begin_write(db).await?;
    let row = poll::Entity::find_by_id(poll_id)
        .filter(poll::Column::AssemblyId.eq(assembly_id))
        .lock_exclusive()
        .one(&txn)
        .await?
        .ok_or(PollError::NotFound)?;
    let state = PollState::parse(&row.state).unwrap_or(PollState::Closed);
    let to = state.change(to).map_err(PollError::Rule)?;
    let mut changed: poll::ActiveModel = row.into();
    changed.state = Set(to.key().to_owned());
    let row = changed.update(&txn).await?;
    txn.commit().await?;
    if to == PollState::Closed {
        mix(db, key, poll_id).await?;
    }
    Ok(info(row))
}

/// What is stored of a participant's answer to one poll: a hash of their key in the
/// assembly and the poll, so that their answers to two polls share no value.
pub fn participation_mark(voter: &str, poll_id: i64) -> String {
    crate::store::staff::hash_token(&format!("{voter}:poll:{poll_id}"))
}

/// Stores one answer to an open poll of the assembly: the participation and the sealed
/// answer in one transaction, nothing if anything is wrong; then counts the waiting answers
/// if enough wait. Returns how many answers that counted (0: this one waits, sealed).
pub async fn answer(
    db: &DatabaseConnection,
    key: &SealKey,
    assembly_id: i64,
    poll_id: i64,
    voter: &str,
    typed: &str,
) -> Result<usize, PollError> {
    let txn = crate::store::begin_write(db).await?;
    let row = poll::Entity::find_by_id(poll_id)
        .filter(poll::Column::AssemblyId.eq(assembly_id))
        .one(&txn)
        .await?
        .ok_or(PollError::NotFound)?;
    let poll = info(row);
    if poll.state != PollState::Open {
        return Err(PollError::NotOpen);
    }
    let answer = PollAnswer::read(poll.kind, poll.options.len(), typed).map_err(PollError::Rule)?;
    let mark = participation_mark(voter, poll_id);
    let known = poll_participation::Entity::find()
        .filter(poll_participation::Column::PollId.eq(poll_id))
        .filter(poll_participation::Column::Voter.eq(mark.clone()))
        .count(&txn)
        .await?;
    if known > 0 {
        return Err(PollError::AnsweredAlready);
    }
    // The key's primary key refuses a second answer sent at the same instant: the loser's
    // transaction fails and stores nothing.
    poll_participation::ActiveModel {
        poll_id: Set(poll_id),
        voter: Set(mark),
    }
    .insert(&txn)
    .await
    .map_err(|_| PollError::AnsweredAlready)?;
    let plain = serde_json::to_vec(&answer).map_err(|e| DbErr::Custom(e.to_string()))?;
    poll_waiting::ActiveModel {
        id: Set(format!("{:032x}", rand::random::<u128>())),
        poll_id: Set(poll_id),
        sealed: Set(key.seal(&plain)?),
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(mix(db, key, poll_id).await?)
}

/// Counts poll `poll_id`'s waiting answers once at least the council's minimum group size
/// wait (or whatever waits, once the poll is closed), in a transaction of their own: opened,
/// added to the counts, their waiting rows deleted. New words wait for a moderator. Returns
/// how many answers were counted.
pub async fn mix(db: &DatabaseConnection, key: &SealKey, poll_id: i64) -> Result<usize, DbErr> {
    let Some(row) = poll::Entity::find_by_id(poll_id).one(db).await? else {
        return Ok(0);
    };
    let council_id = crate::store::room::council_of(db, row.assembly_id)
        .await?
        .unwrap_or_default();
    let min_group = crate::store::min_group_size(db, council_id).await?;
    let waiting = poll_waiting::Entity::find()
        .filter(poll_waiting::Column::PollId.eq(poll_id))
        .count(db)
        .await?;
    let waiting = usize::try_from(waiting).unwrap_or(usize::MAX);
    let closed = row.state != PollState::Open.key();
    if waiting == 0 || !closed && waiting < min_group {
        return Ok(0);
    }
    let txn = crate::store::begin_write(db).await?;
    // Locked first: two mixers never count the same answers.
    let Some(row) = crate::store::locked_for_mixing(poll::Entity::find_by_id(poll_id))
        .one(&txn)
        .await?
    else {
        return Ok(0);
    };
    let closed = row.state != PollState::Open.key();
    let waiting = poll_waiting::Entity::find()
        .filter(poll_waiting::Column::PollId.eq(poll_id))
        .all(&txn)
        .await?;
    if waiting.is_empty() || !closed && waiting.len() < min_group {
        return Ok(0);
    }
    let words = row.kind == PollKind::Words.key();
    let mut added: BTreeMap<String, i64> = BTreeMap::new();
    for sealed in &waiting {
        let opened = key.open(&sealed.sealed).ok_or_else(|| {
            DbErr::Custom(format!(
                "a waiting answer of poll {poll_id} does not open with this server's seal key"
            ))
        })?;
        let answer: PollAnswer =
            serde_json::from_slice(&opened).map_err(|e| DbErr::Custom(e.to_string()))?;
        *added.entry(answer.tally_key()).or_default() += 1;
    }
    for (answer_key, count) in added {
        let known = poll_count::Entity::find_by_id((poll_id, answer_key.clone()))
            .one(&txn)
            .await?;
        match known {
            Some(known) => {
                let total = known.count + count;
                let mut changed: poll_count::ActiveModel = known.into();
                changed.count = Set(total);
                changed.update(&txn).await?;
            }
            None => {
                poll_count::ActiveModel {
                    poll_id: Set(poll_id),
                    key: Set(answer_key),
                    count: Set(count),
                    review: Set(words.then(|| WordReview::Pending.key().to_owned())),
                }
                .insert(&txn)
                .await?;
            }
        }
    }
    let ids: Vec<String> = waiting.into_iter().map(|w| w.id).collect();
    let counted = ids.len();
    for chunk in ids.chunks(500) {
        poll_waiting::Entity::delete_many()
            .filter(poll_waiting::Column::Id.is_in(chunk.to_vec()))
            .exec(&txn)
            .await?;
    }
    txn.commit().await?;
    Ok(counted)
}

/// The poll's counted answers (those waiting, sealed, are in none).
pub async fn counts(db: &impl ConnectionTrait, poll_id: i64) -> Result<Vec<PollCount>, DbErr> {
    Ok(poll_count::Entity::find()
        .filter(poll_count::Column::PollId.eq(poll_id))
        .order_by_asc(poll_count::Column::Key)
        .all(db)
        .await?
        .into_iter()
        .map(|row| PollCount {
            key: row.key,
            count: u64::try_from(row.count).unwrap_or(0),
            review: row.review.as_deref().and_then(WordReview::parse),
        })
        .collect())
}

/// How many answers of the poll wait, sealed, to be counted.
pub async fn waiting_count(db: &impl ConnectionTrait, poll_id: i64) -> Result<u64, DbErr> {
    poll_waiting::Entity::find()
        .filter(poll_waiting::Column::PollId.eq(poll_id))
        .count(db)
        .await
}

/// A moderator approves a word of the cloud or keeps it off the screen; `false` when the
/// poll has no such counted word.
pub async fn review_word(
    db: &impl ConnectionTrait,
    poll_id: i64,
    word: &str,
    review: WordReview,
) -> Result<bool, DbErr> {
    let changed = poll_count::Entity::update_many()
        .col_expr(
            poll_count::Column::Review,
            sea_orm::sea_query::Expr::value(review.key()),
        )
        .filter(poll_count::Column::PollId.eq(poll_id))
        .filter(poll_count::Column::Key.eq(word))
        .filter(poll_count::Column::Review.is_not_null())
        .exec(db)
        .await?;
    Ok(changed.rows_affected == 1)
}

/// How many answers of the poll are counted.
pub async fn counted_answers(db: &impl ConnectionTrait, poll_id: i64) -> Result<u64, DbErr> {
    Ok(counts(db, poll_id).await?.iter().map(|c| c.count).sum())
}

/// Whether the participant whose key in the assembly is `voter` answered the poll.
pub async fn answered(db: &impl ConnectionTrait, poll_id: i64, voter: &str) -> Result<bool, DbErr> {
    Ok(poll_participation::Entity::find()
        .filter(poll_participation::Column::PollId.eq(poll_id))
        .filter(poll_participation::Column::Voter.eq(participation_mark(voter, poll_id)))
        .count(db)
        .await?
        > 0)
}
