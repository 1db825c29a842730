//! The testimony a facilitator shows on a council's projector (one at a time, or none).
//! Deleting the testimony (withdrawal) empties the screen with it.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(TestimonyOnScreen::Table)
                    .col(big_integer(TestimonyOnScreen::CouncilId).primary_key())
                    .col(big_integer(TestimonyOnScreen::TestimonyId))
                    .foreign_key(
                        ForeignKey::create()
                            .from(TestimonyOnScreen::Table, TestimonyOnScreen::CouncilId)
                            .to(Council::Table, Council::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(TestimonyOnScreen::Table, TestimonyOnScreen::TestimonyId)
                            .to(Testimony::Table, Testimony::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(TestimonyOnScreen::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Council {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Testimony {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum TestimonyOnScreen {
    Table,
    CouncilId,
    TestimonyId,
}
