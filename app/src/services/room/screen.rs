//! The room's screen: the facilitator puts on it the join code, a question, the agenda item
//! under way, an approved testimony whose author allows the projector, one of the
//! assembly's votes or polls, or a black pause screen. The event names the choice only (never a testimony's words: a consent
//! taken back must leave no copy in the room's stored history); screens fetch what it shows.

use super::{Actor, Effect, Refusal};
use crate::domain::{Screen, ScreenKind};
use crate::live::{ClientMessage, RoomEvent};
use crate::store::entities::assembly;
use crate::store::room::conduct as stored;
use sea_orm::DatabaseTransaction;

pub(super) async fn effect(
    txn: &DatabaseTransaction,
    room: &assembly::Model,
    actor: &Actor,
    command: &ClientMessage,
) -> Result<Effect, Refusal> {
    let ClientMessage::Show { screen, .. } = command else {
        return Err(Refusal::Invalid("error-live-message"));
    };
    let screen = screen.check().map_err(Refusal::Invalid)?;
    match screen.what {
        // A question on screen is a highlight, with its own event.
        ScreenKind::Question => {
            let highlight = ClientMessage::Highlight {
                reference: None,
                question: screen.id,
            };
            return super::floor::effect(txn, room, actor, &highlight).await;
        }
        ScreenKind::Join | ScreenKind::Agenda | ScreenKind::Pause => {}
        ScreenKind::Testimony => {
            let id = screen.id.ok_or(Refusal::NotFound)?;
            crate::store::testimonies::projectable(txn, room.council_id, id)
                .await?
                .ok_or(Refusal::Invalid("error-screen-testimony"))?;
        }
        ScreenKind::Vote => {
            let id = screen.id.ok_or(Refusal::NotFound)?;
            stored::vote_of_room(txn, room.id, id)
                .await?
                .ok_or(Refusal::NotFound)?;
        }
        ScreenKind::Poll => {
            let id = screen.id.ok_or(Refusal::NotFound)?;
            crate::store::room::polls::poll_in(txn, room.id, id)
                .await?
                .ok_or(Refusal::NotFound)?;
        }
    }
    let kept = (screen.what != ScreenKind::Join).then_some(screen);
    stored::set_screen(txn, room.id, kept).await?;
    if screen.what == ScreenKind::Join {
        crate::store::room::floor::highlight(txn, room.id, None).await?;
    }
    let mut effect = Effect::public(RoomEvent::ScreenChanged { screen }).audited("screen-changed");
    effect.question = None;
    Ok(effect)
}

/// What the screen shows as the room's row keeps it.
pub(super) fn of_room(room: &assembly::Model) -> Screen {
    Screen::of_room(
        room.screen.as_deref(),
        room.screen_id,
        room.highlighted_question_id,
    )
}
