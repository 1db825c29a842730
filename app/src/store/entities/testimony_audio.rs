//! A testimony's audio message, until a moderator has written it down and decided.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "testimony_audio")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub testimony_id: i64,
    #[sea_orm(column_type = "Blob")]
    pub bytes: Vec<u8>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
