//! Councils hosted on an instance, as its operator manages them: an empty instance says how
//! to start; a council created from nothing is reachable with its default colleges; an
//! archived one is nowhere — index, pages, staff pages, invitations, live rooms — and comes
//! back whole when restored.

use agora_app::domain::{CouncilSlug, Role};
use agora_app::store::{self, HostingError};
use agora_tests::TestApp;

#[tokio::test]
async fn an_empty_instance_says_how_to_start_and_a_new_council_is_reachable() -> anyhow::Result<()>
{
    let app = TestApp::empty().await?;
    let (status, html) = app.get("/").await?;
    assert_eq!(status, 200);
    assert!(html.contains("Aucun conseil n"), "{html}");
    assert!(html.contains("agora council create --slug"), "{html}");

    let slug = CouncilSlug::parse("clsm-rive")?;
    let id = store::create_council(&app.db, &slug, "  CLSM  de la Rive ", "Rive-Haute").await?;
    let (_, html) = app.get("/").await?;
    assert!(html.contains("CLSM de la Rive"), "{html}");
    assert!(!html.contains("agora council create"));
    let (status, _) = app.get("/clsm-rive").await?;
    assert_eq!(status, 200);
    let record = store::council_record(&app.db, &slug)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the new council"))?;
    assert_eq!(record.id, id);
    assert_eq!(record.council.colleges.len(), 6, "the default colleges");

    // Refused, with the reason, and nothing stored.
    let before = store::hosted_councils(&app.db).await?.len();
    assert!(matches!(
        store::create_council(&app.db, &slug, "Un autre", "").await,
        Err(HostingError::SlugTaken)
    ));
    assert!(matches!(
        store::create_council(&app.db, &CouncilSlug::parse("clsm-vide")?, " ", "").await,
        Err(HostingError::Refused("error-council-name-short"))
    ));
    assert!(matches!(
        store::create_council(
            &app.db,
            &CouncilSlug::parse("clsm-long")?,
            "Conseil",
            &"x".repeat(201)
        )
        .await,
        Err(HostingError::Refused("error-council-text-long"))
    ));
    assert_eq!(store::hosted_councils(&app.db).await?.len(), before);
    Ok(())
}

#[tokio::test]
async fn an_archived_council_is_nowhere_and_comes_back_whole() -> anyhow::Result<()> {
    use agora_app::store::entities::assembly;
    use sea_orm::EntityTrait;
    let app = TestApp::with_demo().await?;
    let here = agora_server::demo::council()?.slug;
    let slug = here.as_str();
    let (_, coordinator) = app
        .staff_member(&here, Role::Coordinator, "Anne Martin")
        .await?;
    let room = assembly::Entity::find()
        .all(&app.db)
        .await?
        .into_iter()
        .find(|a| a.published_at.is_some())
        .ok_or_else(|| anyhow::anyhow!("a published demo assembly"))?
        .id;
    let paths = [
        format!("/{slug}"),
        format!("/{slug}/votes"),
        format!("/{slug}/temoignages"),
        format!("/{slug}/assemblees/{room}"),
        format!("/{slug}/equipe"),
    ];
    for path in &paths {
        let (status, _) = app.get_with_cookie(path, Some(&coordinator)).await?;
        assert_eq!(status, 200, "{path} before");
    }

    store::set_archived(&app.db, &here, true).await?;
    let (_, index) = app.get("/").await?;
    assert!(!index.contains(&format!("href=\"/{slug}\"")), "not listed");
    for path in &paths {
        let (status, _) = app.get_with_cookie(path, Some(&coordinator)).await?;
        assert_eq!(status, 404, "{path} archived");
    }
    let response = app
        .post_form(
            "/api/invite_staff",
            Some(&coordinator),
            &[("slug", slug), ("role", "observer"), ("hours", "24")],
        )
        .await?;
    assert_eq!(response.status().as_u16(), 404, "no invitation");
    assert!(
        store::room::council_of(&app.db, room).await?.is_none(),
        "its live rooms are closed too"
    );
    let response = app
        .client
        .get(app.url(&format!("/live/{room}")))
        .header("connection", "upgrade")
        .header("upgrade", "websocket")
        .header("sec-websocket-version", "13")
        .header("sec-websocket-key", "dGhlIHNhbXBsZSBub25jZQ==")
        .send()
        .await?;
    assert_eq!(response.status().as_u16(), 404, "no live socket");

    store::set_archived(&app.db, &here, false).await?;
    for path in &paths {
        let (status, _) = app.get_with_cookie(path, Some(&coordinator)).await?;
        assert_eq!(status, 200, "{path} restored");
    }
    Ok(())
}
