//! A live room in the database: its sequence numbers, its stored events (frames serialised
//! once, persisted before anyone is told), what a reconnecting client missed, and the rows a
//! snapshot is made of. What a command means is decided above (`services::room`); this module
//! only keeps and reads, and knows nothing of the wire format.

pub mod attendance;
pub mod conduct;
pub mod floor;
pub mod polls;

use crate::store::entities::{agenda_item, assembly, question, question_vote, room_event, vote};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbErr,
    EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};

/// An event as stored and broadcast: its frames serialised once, for participants and
/// (when it differs) for staff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredEvent {
    pub assembly: i64,
    pub seq: i64,
    pub public: String,
    pub staff: Option<String>,
}

impl StoredEvent {
    pub fn frame(&self, staff: bool) -> &str {
        if staff {
            self.staff.as_deref().unwrap_or(&self.public)
        } else {
            &self.public
        }
    }
}

/// The PostgreSQL notification channel on which instances announce stored room events, as
/// `assembly:seq`.
pub const ROOM_CHANNEL: &str = "agora_room";

/// The upvote key of a participant in one assembly: the same person in two assemblies
/// gives two unrelated keys.
pub fn voter_key(participant: &crate::domain::ParticipantId, assembly_id: i64) -> String {
    crate::store::staff::hash_token(&format!("{}:{assembly_id}", participant.as_str()))
}

/// What is stored of one support: a hash of the voter key and the question, so that the
/// rows of one person's supports share no value (a support tied to someone by other means
/// gives away none of their others).
pub fn support_mark(voter: &str, question_id: i64) -> String {
    crate::store::staff::hash_token(&format!("{voter}:{question_id}"))
}

/// Takes the room's next sequence number, locking its row (PostgreSQL) until the
/// transaction ends: two commands on one room are applied one after the other, on every
/// instance. Returns the room as it now stands, `None` for an unknown assembly.
pub async fn take_seq(
    txn: &DatabaseTransaction,
    assembly_id: i64,
) -> Result<Option<assembly::Model>, DbErr> {
    let bumped = assembly::Entity::update_many()
        .col_expr(
            assembly::Column::LastSeq,
            Expr::col(assembly::Column::LastSeq).add(1),
        )
        .filter(assembly::Column::Id.eq(assembly_id))
        .exec(txn)
        .await?;
    if bumped.rows_affected != 1 {
        return Ok(None);
    }
    assembly::Entity::find_by_id(assembly_id).one(txn).await
}

/// Takes the room's next sequence number and returns it (0 for an unknown assembly).
pub async fn next_seq(txn: &DatabaseTransaction, assembly_id: i64) -> Result<i64, DbErr> {
    Ok(take_seq(txn, assembly_id)
        .await?
        .map_or(0, |room| room.last_seq))
}

