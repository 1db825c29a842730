//! Platform operators: the people who host councils on an instance (create, archive,
//! restore them and invite each one's first coordinator) from the web, with passkeys. An
//! operator is a staff account marked so; they are invited like any staff member, by an
//! invitation that names no council (`agora invite --operator`).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::boolean;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

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
        manager
            .alter_table(
                Table::alter()
                    .table(StaffAccount::Table)
                    .add_column(boolean(StaffAccount::Operator).default(false))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Invitation::Table)
                    .add_column(boolean(Invitation::Operator).default(false))
                    .to_owned(),
            )
            .await?;
        // An operator's invitation names no council.
        let db = manager.get_connection();
        match db.get_database_backend() {
            DbBackend::Sqlite => {
                // SQLite changes no column in place: the table is written again from its own
                // definition, the one constraint lifted. Nothing refers to invitations.
                let row = db
                    .query_one_raw(sea_orm_migration::sea_orm::Statement::from_string(
                        DbBackend::Sqlite,
                        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'invitation'",
                    ))
                    .await?
                    .ok_or_else(|| DbErr::Migration("no invitation table".into()))?;
                let definition: String = row.try_get("", "sql")?;
                let lifted = definition
                    .replace(
                        "\"council_id\" integer NOT NULL",
                        "\"council_id\" integer NULL",
                    )
                    .replacen("\"invitation\"", "\"invitation_lifted\"", 1);
                if lifted == definition || !lifted.contains("\"council_id\" integer NULL") {
                    return Err(DbErr::Migration(format!(
                        "unexpected invitation table: {definition}"
                    )));
                }
                db.execute_unprepared(&lifted).await?;
                db.execute_unprepared("INSERT INTO invitation_lifted SELECT * FROM invitation")
                    .await?;
                db.execute_unprepared("DROP TABLE invitation").await?;
                db.execute_unprepared("ALTER TABLE invitation_lifted RENAME TO invitation")
                    .await?;
            }
            _ => {
                db.execute_unprepared(
                    "ALTER TABLE invitation ALTER COLUMN council_id DROP NOT NULL",
                )
                .await?;
            }
        }
        Ok(())
    }

    /// Operators' invitations go (they name no council), then the marks.
    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        db.execute_unprepared("DELETE FROM invitation WHERE council_id IS NULL")
            .await?;
        for (table, column) in [
            (
                StaffAccount::Table.into_iden(),
                StaffAccount::Operator.into_iden(),
            ),
            (
                Invitation::Table.into_iden(),
                Invitation::Operator.into_iden(),
            ),
        ] {
            manager
                .alter_table(Table::alter().table(table).drop_column(column).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum StaffAccount {
    Table,
    Operator,
}

#[derive(DeriveIden)]
enum Invitation {
    Table,
    Operator,
}
