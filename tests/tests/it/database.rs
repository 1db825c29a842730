//! Migrations and the demo seed, on SQLite and (when TEST_DATABASE_URL is set) PostgreSQL.

use agora_migrations::{Migrator, MigratorTrait};
use agora_server::demo::{self, Seeded};
use agora_server::prepare_database;
use agora_tests::fresh_database_url;

#[tokio::test]
async fn migrations_apply_roll_back_and_reapply() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let url = fresh_database_url(&dir).await?;
    let db = prepare_database(&url).await?;
    assert!(Migrator::get_pending_migrations(&db).await?.is_empty());
    Migrator::down(&db, None).await?;
    assert_eq!(
        Migrator::get_pending_migrations(&db).await?.len(),
        Migrator::migrations().len()
    );
    Migrator::up(&db, None).await?;
    assert!(!agora_app::store::has_councils(&db).await?);
    Ok(())
}

#[tokio::test]
async fn seeding_is_idempotent_and_complete() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let db = prepare_database(&fresh_database_url(&dir).await?).await?;
    let key =
        agora_app::store::seal::SealKey::from_bytes(&agora_app::store::seal::SealKey::generate())
            .ok_or_else(|| anyhow::anyhow!("seal key"))?;
    assert_eq!(demo::seed(&db, &key).await?, Seeded::Created);
    assert_eq!(demo::seed(&db, &key).await?, Seeded::AlreadyThere);
    let councils = agora_app::store::list_councils(&db).await?;
    assert_eq!(councils.len(), 1);
    let expected = demo::council()?;
    assert_eq!(
        councils.first().map(|c| c.finding_count),
        Some(expected.findings.len() as u64)
    );
    let council = agora_app::store::council_by_slug(&db, &expected.slug).await?;
    assert_eq!(council.map(|c| c.colleges.len()), Some(6));
    Ok(())
}

#[tokio::test]
async fn sqlite_file_is_created_in_wal_mode() -> anyhow::Result<()> {
    use sea_orm::{ConnectionTrait, Statement};
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("nested/folder/agora.db");
    let db = prepare_database(&format!("sqlite://{}?mode=rwc", path.display())).await?;
    assert!(path.exists());
    let row = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            "PRAGMA journal_mode",
        ))
        .await?
        .ok_or_else(|| anyhow::anyhow!("no row"))?;
    let mode: String = row.try_get_by_index(0)?;
    assert_eq!(mode, "wal");
    Ok(())
}
