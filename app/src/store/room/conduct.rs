//! How the facilitator conducts a room, in the database: the current agenda item,
//! pre-moderation, questions open or closed, the live part opened or closed.

use super::set_room_column;
use crate::domain::LiveState;
use crate::store::assemblies::{AssemblyError, AssemblyRefusal};
use crate::store::entities::{agenda_item, assembly};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};

/// What the screen shows besides the join code and a question: `(kind, id)` of an agenda,
/// testimony or vote screen, or `None` (then the question on screen, else the join code).
/// A stored choice takes the question off the screen.
pub async fn set_screen(
    db: &impl ConnectionTrait,
    assembly_id: i64,
    choice: Option<crate::domain::Screen>,
) -> Result<(), DbErr> {
    let mut update = assembly::Entity::update_many()
        .col_expr(
            assembly::Column::Screen,
            sea_orm::sea_query::Expr::value(choice.map(|c| c.what.key().to_owned())),
        )
        .col_expr(
            assembly::Column::ScreenId,
            sea_orm::sea_query::Expr::value(choice.and_then(|c| c.id)),
        );
    if choice.is_some() {
        update = update.col_expr(
            assembly::Column::HighlightedQuestionId,
            sea_orm::sea_query::Expr::value(Option::<i64>::None),
        );
    }
    update
        .filter(assembly::Column::Id.eq(assembly_id))
        .exec(db)
        .await?;
    Ok(())
}

/// One of the assembly's published votes, by number (`None` for a draft or another
/// assembly's vote).
pub async fn vote_of_room(
    db: &impl ConnectionTrait,
    assembly_id: i64,
    vote_id: i64,
) -> Result<Option<crate::store::entities::vote::Model>, DbErr> {
    use crate::store::entities::vote;
    vote::Entity::find_by_id(vote_id)
        .filter(vote::Column::AssemblyId.eq(assembly_id))
        .filter(vote::Column::State.ne(crate::domain::vote::VoteState::Draft.key()))
        .one(db)
        .await
}

/// Makes an agenda item of this room current; `false` when the room has no such item.
pub async fn move_to_item(
    db: &impl ConnectionTrait,
    assembly_id: i64,
    item: i64,
) -> Result<bool, DbErr> {
    let found = agenda_item::Entity::find_by_id(item)
        .filter(agenda_item::Column::AssemblyId.eq(assembly_id))
        .one(db)
        .await?
        .is_some();
    if found {
        set_room_column(
            db,
            assembly_id,
            assembly::Column::CurrentItemId,
            item.into(),
        )
        .await?;
    }
    Ok(found)
}

/// Turns pre-moderation on or off.
pub async fn set_premoderation(
    db: &impl ConnectionTrait,
    assembly_id: i64,
    on: bool,
) -> Result<(), DbErr> {
    set_room_column(db, assembly_id, assembly::Column::Premoderation, on.into()).await
}

/// Opens or closes questions.
pub async fn set_questions_open(
    db: &impl ConnectionTrait,
    assembly_id: i64,
    open: bool,
) -> Result<(), DbErr> {
    set_room_column(
        db,
        assembly_id,
        assembly::Column::QuestionsOpen,
        open.into(),
    )
    .await
}

/// Opens or closes the live part of a council's assembly, as the rules of `LiveState` allow.
/// Opening makes the first agenda item current if none is.
pub async fn change_live_state(
    db: &impl ConnectionTrait,
    council_id: i64,
    id: i64,
    to: LiveState,
) -> Result<LiveState, AssemblyError> {
    let row = assembly::Entity::find_by_id(id)
        .filter(assembly::Column::CouncilId.eq(council_id))
        .one(db)
        .await?
        .ok_or(AssemblyError::NotFound)?;
    let from = LiveState::parse(&row.live_state).unwrap_or(LiveState::Before);
    let next = from
        .change(to, row.published_at.is_some())
        .map_err(|rule| AssemblyError::Refused(AssemblyRefusal::Rule(rule)))?;
    let first_item = agenda_item::Entity::find()
        .filter(agenda_item::Column::AssemblyId.eq(id))
        .order_by_asc(agenda_item::Column::Position)
        .one(db)
        .await?
        .map(|item| item.id);
    let current = row.current_item_id.or(first_item);
    let mut row: assembly::ActiveModel = row.into();
    row.live_state = Set(next.key().to_owned());
    row.current_item_id = Set(current);
    row.update(db).await?;
    Ok(next)
}
