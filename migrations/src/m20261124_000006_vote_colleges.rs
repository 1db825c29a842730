//! What the ballot pages need beyond the ballot box: the colleges a vote offers its voters,
//! and the council's minimum group size, below which a college's figures are merged into
//! "other" so that a handful of people cannot be singled out.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Council::Table)
                    .add_column(integer(Council::MinGroupSize).default(5))
                    .to_owned(),
            )
            .await?;
        // College keys (lowercase letters, digits, hyphens) separated by commas, in the
        // order the ballot lists them.
        manager
            .alter_table(
                Table::alter()
                    .table(Vote::Table)
                    .add_column(string_len(Vote::Colleges, 1000).default(""))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Vote::Table)
                    .drop_column(Vote::Colleges)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Council::Table)
                    .drop_column(Council::MinGroupSize)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum Council {
    Table,
    MinGroupSize,
}

#[derive(DeriveIden)]
enum Vote {
    Table,
    Colleges,
}
