//! Councils (the tenants), their stakeholder colleges and their diagnosis findings.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Council::Table)
                    .col(pk_auto(Council::Id).big_integer())
                    .col(string_len_uniq(Council::Slug, 64))
                    .col(string_len(Council::Name, 200))
                    .col(string_len(Council::Territory, 400))
                    .col(text(Council::Description))
                    .col(text(Council::DescriptionEasy))
                    .col(timestamp_with_time_zone(Council::CreatedAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(College::Table)
                    .col(pk_auto(College::Id).big_integer())
                    .col(big_integer(College::CouncilId))
                    .col(string_len(College::Key, 32))
                    .col(string_len_null(College::Label, 100))
                    .col(integer(College::Position))
                    .foreign_key(
                        ForeignKey::create()
                            .from(College::Table, College::CouncilId)
                            .to(Council::Table, Council::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("college_council_key")
                    .table(College::Table)
                    .col(College::CouncilId)
                    .col(College::Key)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Finding::Table)
                    .col(pk_auto(Finding::Id).big_integer())
                    .col(big_integer(Finding::CouncilId))
                    .col(string_len(Finding::Objective, 32))
                    .col(integer(Finding::Position))
                    .col(string_len(Finding::Title, 200))
                    .col(string_len(Finding::TitleEasy, 200))
                    .col(text(Finding::Summary))
                    .col(text(Finding::SummaryEasy))
                    .col(text(Finding::Detail))
                    .col(text(Finding::DetailEasy))
                    .col(string_len(Finding::Source, 400))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Finding::Table, Finding::CouncilId)
                            .to(Council::Table, Council::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("finding_council_position")
                    .table(Finding::Table)
                    .col(Finding::CouncilId)
                    .col(Finding::Position)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Finding::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(College::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Council::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Council {
    Table,
    Id,
    Slug,
    Name,
    Territory,
    Description,
    DescriptionEasy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum College {
    Table,
    Id,
    CouncilId,
    Key,
    Label,
    Position,
}

#[derive(DeriveIden)]
enum Finding {
    Table,
    Id,
    CouncilId,
    Objective,
    Position,
    Title,
    TitleEasy,
    Summary,
    SummaryEasy,
    Detail,
    DetailEasy,
    Source,
}
