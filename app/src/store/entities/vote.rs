use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "vote")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub council_id: i64,
    pub assembly_id: Option<i64>,
    pub title: String,
    pub method: String,
    pub integrity: String,
    pub max_points: i32,
    pub max_points_per_candidate: i32,
    pub opens_at: ChronoDateTimeUtc,
    pub closes_at: ChronoDateTimeUtc,
    pub state: String,
    pub results_revealed: bool,
    pub created_at: ChronoDateTimeUtc,
    pub colleges: String,
    /// The box was mixed whole once the vote ended (`store::votes::mix`).
    pub ballots_settled: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
