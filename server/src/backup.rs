//! `agora backup` and `agora restore` (docs/operations.md). SQLite: `VACUUM INTO` writes a
//! consistent copy while the site keeps serving, checked with `PRAGMA integrity_check`;
//! restoring copies it into place, the site stopped. PostgreSQL: `pg_dump --format=custom`
//! and `pg_restore` into an empty database. The seal key is not in the database and is
//! never in its backups: it is kept, and backed up, apart (docs/privacy.md).

use anyhow::{Context, bail};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Where a database lives, as `DATABASE_URL` says.
enum Engine {
    Sqlite(PathBuf),
    Postgres(String),
}

fn engine(database_url: &str) -> anyhow::Result<Engine> {
    if database_url.starts_with("postgres://") || database_url.starts_with("postgresql://") {
        return Ok(Engine::Postgres(database_url.to_owned()));
    }
    let path = agora_app::store::sqlite_file_path(database_url)
        .filter(|path| !path.is_empty() && *path != ":memory:")
        .context("DATABASE_URL names no SQLite file nor PostgreSQL database")?;
    Ok(Engine::Sqlite(PathBuf::from(path)))
}

/// What a backup holds, said to the operator.
#[derive(Debug)]
pub struct Written {
    pub bytes: u64,
    pub councils: u64,
}

/// Writes a backup of the database to `to`, which must not exist yet.
pub async fn backup(
    db: &DatabaseConnection,
    database_url: &str,
    to: &Path,
) -> anyhow::Result<Written> {
    if to.exists() {
        bail!(
            "{} exists already: a backup never overwrites a file",
            to.display()
        );
    }
    let councils = count_councils(db).await?;
    match engine(database_url)? {
        Engine::Sqlite(_) => {
            let target = to.to_str().context("the backup's path is not UTF-8")?;
            db.execute_unprepared(&format!("VACUUM INTO '{}'", target.replace('\'', "''")))
                .await
                .context("writing the SQLite copy")?;
            check_sqlite(to).await?;
        }
        Engine::Postgres(url) => run(Command::new("pg_dump")
            .arg("--format=custom")
            .arg("--no-owner")
            .arg("--file")
            .arg(to)
            .arg(&url))?,
    }
    Ok(Written {
        bytes: std::fs::metadata(to)?.len(),
        councils,
    })
}

/// Restores a backup into the database `database_url` names, which must be empty: no SQLite
/// file there yet, or a PostgreSQL database with no table of ours. Run with the site stopped;
/// the migrations of this version then apply as at every start.
pub async fn restore(from: &Path, database_url: &str) -> anyhow::Result<()> {
    if !from.is_file() {
        bail!("{} is not a file", from.display());
    }
    match engine(database_url)? {
        Engine::Sqlite(path) => {
            if path.exists() {
                bail!(
                    "{} exists: move it aside first (a restore never overwrites a database)",
                    path.display()
                );
            }
            check_sqlite(from).await?;
            if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)?;
            }
            // A journal left beside an old file would be replayed into the restored one.
            for suffix in ["-wal", "-shm"] {
                let stale = PathBuf::from(format!("{}{suffix}", path.display()));
                if stale.exists() {
                    std::fs::remove_file(&stale)?;
                }
            }
            std::fs::copy(from, &path).context("copying the backup into place")?;
        }
        Engine::Postgres(url) => {
            let db = sea_orm::Database::connect(quiet(&url)).await?;
            let ours = db
                .query_one_raw(sea_orm::Statement::from_string(
                    db.get_database_backend(),
                    "SELECT count(*) AS n FROM information_schema.tables \
                     WHERE table_schema = 'public' AND table_name = 'council'",
                ))
                .await?
                .map(|row| row.try_get::<i64>("", "n"))
                .transpose()?
                .unwrap_or(0);
            db.close().await?;
            if ours > 0 {
                bail!("the database already holds Agora's tables: restore into an empty one");
            }
            run(Command::new("pg_restore")
                .arg("--no-owner")
                .arg("--exit-on-error")
                .arg("--dbname")
                .arg(&url)
                .arg(from))?;
        }
    }
    Ok(())
}

async fn count_councils(db: &DatabaseConnection) -> anyhow::Result<u64> {
    use sea_orm::{EntityTrait, PaginatorTrait};
    Ok(agora_app::store::entities::council::Entity::find()
        .count(db)
        .await?)
}

/// A SQLite file that reads whole: `PRAGMA integrity_check` says `ok`.
async fn check_sqlite(file: &Path) -> anyhow::Result<()> {
    let url = format!("sqlite://{}?mode=ro", file.display());
    let copy = sea_orm::Database::connect(quiet(&url))
        .await
        .with_context(|| format!("opening {}", file.display()))?;
    let verdict: String = copy
        .query_one_raw(sea_orm::Statement::from_string(
            copy.get_database_backend(),
            "PRAGMA integrity_check",
        ))
        .await?
        .map(|row| row.try_get_by_index::<String>(0))
        .transpose()?
        .unwrap_or_default();
    copy.close().await?;
    if verdict != "ok" {
        bail!("{} is damaged: {verdict}", file.display());
    }
    Ok(())
}

/// A connection that does not log each statement it runs.
fn quiet(url: &str) -> sea_orm::ConnectOptions {
    let mut options = sea_orm::ConnectOptions::new(url.to_owned());
    options.sqlx_logging(false);
    options
}

fn run(command: &mut Command) -> anyhow::Result<()> {
    let program = command.get_program().to_string_lossy().into_owned();
    let status = command
        .status()
        .with_context(|| format!("{program} could not start (is it installed?)"))?;
    if !status.success() {
        bail!("{program} failed ({status})");
    }
    Ok(())
}
