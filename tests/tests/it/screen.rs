//! The room's screen: what the facilitator puts on it reaches every client as an event that
//! names the choice only, the projector draws it (agenda item, testimony, a vote's turnout
//! or first places), a testimony whose consent is taken back leaves the screen and leaves no
//! copy in the room's stored history, and a vote opened from its page is offered in the room.

use super::live::{Client, open_room, stored_events};
use agora_app::domain::testimony::Surface;
use agora_app::store::entities::{assembly, room_event, testimony, vote};
use agora_server::demo;
use agora_tests::{TestApp, unescape};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::{Value, json};

async fn screen_of(
    app: &TestApp,
    room: i64,
) -> anyhow::Result<(Option<String>, Option<i64>, Option<i64>)> {
    let row = assembly::Entity::find_by_id(room)
        .one(&app.db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("assembly {room}"))?;
    Ok((row.screen, row.screen_id, row.highlighted_question_id))
}

/// The slide the screen would fetch now, as markup.
pub(crate) async fn slide(
    app: &TestApp,
    room: i64,
    cookie: Option<&str>,
) -> anyhow::Result<String> {
    let room = room.to_string();
    let response = app
        .client
        .get(app.url(&format!("/api/room_slide?slug={}&id={room}", demo::slug())))
        .header("cookie", cookie.unwrap_or(""))
        .send()
        .await?;
    anyhow::ensure!(
        response.status().is_success(),
        "room_slide: {}",
        response.status()
    );
    let markup: String = serde_json::from_str(&response.text().await?)?;
    Ok(unescape(&markup))
}

