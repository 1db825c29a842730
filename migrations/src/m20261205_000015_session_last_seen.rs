//! When a staff session was last used: a session left alone longer than the idle limit
//! (`AGORA_STAFF_IDLE_MINUTES`) ends, so a cookie forgotten on a shared computer, or
//! stolen, does not stay good for its whole twelve hours. Empty for sessions opened
//! before: their opening time stands in.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(StaffSession::Table)
                    .add_column(timestamp_with_time_zone_null(StaffSession::LastSeenAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(StaffSession::Table)
                    .drop_column(StaffSession::LastSeenAt)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum StaffSession {
    Table,
    LastSeenAt,
}
