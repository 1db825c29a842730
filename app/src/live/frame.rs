//! How the browser reads the server's frames. The server writes `ServerMessage` with serde's
//! tagged enums; decoding those in the browser buffers every frame generically, and that code
//! weighed about 9 KiB (brotli) of the wasm every page loads. Here a frame is read into plain
//! structs instead, then turned into the same `RoomEvent`. The tests check both readings agree
//! on every kind of event.

use super::protocol::{FloorQuestion, RoomEvent, RoomPoll, RoomVote};
use crate::domain::{LiveState, Screen};
use serde::Deserialize;
use serde::de::{self, MapAccess, Visitor};

/// A server frame as the browser reads it; fields a frame lacks stay empty, a snapshot's room
/// is skipped unread.
#[derive(Debug, Deserialize)]
pub struct Frame {
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub seq: Option<i64>,
    #[serde(default)]
    pub event: Option<EventFields>,
    #[serde(default, rename = "ref")]
    pub reference: Option<String>,
    /// In an `ack`: the question a command created or changed.
    #[serde(default)]
    pub question: Option<i64>,
    #[serde(default)]
    pub message: Option<String>,
}

/// Every field any event kind has.
#[derive(Debug, Deserialize)]
pub struct EventFields {
    kind: String,
    #[serde(default)]
    question: Option<QuestionField>,
    #[serde(default)]
    pending: Option<u32>,
    #[serde(default)]
    votes: Option<i64>,
    #[serde(default)]
    answered: Option<bool>,
    #[serde(default)]
    pinned: Option<bool>,
    #[serde(default)]
    answer: Option<String>,
    #[serde(default)]
    answer_easy: Option<String>,
    #[serde(default)]
    item: Option<i64>,
    #[serde(default)]
    reason: Option<String>,
    #[serde(default)]
    on: Option<bool>,
    #[serde(default)]
    open: Option<bool>,
    #[serde(default)]
    live: Option<LiveState>,
    #[serde(default)]
    screen: Option<Screen>,
    #[serde(default)]
    vote: Option<RoomVote>,
    #[serde(default)]
    poll: Option<RoomPoll>,
}

/// `question` is a whole question in some events and its number in others.
#[derive(Debug)]
enum QuestionField {
    Whole(Box<FloorQuestion>),
    Id(i64),
}

impl QuestionField {
    fn id(&self) -> i64 {
        match self {
            QuestionField::Whole(question) => question.id,
            QuestionField::Id(id) => *id,
        }
    }

    fn whole(self) -> Option<FloorQuestion> {
        match self {
            QuestionField::Whole(question) => Some(*question),
            QuestionField::Id(_) => None,
        }
    }
}

impl<'de> Deserialize<'de> for QuestionField {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Either;
        impl<'de> Visitor<'de> for Either {
            type Value = QuestionField;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a question or its number")
            }
            fn visit_i64<E: de::Error>(self, id: i64) -> Result<QuestionField, E> {
                Ok(QuestionField::Id(id))
            }
            fn visit_u64<E: de::Error>(self, id: u64) -> Result<QuestionField, E> {
                i64::try_from(id)
                    .map(QuestionField::Id)
                    .map_err(|_| E::custom("question number out of range"))
            }
            fn visit_map<M: MapAccess<'de>>(self, map: M) -> Result<QuestionField, M::Error> {
                FloorQuestion::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(|question| QuestionField::Whole(Box::new(question)))
            }
        }
        deserializer.deserialize_any(Either)
    }
}

