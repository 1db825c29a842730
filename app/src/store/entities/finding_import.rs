use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "finding_import")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub council_id: i64,
    /// The file's name as sent, shown on the preview.
    pub file_name: String,
    /// The checked findings, JSON (`Vec<domain::FindingFields>`).
    pub findings: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
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
