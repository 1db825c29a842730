//! The council's action programme (`domain::action`): actions resting on an adopted priority
//! or an objective, and their dated updates (which carry the status changes).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Action::Table)
                    .col(pk_auto(Action::Id).big_integer())
                    .col(big_integer(Action::CouncilId))
                    // An action outlives the priority it served: removing the priority
                    // leaves the action on its objective, or unattached for a coordinator
                    // to place again.
                    .col(big_integer_null(Action::PriorityId))
                    .col(string_len_null(Action::ObjectiveKey, 32))
                    .col(string_len(Action::Title, 200))
                    .col(string_len(Action::TitleEasy, 200))
                    .col(text(Action::Summary))
                    .col(text(Action::SummaryEasy))
                    .col(string_len(Action::Lead, 120))
                    .col(string_len(Action::Partners, 400))
                    .col(string_len(Action::PublicConcerned, 200))
                    .col(big_integer_null(Action::Budget))
                    .col(string_len(Action::Funder, 120))
                    // `YYYY-MM-DD`, the council's calendar days.
                    .col(string_len(Action::StartsOn, 10))
                    .col(string_len_null(Action::EndsOn, 10))
                    .col(string_len(Action::Status, 16))
                    .col(timestamp_with_time_zone(Action::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Action::Table, Action::CouncilId)
                            .to(Council::Table, Council::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Action::Table, Action::PriorityId)
                            .to(Priority::Table, Priority::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("action_council")
                    .table(Action::Table)
                    .col(Action::CouncilId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ActionUpdate::Table)
                    .col(pk_auto(ActionUpdate::Id).big_integer())
                    .col(big_integer(ActionUpdate::ActionId))
                    .col(string_len(ActionUpdate::HappenedOn, 10))
                    .col(text(ActionUpdate::Text))
                    .col(text(ActionUpdate::TextEasy))
                    .col(string_len_null(ActionUpdate::Status, 16))
                    .col(timestamp_with_time_zone(ActionUpdate::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ActionUpdate::Table, ActionUpdate::ActionId)
                            .to(Action::Table, Action::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("action_update_action")
                    .table(ActionUpdate::Table)
                    .col(ActionUpdate::ActionId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [ActionUpdate::Table.into_iden(), Action::Table.into_iden()] {
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
enum Priority {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Action {
    Table,
    Id,
    CouncilId,
    PriorityId,
    ObjectiveKey,
    Title,
    TitleEasy,
    Summary,
    SummaryEasy,
    Lead,
    Partners,
    PublicConcerned,
    Budget,
    Funder,
    StartsOn,
    EndsOn,
    Status,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ActionUpdate {
    Table,
    Id,
    ActionId,
    HappenedOn,
    Text,
    TextEasy,
    Status,
    CreatedAt,
}
