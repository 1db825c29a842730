//! Survey results at scale (docs/PERFORMANCE.md): answers are found by their question, and
//! a closed survey's counts are kept once counted, since nothing can change them any more.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name("idx_survey_answer_question")
                    .table(SurveyAnswer::Table)
                    .col(SurveyAnswer::QuestionId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SurveyClosedCount::Table)
                    .col(big_integer(SurveyClosedCount::SurveyId))
                    // The profile question the counts are grouped by; 0 for none.
                    .col(big_integer(SurveyClosedCount::ByQuestion))
                    // domain::survey::AnswerCounts as JSON: counts only, no response.
                    .col(text(SurveyClosedCount::Counts))
                    .primary_key(
                        Index::create()
                            .col(SurveyClosedCount::SurveyId)
                            .col(SurveyClosedCount::ByQuestion),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(SurveyClosedCount::Table, SurveyClosedCount::SurveyId)
                            .to(Survey::Table, Survey::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(SurveyClosedCount::Table).to_owned())
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name("idx_survey_answer_question")
                    .table(SurveyAnswer::Table)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum SurveyAnswer {
    Table,
    QuestionId,
}

#[derive(DeriveIden)]
enum Survey {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum SurveyClosedCount {
    Table,
    SurveyId,
    ByQuestion,
    Counts,
}
