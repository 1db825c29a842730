//! Reading testimony is granted apart from running a room: a facilitator runs a plenary
//! without reading what people confided, unless a coordinator lets them moderate it
//! (`reads_testimony`, on a role and on the invitation that will make one).
//!
//! Facilitators already on a team keep what they could do (they were the moderation team
//! until now); coordinators can take the grant back from the team page.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(StaffRole::Table)
                    .add_column(boolean(StaffRole::ReadsTestimony).default(false))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Invitation::Table)
                    .add_column(boolean(Invitation::ReadsTestimony).default(false))
                    .to_owned(),
            )
            .await?;
        manager
            .exec_stmt(
                Query::update()
                    .table(StaffRole::Table)
                    .value(StaffRole::ReadsTestimony, true)
                    .and_where(Expr::col(StaffRole::Role).eq("facilitator"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Invitation::Table)
                    .drop_column(Invitation::ReadsTestimony)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(StaffRole::Table)
                    .drop_column(StaffRole::ReadsTestimony)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum StaffRole {
    Table,
    Role,
    ReadsTestimony,
}

#[derive(DeriveIden)]
enum Invitation {
    Table,
    ReadsTestimony,
}
