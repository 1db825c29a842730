//! The council's action programme (`domain::action`): actions and their dated updates. An
//! update that moves the status changes the action in the same transaction, with its audit
//! line. Actions are never deleted: a programme keeps what it gave up, saying why.

use super::entities::{action, action_update};
use super::staff::record_audit;
use crate::domain::Wording;
use crate::domain::action::{
    ACTIONS_MAX, Action, ActionDraft, ActionStatus, ActionUpdate, UPDATES_MAX, UpdateDraft,
};
use crate::domain::{ObjectiveKey, audit_detail};
use chrono::{NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, Set,
};

#[derive(Debug, thiserror::Error)]
pub enum ProgrammeError {
    #[error("no such action in this council")]
    NotFound,
    /// The id of the rule refused (a Fluent id).
    #[error("refused: {0}")]
    Refused(&'static str),
    #[error(transparent)]
    Db(#[from] DbErr),
}

fn day(raw: &str) -> NaiveDate {
    NaiveDate::parse_from_str(raw, "%Y-%m-%d").unwrap_or_default()
}

fn stored_day(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

fn status(raw: &str) -> ActionStatus {
    ActionStatus::parse(raw).unwrap_or(ActionStatus::Planned)
}

fn action_from(row: action::Model, updates: &[action_update::Model]) -> Action {
    Action {
        id: row.id,
        status: status(&row.status),
        updates: updates
            .iter()
            .filter(|update| update.action_id == row.id)
            .map(|update| ActionUpdate {
                id: update.id,
                on: day(&update.happened_on),
                text: Wording {
                    plain: update.text.clone(),
                    easy: update.text_easy.clone(),
                },
                status: update.status.as_deref().and_then(ActionStatus::parse),
            })
            .collect(),
        fields: ActionDraft {
            title: Wording {
                plain: row.title,
                easy: row.title_easy,
            },
            summary: Wording {
                plain: row.summary,
                easy: row.summary_easy,
            },
            priority: row.priority_id,
            objective: row.objective_key.as_deref().and_then(ObjectiveKey::parse),
            lead: row.lead,
            partners: row.partners,
            public: row.public_concerned,
            budget: row.budget.and_then(|euros| u64::try_from(euros).ok()),
            funder: row.funder,
            starts_on: day(&row.starts_on),
            ends_on: row.ends_on.as_deref().map(day),
        },
    }
}

/// The council's actions, the earliest start first, each with its updates newest first.
pub async fn actions_of(db: &impl ConnectionTrait, council_id: i64) -> Result<Vec<Action>, DbErr> {
    let rows = action::Entity::find()
        .filter(action::Column::CouncilId.eq(council_id))
        .order_by_asc(action::Column::StartsOn)
        .order_by_asc(action::Column::Id)
        .all(db)
        .await?;
    let updates = updates_of(db, rows.iter().map(|row| row.id)).await?;
    Ok(rows
        .into_iter()
        .map(|row| action_from(row, &updates))
        .collect())
}

/// One action of the council.
pub async fn action_of(
    db: &impl ConnectionTrait,
    council_id: i64,
    id: i64,
) -> Result<Option<Action>, DbErr> {
    let Some(row) = action::Entity::find_by_id(id)
        .filter(action::Column::CouncilId.eq(council_id))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let updates = updates_of(db, [row.id]).await?;
    Ok(Some(action_from(row, &updates)))
}

async fn updates_of(
    db: &impl ConnectionTrait,
    actions: impl IntoIterator<Item = i64>,
) -> Result<Vec<action_update::Model>, DbErr> {
    action_update::Entity::find()
        .filter(action_update::Column::ActionId.is_in(actions))
        .order_by_desc(action_update::Column::HappenedOn)
        .order_by_desc(action_update::Column::Id)
        .all(db)
        .await
}

/// Saves an action: a new one (`existing` `None`) starts planned.
pub async fn save_action(
    db: &DatabaseConnection,
    council_id: i64,
    existing: Option<i64>,
    draft: &ActionDraft,
    by: Option<i64>,
) -> Result<i64, ProgrammeError> {
    let txn = super::begin_write(db).await?;
    let mut row = match existing {
        Some(id) => {
            let found = action::Entity::find_by_id(id)
                .filter(action::Column::CouncilId.eq(council_id))
                .one(&txn)
                .await?
                .ok_or(ProgrammeError::NotFound)?;
            action::ActiveModel {
                id: Set(found.id),
                ..Default::default()
            }
        }
        None => {
            let held = action::Entity::find()
                .filter(action::Column::CouncilId.eq(council_id))
                .count(&txn)
                .await?;
            if usize::try_from(held).unwrap_or(usize::MAX) >= ACTIONS_MAX {
                return Err(ProgrammeError::Refused("error-action-too-many"));
            }
            action::ActiveModel {
                council_id: Set(council_id),
                status: Set(ActionStatus::Planned.key().to_owned()),
                created_at: Set(Utc::now()),
                ..Default::default()
            }
        }
    };
    row.priority_id = Set(draft.priority);
    row.objective_key = Set(draft.objective.as_ref().map(|key| key.as_str().to_owned()));
    row.title = Set(draft.title.plain.clone());
    row.title_easy = Set(draft.title.easy.clone());
    row.summary = Set(draft.summary.plain.clone());
    row.summary_easy = Set(draft.summary.easy.clone());
    row.lead = Set(draft.lead.clone());
    row.partners = Set(draft.partners.clone());
    row.public_concerned = Set(draft.public.clone());
    row.budget = Set(draft.budget.and_then(|euros| i64::try_from(euros).ok()));
    row.funder = Set(draft.funder.clone());
    row.starts_on = Set(stored_day(draft.starts_on));
    row.ends_on = Set(draft.ends_on.map(stored_day));
    let (id, verb) = match existing {
        Some(_) => (row.update(&txn).await?.id, "action-changed"),
        None => (row.insert(&txn).await?.id, "action-added"),
    };
    audit(&txn, council_id, by, verb, id).await?;
    txn.commit().await?;
    Ok(id)
}

/// Adds a dated update; when it moves the status, the action moves with it.
pub async fn add_update(
    db: &DatabaseConnection,
    council_id: i64,
    action_id: i64,
    draft: &UpdateDraft,
    by: Option<i64>,
) -> Result<i64, ProgrammeError> {
    let txn = super::begin_write(db).await?;
    action::Entity::find_by_id(action_id)
        .filter(action::Column::CouncilId.eq(council_id))
        .one(&txn)
        .await?
        .ok_or(ProgrammeError::NotFound)?;
    let held = action_update::Entity::find()
        .filter(action_update::Column::ActionId.eq(action_id))
        .count(&txn)
        .await?;
    if usize::try_from(held).unwrap_or(usize::MAX) >= UPDATES_MAX {
        return Err(ProgrammeError::Refused("error-action-too-many-updates"));
    }
    let row = action_update::ActiveModel {
        action_id: Set(action_id),
        happened_on: Set(stored_day(draft.on)),
        text: Set(draft.text.plain.clone()),
        text_easy: Set(draft.text.easy.clone()),
        status: Set(draft.status.map(|status| status.key().to_owned())),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    if let Some(status) = draft.status {
        action::ActiveModel {
            id: Set(action_id),
            status: Set(status.key().to_owned()),
            ..Default::default()
        }
        .update(&txn)
        .await?;
    }
    audit(&txn, council_id, by, "action-updated", action_id).await?;
    txn.commit().await?;
    Ok(row.id)
}

async fn audit(
    db: &impl ConnectionTrait,
    council_id: i64,
    by: Option<i64>,
    verb: &str,
    id: i64,
) -> Result<(), DbErr> {
    let detail = audit_detail(&[("action", &id.to_string())]);
    record_audit(db, Some(council_id), by, verb, &detail).await
}
