//! A live room's state in the database: commands applied in one transaction each, which
//! takes the room's next sequence number and stores the event's frames with it (persisted
//! before anyone is told), snapshots, and the events a reconnecting client missed.

use super::protocol::{
    AgendaEntry, ClientMessage, QuestionView, RoomEvent, RoomState, ServerMessage,
};
use crate::domain::{
    LiveState, Moderation, ParticipantId, QuestionFields, QuestionStatus, audit_detail, check_edit,
    check_reason, moderate,
};
use crate::store::entities::{agenda_item, assembly, college, question, question_vote, room_event};
use crate::store::staff::record_audit;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbErr,
    EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};

/// Who sends a command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    /// Anonymous: known only by a hash of their participant cookie and the assembly.
    Participant { voter: String },
    /// A facilitator or coordinator of the assembly's council (checked by the caller).
    Staff { account_id: i64 },
}

/// The upvote key of a participant in one assembly: the same person in two assemblies
/// gives two unrelated keys.
pub fn voter_key(participant: &ParticipantId, assembly_id: i64) -> String {
    crate::store::staff::hash_token(&format!("{}:{assembly_id}", participant.as_str()))
}

/// What is stored of one support: a hash of the voter key and the question, so that the
/// rows of one person's supports share no value (a support tied to someone by other means
/// gives away none of their others).
pub fn support_mark(voter: &str, question_id: i64) -> String {
    crate::store::staff::hash_token(&format!("{voter}:{question_id}"))
}

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

