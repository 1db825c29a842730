//! A closed survey's answer counts, grouped by one profile question (0: none), as JSON: kept
//! once counted, since a closed survey takes no more answers.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "survey_closed_count")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub survey_id: i64,
    #[sea_orm(primary_key, auto_increment = false)]
    pub by_question: i64,
    pub counts: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
