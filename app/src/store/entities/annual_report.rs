//! What the coordinator writes in a year's report (`domain::report`).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "annual_report")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub council_id: i64,
    #[sea_orm(primary_key, auto_increment = false)]
    pub year: i32,
    pub partnerships: String,
    pub partnerships_easy: String,
    pub difficulties: String,
    pub difficulties_easy: String,
    pub plans: String,
    pub plans_easy: String,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
