//! A meeting's minutes (`domain::minutes`).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "minutes")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub assembly_id: i64,
    pub text: String,
    pub text_easy: String,
    /// `MinutesAudience::key`.
    pub audience: String,
    pub updated_at: DateTimeUtc,
    pub published_at: Option<DateTimeUtc>,
    pub updated_by: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
