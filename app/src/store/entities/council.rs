use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "council")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub slug: String,
    pub name: String,
    pub territory: String,
    pub description: String,
    pub description_easy: String,
    pub created_at: ChronoDateTimeUtc,
    pub time_zone: String,
    pub min_group_size: i32,
    /// Local help resources, one per line (`domain::parse_local_help`).
    pub local_help: String,
    /// Set when the council stopped being hosted: listed nowhere, its pages 404, kept.
    pub archived_at: Option<ChronoDateTimeUtc>,
    pub chair: String,
    pub co_host: String,
    pub contact: String,
    /// On the instance's index; unlisted, reached by its address only.
    pub listed: bool,
    pub picto: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::college::Entity")]
    College,
    #[sea_orm(has_many = "super::finding::Entity")]
    Finding,
}

impl Related<super::college::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::College.def()
    }
}

impl Related<super::finding::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Finding.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
