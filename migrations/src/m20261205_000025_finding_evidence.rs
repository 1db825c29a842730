//! Survey results a finding rests on: a coordinator links a question of one of the
//! council's surveys to a finding, and the finding's public page shows that question's
//! results once the survey is closed and enough people answered it.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(FindingEvidence::Table)
                    .col(big_integer(FindingEvidence::FindingId))
                    .col(big_integer(FindingEvidence::QuestionId))
                    .col(integer(FindingEvidence::Position))
                    .primary_key(
                        Index::create()
                            .col(FindingEvidence::FindingId)
                            .col(FindingEvidence::QuestionId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(FindingEvidence::Table, FindingEvidence::FindingId)
                            .to(Finding::Table, Finding::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(FindingEvidence::Table, FindingEvidence::QuestionId)
                            .to(SurveyQuestion::Table, SurveyQuestion::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(FindingEvidence::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Finding {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum SurveyQuestion {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum FindingEvidence {
    Table,
    FindingId,
    QuestionId,
    Position,
}
