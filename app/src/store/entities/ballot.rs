//! A secret ballot in the box: its choices and the voter's self-declared college, nothing
//! else. It reaches the box mixed with others (`store::votes::mix`), never alone.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "ballot")]
pub struct Model {
    /// Random, drawn when it is mixed: no order of arrival, nothing shared with its waiting
    /// row.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub vote_id: i64,
    pub college: String,
    pub choice: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
