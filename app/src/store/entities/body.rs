//! A body of the council (`domain::body`).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "body")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub council_id: i64,
    /// `BodyKind::key`.
    pub kind: String,
    pub name: String,
    pub purpose: String,
    pub purpose_easy: String,
    pub priority_id: Option<i64>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
