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

/// Testimonies stored before their ids became random: renumbered at random, their recording
/// and their place on the projector following them, each still behind its private link,
/// and dated by their month.
#[tokio::test]
async fn the_testimony_migration_renumbers_and_keeps_every_link() -> anyhow::Result<()> {
    use agora_app::store::entities::{testimony, testimony_audio, testimony_on_screen};
    use sea_orm::{ActiveModelTrait, EntityTrait, Set};
    let dir = tempfile::tempdir()?;
    let db = prepare_database(&fresh_database_url(&dir).await?).await?;
    let key =
        agora_app::store::seal::SealKey::from_bytes(&agora_app::store::seal::SealKey::generate())
            .ok_or_else(|| anyhow::anyhow!("seal key"))?;
    demo::seed(&db, &key).await?;
    let council = agora_app::store::council_record(
        &db,
        &agora_app::domain::CouncilSlug::parse(demo::slug())?,
    )
    .await?
    .map(|record| record.id)
    .ok_or_else(|| anyhow::anyhow!("the council"))?;
    // Back to before the testimony ids (m20261204_000014): it and the migrations after it.
    let after_it = Migrator::migrations()
        .iter()
        .rev()
        .position(|m| m.name().contains("testimony_ids"))
        .ok_or_else(|| anyhow::anyhow!("the testimony ids migration"))?;
    Migrator::down(&db, Some(u32::try_from(after_it + 1)?)).await?;
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default();
    for id in 1..=3_i64 {
        testimony::ActiveModel {
            id: Set(id),
            council_id: Set(council),
            finding_id: Set(None),
            assembly_id: Set(None),
            pseudonym: Set(None),
            college: Set(None),
            happened: Set(format!("Témoignage {id}")),
            helped: Set(String::new()),
            change: Set(String::new()),
            consent_public: Set(true),
            consent_projector: Set(true),
            consent_report: Set(false),
            review: Set("approved".into()),
            moderator_note: Set(None),
            content_warning: Set(None),
            easy_summary: Set(None),
            token_hash: Set(format!("{id:064x}")),
            posted_on: Set(day),
            audio_format: Set((id == 2).then(|| "webm".to_owned())),
        }
        .insert(&db)
        .await?;
    }
    testimony_audio::ActiveModel {
        testimony_id: Set(2),
        bytes: Set(vec![2; 16]),
    }
    .insert(&db)
    .await?;
    testimony_on_screen::ActiveModel {
        council_id: Set(council),
        testimony_id: Set(3),
    }
    .insert(&db)
    .await?;

    Migrator::up(&db, None).await?;
    let rows = testimony::Entity::find().all(&db).await?;
    assert_eq!(rows.len(), 3);
    let by_text = |n: i64| {
        rows.iter()
            .find(|t| t.happened == format!("Témoignage {n}"))
            .cloned()
            .ok_or_else(|| anyhow::anyhow!("testimony {n}"))
    };
    for n in 1..=3 {
        let row = by_text(n)?;
        assert!(row.id > 3, "renumbered: {}", row.id);
        assert_eq!(row.token_hash, format!("{n:064x}"), "its private link");
        assert_eq!(
            row.posted_on,
            chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap_or_default()
        );
    }
    let audio = testimony_audio::Entity::find().all(&db).await?;
    assert_eq!(
        audio.iter().map(|a| a.testimony_id).collect::<Vec<_>>(),
        [by_text(2)?.id]
    );
    let screen = testimony_on_screen::Entity::find().all(&db).await?;
    assert_eq!(
        screen.iter().map(|s| s.testimony_id).collect::<Vec<_>>(),
        [by_text(3)?.id]
    );
    Ok(())
}
