//! Documents a body or a meeting holds (`domain::document`), their bytes in the database
//! beside their checked type: a backup of the database is a backup of the documents.

use super::entities::document;
use super::staff::record_audit;
use crate::domain::audit_detail;
use crate::domain::document::{DOCUMENTS_MAX, Document, DocumentFields, DocumentType};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};

/// What holds a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holder {
    Body(i64),
    /// A meeting (an assembly), and the body whose meeting it is.
    Meeting {
        assembly: i64,
        body: Option<i64>,
    },
}

impl Holder {
    fn filter(self) -> sea_orm::Condition {
        match self {
            Holder::Body(body) => sea_orm::Condition::all()
                .add(document::Column::BodyId.eq(body))
                .add(document::Column::AssemblyId.is_null()),
            Holder::Meeting { assembly, .. } => {
                sea_orm::Condition::all().add(document::Column::AssemblyId.eq(assembly))
            }
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    #[error("no such document in this council")]
    NotFound,
    #[error("refused: {0}")]
    Refused(&'static str),
    #[error(transparent)]
    Db(#[from] DbErr),
}

type Listed = (i64, String, String, String, i64, bool, bool);

/// The documents of a body (its own, not its meetings') or of a meeting, oldest first;
/// never their bytes.
pub async fn documents_of(db: &DatabaseConnection, holder: Holder) -> Result<Vec<Document>, DbErr> {
    let rows: Vec<Listed> = document::Entity::find()
        .select_only()
        .columns([
            document::Column::Id,
            document::Column::Title,
            document::Column::FileName,
            document::Column::ContentType,
            document::Column::Size,
            document::Column::EasyRead,
            document::Column::MembersOnly,
        ])
        .filter(holder.filter())
        .order_by_asc(document::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(
            |(id, title, file_name, content_type, size, easy_read, members_only)| {
                Some(Document {
                    id,
                    fields: DocumentFields {
                        title,
                        easy_read,
                        members_only,
                    },
                    kind: DocumentType::from_mime(&content_type)?,
                    file_name,
                    size: u64::try_from(size).unwrap_or(0),
                })
            },
        )
        .collect())
}

/// Keeps a checked file for `holder`, with its audit line; refused past `DOCUMENTS_MAX`.
pub async fn add_document(
    db: &DatabaseConnection,
    council_id: i64,
    holder: Holder,
    fields: &DocumentFields,
    kind: DocumentType,
    bytes: Vec<u8>,
    by: Option<i64>,
) -> Result<i64, DocumentError> {
    let txn = super::begin_write(db).await?;
    let count = document::Entity::find()
        .filter(document::Column::CouncilId.eq(council_id))
        .filter(holder.filter())
        .count(&txn)
        .await?;
    if count >= DOCUMENTS_MAX as u64 {
        return Err(DocumentError::Refused("error-documents-full"));
    }
    let (body_id, assembly_id) = match holder {
        Holder::Body(body) => (Some(body), None),
        Holder::Meeting { assembly, body } => (body, Some(assembly)),
    };
    let id = document::ActiveModel {
        council_id: Set(council_id),
        body_id: Set(body_id),
        assembly_id: Set(assembly_id),
        title: Set(fields.title.clone()),
        file_name: Set(crate::domain::document::file_name(&fields.title, kind)),
        content_type: Set(kind.mime().to_owned()),
        size: Set(i64::try_from(bytes.len()).unwrap_or(i64::MAX)),
        easy_read: Set(fields.easy_read),
        members_only: Set(fields.members_only),
        bytes: Set(bytes),
        uploaded_by: Set(by),
        uploaded_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?
    .id;
    record_audit(
        &txn,
        Some(council_id),
        by,
        "document-added",
        &audit_detail(&[("document", &id.to_string())]),
    )
    .await?;
    txn.commit().await?;
    Ok(id)
}

/// Deletes a document of the council, with its audit line.
pub async fn remove_document(
    db: &DatabaseConnection,
    council_id: i64,
    id: i64,
    by: Option<i64>,
) -> Result<(), DocumentError> {
    let txn = super::begin_write(db).await?;
    let gone = document::Entity::delete_many()
        .filter(document::Column::Id.eq(id))
        .filter(document::Column::CouncilId.eq(council_id))
        .exec(&txn)
        .await?
        .rows_affected;
    if gone == 0 {
        return Err(DocumentError::NotFound);
    }
    record_audit(
        &txn,
        Some(council_id),
        by,
        "document-removed",
        &audit_detail(&[("document", &id.to_string())]),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// A document of the council with its bytes, and what decides who may read it.
pub async fn document_file(
    db: &DatabaseConnection,
    council_id: i64,
    id: i64,
) -> Result<Option<document::Model>, DbErr> {
    document::Entity::find_by_id(id)
        .filter(document::Column::CouncilId.eq(council_id))
        .one(db)
        .await
}

/// Where a document belongs: (its body, its meeting).
pub async fn holder_of(
    db: &DatabaseConnection,
    council_id: i64,
    id: i64,
) -> Result<Option<(Option<i64>, Option<i64>)>, DbErr> {
    document::Entity::find_by_id(id)
        .select_only()
        .columns([document::Column::BodyId, document::Column::AssemblyId])
        .filter(document::Column::CouncilId.eq(council_id))
        .into_tuple()
        .one(db)
        .await
}
