//! Plenary assemblies, their agenda, and the live part: questions, upvotes and the room's
//! event log (what each websocket client may replay after a reconnect).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Councils overseas (La Réunion, Guadeloupe, …) hold their meetings in their own time:
        // times are stored in UTC and typed and shown in the council's IANA zone.
        manager
            .alter_table(
                Table::alter()
                    .table(Council::Table)
                    .add_column(string_len(Council::TimeZone, 64).default("Europe/Paris"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Assembly::Table)
                    .col(pk_auto(Assembly::Id).big_integer())
                    .col(big_integer(Assembly::CouncilId))
                    .col(string_len(Assembly::Title, 200))
                    .col(timestamp_with_time_zone(Assembly::StartsAt))
                    .col(string_len(Assembly::Place, 400))
                    .col(text(Assembly::Accessibility))
                    .col(string_len_uniq(Assembly::JoinCode, 16))
                    .col(timestamp_with_time_zone_null(Assembly::PublishedAt))
                    // `before`, `open` or `closed`: the live part of the assembly.
                    .col(string_len(Assembly::LiveState, 16))
                    .col(boolean(Assembly::Premoderation))
                    .col(boolean(Assembly::QuestionsOpen))
                    .col(big_integer_null(Assembly::CurrentItemId))
                    .col(big_integer_null(Assembly::HighlightedQuestionId))
                    // The room's last event sequence number; bumped in the transaction that
                    // stores each event, so two writers can never take the same number.
                    .col(big_integer(Assembly::LastSeq))
                    .col(timestamp_with_time_zone(Assembly::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Assembly::Table, Assembly::CouncilId)
                            .to(Council::Table, Council::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(AgendaItem::Table)
                    .col(pk_auto(AgendaItem::Id).big_integer())
                    .col(big_integer(AgendaItem::AssemblyId))
                    .col(integer(AgendaItem::Position))
                    .col(string_len(AgendaItem::Title, 200))
                    .col(text(AgendaItem::Summary))
                    .col(text(AgendaItem::SummaryEasy))
                    .foreign_key(
                        ForeignKey::create()
                            .from(AgendaItem::Table, AgendaItem::AssemblyId)
                            .to(Assembly::Table, Assembly::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Question::Table)
                    .col(pk_auto(Question::Id).big_integer())
                    .col(big_integer(Question::AssemblyId))
                    .col(big_integer_null(Question::AgendaItemId))
                    .col(text(Question::Body))
                    .col(string_len_null(Question::FirstName, 64))
                    .col(string_len_null(Question::College, 32))
                    // `pending`, `approved` or `rejected`.
                    .col(string_len(Question::Status, 16))
                    .col(string_len_null(Question::RejectReason, 400))
                    .col(boolean(Question::Answered))
                    .col(boolean(Question::Pinned))
                    .col(integer(Question::Votes))
                    .col(timestamp_with_time_zone(Question::AskedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Question::Table, Question::AssemblyId)
                            .to(Assembly::Table, Assembly::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(QuestionVote::Table)
                    .col(big_integer(QuestionVote::QuestionId))
                    // A hash of the participant cookie and the assembly: one upvote per
                    // person and question, and nothing that links two assemblies.
                    .col(string_len(QuestionVote::Voter, 64))
                    .primary_key(
                        Index::create()
                            .col(QuestionVote::QuestionId)
                            .col(QuestionVote::Voter),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(QuestionVote::Table, QuestionVote::QuestionId)
                            .to(Question::Table, Question::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(RoomEvent::Table)
                    .col(pk_auto(RoomEvent::Id).big_integer())
                    .col(big_integer(RoomEvent::AssemblyId))
                    .col(big_integer(RoomEvent::Seq))
                    // The frame as every participant receives it, and the one staff
                    // receive when it differs (a pending question's text).
                    .col(text(RoomEvent::PublicFrame))
                    .col(text_null(RoomEvent::StaffFrame))
                    .col(timestamp_with_time_zone(RoomEvent::At))
                    .foreign_key(
                        ForeignKey::create()
                            .from(RoomEvent::Table, RoomEvent::AssemblyId)
                            .to(Assembly::Table, Assembly::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("room_event_assembly_seq")
                    .table(RoomEvent::Table)
                    .col(RoomEvent::AssemblyId)
                    .col(RoomEvent::Seq)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("question_assembly")
                    .table(Question::Table)
                    .col(Question::AssemblyId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            RoomEvent::Table.into_iden(),
            QuestionVote::Table.into_iden(),
            Question::Table.into_iden(),
            AgendaItem::Table.into_iden(),
            Assembly::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Council::Table)
                    .drop_column(Council::TimeZone)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum Council {
    Table,
    Id,
    TimeZone,
}

#[derive(DeriveIden)]
enum Assembly {
    Table,
    Id,
    CouncilId,
    Title,
    StartsAt,
    Place,
    Accessibility,
    JoinCode,
    PublishedAt,
    LiveState,
    Premoderation,
    QuestionsOpen,
    CurrentItemId,
    HighlightedQuestionId,
    LastSeq,
    CreatedAt,
}

#[derive(DeriveIden)]
enum AgendaItem {
    Table,
    Id,
    AssemblyId,
    Position,
    Title,
    Summary,
    SummaryEasy,
}

#[derive(DeriveIden)]
enum Question {
    Table,
    Id,
    AssemblyId,
    AgendaItemId,
    Body,
    FirstName,
    College,
    Status,
    RejectReason,
    Answered,
    Pinned,
    Votes,
    AskedAt,
}

#[derive(DeriveIden)]
enum QuestionVote {
    Table,
    QuestionId,
    Voter,
}

#[derive(DeriveIden)]
enum RoomEvent {
    Table,
    Id,
    AssemblyId,
    Seq,
    PublicFrame,
    StaffFrame,
    At,
}
