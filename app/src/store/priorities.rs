//! The priorities adopted after a vote (`domain::priority`): added at the end of the vote's
//! list, moved one place at a time, removed; ranks stay 1..=n. Each change and its audit
//! line are one transaction. The caller checks the vote is the council's and has ended.

use super::entities::{priority, priority_finding};
use super::staff::record_audit;
use crate::domain::Wording;
use crate::domain::audit_detail;
use crate::domain::priority::{PRIORITIES_PER_VOTE_MAX, Priority, PriorityDraft};
use chrono::{NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, QueryOrder, Set,
};

#[derive(Debug, thiserror::Error)]
pub enum PriorityError {
    #[error("no such priority for this vote")]
    NotFound,
    /// The id of the rule refused (a Fluent id).
    #[error("refused: {0}")]
    Refused(&'static str),
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// Who changes what: the council (for the audit log), the vote, the staff account.
#[derive(Debug, Clone, Copy)]
pub struct PriorityScope {
    pub council_id: i64,
    pub vote_id: i64,
    pub by: Option<i64>,
}

/// The priorities adopted after a vote, first first.
pub async fn of_vote(db: &impl ConnectionTrait, vote_id: i64) -> Result<Vec<Priority>, DbErr> {
    let rows = priority::Entity::find()
        .filter(priority::Column::VoteId.eq(vote_id))
        .order_by_asc(priority::Column::Rank)
        .all(db)
        .await?;
    let links = priority_finding::Entity::find()
        .filter(priority_finding::Column::PriorityId.is_in(rows.iter().map(|r| r.id)))
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|row| Priority {
            id: row.id,
            vote_id: row.vote_id,
            rank: u32::try_from(row.rank).unwrap_or(0),
            findings: links
                .iter()
                .filter(|link| link.priority_id == row.id)
                .map(|link| link.finding_id)
                .collect(),
            title: Wording {
                plain: row.title,
                easy: row.title_easy,
            },
            reason: Wording {
                plain: row.reason,
                easy: row.reason_easy,
            },
            decided_on: NaiveDate::parse_from_str(&row.decided_on, "%Y-%m-%d").unwrap_or_default(),
            decided_by: row.decided_by,
        })
        .collect())
}

/// A council's adopted priorities, by vote (the newest vote first): the vote's id and title
/// and its priorities in order; votes without any are left out.
pub async fn of_council(
    db: &impl ConnectionTrait,
    council_id: i64,
) -> Result<Vec<(i64, String, Vec<Priority>)>, DbErr> {
    use super::entities::vote;
    let votes = vote::Entity::find()
        .filter(vote::Column::CouncilId.eq(council_id))
        .order_by_desc(vote::Column::Id)
        .all(db)
        .await?;
    let mut decided = Vec::new();
    for row in votes {
        let priorities = of_vote(db, row.id).await?;
        if !priorities.is_empty() {
            decided.push((row.id, row.title, priorities));
        }
    }
    Ok(decided)
}

/// Adds a priority after the vote's last one.
pub async fn add(
    db: &DatabaseConnection,
    scope: PriorityScope,
    draft: &PriorityDraft,
) -> Result<i64, PriorityError> {
    let txn = super::begin_write(db).await?;
    let ranks = ranked(&txn, scope.vote_id).await?;
    if ranks.len() >= PRIORITIES_PER_VOTE_MAX {
        return Err(PriorityError::Refused("error-priority-too-many"));
    }
    let rank = i32::try_from(ranks.len() + 1).unwrap_or(i32::MAX);
    let row = priority::ActiveModel {
        vote_id: Set(scope.vote_id),
        rank: Set(rank),
        title: Set(draft.title.plain.clone()),
        title_easy: Set(draft.title.easy.clone()),
        reason: Set(draft.reason.plain.clone()),
        reason_easy: Set(draft.reason.easy.clone()),
        decided_on: Set(draft.decided_on.format("%Y-%m-%d").to_string()),
        decided_by: Set(draft.decided_by.clone()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    for finding in &draft.findings {
        priority_finding::ActiveModel {
            priority_id: Set(row.id),
            finding_id: Set(*finding),
        }
        .insert(&txn)
        .await?;
    }
    audit(&txn, scope, "priority-adopted", row.id).await?;
    txn.commit().await?;
    Ok(row.id)
}

/// Moves a priority one place up or down; at an end, nothing changes.
pub async fn shift(
    db: &DatabaseConnection,
    scope: PriorityScope,
    id: i64,
    up: bool,
) -> Result<(), PriorityError> {
    let txn = super::begin_write(db).await?;
    let ranks = ranked(&txn, scope.vote_id).await?;
    if !ranks.contains(&id) {
        return Err(PriorityError::NotFound);
    }
    let Some(order) = crate::domain::priority::moved(&ranks, id, up) else {
        return Err(PriorityError::Refused("error-priority-at-end"));
    };
    renumber(&txn, &order).await?;
    audit(&txn, scope, "priority-moved", id).await?;
    txn.commit().await?;
    Ok(())
}

/// Removes a priority; those after it move up.
pub async fn remove(
    db: &DatabaseConnection,
    scope: PriorityScope,
    id: i64,
) -> Result<(), PriorityError> {
    let txn = super::begin_write(db).await?;
    let mut ranks = ranked(&txn, scope.vote_id).await?;
    if !ranks.contains(&id) {
        return Err(PriorityError::NotFound);
    }
    priority_finding::Entity::delete_many()
        .filter(priority_finding::Column::PriorityId.eq(id))
        .exec(&txn)
        .await?;
    priority::Entity::delete_by_id(id).exec(&txn).await?;
    ranks.retain(|r| *r != id);
    renumber(&txn, &ranks).await?;
    audit(&txn, scope, "priority-removed", id).await?;
    txn.commit().await?;
    Ok(())
}

/// The vote's priority ids, first first.
async fn ranked(db: &impl ConnectionTrait, vote_id: i64) -> Result<Vec<i64>, DbErr> {
    Ok(priority::Entity::find()
        .filter(priority::Column::VoteId.eq(vote_id))
        .order_by_asc(priority::Column::Rank)
        .all(db)
        .await?
        .into_iter()
        .map(|row| row.id)
        .collect())
}

async fn renumber(db: &impl ConnectionTrait, order: &[i64]) -> Result<(), DbErr> {
    for (rank, id) in (1..).zip(order) {
        priority::ActiveModel {
            id: Set(*id),
            rank: Set(rank),
            ..Default::default()
        }
        .update(db)
        .await?;
    }
    Ok(())
}

async fn audit(
    db: &impl ConnectionTrait,
    scope: PriorityScope,
    action: &str,
    id: i64,
) -> Result<(), DbErr> {
    let detail = audit_detail(&[
        ("vote", &scope.vote_id.to_string()),
        ("priority", &id.to_string()),
    ]);
    record_audit(db, Some(scope.council_id), scope.by, action, &detail).await
}
