//! A council's own help resources (its CMP, its GEM, a local listening line…), shown beside
//! the national crisis numbers wherever someone may be struggling: one per line.

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
                    .add_column(text(Council::LocalHelp).default(""))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Council::Table)
                    .drop_column(Council::LocalHelp)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum Council {
    Table,
    LocalHelp,
}
