//! The testimony on a council's projector, if any (one row per council at most).
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "testimony_on_screen")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub council_id: i64,
    pub testimony_id: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
