//! Priority votes on the diagnosis findings. Ballots are secret by construction: a ballot
//! row holds the choices and the self-declared college only — a random id (nothing that
//! orders ballots by arrival), no participant, no time finer than the day; the record that
//! prevents voting twice is another table with nothing in common with the ballots but the
//! vote.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Vote::Table)
                    .col(pk_auto(Vote::Id).big_integer())
                    .col(big_integer(Vote::CouncilId))
                    .col(big_integer_null(Vote::AssemblyId))
                    .col(string_len(Vote::Title, 200))
                    // schulze, borda, approval, dots or majority-judgment.
                    .col(string_len(Vote::Method, 32))
                    // open (one ballot per participant cookie) or strict (one-time codes).
                    .col(string_len(Vote::Integrity, 16))
                    .col(integer(Vote::MaxPoints))
                    .col(integer(Vote::MaxPointsPerCandidate))
                    .col(timestamp_with_time_zone(Vote::OpensAt))
                    .col(timestamp_with_time_zone(Vote::ClosesAt))
                    // draft, open or closed.
                    .col(string_len(Vote::State, 16))
                    .col(boolean(Vote::ResultsRevealed))
                    .col(timestamp_with_time_zone(Vote::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Vote::Table, Vote::CouncilId)
                            .to(Council::Table, Council::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(VoteCandidate::Table)
                    .col(big_integer(VoteCandidate::VoteId))
                    .col(integer(VoteCandidate::Position))
                    .col(big_integer(VoteCandidate::FindingId))
                    .primary_key(
                        Index::create()
                            .col(VoteCandidate::VoteId)
                            .col(VoteCandidate::Position),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(VoteCandidate::Table, VoteCandidate::VoteId)
                            .to(Vote::Table, Vote::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Ballot::Table)
                    // 128 random bits, as hex: ballots sort in no meaningful order.
                    .col(string_len(Ballot::Id, 32).primary_key())
                    .col(big_integer(Ballot::VoteId))
                    .col(string_len(Ballot::College, 64))
                    // The choices, candidates by their position in the vote (JSON).
                    .col(text(Ballot::Choice))
                    .col(date(Ballot::CastOn))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Ballot::Table, Ballot::VoteId)
                            .to(Vote::Table, Vote::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(VoteParticipation::Table)
                    .col(big_integer(VoteParticipation::VoteId))
                    // A hash of the participant cookie and the vote.
                    .col(string_len(VoteParticipation::Voter, 64))
                    .primary_key(
                        Index::create()
                            .col(VoteParticipation::VoteId)
                            .col(VoteParticipation::Voter),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(VoteParticipation::Table, VoteParticipation::VoteId)
                            .to(Vote::Table, Vote::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(BallotCode::Table)
                    .col(big_integer(BallotCode::VoteId))
                    // SHA-256 of the code: the codes themselves are printed once, never stored.
                    .col(string_len(BallotCode::CodeHash, 64))
                    .col(boolean(BallotCode::Used))
                    .primary_key(
                        Index::create()
                            .col(BallotCode::VoteId)
                            .col(BallotCode::CodeHash),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(BallotCode::Table, BallotCode::VoteId)
                            .to(Vote::Table, Vote::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            BallotCode::Table.into_iden(),
            VoteParticipation::Table.into_iden(),
            Ballot::Table.into_iden(),
            VoteCandidate::Table.into_iden(),
            Vote::Table.into_iden(),
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
enum Vote {
    Table,
    Id,
    CouncilId,
    AssemblyId,
    Title,
    Method,
    Integrity,
    MaxPoints,
    MaxPointsPerCandidate,
    OpensAt,
    ClosesAt,
    State,
    ResultsRevealed,
    CreatedAt,
}

#[derive(DeriveIden)]
enum VoteCandidate {
    Table,
    VoteId,
    Position,
    FindingId,
}

#[derive(DeriveIden)]
enum Ballot {
    Table,
    Id,
    VoteId,
    College,
    Choice,
    CastOn,
}

#[derive(DeriveIden)]
enum VoteParticipation {
    Table,
    VoteId,
    Voter,
}

#[derive(DeriveIden)]
enum BallotCode {
    Table,
    VoteId,
    CodeHash,
    Used,
}
