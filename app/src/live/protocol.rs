//! Live protocol, version 2: JSON text frames, one object each, tagged by `type`.
//! docs/live-protocol.md is the reference for outside clients; change both together.

use crate::domain::vote::VoteState;
use crate::domain::{LiveState, Orderable, QuestionStatus, Screen};
use serde::{Deserialize, Serialize};

/// Version 2 added written answers, the screen's choice and the assembly's votes; a version-1 client is refused with a message saying
/// to reload (docs/live-protocol.md).
pub const PROTOCOL_VERSION: u32 = 2;

/// What a client sends. `ref` is the client's own label for a command, echoed in the
/// `ack` or `error` that answers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum ClientMessage {
    /// First message of a connection: `since` is the last sequence number the client has
    /// applied (after a reconnect), or absent for a fresh snapshot.
    Hello { v: u32, since: Option<i64> },
    Ask {
        #[serde(rename = "ref")]
        reference: Option<String>,
        body: String,
        first_name: Option<String>,
        college: Option<String>,
    },
    Upvote {
        #[serde(rename = "ref")]
        reference: Option<String>,
        question: i64,
    },
    // Staff only (facilitators and coordinators of the assembly's council).
    Approve {
        #[serde(rename = "ref")]
        reference: Option<String>,
        question: i64,
        /// The text corrected before approval (a typo), if it was.
        body: Option<String>,
    },
    Reject {
        #[serde(rename = "ref")]
        reference: Option<String>,
        question: i64,
        reason: Option<String>,
    },
    Answered {
        #[serde(rename = "ref")]
        reference: Option<String>,
        question: i64,
        answered: bool,
    },
    Pin {
        #[serde(rename = "ref")]
        reference: Option<String>,
        question: i64,
        pinned: bool,
    },
    /// A written answer to an approved question (blank takes it away), with its optional
    /// easy-read version; writing one marks the question answered.
    Answer {
        #[serde(rename = "ref")]
        reference: Option<String>,
        question: i64,
        answer: String,
        easy: Option<String>,
    },
    /// The question shown on the projector, or none.
    Highlight {
        #[serde(rename = "ref")]
        reference: Option<String>,
        question: Option<i64>,
    },
    /// What the room's screen shows (a question: the same as `highlight`).
    Show {
        #[serde(rename = "ref")]
        reference: Option<String>,
        screen: Screen,
    },
    /// Moves the agenda to this item.
    Agenda {
        #[serde(rename = "ref")]
        reference: Option<String>,
        item: i64,
    },
    Premoderation {
        #[serde(rename = "ref")]
        reference: Option<String>,
        on: bool,
    },
    /// Opens or closes the questions (the room stays live).
    Questions {
        #[serde(rename = "ref")]
        reference: Option<String>,
        open: bool,
    },
}

impl ClientMessage {
    pub fn reference(&self) -> Option<&str> {
        match self {
            ClientMessage::Hello { .. } => None,
            ClientMessage::Ask { reference, .. }
            | ClientMessage::Upvote { reference, .. }
            | ClientMessage::Approve { reference, .. }
            | ClientMessage::Reject { reference, .. }
            | ClientMessage::Answered { reference, .. }
            | ClientMessage::Pin { reference, .. }
            | ClientMessage::Answer { reference, .. }
            | ClientMessage::Highlight { reference, .. }
            | ClientMessage::Show { reference, .. }
            | ClientMessage::Agenda { reference, .. }
            | ClientMessage::Premoderation { reference, .. }
            | ClientMessage::Questions { reference, .. } => reference.as_deref(),
        }
    }

    /// Commands only staff of the assembly's council may send.
    pub fn is_staff_command(&self) -> bool {
        !matches!(
            self,
            ClientMessage::Hello { .. } | ClientMessage::Ask { .. } | ClientMessage::Upvote { .. }
        )
    }
}

