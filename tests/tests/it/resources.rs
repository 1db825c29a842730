//! The guide of local resources: public and searchable without JavaScript, linked from the
//! crisis strip on a council's pages; written by the council's coordinators only; bad input
//! refused beside its field with nothing stored; no script or foreign scheme made a link.

use agora_app::domain::Role;
use agora_app::store::entities::local_resource;
use agora_tests::{TestApp, location};
use sea_orm::{EntityTrait, PaginatorTrait};

use agora_tests::unescape;

#[tokio::test]
async fn the_guide_is_public_searchable_and_reached_from_the_crisis_strip() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let slug = agora_server::demo::slug();
    let (status, html) = app.get(&format!("/{slug}/ressources")).await?;
    assert_eq!(status, 200);
    let html = unescape(&html);
    assert!(
        html.contains("GEM L'Envol") && html.contains("Unafam"),
        "{html}"
    );
    assert!(html.contains("href=\"tel:0321002020\""), "a number to dial");
    assert!(html.contains("Groupes d'entraide mutuelle (GEM)"));
    // Searched with a plain GET form: accents and case ignored, every word must match.
    let (_, found) = app
        .get(&format!("/{slug}/ressources?q=samedi+montclair"))
        .await?;
    let found = unescape(&found);
    assert!(
        found.contains("Unafam") && found.contains("Maison des adolescents"),
        "{found}"
    );
    assert!(!found.contains("GEM L'Envol"), "Saint-Aubin, not Montclair");
    let (_, none) = app
        .get(&format!("/{slug}/ressources?q=cr%C3%A8che"))
        .await?;
    assert!(unescape(&none).contains("Rien ne correspond à « crèche »"));
    // Easy-read: the description's easy version.
    let (_, easy) = app
        .get_with_cookie(
            &format!("/{slug}/ressources"),
            Some("agora_prefs=lang=fr&easy=1"),
        )
        .await?;
    assert!(unescape(&easy).contains("Un lieu pour se retrouver entre personnes"));
    // The crisis strip of the council's pages leads there; elsewhere it does not.
    let (_, home) = app.get(&format!("/{slug}")).await?;
    assert!(home.contains(&format!("href=\"/{slug}/ressources\"")));
    let (_, index) = app.get("/").await?;
    assert!(!index.contains("/ressources\""));
    // Visitors see no way to change it.
    assert!(!html.contains("/ressources/nouvelle"));
    Ok(())
}

#[tokio::test]
async fn coordinators_write_the_guide_and_bad_input_stores_nothing() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let here = agora_server::demo::council()?.slug;
    let slug = here.as_str();
    let (_, cookie) = app
        .staff_member(&here, Role::Coordinator, "Anne Martin")
        .await?;
    let before = local_resource::Entity::find().count(&app.db).await?;
    let base = |website: &'static str, phone: &'static str| {
        vec![
            ("slug", slug),
            ("kind", "association"),
            ("name", "Écoute Famille"),
            ("description", "Une ligne d'écoute pour les proches."),
            ("phone", phone),
            ("website", website),
        ]
    };
    for (fields, expected) in [
        (base("javascript:alert(1)", ""), "Une adresse web complète"),
        (base("", "appelez le standard"), "Un numéro de téléphone"),
    ] {
        let refused = app
            .post_form("/api/save_resource", Some(&cookie), &fields)
            .await?;
        assert!(location(&refused).ends_with("/ressources/nouvelle"));
        let (_, html) = app.follow(refused, &cookie).await?;
        let html = unescape(&html);
        assert!(html.contains(expected), "{expected}: {html}");
        assert!(
            html.contains("Écoute Famille"),
            "what was typed is given back"
        );
    }
    assert_eq!(local_resource::Entity::find().count(&app.db).await?, before);

    let saved = app
        .post_form(
            "/api/save_resource",
            Some(&cookie),
            &base("https://ecoute.example", "01 00 00 00 00"),
        )
        .await?;
    assert!(location(&saved).contains("/ressources#resource-"));
    assert_eq!(
        local_resource::Entity::find().count(&app.db).await?,
        before + 1
    );
    let id: String = location(&saved)
        .rsplit('-')
        .next()
        .unwrap_or_default()
        .to_owned();
    let (_, guide) = app.get(&format!("/{slug}/ressources")).await?;
    assert!(unescape(&guide).contains("Écoute Famille"));
    let (status, _) = app
        .get_with_cookie(&format!("/{slug}/ressources/fiche/{id}"), Some(&cookie))
        .await?;
    assert_eq!(status, 200);
    app.post_form(
        "/api/save_resource",
        Some(&cookie),
        &[("slug", slug), ("id", id.as_str()), ("action", "delete")],
    )
    .await?;
    assert_eq!(local_resource::Entity::find().count(&app.db).await?, before);
    Ok(())
}

#[tokio::test]
async fn nobody_but_the_councils_coordinators_changes_the_guide() -> anyhow::Result<()> {
    use agora_app::domain::CouncilSlug;
    let app = TestApp::with_demo().await?;
    let here = agora_server::demo::council()?.slug;
    let slug = here.as_str();
    let mut other = agora_server::demo::council()?;
    other.slug = CouncilSlug::parse("clsm-autre-rive")?;
    agora_app::store::insert_council(&app.db, &other).await?;
    let elsewhere = app
        .staff_member(&other.slug, Role::Coordinator, "Carla Autre")
        .await?
        .1;
    let facilitator = app
        .staff_member(&here, Role::Facilitator, "Fanny Anime")
        .await?
        .1;
    let first = agora_app::store::resources::resources_of(&app.db, app.demo_council_id().await?)
        .await?[0]
        .id
        .to_string();
    let before = local_resource::Entity::find().count(&app.db).await?;
    for (who, cookie, status) in [
        ("anonymous", None, 401),
        (
            "another council's coordinator",
            Some(elsewhere.as_str()),
            403,
        ),
        ("facilitator", Some(facilitator.as_str()), 403),
    ] {
        let (got, _) = app
            .get_with_cookie(&format!("/{slug}/ressources/nouvelle"), cookie)
            .await?;
        assert_eq!(got, status, "{who}");
        for fields in [
            vec![("slug", slug), ("kind", "service"), ("name", "Intrus")],
            vec![("slug", slug), ("id", first.as_str()), ("action", "delete")],
        ] {
            let response = app.post_form("/api/save_resource", cookie, &fields).await?;
            assert_eq!(response.status().as_u16(), status, "{who}");
        }
    }
    // Another council's coordinator cannot reach this council's resource through their own.
    let response = app
        .post_form(
            "/api/save_resource",
            Some(&elsewhere),
            &[
                ("slug", "clsm-autre-rive"),
                ("id", first.as_str()),
                ("action", "delete"),
            ],
        )
        .await?;
    assert_eq!(response.status().as_u16(), 404);
    assert_eq!(local_resource::Entity::find().count(&app.db).await?, before);
    Ok(())
}
