//! A meeting's minutes in the database (`domain::minutes`): one row per assembly, written
//! over as the facilitator edits; publishing stamps the first time it left the draft.

use super::entities::{assembly, minutes};
use super::staff::record_audit;
use crate::domain::audit_detail;
use crate::domain::minutes::{Minutes, MinutesAudience, MinutesFields};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, QueryOrder, Set,
};

fn of_row(row: minutes::Model) -> Minutes {
    Minutes {
        assembly: row.assembly_id,
        fields: MinutesFields {
            text: row.text,
            text_easy: row.text_easy,
            audience: MinutesAudience::parse(&row.audience).unwrap_or(MinutesAudience::Draft),
        },
        published_unix: row.published_at.map(|at| at.timestamp()),
    }
}

/// The minutes of an assembly, if any were started.
pub async fn minutes_of(
    db: &impl ConnectionTrait,
    assembly_id: i64,
) -> Result<Option<Minutes>, DbErr> {
    Ok(minutes::Entity::find()
        .filter(minutes::Column::AssemblyId.eq(assembly_id))
        .one(db)
        .await?
        .map(of_row))
}

/// Writes the minutes of an assembly of the council (new or over the old ones), with the
/// audit line, in one transaction.
pub async fn save_minutes(
    db: &DatabaseConnection,
    council_id: i64,
    assembly_id: i64,
    fields: &MinutesFields,
    by: Option<i64>,
) -> Result<(), DbErr> {
    let txn = super::begin_write(db).await?;
    let now = Utc::now();
    let published = fields.audience != MinutesAudience::Draft;
    match minutes::Entity::find()
        .filter(minutes::Column::AssemblyId.eq(assembly_id))
        .one(&txn)
        .await?
    {
        Some(row) => {
            let first_publication = row.published_at.is_none() && published;
            let mut row: minutes::ActiveModel = row.into();
            row.text = Set(fields.text.clone());
            row.text_easy = Set(fields.text_easy.clone());
            row.audience = Set(fields.audience.key().to_owned());
            row.updated_at = Set(now);
            row.updated_by = Set(by);
            if first_publication {
                row.published_at = Set(Some(now));
            } else if !published {
                row.published_at = Set(None);
            }
            row.update(&txn).await?;
        }
        None => {
            minutes::ActiveModel {
                assembly_id: Set(assembly_id),
                text: Set(fields.text.clone()),
                text_easy: Set(fields.text_easy.clone()),
                audience: Set(fields.audience.key().to_owned()),
                updated_at: Set(now),
                published_at: Set(published.then_some(now)),
                updated_by: Set(by),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
    }
    record_audit(
        &txn,
        Some(council_id),
        by,
        "minutes-saved",
        &audit_detail(&[
            ("assembly", &assembly_id.to_string()),
            ("audience", fields.audience.key()),
        ]),
    )
    .await?;
    txn.commit().await
}

/// The published minutes of a body's meetings (meeting id, audience), latest meeting first.
pub async fn published_of_body(
    db: &impl ConnectionTrait,
    body_id: i64,
) -> Result<Vec<(i64, MinutesAudience)>, DbErr> {
    let meetings: Vec<i64> = assembly::Entity::find()
        .filter(assembly::Column::BodyId.eq(body_id))
        .order_by_desc(assembly::Column::StartsAt)
        .all(db)
        .await?
        .into_iter()
        .map(|row| row.id)
        .collect();
    let rows = minutes::Entity::find()
        .filter(minutes::Column::AssemblyId.is_in(meetings.clone()))
        .filter(minutes::Column::Audience.ne(MinutesAudience::Draft.key()))
        .all(db)
        .await?;
    Ok(meetings
        .into_iter()
        .filter_map(|id| {
            rows.iter().find(|row| row.assembly_id == id).map(|row| {
                (
                    id,
                    MinutesAudience::parse(&row.audience).unwrap_or(MinutesAudience::Draft),
                )
            })
        })
        .collect())
}
