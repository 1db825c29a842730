//! Floor questions: asked by anyone present, supported once per participant, moderated,
//! answered, pinned and put on screen by staff.

use super::{Actor, Effect, Refusal, view};
use crate::domain::{
    Moderation, QuestionFields, QuestionStatus, check_answer, check_edit, check_reason, moderate,
};
use crate::live::{ClientMessage, RoomEvent};
use crate::store::entities::{assembly, question};
use crate::store::room::floor as stored;
use sea_orm::DatabaseTransaction;

pub(super) async fn effect(
    txn: &DatabaseTransaction,
    room: &assembly::Model,
    actor: &Actor,
    command: &ClientMessage,
) -> Result<Effect, Refusal> {
    match command {
        ClientMessage::Ask {
            body,
            first_name,
            college,
            ..
        } => ask(txn, room, body, first_name.as_deref(), college.as_deref()).await,
        ClientMessage::Upvote { question, .. } => {
            let Actor::Participant { voter } = actor else {
                return Err(Refusal::Invalid("error-vote-participants"));
            };
            let q = question_in(txn, room, *question).await?;
            if q.status != QuestionStatus::Approved.key() {
                return Err(Refusal::NotFound);
            }
            let votes = stored::add_support(txn, &q, voter)
                .await?
                .ok_or(Refusal::Invalid("error-already-voted"))?;
            Ok(Effect::public(RoomEvent::QuestionVoted {
                question: q.id,
                votes: i64::from(votes),
            })
            .on(q.id))
        }
        ClientMessage::Approve { question, body, .. } => {
            let q = moderated(txn, room, *question, Moderation::Approve).await?;
            let edited = body
                .as_deref()
                .map(check_edit)
                .transpose()
                .map_err(Refusal::Invalid)?;
            let approved = stored::approve(txn, q, edited).await?;
            let pending = stored::pending_count(txn, room.id).await?;
            Ok(Effect::public(RoomEvent::QuestionApproved {
                question: view(&approved),
                pending,
            })
            .on(approved.id)
            .audited("question-approved"))
        }
        ClientMessage::Reject {
            question, reason, ..
        } => {
            let q = moderated(txn, room, *question, Moderation::Reject).await?;
            let reason = check_reason(reason.as_deref().unwrap_or("")).map_err(Refusal::Invalid)?;
            let rejected = stored::reject(txn, room, q, reason.clone()).await?;
            let pending = stored::pending_count(txn, room.id).await?;
            // Participants learn that it is gone, not why: the reason is for staff.
            let mut effect = Effect::public(RoomEvent::QuestionRejected {
                question: rejected.id,
                reason: None,
                pending,
            })
            .on(rejected.id)
            .audited("question-rejected");
            effect.staff = Some(RoomEvent::QuestionRejected {
                question: rejected.id,
                reason,
                pending,
            });
            Ok(effect)
        }
        ClientMessage::Answered {
            question, answered, ..
        } => {
            let q = moderated(txn, room, *question, Moderation::MarkAnswered(*answered)).await?;
            stored::set_answered(txn, q.id, *answered).await?;
            Ok(Effect::public(RoomEvent::QuestionAnswered {
                question: q.id,
                answered: *answered,
            })
            .on(q.id)
            .audited("question-answered"))
        }
        ClientMessage::Pin {
            question, pinned, ..
        } => {
            let q = moderated(txn, room, *question, Moderation::Pin(*pinned)).await?;
            stored::set_pinned(txn, q.id, *pinned).await?;
            Ok(Effect::public(RoomEvent::QuestionPinned {
                question: q.id,
                pinned: *pinned,
            })
            .on(q.id)
            .audited("question-pinned"))
        }
        ClientMessage::Answer {
            question,
            answer,
            easy,
            ..
        } => {
            let q = moderated(txn, room, *question, Moderation::MarkAnswered(true)).await?;
            let written = check_answer(answer, easy.as_deref()).map_err(Refusal::Invalid)?;
            let q = stored::write_answer(txn, q, written).await?;
            Ok(Effect::public(RoomEvent::AnswerWritten {
                question: q.id,
                answer: q.answer,
                answer_easy: q.answer_easy,
                answered: q.answered,
            })
            .on(q.id)
            .audited("answer-written"))
        }
        ClientMessage::Highlight { question, .. } => {
            let shown = match question {
                Some(id) => Some(view(
                    &moderated(txn, room, *id, Moderation::Highlight).await?,
                )),
                None => None,
            };
            stored::highlight(txn, room.id, *question).await?;
            let mut effect = Effect::public(RoomEvent::Highlighted { question: shown })
                .audited("question-highlighted");
            effect.question = *question;
            Ok(effect)
        }
        _ => Err(Refusal::Invalid("error-live-message")),
    }
}

/// A participant's question: checked, then shown at once or held for moderation.
async fn ask(
    txn: &DatabaseTransaction,
    room: &assembly::Model,
    body: &str,
    first_name: Option<&str>,
    college: Option<&str>,
) -> Result<Effect, Refusal> {
    if !room.questions_open {
        return Err(Refusal::Invalid("error-questions-closed"));
    }
    let keys = stored::college_keys(txn, room.council_id).await?;
    let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
    let fields =
        QuestionFields::check(body, first_name, college, &keys).map_err(Refusal::Invalid)?;
    let status = if room.premoderation {
        QuestionStatus::Pending
    } else {
        QuestionStatus::Approved
    };
    let asked = stored::insert_question(txn, room, fields, status).await?;
    let pending = stored::pending_count(txn, room.id).await?;
    let question = view(&asked);
    Ok(if status == QuestionStatus::Pending {
        // Participants see the queue grow; only staff see the text before it is approved.
        let mut effect = Effect::public(RoomEvent::QueueChanged { pending }).on(asked.id);
        effect.staff = Some(RoomEvent::QuestionAsked { question });
        effect
    } else {
        Effect::public(RoomEvent::QuestionApproved { question, pending }).on(asked.id)
    })
}

async fn question_in(
    txn: &DatabaseTransaction,
    room: &assembly::Model,
    id: i64,
) -> Result<question::Model, Refusal> {
    stored::question_in(txn, room.id, id)
        .await?
        .ok_or(Refusal::NotFound)
}

/// A question of the room that the moderation rules let staff act on this way.
async fn moderated(
    txn: &DatabaseTransaction,
    room: &assembly::Model,
    id: i64,
    action: Moderation,
) -> Result<question::Model, Refusal> {
    let q = question_in(txn, room, id).await?;
    let status = QuestionStatus::parse(&q.status).unwrap_or(QuestionStatus::Pending);
    moderate(status, action).map_err(Refusal::Invalid)?;
    Ok(q)
}