/// A testimony posted through the form with the projector allowed, then approved; its id.
async fn projectable_testimony(app: &TestApp, text: &str) -> anyhow::Result<i64> {
    let response = app
        .post_multipart(
            "/api/post_testimony",
            None,
            &[
                ("slug", demo::slug()),
                ("happened", text),
                ("projector", "on"),
            ],
            None,
        )
        .await?;
    anyhow::ensure!(response.status().as_u16() == 302, "posted");
    let row = testimony::Entity::find()
        .filter(testimony::Column::Happened.eq(text))
        .one(&app.db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the posted testimony"))?;
    let id = row.id;
    let mut row: testimony::ActiveModel = row.into();
    row.review = Set("approved".to_owned());
    row.update(&app.db).await?;
    Ok(id)
}

#[tokio::test]
async fn the_screen_shows_what_the_facilitator_chose_and_a_testimony_leaves_no_copy_behind()
-> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let (room, staff) = open_room(&app).await?;
    let slug = demo::slug();
    let council = app.demo_council_id().await?;
    let mut facilitator = Client::connect(&app, room, Some(&staff), None).await?;
    facilitator.until("snapshot").await?;
    let mut participant = Client::connect(&app, room, None, None).await?;
    let snapshot = participant.until("snapshot").await?;
    assert_eq!(
        snapshot["room"]["screen"],
        json!({"what": "join", "id": null})
    );
    let demo_vote = snapshot["room"]["votes"][0].clone();
    let vote_id = demo_vote["id"].as_i64().unwrap_or_default();
    assert_eq!(
        demo_vote["state"], "open",
        "the demo's open vote is in the room"
    );

    // The agenda item under way.
    facilitator
        .send(json!({"type": "show", "ref": "s1", "screen": {"what": "agenda"}}))
        .await?;
    assert_eq!(facilitator.until("ack").await?["ref"], "s1");
    let heard = participant.until("screen-changed").await?;
    assert_eq!(
        heard["event"]["screen"],
        json!({"what": "agenda", "id": null})
    );
    assert_eq!(screen_of(&app, room).await?.0.as_deref(), Some("agenda"));
    let agenda = slide(&app, room, None).await?;
    assert!(agenda.contains("slide-agenda"), "{agenda}");

    // A vote: its turnout while it takes ballots, on the slide and the projector's page.
    facilitator
        .send(json!({"type": "show", "screen": {"what": "vote", "id": vote_id}}))
        .await?;
    facilitator.until("ack").await?;
    let heard = participant.until("screen-changed").await?;
    assert_eq!(
        heard["event"]["screen"],
        json!({"what": "vote", "id": vote_id})
    );
    let title = demo_vote["title"].as_str().unwrap_or_default().to_owned();
    let on_vote = slide(&app, room, None).await?;
    assert!(on_vote.contains(&title), "{on_vote}");
    assert!(on_vote.contains("bulletin"), "the turnout: {on_vote}");
    let (_, projector) = app
        .get(&format!("/{slug}/assemblees/{room}/projection"))
        .await?;
    let projector = unescape(&projector);
    assert!(projector.contains("slide-vote") && projector.contains(&title));
    let (_, english) = app
        .get_with_cookie(
            &format!("/{slug}/assemblees/{room}/projection"),
            Some("agora_prefs=lang=en"),
        )
        .await?;
    assert!(
        english.contains("ballot"),
        "the slide in the reader's language"
    );

    // A testimony whose author allows the projector.
    let words = "Le groupe d'entraide m'a rendu le goût des autres.";
    let testimony_id = projectable_testimony(&app, words).await?;
    let allowed = agora_app::store::testimonies::shown_on(&app.db, council, Surface::Projector)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let shown = allowed
        .iter()
        .find(|t| t.id == testimony_id)
        .ok_or_else(|| anyhow::anyhow!("approved and allowed on the projector"))?;
    facilitator
        .send(json!({"type": "show", "screen": {"what": "testimony", "id": shown.id}}))
        .await?;
    facilitator.until("ack").await?;
    participant.until("screen-changed").await?;
    assert!(slide(&app, room, None).await?.contains(words));
    // Its author takes the consent back: the screen's next look shows it no more, and the
    // room's stored history never held its words.
    let row = testimony::Entity::find_by_id(shown.id)
        .one(&app.db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("testimony"))?;
    let mut row: testimony::ActiveModel = row.into();
    row.consent_projector = Set(false);
    row.update(&app.db).await?;
    let gone = slide(&app, room, None).await?;
    assert!(!gone.contains(words), "{gone}");
    assert!(gone.contains("Ce témoignage n'est plus affiché."), "{gone}");
    for stored in room_event::Entity::find().all(&app.db).await? {
        let frames = format!(
            "{} {}",
            stored.public_frame,
            stored.staff_frame.unwrap_or_default()
        );
        assert!(
            !frames.contains(words),
            "a stored event holds the testimony: {frames}"
        );
    }

    // A question on screen is a highlight; the join code takes everything off.
    participant
        .send(json!({"type": "ask", "body": "Le vote est-il anonyme ?"}))
        .await?;
    let question = participant.until("ack").await?["question"]
        .as_i64()
        .unwrap_or_default();
    facilitator
        .send(json!({"type": "approve", "question": question, "body": null}))
        .await?;
    facilitator.until("ack").await?;
    facilitator
        .send(json!({"type": "show", "screen": {"what": "question", "id": question}}))
        .await?;
    facilitator.until("ack").await?;
    let heard = participant.until("highlighted").await?;
    assert_eq!(heard["event"]["question"]["id"], question);
    assert_eq!(screen_of(&app, room).await?, (None, None, Some(question)));
    assert_eq!(
        slide(&app, room, None).await?,
        "",
        "no slide for a question"
    );
    facilitator
        .send(json!({"type": "show", "screen": {"what": "join"}}))
        .await?;
    facilitator.until("ack").await?;
    participant.until("screen-changed").await?;
    assert_eq!(screen_of(&app, room).await?, (None, None, None));
    Ok(())
}

#[tokio::test]
async fn screen_choices_out_of_place_are_refused_and_store_nothing() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let (room, staff) = open_room(&app).await?;
    let mut facilitator = Client::connect(&app, room, Some(&staff), None).await?;
    facilitator.until("snapshot").await?;
    let mut participant = Client::connect(&app, room, None, None).await?;
    participant.until("snapshot").await?;
    let before = stored_events(&app).await?;

    participant
        .send(json!({"type": "show", "screen": {"what": "agenda"}}))
        .await?;
    assert_eq!(participant.until("error").await?["code"], "forbidden");

    // A testimony its author keeps off the projector, a vote of no assembly, a draft.
    let kept_off = testimony::Entity::find_by_id(
        projectable_testimony(&app, "Je préfère que ce récit reste hors de l'écran.").await?,
    )
    .one(&app.db)
    .await?
    .ok_or_else(|| anyhow::anyhow!("the testimony"))?;
    let mut off: testimony::ActiveModel = kept_off.clone().into();
    off.consent_projector = Set(false);
    off.update(&app.db).await?;
    let elsewhere = vote::Entity::find()
        .filter(vote::Column::AssemblyId.is_null())
        .one(&app.db)
        .await?
        .map_or(999_999, |v| v.id);
    for (screen, code, message) in [
        (
            json!({"what": "testimony", "id": kept_off.id}),
            "invalid",
            "Ce témoignage ne peut pas aller à l'écran : il n'est pas publié, ou son auteur ne l'accepte pas (ou plus).",
        ),
        (
            json!({"what": "vote", "id": elsewhere}),
            "not-found",
            "Ce que vous cherchez n'existe pas ou plus.",
        ),
        (
            json!({"what": "vote", "id": null}),
            "invalid",
            "Ce choix d'écran n'existe pas. Rechargez la console.",
        ),
        (
            json!({"what": "agenda", "id": 3}),
            "invalid",
            "Ce choix d'écran n'existe pas. Rechargez la console.",
        ),
    ] {
        facilitator
            .send(json!({"type": "show", "screen": screen.clone()}))
            .await?;
        let refused = facilitator.until("error").await?;
        assert_eq!(
            (refused["code"].as_str(), refused["message"].as_str()),
            (Some(code), Some(message)),
            "{screen}"
        );
    }
    facilitator
        .send(json!({"type": "show", "screen": {"what": "poster"}}))
        .await?;
    assert_eq!(facilitator.until("error").await?["code"], "protocol");
    assert_eq!(stored_events(&app).await?, before, "nothing stored");
    assert_eq!(screen_of(&app, room).await?, (None, None, None));
    Ok(())
}

