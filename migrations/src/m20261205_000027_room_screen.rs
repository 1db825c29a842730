//! What a plenary's screen shows when the facilitator chose something other than the join
//! code or a question: the agenda item under way, a testimony, or one of the assembly's
//! votes (with its number). Empty: the question on screen if there is one, else the join
//! code.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite adds one column at a time.
        manager
            .alter_table(
                Table::alter()
                    .table(Assembly::Table)
                    .add_column(string_len_null(Assembly::Screen, 16))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Assembly::Table)
                    .add_column(big_integer_null(Assembly::ScreenId))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [Assembly::Screen, Assembly::ScreenId] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Assembly::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum Assembly {
    Table,
    Screen,
    ScreenId,
}
