//! The live part of a plenary: the messages clients and server exchange over the websocket
//! (documented in docs/live-protocol.md), shared by both sides.

pub mod feed;
pub mod frame;
pub mod protocol;

pub use feed::{Feed, News, Step};
pub use protocol::{
    AgendaEntry, ClientMessage, FloorQuestion, PROTOCOL_VERSION, RoomEvent, RoomPoll, RoomState,
    RoomVote, ServerMessage,
};
