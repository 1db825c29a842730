//! When a staff session last proved its owner was there (a passkey with user verification,
//! or a recovery code): adding a passkey, renewing recovery codes and changing the team ask
//! for such a proof made in the last few minutes, so a stolen session cookie alone cannot
//! turn into lasting access. Empty for sessions opened before: they must prove it again.

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
                    .add_column(timestamp_with_time_zone_null(StaffSession::VerifiedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(StaffSession::Table)
                    .drop_column(StaffSession::VerifiedAt)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum StaffSession {
    Table,
    VerifiedAt,
}
