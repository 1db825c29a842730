//! Who said they were at an assembly: a hash of their key in the assembly, kept apart from
//! their college (`attendance_waiting`, then `attendance_count`).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "attendance_participation")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub assembly_id: i64,
    #[sea_orm(primary_key, auto_increment = false)]
    pub voter: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
