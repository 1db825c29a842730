//! The council's action programme: only its coordinators write actions and their news; what
//! is refused stores nothing; everyone reads the roadmap, grouped three ways, in plain or
//! easy-read words; an action of another council is nowhere to be reached from this one.

use agora_app::domain::{CouncilSlug, ObjectivePreset, Role};
use agora_app::store::entities::{action, action_update, audit_event, priority};
use agora_server::demo;
use agora_tests::{TestApp, location, unescape};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};

/// (actions, updates) stored, every council together.
async fn stored(app: &TestApp) -> anyhow::Result<(u64, u64)> {
    Ok((
        action::Entity::find().count(&app.db).await?,
        action_update::Entity::find().count(&app.db).await?,
    ))
}

fn day(offset: i64) -> String {
    (chrono::Utc::now() + chrono::Duration::days(offset))
        .date_naive()
        .format("%Y-%m-%d")
        .to_string()
}

/// A whole action form, every field filled; `changes` replace some.
fn action_form<'a>(priority: &'a str, changes: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut fields = vec![
        ("slug", demo::slug()),
        ("id", ""),
        ("title", "Des permanences d'écoute au marché"),
        ("title_easy", ""),
        (
            "summary",
            "Une permanence d'écoute un samedi par mois, au marché couvert, avec le GEM.",
        ),
        (
            "summary_easy",
            "Un samedi par mois, on vous écoute au marché.",
        ),
        ("priority", priority),
        ("objective", ""),
        ("lead", "GEM L'Envol"),
        ("partners", "Mairie, CMP"),
        ("public", "Habitantes et habitants"),
        ("budget", "12 000 €"),
        ("funder", "Ville"),
        ("starts_on", "2026-09-01"),
        ("ends_on", ""),
    ];
    for (name, value) in changes {
        if let Some(field) = fields.iter_mut().find(|(n, _)| n == name) {
            field.1 = value;
        } else {
            fields.push((name, value));
        }
    }
    fields
}

