//! Faults a host meets: a database that stops taking writes (read-only, or its disk full)
//! must leave the site readable and tell each writer, in words, that nothing was saved.

use super::vote_pages::set_up;
use agora_app::domain::{CouncilSlug, Role};
use agora_app::store::votes;
use agora_server::demo;
use agora_tests::TestApp;
use sea_orm::ConnectionTrait;

/// A second connection to the app's database on which every write is refused, as a
/// read-only mount, a read-only replica or a disk gone read-only refuses it: SQLite opened
/// with `mode=ro`, PostgreSQL sessions with `default_transaction_read_only` on (what a hot
/// standby answers). The app's own connection still writes.
async fn read_only(app: &TestApp) -> anyhow::Result<sea_orm::DatabaseConnection> {
    let url = &app.database_url;
    let url = if url.starts_with("sqlite:") {
        url.replace("mode=rwc", "mode=ro")
    } else {
        format!("{url}?options=-c%20default_transaction_read_only%3Don")
    };
    Ok(agora_app::store::connect(&url).await?)
}

#[tokio::test]
async fn a_database_refusing_writes_keeps_the_site_readable_and_says_nothing_was_saved()
-> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let here = CouncilSlug::parse(slug)?;
    let (_, coordinator) = app
        .staff_member(&here, Role::Coordinator, "Anne Martin")
        .await?;
    let vote = set_up(&app, &coordinator, "approval", "open").await?;
    let frozen = TestApp::on_connection(read_only(&app).await?, app.seal_key().clone()).await?;
    let vote_id = vote.to_string();
    let ballot = [
        ("slug", slug),
        ("vote", vote_id.as_str()),
        ("college", "usagers"),
        ("approved[0]", "on"),
    ];

    // Reading goes on: the council's home, the vote's page, a staff page.
    for path in [
        format!("/{slug}"),
        format!("/{slug}/votes/{vote}"),
        format!("/{slug}/questionnaires"),
    ] {
        let (status, _) = frozen.get(&path).await?;
        assert_eq!(status, 200, "{path}");
    }

    // A ballot, posted by a browser without JavaScript from the vote's page: answered with
    // a page that says nothing was saved (503, come back in a minute) and leads back.
    let page = frozen.url(&format!("/{slug}/votes/{vote}"));
    let cast = frozen
        .client
        .post(frozen.url("/api/cast_ballot"))
        .header("accept", "text/html")
        .header("referer", &page)
        .header("cookie", frozen.participant_cookie(7))
        .form(&ballot)
        .send()
        .await?;
    assert_eq!(cast.status().as_u16(), 503);
    assert_eq!(agora_tests::header(&cast, "retry-after"), "60");
    let html = cast.text().await?;
    assert!(
        html.contains("Agora ne peut rien enregistrer pour le moment. Rien n&#39;a été enregistré")
            || html
                .contains("Agora ne peut rien enregistrer pour le moment. Rien n'a été enregistré"),
        "{html}"
    );
    assert!(
        html.contains(&format!("href=\"/{slug}/votes/{vote}\"")),
        "{html}"
    );
    assert_eq!(votes::waiting_count(&app.db, vote).await?, 0);

    // The same from a page's script: the error it shows in words, with the same status.
    let scripted = frozen
        .client
        .post(frozen.url("/api/cast_ballot"))
        .header("cookie", frozen.participant_cookie(8))
        .form(&ballot)
        .send()
        .await?;
    assert_eq!(scripted.status().as_u16(), 503);
    assert!(scripted.text().await?.contains("Unavailable"));

    // Once the database takes writes again, the same voter votes.
    let cast = app
        .post_form(
            "/api/cast_ballot",
            Some(&app.participant_cookie(7)),
            &ballot,
        )
        .await?;
    assert_eq!(cast.status().as_u16(), 302);
    assert_eq!(votes::waiting_count(&app.db, vote).await?, 1);
    Ok(())
}

/// A full disk cannot be made on demand here; SQLite's page limit gives the very error a
/// full disk gives (SQLITE_FULL, "database or disk is full"), and it must be told apart
/// from a bug the same way a read-only database is: nothing saved, come back later.
#[tokio::test]
async fn a_full_or_read_only_database_is_told_apart_from_a_bug() -> anyhow::Result<()> {
    use agora_app::store::refuses_writes;
    let dir = tempfile::tempdir()?;
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("full.db").display());
    let mut options = sea_orm::ConnectOptions::new(url.clone());
    options.max_connections(1).map_sqlx_sqlite_opts(|sqlite| {
        sqlite
            .journal_mode(sea_orm::sqlx::sqlite::SqliteJournalMode::Wal)
            .pragma("max_page_count", "4")
    });
    let db = sea_orm::Database::connect(options).await?;
    db.execute_unprepared("CREATE TABLE filler (id INTEGER PRIMARY KEY, bytes BLOB UNIQUE)")
        .await?;
    let mut full = None;
    for _ in 0..64 {
        if let Err(error) = db
            .execute_unprepared("INSERT INTO filler (bytes) VALUES (randomblob(2000))")
            .await
        {
            full = Some(error);
            break;
        }
    }
    let full = full.ok_or_else(|| anyhow::anyhow!("the page limit was never reached"))?;
    assert!(full.to_string().contains("full"), "{full}");
    assert!(refuses_writes(&full), "{full:?}");

    // A mistake of ours is not one of these: a broken constraint, a missing table.
    db.execute_unprepared("DELETE FROM filler").await?;
    db.execute_unprepared("INSERT INTO filler (id, bytes) VALUES (1, x'00')")
        .await?;
    let duplicate = db
        .execute_unprepared("INSERT INTO filler (id, bytes) VALUES (1, x'01')")
        .await
        .err()
        .ok_or_else(|| anyhow::anyhow!("a duplicate key was accepted"))?;
    assert!(!refuses_writes(&duplicate), "{duplicate:?}");
    let missing = db
        .execute_unprepared("INSERT INTO nowhere VALUES (1)")
        .await
        .err()
        .ok_or_else(|| anyhow::anyhow!("a missing table was accepted"))?;
    assert!(!refuses_writes(&missing), "{missing:?}");
    db.close().await?;

    // Read-only: the file opened with `mode=ro`.
    let read_only = agora_app::store::connect(&url.replace("mode=rwc", "mode=ro")).await?;
    let refused = read_only
        .execute_unprepared("INSERT INTO filler (bytes) VALUES (x'02')")
        .await
        .err()
        .ok_or_else(|| anyhow::anyhow!("a read-only database took a write"))?;
    assert!(refuses_writes(&refused), "{refused:?}");
    Ok(())
}
