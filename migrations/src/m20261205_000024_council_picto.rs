//! A council's pictogram, shown beside its name in easy-read mode (one of those the app
//! ships: no uploaded image to check or serve).

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
                    .add_column(string_len_null(Council::Picto, 32))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Council::Table)
                    .drop_column(Council::Picto)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum Council {
    Table,
    Picto,
}
