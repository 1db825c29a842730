//! Quick polls of a plenary (`domain::poll`). An answer is kept as secret as a ballot
//! (docs/privacy.md): who answered (`poll_participation`, a hash of the participant's key
//! and the poll) is written with the answer *sealed* (`poll_waiting`); once the council's
//! minimum group size wait, a transaction of their own opens them and adds them to the
//! poll's counts (`poll_count`), so that no row of the counts was ever written with a
//! participant's. On SQLite every such table has no hidden row number (`WITHOUT ROWID`).

use sea_orm_migration::sea_orm::DbBackend;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let backend = manager.get_database_backend();
        manager
            .create_table(
                Table::create()
                    .table(Poll::Table)
                    .col(pk_auto(Poll::Id).big_integer())
                    .col(big_integer(Poll::AssemblyId))
                    // `choice`, `rating` or `words`.
                    .col(string_len(Poll::Kind, 16))
                    .col(string_len(Poll::Question, 200))
                    .col(string_len_null(Poll::QuestionEasy, 200))
                    // The options of a single choice, a JSON list of strings.
                    .col(text(Poll::Options))
                    // `ready`, `open` or `closed`.
                    .col(string_len(Poll::State, 16))
                    .col(timestamp_with_time_zone(Poll::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Poll::Table, Poll::AssemblyId)
                            .to(Assembly::Table, Assembly::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(keyed(
                backend,
                Table::create()
                    .table(PollParticipation::Table)
                    .col(big_integer(PollParticipation::PollId))
                    .col(string_len(PollParticipation::Voter, 64))
                    .primary_key(
                        Index::create()
                            .col(PollParticipation::PollId)
                            .col(PollParticipation::Voter),
                    )
                    .foreign_key(&mut poll_key(
                        PollParticipation::Table,
                        PollParticipation::PollId,
                    )),
            ))
            .await?;
        manager
            .create_table(keyed(
                backend,
                Table::create()
                    .table(PollWaiting::Table)
                    .col(string_len(PollWaiting::Id, 32).primary_key())
                    .col(big_integer(PollWaiting::PollId))
                    .col(blob(PollWaiting::Sealed))
                    .foreign_key(&mut poll_key(PollWaiting::Table, PollWaiting::PollId)),
            ))
            .await?;
        manager
            .create_table(keyed(
                backend,
                Table::create()
                    .table(PollCount::Table)
                    .col(big_integer(PollCount::PollId))
                    // The option's number, the rating, or the word.
                    .col(string_len(PollCount::Key, 64))
                    .col(big_integer(PollCount::Count))
                    // Words only: `pending`, `approved` or `rejected`.
                    .col(string_len_null(PollCount::Review, 16))
                    .primary_key(Index::create().col(PollCount::PollId).col(PollCount::Key))
                    .foreign_key(&mut poll_key(PollCount::Table, PollCount::PollId)),
            ))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            PollCount::Table.into_iden(),
            PollWaiting::Table.into_iden(),
            PollParticipation::Table.into_iden(),
            Poll::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

/// On SQLite, a table with no hidden row number: rows stored in the order of their key.
fn keyed(backend: DbBackend, table: &mut TableCreateStatement) -> TableCreateStatement {
    if backend == DbBackend::Sqlite {
        table.extra("WITHOUT ROWID");
    }
    table.to_owned()
}

fn poll_key(table: impl IntoIden, column: impl IntoIden) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, column)
        .to(Poll::Table, Poll::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[derive(DeriveIden)]
enum Assembly {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Poll {
    Table,
    Id,
    AssemblyId,
    Kind,
    Question,
    QuestionEasy,
    Options,
    State,
    CreatedAt,
}

#[derive(DeriveIden)]
enum PollParticipation {
    Table,
    PollId,
    Voter,
}

#[derive(DeriveIden)]
enum PollWaiting {
    Table,
    Id,
    PollId,
    Sealed,
}

#[derive(DeriveIden)]
enum PollCount {
    Table,
    PollId,
    Key,
    Count,
    Review,
}
