//! Assemblies: the public pages, joining by code, and preparing them — with the role of
//! every caller checked and nothing stored from a refused form.

use agora_app::domain::{CouncilSlug, Role};
use agora_app::store::entities::{agenda_item, assembly};
use agora_server::demo;
use agora_tests::{TestApp, location};
use sea_orm::{EntityTrait, PaginatorTrait, QueryOrder};

async fn demo_assembly(app: &TestApp) -> anyhow::Result<assembly::Model> {
    assembly::Entity::find()
        .one(&app.db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the demo has an assembly"))
}

#[tokio::test]
async fn the_public_sees_published_assemblies_their_agenda_and_how_to_join() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let demo = demo_assembly(&app).await?;

    let (status, list) = app.get(&format!("/{slug}/assemblees")).await?;
    assert_eq!(status, 200);
    assert!(
        list.contains("Assemblée plénière : choisir nos priorités"),
        "{list}"
    );
    assert!(
        !list.contains("Annoncer une nouvelle assemblée"),
        "no form for the public"
    );

    let (status, page) = app.get(&format!("/{slug}/assemblees/{}", demo.id)).await?;
    assert_eq!(status, 200);
    assert!(
        page.contains("Les douze constats du diagnostic"),
        "agenda shown"
    );
    assert!(
        page.contains("Boucle magnétique"),
        "access information shown"
    );
    assert!(page.contains(" à 18 h 30"), "date in words: {page}");
    let spaced = format!("{}-{}", &demo.join_code[..3], &demo.join_code[3..]);
    assert!(page.contains(&spaced), "join code shown as {spaced}");
    assert!(
        page.contains(&format!("/j/{}", demo.join_code)),
        "join link"
    );
    assert!(
        page.contains(r#"<svg aria-hidden="true" focusable="false" class="qr-code""#),
        "an inline QR code, hidden from screen readers (the link is in words)"
    );
    assert!(
        !page.contains("<?xml"),
        "inline SVG without an XML prologue"
    );

    // The easy-read summary in easy-read mode.
    let (_, easy) = app
        .get_with_cookie(
            &format!("/{slug}/assemblees/{}", demo.id),
            Some("agora_prefs=lang=fr&easy=1"),
        )
        .await?;
    assert!(easy.contains("Vous pouvez poser vos questions avec votre téléphone."));

    for missing in [
        format!("/{slug}/assemblees/999999"),
        format!("/{slug}/assemblees/abc"),
        format!("/clsm-inconnu/assemblees/{}", demo.id),
        "/clsm-inconnu/assemblees".to_owned(),
    ] {
        let (status, _) = app.get(&missing).await?;
        assert_eq!(status, 404, "{missing}");
    }
    Ok(())
}

#[tokio::test]
async fn a_join_code_leads_to_its_assembly_however_it_is_typed() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let demo = demo_assembly(&app).await?;
    let expected = format!("/{}/assemblees/{}", demo::slug(), demo.id);

    let scanned = app
        .client
        .get(app.url(&format!("/j/{}", demo.join_code)))
        .send()
        .await?;
    assert_eq!(scanned.status().as_u16(), 303);
    assert_eq!(location(&scanned), expected);

    let typed = format!(
        " {}-{} ",
        demo.join_code[..3].to_lowercase(),
        &demo.join_code[3..]
    );
    let by_form = app
        .client
        .get(app.url("/j"))
        .query(&[("code", typed)])
        .send()
        .await?;
    assert_eq!(location(&by_form), expected);

    let unknown = app.client.get(app.url("/j?code=zzz-<b>")).send().await?;
    assert_eq!(location(&unknown), "/rejoindre?code=zzz-b");
    let (status, html) = app.get("/rejoindre?code=zzz-b").await?;
    assert_eq!(status, 200);
    assert!(
        html.contains("Aucune assemblée ne correspond à ce code."),
        "{html}"
    );
    assert!(
        html.contains(r#"value="zzz-b""#),
        "the typed code is given back"
    );
    let (_, form) = app.get("/rejoindre").await?;
    assert!(
        !form.contains("Aucune assemblée ne correspond"),
        "no error before typing"
    );

    // An unpublished assembly's code leads nowhere.
    let here = CouncilSlug::parse(demo::slug())?;
    let (_, coordinator) = app
        .staff_member(&here, Role::Coordinator, "Anne Martin")
        .await?;
    let posted = app
        .post_form(
            "/api/publish_assembly",
            Some(&coordinator),
            &[
                ("slug", demo::slug()),
                ("assembly", &demo.id.to_string()),
                ("publish", "0"),
            ],
        )
        .await?;
    assert_eq!(posted.status().as_u16(), 302);
    let hidden = app
        .client
        .get(app.url(&format!("/j/{}", demo.join_code)))
        .send()
        .await?;
    assert!(location(&hidden).starts_with("/rejoindre?code="));
    let (status, _) = app.get(&expected).await?;
    assert_eq!(status, 404, "a draft is not public");
    let (status, _) = app.get_with_cookie(&expected, Some(&coordinator)).await?;
    assert_eq!(status, 200, "its coordinators still see it");
    Ok(())
}

#[tokio::test]
async fn a_coordinator_prepares_an_assembly_from_creation_to_live() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let here = CouncilSlug::parse(slug)?;
    let (_, cookie) = app
        .staff_member(&here, Role::Coordinator, "Anne Martin")
        .await?;
    let before = assembly::Entity::find().count(&app.db).await?;

    // Refused: the reason beside its field, what was typed given back, nothing stored.
    let refused = app
        .post_form(
            "/api/create_assembly",
            Some(&cookie),
            &[
                ("slug", slug),
                ("title", "Plénière d'automne"),
                ("starts_at", "2027-02-30T18:30"),
                ("place", "Médiathèque"),
                ("accessibility", "Rampe d'accès"),
            ],
        )
        .await?;
    assert_eq!(refused.status().as_u16(), 302);
    let (back, html) = app.follow(refused, &cookie).await?;
    assert_eq!(back, format!("/{slug}/assemblees"));
    assert!(
        html.contains("Cette date n&#x27;est pas valable")
            || html.contains("Cette date n'est pas valable"),
        "{html}"
    );
    assert!(
        html.contains(r#"aria-invalid="true""#),
        "the field is marked"
    );
    assert!(
        html.contains("Plénière d&#x27;automne") || html.contains("Plénière d'automne"),
        "typed title kept"
    );
    assert!(html.contains("Rampe d"), "typed accessibility kept");
    assert_eq!(assembly::Entity::find().count(&app.db).await?, before);

    let created = app
        .post_form(
            "/api/create_assembly",
            Some(&cookie),
            &[
                ("slug", slug),
                ("title", "  Plénière   d'automne "),
                ("starts_at", "2027-10-14T18:00"),
                ("place", "Médiathèque de Montclair"),
                ("accessibility", ""),
            ],
        )
        .await?;
    let (editor, html) = app.follow(created, &cookie).await?;
    assert!(editor.ends_with("/preparer"), "{editor}");
    assert!(
        html.contains("L&#x27;assemblée est créée") || html.contains("L'assemblée est créée"),
        "{html}"
    );
    assert!(
        html.contains(r#"value="2027-10-14T18:00""#),
        "local time given back as typed"
    );
    let id: i64 = editor
        .split('/')
        .nth(3)
        .and_then(|id| id.parse().ok())
        .ok_or_else(|| anyhow::anyhow!("no id in {editor}"))?;
    let row = assembly::Entity::find_by_id(id)
        .one(&app.db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("created"))?;
    assert_eq!(row.title, "Plénière d'automne");
    assert_eq!(
        row.starts_at.to_rfc3339(),
        "2027-10-14T16:00:00+00:00",
        "Paris summer time"
    );
    assert!(row.published_at.is_none());
    let id = id.to_string();

    // Agenda: three items, one refused, one moved up, one removed.
    for title in ["Accueil", "Bilan", "Questions"] {
        let added = app
            .post_form(
                "/api/add_agenda_item",
                Some(&cookie),
                &[
                    ("slug", slug),
                    ("assembly", &id),
                    ("item_title", title),
                    ("summary", ""),
                    ("summary_easy", ""),
                ],
            )
            .await?;
        assert_eq!(added.status().as_u16(), 302);
    }
    let empty = app
        .post_form(
            "/api/add_agenda_item",
            Some(&cookie),
            &[
                ("slug", slug),
                ("assembly", &id),
                ("item_title", " "),
                ("summary", "Gardé"),
                ("summary_easy", ""),
            ],
        )
        .await?;
    let (_, html) = app.follow(empty, &cookie).await?;
    assert!(html.contains("Ce champ est obligatoire."), "{html}");
    assert!(html.contains(">Gardé</textarea>"), "typed summary kept");
    let items = || async {
        anyhow::Ok(
            agenda_item::Entity::find()
                .order_by_asc(agenda_item::Column::Position)
                .all(&app.db)
                .await?
                .into_iter()
                .filter(|item| item.assembly_id.to_string() == id)
                .collect::<Vec<_>>(),
        )
    };
    let listed = items().await?;
    assert_eq!(listed.len(), 3);
    let questions = listed[2].id.to_string();
    let welcome = listed[0].id.to_string();
    app.post_form(
        "/api/arrange_agenda_item",
        Some(&cookie),
        &[
            ("slug", slug),
            ("assembly", &id),
            ("item", &questions),
            ("direction", "up"),
        ],
    )
    .await?;
    app.post_form(
        "/api/arrange_agenda_item",
        Some(&cookie),
        &[
            ("slug", slug),
            ("assembly", &id),
            ("item", &welcome),
            ("direction", "remove"),
        ],
    )
    .await?;
    let titles: Vec<String> = items().await?.into_iter().map(|item| item.title).collect();
    assert_eq!(titles, ["Questions", "Bilan"]);
    let renamed = app
        .post_form(
            "/api/update_agenda_item",
            Some(&cookie),
            &[
                ("slug", slug),
                ("assembly", &id),
                ("item", &questions),
                ("item_title", "Vos questions"),
                ("summary", "Questions de la salle"),
                ("summary_easy", "Vous posez vos questions."),
            ],
        )
        .await?;
    assert_eq!(renamed.status().as_u16(), 302);
    assert_eq!(items().await?[0].summary_easy, "Vous posez vos questions.");

    // Live: refused before publication, then opened on the first item; unpublishing
    // refused while live.
    let live = |state: &'static str| {
        let cookie = cookie.clone();
        let id = id.clone();
        let app = &app;
        async move {
            app.post_form(
                "/api/change_live_state",
                Some(&cookie),
                &[("slug", slug), ("assembly", &id), ("state", state)],
            )
            .await
        }
    };
    let (_, html) = app.follow(live("open").await?, &cookie).await?;
    assert!(
        html.contains("Publiez d&#x27;abord") || html.contains("Publiez d'abord"),
        "{html}"
    );
    app.post_form(
        "/api/publish_assembly",
        Some(&cookie),
        &[("slug", slug), ("assembly", &id), ("publish", "1")],
    )
    .await?;
    let (_, html) = app.follow(live("open").await?, &cookie).await?;
    assert!(html.contains("Le direct est ouvert."), "{html}");
    let row = assembly::Entity::find_by_id(id.parse::<i64>()?)
        .one(&app.db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("still there"))?;
    assert_eq!(row.live_state, "open");
    assert_eq!(
        row.current_item_id.map(|i| i.to_string()),
        Some(questions.clone())
    );
    let unpublish = app
        .post_form(
            "/api/publish_assembly",
            Some(&cookie),
            &[("slug", slug), ("assembly", &id), ("publish", "0")],
        )
        .await?;
    let (_, html) = app.follow(unpublish, &cookie).await?;
    assert!(html.contains("Le direct est ouvert : closez-le"), "{html}");

    let (_, public) = app.get(&format!("/{slug}/assemblees/{id}")).await?;
    assert!(public.contains("Vos questions"));
    assert!(
        public.contains(r#"aria-current="step""#),
        "the current item is marked"
    );
    assert!(public.contains("En direct"), "{public}");

    let (_, log) = app
        .get_with_cookie(&format!("/{slug}/journal"), Some(&cookie))
        .await?;
    for line in [
        "Assemblée créée",
        "Point ajouté à l&#x27;ordre du jour",
        "Direct ouvert",
        "assemblée n° ",
    ] {
        let plain = line.replace("&#x27;", "'");
        assert!(
            log.contains(line) || log.contains(&plain),
            "{line} in {log}"
        );
    }
    Ok(())
}

#[tokio::test]
async fn only_the_councils_coordinators_prepare_and_its_facilitators_may_run_the_live_part()
-> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let here = CouncilSlug::parse(slug)?;
    let elsewhere = CouncilSlug::parse("clsm-autre-rive")?;
    let mut other = demo::council()?;
    other.slug = elsewhere.clone();
    other.name = "CLSM de l'Autre Rive".into();
    agora_app::store::insert_council(&app.db, &other).await?;
    let demo = demo_assembly(&app).await?;
    let id = demo.id.to_string();
    let item = agenda_item::Entity::find()
        .one(&app.db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("demo agenda"))?
        .id
        .to_string();

    let other_coordinator = app
        .staff_member(&elsewhere, Role::Coordinator, "Carla Autre")
        .await?
        .1;
    let facilitator = app
        .staff_member(&here, Role::Facilitator, "Fanny Anime")
        .await?
        .1;
    let observer = app
        .staff_member(&here, Role::Observer, "Olivier Lit")
        .await?
        .1;
    let prepare: Vec<(&str, Vec<(&str, &str)>)> = vec![
        (
            "create_assembly",
            vec![
                ("title", "Intrusion"),
                ("starts_at", "2027-10-14T18:00"),
                ("place", "Ailleurs"),
                ("accessibility", ""),
            ],
        ),
        (
            "update_assembly",
            vec![
                ("assembly", &id),
                ("title", "Intrusion"),
                ("starts_at", "2027-10-14T18:00"),
                ("place", "Ailleurs"),
                ("accessibility", ""),
            ],
        ),
        (
            "publish_assembly",
            vec![("assembly", &id), ("publish", "0")],
        ),
        (
            "add_agenda_item",
            vec![
                ("assembly", &id),
                ("item_title", "Intrusion"),
                ("summary", ""),
                ("summary_easy", ""),
            ],
        ),
        (
            "update_agenda_item",
            vec![
                ("assembly", &id),
                ("item", &item),
                ("item_title", "Intrusion"),
                ("summary", ""),
                ("summary_easy", ""),
            ],
        ),
        (
            "arrange_agenda_item",
            vec![("assembly", &id), ("item", &item), ("direction", "remove")],
        ),
    ];
    let snapshot = || async {
        anyhow::Ok((
            assembly::Entity::find().all(&app.db).await?,
            agenda_item::Entity::find().all(&app.db).await?,
        ))
    };
    let untouched = snapshot().await?;
    let callers = [
        ("anonymous", None, 401),
        (
            "coordinator of another council",
            Some(other_coordinator.as_str()),
            403,
        ),
        ("facilitator", Some(facilitator.as_str()), 403),
        ("observer", Some(observer.as_str()), 403),
    ];
    for (who, cookie, expected) in &callers {
        for (endpoint, fields) in &prepare {
            let mut fields = fields.clone();
            fields.push(("slug", slug));
            let response = app
                .client
                .post(app.url(&format!("/api/{endpoint}")))
                .header("cookie", cookie.unwrap_or(""))
                .form(&fields)
                .send()
                .await?;
            assert_eq!(response.status().as_u16(), *expected, "{who} on {endpoint}");
        }
        let (status, _) = app
            .get_with_cookie(&format!("/{slug}/assemblees/{id}/preparer"), *cookie)
            .await?;
        assert_eq!(status, *expected, "{who} on the preparation page");
    }
    // Running the live part: facilitators may, observers and outsiders may not.
    for (who, cookie, expected) in [
        ("anonymous", None, 401),
        (
            "coordinator of another council",
            Some(other_coordinator.as_str()),
            403,
        ),
        ("observer", Some(observer.as_str()), 403),
    ] {
        let response = app
            .client
            .post(app.url("/api/change_live_state"))
            .header("cookie", cookie.unwrap_or(""))
            .form(&[("slug", slug), ("assembly", id.as_str()), ("state", "open")])
            .send()
            .await?;
        assert_eq!(
            response.status().as_u16(),
            expected,
            "{who} opening the live part"
        );
    }
    assert_eq!(
        snapshot().await?,
        untouched,
        "nothing changed by a refused caller"
    );
    let opened = app
        .client
        .post(app.url("/api/change_live_state"))
        .header("cookie", facilitator.as_str())
        .form(&[("slug", slug), ("assembly", id.as_str()), ("state", "open")])
        .send()
        .await?;
    assert_eq!(
        opened.status().as_u16(),
        200,
        "a facilitator opens the live part"
    );
    Ok(())
}

#[tokio::test]
async fn agenda_readability_is_measured_without_storing_and_a_missing_easy_version_flagged()
-> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let (_, cookie) = app
        .staff_member(&CouncilSlug::parse(slug)?, Role::Coordinator, "Anne Martin")
        .await?;
    let demo = demo_assembly(&app).await?;
    let id = demo.id.to_string();
    let count = || async {
        anyhow::Ok(
            agenda_item::Entity::find()
                .all(&app.db)
                .await?
                .into_iter()
                .filter(|item| item.assembly_id == demo.id)
                .count(),
        )
    };
    let before = count().await?;
    let plain = "Les modalités de concertation intercommunale relatives à la coordination \
                 des dispositifs d'accompagnement psychosocial seront présentées.";
    let easy = "On parle des aides. Vous donnez votre avis.";
    let checked = app
        .post_form(
            "/api/add_agenda_item",
            Some(&cookie),
            &[
                ("slug", slug),
                ("assembly", &id),
                ("item_title", "Concertation"),
                ("summary", plain),
                ("summary_easy", easy),
                ("check", "1"),
            ],
        )
        .await?;
    assert!(
        location(&checked).ends_with("#new-item-readability-check"),
        "{}",
        location(&checked)
    );
    let (_, html) = app.follow(checked, &cookie).await?;
    let html = html.replace("&#x27;", "'");
    assert_eq!(count().await?, before, "a check stores nothing");
    assert!(html.contains("Rien n'est enregistré"), "{html}");
    assert!(html.contains(r#"id="new-item-readability-check""#));
    // Both texts given back and measured: the long plain one is hard, the easy one easy.
    assert!(
        html.contains("coordination des dispositifs"),
        "typed text given back"
    );
    assert!(
        html.contains("Lisibilité : Difficile à lire"),
        "plain summary measured: {html}"
    );
    assert!(
        html.contains("Lisibilité : Facile à lire."),
        "easy summary measured"
    );

    // Saved without an easy-read version: flagged on the editor.
    let saved = app
        .post_form(
            "/api/add_agenda_item",
            Some(&cookie),
            &[
                ("slug", slug),
                ("assembly", &id),
                ("item_title", "Concertation"),
                ("summary", plain),
                ("summary_easy", ""),
            ],
        )
        .await?;
    let (_, html) = app.follow(saved, &cookie).await?;
    assert_eq!(count().await?, before + 1);
    assert!(
        html.contains("Pas encore de version facile à lire"),
        "{html}"
    );
    // The public page has a hidden "Listen" button for each agenda item.
    let (_, html) = app.get(&format!("/{slug}/assemblees/{id}")).await?;
    assert!(
        html.contains(r#"class="button button-quiet read-aloud""#),
        "{html}"
    );
    assert!(html.contains("/js/read-aloud.js"));
    Ok(())
}

/// What `/js/readability.js` asks while someone types: the sentence, in the reader's language
/// and reading mode.
async fn measured(app: &TestApp, text: &str, prefs: &str) -> anyhow::Result<(u16, String)> {
    let response = app
        .client
        .post(app.url("/api/measure_readability"))
        .header("cookie", format!("agora_prefs={prefs}"))
        .form(&[("text", text)])
        .send()
        .await?;
    Ok((response.status().as_u16(), response.text().await?))
}

#[tokio::test]
async fn readability_is_measured_while_typing_for_anyone_in_their_language() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let hard = "Quelles sont, selon vous, les principales difficultés rencontrées par les jeunes de votre territoire en matière d'accès aux dispositifs de prévention ?";
    let easy = "Qu'est-ce qui est difficile pour les jeunes ?";

    let (status, said) = measured(&app, hard, "lang=fr").await?;
    assert_eq!(status, 200, "{said}");
    let said: String = serde_json::from_str(&said)?;
    assert!(
        said.starts_with("Lisibilité : Difficile à lire") && said.contains("(Kandel-Moles"),
        "{said}"
    );
    let (_, said) = measured(&app, easy, "lang=fr").await?;
    assert!(said.contains("Facile à lire"), "{said}");
    // The interface's language and reading mode; the text measured stays French.
    let (_, said) = measured(&app, easy, "lang=en").await?;
    assert!(
        said.contains("Readability: ") && said.contains("(Kandel-Moles"),
        "{said}"
    );
    let (_, said) = measured(&app, hard, "lang=fr&easy=1").await?;
    assert!(
        !said.contains("Kandel-Moles"),
        "easy-read leaves the figures out: {said}"
    );
    let (_, said) = measured(&app, "   ", "lang=fr").await?;
    assert!(!said.contains("Kandel-Moles") && said.len() > 2, "{said}");

    // Longer than any field allows (their `maxlength` keeps the browser under it): refused,
    // with the reason's id, as every server function answers a script.
    let (status, said) = measured(&app, &"mot ".repeat(1_001), "lang=fr").await?;
    assert_eq!(status, 422);
    assert!(said.contains("error-too-large"), "{said}");
    Ok(())
}
