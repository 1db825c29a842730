//! The annual report (`domain::report`): what the coordinator writes for a year (partnerships,
//! difficulties, next year's plans, each with its easy-read version) and the indicators the
//! council chose for that year — a count Agora computes, or a value typed with its source.
//! The figures themselves are never stored: the report computes them from what happened.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(AnnualReport::Table)
                    .col(big_integer(AnnualReport::CouncilId))
                    .col(integer(AnnualReport::Year))
                    .col(text(AnnualReport::Partnerships))
                    .col(text(AnnualReport::PartnershipsEasy))
                    .col(text(AnnualReport::Difficulties))
                    .col(text(AnnualReport::DifficultiesEasy))
                    .col(text(AnnualReport::Plans))
                    .col(text(AnnualReport::PlansEasy))
                    .col(timestamp_with_time_zone(AnnualReport::UpdatedAt))
                    .primary_key(
                        Index::create()
                            .col(AnnualReport::CouncilId)
                            .col(AnnualReport::Year),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(AnnualReport::Table, AnnualReport::CouncilId)
                            .to(Council::Table, Council::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ReportIndicator::Table)
                    .col(pk_auto(ReportIndicator::Id).big_integer())
                    .col(big_integer(ReportIndicator::CouncilId))
                    .col(integer(ReportIndicator::Year))
                    .col(string_len(ReportIndicator::Label, 200))
                    .col(string_len(ReportIndicator::LabelEasy, 200))
                    // A count Agora computes (`domain::report::Metric`), or none: then the
                    // value and its source were typed by the coordinator.
                    .col(string_len_null(ReportIndicator::Metric, 32))
                    .col(string_len_null(ReportIndicator::Value, 60))
                    .col(string_len(ReportIndicator::Source, 200))
                    .col(string_len_null(ReportIndicator::Target, 60))
                    .col(timestamp_with_time_zone(ReportIndicator::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ReportIndicator::Table, ReportIndicator::CouncilId)
                            .to(Council::Table, Council::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("report_indicator_year")
                    .table(ReportIndicator::Table)
                    .col(ReportIndicator::CouncilId)
                    .col(ReportIndicator::Year)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            ReportIndicator::Table.into_iden(),
            AnnualReport::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Council {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum AnnualReport {
    Table,
    CouncilId,
    Year,
    Partnerships,
    PartnershipsEasy,
    Difficulties,
    DifficultiesEasy,
    Plans,
    PlansEasy,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ReportIndicator {
    Table,
    Id,
    CouncilId,
    Year,
    Label,
    LabelEasy,
    Metric,
    Value,
    Source,
    Target,
    CreatedAt,
}
