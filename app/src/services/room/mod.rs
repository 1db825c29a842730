//! Live rooms: what a command means. Each command is checked against the rules in `domain`,
//! applied by its feature's handler (floor questions, conducting the room) inside one
//! transaction that takes the room's next sequence number, and stored with its event
//! (`store::room`) before anyone hears of it; the server's hub then broadcasts it.
//!
//! A new live feature (polls, votes on the projector, testimony on screen) adds a handler
//! module and one arm in `effect`, not a branch in someone else's.

mod conduct;
mod floor;
mod polls;
mod screen;

pub use polls::poll_changed;

use crate::domain::{LiveState, QuestionStatus, audit_detail};
use crate::live::{
    AgendaEntry, ClientMessage, FloorQuestion, RoomEvent, RoomState, RoomVote, ServerMessage,
};
use crate::store::assemblies::AssemblyError;
use crate::store::entities::{assembly, question, vote};
use crate::store::room::{self as stored, StoredEvent};
use crate::store::staff::record_audit;
use sea_orm::{DatabaseConnection, DatabaseTransaction, DbErr};

/// Who sends a command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    /// Anonymous: known only by a hash of their participant cookie and the assembly.
    Participant { voter: String },
    /// A facilitator or coordinator of the assembly's council (checked by the caller).
    Staff { account_id: i64 },
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

/// Hands stored events to the live rooms of this process (the server's hub). Server
/// functions that change a room — form posts without JavaScript — find it in their context.
pub trait Publisher: Send + Sync {
    fn publish(
        &self,
        event: StoredEvent,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send + '_>>;

    /// Staff access changed (a member removed, a role changed, a session ended): every
    /// staff socket of this process checks its session again now.
    fn staff_access_changed(&self);
}

/// What an applied command gives: the stored event (to broadcast), the question it
/// concerned, and whether that question now waits for moderation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub event: StoredEvent,
    pub question: Option<i64>,
    pub waiting: bool,
}

/// What a handler decides: the event for participants, the one for staff when it differs,
/// the question concerned, and the audit action of a staff command.
struct Effect {
    public: RoomEvent,
    staff: Option<RoomEvent>,
    question: Option<i64>,
    audit: Option<&'static str>,
}

impl Effect {
    fn public(event: RoomEvent) -> Self {
        Self {
            public: event,
            staff: None,
            question: None,
            audit: None,
        }
    }

    fn on(mut self, question: i64) -> Self {
        self.question = Some(question);
        self
    }

    fn audited(mut self, action: &'static str) -> Self {
        self.audit = Some(action);
        self
    }
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
    // Refused before the write lock is taken: a room that is not open (the commonest
    // refusal, and a flood's) costs one read, and holds no other writer back. Checked
    // again under the lock below.
    match stored::live_state(db, assembly_id).await? {
        None => return Err(Refusal::NotFound),
        Some(LiveState::Open) => {}
        Some(_) => return Err(Refusal::Invalid("error-live-not-open")),
    }
    let txn = crate::store::begin_write(db).await?;
    let room = stored::take_seq(&txn, assembly_id)
        .await?
        .filter(|room| room.published_at.is_some())
        .ok_or(Refusal::NotFound)?;
    if LiveState::parse(&room.live_state) != Some(LiveState::Open) {
        return Err(Refusal::Invalid("error-live-not-open"));
    }
    let effect = self::effect(&txn, &room, actor, command).await?;
    let stored = store(
        &txn,
        assembly_id,
        room.last_seq,
        &effect.public,
        effect.staff.as_ref(),
    )
    .await?;
    if let (Some(action), Actor::Staff { account_id }) = (effect.audit, actor) {
        let mut facts = vec![("assembly", assembly_id.to_string())];
        if let Some(id) = effect.question {
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
        waiting: matches!(effect.staff, Some(RoomEvent::QuestionAsked { .. })),
        event: stored,
        question: effect.question,
    })
}

/// Which feature's handler a command goes to.
async fn effect(
    txn: &DatabaseTransaction,
    room: &assembly::Model,
    actor: &Actor,
    command: &ClientMessage,
) -> Result<Effect, Refusal> {
    match command {
        ClientMessage::Hello { .. } => Err(Refusal::Invalid("error-live-message")),
        ClientMessage::Ask { .. }
        | ClientMessage::Upvote { .. }
        | ClientMessage::Approve { .. }
        | ClientMessage::Reject { .. }
        | ClientMessage::Answered { .. }
        | ClientMessage::Pin { .. }
        | ClientMessage::Answer { .. }
        | ClientMessage::Highlight { .. } => floor::effect(txn, room, actor, command).await,
        ClientMessage::Show { .. } => screen::effect(txn, room, actor, command).await,
        ClientMessage::Agenda { .. }
        | ClientMessage::Premoderation { .. }
        | ClientMessage::Questions { .. } => conduct::effect(txn, room, command).await,
    }
}

/// Serialises an event's frames (once for participants, once for staff when theirs differs)
/// and stores them as event `seq` of the room.
async fn store(
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
    let public = frame(event)?;
    let staff = staff_event.map(frame).transpose()?;
    stored::store_event(txn, assembly_id, seq, public, staff).await
}

