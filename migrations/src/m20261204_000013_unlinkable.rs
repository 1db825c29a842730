//! Secret ballots and anonymous answers that stay unlinkable against the database itself
//! (docs/privacy.md). Every table that holds a ballot, an answer, a voter's mark or a code
//! is rebuilt:
//!
//! - on SQLite `WITHOUT ROWID`, keyed by its random id or hash: no hidden row number keeps
//!   the order of arrival;
//! - its rows copied in the order of those random keys, so that neither SQLite's pages nor
//!   PostgreSQL's `ctid` keep the old order, and all in this migration's transaction, so
//!   that PostgreSQL's `xmin` no longer ties a ballot to the participation written with it;
//! - `ballot.cast_on` and `survey_response.answered_on` dropped: nothing read them, and a
//!   day is an order;
//! - an answer no longer refers to its response by a foreign key (the response table is
//!   rebuilt after it; answers still go with their question and survey);
//! - a support of a live question is a hash of the supporter's key *and* the question, so
//!   that the rows of one person's supports no longer share a value.
//!
//! New: `ballot_waiting` and `survey_waiting`, where a ballot or a response waits, sealed
//! with a key kept outside the database, until enough others have joined it to be mixed
//! into the box together; `seal_key`, the fingerprint of that key; and
//! `vote.ballots_settled` and `survey.responses_settled`, set once an ended vote's box or a
//! closed survey's responses have been mixed whole.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend, Statement};
use sha2::{Digest, Sha256};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    /// In one transaction on SQLite too: every statement on one connection (a pooled one
    /// might not yet see a table another dropped), and all or nothing.
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let backend = manager.get_database_backend();
        // Answers first: once they no longer refer to their response, the response table
        // can be dropped and rebuilt without cascading to them.
        rebuild(
            manager,
            "survey_answer",
            keyed(
                backend,
                Table::create()
                    .table(Alias::new("survey_answer_rebuilt"))
                    .col(string_len(SurveyAnswer::ResponseId, 32))
                    .col(big_integer(SurveyAnswer::QuestionId))
                    .col(text(SurveyAnswer::Value))
                    .col(string_len_null(SurveyAnswer::Review, 16))
                    .primary_key(
                        Index::create()
                            .col(SurveyAnswer::ResponseId)
                            .col(SurveyAnswer::QuestionId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(SurveyAnswer::Table, SurveyAnswer::QuestionId)
                            .to(SurveyQuestion::Table, SurveyQuestion::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    ),
            ),
            "response_id, question_id, value, review",
            "response_id, question_id",
        )
        .await?;
        // The rebuilt table lost the index results count by (m20261124_000008).
        manager
            .create_index(
                Index::create()
                    .name("idx_survey_answer_question")
                    .table(SurveyAnswer::Table)
                    .col(SurveyAnswer::QuestionId)
                    .to_owned(),
            )
            .await?;
        rebuild(
            manager,
            "survey_response",
            keyed(
                backend,
                Table::create()
                    .table(Alias::new("survey_response_rebuilt"))
                    .col(string_len(SurveyResponse::Id, 32).primary_key())
                    .col(big_integer(SurveyResponse::SurveyId))
                    .foreign_key(&mut survey_key(
                        SurveyResponse::Table,
                        SurveyResponse::SurveyId,
                    )),
            ),
            "id, survey_id",
            "id",
        )
        .await?;
        rebuild(
            manager,
            "survey_code",
            keyed(
                backend,
                Table::create()
                    .table(Alias::new("survey_code_rebuilt"))
                    .col(big_integer(SurveyCode::SurveyId))
                    .col(string_len(SurveyCode::CodeHash, 64))
                    .col(boolean(SurveyCode::Used))
                    .primary_key(
                        Index::create()
                            .col(SurveyCode::SurveyId)
                            .col(SurveyCode::CodeHash),
                    )
                    .foreign_key(&mut survey_key(SurveyCode::Table, SurveyCode::SurveyId)),
            ),
            "survey_id, code_hash, used",
            "survey_id, code_hash",
        )
        .await?;
        rebuild(
            manager,
            "ballot",
            keyed(
                backend,
                Table::create()
                    .table(Alias::new("ballot_rebuilt"))
                    .col(string_len(Ballot::Id, 32).primary_key())
                    .col(big_integer(Ballot::VoteId))
                    .col(string_len(Ballot::College, 64))
                    .col(text(Ballot::Choice))
                    .foreign_key(&mut vote_key(Ballot::Table, Ballot::VoteId)),
            ),
            "id, vote_id, college, choice",
            "id",
        )
        .await?;
        rebuild(
            manager,
            "vote_participation",
            keyed(
                backend,
                Table::create()
                    .table(Alias::new("vote_participation_rebuilt"))
                    .col(big_integer(VoteParticipation::VoteId))
                    .col(string_len(VoteParticipation::Voter, 64))
                    .primary_key(
                        Index::create()
                            .col(VoteParticipation::VoteId)
                            .col(VoteParticipation::Voter),
                    )
                    .foreign_key(&mut vote_key(
                        VoteParticipation::Table,
                        VoteParticipation::VoteId,
                    )),
            ),
            "vote_id, voter",
            "vote_id, voter",
        )
        .await?;
        rebuild(
            manager,
            "ballot_code",
            keyed(
                backend,
                Table::create()
                    .table(Alias::new("ballot_code_rebuilt"))
                    .col(big_integer(BallotCode::VoteId))
                    .col(string_len(BallotCode::CodeHash, 64))
                    .col(boolean(BallotCode::Used))
                    .primary_key(
                        Index::create()
                            .col(BallotCode::VoteId)
                            .col(BallotCode::CodeHash),
                    )
                    .foreign_key(&mut vote_key(BallotCode::Table, BallotCode::VoteId)),
            ),
            "vote_id, code_hash, used",
            "vote_id, code_hash",
        )
        .await?;
        supports_by_question(manager).await?;

        manager
            .create_table(keyed(
                backend,
                Table::create()
                    .table(BallotWaiting::Table)
                    .col(string_len(BallotWaiting::Id, 32).primary_key())
                    .col(big_integer(BallotWaiting::VoteId))
                    .col(blob(BallotWaiting::Sealed))
                    .foreign_key(&mut vote_key(BallotWaiting::Table, BallotWaiting::VoteId)),
            ))
            .await?;
        manager
            .create_table(keyed(
                backend,
                Table::create()
                    .table(SurveyWaiting::Table)
                    .col(string_len(SurveyWaiting::Id, 32).primary_key())
                    .col(big_integer(SurveyWaiting::SurveyId))
                    .col(blob(SurveyWaiting::Sealed))
                    .foreign_key(&mut survey_key(
                        SurveyWaiting::Table,
                        SurveyWaiting::SurveyId,
                    )),
            ))
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Vote::Table)
                    .add_column(boolean(Vote::BallotsSettled).default(false))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Survey::Table)
                    .add_column(boolean(Survey::ResponsesSettled).default(false))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SealKey::Table)
                    .col(string_len(SealKey::Fingerprint, 64).primary_key())
                    .to_owned(),
            )
            .await
    }

    /// Back to the previous schema's columns, so that the previous version runs: the days
    /// come back as this migration's date (the true ones were dropped), and what still
    /// waits to be mixed is lost — end the open votes and surveys before rolling back. The
    /// tables stay without row numbers and the supports keep their new marks.
    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            SealKey::Table.into_iden(),
            SurveyWaiting::Table.into_iden(),
            BallotWaiting::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Vote::Table)
                    .drop_column(Vote::BallotsSettled)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Survey::Table)
                    .drop_column(Survey::ResponsesSettled)
                    .to_owned(),
            )
            .await?;
        let today = Expr::val("2026-12-04");
        manager
            .alter_table(
                Table::alter()
                    .table(Ballot::Table)
                    .add_column(date(Alias::new("cast_on")).default(today.clone()))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(SurveyResponse::Table)
                    .add_column(date(Alias::new("answered_on")).default(today))
                    .to_owned(),
            )
            .await
    }
}

