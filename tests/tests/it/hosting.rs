//! Councils hosted on an instance, as its operator manages them: an empty instance says how
//! to start; a council created from nothing is reachable with its default colleges; an
//! archived one is nowhere — index, pages, staff pages, invitations, live rooms — and comes
//! back whole when restored.

use agora_app::domain::{CouncilSlug, ObjectivePreset, Role};
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
    let id = store::create_council(
        &app.db,
        &slug,
        "  CLSM  de la Rive ",
        "Rive-Haute",
        ObjectivePreset::ArsOccitanie,
    )
    .await?;
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
    let objectives = store::diagnosis::objectives_of(&app.db, id).await?;
    let keys: Vec<&str> = objectives.iter().map(|o| o.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "observation",
            "promotion",
            "access",
            "citizenship",
            "destigmatisation"
        ],
        "the preset chosen"
    );

    // Refused, with the reason, and nothing stored.
    let before = store::hosted_councils(&app.db).await?.len();
    assert!(matches!(
        store::create_council(&app.db, &slug, "Un autre", "", ObjectivePreset::National).await,
        Err(HostingError::SlugTaken)
    ));
    assert!(matches!(
        store::create_council(
            &app.db,
            &CouncilSlug::parse("clsm-vide")?,
            " ",
            "",
            ObjectivePreset::National
        )
        .await,
        Err(HostingError::Refused("error-council-name-short"))
    ));
    assert!(matches!(
        store::create_council(
            &app.db,
            &CouncilSlug::parse("clsm-long")?,
            "Conseil",
            &"x".repeat(agora_app::domain::TERRITORY_MAX + 1),
            ObjectivePreset::National,
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

/// A coordinator writes what the council says of itself; its home page shows it, an
/// unlisted council leaves the index but keeps its address; a field at fault comes back
/// beside it, translated, with nothing changed; nobody but a coordinator may.
#[tokio::test]
async fn coordinators_write_the_councils_profile_and_may_unlist_it() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let here = agora_server::demo::council()?.slug;
    let slug = here.as_str();
    let (_, coordinator) = app
        .staff_member(&here, Role::Coordinator, "Anne Martin")
        .await?;
    let (_, facilitator) = app
        .staff_member(&here, Role::Facilitator, "Fanny Anime")
        .await?;
    let council = app.demo_council_id().await?;
    let before = store::council_profile(&app.db, council)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the profile"))?;
    let form = |name: &'static str, description: String, listed: &'static str| {
        vec![
            ("slug", slug.to_owned()),
            ("name", name.to_owned()),
            ("territory", "Lisandre et Val-Haut".to_owned()),
            ("description", description),
            (
                "description_easy",
                "Le conseil parle de santé mentale.".to_owned(),
            ),
            ("chair", "Mme Claire Dubois, maire adjointe".to_owned()),
            (
                "co_host",
                "Centre hospitalier de Lisandre, pôle de psychiatrie".to_owned(),
            ),
            ("contact", "clsm@lisandre.example".to_owned()),
            ("listed", listed.to_owned()),
        ]
    };
    let post = |cookie: String, fields: Vec<(&'static str, String)>| {
        let app = &app;
        async move {
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let response = app
                .post_form("/api/save_council_profile", Some(&cookie), &fields)
                .await?;
            anyhow::Ok(response)
        }
    };

    // The profile as it stands saves back unchanged (the demo's long territory included).
    let same = vec![
        ("slug", slug.to_owned()),
        ("name", before.name.clone()),
        ("territory", before.territory.clone()),
        ("description", before.description.plain.clone()),
        ("description_easy", before.description.easy.clone()),
        ("chair", before.chair.clone()),
        ("co_host", before.co_host.clone()),
        ("contact", before.contact.clone()),
        ("listed", "on".to_owned()),
    ];
    let response = post(coordinator.clone(), same).await?;
    let (_, html) = app.follow(response, &coordinator).await?;
    assert!(
        html.contains("La présentation du conseil est enregistrée"),
        "{html}"
    );
    assert_eq!(
        store::council_profile(&app.db, council).await?.as_ref(),
        Some(&before)
    );
    // "Check readability" gives the form back measured and stores nothing.
    let mut checking = form("Autre nom", "Un texte à mesurer.".into(), "on");
    checking.push(("check", "1".to_owned()));
    let response = post(coordinator.clone(), checking).await?;
    let (back, html) = app.follow(response, &coordinator).await?;
    assert!(back.ends_with("#profile-readability-check"), "{back}");
    assert!(
        html.contains("Rien n'est enregistré") || html.contains("Rien n&#x27;est enregistré"),
        "{html}"
    );
    assert_eq!(
        store::council_profile(&app.db, council).await?.as_ref(),
        Some(&before)
    );
    // A facilitator may not.
    let response = post(facilitator.clone(), form("Pris", "x".into(), "on")).await?;
    assert_eq!(response.status().as_u16(), 403);
    // A description over 2,000 characters: refused beside its field, nothing changed.
    let response = post(coordinator.clone(), form("CLSM", "é".repeat(2001), "on")).await?;
    let (back, html) = app.follow(response, &coordinator).await?;
    assert!(back.contains("/reglages"), "{back}");
    assert!(html.contains("La présentation est trop longue"), "{html}");
    assert_eq!(
        store::council_profile(&app.db, council).await?,
        Some(before)
    );

    // Saved, unlisted: the home page shows it, the index no longer lists it.
    let response = post(
        coordinator.clone(),
        form(
            "CLSM du Val de Lisandre",
            "Un conseil ouvert à tous.".into(),
            "",
        ),
    )
    .await?;
    let (_, html) = app.follow(response, &coordinator).await?;
    assert!(
        html.contains("La présentation du conseil est enregistrée"),
        "{html}"
    );
    let (_, home) = app.get(&format!("/{slug}")).await?;
    let home = home.replace("&#x27;", "'");
    for shown in [
        "CLSM du Val de Lisandre",
        "Présidé par Mme Claire Dubois, maire adjointe",
        "Co-animé par Centre hospitalier de Lisandre, pôle de psychiatrie",
        "Contact : clsm@lisandre.example",
        "Un conseil ouvert à tous.",
    ] {
        assert!(home.contains(shown), "{shown}: {home}");
    }
    let (_, index) = app.get("/").await?;
    assert!(!index.contains(&format!("href=\"/{slug}\"")), "unlisted");
    Ok(())
}

/// A coordinator renames a college, adds one and moves it up: the council's page and the
/// testimony form name them so and in that order, the keys stay as they were (results and
/// recount files carry them); a bad name comes back beside its field, nothing changed.
#[tokio::test]
async fn coordinators_rename_add_and_order_the_colleges() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let here = agora_server::demo::council()?.slug;
    let slug = agora_server::demo::slug();
    let (_, coordinator) = app
        .staff_member(&here, Role::Coordinator, "Anne Martin")
        .await?;
    let keys = |app: &TestApp| {
        let here = here.clone();
        let db = app.db.clone();
        async move {
            let record = store::council_record(&db, &here)
                .await?
                .ok_or_else(|| anyhow::anyhow!("the council"))?;
            anyhow::Ok(
                record
                    .council
                    .colleges
                    .into_iter()
                    .map(|c| (c.key.as_str().to_owned(), c.label))
                    .collect::<Vec<_>>(),
            )
        }
    };
    let before = keys(&app).await?;
    let post = |path: &'static str, fields: Vec<(&'static str, &'static str)>| {
        let app = &app;
        let coordinator = coordinator.clone();
        async move {
            let response = app.post_form(path, Some(&coordinator), &fields).await?;
            let (_, html) = app.follow(response, &coordinator).await?;
            anyhow::Ok(html.replace("&#x27;", "'"))
        }
    };

    // Refused: a one-letter name, and a nameless added college.
    let html = post(
        "/api/change_college",
        vec![("slug", slug), ("college", "habitants"), ("label", "x")],
    )
    .await?;
    assert!(html.contains("Le nom du collège est trop court"), "{html}");
    let html = post("/api/add_college", vec![("slug", slug), ("label", " ")]).await?;
    assert!(html.contains("Le nom du collège est trop court"), "{html}");
    assert_eq!(keys(&app).await?, before, "nothing changed");

    post(
        "/api/change_college",
        vec![
            ("slug", slug),
            ("college", "habitants"),
            ("label", "Habitantes et habitants"),
        ],
    )
    .await?;
    let html = post(
        "/api/add_college",
        vec![("slug", slug), ("label", "Bailleurs sociaux")],
    )
    .await?;
    assert!(html.contains("Le collège est ajouté"), "{html}");
    post(
        "/api/change_college",
        vec![
            ("slug", slug),
            ("college", "bailleurs-sociaux"),
            ("action", "up"),
        ],
    )
    .await?;
    let after = keys(&app).await?;
    let order: Vec<&str> = after.iter().map(|(key, _)| key.as_str()).collect();
    let mut expected: Vec<&str> = before.iter().map(|(key, _)| key.as_str()).collect();
    let last = expected.pop().unwrap_or_default();
    expected.extend(["bailleurs-sociaux", last]);
    assert_eq!(order, expected, "added at the end, then moved up one");
    assert!(
        after.iter().any(|(key, label)| key == "habitants"
            && label.as_deref() == Some("Habitantes et habitants")),
        "renamed, same key"
    );
    let (_, home) = app.get(&format!("/{slug}")).await?;
    assert!(home.contains("Habitantes et habitants") && home.contains("Bailleurs sociaux"));
    let (_, form) = app.get(&format!("/{slug}/temoignages/nouveau")).await?;
    assert!(
        form.contains(r#"value="bailleurs-sociaux""#),
        "offered on the forms"
    );

    // Emptied, a default college takes its usual name back.
    post(
        "/api/change_college",
        vec![("slug", slug), ("college", "habitants"), ("label", "")],
    )
    .await?;
    assert!(
        keys(&app)
            .await?
            .iter()
            .any(|(key, label)| key == "habitants" && label.is_none())
    );
    Ok(())
}

#[tokio::test]
async fn an_operator_hosts_a_council_from_the_web_and_invites_its_first_coordinator()
-> anyhow::Result<()> {
    use agora_app::store::entities::{council, invitation, staff_role};
    use agora_tests::location;
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
    let app = TestApp::empty().await?;
    let (operator, cookie) = agora_tests::operator(&app.db, "Olga Opératrice").await?;
    assert_eq!(
        staff_role::Entity::find()
            .filter(staff_role::Column::AccountId.eq(operator))
            .count(&app.db)
            .await?,
        0,
        "an operator has no role in any council"
    );
    let (status, html) = app.get_with_cookie("/exploitation", Some(&cookie)).await?;
    assert_eq!(status, 200);
    assert!(html.contains("Aucun conseil n"), "{html}");

    // A malformed or reserved address, a name too short: refused beside the field, nothing
    // stored.
    for (slug, name, expected) in [
        (
            "Clsm Rive",
            "CLSM de la Rive",
            "Cette adresse ne convient pas",
        ),
        (
            "exploitation",
            "CLSM de la Rive",
            "Cette adresse ne convient pas",
        ),
        ("clsm-rive", " ", "trop court"),
    ] {
        let refused = app
            .post_form(
                "/api/host_council",
                Some(&cookie),
                &[("slug", slug), ("name", name), ("objectives", "national")],
            )
            .await?;
        let (_, html) = app.follow(refused, &cookie).await?;
        assert!(
            html.replace("&#x27;", "'").contains(expected),
            "{slug}: {html}"
        );
    }
    assert_eq!(council::Entity::find().count(&app.db).await?, 0);

    let created = app
        .post_form(
            "/api/host_council",
            Some(&cookie),
            &[
                ("slug", "clsm-rive"),
                ("name", "CLSM de la Rive"),
                ("territory", "Rive-Haute"),
                ("objectives", "ars-occitanie"),
            ],
        )
        .await?;
    assert!(location(&created).starts_with("/exploitation#council-clsm-rive"));
    let id = store::council_record(&app.db, &CouncilSlug::parse("clsm-rive")?)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the council"))?
        .id;
    assert_eq!(
        store::diagnosis::objectives_of(&app.db, id).await?[0]
            .key
            .as_str(),
        "observation"
    );
    // The same address again: refused.
    let again = app
        .post_form(
            "/api/host_council",
            Some(&cookie),
            &[("slug", "clsm-rive"), ("name", "Autre")],
        )
        .await?;
    let (_, html) = app.follow(again, &cookie).await?;
    assert!(html.contains("a déjà cette adresse"), "{html}");

    // The first coordinator's invitation: shown once, for this council, as coordinator.
    let invited = app
        .post_form(
            "/api/change_hosting",
            Some(&cookie),
            &[("slug", "clsm-rive"), ("action", "invite")],
        )
        .await?;
    let (_, html) = app.follow(invited, &cookie).await?;
    assert!(html.contains("/invitation/"), "{html}");
    let stored = invitation::Entity::find()
        .filter(invitation::Column::CouncilId.eq(id))
        .one(&app.db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the invitation"))?;
    assert_eq!(
        (stored.role.as_str(), stored.operator),
        ("coordinator", false)
    );
    let (_, again) = app.get_with_cookie("/exploitation", Some(&cookie)).await?;
    assert!(!again.contains("/invitation/"), "the link shows once");

    // Hosting gives no way into the council's staff pages.
    for page in ["equipe", "reglages", "diagnostic", "journal"] {
        let (status, _) = app
            .get_with_cookie(&format!("/clsm-rive/{page}"), Some(&cookie))
            .await?;
        assert_eq!(status, 403, "{page}");
    }

    // Archived from the web, then restored.
    app.post_form(
        "/api/change_hosting",
        Some(&cookie),
        &[("slug", "clsm-rive"), ("action", "archive")],
    )
    .await?;
    assert_eq!(app.get("/clsm-rive").await?.0, 404);
    let refused = app
        .post_form(
            "/api/change_hosting",
            Some(&cookie),
            &[("slug", "clsm-rive"), ("action", "invite")],
        )
        .await?;
    let (_, html) = app.follow(refused, &cookie).await?;
    assert!(html.contains("Ce conseil est archivé"), "{html}");
    app.post_form(
        "/api/change_hosting",
        Some(&cookie),
        &[("slug", "clsm-rive"), ("action", "restore")],
    )
    .await?;
    assert_eq!(app.get("/clsm-rive").await?.0, 200);
    Ok(())
}

#[tokio::test]
async fn only_operators_reach_the_hosting_page_and_its_forms() -> anyhow::Result<()> {
    use agora_app::store::entities::council;
    use sea_orm::{EntityTrait, PaginatorTrait};
    let app = TestApp::with_demo().await?;
    let slug = agora_server::demo::council()?.slug;
    let coordinator = app
        .staff_member(&slug, Role::Coordinator, "Anne Martin")
        .await?
        .1;
    let before = council::Entity::find().count(&app.db).await?;
    for (who, cookie, status) in [
        ("anonymous", None, 401),
        ("a coordinator", Some(coordinator.as_str()), 403),
    ] {
        let (got, _) = app.get_with_cookie("/exploitation", cookie).await?;
        assert_eq!(got, status, "{who}");
        for (path, fields) in [
            (
                "/api/host_council",
                vec![("slug", "clsm-pirate"), ("name", "Pirate")],
            ),
            (
                "/api/change_hosting",
                vec![("slug", slug.as_str()), ("action", "archive")],
            ),
            (
                "/api/change_hosting",
                vec![("slug", slug.as_str()), ("action", "invite")],
            ),
        ] {
            let response = app.post_form(path, cookie, &fields).await?;
            assert_eq!(response.status().as_u16(), status, "{who} on {path}");
        }
    }
    assert_eq!(council::Entity::find().count(&app.db).await?, before);
    assert_eq!(app.get(&format!("/{slug}")).await?.0, 200, "not archived");
    Ok(())
}

#[tokio::test]
async fn a_new_councils_team_page_walks_it_through_its_first_steps() -> anyhow::Result<()> {
    use agora_app::domain::ObjectivePreset;
    let app = TestApp::empty().await?;
    let slug = CouncilSlug::parse("clsm-rive")?;
    let id = store::create_council(
        &app.db,
        &slug,
        "CLSM de la Rive",
        "",
        ObjectivePreset::National,
    )
    .await?;
    let (_, cookie) = app
        .staff_member(&slug, Role::Coordinator, "Anne Martin")
        .await?;
    let html = team_page(&app, &cookie).await?;
    assert!(html.contains("Premiers pas du conseil"), "{html}");
    assert!(html.contains("Encore 5 étapes"), "{html}");
    assert_eq!(store::first_steps(&app.db, id).await?.remaining(), 5);

    // Each step is read from what the council holds, not ticked by hand.
    app.post_form(
        "/api/save_council_profile",
        Some(&cookie),
        &[
            ("slug", "clsm-rive"),
            ("name", "CLSM de la Rive"),
            ("description", "Un conseil."),
        ],
    )
    .await?;
    app.post_form(
        "/api/add_college",
        Some(&cookie),
        &[("slug", "clsm-rive"), ("label", "Bailleurs sociaux")],
    )
    .await?;
    app.post_form(
        "/api/save_finding",
        Some(&cookie),
        &[
            ("slug", "clsm-rive"),
            ("objective", "care"),
            ("title", "Attente"),
            ("summary", "Six mois."),
        ],
    )
    .await?;
    let steps = store::first_steps(&app.db, id).await?;
    assert!(
        steps.profile && steps.colleges && !steps.findings,
        "{steps:?}: a draft is not published"
    );
    app.post_form(
        "/api/change_finding",
        Some(&cookie),
        &[("slug", "clsm-rive"), ("action", "publish-all")],
    )
    .await?;
    app.staff_member(&slug, Role::Facilitator, "Fanny Anime")
        .await?;
    let html = team_page(&app, &cookie).await?;
    assert!(html.contains("Encore une étape"), "{html}");
    app.post_form(
        "/api/create_assembly",
        Some(&cookie),
        &[
            ("slug", "clsm-rive"),
            ("title", "Première plénière"),
            ("starts_at", "2027-03-18T18:30"),
            ("place", "Salle des fêtes"),
            ("accessibility", ""),
        ],
    )
    .await?;
    assert_eq!(store::first_steps(&app.db, id).await?.remaining(), 0);
    let html = team_page(&app, &cookie).await?;
    assert!(
        !html.contains("Premiers pas du conseil"),
        "gone once all are done"
    );
    Ok(())
}

/// The team page as its coordinator reads it, apostrophes unescaped.
async fn team_page(app: &TestApp, cookie: &str) -> anyhow::Result<String> {
    let (_, html) = app
        .get_with_cookie("/clsm-rive/equipe", Some(cookie))
        .await?;
    Ok(html.replace("&#x27;", "'"))
}

#[tokio::test]
async fn a_retired_college_is_offered_nowhere_and_past_results_still_name_it() -> anyhow::Result<()>
{
    use agora_app::store::entities::{college, vote};
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let app = TestApp::with_demo().await?;
    let here = agora_server::demo::council()?.slug;
    let slug = here.as_str();
    let (_, cookie) = app
        .staff_member(&here, Role::Coordinator, "Anne Martin")
        .await?;
    let retired = app
        .post_form(
            "/api/change_college",
            Some(&cookie),
            &[
                ("slug", slug),
                ("college", "habitants"),
                ("action", "retire"),
            ],
        )
        .await?;
    let (_, html) = app.follow(retired, &cookie).await?;
    assert!(html.contains("Collège retiré"), "{html}");

    // Offered nowhere: the testimony form, the vote set-up, a question's college.
    let (_, form) = app.get(&format!("/{slug}/temoignages/nouveau")).await?;
    assert!(form.contains("value=\"usagers\"") && !form.contains("value=\"habitants\""));
    let (_, setup) = app
        .get_with_cookie(&format!("/{slug}/votes"), Some(&cookie))
        .await?;
    assert!(setup.contains("colleges[usagers]") && !setup.contains("colleges[habitants]"));
    let before = vote::Entity::find().all(&app.db).await?.len();
    let published = store::findings_of_council(&app.db, &here).await?;
    let key = format!("findings[{}]", published[0].id);
    let other = format!("findings[{}]", published[1].id);
    let refused = app
        .post_form(
            "/api/create_vote",
            Some(&cookie),
            &[
                ("slug", slug),
                ("title", "Nos priorités"),
                ("method", "approval"),
                ("integrity", "open"),
                ("colleges[habitants]", "on"),
                ("opens_at", "2020-01-01T09:00"),
                ("closes_at", "2099-01-01T09:00"),
                ("max_points", "5"),
                ("max_points_per_candidate", "3"),
                (key.as_str(), "on"),
                (other.as_str(), "on"),
            ],
        )
        .await?;
    let (_, html) = app.follow(refused, &cookie).await?;
    assert!(
        html.contains("Choisissez parmi les collèges que le conseil propose"),
        "{html}"
    );
    assert_eq!(
        vote::Entity::find().all(&app.db).await?.len(),
        before,
        "nothing stored"
    );
    let council_id = app.demo_council_id().await?;
    let keys = agora_app::store::room::floor::college_keys(&app.db, council_id).await?;
    assert!(keys.contains(&"usagers".to_owned()) && !keys.contains(&"habitants".to_owned()));

    // Still named where it was chosen: the closed vote's results by college.
    let closed = vote::Entity::find()
        .filter(vote::Column::CouncilId.eq(council_id))
        .all(&app.db)
        .await?
        .into_iter()
        .find(|v| v.title.contains("automne"))
        .ok_or_else(|| anyhow::anyhow!("the demo's closed vote"))?;
    let (_, results) = app
        .get(&format!("/{slug}/votes/{}/resultats", closed.id))
        .await?;
    assert!(results.contains("Habitants"), "{results}");

    // The last college offered cannot be retired.
    for key in ["elus", "soin", "usagers", "aidants"] {
        app.post_form(
            "/api/change_college",
            Some(&cookie),
            &[("slug", slug), ("college", key), ("action", "retire")],
        )
        .await?;
    }
    let last = app
        .post_form(
            "/api/change_college",
            Some(&cookie),
            &[
                ("slug", slug),
                ("college", "professionnels"),
                ("action", "retire"),
            ],
        )
        .await?;
    let (_, html) = app.follow(last, &cookie).await?;
    assert!(
        html.replace("&#x27;", "'")
            .contains("C'est le dernier collège proposé"),
        "{html}"
    );
    let offered = college::Entity::find()
        .filter(college::Column::CouncilId.eq(council_id))
        .filter(college::Column::Retired.eq(false))
        .all(&app.db)
        .await?;
    assert_eq!(offered.len(), 1);
    Ok(())
}

#[tokio::test]
async fn a_college_has_its_easy_read_name_and_pictogram() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let here = agora_server::demo::council()?.slug;
    let slug = here.as_str();
    let (_, cookie) = app
        .staff_member(&here, Role::Coordinator, "Anne Martin")
        .await?;
    app.post_form(
        "/api/change_college",
        Some(&cookie),
        &[
            ("slug", slug),
            ("college", "usagers"),
            ("action", "save"),
            ("label", "Personnes concernées"),
            ("label_easy", "Les personnes malades"),
            ("picto", "speak"),
        ],
    )
    .await?;
    let (_, plain) = app.get(&format!("/{slug}")).await?;
    assert!(plain.contains("Personnes concernées") && !plain.contains("Les personnes malades"));
    let (_, easy) = app
        .get_with_cookie(&format!("/{slug}"), Some("agora_prefs=lang=fr&easy=1"))
        .await?;
    assert!(easy.contains("Les personnes malades"), "{easy}");
    // The testimony form offers it by the same names.
    let form = format!("/{slug}/temoignages/nouveau");
    let (_, plain) = app.get(&form).await?;
    assert!(plain.contains(">Personnes concernées<"), "{plain}");
    let (_, easy) = app
        .get_with_cookie(&form, Some("agora_prefs=lang=fr&easy=1"))
        .await?;
    assert!(easy.contains(">Les personnes malades<"), "{easy}");
    let record = store::council_record(&app.db, &here)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the council"))?;
    let usagers = record
        .council
        .colleges
        .iter()
        .find(|c| c.key.as_str() == "usagers")
        .ok_or_else(|| anyhow::anyhow!("usagers"))?;
    assert_eq!(usagers.picto.as_deref(), Some("speak"));
    // A pictogram outside the catalogue is refused; nothing changes.
    app.post_form(
        "/api/change_college",
        Some(&cookie),
        &[
            ("slug", slug),
            ("college", "usagers"),
            ("action", "save"),
            ("label", "Autre"),
            ("picto", "../../secret"),
        ],
    )
    .await?;
    let (_, plain) = app.get(&format!("/{slug}")).await?;
    assert!(plain.contains("Personnes concernées"));
    Ok(())
}

#[tokio::test]
async fn a_council_chooses_its_pictogram_among_those_the_app_ships() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let here = agora_server::demo::council()?.slug;
    let slug = here.as_str();
    let council = app.demo_council_id().await?;
    let (_, cookie) = app
        .staff_member(&here, Role::Coordinator, "Anne Martin")
        .await?;
    let name = "Conseil local de santé mentale du Val de Lisandre";
    let refused = app
        .post_form(
            "/api/save_council_profile",
            Some(&cookie),
            &[
                ("slug", slug),
                ("name", name),
                ("picto", "../../etc/passwd"),
                ("listed", "on"),
            ],
        )
        .await?;
    app.follow(refused, &cookie).await?;
    let profile = store::council_profile(&app.db, council)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the profile"))?;
    assert_eq!(profile.picto, None, "nothing stored");
    assert!(
        !profile.contact.is_empty(),
        "the refused form changed nothing"
    );
    app.post_form(
        "/api/save_council_profile",
        Some(&cookie),
        &[
            ("slug", slug),
            ("name", name),
            ("picto", "council"),
            ("listed", "on"),
        ],
    )
    .await?;
    let profile = store::council_profile(&app.db, council)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the profile"))?;
    assert_eq!(profile.picto.as_deref(), Some("council"));
    let (_, easy) = app
        .get_with_cookie(&format!("/{slug}"), Some("agora_prefs=lang=fr&easy=1"))
        .await?;
    assert!(
        easy.contains("<h1 lang=\"fr\"><img src=\"/pictos/council.svg\""),
        "{easy}"
    );
    let (_, plain) = app.get(&format!("/{slug}")).await?;
    assert!(!plain.contains("/pictos/council.svg"));
    // Saved without a territory: the home page leaves the line out rather than empty.
    assert!(!plain.contains("class=\"territory\""), "{plain}");
    Ok(())
}
