//! The audit log: what staff did, written in the transaction that did it, and read back.

use super::*;

pub async fn record_audit(
    db: &impl ConnectionTrait,
    council_id: Option<i64>,
    account_id: Option<i64>,
    action: &str,
    detail: &str,
) -> Result<(), DbErr> {
    audit_event::ActiveModel {
        council_id: Set(council_id),
        account_id: Set(account_id),
        action: Set(action.to_owned()),
        detail: Set(detail.to_owned()),
        at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// One line of the audit log: when, who (none for the operator's command line), what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub at: chrono::DateTime<Utc>,
    pub who: Option<String>,
    pub action: String,
    pub detail: String,
}

/// The newest `limit` events of a council: those recorded in it, and the sign-ins and
/// sign-outs of its staff (which belong to no council).
pub async fn audit_log(
    db: &DatabaseConnection,
    council_id: i64,
    limit: u64,
) -> Result<Vec<AuditEntry>, DbErr> {
    use sea_orm::{Condition, QuerySelect};
    let staff_ids: Vec<i64> = staff_role::Entity::find()
        .filter(staff_role::Column::CouncilId.eq(council_id))
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.account_id)
        .collect();
    let events = audit_event::Entity::find()
        .filter(
            Condition::any()
                .add(audit_event::Column::CouncilId.eq(council_id))
                .add(
                    Condition::all()
                        .add(audit_event::Column::CouncilId.is_null())
                        .add(audit_event::Column::AccountId.is_in(staff_ids)),
                ),
        )
        .order_by_desc(audit_event::Column::At)
        .order_by_desc(audit_event::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    let mut entries = Vec::with_capacity(events.len());
    for event in events {
        let who = match event.account_id {
            Some(id) => staff_account::Entity::find_by_id(id)
                .one(db)
                .await?
                .map(|a| a.display_name),
            None => None,
        };
        entries.push(AuditEntry {
            at: event.at,
            who,
            action: event.action,
            detail: event.detail,
        });
    }
    Ok(entries)
}
