//! An action of the council's programme (`domain::action`).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "action")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub council_id: i64,
    pub priority_id: Option<i64>,
    pub objective_key: Option<String>,
    pub title: String,
    pub title_easy: String,
    pub summary: String,
    pub summary_easy: String,
    pub lead: String,
    pub partners: String,
    pub public_concerned: String,
    pub budget: Option<i64>,
    pub funder: String,
    /// `YYYY-MM-DD`.
    pub starts_on: String,
    pub ends_on: Option<String>,
    /// `ActionStatus::key`.
    pub status: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