#[tokio::test]
async fn a_coordinator_writes_actions_and_their_news_and_everyone_reads_the_roadmap()
-> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let here = CouncilSlug::parse(slug)?;
    let council = app.demo_council_id().await?;
    let first_priority = priority::Entity::find()
        .order_by_asc(priority::Column::Rank)
        .one(&app.db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the demo adopts priorities"))?;
    let priority_id = first_priority.id.to_string();
    let (_, coordinator) = app
        .staff_member(&here, Role::Coordinator, "Cora Pilote")
        .await?;
    let (_, facilitator) = app
        .staff_member(&here, Role::Facilitator, "Fanny Anime")
        .await?;
    let other = app.other_council_coordinator().await?;
    let before = stored(&app).await?;
    let audited = || async {
        anyhow::Ok(
            audit_event::Entity::find()
                .filter(audit_event::Column::Action.starts_with("action-"))
                .count(&app.db)
                .await?,
        )
    };
    let audited_before = audited().await?;

    // Nobody but a coordinator of this council writes one; nothing is stored.
    let good = action_form(&priority_id, &[]);
    for (who, cookie, status) in [
        ("anonymous", None, 401),
        ("coordinator of another council", Some(other.as_str()), 403),
        ("facilitator", Some(facilitator.as_str()), 403),
    ] {
        let response = app.post_form("/api/save_action", cookie, &good).await?;
        assert_eq!(response.status().as_u16(), status, "{who}");
        let (status, _) = app
            .get_with_cookie(&format!("/{slug}/feuille-de-route/nouvelle"), cookie)
            .await?;
        assert_ne!(status, 200, "{who} reads no form");
    }
    assert_eq!(stored(&app).await?, before);

    // Bad input comes back beside its field, translated, what was typed kept, nothing
    // stored.
    let new_page = format!("/{slug}/feuille-de-route/nouvelle");
    for (changes, message) in [
        (
            vec![("priority", ""), ("objective", "")],
            "Choisissez la priorité ou l'objectif que l'action sert.",
        ),
        (
            vec![("priority", "999999")],
            "n'est pas une priorité adoptée de ce conseil",
        ),
        (
            vec![("objective", "pas-un-objectif")],
            "n'est pas un objectif de ce conseil",
        ),
        (
            vec![("budget", "douze mille")],
            "Le budget doit être un nombre entier",
        ),
        (
            vec![("ends_on", "2026-08-01")],
            "La fin est avant le début.",
        ),
        (
            vec![("starts_on", "01/09/2026")],
            "Cette date n'est pas valable.",
        ),
        (vec![("summary_easy", "")], "Ce champ est obligatoire."),
    ] {
        let form = action_form(&priority_id, &changes);
        let response = app
            .post_form("/api/save_action", Some(&coordinator), &form)
            .await?;
        assert_eq!(location(&response), new_page, "{message}");
        let (_, html) = app.follow(response, &coordinator).await?;
        let html = unescape(&html);
        assert!(html.contains(message), "{message}: {html}");
        assert!(html.contains("aria-invalid=\"true\""), "{message}");
        assert!(
            html.contains("value=\"Des permanences d'écoute au marché\""),
            "what was typed is kept"
        );
        assert_eq!(stored(&app).await?, before, "{message}");
    }

    // Written: planned, its budget read as typed, on the demo's first priority.
    let response = app
        .post_form("/api/save_action", Some(&coordinator), &good)
        .await?;
    let page = location(&response);
    let id: i64 = page
        .rsplit('/')
        .next()
        .and_then(|id| id.parse().ok())
        .ok_or_else(|| anyhow::anyhow!("saved to the action's page: {page}"))?;
    assert_eq!(page, format!("/{slug}/feuille-de-route/action/{id}"));
    let row = action::Entity::find_by_id(id)
        .one(&app.db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("stored"))?;
    assert_eq!(
        (
            row.council_id,
            row.priority_id,
            row.budget,
            row.status.as_str()
        ),
        (council, Some(first_priority.id), Some(12_000), "planned")
    );

    // Its news: refused when still to come, then under way, then dropped with its reason.
    let id_text = id.to_string();
    let (yesterday, tomorrow, today) = (day(-1), day(2), day(0));
    let post_update = |on: &str, text: &str, status: &str, cookie: Option<&str>| {
        let fields = [
            ("slug".to_owned(), slug.to_owned()),
            ("action".to_owned(), id_text.clone()),
            ("on".to_owned(), on.to_owned()),
            ("text".to_owned(), text.to_owned()),
            ("text_easy".to_owned(), String::new()),
            ("status".to_owned(), status.to_owned()),
        ];
        let app = &app;
        let cookie = cookie.map(str::to_owned);
        async move {
            let fields: Vec<(&str, &str)> = fields
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            app.post_form("/api/add_action_update", cookie.as_deref(), &fields)
                .await
        }
    };
    let response = post_update(
        &tomorrow,
        "La salle est réservée au marché.",
        "under-way",
        Some(&coordinator),
    )
    .await?;
    let (_, html) = app.follow(response, &coordinator).await?;
    assert!(
        unescape(&html).contains("Cette date n'est pas encore passée"),
        "{html}"
    );
    let response = post_update(&yesterday, "Court", "", Some(&coordinator)).await?;
    let (_, html) = app.follow(response, &coordinator).await?;
    assert!(unescape(&html).contains("aria-invalid=\"true\""), "{html}");
    let response = post_update(
        &yesterday,
        "La salle est réservée au marché.",
        "under-way",
        Some(&facilitator),
    )
    .await?;
    assert_eq!(response.status().as_u16(), 403);
    let response = post_update(
        &yesterday,
        "La salle est réservée au marché.",
        "under-way",
        Some(&other),
    )
    .await?;
    assert_eq!(response.status().as_u16(), 403);
    assert_eq!(stored(&app).await?, (before.0 + 1, before.1));

    let response = post_update(
        &yesterday,
        "La salle est réservée au marché.",
        "under-way",
        Some(&coordinator),
    )
    .await?;
    assert_eq!(location(&response), format!("{page}#suivi"));
    let response = post_update(
        &today,
        "La mairie retire la salle : pas de permanence cette année.",
        "dropped",
        Some(&coordinator),
    )
    .await?;
    let (_, html) = app.follow(response, &coordinator).await?;
    assert!(unescape(&html).contains("Nouvelle publiée."), "{html}");
    let status = action::Entity::find_by_id(id)
        .one(&app.db)
        .await?
        .map(|row| row.status);
    assert_eq!(status.as_deref(), Some("dropped"));
    let news = action_update::Entity::find()
        .filter(action_update::Column::ActionId.eq(id))
        .order_by_asc(action_update::Column::Id)
        .all(&app.db)
        .await?;
    let moves: Vec<(&str, Option<&str>)> = news
        .iter()
        .map(|n| (n.happened_on.as_str(), n.status.as_deref()))
        .collect();
    assert_eq!(
        moves,
        [
            (yesterday.as_str(), Some("under-way")),
            (today.as_str(), Some("dropped"))
        ]
    );

    // Everyone reads it: on the roadmap under its priority, with its budget and why it
    // was dropped; by status, under "Abandonnée"; its page tells its news newest first.
    let (status, html) = app.get(&format!("/{slug}/feuille-de-route")).await?;
    assert_eq!(status, 200);
    let html = unescape(&html);
    let at = |text: &str| html.find(text).unwrap_or(usize::MAX);
    assert!(
        at(&first_priority.title) < at("Des permanences d'écoute au marché"),
        "{html}"
    );
    assert!(html.contains("12\u{202f}000 €"), "{html}");
    assert!(html.contains("La mairie retire la salle"), "{html}");
    assert!(!html.contains("/api/save_action"), "no form for a visitor");
    assert!(
        !html.contains("feuille-de-route/nouvelle"),
        "no add link for a visitor"
    );
    let (_, html) = app
        .get(&format!("/{slug}/feuille-de-route?par=statut"))
        .await?;
    let html = unescape(&html);
    let dropped_at = html.find("id=\"etat-dropped\"").unwrap_or(usize::MAX);
    let under_way_at = html.find("id=\"etat-under-way\"").unwrap_or(usize::MAX);
    let ours = html.find("Des permanences d'écoute au marché").unwrap_or(0);
    assert!(under_way_at < dropped_at && dropped_at < ours, "{html}");
    let (_, html) = app.get(&page).await?;
    let html = unescape(&html);
    let newest = html.find("La mairie retire la salle").unwrap_or(usize::MAX);
    let older = html.find("La salle est réservée au marché.").unwrap_or(0);
    assert!(newest < older, "newest first: {html}");
    assert!(html.contains("Abandonnée parce que"), "{html}");
    assert!(
        !html.contains("/api/add_action_update"),
        "no news form for a visitor"
    );

    // In easy-read, the easy words.
    let (_, html) = app
        .get_with_cookie(
            &format!("/{slug}/feuille-de-route"),
            Some("agora_prefs=lang=fr&easy=1"),
        )
        .await?;
    let html = unescape(&html);
    assert!(
        html.contains("Un samedi par mois, on vous écoute au marché."),
        "{html}"
    );
    assert!(!html.contains("au marché couvert, avec le GEM"), "{html}");

    // Changed: the same row, new fields; an action is never another council's.
    let changed = action_form(
        &priority_id,
        &[
            ("id", &id_text),
            ("lead", "Groupe de travail écoute"),
            ("budget", ""),
        ],
    );
    let response = app
        .post_form("/api/save_action", Some(&coordinator), &changed)
        .await?;
    assert_eq!(location(&response), page);
    let row = action::Entity::find_by_id(id)
        .one(&app.db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("stored"))?;
    assert_eq!(
        (row.lead.as_str(), row.budget),
        ("Groupe de travail écoute", None)
    );
    assert_eq!(stored(&app).await?, (before.0 + 1, before.1 + 2));
    assert_eq!(
        audited().await? - audited_before,
        4,
        "added, two news, changed"
    );
    Ok(())
}

