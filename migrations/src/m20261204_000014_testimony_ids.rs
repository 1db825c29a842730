//! Testimonies no longer keep the order they came in (docs/privacy.md, "Testimony"): their
//! ids become random instead of a sequence (on SQLite the id is also the row number, so the
//! table's order goes with it), and the day a testimony was posted becomes its month (pages
//! never showed more; a day points at that day's lines in the access log).
//!
//! Each testimony is copied under its new id, its recording and its place on the projector
//! follow it, then the old row goes: no foreign key is broken at any step, on either
//! database, and all in this migration's transaction.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend, Statement, Value};
use sha2::{Digest, Sha256};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Every column but `id` and `token_hash`.
const COLUMNS: &str = "council_id, finding_id, assembly_id, pseudonym, college, happened, \
    helped, change, consent_public, consent_projector, consent_report, review, \
    moderator_note, content_warning, easy_summary, posted_on, audio_format";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let backend = manager.get_database_backend();
        let db = manager.get_connection();
        let rows = db
            .query_all_raw(Statement::from_string(
                backend,
                "SELECT id, token_hash FROM testimony",
            ))
            .await?;
        let mut renumbered = Vec::with_capacity(rows.len());
        for row in rows {
            let old: i64 = row.try_get("", "id")?;
            let token_hash: String = row.try_get("", "token_hash")?;
            // Drawn from the private link's hash, itself from a random token: as random as
            // the ids the server now draws, with no dependency for one migration.
            let digest = Sha256::digest(format!("testimony-id:{token_hash}").as_bytes());
            let mut first = [0u8; 8];
            first.copy_from_slice(&digest[..8]);
            let new =
                <i64 as TryFrom<u64>>::try_from(u64::from_be_bytes(first) >> 11).unwrap_or(0) + 1;
            renumbered.push((new, old, token_hash));
        }
        renumbered.sort();
        for (new, old, token_hash) in renumbered {
            let run = |sql: String, values: Vec<Value>| {
                db.execute_raw(Statement::from_sql_and_values(backend, sql, values))
            };
            let (p1, p2) = placeholders(backend);
            run(
                format!(
                    "INSERT INTO testimony (id, token_hash, {COLUMNS}) \
                     SELECT {p1}, {p2}, {COLUMNS} FROM testimony WHERE id = {p3}",
                    p3 = nth(backend, 3)
                ),
                vec![new.into(), format!("renumbering-{new}").into(), old.into()],
            )
            .await?;
            for child in ["testimony_audio", "testimony_on_screen"] {
                run(
                    format!("UPDATE {child} SET testimony_id = {p1} WHERE testimony_id = {p2}"),
                    vec![new.into(), old.into()],
                )
                .await?;
            }
            run(
                format!("DELETE FROM testimony WHERE id = {p1}"),
                vec![old.into()],
            )
            .await?;
            run(
                format!("UPDATE testimony SET token_hash = {p1} WHERE id = {p2}"),
                vec![token_hash.into(), new.into()],
            )
            .await?;
        }
        db.execute_unprepared(match backend {
            DbBackend::Postgres => {
                "UPDATE testimony SET posted_on = date_trunc('month', posted_on)::date"
            }
            _ => "UPDATE testimony SET posted_on = date(posted_on, 'start of month')",
        })
        .await?;
        Ok(())
    }

    /// Ids drawn at random stay as they are: a sequence cannot be given back.
    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Ok(())
    }
}

fn nth(backend: DbBackend, n: usize) -> String {
    match backend {
        DbBackend::Postgres => format!("${n}"),
        _ => "?".to_owned(),
    }
}

fn placeholders(backend: DbBackend) -> (String, String) {
    (nth(backend, 1), nth(backend, 2))
}
