//! A secret ballot: its choices and the voter's self-declared college, nothing else.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "ballot")]
pub struct Model {
    /// Random, so that no order of arrival can be read from the ballots.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub vote_id: i64,
    pub college: String,
    pub choice: String,
    pub cast_on: ChronoDate,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
