//! One respondent's response: a random id, nothing that points at them or at when they
//! answered. It reaches this table mixed with others (`store::surveys::mix`), never alone.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "survey_response")]
pub struct Model {
    /// Random, drawn when it is mixed: no order of arrival, nothing shared with its
    /// waiting row.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub survey_id: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
