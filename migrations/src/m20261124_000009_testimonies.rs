//! Testimonies (docs/testimony.md): what an usager or an aidant tells the council, with the
//! consents they chose, waiting for a moderator. The private link's token is kept only as
//! a hash; nothing points at the person who posted.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Testimony::Table)
                    .col(pk_auto(Testimony::Id).big_integer())
                    .col(big_integer(Testimony::CouncilId))
                    .col(big_integer_null(Testimony::FindingId))
                    .col(big_integer_null(Testimony::AssemblyId))
                    .col(string_len_null(Testimony::Pseudonym, 40))
                    .col(string_len_null(Testimony::College, 32))
                    .col(text(Testimony::Happened))
                    .col(text(Testimony::Helped))
                    .col(text(Testimony::Change))
                    .col(boolean(Testimony::ConsentPublic))
                    .col(boolean(Testimony::ConsentProjector))
                    .col(boolean(Testimony::ConsentReport))
                    .col(string_len(Testimony::Review, 16))
                    // To the author, through the private link: what to change, or why not.
                    .col(text_null(Testimony::ModeratorNote))
                    .col(text_null(Testimony::ContentWarning))
                    .col(text_null(Testimony::EasySummary))
                    // SHA-256 of the private link's token, hex.
                    .col(string_len_uniq(Testimony::TokenHash, 64))
                    .col(date(Testimony::PostedOn))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Testimony::Table, Testimony::CouncilId)
                            .to(Council::Table, Council::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Testimony::Table, Testimony::FindingId)
                            .to(Finding::Table, Finding::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Testimony::Table, Testimony::AssemblyId)
                            .to(Assembly::Table, Assembly::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_testimony_council_review")
                    .table(Testimony::Table)
                    .col(Testimony::CouncilId)
                    .col(Testimony::Review)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Testimony::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Council {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Finding {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Assembly {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Testimony {
    Table,
    Id,
    CouncilId,
    FindingId,
    AssemblyId,
    Pseudonym,
    College,
    Happened,
    Helped,
    Change,
    ConsentPublic,
    ConsentProjector,
    ConsentReport,
    Review,
    ModeratorNote,
    ContentWarning,
    EasySummary,
    TokenHash,
    PostedOn,
}