#[tokio::test]
async fn a_vote_opened_from_its_page_is_offered_on_its_assemblys_live_page() -> anyhow::Result<()> {
    use agora_app::domain::tally::{Integrity, Method};
    use agora_app::store::votes::{self, NewVote};
    let app = TestApp::with_demo().await?;
    let (room, staff) = open_room(&app).await?;
    let slug = demo::slug();
    let council_id = app.demo_council_id().await?;
    let colleges = vec!["habitants".to_owned()];
    let now = chrono::Utc::now();
    let id = votes::create_vote(
        &app.db,
        NewVote {
            council_id,
            assembly_id: Some(room),
            title: "Vote à main levée numérique",
            colleges: &colleges,
            method: Method::Approval,
            integrity: Integrity::Open,
            findings: &super::vote_pages::findings(&app).await?,
            max_points: 0,
            max_points_per_candidate: 0,
            opens_at: now - chrono::Duration::minutes(1),
            closes_at: now + chrono::Duration::hours(2),
            by: None,
        },
    )
    .await
    .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let mut participant = Client::connect(&app, room, None, None).await?;
    let snapshot = participant.until("snapshot").await?;
    let listed = |room: &Value| {
        room["votes"]
            .as_array()
            .is_some_and(|votes| votes.iter().any(|v| v["id"] == id))
    };
    assert!(!listed(&snapshot["room"]), "a draft is never in the room");

    let run = |action: &'static str| {
        let app = &app;
        let staff = staff.clone();
        async move {
            app.post_form(
                "/api/run_vote",
                Some(&staff),
                &[
                    ("slug", slug),
                    ("vote", &id.to_string()),
                    ("action", action),
                ],
            )
            .await
        }
    };
    assert_eq!(run("open").await?.status().as_u16(), 302);
    let heard = participant.until("vote-changed").await?;
    assert_eq!(heard["event"]["vote"]["id"], id);
    assert_eq!(heard["event"]["vote"]["state"], "open");
    assert_eq!(heard["event"]["vote"]["accepting"], true);
    let (_, live) = app
        .get(&format!("/{slug}/assemblees/{room}/direct"))
        .await?;
    let live = unescape(&live);
    assert!(live.contains("Vote à main levée numérique"), "{live}");
    let link = format!(r#"href="/{slug}/votes/{id}""#);
    let offered = live.match_indices(&link).any(|(at, _)| {
        live[at..]
            .chars()
            .take(80)
            .collect::<String>()
            .contains("Voter maintenant")
    });
    assert!(offered, "the ballot offered: {live}");

    assert_eq!(run("close").await?.status().as_u16(), 302);
    let heard = participant.until("vote-changed").await?;
    assert_eq!(
        (
            heard["event"]["vote"]["state"].as_str(),
            heard["event"]["vote"]["results_public"].as_bool()
        ),
        (Some("closed"), Some(true))
    );
    let (_, live) = app
        .get(&format!("/{slug}/assemblees/{room}/direct"))
        .await?;
    let live = unescape(&live);
    let link = format!(r#"href="/{slug}/votes/{id}/resultats""#);
    let offered = live.match_indices(&link).any(|(at, _)| {
        live[at..]
            .chars()
            .take(80)
            .collect::<String>()
            .contains("Voir les résultats")
    });
    assert!(offered, "the results offered: {live}");
    Ok(())
}
