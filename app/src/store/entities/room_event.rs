use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "room_event")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub assembly_id: i64,
    pub seq: i64,
    pub public_frame: String,
    pub staff_frame: Option<String>,
    pub at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
