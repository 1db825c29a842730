//! Audio testimonies: a person who does not write easily records a message instead; a
//! moderator listens to it and writes it down. The recording sits in its own table (pages
//! that list testimonies never load it) and is deleted once the testimony is approved or
//! rejected, or withdrawn with it.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Testimony::Table)
                    // `domain::testimony::AudioFormat` key, while a recording is kept.
                    .add_column(string_len_null(Testimony::AudioFormat, 8))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(TestimonyAudio::Table)
                    .col(big_integer(TestimonyAudio::TestimonyId).primary_key())
                    .col(blob(TestimonyAudio::Bytes))
                    .foreign_key(
                        ForeignKey::create()
                            .from(TestimonyAudio::Table, TestimonyAudio::TestimonyId)
                            .to(Testimony::Table, Testimony::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(TestimonyAudio::Table).to_owned())
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Testimony::Table)
                    .drop_column(Testimony::AudioFormat)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum Testimony {
    Table,
    Id,
    AudioFormat,
}

#[derive(DeriveIden)]
enum TestimonyAudio {
    Table,
    TestimonyId,
    Bytes,
}
