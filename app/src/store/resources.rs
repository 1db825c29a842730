//! A council's guide of local resources.

use super::entities::local_resource;
use crate::domain::{LocalResource, RESOURCES_MAX, ResourceFields, ResourceKind, Wording};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, Set,
};

/// Why a change to the guide was refused.
#[derive(Debug, thiserror::Error)]
pub enum ResourceError {
    #[error("refused: {0}")]
    Refused(&'static str),
    #[error("not in this council")]
    NotFound,
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// The council's resources, by name.
pub async fn resources_of(
    db: &DatabaseConnection,
    council_id: i64,
) -> Result<Vec<LocalResource>, DbErr> {
    local_resource::Entity::find()
        .filter(local_resource::Column::CouncilId.eq(council_id))
        .order_by_asc(local_resource::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .map(to_resource)
        .collect()
}

/// One resource, only if it is the council's.
pub async fn resource_of(
    db: &DatabaseConnection,
    council_id: i64,
    id: i64,
) -> Result<Option<LocalResource>, DbErr> {
    local_resource::Entity::find_by_id(id)
        .filter(local_resource::Column::CouncilId.eq(council_id))
        .one(db)
        .await?
        .map(to_resource)
        .transpose()
}

fn to_resource(row: local_resource::Model) -> Result<LocalResource, DbErr> {
    Ok(LocalResource {
        id: row.id,
        fields: ResourceFields {
            kind: ResourceKind::from_key(&row.kind)
                .ok_or_else(|| DbErr::Custom(format!("stored resource kind {:?}", row.kind)))?,
            name: row.name,
            description: Wording {
                plain: row.description,
                easy: row.description_easy,
            },
            address: row.address,
            hours: row.hours,
            phone: row.phone,
            website: row.website,
            accessibility: row.accessibility,
        },
    })
}

fn row_of(council_id: i64, fields: &ResourceFields) -> local_resource::ActiveModel {
    local_resource::ActiveModel {
        council_id: Set(council_id),
        kind: Set(fields.kind.key().to_owned()),
        name: Set(fields.name.clone()),
        description: Set(fields.description.plain.clone()),
        description_easy: Set(fields.description.easy.clone()),
        address: Set(fields.address.clone()),
        hours: Set(fields.hours.clone()),
        phone: Set(fields.phone.clone()),
        website: Set(fields.website.clone()),
        accessibility: Set(fields.accessibility.clone()),
        ..Default::default()
    }
}

/// Adds a resource (`id` `None`) or rewrites one of the council's; returns its id.
pub async fn save_resource(
    db: &DatabaseConnection,
    council_id: i64,
    id: Option<i64>,
    fields: &ResourceFields,
    by: Option<i64>,
) -> Result<i64, ResourceError> {
    let txn = super::begin_write(db).await?;
    let mut row = row_of(council_id, fields);
    let (id, action) = match id {
        Some(id) => {
            local_resource::Entity::find_by_id(id)
                .filter(local_resource::Column::CouncilId.eq(council_id))
                .one(&txn)
                .await?
                .ok_or(ResourceError::NotFound)?;
            row.id = Set(id);
            row.update(&txn).await?;
            (id, "resource-edited")
        }
        None => {
            let count = local_resource::Entity::find()
                .filter(local_resource::Column::CouncilId.eq(council_id))
                .count(&txn)
                .await?;
            if count >= RESOURCES_MAX as u64 {
                return Err(ResourceError::Refused("error-resource-too-many"));
            }
            (row.insert(&txn).await?.id, "resource-added")
        }
    };
    let detail = crate::domain::audit_detail(&[("resource", &id.to_string())]);
    super::staff::record_audit(&txn, Some(council_id), by, action, &detail).await?;
    txn.commit().await?;
    Ok(id)
}

pub async fn delete_resource(
    db: &DatabaseConnection,
    council_id: i64,
    id: i64,
    by: Option<i64>,
) -> Result<(), ResourceError> {
    let txn = super::begin_write(db).await?;
    let deleted = local_resource::Entity::delete_many()
        .filter(local_resource::Column::Id.eq(id))
        .filter(local_resource::Column::CouncilId.eq(council_id))
        .exec(&txn)
        .await?;
    if deleted.rows_affected == 0 {
        return Err(ResourceError::NotFound);
    }
    let detail = crate::domain::audit_detail(&[("resource", &id.to_string())]);
    super::staff::record_audit(&txn, Some(council_id), by, "resource-deleted", &detail).await?;
    txn.commit().await?;
    Ok(())
}
