//! A facilitator's written answer to a floor question, with its easy-read version: shown
//! under the question on the live page and the projector, and kept on the assembly's page
//! after the session.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite adds one column at a time.
        for column in [Question::Answer, Question::AnswerEasy] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Question::Table)
                        .add_column(text_null(column))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [Question::Answer, Question::AnswerEasy] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Question::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum Question {
    Table,
    Answer,
    AnswerEasy,
}
