//! A priority a council adopted after a vote (`domain::priority`).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "priority")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub vote_id: i64,
    pub rank: i32,
    pub title: String,
    pub title_easy: String,
    pub reason: String,
    pub reason_easy: String,
    /// `YYYY-MM-DD`.
    pub decided_on: String,
    pub decided_by: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
