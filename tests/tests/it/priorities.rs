//! The priorities a council adopts after a vote, and the public page "what your vote became":
//! only a coordinator of the council records them, only on an ended vote, only on the vote's
//! own findings; what is refused stores nothing; the page shows them beside the standing.

use agora_app::domain::{CouncilSlug, Role};
use agora_app::store::entities::{audit_event, priority, priority_finding, vote, vote_candidate};
use agora_server::demo;
use agora_tests::{TestApp, location, unescape};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};

/// The demo's votes: (closed, still open).
async fn demo_votes(app: &TestApp) -> anyhow::Result<(vote::Model, vote::Model)> {
    let council = app.demo_council_id().await?;
    let votes = vote::Entity::find()
        .filter(vote::Column::CouncilId.eq(council))
        .all(&app.db)
        .await?;
    let find = |closed: bool| {
        votes
            .iter()
            .find(|v| (v.state == "closed") == closed)
            .cloned()
            .ok_or_else(|| anyhow::anyhow!("the demo has a vote with closed={closed}"))
    };
    Ok((find(true)?, find(false)?))
}

async fn candidates(app: &TestApp, vote_id: i64) -> anyhow::Result<Vec<i64>> {
    Ok(vote_candidate::Entity::find()
        .filter(vote_candidate::Column::VoteId.eq(vote_id))
        .order_by_asc(vote_candidate::Column::Position)
        .all(&app.db)
        .await?
        .into_iter()
        .map(|c| c.finding_id)
        .collect())
}

/// (priorities, links) stored, all votes together.
async fn stored(app: &TestApp) -> anyhow::Result<(u64, u64)> {
    Ok((
        priority::Entity::find().count(&app.db).await?,
        priority_finding::Entity::find().count(&app.db).await?,
    ))
}

/// The fields of a priority's form, with `findings` ticked.
fn fields<'a>(
    vote: &'a str,
    title: &'a str,
    findings: &'a [String],
    decided_on: &'a str,
) -> Vec<(String, &'a str)> {
    let mut fields = vec![
        ("slug".to_owned(), demo::slug()),
        ("vote".to_owned(), vote),
        ("title".to_owned(), title),
        ("title_easy".to_owned(), ""),
        (
            "reason".to_owned(),
            "Premier du vote chez les usagers comme chez les habitants.",
        ),
        ("reason_easy".to_owned(), "Tout le monde l'a choisi."),
        ("decided_on".to_owned(), decided_on),
        ("decided_by".to_owned(), "Comité de pilotage"),
    ];
    for finding in findings {
        fields.push((format!("findings[{finding}]"), "on"));
    }
    fields
}

async fn adopt(
    app: &TestApp,
    cookie: Option<&str>,
    fields: &[(String, &str)],
) -> anyhow::Result<reqwest::Response> {
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    app.post_form("/api/adopt_priority", cookie, &fields).await
}

