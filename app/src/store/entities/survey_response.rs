//! One respondent's response: a random id and the day, nothing that points at them.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "survey_response")]
pub struct Model {
    /// Random, so that no order of arrival can be read from the responses.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub survey_id: i64,
    pub answered_on: ChronoDate,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