/// What the server sends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum ServerMessage {
    /// The whole room as of `seq`: sent after `hello` when the client is new or too far
    /// behind, and to a client that could not keep up.
    Snapshot { v: u32, seq: i64, room: RoomState },
    /// One change; `seq` increases by exactly one from event to event of a room.
    Event { seq: i64, event: RoomEvent },
    /// A command was applied (its event follows or preceded it on the same socket).
    Ack {
        #[serde(rename = "ref")]
        reference: Option<String>,
        question: Option<i64>,
    },
    /// A command was refused; nothing was stored. `code` is stable, `message` is written in
    /// the connection's language and reading mode.
    Error {
        #[serde(rename = "ref")]
        reference: Option<String>,
        code: String,
        message: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomState {
    pub assembly: i64,
    pub title: String,
    pub live: LiveState,
    pub current_item: Option<i64>,
    pub agenda: Vec<AgendaEntry>,
    /// Approved questions (all of them, whatever their order on screen).
    pub questions: Vec<FloorQuestion>,
    /// Questions waiting for moderation: their text for staff only, empty for participants.
    pub pending: Vec<FloorQuestion>,
    pub pending_count: u32,
    pub highlighted: Option<i64>,
    pub premoderation: bool,
    pub questions_open: bool,
    /// What the screen shows.
    pub screen: Screen,
    /// The assembly's published votes, in the order they were created.
    pub votes: Vec<RoomVote>,
    /// The assembly's quick polls, in the order they were written. Added within version 2:
    /// a room stored before has none.
    #[serde(default)]
    pub polls: Vec<RoomPoll>,
}

/// One of the assembly's quick polls as the room knows it: enough to announce it and to
/// fetch its form or results again (`/api/room_votes`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomPoll {
    pub id: i64,
    pub question: String,
    /// `ready` (not yet put to the room), `open` or `closed`.
    pub state: crate::domain::poll::PollState,
    /// How many answers are counted (they are counted by groups, never one by one).
    pub answers: u64,
}