#[tokio::test]
async fn an_action_of_another_council_cannot_be_read_changed_or_given_news_from_this_one()
-> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let here = CouncilSlug::parse(slug)?;
    let elsewhere = CouncilSlug::parse("clsm-ailleurs")?;
    agora_app::store::create_council(
        &app.db,
        &elsewhere,
        "CLSM Ailleurs",
        "",
        ObjectivePreset::National,
    )
    .await?;
    let demo_action = action::Entity::find()
        .one(&app.db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the demo has actions"))?;
    let theirs = demo_action.id.to_string();
    let (_, other) = app
        .staff_member(&elsewhere, Role::Coordinator, "Olga Ailleurs")
        .await?;
    let (_, coordinator) = app
        .staff_member(&here, Role::Coordinator, "Cora Pilote")
        .await?;
    let before = stored(&app).await?;
    // Read through the other council's address: not found.
    let (status, _) = app
        .get(&format!("/clsm-ailleurs/feuille-de-route/action/{theirs}"))
        .await?;
    assert_eq!(status, 404);
    let (status, _) = app
        .get_with_cookie(
            &format!("/clsm-ailleurs/feuille-de-route/action/{theirs}/modifier"),
            Some(&other),
        )
        .await?;
    assert_eq!(status, 404);
    // Changed or given news by the other council's coordinator, under their own slug.
    let mut fields = action_form("", &[("id", &theirs), ("objective", "stigma")]);
    fields[0].1 = "clsm-ailleurs";
    let response = app
        .post_form("/api/save_action", Some(&other), &fields)
        .await?;
    assert_eq!(response.status().as_u16(), 404);
    let news = [
        ("slug", "clsm-ailleurs"),
        ("action", theirs.as_str()),
        ("on", "2026-01-01"),
        ("text", "Une nouvelle qui n'est pas la sienne."),
        ("status", "done"),
    ];
    let response = app
        .post_form("/api/add_action_update", Some(&other), &news)
        .await?;
    assert_eq!(response.status().as_u16(), 404);
    assert_eq!(stored(&app).await?, before);
    let unchanged = action::Entity::find_by_id(demo_action.id)
        .one(&app.db)
        .await?;
    assert_eq!(unchanged.as_ref(), Some(&demo_action));
    // The real owner still can.
    let (status, _) = app
        .get_with_cookie(
            &format!("/{slug}/feuille-de-route/action/{theirs}/modifier"),
            Some(&coordinator),
        )
        .await?;
    assert_eq!(status, 200);
    Ok(())
}
