//! What a host does to keep a council's data: `agora backup` while the site serves, then
//! `agora restore` into an empty database and a site started on it — on SQLite, and on
//! PostgreSQL when the suite runs there — losing nothing and overwriting nothing.

use agora_app::domain::document::{DocumentFields, DocumentType};
use agora_app::store::documents::{Holder, add_document};
use agora_app::store::entities::{
    assembly, ballot, council, document, staff_account, survey_response,
};
use agora_server::backup::{backup, restore};
use agora_server::demo;
use agora_tests::{TestApp, fresh_database_url};
use sea_orm::{EntityTrait, PaginatorTrait};

/// Rows of the tables a council would miss most, in one tuple.
async fn counts(db: &sea_orm::DatabaseConnection) -> anyhow::Result<[u64; 6]> {
    Ok([
        council::Entity::find().count(db).await?,
        assembly::Entity::find().count(db).await?,
        ballot::Entity::find().count(db).await?,
        survey_response::Entity::find().count(db).await?,
        staff_account::Entity::find().count(db).await?,
        document::Entity::find().count(db).await?,
    ])
}

#[tokio::test]
async fn a_backup_taken_while_serving_restores_into_an_empty_database_whole() -> anyhow::Result<()>
{
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let council_id = council::Entity::find()
        .one(&app.db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the demo council"))?
        .id;
    // Bytes that must come back exactly: a document of the council.
    let pdf = b"%PDF-1.4\n% a council's report\n%%EOF\n".to_vec();
    let fields = DocumentFields::check("Rapport annuel 2026", false, false)
        .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let bodies = agora_app::store::bodies::bodies_of(&app.db, council_id, &[]).await?;
    let body = bodies
        .first()
        .ok_or_else(|| anyhow::anyhow!("a demo body"))?
        .id;
    let kept = add_document(
        &app.db,
        council_id,
        Holder::Body(body),
        &fields,
        DocumentType::Pdf,
        pdf.clone(),
        None,
    )
    .await?;
    let before = counts(&app.db).await?;

    // The backup, while the site answers; never over an existing file.
    let dir = tempfile::tempdir()?;
    let file = dir.path().join("agora.backup");
    let written = backup(&app.db, &app.database_url, &file).await?;
    assert_eq!(written.councils, before[0]);
    assert!(written.bytes > 0);
    let (status, _) = app.get(&format!("/{slug}")).await?;
    assert_eq!(status, 200, "the site kept serving");
    let again = backup(&app.db, &app.database_url, &file).await;
    assert!(again.is_err(), "a backup never overwrites a file");

    // Restored into a new, empty database, then a site started on it.
    let target_dir = tempfile::tempdir()?;
    let target = fresh_database_url(&target_dir).await?;
    restore(&file, &target).await?;
    let restored = TestApp::on_url(&target, app.seal_key().clone()).await?;
    assert_eq!(counts(&restored.db).await?, before, "every row is back");
    let (status, html) = restored.get(&format!("/{slug}")).await?;
    assert_eq!(status, 200);
    assert!(
        html.contains("Val de Lisandre"),
        "the council's page: {html}"
    );
    let response = restored
        .get_raw(&format!("/api/document_file?slug={slug}&id={kept}"), None)
        .await?;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(
        response.bytes().await?.as_ref(),
        pdf.as_slice(),
        "the same bytes"
    );

    // Never into a database that already holds one.
    let refused = restore(&file, &target).await;
    assert!(refused.is_err(), "a restore never overwrites a database");
    assert_eq!(counts(&restored.db).await?, before, "nothing changed");
    Ok(())
}

#[tokio::test]
async fn health_says_whether_the_database_answers() -> anyhow::Result<()> {
    let app = TestApp::empty().await?;
    let response = app.get_raw("/health", None).await?;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.text().await?, "ok");
    // The database gone (its connections closed under the running site): 503, said plainly.
    app.db.clone().close().await?;
    let response = app.get_raw("/health", None).await?;
    assert_eq!(response.status().as_u16(), 503);
    assert_eq!(response.text().await?, "database unavailable");
    Ok(())
}

/// The value of the first line of `/metrics` that starts with `series` (0 when none).
fn figure(page: &str, series: &str) -> f64 {
    page.lines()
        .find(|line| line.starts_with(series))
        .and_then(|line| line.rsplit(' ').next())
        .and_then(|value| value.parse().ok())
        .unwrap_or(0.0)
}

#[tokio::test]
async fn metrics_count_sockets_events_ballots_and_refusals_for_this_machine_only()
-> anyhow::Result<()> {
    use agora_app::domain::{CouncilSlug, Role};
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let metrics = |app: &TestApp| {
        let url = app.url("/metrics");
        let client = app.client.clone();
        async move {
            let response = client.get(url).send().await?;
            anyhow::ensure!(response.status().as_u16() == 200, "{}", response.status());
            anyhow::ensure!(
                agora_tests::header(&response, "content-type").starts_with("text/plain"),
                "the Prometheus text format"
            );
            anyhow::Ok(response.text().await?)
        }
    };
    let before = metrics(&app).await?;

    // A live socket, a question asked in it (an event), a ballot, a cross-site write.
    let (room, _) = super::live::open_room(&app).await?;
    let participant = app.participant_cookie(3);
    let mut phone = super::live::Client::connect(&app, room, Some(&participant), None).await?;
    phone.until("snapshot").await?;
    phone
        .send(serde_json::json!({"type": "ask", "ref": "q", "body": "Combien sommes-nous ?"}))
        .await?;
    phone.until("ack").await?;
    let during = metrics(&app).await?;
    assert!(figure(&during, "agora_live_sockets") >= 1.0, "{during}");
    assert!(figure(&during, "agora_live_rooms") >= 1.0, "{during}");
    assert!(
        figure(&during, "agora_live_events_total") > figure(&before, "agora_live_events_total"),
        "{during}"
    );
    let here = CouncilSlug::parse(slug)?;
    let (_, coordinator) = app
        .staff_member(&here, Role::Coordinator, "Anne Martin")
        .await?;
    let vote = super::vote_pages::set_up(&app, &coordinator, "schulze", "open").await?;
    let cast = app
        .post_form(
            "/api/cast_ballot",
            Some(&participant),
            &[
                ("slug", slug),
                ("vote", &vote.to_string()),
                ("order", "2,0,1"),
                ("college", "usagers"),
            ],
        )
        .await?;
    assert_eq!(cast.status().as_u16(), 302);
    let refused = app
        .client
        .post(app.url("/api/save_preferences"))
        .header("origin", "https://elsewhere.example")
        .header("sec-fetch-site", "cross-site")
        .form(&[("lang", "en")])
        .send()
        .await?;
    assert_eq!(refused.status().as_u16(), 403);
    let after = metrics(&app).await?;
    assert!(
        figure(&after, "agora_ballots_total") > figure(&before, "agora_ballots_total"),
        "{after}"
    );
    let cross_site = "agora_writes_refused_total{reason=\"error-cross-site\"}";
    assert!(
        figure(&after, cross_site) > figure(&before, cross_site),
        "{after}"
    );
    // Through the reverse proxy (it says whom it forwards): as if there were none.
    let proxied = app
        .client
        .get(app.url("/metrics"))
        .header("x-forwarded-for", "203.0.113.7")
        .send()
        .await?;
    assert_eq!(proxied.status().as_u16(), 404);
    // Figures only: no council, assembly or question in them.
    assert!(
        !after.contains(slug) && !after.contains("Combien"),
        "{after}"
    );
    Ok(())
}