/// Opens or closes the live part of an assembly; the room's clients hear of it by the event
/// returned, once the caller publishes it.
pub async fn change_live_state(
    db: &DatabaseConnection,
    council_id: i64,
    id: i64,
    to: LiveState,
    by: Option<i64>,
) -> Result<(LiveState, StoredEvent), AssemblyError> {
    let txn = crate::store::begin_write(db).await?;
    let next = stored::conduct::change_live_state(&txn, council_id, id, to).await?;
    let seq = stored::next_seq(&txn, id).await?;
    let event = store(&txn, id, seq, &RoomEvent::LiveChanged { live: next }, None).await?;
    let action = match next {
        LiveState::Open => "live-opened",
        _ => "live-closed",
    };
    record_audit(
        &txn,
        Some(council_id),
        by,
        action,
        &audit_detail(&[("assembly", &id.to_string())]),
    )
    .await?;
    txn.commit().await?;
    Ok((next, event))
}

/// A floor question as the room shows it.
fn view(q: &question::Model) -> FloorQuestion {
    FloorQuestion {
        id: q.id,
        body: q.body.clone(),
        first_name: q.first_name.clone(),
        college: q.college.clone(),
        status: QuestionStatus::parse(&q.status).unwrap_or(QuestionStatus::Pending),
        votes: i64::from(q.votes),
        answered: q.answered,
        pinned: q.pinned,
        agenda_item: q.agenda_item_id,
        answer: q.answer.clone(),
        answer_easy: q.answer_easy.clone(),
    }
}

/// One of the assembly's votes as the room shows it at `now`.
fn room_vote(v: &vote::Model, now: chrono::DateTime<chrono::Utc>) -> RoomVote {
    use crate::domain::vote::VoteState;
    let state = VoteState::parse(&v.state).unwrap_or(VoteState::Closed);
    let ended = state == VoteState::Closed || now >= v.closes_at;
    RoomVote {
        id: v.id,
        title: v.title.clone(),
        state,
        accepting: state == VoteState::Open && now >= v.opens_at && !ended,
        ended,
        results_public: state != VoteState::Draft && (ended || v.results_revealed),
    }
}

/// Tells vote `vote_id`'s assembly room that the vote changed (opened, closed, results
/// revealed or hidden): stores a `vote-changed` event to publish. `None` when the vote
/// belongs to no published assembly, or is a draft.
pub async fn vote_changed(
    db: &DatabaseConnection,
    vote_id: i64,
) -> Result<Option<StoredEvent>, DbErr> {
    use sea_orm::EntityTrait;
    let Some(assembly_id) = vote::Entity::find_by_id(vote_id)
        .one(db)
        .await?
        .and_then(|v| v.assembly_id)
    else {
        return Ok(None);
    };
    let txn = crate::store::begin_write(db).await?;
    let Some(room) = stored::take_seq(&txn, assembly_id)
        .await?
        .filter(|room| room.published_at.is_some())
    else {
        return Ok(None);
    };
    let Some(row) = stored::conduct::vote_of_room(&txn, assembly_id, vote_id).await? else {
        return Ok(None);
    };
    let event = RoomEvent::VoteChanged {
        vote: room_vote(&row, chrono::Utc::now()),
    };
    let stored = store(&txn, assembly_id, room.last_seq, &event, None).await?;
    txn.commit().await?;
    Ok(Some(stored))
}

/// The whole room as of its last event; pending questions' text only for staff. `None`
/// for an unknown or unpublished assembly.
pub async fn snapshot(
    db: &DatabaseConnection,
    assembly_id: i64,
    staff: bool,
) -> Result<Option<(i64, RoomState)>, DbErr> {
    let Some(rows) = stored::room_rows(db, assembly_id).await? else {
        return Ok(None);
    };
    let room = rows.room;
    let screen = screen::of_room(&room);
    let (pending, approved): (Vec<_>, Vec<_>) = rows
        .questions
        .iter()
        .map(view)
        .partition(|q| q.status == QuestionStatus::Pending);
    let state = RoomState {
        assembly: room.id,
        title: room.title,
        live: LiveState::parse(&room.live_state).unwrap_or(LiveState::Before),
        current_item: room.current_item_id,
        agenda: rows
            .agenda
            .into_iter()
            .map(|item| AgendaEntry {
                id: item.id,
                title: item.title,
            })
            .collect(),
        questions: approved,
        pending_count: u32::try_from(pending.len()).unwrap_or(u32::MAX),
        pending: if staff { pending } else { Vec::new() },
        highlighted: room.highlighted_question_id,
        premoderation: room.premoderation,
        questions_open: room.questions_open,
        screen,
        votes: rows
            .votes
            .iter()
            .map(|v| room_vote(v, chrono::Utc::now()))
            .collect(),
        polls: rows
            .polls
            .iter()
            .map(|(poll, answers)| polls::room_poll(poll, *answers))
            .collect(),
    };
    Ok(Some((room.last_seq, state)))
}
