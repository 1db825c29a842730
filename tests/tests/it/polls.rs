//! Quick polls of a plenary, as the facilitator, the participants, the room's screen and an
//! attacker with a copy of the database meet them: one answer per participant, answers
//! sealed until a whole group of the council's minimum size is counted together, nothing
//! shown below that size, words shown only once a moderator approved them, and what stays
//! on the assembly's page afterwards.

use super::live::{Client, open_room, stored_events};
use super::screen::slide;
use agora_app::store::entities::{poll, poll_count, poll_participation, poll_waiting};
use agora_server::demo;
use agora_tests::{TestApp, location, unescape};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use serde_json::{Value, json};

/// The facilitator writes a poll through the console's form; its number.
async fn create_poll(
    app: &TestApp,
    staff: &str,
    room: i64,
    fields: &[(&str, &str)],
) -> anyhow::Result<i64> {
    let room = room.to_string();
    let mut form = vec![("slug", demo::slug()), ("assembly", room.as_str())];
    form.extend_from_slice(fields);
    let response = app
        .post_form("/api/create_poll", Some(staff), &form)
        .await?;
    anyhow::ensure!(
        response.status().as_u16() == 302,
        "create_poll: {}",
        response.status()
    );
    poll::Entity::find()
        .order_by_desc(poll::Column::Id)
        .one(&app.db)
        .await?
        .map(|p| p.id)
        .ok_or_else(|| anyhow::anyhow!("no poll stored"))
}

async fn poll_action(
    app: &TestApp,
    staff: &str,
    room: i64,
    poll: i64,
    action: &str,
    word: &str,
) -> anyhow::Result<reqwest::Response> {
    let (room, poll) = (room.to_string(), poll.to_string());
    app.post_form(
        "/api/poll_action",
        Some(staff),
        &[
            ("slug", demo::slug()),
            ("assembly", &room),
            ("poll", &poll),
            ("action", action),
            ("word", word),
        ],
    )
    .await
}

/// Participant `n` answers through the live page's form (no JavaScript): where the answer
/// led, and that page.
async fn answer(
    app: &TestApp,
    room: i64,
    poll: i64,
    n: u8,
    typed: &str,
) -> anyhow::Result<(String, String)> {
    let (room, poll) = (room.to_string(), poll.to_string());
    let cookie = app.participant_cookie(n);
    let response = app
        .post_form(
            "/api/answer_poll",
            Some(&cookie),
            &[
                ("slug", demo::slug()),
                ("assembly", &room),
                ("poll", &poll),
                ("answer", typed),
            ],
        )
        .await?;
    anyhow::ensure!(response.status().as_u16() == 302, "{}", response.status());
    let (back, html) = app.follow(response, &cookie).await?;
    Ok((back, unescape(&html)))
}

async fn rows(app: &TestApp, poll: i64) -> anyhow::Result<(u64, u64, Vec<poll_count::Model>)> {
    let participations = poll_participation::Entity::find()
        .filter(poll_participation::Column::PollId.eq(poll))
        .count(&app.db)
        .await?;
    let waiting = poll_waiting::Entity::find()
        .filter(poll_waiting::Column::PollId.eq(poll))
        .count(&app.db)
        .await?;
    let counts = poll_count::Entity::find()
        .filter(poll_count::Column::PollId.eq(poll))
        .order_by_asc(poll_count::Column::Key)
        .all(&app.db)
        .await?;
    Ok((participations, waiting, counts))
}

/// What the live page's island fetches when the room says a poll changed.
async fn activities(app: &TestApp, room: i64, cookie: &str) -> anyhow::Result<String> {
    let response = app
        .client
        .get(app.url(&format!("/api/room_votes?slug={}&id={room}", demo::slug())))
        .header("cookie", cookie)
        .send()
        .await?;
    anyhow::ensure!(response.status().is_success(), "{}", response.status());
    let markup: String = serde_json::from_str(&response.text().await?)?;
    Ok(unescape(&markup))
}

async fn min_group(app: &TestApp) -> anyhow::Result<usize> {
    Ok(agora_app::store::min_group_size(&app.db, app.demo_council_id().await?).await?)
}

