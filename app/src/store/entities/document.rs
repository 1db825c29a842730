//! A document a body or a meeting holds (`domain::document`).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "document")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub council_id: i64,
    pub body_id: Option<i64>,
    pub assembly_id: Option<i64>,
    pub title: String,
    pub file_name: String,
    /// One of `DocumentType`'s, checked from the file's first bytes.
    pub content_type: String,
    pub size: i64,
    pub easy_read: bool,
    pub members_only: bool,
    #[sea_orm(column_type = "Blob")]
    pub bytes: Vec<u8>,
    pub uploaded_by: Option<i64>,
    pub uploaded_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
