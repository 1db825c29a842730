//! A finding a priority rests on.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "priority_finding")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub priority_id: i64,
    #[sea_orm(primary_key, auto_increment = false)]
    pub finding_id: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