#[tokio::test]
async fn a_coordinator_records_the_priorities_of_an_ended_vote_and_everyone_reads_them()
-> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let here = CouncilSlug::parse(slug)?;
    let (closed, open) = demo_votes(&app).await?;
    // The demo's own priorities set aside: this test starts from an ended vote with none.
    priority_finding::Entity::delete_many()
        .exec(&app.db)
        .await?;
    priority::Entity::delete_many().exec(&app.db).await?;
    let audited = || async {
        anyhow::Ok(
            audit_event::Entity::find()
                .filter(audit_event::Column::Action.starts_with("priority-"))
                .count(&app.db)
                .await?,
        )
    };
    let audited_before = audited().await?;
    let (closed_id, open_id) = (closed.id.to_string(), open.id.to_string());
    let findings = candidates(&app, closed.id).await?;
    let [first, second, third, ..] = findings.as_slice() else {
        anyhow::bail!("the demo's closed vote has findings");
    };
    let yesterday = (chrono::Utc::now() - chrono::Duration::days(1))
        .date_naive()
        .format("%Y-%m-%d")
        .to_string();
    let (_, coordinator) = app
        .staff_member(&here, Role::Coordinator, "Cora Pilote")
        .await?;
    let outcome = format!("/{slug}/votes/{closed_id}/suites");

    // Before anything: the page says nothing was decided yet, and offers the form to the
    // coordinator only.
    let (status, html) = app.get(&outcome).await?;
    assert_eq!(status, 200);
    let html = unescape(&html);
    assert!(html.contains("Ce que votre vote est devenu"), "{html}");
    assert!(html.contains("pas encore adopté de priorité"), "{html}");
    assert!(!html.contains("adopt_priority"), "no form for a visitor");
    let (_, html) = app.get_with_cookie(&outcome, Some(&coordinator)).await?;
    assert!(html.contains("/api/adopt_priority"), "{html}");

    // Nobody else may record one: anonymous, a facilitator, an observer, another council's
    // coordinator. Nothing is stored.
    let other = app.other_council_coordinator().await?;
    let (_, facilitator) = app
        .staff_member(&here, Role::Facilitator, "Fanny Anime")
        .await?;
    let (_, observer) = app.staff_member(&here, Role::Observer, "Odile Lit").await?;
    let ticked = [first.to_string()];
    let good = fields(
        &closed_id,
        "Un accueil de jour sans rendez-vous",
        &ticked,
        &yesterday,
    );
    for (who, cookie, status) in [
        ("anonymous", None, 401),
        ("coordinator of another council", Some(other.as_str()), 403),
        ("facilitator", Some(facilitator.as_str()), 403),
        ("observer", Some(observer.as_str()), 403),
    ] {
        let response = adopt(&app, cookie, &good).await?;
        assert_eq!(response.status().as_u16(), status, "{who}");
    }
    assert_eq!(stored(&app).await?, (0, 0));

    // A vote still running has no priorities yet.
    let running = fields(&open_id, "Trop tôt", &ticked, &yesterday);
    let response = adopt(&app, Some(&coordinator), &running).await?;
    assert!(response.status().is_client_error(), "{}", response.status());
    assert_eq!(stored(&app).await?, (0, 0));

    // Bad input comes back beside its field, translated, and stores nothing: a finding
    // that was not in the vote, none at all, a day still to come, a day before the vote.
    let outsider = ["999999".to_owned()];
    let tomorrow = (chrono::Utc::now() + chrono::Duration::days(2))
        .date_naive()
        .format("%Y-%m-%d")
        .to_string();
    for (form, message) in [
        (
            fields(&closed_id, "Un accueil", &outsider, &yesterday),
            "Ce constat n'était pas dans le vote.",
        ),
        (
            fields(&closed_id, "Un accueil", &[], &yesterday),
            "Cochez au moins un constat du vote.",
        ),
        (
            fields(&closed_id, "Un accueil", &ticked, &tomorrow),
            "Cette date n'est pas encore passée.",
        ),
        (
            fields(&closed_id, "Un accueil", &ticked, "2001-01-01"),
            "Cette date est avant l'ouverture du vote.",
        ),
        (
            fields(&closed_id, "Un accueil", &ticked, "12/03/2026"),
            "Cette date n'est pas valable.",
        ),
    ] {
        let response = adopt(&app, Some(&coordinator), &form).await?;
        assert_eq!(location(&response), outcome, "{message}");
        let (_, html) = app.follow(response, &coordinator).await?;
        let html = unescape(&html);
        assert!(html.contains(message), "{message}: {html}");
        assert!(html.contains("aria-invalid=\"true\""), "{message}");
        assert!(
            html.contains("value=\"Un accueil\""),
            "what was typed is kept"
        );
        assert_eq!(stored(&app).await?, (0, 0), "{message}");
    }

    // Adopted: three priorities, the first resting on two findings ticked in any order.
    let two = [third.to_string(), first.to_string()];
    for (title, ticked) in [
        ("Un accueil de jour sans rendez-vous", &two[..]),
        ("Des permanences le samedi", &[second.to_string()][..]),
        (
            "Un numéro unique pour les familles",
            &[third.to_string()][..],
        ),
    ] {
        let response = adopt(
            &app,
            Some(&coordinator),
            &fields(&closed_id, title, ticked, &yesterday),
        )
        .await?;
        assert_eq!(location(&response), outcome);
        let (_, html) = app.follow(response, &coordinator).await?;
        assert!(unescape(&html).contains("Priorité ajoutée."), "{html}");
    }
    let rows = priority::Entity::find()
        .filter(priority::Column::VoteId.eq(closed.id))
        .order_by_asc(priority::Column::Rank)
        .all(&app.db)
        .await?;
    let ranks: Vec<(i32, &str)> = rows.iter().map(|r| (r.rank, r.title.as_str())).collect();
    assert_eq!(
        ranks,
        [
            (1, "Un accueil de jour sans rendez-vous"),
            (2, "Des permanences le samedi"),
            (3, "Un numéro unique pour les familles"),
        ]
    );
    let links = priority_finding::Entity::find()
        .filter(priority_finding::Column::PriorityId.eq(rows[0].id))
        .all(&app.db)
        .await?;
    let mut linked: Vec<i64> = links.iter().map(|l| l.finding_id).collect();
    linked.sort_unstable();
    let mut expected = vec![*first, *third];
    expected.sort_unstable();
    assert_eq!(linked, expected);

    // Everyone reads them, in order, beside the vote's first places, with what each rests
    // on and who decided.
    let (_, html) = app.get(&outcome).await?;
    let html = unescape(&html);
    let at = |text: &str| html.find(text).unwrap_or(usize::MAX);
    assert!(at("Un accueil de jour") < at("Des permanences le samedi"));
    assert!(at("Des permanences le samedi") < at("Un numéro unique"));
    assert!(html.contains("Décidée par Comité de pilotage"), "{html}");
    assert!(html.contains("Les premières places du vote"), "{html}");
    assert!(
        html.contains(&format!("/{slug}/constats/{first}")),
        "{html}"
    );
    assert!(!html.contains("Monter"), "no buttons for a visitor");
    // In easy-read, the easy-read reason.
    let (_, html) = app
        .get_with_cookie(&outcome, Some("agora_prefs=lang=fr&easy=1"))
        .await?;
    assert!(
        unescape(&html).contains("Tout le monde l'a choisi."),
        "{html}"
    );
    // The council's home says what was decided, in order; the vote's page and the council's
    // votes lead to the whole page.
    let (_, home) = app.get(&format!("/{slug}")).await?;
    let home = unescape(&home);
    assert!(
        home.contains("Ce que le conseil a décidé après ses votes"),
        "{home}"
    );
    let at = |text: &str| home.find(text).unwrap_or(usize::MAX);
    assert!(at("Un accueil de jour sans rendez-vous") < at("Des permanences le samedi"));
    assert!(at("Des permanences le samedi") < at("Un numéro unique pour les familles"));
    assert!(at("Un numéro unique pour les familles") < usize::MAX);
    for page in [
        format!("/{slug}"),
        format!("/{slug}/votes/{closed_id}"),
        format!("/{slug}/votes"),
    ] {
        let (_, html) = app.get(&page).await?;
        assert!(html.contains(&outcome), "{page}");
    }

    // Ordered again: the third moves up; the first is removed, the others close the gap.
    let act = |priority: i64, action: &'static str| {
        let (app, coordinator, closed_id) = (&app, coordinator.clone(), closed_id.clone());
        async move {
            app.post_form(
                "/api/priority_action",
                Some(&coordinator),
                &[
                    ("slug", slug),
                    ("vote", &closed_id),
                    ("priority", &priority.to_string()),
                    ("action", action),
                ],
            )
            .await
        }
    };
    assert_eq!(location(&act(rows[2].id, "up").await?), outcome);
    assert_eq!(location(&act(rows[0].id, "remove").await?), outcome);
    let after: Vec<(i32, String)> = priority::Entity::find()
        .filter(priority::Column::VoteId.eq(closed.id))
        .order_by_asc(priority::Column::Rank)
        .all(&app.db)
        .await?
        .into_iter()
        .map(|r| (r.rank, r.title))
        .collect();
    assert_eq!(
        after,
        [
            (1, "Un numéro unique pour les familles".to_owned()),
            (2, "Des permanences le samedi".to_owned()),
        ]
    );
    assert_eq!(
        priority_finding::Entity::find()
            .filter(priority_finding::Column::PriorityId.eq(rows[0].id))
            .count(&app.db)
            .await?,
        0,
        "its links went with it"
    );
    // Already first: refused, told, nothing moved.
    let response = act(rows[2].id, "up").await?;
    let (_, html) = app.follow(response, &coordinator).await?;
    assert!(unescape(&html).contains("déjà à cette place"), "{html}");
    // Another vote's priority, or a facilitator: nothing happens.
    let response = app
        .post_form(
            "/api/priority_action",
            Some(&coordinator),
            &[
                ("slug", slug),
                ("vote", &open_id),
                ("priority", &rows[1].id.to_string()),
                ("action", "remove"),
            ],
        )
        .await?;
    assert!(response.status().is_client_error());
    let response = app
        .post_form(
            "/api/priority_action",
            Some(&facilitator),
            &[
                ("slug", slug),
                ("vote", &closed_id),
                ("priority", &rows[1].id.to_string()),
                ("action", "remove"),
            ],
        )
        .await?;
    assert_eq!(response.status().as_u16(), 403);
    assert_eq!(stored(&app).await?.0, 2);

    // Each change is in the audit log.
    assert_eq!(
        audited().await? - audited_before,
        5,
        "three adopted, one moved, one removed"
    );
    Ok(())
}
