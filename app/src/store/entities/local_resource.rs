use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "local_resource")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub council_id: i64,
    pub kind: String,
    pub name: String,
    pub description: String,
    pub description_easy: String,
    pub address: String,
    pub hours: String,
    pub phone: String,
    pub website: String,
    pub accessibility: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::council::Entity",
        from = "Column::CouncilId",
        to = "super::council::Column::Id",
        on_delete = "Cascade"
    )]
    Council,
}

impl Related<super::council::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Council.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
