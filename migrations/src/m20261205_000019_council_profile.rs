//! What a council says of itself, written by its coordinators: who chairs it, who co-hosts
//! it, how to reach it, and whether the instance's index lists it (an unlisted council is
//! reached by its address only). Councils already hosted are listed, as they were.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite adds one at a time.
        for column in [
            string(Council::Chair).default("").to_owned(),
            string(Council::CoHost).default("").to_owned(),
            string(Council::Contact).default("").to_owned(),
            boolean(Council::Listed).default(true).to_owned(),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Council::Table)
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [
            Council::Chair,
            Council::CoHost,
            Council::Contact,
            Council::Listed,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Council::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Council {
    Table,
    Chair,
    CoHost,
    Contact,
    Listed,
}