impl EventFields {
    /// The event these fields describe; `None` for an unknown kind or missing fields.
    pub fn event(self) -> Option<RoomEvent> {
        let question_id = self.question.as_ref().map(QuestionField::id);
        Some(match self.kind.as_str() {
            "question-asked" => RoomEvent::QuestionAsked {
                question: self.question?.whole()?,
            },
            "queue-changed" => RoomEvent::QueueChanged {
                pending: self.pending?,
            },
            "question-approved" => RoomEvent::QuestionApproved {
                question: self.question?.whole()?,
                pending: self.pending?,
            },
            "question-rejected" => RoomEvent::QuestionRejected {
                question: question_id?,
                reason: self.reason,
                pending: self.pending?,
            },
            "question-voted" => RoomEvent::QuestionVoted {
                question: question_id?,
                votes: self.votes?,
            },
            "question-answered" => RoomEvent::QuestionAnswered {
                question: question_id?,
                answered: self.answered?,
            },
            "question-pinned" => RoomEvent::QuestionPinned {
                question: question_id?,
                pinned: self.pinned?,
            },
            "answer-written" => RoomEvent::AnswerWritten {
                question: question_id?,
                answer: self.answer,
                answer_easy: self.answer_easy,
                answered: self.answered?,
            },
            "highlighted" => RoomEvent::Highlighted {
                question: self.question.and_then(QuestionField::whole),
            },
            "screen-changed" => RoomEvent::ScreenChanged {
                screen: self.screen?,
            },
            "vote-changed" => RoomEvent::VoteChanged { vote: self.vote? },
            "poll-changed" => RoomEvent::PollChanged { poll: self.poll? },
            "agenda-moved" => RoomEvent::AgendaMoved { item: self.item? },
            "premoderation-changed" => RoomEvent::PremoderationChanged { on: self.on? },
            "questions-opened" => RoomEvent::QuestionsOpened { open: self.open? },
            "live-changed" => RoomEvent::LiveChanged { live: self.live? },
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::QuestionStatus;
    use crate::live::ServerMessage;

    fn question() -> FloorQuestion {
        FloorQuestion {
            id: 12,
            body: "Où trouver de l'aide \"la nuit\" ?".into(),
            first_name: Some("Léa".into()),
            college: None,
            status: QuestionStatus::Approved,
            votes: 3,
            answered: false,
            pinned: true,
            agenda_item: Some(4),
            answer: Some("Au CMP, le mardi.".into()),
            answer_easy: None,
        }
    }

    #[test]
    fn the_browser_reads_every_event_as_the_server_wrote_it() {
        let events = [
            RoomEvent::QuestionAsked {
                question: question(),
            },
            RoomEvent::QueueChanged { pending: 2 },
            RoomEvent::QuestionApproved {
                question: question(),
                pending: 1,
            },
            RoomEvent::QuestionRejected {
                question: 12,
                reason: Some("hors sujet".into()),
                pending: 0,
            },
            RoomEvent::QuestionVoted {
                question: 12,
                votes: 9,
            },
            RoomEvent::QuestionAnswered {
                question: 12,
                answered: true,
            },
            RoomEvent::QuestionPinned {
                question: 12,
                pinned: false,
            },
            RoomEvent::AnswerWritten {
                question: 12,
                answer: Some("Au CMP.".into()),
                answer_easy: Some("Allez au CMP.".into()),
                answered: true,
            },
            RoomEvent::AnswerWritten {
                question: 12,
                answer: None,
                answer_easy: None,
                answered: true,
            },
            RoomEvent::Highlighted {
                question: Some(question()),
            },
            RoomEvent::Highlighted { question: None },
            RoomEvent::ScreenChanged {
                screen: Screen {
                    what: crate::domain::ScreenKind::Testimony,
                    id: Some(4),
                },
            },
            RoomEvent::VoteChanged {
                vote: RoomVote {
                    id: 2,
                    title: "Nos priorités".into(),
                    state: crate::domain::vote::VoteState::Closed,
                    accepting: false,
                    ended: true,
                    results_public: true,
                },
            },
            RoomEvent::PollChanged {
                poll: RoomPoll {
                    id: 4,
                    question: "Un mot pour ce soir ?".into(),
                    state: crate::domain::poll::PollState::Open,
                    answers: 10,
                },
            },
            RoomEvent::AgendaMoved { item: 5 },
            RoomEvent::PremoderationChanged { on: true },
            RoomEvent::QuestionsOpened { open: false },
            RoomEvent::LiveChanged {
                live: LiveState::Closed,
            },
        ];
        for (seq, event) in events.into_iter().enumerate() {
            let written = serde_json::to_string(&ServerMessage::Event {
                seq: seq as i64,
                event: event.clone(),
            })
            .unwrap_or_default();
            let frame: Result<Frame, _> = serde_json::from_str(&written);
            let read = frame
                .ok()
                .and_then(|f| Some((f.kind, f.seq, f.event?.event())));
            assert_eq!(
                read,
                Some(("event".to_owned(), Some(seq as i64), Some(event))),
                "{written}"
            );
        }
    }

    #[test]
    fn answers_and_snapshots_are_read_too() {
        let ack = serde_json::to_string(&ServerMessage::Ack {
            reference: Some("support-3".into()),
            question: Some(3),
        })
        .unwrap_or_default();
        let frame: Result<Frame, _> = serde_json::from_str(&ack);
        assert!(
            matches!(frame, Ok(Frame { ref kind, question: Some(3), ref reference, .. })
            if kind == "ack" && reference.as_deref() == Some("support-3"))
        );
        let snapshot = r#"{"type":"snapshot","v":1,"seq":4,"room":{"anything":[1,2]}}"#;
        let frame: Result<Frame, _> = serde_json::from_str(snapshot);
        assert!(matches!(frame, Ok(Frame { ref kind, seq: Some(4), .. }) if kind == "snapshot"));
    }
}
