//! A survey of a council: draft, open or closed.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "survey")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub council_id: i64,
    pub title: String,
    pub title_easy: String,
    pub intro: String,
    pub intro_easy: String,
    pub state: String,
    pub one_per_person: bool,
    pub created_at: ChronoDateTimeUtc,
    /// All its responses were mixed once more when it closed (`store::surveys::mix`).
    pub responses_settled: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