/// One of the assembly's votes as the room knows it: enough to offer the ballot or the
/// results (`/{council}/votes/{id}`, `/{council}/votes/{id}/resultats`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomVote {
    pub id: i64,
    pub title: String,
    /// `open` or `closed` (a draft is never in the room).
    pub state: VoteState,
    /// Whether it takes ballots now (open, and within its times), as of the event.
    pub accepting: bool,
    /// Closed, or past its closing time: no ballot will be taken again.
    pub ended: bool,
    /// Whether anyone may read its results (ended, or revealed early).
    pub results_public: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaEntry {
    pub id: i64,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FloorQuestion {
    pub id: i64,
    pub body: String,
    pub first_name: Option<String>,
    pub college: Option<String>,
    pub status: QuestionStatus,
    pub votes: i64,
    pub answered: bool,
    pub pinned: bool,
    pub agenda_item: Option<i64>,
    /// A facilitator's written answer, and its easy-read version.
    pub answer: Option<String>,
    pub answer_easy: Option<String>,
}

impl Orderable for FloorQuestion {
    fn id(&self) -> i64 {
        self.id
    }
    fn votes(&self) -> i64 {
        self.votes
    }
    fn pinned(&self) -> bool {
        self.pinned
    }
    fn answered(&self) -> bool {
        self.answered
    }
}

/// A change in a room, tagged by `kind`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum RoomEvent {
    /// A question was asked and is waiting for moderation (sent to staff only).
    QuestionAsked {
        question: FloorQuestion,
    },
    /// The number of questions waiting for moderation (what participants learn of the queue).
    QueueChanged {
        pending: u32,
    },
    /// A question became visible (approved, or asked without pre-moderation).
    QuestionApproved {
        question: FloorQuestion,
        pending: u32,
    },
    /// A question left the list; `reason` reaches staff only.
    QuestionRejected {
        question: i64,
        reason: Option<String>,
        pending: u32,
    },
    QuestionVoted {
        question: i64,
        votes: i64,
    },
    QuestionAnswered {
        question: i64,
        answered: bool,
    },
    QuestionPinned {
        question: i64,
        pinned: bool,
    },
    /// A written answer was given, changed or taken away (`answer` null).
    AnswerWritten {
        question: i64,
        answer: Option<String>,
        answer_easy: Option<String>,
        answered: bool,
    },
    /// The question on the projector, or none.
    Highlighted {
        question: Option<FloorQuestion>,
    },
    /// The screen shows something else than the join code or a question (a question on
    /// screen is `highlighted`); no question is highlighted any more.
    ScreenChanged {
        screen: Screen,
    },
    /// One of the assembly's votes opened, closed, or had its results revealed or hidden.
    VoteChanged {
        vote: RoomVote,
    },
    /// One of the assembly's polls was written, opened, closed, counted a group of answers or
    /// had a word of its cloud moderated.
    PollChanged {
        poll: RoomPoll,
    },
    AgendaMoved {
        item: i64,
    },
    PremoderationChanged {
        on: bool,
    },
    QuestionsOpened {
        open: bool,
    },
    LiveChanged {
        live: LiveState,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_read_as_documented() {
        let hello: ClientMessage = serde_json::from_str(r#"{"type":"hello","v":2,"since":41}"#)
            .unwrap_or(ClientMessage::Hello { v: 0, since: None });
        assert_eq!(
            hello,
            ClientMessage::Hello {
                v: 2,
                since: Some(41)
            }
        );
        let ask: Result<ClientMessage, _> = serde_json::from_str(
            r#"{"type":"ask","ref":"a1","body":"Pourquoi ?","first_name":null,"college":"usagers"}"#,
        );
        assert!(matches!(&ask, Ok(m) if m.reference() == Some("a1") && !m.is_staff_command()));
        let approve: Result<ClientMessage, _> =
            serde_json::from_str(r#"{"type":"approve","question":3,"body":null}"#);
        assert!(matches!(&approve, Ok(m) if m.is_staff_command()));
        let event = ServerMessage::Event {
            seq: 7,
            event: RoomEvent::QuestionVoted {
                question: 3,
                votes: 12,
            },
        };
        assert_eq!(
            serde_json::to_string(&event).unwrap_or_default(),
            r#"{"type":"event","seq":7,"event":{"kind":"question-voted","question":3,"votes":12}}"#
        );
        assert!(serde_json::from_str::<ClientMessage>(r#"{"type":"shout"}"#).is_err());
        let answer: Result<ClientMessage, _> = serde_json::from_str(
            r#"{"type":"answer","ref":"w1","question":3,"answer":"Au CMP.","easy":null}"#,
        );
        assert!(matches!(&answer, Ok(m) if m.is_staff_command() && m.reference() == Some("w1")));
        let show: Result<ClientMessage, _> =
            serde_json::from_str(r#"{"type":"show","screen":{"what":"vote","id":2}}"#);
        assert!(matches!(&show, Ok(ClientMessage::Show { screen, .. })
            if screen.what == crate::domain::ScreenKind::Vote && screen.id == Some(2)));
        let changed = ServerMessage::Event {
            seq: 9,
            event: RoomEvent::VoteChanged {
                vote: RoomVote {
                    id: 2,
                    title: "Nos priorités".into(),
                    state: VoteState::Open,
                    accepting: true,
                    ended: false,
                    results_public: false,
                },
            },
        };
        assert_eq!(
            serde_json::to_string(&changed).unwrap_or_default(),
            r#"{"type":"event","seq":9,"event":{"kind":"vote-changed","vote":{"id":2,"title":"Nos priorités","state":"open","accepting":true,"ended":false,"results_public":false}}}"#
        );
        let written = ServerMessage::Event {
            seq: 8,
            event: RoomEvent::AnswerWritten {
                question: 3,
                answer: Some("Au CMP.".into()),
                answer_easy: None,
                answered: true,
            },
        };
        assert_eq!(
            serde_json::to_string(&written).unwrap_or_default(),
            r#"{"type":"event","seq":8,"event":{"kind":"answer-written","question":3,"answer":"Au CMP.","answer_easy":null,"answered":true}}"#
        );
    }
}