#[derive(Debug, thiserror::Error)]
pub enum Refusal {
    #[error("no such assembly, question or agenda item")]
    NotFound,
    #[error("staff only")]
    Forbidden,
    /// A Fluent id saying why.
    #[error("refused: {0}")]
    Invalid(&'static str),
    #[error(transparent)]
    Db(#[from] DbErr),
}

impl Refusal {
    /// The stable code an outside client can match, and the Fluent id of the message.
    pub fn code_and_message(&self) -> (&'static str, &'static str) {
        match self {
            Refusal::NotFound => ("not-found", "error-not-found"),
            Refusal::Forbidden => ("forbidden", "error-live-staff-only"),
            Refusal::Invalid(id) => ("invalid", id),
            Refusal::Db(_) => ("internal", "error-internal"),
        }
    }
}

fn view(q: &question::Model) -> QuestionView {
    QuestionView {
        id: q.id,
        body: q.body.clone(),
        first_name: q.first_name.clone(),
        college: q.college.clone(),
        status: QuestionStatus::parse(&q.status).unwrap_or(QuestionStatus::Pending),
        votes: i64::from(q.votes),
        answered: q.answered,
        pinned: q.pinned,
        agenda_item: q.agenda_item_id,
    }
}

async fn pending_count(db: &impl ConnectionTrait, assembly_id: i64) -> Result<u32, DbErr> {
    let count = question::Entity::find()
        .filter(question::Column::AssemblyId.eq(assembly_id))
        .filter(question::Column::Status.eq(QuestionStatus::Pending.key()))
        .count(db)
        .await?;
    Ok(u32::try_from(count).unwrap_or(u32::MAX))
}

async fn question_in(
    db: &impl ConnectionTrait,
    assembly_id: i64,
    id: i64,
) -> Result<question::Model, Refusal> {
    question::Entity::find_by_id(id)
        .filter(question::Column::AssemblyId.eq(assembly_id))
        .one(db)
        .await?
        .ok_or(Refusal::NotFound)
}

/// What an applied command gives: the stored event (to broadcast), the question it
/// concerned, and whether that question now waits for moderation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub event: StoredEvent,
    pub question: Option<i64>,
    pub waiting: bool,
}

/// Applies a command: checks it, stores its effect and its event in one transaction.
/// Nothing is stored when it is refused.
pub async fn apply(
    db: &DatabaseConnection,
    assembly_id: i64,
    actor: &Actor,
    command: &ClientMessage,
) -> Result<Applied, Refusal> {
    if command.is_staff_command() && !matches!(actor, Actor::Staff { .. }) {
        return Err(Refusal::Forbidden);
    }
    let txn = crate::store::begin_write(db).await?;
    // Taking the next number first locks the room's row (PostgreSQL) until commit: two
    // commands on one room are applied one after the other, on every instance.
    let bumped = assembly::Entity::update_many()
        .col_expr(
            assembly::Column::LastSeq,
            Expr::col(assembly::Column::LastSeq).add(1),
        )
        .filter(assembly::Column::Id.eq(assembly_id))
        .exec(&txn)
        .await?;
    if bumped.rows_affected != 1 {
        return Err(Refusal::NotFound);
    }
    let room = assembly::Entity::find_by_id(assembly_id)
        .one(&txn)
        .await?
        .ok_or(Refusal::NotFound)?;
    if room.published_at.is_none() {
        return Err(Refusal::NotFound);
    }
    if LiveState::parse(&room.live_state) != Some(LiveState::Open) {
        return Err(Refusal::Invalid("error-live-not-open"));
    }
    let (event, staff_event, question_id, audit) = effect(&txn, &room, actor, command).await?;
    let stored = store_event(
        &txn,
        assembly_id,
        room.last_seq,
        &event,
        staff_event.as_ref(),
    )
    .await?;
    if let (Some(action), Actor::Staff { account_id }) = (audit, actor) {
        let mut facts = vec![("assembly", assembly_id.to_string())];
        if let Some(id) = question_id {
            facts.push(("question", id.to_string()));
        }
        let facts: Vec<(&str, &str)> = facts.iter().map(|(k, v)| (*k, v.as_str())).collect();
        record_audit(
            &txn,
            Some(room.council_id),
            Some(*account_id),
            action,
            &audit_detail(&facts),
        )
        .await?;
    }
    txn.commit().await?;
    Ok(Applied {
        waiting: matches!(staff_event, Some(RoomEvent::QuestionAsked { .. })),
        event: stored,
        question: question_id,
    })
}

/// Takes the room's next sequence number (locking its row until the transaction ends) and
/// returns it; for changes made outside `apply` (the live part opened or closed).
pub async fn next_seq(txn: &DatabaseTransaction, assembly_id: i64) -> Result<i64, DbErr> {
    assembly::Entity::update_many()
        .col_expr(
            assembly::Column::LastSeq,
            Expr::col(assembly::Column::LastSeq).add(1),
        )
        .filter(assembly::Column::Id.eq(assembly_id))
        .exec(txn)
        .await?;
    Ok(assembly::Entity::find_by_id(assembly_id)
        .one(txn)
        .await?
        .map_or(0, |room| room.last_seq))
}

/// Stores event `seq` of a room, serialised once for participants and once for staff when
/// their version differs; the caller commits, then publishes what this returns.
pub async fn store_event(
    txn: &DatabaseTransaction,
    assembly_id: i64,
    seq: i64,
    event: &RoomEvent,
    staff_event: Option<&RoomEvent>,
) -> Result<StoredEvent, DbErr> {
    let frame = |event: &RoomEvent| {
        serde_json::to_string(&ServerMessage::Event {
            seq,
            event: event.clone(),
        })
        .map_err(|error| DbErr::Custom(error.to_string()))
    };
    let stored = StoredEvent {
        assembly: assembly_id,
        seq,
        public: frame(event)?,
        staff: staff_event.map(frame).transpose()?,
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

/// The PostgreSQL notification channel on which instances announce stored room events, as
/// `assembly:seq`.
pub const ROOM_CHANNEL: &str = "agora_room";

/// Hands stored events to the live rooms of this process (the server's hub). Server
/// functions that change a room — form posts without JavaScript — find it in their context.
pub trait Publisher: Send + Sync {
    fn publish(
        &self,
        event: StoredEvent,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send + '_>>;
}

/// The event for participants, the one for staff when it differs, the question concerned,
/// and the audit action of a staff command.
type Effect = (
    RoomEvent,
    Option<RoomEvent>,
    Option<i64>,
    Option<&'static str>,
);

async fn effect(
    txn: &sea_orm::DatabaseTransaction,
    room: &assembly::Model,
    actor: &Actor,
    command: &ClientMessage,
) -> Result<Effect, Refusal> {
    let assembly_id = room.id;
    match command {
        ClientMessage::Hello { .. } => Err(Refusal::Invalid("error-live-message")),
        ClientMessage::Ask {
            body,
            first_name,
            college,
            ..
        } => {
            if !room.questions_open {
                return Err(Refusal::Invalid("error-questions-closed"));
            }
            let keys: Vec<String> = college::Entity::find()
                .filter(college::Column::CouncilId.eq(room.council_id))
                .all(txn)
                .await?
                .into_iter()
                .map(|c| c.key)
                .collect();
            let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
            let fields =
                QuestionFields::check(body, first_name.as_deref(), college.as_deref(), &keys)
                    .map_err(Refusal::Invalid)?;
            let status = if room.premoderation {
                QuestionStatus::Pending
            } else {
                QuestionStatus::Approved
            };
            let asked = question::ActiveModel {
                assembly_id: Set(assembly_id),
                agenda_item_id: Set(room.current_item_id),
                body: Set(fields.body),
                first_name: Set(fields.first_name),
                college: Set(fields.college),
                status: Set(status.key().to_owned()),
                reject_reason: Set(None),
                answered: Set(false),
                pinned: Set(false),
                votes: Set(0),
                asked_at: Set(chrono::Utc::now()),
                ..Default::default()
            }
            .insert(txn)
            .await?;
            let pending = pending_count(txn, assembly_id).await?;
            let question = view(&asked);
            Ok(if status == QuestionStatus::Pending {
                (
                    RoomEvent::QueueChanged { pending },
                    Some(RoomEvent::QuestionAsked { question }),
                    Some(asked.id),
                    None,
                )
            } else {
                (
                    RoomEvent::QuestionApproved { question, pending },
                    None,
                    Some(asked.id),
                    None,
                )
            })
        }
        ClientMessage::Upvote { question: id, .. } => {
            let Actor::Participant { voter } = actor else {
                return Err(Refusal::Invalid("error-vote-participants"));
            };
            let q = question_in(txn, assembly_id, *id).await?;
            if q.status != QuestionStatus::Approved.key() {
                return Err(Refusal::NotFound);
            }
            let mark = support_mark(voter, q.id);
            let already = question_vote::Entity::find()
                .filter(question_vote::Column::QuestionId.eq(q.id))
                .filter(question_vote::Column::Voter.eq(mark.as_str()))
                .count(txn)
                .await?;
            if already > 0 {
                return Err(Refusal::Invalid("error-already-voted"));
            }
            question_vote::ActiveModel {
                question_id: Set(q.id),
                voter: Set(mark),
            }
            .insert(txn)
            .await?;
            let votes = q.votes + 1;
            question::Entity::update_many()
                .col_expr(question::Column::Votes, Expr::value(votes))
                .filter(question::Column::Id.eq(q.id))
                .exec(txn)
                .await?;
            Ok((
                RoomEvent::QuestionVoted {
                    question: q.id,
                    votes: i64::from(votes),
                },
                None,
                Some(q.id),
                None,
            ))
        }
        ClientMessage::Approve {
            question: id, body, ..
        } => {
            let q = question_in(txn, assembly_id, *id).await?;
            let status = QuestionStatus::parse(&q.status).unwrap_or(QuestionStatus::Pending);
            moderate(status, Moderation::Approve).map_err(Refusal::Invalid)?;
            let edited = body
                .as_deref()
                .map(check_edit)
                .transpose()
                .map_err(Refusal::Invalid)?;
            let mut row: question::ActiveModel = q.into();
            row.status = Set(QuestionStatus::Approved.key().to_owned());
            row.reject_reason = Set(None);
            if let Some(text) = edited {
                row.body = Set(text);
            }
            let approved = row.update(txn).await?;
            let pending = pending_count(txn, assembly_id).await?;
            Ok((
                RoomEvent::QuestionApproved {
                    question: view(&approved),
                    pending,
                },
                None,
                Some(approved.id),
                Some("question-approved"),
            ))
        }
        ClientMessage::Reject {
            question: id,
            reason,
            ..
        } => {
            let q = question_in(txn, assembly_id, *id).await?;
            let status = QuestionStatus::parse(&q.status).unwrap_or(QuestionStatus::Pending);
            moderate(status, Moderation::Reject).map_err(Refusal::Invalid)?;
            let reason = check_reason(reason.as_deref().unwrap_or("")).map_err(Refusal::Invalid)?;
            let mut row: question::ActiveModel = q.into();
            row.status = Set(QuestionStatus::Rejected.key().to_owned());
            row.reject_reason = Set(reason.clone());
            row.pinned = Set(false);
            let rejected = row.update(txn).await?;
            if room.highlighted_question_id == Some(rejected.id) {
                assembly::Entity::update_many()
                    .col_expr(
                        assembly::Column::HighlightedQuestionId,
                        Expr::value(Option::<i64>::None),
                    )
                    .filter(assembly::Column::Id.eq(assembly_id))
                    .exec(txn)
                    .await?;
            }
            let pending = pending_count(txn, assembly_id).await?;
            Ok((
                RoomEvent::QuestionRejected {
                    question: rejected.id,
                    reason: None,
                    pending,
                },
                Some(RoomEvent::QuestionRejected {
                    question: rejected.id,
                    reason,
                    pending,
                }),
                Some(rejected.id),
                Some("question-rejected"),
            ))
        }
        ClientMessage::Answered {
            question: id,
            answered,
            ..
        } => {
            let q = question_in(txn, assembly_id, *id).await?;
            let status = QuestionStatus::parse(&q.status).unwrap_or(QuestionStatus::Pending);
            moderate(status, Moderation::MarkAnswered(*answered)).map_err(Refusal::Invalid)?;
            question::Entity::update_many()
                .col_expr(question::Column::Answered, Expr::value(*answered))
                .filter(question::Column::Id.eq(q.id))
                .exec(txn)
                .await?;
            Ok((
                RoomEvent::QuestionAnswered {
                    question: q.id,
                    answered: *answered,
                },
                None,
                Some(q.id),
                Some("question-answered"),
            ))
        }
        ClientMessage::Pin {
            question: id,
            pinned,
            ..
        } => {
            let q = question_in(txn, assembly_id, *id).await?;
            let status = QuestionStatus::parse(&q.status).unwrap_or(QuestionStatus::Pending);
            moderate(status, Moderation::Pin(*pinned)).map_err(Refusal::Invalid)?;
            question::Entity::update_many()
                .col_expr(question::Column::Pinned, Expr::value(*pinned))
                .filter(question::Column::Id.eq(q.id))
                .exec(txn)
                .await?;
            Ok((
                RoomEvent::QuestionPinned {
                    question: q.id,
                    pinned: *pinned,
                },
                None,
                Some(q.id),
                Some("question-pinned"),
            ))
        }
        ClientMessage::Highlight { question: id, .. } => {
            let shown = match id {
                Some(id) => {
                    let q = question_in(txn, assembly_id, *id).await?;
                    let status =
                        QuestionStatus::parse(&q.status).unwrap_or(QuestionStatus::Pending);
                    moderate(status, Moderation::Highlight).map_err(Refusal::Invalid)?;
                    Some(view(&q))
                }
                None => None,
            };
            assembly::Entity::update_many()
                .col_expr(assembly::Column::HighlightedQuestionId, Expr::value(*id))
                .filter(assembly::Column::Id.eq(assembly_id))
                .exec(txn)
                .await?;
            Ok((
                RoomEvent::Highlighted { question: shown },
                None,
                *id,
                Some("question-highlighted"),
            ))
        }
        ClientMessage::Agenda { item, .. } => {
            agenda_item::Entity::find_by_id(*item)
                .filter(agenda_item::Column::AssemblyId.eq(assembly_id))
                .one(txn)
                .await?
                .ok_or(Refusal::NotFound)?;
            assembly::Entity::update_many()
                .col_expr(assembly::Column::CurrentItemId, Expr::value(*item))
                .filter(assembly::Column::Id.eq(assembly_id))
                .exec(txn)
                .await?;
            Ok((
                RoomEvent::AgendaMoved { item: *item },
                None,
                None,
                Some("agenda-moved"),
            ))
        }
        ClientMessage::Premoderation { on, .. } => {
            assembly::Entity::update_many()
                .col_expr(assembly::Column::Premoderation, Expr::value(*on))
                .filter(assembly::Column::Id.eq(assembly_id))
                .exec(txn)
                .await?;
            Ok((
                RoomEvent::PremoderationChanged { on: *on },
                None,
                None,
                Some("premoderation-changed"),
            ))
        }
        ClientMessage::Questions { open, .. } => {
            assembly::Entity::update_many()
                .col_expr(assembly::Column::QuestionsOpen, Expr::value(*open))
                .filter(assembly::Column::Id.eq(assembly_id))
                .exec(txn)
                .await?;
            Ok((
                RoomEvent::QuestionsOpened { open: *open },
                None,
                None,
                Some(if *open {
                    "questions-opened"
                } else {
                    "questions-closed"
                }),
            ))
        }
    }
}

/// The whole room as of its last event; pending questions' text only for staff. `None`
/// for an unknown or unpublished assembly.
pub async fn snapshot(
    db: &DatabaseConnection,
    assembly_id: i64,
    staff: bool,
) -> Result<Option<(i64, RoomState)>, DbErr> {
    let txn = crate::store::begin_write(db).await?;
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
        .await?
        .into_iter()
        .map(|item| AgendaEntry {
            id: item.id,
            title: item.title,
        })
        .collect();
    let questions = question::Entity::find()
        .filter(question::Column::AssemblyId.eq(assembly_id))
        .filter(question::Column::Status.is_in([
            QuestionStatus::Approved.key(),
            QuestionStatus::Pending.key(),
        ]))
        .order_by_asc(question::Column::Id)
        .all(&txn)
        .await?;
    let (pending, approved): (Vec<_>, Vec<_>) = questions
        .iter()
        .map(view)
        .partition(|q| q.status == QuestionStatus::Pending);
    txn.commit().await?;
    let state = RoomState {
        assembly: room.id,
        title: room.title,
        live: LiveState::parse(&room.live_state).unwrap_or(LiveState::Before),
        current_item: room.current_item_id,
        agenda,
        questions: approved,
        pending_count: u32::try_from(pending.len()).unwrap_or(u32::MAX),
        pending: if staff { pending } else { Vec::new() },
        highlighted: room.highlighted_question_id,
        premoderation: room.premoderation,
        questions_open: room.questions_open,
    };
    Ok(Some((room.last_seq, state)))
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
    Ok(assembly::Entity::find_by_id(assembly_id)
        .one(db)
        .await?
        .filter(|room| room.published_at.is_some())
        .map(|room| room.council_id))
}