/// Stores event `seq` of a room as its frames (the one for staff only when it differs); the
/// caller commits, then publishes what this returns.
pub async fn store_event(
    txn: &DatabaseTransaction,
    assembly_id: i64,
    seq: i64,
    public: String,
    staff: Option<String>,
) -> Result<StoredEvent, DbErr> {
    let stored = StoredEvent {
        assembly: assembly_id,
        seq,
        public,
        staff,
    };
    room_event::ActiveModel {
        assembly_id: Set(assembly_id),
        seq: Set(seq),
        public_frame: Set(stored.public.clone()),
        staff_frame: Set(stored.staff.clone()),
        at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    // Other instances on the same PostgreSQL hear of it when (and only if) this commits:
    // ids only, they read the frames from the database.
    if txn.get_database_backend() == sea_orm::DbBackend::Postgres {
        txn.execute_raw(sea_orm::Statement::from_sql_and_values(
            sea_orm::DbBackend::Postgres,
            "SELECT pg_notify($1, $2)",
            [ROOM_CHANNEL.into(), format!("{assembly_id}:{seq}").into()],
        ))
        .await?;
    }
    Ok(stored)
}

/// The stored events of a room after `since`, in order, at most `limit` (which must stay
/// below `i64::MAX`: PostgreSQL takes signed limits); `None` when some are missing or there
/// are more than `limit` (the client then needs a snapshot).
pub async fn events_since(
    db: &DatabaseConnection,
    assembly_id: i64,
    since: i64,
    limit: u64,
) -> Result<Option<Vec<StoredEvent>>, DbErr> {
    let rows = room_event::Entity::find()
        .filter(room_event::Column::AssemblyId.eq(assembly_id))
        .filter(room_event::Column::Seq.gt(since))
        .order_by_asc(room_event::Column::Seq)
        .limit(limit + 1)
        .all(db)
        .await?;
    if rows.len() as u64 > limit {
        return Ok(None);
    }
    let contiguous = rows
        .iter()
        .zip(since + 1..)
        .all(|(row, expected)| row.seq == expected);
    Ok(contiguous.then(|| {
        rows.into_iter()
            .map(|row| StoredEvent {
                assembly: assembly_id,
                seq: row.seq,
                public: row.public_frame,
                staff: row.staff_frame,
            })
            .collect()
    }))
}

/// The rows a snapshot of a published room is made of, read in one transaction: the room
/// (its `last_seq` is the snapshot's number), its agenda in order, and its approved and
/// pending questions in the order they were asked, and its published votes.
pub struct RoomRows {
    pub room: assembly::Model,
    pub agenda: Vec<agenda_item::Model>,
    pub questions: Vec<question::Model>,
    pub votes: Vec<vote::Model>,
    /// The assembly's polls with how many answers each has counted.
    pub polls: Vec<(crate::domain::poll::PollInfo, u64)>,
}

/// The assembly's published votes (never a draft), in the order they were created.
pub async fn votes_of_room(
    db: &impl ConnectionTrait,
    assembly_id: i64,
) -> Result<Vec<vote::Model>, DbErr> {
    vote::Entity::find()
        .filter(vote::Column::AssemblyId.eq(assembly_id))
        .filter(vote::Column::State.ne(crate::domain::vote::VoteState::Draft.key()))
        .order_by_asc(vote::Column::Id)
        .all(db)
        .await
}

/// The rows of a published room as of its last event; `None` for an unknown or unpublished
/// assembly.
pub async fn room_rows(
    db: &DatabaseConnection,
    assembly_id: i64,
) -> Result<Option<RoomRows>, DbErr> {
    // One snapshot: no command lands between the room's number and its questions. Read
    // only: a crowd joining takes no write lock from the commands.
    let txn = crate::store::begin_read(db).await?;
    let Some(room) = assembly::Entity::find_by_id(assembly_id).one(&txn).await? else {
        return Ok(None);
    };
    if room.published_at.is_none() {
        return Ok(None);
    }
    let agenda = agenda_item::Entity::find()
        .filter(agenda_item::Column::AssemblyId.eq(assembly_id))
        .order_by_asc(agenda_item::Column::Position)
        .all(&txn)
        .await?;
    let questions = question::Entity::find()
        .filter(question::Column::AssemblyId.eq(assembly_id))
        .filter(question::Column::Status.is_in([
            crate::domain::QuestionStatus::Approved.key(),
            crate::domain::QuestionStatus::Pending.key(),
        ]))
        .order_by_asc(question::Column::Id)
        .all(&txn)
        .await?;
    let votes = votes_of_room(&txn, assembly_id).await?;
    let mut polls = Vec::new();
    for poll in polls::polls_of_assembly(&txn, assembly_id).await? {
        let counted = polls::counted_answers(&txn, poll.id).await?;
        polls.push((poll, counted));
    }
    txn.commit().await?;
    Ok(Some(RoomRows {
        room,
        agenda,
        questions,
        votes,
        polls,
    }))
}

/// The questions of an assembly a participant (by voter key) supports: each question's
/// mark for this voter, looked up.
pub async fn supported_by(
    db: &DatabaseConnection,
    assembly_id: i64,
    voter: &str,
) -> Result<Vec<i64>, DbErr> {
    let questions: Vec<i64> = question::Entity::find()
        .select_only()
        .column(question::Column::Id)
        .filter(question::Column::AssemblyId.eq(assembly_id))
        .into_tuple()
        .all(db)
        .await?;
    let mut supported = Vec::new();
    for chunk in questions.chunks(500) {
        let marks: Vec<String> = chunk.iter().map(|&q| support_mark(voter, q)).collect();
        supported.extend(
            question_vote::Entity::find()
                .filter(question_vote::Column::QuestionId.is_in(chunk.to_vec()))
                .filter(question_vote::Column::Voter.is_in(marks))
                .all(db)
                .await?
                .into_iter()
                .map(|vote| vote.question_id),
        );
    }
    supported.sort_unstable();
    Ok(supported)
}

/// The room's last sequence number (0 before its first event).
pub async fn last_seq(db: &DatabaseConnection, assembly_id: i64) -> Result<i64, DbErr> {
    Ok(assembly::Entity::find_by_id(assembly_id)
        .one(db)
        .await?
        .map_or(0, |room| room.last_seq))
}

/// The council of a published assembly, for the staff check of a connection.
pub async fn council_of(db: &DatabaseConnection, assembly_id: i64) -> Result<Option<i64>, DbErr> {
    Ok(audience_of(db, assembly_id)
        .await?
        .map(|audience| audience.council_id))
}

/// Whose a published room is and who may enter it: its council, and the body whose meeting
/// it is, for its members only or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Audience {
    pub council_id: i64,
    pub body: Option<i64>,
    pub members_only: bool,
}

/// The audience of a published room of a council still hosted; `None` otherwise.
pub async fn audience_of(
    db: &DatabaseConnection,
    assembly_id: i64,
) -> Result<Option<Audience>, DbErr> {
    let Some(room) = assembly::Entity::find_by_id(assembly_id)
        .one(db)
        .await?
        .filter(|room| room.published_at.is_some())
    else {
        return Ok(None);
    };
    // An archived council's rooms are closed to everyone, as its pages are.
    let hosted = super::entities::council::Entity::find_by_id(room.council_id)
        .one(db)
        .await?
        .is_some_and(|council| council.archived_at.is_none());
    Ok(hosted.then_some(Audience {
        council_id: room.council_id,
        body: room.body_id,
        members_only: room.members_only,
    }))
}

/// The live state of a published assembly (`None`: unknown or unpublished), read without
/// any lock: commands check it before they take the write lock.
pub async fn live_state(
    db: &DatabaseConnection,
    assembly_id: i64,
) -> Result<Option<crate::domain::LiveState>, DbErr> {
    Ok(assembly::Entity::find_by_id(assembly_id)
        .one(db)
        .await?
        .filter(|room| room.published_at.is_some())
        .and_then(|room| crate::domain::LiveState::parse(&room.live_state)))
}

/// Sets one column of a room (the current agenda item, pre-moderation, questions open, the
/// highlighted question) inside a command's transaction.
pub(crate) async fn set_room_column(
    db: &impl ConnectionTrait,
    assembly_id: i64,
    column: assembly::Column,
    value: sea_orm::Value,
) -> Result<(), DbErr> {
    assembly::Entity::update_many()
        .col_expr(column, Expr::value(value))
        .filter(assembly::Column::Id.eq(assembly_id))
        .exec(db)
        .await?;
    Ok(())
}
