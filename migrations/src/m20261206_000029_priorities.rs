//! The priorities a council adopts after a vote (`domain::priority`): ranked, each resting on
//! findings of the vote (`priority_finding`), with the reason, the day and the body that
//! decided.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Priority::Table)
                    .col(pk_auto(Priority::Id).big_integer())
                    .col(big_integer(Priority::VoteId))
                    .col(integer(Priority::Rank))
                    .col(string_len(Priority::Title, 200))
                    .col(string_len(Priority::TitleEasy, 200))
                    .col(text(Priority::Reason))
                    .col(text(Priority::ReasonEasy))
                    // `YYYY-MM-DD`, the council's calendar day.
                    .col(string_len(Priority::DecidedOn, 10))
                    .col(string_len(Priority::DecidedBy, 120))
                    .col(timestamp_with_time_zone(Priority::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Priority::Table, Priority::VoteId)
                            .to(Vote::Table, Vote::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("priority_vote")
                    .table(Priority::Table)
                    .col(Priority::VoteId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PriorityFinding::Table)
                    .col(big_integer(PriorityFinding::PriorityId))
                    .col(big_integer(PriorityFinding::FindingId))
                    .primary_key(
                        Index::create()
                            .col(PriorityFinding::PriorityId)
                            .col(PriorityFinding::FindingId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(PriorityFinding::Table, PriorityFinding::PriorityId)
                            .to(Priority::Table, Priority::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(PriorityFinding::Table, PriorityFinding::FindingId)
                            .to(Finding::Table, Finding::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            PriorityFinding::Table.into_iden(),
            Priority::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Vote {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Finding {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Priority {
    Table,
    Id,
    VoteId,
    Rank,
    Title,
    TitleEasy,
    Reason,
    ReasonEasy,
    DecidedOn,
    DecidedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum PriorityFinding {
    Table,
    PriorityId,
    FindingId,
}
