//! Floor questions in the database: asked, supported, moderated, answered, pinned and put on
//! screen, each inside the transaction of the command that does it.

use super::{set_room_column, support_mark};
use crate::domain::{QuestionFields, QuestionStatus};
use crate::store::entities::{assembly, college, question, question_vote};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, Set,
};

/// The college keys a council offers (not retired), against which a question's college is
/// checked.
pub async fn college_keys(
    db: &impl ConnectionTrait,
    council_id: i64,
) -> Result<Vec<String>, DbErr> {
    Ok(college::Entity::find()
        .filter(college::Column::CouncilId.eq(council_id))
        .filter(college::Column::Retired.eq(false))
        .all(db)
        .await?
        .into_iter()
        .map(|c| c.key)
        .collect())
}

/// How many questions of the room wait for moderation.
pub async fn pending_count(db: &impl ConnectionTrait, assembly_id: i64) -> Result<u32, DbErr> {
    let count = question::Entity::find()
        .filter(question::Column::AssemblyId.eq(assembly_id))
        .filter(question::Column::Status.eq(QuestionStatus::Pending.key()))
        .count(db)
        .await?;
    Ok(u32::try_from(count).unwrap_or(u32::MAX))
}

/// A question of this room (`None` for another room's, so that an id cannot reach across).
pub async fn question_in(
    db: &impl ConnectionTrait,
    assembly_id: i64,
    id: i64,
) -> Result<Option<question::Model>, DbErr> {
    question::Entity::find_by_id(id)
        .filter(question::Column::AssemblyId.eq(assembly_id))
        .one(db)
        .await
}

/// Stores a checked question under the room's current agenda item.
pub async fn insert_question(
    db: &impl ConnectionTrait,
    room: &assembly::Model,
    fields: QuestionFields,
    status: QuestionStatus,
) -> Result<question::Model, DbErr> {
    question::ActiveModel {
        assembly_id: Set(room.id),
        agenda_item_id: Set(room.current_item_id),
        body: Set(fields.body),
        first_name: Set(fields.first_name),
        college: Set(fields.college),
        status: Set(status.key().to_owned()),
        reject_reason: Set(None),
        answered: Set(false),
        pinned: Set(false),
        votes: Set(0),
        answer: Set(None),
        answer_easy: Set(None),
        asked_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// Adds a voter's support to a question; `None` when they already support it, else the
/// question's new count.
pub async fn add_support(
    db: &impl ConnectionTrait,
    q: &question::Model,
    voter: &str,
) -> Result<Option<i32>, DbErr> {
    let mark = support_mark(voter, q.id);
    let already = question_vote::Entity::find()
        .filter(question_vote::Column::QuestionId.eq(q.id))
        .filter(question_vote::Column::Voter.eq(mark.as_str()))
        .count(db)
        .await?;
    if already > 0 {
        return Ok(None);
    }
    question_vote::ActiveModel {
        question_id: Set(q.id),
        voter: Set(mark),
    }
    .insert(db)
    .await?;
    let votes = q.votes + 1;
    question::Entity::update_many()
        .col_expr(question::Column::Votes, Expr::value(votes))
        .filter(question::Column::Id.eq(q.id))
        .exec(db)
        .await?;
    Ok(Some(votes))
}

/// Approves a question, with its text as edited by the moderator when it was.
pub async fn approve(
    db: &impl ConnectionTrait,
    q: question::Model,
    edited: Option<String>,
) -> Result<question::Model, DbErr> {
    let mut row: question::ActiveModel = q.into();
    row.status = Set(QuestionStatus::Approved.key().to_owned());
    row.reject_reason = Set(None);
    if let Some(text) = edited {
        row.body = Set(text);
    }
    row.update(db).await
}

/// Rejects a question (its reason kept for staff), unpins it and takes it off the screen.
pub async fn reject(
    db: &impl ConnectionTrait,
    room: &assembly::Model,
    q: question::Model,
    reason: Option<String>,
) -> Result<question::Model, DbErr> {
    let mut row: question::ActiveModel = q.into();
    row.status = Set(QuestionStatus::Rejected.key().to_owned());
    row.reject_reason = Set(reason);
    row.pinned = Set(false);
    let rejected = row.update(db).await?;
    if room.highlighted_question_id == Some(rejected.id) {
        highlight(db, room.id, None).await?;
    }
    Ok(rejected)
}

/// Marks a question answered or not.
pub async fn set_answered(db: &impl ConnectionTrait, id: i64, answered: bool) -> Result<(), DbErr> {
    question::Entity::update_many()
        .col_expr(question::Column::Answered, Expr::value(answered))
        .filter(question::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Writes a question's answer (and marks it answered), or takes the answer away (`None`:
/// whether it was answered aloud stays as it was).
pub async fn write_answer(
    db: &impl ConnectionTrait,
    q: question::Model,
    written: Option<(String, Option<String>)>,
) -> Result<question::Model, DbErr> {
    let answered = q.answered || written.is_some();
    let (answer, easy) = written.map_or((None, None), |(answer, easy)| (Some(answer), easy));
    let mut q: question::ActiveModel = q.into();
    q.answer = Set(answer);
    q.answer_easy = Set(easy);
    q.answered = Set(answered);
    q.update(db).await
}

/// Pins a question or unpins it.
pub async fn set_pinned(db: &impl ConnectionTrait, id: i64, pinned: bool) -> Result<(), DbErr> {
    question::Entity::update_many()
        .col_expr(question::Column::Pinned, Expr::value(pinned))
        .filter(question::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Puts a question on the screen, or none.
pub async fn highlight(
    db: &impl ConnectionTrait,
    assembly_id: i64,
    question: Option<i64>,
) -> Result<(), DbErr> {
    // A question on screen replaces whatever else the screen showed.
    super::conduct::set_screen(db, assembly_id, None).await?;
    set_room_column(
        db,
        assembly_id,
        assembly::Column::HighlightedQuestionId,
        question.into(),
    )
    .await
}
