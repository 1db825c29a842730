//! A college's easy-read name and pictogram, and whether it is retired: a retired college is
//! no longer offered on forms, and stays named in past results, exports and recounts.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite adds one at a time.
        for column in [
            string_len_null(College::LabelEasy, 100).to_owned(),
            string_len_null(College::Picto, 32).to_owned(),
            boolean(College::Retired).default(false).to_owned(),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(College::Table)
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [College::LabelEasy, College::Picto, College::Retired] {
            manager
                .alter_table(
                    Table::alter()
                        .table(College::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum College {
    Table,
    LabelEasy,
    Picto,
    Retired,
}
