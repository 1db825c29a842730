//! Conducting the room: the facilitator moves through the agenda, turns pre-moderation on or
//! off, opens or closes questions.

use super::{Effect, Refusal};
use crate::live::{ClientMessage, RoomEvent};
use crate::store::entities::assembly;
use crate::store::room::conduct as stored;
use sea_orm::DatabaseTransaction;

pub(super) async fn effect(
    txn: &DatabaseTransaction,
    room: &assembly::Model,
    command: &ClientMessage,
) -> Result<Effect, Refusal> {
    match command {
        ClientMessage::Agenda { item, .. } => {
            if !stored::move_to_item(txn, room.id, *item).await? {
                return Err(Refusal::NotFound);
            }
            Ok(Effect::public(RoomEvent::AgendaMoved { item: *item }).audited("agenda-moved"))
        }
        ClientMessage::Premoderation { on, .. } => {
            stored::set_premoderation(txn, room.id, *on).await?;
            Ok(Effect::public(RoomEvent::PremoderationChanged { on: *on })
                .audited("premoderation-changed"))
        }
        ClientMessage::Questions { open, .. } => {
            stored::set_questions_open(txn, room.id, *open).await?;
            Ok(
                Effect::public(RoomEvent::QuestionsOpened { open: *open }).audited(if *open {
                    "questions-opened"
                } else {
                    "questions-closed"
                }),
            )
        }
        _ => Err(Refusal::Invalid("error-live-message")),
    }
}