#[tokio::test]
async fn a_word_cloud_is_answered_once_each_counted_by_whole_groups_moderated_and_kept()
-> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let (room, staff) = open_room(&app).await?;
    let k = min_group(&app).await?;
    anyhow::ensure!(k >= 3, "the demo's minimum group is {k}");
    let mut watcher = Client::connect(&app, room, Some(&app.participant_cookie(99)), None).await?;
    watcher.until("snapshot").await?;

    let poll = create_poll(
        &app,
        &staff,
        room,
        &[
            ("kind", "words"),
            ("question", "Un mot pour dire ce qui vous aide ?"),
            ("question_easy", "Un mot : qu'est-ce qui vous aide ?"),
        ],
    )
    .await?;
    let written = watcher.until("poll-changed").await?;
    assert_eq!(written["event"]["poll"]["id"], poll);
    assert_eq!(written["event"]["poll"]["state"], "ready");
    // Not yet put to the room: participants are not offered it, answers are refused.
    let cookie = app.participant_cookie(1);
    assert!(
        !activities(&app, room, &cookie)
            .await?
            .contains("Un mot pour dire")
    );
    let (_, page) = answer(&app, room, poll, 1, "écoute").await?;
    assert!(page.contains("Ce sondage n'est pas ouvert."), "{page}");

    assert_eq!(
        poll_action(&app, &staff, room, poll, "open", "")
            .await?
            .status()
            .as_u16(),
        302
    );
    let opened = watcher.until("poll-changed").await?;
    assert_eq!(opened["event"]["poll"]["state"], "open");
    let offered = activities(&app, room, &cookie).await?;
    assert!(
        offered.contains("Un mot pour dire ce qui vous aide ?"),
        "{offered}"
    );
    assert!(offered.contains(r#"name="answer""#), "the form: {offered}");

    // k - 1 answers: each is stored sealed, none is counted, and what anyone sees does not
    // move (two views of the results never tell one answer apart).
    let typed = [
        "  Écoute ",
        "écoute",
        "l'écoute",
        "lien",
        "soin",
        "soin",
        "soin",
    ];
    let before = activities(&app, room, &app.participant_cookie(50)).await?;
    for n in 1..k {
        let (back, page) = answer(&app, room, poll, n as u8, typed[(n - 1) % typed.len()]).await?;
        assert!(back.ends_with(&format!("#sondage-{poll}")), "{back}");
        assert!(
            page.contains("Merci : votre réponse est comptée."),
            "{page}"
        );
        assert_eq!(
            activities(&app, room, &app.participant_cookie(50)).await?,
            before,
            "after {n} answers"
        );
    }
    let (participations, waiting, counts) = rows(&app, poll).await?;
    assert_eq!((participations, waiting), ((k - 1) as u64, (k - 1) as u64));
    assert!(counts.is_empty(), "nothing counted below a whole group");
    // Read as an attacker with the database file: no answer in clear anywhere.
    for row in poll_waiting::Entity::find().all(&app.db).await? {
        let bytes = row.sealed;
        for word in ["écoute", "lien", "soin"] {
            assert!(
                !bytes.windows(word.len()).any(|w| w == word.as_bytes()),
                "{word} readable in a waiting answer"
            );
        }
    }
    // A second answer from the same participant is refused and stores nothing.
    let (_, page) = answer(&app, room, poll, 1, "encore").await?;
    assert!(
        page.contains("Vous avez déjà répondu à ce sondage : une réponse par personne."),
        "{page}"
    );
    // Bad words are refused with the reason, beside the field, and store nothing.
    for (bad, said) in [
        ("<b>gras</b>", "Des lettres et des chiffres seulement"),
        ("un deux trois quatre", "3 mots et 30 caractères au plus"),
        ("   ", "Écrivez un mot."),
    ] {
        let (_, page) = answer(&app, room, poll, 60, bad).await?;
        assert!(page.contains(said), "{bad}: {page}");
    }
    assert_eq!(
        rows(&app, poll).await?.0,
        (k - 1) as u64,
        "no refused answer stored"
    );

    // The k-th answer: the whole group is counted together, the room hears how many.
    answer(&app, room, poll, k as u8, "soin").await?;
    let (participations, waiting, counts) = rows(&app, poll).await?;
    assert_eq!((participations, waiting), (k as u64, 0));
    assert_eq!(
        counts.iter().map(|c| c.count).sum::<i64>(),
        k as i64,
        "{counts:?}"
    );
    assert!(
        counts
            .iter()
            .all(|c| c.review.as_deref() == Some("pending"))
    );
    assert!(
        counts.iter().any(|c| c.key == "écoute" && c.count >= 2),
        "Écoute and écoute are one word: {counts:?}"
    );
    let counted = watcher.until("poll-changed").await?;
    assert_eq!(counted["event"]["poll"]["answers"], k);

    // On the screen: nothing a moderator has not read.
    let show = app
        .post_form(
            "/api/console_action",
            Some(&staff),
            &[
                ("slug", slug),
                ("assembly", &room.to_string()),
                ("action", "show"),
                ("what", "poll"),
                ("target", &poll.to_string()),
            ],
        )
        .await?;
    assert_eq!(show.status().as_u16(), 302);
    let changed = watcher.until("screen-changed").await?;
    assert_eq!(
        changed["event"]["screen"],
        json!({"what": "poll", "id": poll})
    );
    let screen = slide(&app, room, None).await?;
    assert!(
        screen.contains("Un mot pour dire ce qui vous aide ?"),
        "{screen}"
    );
    assert!(
        !screen.contains("écoute") && !screen.contains("soin"),
        "{screen}"
    );
    assert!(
        screen.contains("attendent la relecture de l'équipe"),
        "{screen}"
    );
    let easy = slide(&app, room, Some("agora_prefs=lang=fr&easy=1")).await?;
    assert!(
        easy.contains("Un mot : qu'est-ce qui vous aide ?"),
        "{easy}"
    );

    // Approved words show, a word kept off never does.
    for (word, action) in [
        ("écoute", "approve-word"),
        ("soin", "approve-word"),
        ("lien", "reject-word"),
    ] {
        if counts.iter().any(|c| c.key == word) {
            let response = poll_action(&app, &staff, room, poll, action, word).await?;
            assert_eq!(response.status().as_u16(), 302, "{word}");
        }
    }
    assert_eq!(
        poll_action(&app, &staff, room, poll, "approve-word", "inconnu")
            .await?
            .status()
            .as_u16(),
        404,
        "a word nobody gave"
    );
    let screen = slide(&app, room, None).await?;
    assert!(
        screen.contains("écoute") && screen.contains("soin"),
        "{screen}"
    );
    assert!(!screen.contains(">lien"), "{screen}");

    // Closed: the assembly's page and its JSON keep the approved words and their counts.
    assert_eq!(
        poll_action(&app, &staff, room, poll, "close", "")
            .await?
            .status()
            .as_u16(),
        302
    );
    let (_, page) = answer(&app, room, poll, 70, "tard").await?;
    assert!(page.contains("Ce sondage n'est pas ouvert."), "{page}");
    let (_, record) = app.get(&format!("/{slug}/assemblees/{room}")).await?;
    let record = unescape(&record);
    assert!(record.contains("Résultats des sondages"), "{record}");
    assert!(record.contains("Un mot pour dire ce qui vous aide ?"));
    let json: Value = serde_json::from_str(
        &app.client
            .get(app.url(&format!(
                "/api/assembly_questions_json?slug={slug}&id={room}"
            )))
            .send()
            .await?
            .text()
            .await?,
    )?;
    let words = &json["polls"][0]["results"]["Words"]["words"];
    assert!(
        words
            .as_array()
            .is_some_and(|w| w.iter().any(|pair| pair[0] == "écoute")),
        "{json}"
    );
    assert!(
        words
            .as_array()
            .is_some_and(|w| w.iter().all(|pair| pair[0] != "lien")),
        "a word kept off: {json}"
    );
    Ok(())
}

#[tokio::test]
async fn choice_and_rating_polls_show_shares_and_a_mean_only_from_a_whole_group()
-> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let (room, staff) = open_room(&app).await?;
    let k = min_group(&app).await?;
    let choice = create_poll(
        &app,
        &staff,
        room,
        &[
            ("kind", "choice"),
            ("question", "Par quoi commencer ?"),
            ("options", "Logement\nEmploi\n\nCulture"),
        ],
    )
    .await?;
    let rating = create_poll(
        &app,
        &staff,
        room,
        &[
            ("kind", "rating"),
            ("question", "Cette soirée vous a-t-elle servi ?"),
        ],
    )
    .await?;
    for poll in [choice, rating] {
        poll_action(&app, &staff, room, poll, "open", "").await?;
    }
    // A choice out of range and a rating of 6 are refused.
    let (_, page) = answer(&app, room, choice, 1, "3").await?;
    assert!(
        page.contains("Choisissez une des réponses proposées."),
        "{page}"
    );
    let (_, page) = answer(&app, room, rating, 1, "6").await?;
    assert!(page.contains("Choisissez une note de 1 à 5."), "{page}");
    // k participants: the first choose Logement (0), the last Culture (2); ratings 5, 4, 4…
    for n in 1..=k {
        let pick = if n == k { "2" } else { "0" };
        answer(&app, room, choice, n as u8, pick).await?;
        let mark = if n == 1 { "5" } else { "4" };
        answer(&app, room, rating, n as u8, mark).await?;
    }
    let (_, waiting, counts) = rows(&app, choice).await?;
    assert_eq!(waiting, 0);
    assert_eq!(
        counts
            .iter()
            .map(|c| (c.key.as_str(), c.count))
            .collect::<Vec<_>>(),
        vec![("0", (k - 1) as i64), ("2", 1)]
    );
    let shown = activities(&app, room, &app.participant_cookie(1)).await?;
    assert!(
        shown.contains("Merci : votre réponse est comptée avec celles des autres"),
        "answered: results instead of the form: {shown}"
    );
    let share = agora_app::domain::poll::percent((k - 1) as u64, k as u64);
    assert!(
        shown.contains(&format!("{share} % ({} réponses)", k - 1)),
        "{share}: {shown}"
    );
    assert!(
        shown.contains("Emploi") && shown.contains("0 % (0 réponse)"),
        "{shown}"
    );
    // (5 + 4·(k-1)) / k, to one decimal.
    let tenths = (50 + 40 * (k as u64 - 1)) * 2 / (2 * k as u64);
    let mean = format!("moyenne {},{} sur 5", tenths / 10, tenths % 10);
    assert!(shown.contains(&mean), "{mean}: {shown}");
    // Someone who has not answered is offered the forms.
    let fresh = activities(&app, room, &app.participant_cookie(80)).await?;
    assert!(fresh.contains(r#"type="radio""#), "{fresh}");
    assert!(
        fresh.contains("De 1 (pas du tout) à 5 (tout à fait)."),
        "{fresh}"
    );
    Ok(())
}

#[tokio::test]
async fn polls_are_refused_to_outsiders_and_for_bad_drafts_and_store_nothing() -> anyhow::Result<()>
{
    let app = TestApp::with_demo().await?;
    let (room, staff) = open_room(&app).await?;
    let room_s = room.to_string();
    let events = stored_events(&app).await?;
    // A participant (no staff session) cannot write, open or moderate a poll.
    let outsider = app.participant_cookie(3);
    let response = app
        .post_form(
            "/api/create_poll",
            Some(&outsider),
            &[
                ("slug", demo::slug()),
                ("assembly", &room_s),
                ("kind", "choice"),
                ("question", "Qui décide ?"),
                ("options", "Moi\nToi"),
            ],
        )
        .await?;
    assert_ne!(response.status().as_u16(), 302, "refused");
    assert_eq!(poll::Entity::find().count(&app.db).await?, 0);
    // Bad drafts come back to the console with the reason beside the field.
    for (fields, said) in [
        (
            vec![
                ("kind", "choice"),
                ("question", "Qui ?"),
                ("options", "Seul"),
            ],
            "Proposez de 2 à 8 choix, un par ligne.",
        ),
        (
            vec![
                ("kind", "choice"),
                ("question", "Qui ?"),
                ("options", "A\na"),
            ],
            "Deux choix sont identiques.",
        ),
        (
            vec![("kind", "sondage"), ("question", "Qui ?")],
            "Choisissez un type de sondage.",
        ),
        (
            vec![("kind", "words"), ("question", "?")],
            "Écrivez une question de 3 à 200 caractères.",
        ),
    ] {
        let mut form = vec![("slug", demo::slug()), ("assembly", room_s.as_str())];
        form.extend(fields);
        let response = app
            .post_form("/api/create_poll", Some(&staff), &form)
            .await?;
        assert_eq!(response.status().as_u16(), 302);
        assert!(location(&response).ends_with("/animation#sondages"));
        let (_, page) = app.follow(response, &staff).await?;
        assert!(unescape(&page).contains(said), "{said}");
    }
    assert_eq!(poll::Entity::find().count(&app.db).await?, 0);
    assert_eq!(stored_events(&app).await?, events, "no event stored");
    // A poll of this room cannot be driven through another assembly's address.
    let poll = create_poll(
        &app,
        &staff,
        room,
        &[("kind", "rating"), ("question", "Votre note ?")],
    )
    .await?;
    let other = poll_action(&app, &staff, room + 1000, poll, "open", "").await?;
    assert_eq!(other.status().as_u16(), 404);
    // Closing a poll never opened is refused, and the pause screen blacks the screen.
    let response = poll_action(&app, &staff, room, poll, "close", "").await?;
    let (_, page) = app.follow(response, &staff).await?;
    assert!(
        unescape(&page).contains("Ce sondage ne peut pas changer ainsi"),
        "{page}"
    );
    let response = app
        .post_form(
            "/api/console_action",
            Some(&staff),
            &[
                ("slug", demo::slug()),
                ("assembly", &room_s),
                ("action", "show"),
                ("what", "pause"),
                ("target", ""),
            ],
        )
        .await?;
    assert_eq!(response.status().as_u16(), 302);
    let screen = slide(&app, room, None).await?;
    assert!(screen.contains("slide-pause"), "{screen}");
    Ok(())
}
