//! A plenary's quick polls in its room: each change of a poll (written, opened, closed, a
//! group of answers counted, a word of its cloud moderated) is a `poll-changed` event, so
//! that every phone and screen of the room draws it anew. The answers themselves never go
//! through the room: they are counted by groups (`store::room::polls`), and the event says
//! only how many are counted.

use super::store;
use crate::live::{RoomEvent, RoomPoll};
use crate::store::room::{self as stored, StoredEvent};
use crate::store::staff::record_audit;
use sea_orm::{DatabaseConnection, DbErr};

/// A poll as the room knows it.
pub(super) fn room_poll(poll: &crate::domain::poll::PollInfo, answers: u64) -> RoomPoll {
    RoomPoll {
        id: poll.id,
        question: poll.question.clone(),
        state: poll.state,
        answers,
    }
}

/// Tells poll `poll_id`'s assembly room that the poll changed: stores a `poll-changed`
/// event to publish, with the staff action in the audit log when a staff member did it.
/// `None` when the assembly is not published.
pub async fn poll_changed(
    db: &DatabaseConnection,
    assembly_id: i64,
    poll_id: i64,
    audit: Option<(i64, &'static str)>,
) -> Result<Option<StoredEvent>, DbErr> {
    let txn = crate::store::begin_write(db).await?;
    let Some(room) = stored::take_seq(&txn, assembly_id)
        .await?
        .filter(|room| room.published_at.is_some())
    else {
        return Ok(None);
    };
    let Some(poll) = stored::polls::poll_in(&txn, assembly_id, poll_id).await? else {
        return Ok(None);
    };
    let answers = stored::polls::counted_answers(&txn, poll_id).await?;
    let event = RoomEvent::PollChanged {
        poll: room_poll(&poll, answers),
    };
    let stored = store(&txn, assembly_id, room.last_seq, &event, None).await?;
    if let Some((account_id, action)) = audit {
        record_audit(
            &txn,
            Some(room.council_id),
            Some(account_id),
            action,
            &crate::domain::audit_detail(&[
                ("assembly", &assembly_id.to_string()),
                ("poll", &poll_id.to_string()),
            ]),
        )
        .await?;
    }
    txn.commit().await?;
    Ok(Some(stored))
}
