//! Attendance at an assembly, by college, never by person (`domain::attendance`). A
//! participant who says they are there is marked (`attendance_participation`, a hash of
//! their key in the assembly) with their college *sealed* (`attendance_waiting`); once the
//! council's minimum group size wait, a transaction of their own opens them and adds them
//! to the counts (`attendance_count`, source `declared`), so that no count row was ever
//! written with a participant's mark. The facilitator's door count is in the same table
//! (source `door`). On SQLite each table has no hidden row number (`WITHOUT ROWID`).

use sea_orm_migration::sea_orm::DbBackend;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let backend = manager.get_database_backend();
        manager
            .create_table(keyed(
                backend,
                Table::create()
                    .table(AttendanceParticipation::Table)
                    .col(big_integer(AttendanceParticipation::AssemblyId))
                    .col(string_len(AttendanceParticipation::Voter, 64))
                    .primary_key(
                        Index::create()
                            .col(AttendanceParticipation::AssemblyId)
                            .col(AttendanceParticipation::Voter),
                    )
                    .foreign_key(&mut assembly_key(
                        AttendanceParticipation::Table,
                        AttendanceParticipation::AssemblyId,
                    )),
            ))
            .await?;
        manager
            .create_table(keyed(
                backend,
                Table::create()
                    .table(AttendanceWaiting::Table)
                    .col(string_len(AttendanceWaiting::Id, 32).primary_key())
                    .col(big_integer(AttendanceWaiting::AssemblyId))
                    .col(blob(AttendanceWaiting::Sealed))
                    .foreign_key(&mut assembly_key(
                        AttendanceWaiting::Table,
                        AttendanceWaiting::AssemblyId,
                    )),
            ))
            .await?;
        manager
            .create_table(keyed(
                backend,
                Table::create()
                    .table(AttendanceCount::Table)
                    .col(big_integer(AttendanceCount::AssemblyId))
                    // `declared` or `door`.
                    .col(string_len(AttendanceCount::Source, 8))
                    .col(string_len(AttendanceCount::College, 32))
                    .col(big_integer(AttendanceCount::Count))
                    .primary_key(
                        Index::create()
                            .col(AttendanceCount::AssemblyId)
                            .col(AttendanceCount::Source)
                            .col(AttendanceCount::College),
                    )
                    .foreign_key(&mut assembly_key(
                        AttendanceCount::Table,
                        AttendanceCount::AssemblyId,
                    )),
            ))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            AttendanceCount::Table.into_iden(),
            AttendanceWaiting::Table.into_iden(),
            AttendanceParticipation::Table.into_iden(),
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

fn assembly_key(table: impl IntoIden, column: impl IntoIden) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, column)
        .to(Assembly::Table, Assembly::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[derive(DeriveIden)]
enum Assembly {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum AttendanceParticipation {
    Table,
    AssemblyId,
    Voter,
}

#[derive(DeriveIden)]
enum AttendanceWaiting {
    Table,
    Id,
    AssemblyId,
    Sealed,
}

#[derive(DeriveIden)]
enum AttendanceCount {
    Table,
    AssemblyId,
    Source,
    College,
    Count,
}
