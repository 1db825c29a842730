//! Anonymous surveys. A response row holds a random id (nothing that orders responses by
//! arrival) and the day only; its answers hang from it. No participant, address or browser
//! is stored anywhere near them. In one-per-person mode, the one-time codes (hashes only)
//! are marked used in their own table, which shares nothing with the responses but the
//! survey.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Survey::Table)
                    .col(pk_auto(Survey::Id).big_integer())
                    .col(big_integer(Survey::CouncilId))
                    .col(string_len(Survey::Title, 200))
                    .col(string_len(Survey::TitleEasy, 200))
                    .col(text(Survey::Intro))
                    .col(text(Survey::IntroEasy))
                    // draft, open or closed.
                    .col(string_len(Survey::State, 16))
                    .col(boolean(Survey::OnePerPerson))
                    .col(timestamp_with_time_zone(Survey::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Survey::Table, Survey::CouncilId)
                            .to(Council::Table, Council::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SurveySection::Table)
                    .col(pk_auto(SurveySection::Id).big_integer())
                    .col(big_integer(SurveySection::SurveyId))
                    .col(integer(SurveySection::Position))
                    .col(string_len(SurveySection::Title, 200))
                    .col(string_len(SurveySection::TitleEasy, 200))
                    .foreign_key(
                        ForeignKey::create()
                            .from(SurveySection::Table, SurveySection::SurveyId)
                            .to(Survey::Table, Survey::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SurveyQuestion::Table)
                    .col(pk_auto(SurveyQuestion::Id).big_integer())
                    .col(big_integer(SurveyQuestion::SurveyId))
                    .col(big_integer(SurveyQuestion::SectionId))
                    .col(integer(SurveyQuestion::Position))
                    // single, multiple, scale, short-text, long-text or ranking.
                    .col(string_len(SurveyQuestion::Kind, 16))
                    .col(text(SurveyQuestion::Prompt))
                    .col(text(SurveyQuestion::PromptEasy))
                    .col(boolean(SurveyQuestion::Required))
                    // college, commune or age-band for a profile question.
                    .col(string_len_null(SurveyQuestion::Profile, 16))
                    .foreign_key(
                        ForeignKey::create()
                            .from(SurveyQuestion::Table, SurveyQuestion::SurveyId)
                            .to(Survey::Table, Survey::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(SurveyQuestion::Table, SurveyQuestion::SectionId)
                            .to(SurveySection::Table, SurveySection::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SurveyOption::Table)
                    .col(pk_auto(SurveyOption::Id).big_integer())
                    .col(big_integer(SurveyOption::QuestionId))
                    .col(integer(SurveyOption::Position))
                    .col(string_len(SurveyOption::Label, 200))
                    .col(string_len(SurveyOption::LabelEasy, 200))
                    .foreign_key(
                        ForeignKey::create()
                            .from(SurveyOption::Table, SurveyOption::QuestionId)
                            .to(SurveyQuestion::Table, SurveyQuestion::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SurveyResponse::Table)
                    // 128 random bits, as hex.
                    .col(string_len(SurveyResponse::Id, 32).primary_key())
                    .col(big_integer(SurveyResponse::SurveyId))
                    .col(date(SurveyResponse::AnsweredOn))
                    .foreign_key(
                        ForeignKey::create()
                            .from(SurveyResponse::Table, SurveyResponse::SurveyId)
                            .to(Survey::Table, Survey::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SurveyAnswer::Table)
                    .col(string_len(SurveyAnswer::ResponseId, 32))
                    .col(big_integer(SurveyAnswer::QuestionId))
                    // domain::survey::Answer as JSON.
                    .col(text(SurveyAnswer::Value))
                    // Free text only: pending, checked (may be shown) or withheld.
                    .col(string_len_null(SurveyAnswer::Review, 16))
                    .primary_key(
                        Index::create()
                            .col(SurveyAnswer::ResponseId)
                            .col(SurveyAnswer::QuestionId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(SurveyAnswer::Table, SurveyAnswer::ResponseId)
                            .to(SurveyResponse::Table, SurveyResponse::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(SurveyAnswer::Table, SurveyAnswer::QuestionId)
                            .to(SurveyQuestion::Table, SurveyQuestion::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SurveyCode::Table)
                    .col(big_integer(SurveyCode::SurveyId))
                    // SHA-256 of the code: the codes are shown once, never stored.
                    .col(string_len(SurveyCode::CodeHash, 64))
                    .col(boolean(SurveyCode::Used))
                    .primary_key(
                        Index::create()
                            .col(SurveyCode::SurveyId)
                            .col(SurveyCode::CodeHash),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(SurveyCode::Table, SurveyCode::SurveyId)
                            .to(Survey::Table, Survey::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            SurveyCode::Table.into_iden(),
            SurveyAnswer::Table.into_iden(),
            SurveyResponse::Table.into_iden(),
            SurveyOption::Table.into_iden(),
            SurveyQuestion::Table.into_iden(),
            SurveySection::Table.into_iden(),
            Survey::Table.into_iden(),
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
enum Survey {
    Table,
    Id,
    CouncilId,
    Title,
    TitleEasy,
    Intro,
    IntroEasy,
    State,
    OnePerPerson,
    CreatedAt,
}

#[derive(DeriveIden)]
enum SurveySection {
    Table,
    Id,
    SurveyId,
    Position,
    Title,
    TitleEasy,
}

#[derive(DeriveIden)]
enum SurveyQuestion {
    Table,
    Id,
    SurveyId,
    SectionId,
    Position,
    Kind,
    Prompt,
    PromptEasy,
    Required,
    Profile,
}

#[derive(DeriveIden)]
enum SurveyOption {
    Table,
    Id,
    QuestionId,
    Position,
    Label,
    LabelEasy,
}

#[derive(DeriveIden)]
enum SurveyResponse {
    Table,
    Id,
    SurveyId,
    AnsweredOn,
}

#[derive(DeriveIden)]
enum SurveyAnswer {
    Table,
    ResponseId,
    QuestionId,
    Value,
    Review,
}

#[derive(DeriveIden)]
enum SurveyCode {
    Table,
    SurveyId,
    CodeHash,
    Used,
}
