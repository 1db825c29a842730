//! Each council's own objectives (the axes its findings and actions serve), instead of the
//! five fixed in code, and the diagnosis editor's fields on findings: whether a finding is
//! published, what kind of source it rests on and the year of that source.
//!
//! An imported spreadsheet waits in `finding_import` (one per council) while its
//! coordinator reads the preview; nothing of it is a finding until they confirm.
//!
//! Councils already hosted keep the national five, under the keys their findings already
//! carry; their findings stay published, as they were.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The national five, in the order the framework lists them: key and pictogram.
const NATIONAL: [&str; 5] = ["stigma", "determinants", "prevention", "inclusion", "care"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CouncilObjective::Table)
                    .col(pk_auto(CouncilObjective::Id).big_integer())
                    .col(big_integer(CouncilObjective::CouncilId))
                    .col(string_len(CouncilObjective::Key, 32))
                    .col(string_len_null(CouncilObjective::Label, 200))
                    .col(string_len_null(CouncilObjective::LabelEasy, 200))
                    .col(string_len(CouncilObjective::Picto, 32))
                    .col(integer(CouncilObjective::Position))
                    .foreign_key(
                        ForeignKey::create()
                            .from(CouncilObjective::Table, CouncilObjective::CouncilId)
                            .to(Council::Table, Council::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("council_objective_council_key")
                    .table(CouncilObjective::Table)
                    .col(CouncilObjective::CouncilId)
                    .col(CouncilObjective::Key)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(FindingImport::Table)
                    .col(pk_auto(FindingImport::Id).big_integer())
                    .col(big_integer(FindingImport::CouncilId).unique_key())
                    .col(string_len(FindingImport::FileName, 200))
                    .col(text(FindingImport::Findings))
                    .col(timestamp_with_time_zone(FindingImport::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(FindingImport::Table, FindingImport::CouncilId)
                            .to(Council::Table, Council::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        for (position, key) in NATIONAL.iter().enumerate() {
            // Keys and positions are constants of this file, never input.
            db.execute_unprepared(&format!(
                "INSERT INTO council_objective (council_id, key, picto, position) \
                 SELECT id, '{key}', '{key}', {position} FROM council"
            ))
            .await?;
        }
        // One column per statement: SQLite adds one at a time.
        for column in [
            boolean(Finding::Published).default(true).to_owned(),
            string_len(Finding::SourceKind, 16).default("").to_owned(),
            integer_null(Finding::SourceYear).to_owned(),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Finding::Table)
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [Finding::Published, Finding::SourceKind, Finding::SourceYear] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Finding::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .drop_table(Table::drop().table(FindingImport::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(CouncilObjective::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Council {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum CouncilObjective {
    Table,
    Id,
    CouncilId,
    Key,
    Label,
    LabelEasy,
    Picto,
    Position,
}

#[derive(DeriveIden)]
enum Finding {
    Table,
    Published,
    SourceKind,
    SourceYear,
}

#[derive(DeriveIden)]
enum FindingImport {
    Table,
    Id,
    CouncilId,
    FileName,
    Findings,
    CreatedAt,
}
