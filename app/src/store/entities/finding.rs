use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "finding")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub council_id: i64,
    pub objective: String,
    pub position: i32,
    pub title: String,
    pub title_easy: String,
    pub summary: String,
    pub summary_easy: String,
    pub detail: String,
    pub detail_easy: String,
    pub source: String,
    pub published: bool,
    pub source_kind: String,
    pub source_year: Option<i32>,
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