/// On SQLite, a table with no hidden row number: its rows are stored in the order of their
/// key (random ids, hashes), never in the order they came.
fn keyed(backend: DbBackend, table: &mut TableCreateStatement) -> TableCreateStatement {
    if backend == DbBackend::Sqlite {
        table.extra("WITHOUT ROWID");
    }
    table.to_owned()
}

fn vote_key(table: impl IntoIden, column: impl IntoIden) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, column)
        .to(Vote::Table, Vote::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

fn survey_key(table: impl IntoIden, column: impl IntoIden) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, column)
        .to(Survey::Table, Survey::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

/// Replaces table `name` by `new`, a statement creating `name_rebuilt`: filled with
/// `columns` in the order of the random `key`, then renamed `name`.
async fn rebuild(
    manager: &SchemaManager<'_>,
    name: &str,
    new: TableCreateStatement,
    columns: &str,
    key: &str,
) -> Result<(), DbErr> {
    let rebuilt = format!("{name}_rebuilt");
    manager.create_table(new).await?;
    let db = manager.get_connection();
    db.execute_unprepared(&format!(
        "INSERT INTO {rebuilt} ({columns}) SELECT {columns} FROM {name} ORDER BY {key}"
    ))
    .await?;
    manager
        .drop_table(Table::drop().table(Alias::new(name)).to_owned())
        .await?;
    manager
        .rename_table(
            Table::rename()
                .table(Alias::new(&rebuilt), Alias::new(name))
                .to_owned(),
        )
        .await
}

/// `question_vote.voter` was a hash of the participant and the assembly, the same for all
/// of one person's supports; it becomes a hash of that and the question, as the server now
/// computes it (`store::assemblies::support_mark`).
async fn supports_by_question(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let backend = manager.get_database_backend();
    let db = manager.get_connection();
    let rows = db
        .query_all_raw(Statement::from_string(
            backend,
            "SELECT question_id, voter FROM question_vote",
        ))
        .await?;
    let mut supports = Vec::with_capacity(rows.len());
    for row in rows {
        let question: i64 = row.try_get("", "question_id")?;
        let voter: String = row.try_get("", "voter")?;
        let mark = Sha256::digest(format!("{voter}:{question}").as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>();
        supports.push((mark, question));
    }
    supports.sort();
    manager
        .drop_table(Table::drop().table(QuestionVote::Table).to_owned())
        .await?;
    manager
        .create_table(keyed(
            backend,
            Table::create()
                .table(QuestionVote::Table)
                .col(big_integer(QuestionVote::QuestionId))
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
                ),
        ))
        .await?;
    for chunk in supports.chunks(500) {
        let mut insert = Query::insert();
        insert
            .into_table(QuestionVote::Table)
            .columns([QuestionVote::QuestionId, QuestionVote::Voter]);
        for (mark, question) in chunk {
            insert.values_panic([(*question).into(), mark.clone().into()]);
        }
        manager.exec_stmt(insert).await?;
    }
    Ok(())
}

#[derive(DeriveIden)]
enum Vote {
    Table,
    Id,
    BallotsSettled,
}

#[derive(DeriveIden)]
enum Survey {
    Table,
    Id,
    ResponsesSettled,
}

#[derive(DeriveIden)]
enum SurveyQuestion {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Question {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Ballot {
    Table,
    Id,
    VoteId,
    College,
    Choice,
}

#[derive(DeriveIden)]
enum BallotWaiting {
    Table,
    Id,
    VoteId,
    Sealed,
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

#[derive(DeriveIden)]
enum SurveyResponse {
    Table,
    Id,
    SurveyId,
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

#[derive(DeriveIden)]
enum SurveyWaiting {
    Table,
    Id,
    SurveyId,
    Sealed,
}

#[derive(DeriveIden)]
enum QuestionVote {
    Table,
    QuestionId,
    Voter,
}

#[derive(DeriveIden)]
enum SealKey {
    Table,
    Fingerprint,
}
