use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "question")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub assembly_id: i64,
    pub agenda_item_id: Option<i64>,
    pub body: String,
    pub first_name: Option<String>,
    pub college: Option<String>,
    pub status: String,
    pub reject_reason: Option<String>,
    pub answered: bool,
    pub pinned: bool,
    pub votes: i32,
    /// A facilitator's written answer, and its easy-read version.
    pub answer: Option<String>,
    pub answer_easy: Option<String>,
    pub asked_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
