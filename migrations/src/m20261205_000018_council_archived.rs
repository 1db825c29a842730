//! When a council stopped being hosted (`agora council archive`): an archived council is
//! listed nowhere and its pages answer 404, and everything it holds is kept, so that
//! `agora council restore` brings it back as it was. Empty for councils in use.

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
                    .add_column(timestamp_with_time_zone_null(Council::ArchivedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Council::Table)
                    .drop_column(Council::ArchivedAt)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum Council {
    Table,
    ArchivedAt,
}
