//! A meeting's minutes (`domain::minutes`): one text and its easy-read version per
//! assembly, a draft until a facilitator publishes it to the body's members or to everyone;
//! and the documents a body or a meeting holds (reports, slides, easy-read versions), kept
//! in the database with the type they were checked to be.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Minutes::Table)
                    .col(pk_auto(Minutes::Id).big_integer())
                    .col(big_integer_uniq(Minutes::AssemblyId))
                    .col(text(Minutes::Text))
                    .col(text(Minutes::TextEasy))
                    // `draft`, `members` or `public`.
                    .col(string_len(Minutes::Audience, 16))
                    .col(timestamp_with_time_zone(Minutes::UpdatedAt))
                    .col(timestamp_with_time_zone_null(Minutes::PublishedAt))
                    .col(big_integer_null(Minutes::UpdatedBy))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Minutes::Table, Minutes::AssemblyId)
                            .to(Assembly::Table, Assembly::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Minutes::Table, Minutes::UpdatedBy)
                            .to(StaffAccount::Table, StaffAccount::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Document::Table)
                    .col(pk_auto(Document::Id).big_integer())
                    .col(big_integer(Document::CouncilId))
                    // A body's document, or a meeting's (then `body_id` is the meeting's body,
                    // if any).
                    .col(big_integer_null(Document::BodyId))
                    .col(big_integer_null(Document::AssemblyId))
                    .col(string_len(Document::Title, 200))
                    .col(string_len(Document::FileName, 120))
                    .col(string_len(Document::ContentType, 100))
                    .col(big_integer(Document::Size))
                    .col(boolean(Document::EasyRead).default(false))
                    .col(boolean(Document::MembersOnly).default(false))
                    .col(blob(Document::Bytes))
                    .col(big_integer_null(Document::UploadedBy))
                    .col(timestamp_with_time_zone(Document::UploadedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Document::Table, Document::CouncilId)
                            .to(Council::Table, Council::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Document::Table, Document::BodyId)
                            .to(Body::Table, Body::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Document::Table, Document::AssemblyId)
                            .to(Assembly::Table, Assembly::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Document::Table, Document::UploadedBy)
                            .to(StaffAccount::Table, StaffAccount::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            ("document_body", Document::BodyId),
            ("document_assembly", Document::AssemblyId),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(Document::Table)
                        .col(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Document::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Minutes::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Council {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Body {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Assembly {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum StaffAccount {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Minutes {
    Table,
    Id,
    AssemblyId,
    Text,
    TextEasy,
    Audience,
    UpdatedAt,
    PublishedAt,
    UpdatedBy,
}

#[derive(DeriveIden, Clone, Copy)]
enum Document {
    Table,
    Id,
    CouncilId,
    BodyId,
    AssemblyId,
    Title,
    FileName,
    ContentType,
    Size,
    EasyRead,
    MembersOnly,
    Bytes,
    UploadedBy,
    UploadedAt,
}
