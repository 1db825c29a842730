//! Opening the database: SQLite (embedded, WAL) or PostgreSQL, chosen by the URL.

use sea_orm::{
    ConnectOptions, Database, DatabaseConnection, DatabaseTransaction, DbErr,
    SqliteTransactionMode, TransactionOptions, TransactionTrait,
};
use std::time::Duration;

/// Connects to `url`; for SQLite, creates the file's folder and sets every connection of
/// the pool to WAL (readers do not wait for the writer), `synchronous = NORMAL` (in WAL, a
/// commit survives a crash of the process; only a power cut may lose the last commits,
/// never corrupt the file), a 5 s wait for the write lock, and `secure_delete` (what is
/// deleted is overwritten with zeros, not left in free space: a withdrawn testimony, the
/// old order of a mixed ballot box; docs/privacy.md).
pub async fn connect(url: &str) -> Result<DatabaseConnection, DbErr> {
    let folder = sqlite_file_path(url).and_then(|path| std::path::Path::new(path).parent());
    if let Some(dir) = folder.filter(|dir| !dir.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| DbErr::Custom(format!("cannot create {}: {e}", dir.display())))?;
    }
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .max_connections(if url.starts_with("sqlite") { 8 } else { 16 })
        // PostgreSQL connections take tens of milliseconds to open (authentication): some
        // are kept open, so that the first crowd (the ballot box's four tasks, the pages)
        // does not wait for them. SQLite opens a file in well under a millisecond.
        .min_connections(if url.starts_with("sqlite") { 0 } else { 6 })
        .connect_timeout(Duration::from_secs(10))
        .sqlx_logging(false)
        .map_sqlx_sqlite_opts(|sqlite| {
            use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
            sqlite
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .busy_timeout(Duration::from_secs(5))
                .pragma("secure_delete", "ON")
        });
    Database::connect(options).await
}

/// Whether `error` says the database takes no writes for now, whatever was asked: SQLite
/// read-only (8) or full (13), in their extended forms too; PostgreSQL in a read-only
/// transaction (25006, a standby or `default_transaction_read_only`), out of disk (53100)
/// or of resources (53000), starting up or shutting down (57P03, 57P01); or no connection
/// to be had (the server restarting). The person is told nothing was saved and to come back
/// later, rather than that something broke.
pub fn refuses_writes(error: &DbErr) -> bool {
    use sea_orm::RuntimeErr;
    use sea_orm::sqlx::Error;
    let sqlx = match error {
        DbErr::ConnectionAcquire(_) => return true,
        DbErr::Exec(RuntimeErr::SqlxError(e))
        | DbErr::Query(RuntimeErr::SqlxError(e))
        | DbErr::Conn(RuntimeErr::SqlxError(e)) => e,
        _ => return false,
    };
    match &**sqlx {
        Error::Io(_) | Error::PoolTimedOut | Error::PoolClosed => true,
        Error::Database(database) => {
            let code = database.code().unwrap_or_default();
            if database
                .try_downcast_ref::<sea_orm::sqlx::sqlite::SqliteError>()
                .is_some()
            {
                // SQLite's extended result code: the primary code is its low byte.
                code.parse::<i32>()
                    .is_ok_and(|extended| matches!(extended & 0xff, 8 | 13))
            } else {
                matches!(&*code, "25006" | "53100" | "53000" | "57P03" | "57P01")
            }
        }
        _ => false,
    }
}

/// Begins a transaction that will write. On SQLite it takes the write lock at once
/// (`BEGIN IMMEDIATE`): a transaction that reads first and writes later would otherwise
/// fail with "database is locked" whenever another writer committed in between, instead of
/// waiting its turn. PostgreSQL ignores the mode.
pub async fn begin_write(db: &DatabaseConnection) -> Result<DatabaseTransaction, DbErr> {
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..TransactionOptions::default()
    })
    .await
}

/// Locks, for the rest of its transaction, the row whose waiting items (ballots, answers,
/// declarations) a mixer is about to take: two mixers never take the same ones. The lock is
/// `FOR NO KEY UPDATE`, not `FOR UPDATE`, on PostgreSQL: the writers that add items
/// meanwhile check their foreign key to that row with `FOR KEY SHARE`, which `FOR UPDATE`
/// would make wait for the whole mix (a burst of ballots stalled for up to a second behind
/// the mixers on two instances). SQLite has one writer and no row locks.
pub fn locked_for_mixing<S: sea_orm::QuerySelect>(select: S) -> S {
    select.lock(sea_orm::sea_query::LockType::NoKeyUpdate)
}

/// The same lock, or no row at all when another mixer holds it (`SKIP LOCKED`): for a mix
/// that may be left to the one at work, whose items not seen wait for the next.
pub fn locked_for_mixing_unless_busy<S: sea_orm::QuerySelect>(select: S) -> S {
    select.lock_with_behavior(
        sea_orm::sea_query::LockType::NoKeyUpdate,
        sea_orm::sea_query::LockBehavior::SkipLocked,
    )
}

/// Begins a transaction that only reads and sees the database as of one instant (a room's
/// sequence number and its questions agree). It takes no write lock: on SQLite a deferred
/// transaction, whose snapshot is fixed at its first read (WAL), so that a crowd joining a
/// room does not queue behind the one writer; on PostgreSQL `REPEATABLE READ, READ ONLY`.
pub async fn begin_read(db: &DatabaseConnection) -> Result<DatabaseTransaction, DbErr> {
    if db.get_database_backend() == sea_orm::DbBackend::Postgres {
        db.begin_with_config(
            Some(sea_orm::IsolationLevel::RepeatableRead),
            Some(sea_orm::AccessMode::ReadOnly),
        )
        .await
    } else {
        db.begin().await
    }
}

/// On SQLite, copies the write-ahead log into the database file and empties it, so that
/// the log no longer holds the pages as they were before the last transactions (a mixed
/// box's old order). Best effort: while a reader holds an old snapshot the log cannot be
/// emptied, and the next call will. Nothing to do on PostgreSQL.
pub async fn forget_history(db: &DatabaseConnection) {
    use sea_orm::ConnectionTrait;
    if db.get_database_backend() == sea_orm::DbBackend::Sqlite
        && let Err(error) = db
            .execute_unprepared("PRAGMA wal_checkpoint(TRUNCATE)")
            .await
    {
        tracing::warn!(%error, "write-ahead log not emptied");
    }
}

/// The file behind a `sqlite://path?…` URL, if it names a file (not `:memory:`).
pub fn sqlite_file_path(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or_default();
    (!path.is_empty() && path != ":memory:").then_some(path)
}

#[cfg(test)]
mod tests {
    use super::sqlite_file_path;

    #[test]
    fn finds_the_sqlite_file() {
        assert_eq!(
            sqlite_file_path("sqlite://data/agora.db?mode=rwc"),
            Some("data/agora.db")
        );
        assert_eq!(sqlite_file_path("sqlite::memory:"), None);
        assert_eq!(sqlite_file_path("postgres://localhost/agora"), None);
    }
}
