//! The live room over real websockets (tokio-tungstenite), speaking the documented protocol:
//! ask, moderate, broadcast order, reconnect with a sequence number, a restart in the
//! middle, a client that cannot keep up, and refusals that store nothing.

use agora_app::domain::{CouncilSlug, LiveState, Role};
use agora_app::store::entities::{assembly, question, room_event};
use agora_app::store::room::StoredEvent;
use agora_server::demo;
use agora_tests::TestApp;
use futures_util::{SinkExt, StreamExt};
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::{Value, json};
use std::time::Duration;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;

type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

pub(crate) struct Client {
    socket: Socket,
}

impl Client {
    pub(crate) async fn connect(
        app: &TestApp,
        assembly: i64,
        cookie: Option<&str>,
        since: Option<i64>,
    ) -> anyhow::Result<Self> {
        Self::connect_to(app, &format!("/live/{assembly}"), cookie, since).await
    }

    /// Connected without saying `hello` yet.
    pub(crate) async fn connect_raw(app: &TestApp, assembly: i64) -> anyhow::Result<Self> {
        let request = format!("ws://{}/live/{assembly}", app.address).into_client_request()?;
        let (socket, _) = tokio_tungstenite::connect_async(request).await?;
        Ok(Self { socket })
    }

    /// The same, on a path of one's choice (with a query).
    async fn connect_to(
        app: &TestApp,
        path: &str,
        cookie: Option<&str>,
        since: Option<i64>,
    ) -> anyhow::Result<Self> {
        Self::connect_at(&app.address.to_string(), path, cookie, since).await
    }

    /// The same, on a server known by its `host:port` (one in another process).
    pub(crate) async fn connect_at(
        host: &str,
        path: &str,
        cookie: Option<&str>,
        since: Option<i64>,
    ) -> anyhow::Result<Self> {
        let mut request = format!("ws://{host}{path}").into_client_request()?;
        if let Some(cookie) = cookie {
            request.headers_mut().insert("cookie", cookie.parse()?);
        }
        let (socket, _) = tokio_tungstenite::connect_async(request).await?;
        let mut client = Self { socket };
        client
            .send(json!({"type": "hello", "v": agora_app::live::PROTOCOL_VERSION, "since": since}))
            .await?;
        Ok(client)
    }

    pub(crate) async fn send(&mut self, message: Value) -> anyhow::Result<()> {
        self.socket.send(Message::text(message.to_string())).await?;
        Ok(())
    }

    /// The next JSON message. The bound only stops a test whose message never comes; it is
    /// far above what a loaded machine takes.
    pub(crate) async fn next(&mut self) -> anyhow::Result<Value> {
        loop {
            let message = tokio::time::timeout(Duration::from_secs(30), self.socket.next())
                .await?
                .ok_or_else(|| anyhow::anyhow!("socket closed"))??;
            if let Message::Text(text) = message {
                return Ok(serde_json::from_str(text.as_str())?);
            }
        }
    }

    /// Reads until a message of `type` (and, for events, `kind`) arrives; returns it.
    pub(crate) async fn until(&mut self, kind: &str) -> anyhow::Result<Value> {
        for _ in 0..50 {
            let message = self.next().await?;
            if message["type"] == kind || message["event"]["kind"] == kind {
                return Ok(message);
            }
        }
        anyhow::bail!("no {kind}")
    }
}

/// The demo assembly with its live part open, and a facilitator's session cookie.
pub(crate) async fn open_room(app: &TestApp) -> anyhow::Result<(i64, String)> {
    let room = assembly::Entity::find()
        .one(&app.db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("demo assembly"))?;
    let council = CouncilSlug::parse(demo::slug())?;
    let (facilitator, cookie) = app
        .staff_member(&council, Role::Facilitator, "Fanny Anime")
        .await?;
    agora_app::services::room::change_live_state(
        &app.db,
        room.council_id,
        room.id,
        LiveState::Open,
        Some(facilitator),
    )
    .await?;
    Ok((room.id, cookie))
}

pub(crate) async fn stored_events(app: &TestApp) -> anyhow::Result<u64> {
    Ok(room_event::Entity::find().count(&app.db).await?)
}

#[tokio::test]
async fn a_question_is_asked_moderated_upvoted_and_every_client_sees_it_in_order()
-> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let (room, staff) = open_room(&app).await?;
    let mut asker = Client::connect(&app, room, Some(&app.participant_cookie(1)), None).await?;
    let mut voter = Client::connect(&app, room, Some(&app.participant_cookie(2)), None).await?;
    let mut facilitator = Client::connect(&app, room, Some(&staff), None).await?;
    for client in [&mut asker, &mut voter, &mut facilitator] {
        let snapshot = client.until("snapshot").await?;
        assert_eq!(snapshot["v"], 2);
        assert_eq!(snapshot["room"]["live"], "open");
        assert_eq!(snapshot["room"]["premoderation"], true);
    }

    asker
        .send(json!({"type": "ask", "ref": "q1", "body": "  Où trouver de l'aide la nuit ?  ", "first_name": "Léa", "college": "usagers"}))
        .await?;
    let ack = asker.until("ack").await?;
    assert_eq!(ack["ref"], "q1");
    let question = ack["question"]
        .as_i64()
        .ok_or_else(|| anyhow::anyhow!("{ack}"))?;
    // Pre-moderated: staff read the text, participants only the size of the queue.
    let asked = facilitator.until("question-asked").await?;
    assert_eq!(
        asked["event"]["question"]["body"],
        "Où trouver de l'aide la nuit ?"
    );
    assert_eq!(asked["event"]["question"]["first_name"], "Léa");
    let queued = voter.next().await?;
    assert_eq!(
        queued["event"],
        json!({"kind": "queue-changed", "pending": 1})
    );
    assert!(!queued.to_string().contains("aide la nuit"));

    facilitator
        .send(json!({"type": "approve", "ref": "a1", "question": question, "body": "Où trouver de l'aide, la nuit ?"}))
        .await?;
    for client in [&mut asker, &mut voter, &mut facilitator] {
        let approved = client.until("question-approved").await?;
        assert_eq!(
            approved["event"]["question"]["body"],
            "Où trouver de l'aide, la nuit ?"
        );
        assert_eq!(approved["event"]["pending"], 0);
    }

    voter
        .send(json!({"type": "upvote", "ref": "v1", "question": question}))
        .await?;
    let voted = voter.until("question-voted").await?;
    assert_eq!(voted["event"]["votes"], 1);
    voter
        .send(json!({"type": "upvote", "ref": "v2", "question": question}))
        .await?;
    let refused = voter.until("error").await?;
    assert_eq!(refused["ref"], "v2");
    assert_eq!(refused["message"], "Vous soutenez déjà cette question.");
    let votes = question::Entity::find_by_id(question)
        .one(&app.db)
        .await?
        .map(|q| q.votes);
    assert_eq!(votes, Some(1), "the second upvote stored nothing");

    // Every client saw the same events, numbered one after the other.
    let seqs = |messages: &[Value]| {
        messages
            .iter()
            .filter_map(|m| m["seq"].as_i64())
            .collect::<Vec<_>>()
    };
    facilitator
        .send(json!({"type": "answered", "question": question, "answered": true}))
        .await?;
    let mut seen = Vec::new();
    loop {
        let message = asker.next().await?;
        let done = message["event"]["kind"] == "question-answered";
        seen.push(message);
        if done {
            break;
        }
    }
    let numbers = seqs(&seen);
    assert!(numbers.windows(2).all(|w| w[1] == w[0] + 1), "{numbers:?}");
    Ok(())
}

#[tokio::test]
async fn on_the_participants_page_a_staff_member_is_a_participant() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let (room, staff) = open_room(&app).await?;
    let both = format!("{staff}; {}", app.participant_cookie(10));
    let mut asker = Client::connect(&app, room, Some(&app.participant_cookie(1)), None).await?;
    asker.until("snapshot").await?;
    asker
        .send(json!({"type": "ask", "ref": "q", "body": "Une question à soutenir ?"}))
        .await?;
    let question = asker.until("ack").await?["question"]
        .as_i64()
        .ok_or_else(|| anyhow::anyhow!("no question id"))?;

    // The console's socket: staff, sees the queue's text, may not support.
    let mut console = Client::connect(&app, room, Some(&both), None).await?;
    let snapshot = console.until("snapshot").await?;
    assert_eq!(
        snapshot["room"]["pending"][0]["body"],
        "Une question à soutenir ?"
    );
    console
        .send(json!({"type": "approve", "question": question, "body": null}))
        .await?;
    console.until("question-approved").await?;
    console
        .send(json!({"type": "upvote", "ref": "s1", "question": question}))
        .await?;
    assert_eq!(console.until("error").await?["code"], "invalid");

    // The participants' page's socket, same cookies: a participant, who may support (once)
    // and may not moderate.
    let mut page = Client::connect_to(
        &app,
        &format!("/live/{room}?vue=participant"),
        Some(&both),
        None,
    )
    .await?;
    let snapshot = page.until("snapshot").await?;
    assert_eq!(snapshot["room"]["pending"], json!([]));
    page.send(json!({"type": "upvote", "ref": "s2", "question": question}))
        .await?;
    assert_eq!(page.until("ack").await?["ref"], "s2");
    page.send(json!({"type": "pin", "ref": "p", "question": question, "pinned": true}))
        .await?;
    let refused = page.until("error").await?;
    assert_eq!(refused["ref"], "p");
    assert_eq!(
        refused["message"],
        "Seule l'équipe d'animation peut faire cela."
    );
    let votes = question::Entity::find_by_id(question)
        .one(&app.db)
        .await?
        .map(|q| (q.votes, q.pinned));
    assert_eq!(votes, Some((1, false)));
    Ok(())
}

#[tokio::test]
async fn commands_out_of_place_are_refused_translated_and_store_nothing() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let (room, _) = open_room(&app).await?;
    let before = stored_events(&app).await?;
    let mut french = Client::connect(&app, room, None, None).await?;
    french.until("snapshot").await?;
    let mut english = Client::connect(&app, room, Some("agora_prefs=lang=en&easy=1"), None).await?;
    english.until("snapshot").await?;

    for (message, expected) in [
        (
            json!({"type": "ask", "ref": "e", "body": "  "}),
            "Écrivez votre question.",
        ),
        (
            json!({"type": "ask", "ref": "l", "body": "é".repeat(501)}),
            "Votre question est trop longue : 500 caractères au plus.",
        ),
        (
            json!({"type": "ask", "ref": "c", "body": "Pourquoi ?", "college": "inconnu"}),
            "Ce collège n'existe pas. Choisissez-en un dans la liste, ou aucun.",
        ),
        (
            json!({"type": "approve", "ref": "s", "question": 1}),
            "Seule l'équipe d'animation peut faire cela.",
        ),
        (
            json!({"type": "highlight", "ref": "h", "question": null}),
            "Seule l'équipe d'animation peut faire cela.",
        ),
        (
            json!({"type": "upvote", "ref": "u", "question": 999999}),
            "Ce que vous cherchez n'existe pas ou plus.",
        ),
        (
            json!({"type": "shout", "ref": "x"}),
            "Message non reconnu. Rechargez la page.",
        ),
    ] {
        french.send(message.clone()).await?;
        let refused = french.until("error").await?;
        assert_eq!(refused["message"], expected, "{message}");
    }
    english.send(json!({"type": "ask", "body": ""})).await?;
    assert_eq!(
        english.until("error").await?["message"],
        "Write your question."
    );
    assert_eq!(stored_events(&app).await?, before, "nothing stored");
    assert_eq!(question::Entity::find().count(&app.db).await?, 0);

    // A closed room takes no question.
    let council = assembly::Entity::find_by_id(room)
        .one(&app.db)
        .await?
        .map(|a| a.council_id)
        .unwrap_or_default();
    agora_app::services::room::change_live_state(&app.db, council, room, LiveState::Closed, None)
        .await?;
    french
        .send(json!({"type": "ask", "body": "Encore une ?"}))
        .await?;
    assert_eq!(
        french.until("error").await?["message"],
        "Le direct de cette assemblée n'est pas ouvert."
    );
    Ok(())
}

#[tokio::test]
async fn sockets_are_refused_from_other_sites_and_for_unknown_assemblies() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let (room, _) = open_room(&app).await?;
    let mut request = format!("ws://{}/live/{room}", app.address).into_client_request()?;
    request
        .headers_mut()
        .insert("origin", "https://evil.example".parse()?);
    let refused = tokio_tungstenite::connect_async(request).await;
    assert!(
        matches!(&refused, Err(tokio_tungstenite::tungstenite::Error::Http(r)) if r.status() == 403),
        "{refused:?}"
    );
    for path in ["/live/999999", "/live/abc"] {
        let request = format!("ws://{}{path}", app.address).into_client_request()?;
        let refused = tokio_tungstenite::connect_async(request).await;
        assert!(
            matches!(&refused, Err(tokio_tungstenite::tungstenite::Error::Http(r)) if r.status() == 404),
            "{path}: {refused:?}"
        );
    }
    Ok(())
}

#[tokio::test]
async fn a_client_that_reconnects_gets_what_it_missed_even_across_a_restart() -> anyhow::Result<()>
{
    let app = TestApp::with_demo().await?;
    let (room, staff) = open_room(&app).await?;
    let mut reader = Client::connect(&app, room, None, None).await?;
    let snapshot = reader.until("snapshot").await?;
    let last = snapshot["seq"].as_i64().unwrap_or_default();
    drop(reader);

    // Meanwhile, on a second server over the same database (a restart), three events.
    let restarted = TestApp::on_database(&app).await?;
    let mut facilitator = Client::connect(&restarted, room, Some(&staff), None).await?;
    facilitator.until("snapshot").await?;
    for on in [false, true, false] {
        facilitator
            .send(json!({"type": "premoderation", "on": on}))
            .await?;
        facilitator.until("ack").await?;
    }

    let mut back = Client::connect(&restarted, room, None, Some(last)).await?;
    let mut replayed = Vec::new();
    for _ in 0..3 {
        let message = back.next().await?;
        assert_eq!(
            message["type"], "event",
            "missed events, not a snapshot: {message}"
        );
        replayed.push((
            message["seq"].as_i64().unwrap_or_default(),
            message["event"]["on"].clone(),
        ));
    }
    assert_eq!(
        replayed,
        [
            (last + 1, json!(false)),
            (last + 2, json!(true)),
            (last + 3, json!(false))
        ]
    );

    // Too far behind (or from a sequence the room never had): a snapshot.
    let mut lost = Client::connect(&restarted, room, None, Some(-5)).await?;
    let first = lost.next().await?;
    assert_eq!(first["type"], "snapshot");
    assert_eq!(first["seq"], last + 3);
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_that_cannot_keep_up_gets_a_snapshot_and_never_holds_the_room_back()
-> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let (room, _) = open_room(&app).await?;
    let mut slow = Client::connect(&app, room, None, None).await?;
    let mut fast = Client::connect(&app, room, None, None).await?;
    let start = slow.until("snapshot").await?["seq"]
        .as_i64()
        .unwrap_or_default();
    fast.until("snapshot").await?;

    // A burst far larger than the room's buffer and the sockets', straight through the hub.
    // Its events are numbered in the database first, as every event is stored before it is
    // published, so a snapshot taken during the burst stands where the room stands.
    let burst = 3000;
    let end = start + burst;
    let txn = agora_app::store::begin_write(&app.db).await?;
    for _ in 0..burst {
        agora_app::store::room::next_seq(&txn, room).await?;
    }
    txn.commit().await?;
    let padding = "x".repeat(4096);
    let hub = app.state.live.clone();
    let publisher = tokio::spawn(async move {
        for seq in start + 1..=end {
            let frame = json!({"type": "event", "seq": seq, "event": {"kind": "queue-changed", "pending": 0}, "pad": padding}).to_string();
            hub.publish(StoredEvent {
                assembly: room,
                seq,
                public: frame,
                staff: None,
            })
            .await;
        }
    });
    // The fast client reads as it comes; the slow one reads nothing until the burst is out.
    let fast = tokio::spawn(async move { in_order_until(&mut fast, start, end).await });
    // The room does not wait for the slow client: the whole burst goes out while it reads
    // nothing (the bound is for a stalled hub, far above what the burst takes).
    tokio::time::timeout(Duration::from_secs(60), publisher)
        .await
        .map_err(|_| anyhow::anyhow!("the publisher was held back"))??;

    // Whatever the schedule, each client sees the events in order, and where it fell behind
    // it finds a snapshot, never a silent gap; the slow one necessarily fell behind.
    let slow_snapshots = in_order_until(&mut slow, start, end).await?;
    assert!(slow_snapshots >= 1, "the slow client was given a snapshot");
    fast.await??;
    Ok(())
}

/// Reads a client until it stands at `end` (by an event or a snapshot), checking that every
/// event follows the message before it (an event or a snapshot) by exactly one; returns the
/// number of snapshots it was given.
async fn in_order_until(client: &mut Client, start: i64, end: i64) -> anyhow::Result<usize> {
    let mut previous = start;
    let mut snapshots = 0;
    while previous < end {
        let message = client.next().await?;
        let seq = message["seq"].as_i64().unwrap_or_default();
        if message["type"] == "snapshot" {
            assert!(
                seq >= previous,
                "a snapshot from the past: {seq} after {previous}"
            );
            snapshots += 1;
        } else {
            assert_eq!(
                seq,
                previous + 1,
                "a gap without a snapshot: {seq} after {previous}"
            );
        }
        previous = seq;
    }
    Ok(snapshots)
}

#[tokio::test]
async fn closing_the_live_part_from_the_preparation_form_reaches_every_client() -> anyhow::Result<()>
{
    let app = TestApp::with_demo().await?;
    let (room, staff) = open_room(&app).await?;
    let mut reader = Client::connect(&app, room, None, None).await?;
    let seq = reader.until("snapshot").await?["seq"]
        .as_i64()
        .unwrap_or_default();
    let closed = app
        .post_form(
            "/api/change_live_state",
            Some(&staff),
            &[
                ("slug", demo::slug()),
                ("assembly", &room.to_string()),
                ("state", "closed"),
            ],
        )
        .await?;
    assert_eq!(closed.status().as_u16(), 302);
    let event = reader.next().await?;
    assert_eq!(event["seq"], seq + 1);
    assert_eq!(
        event["event"],
        json!({"kind": "live-changed", "live": "closed"})
    );
    Ok(())
}

/// Follows a plain form post's redirect with the cookies it set: the page it comes back to.
async fn follow(
    app: &TestApp,
    response: reqwest::Response,
    cookies: &mut Vec<String>,
) -> anyhow::Result<String> {
    let back = agora_tests::location(&response);
    for name in ["agora_participant", "agora_flash"] {
        if let Some(cookie) = agora_tests::cookie_set(&response, name) {
            cookies.retain(|c| !c.starts_with(&format!("{name}=")));
            cookies.push(cookie);
        }
    }
    let (_, html) = app
        .get_with_cookie(&back, Some(&cookies.join("; ")))
        .await?;
    cookies.retain(|c| !c.starts_with("agora_flash="));
    Ok(html)
}

#[tokio::test]
async fn without_javascript_a_participant_asks_and_supports_by_form_and_screens_hear_of_it()
-> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let (room, staff) = open_room(&app).await?;
    let slug = demo::slug();
    let page = format!("/{slug}/assemblees/{room}/direct");
    let (status, html) = app.get(&page).await?;
    assert_eq!(status, 200);
    assert!(html.contains(r#"action="/api/ask_question""#), "{html}");
    assert!(html.contains("Pas encore de question."));
    let mut facilitator = Client::connect(&app, room, Some(&staff), None).await?;
    facilitator.until("snapshot").await?;

    let mut cookies = Vec::new();
    let room_id = room.to_string();
    let empty = app
        .post_form(
            "/api/ask_question",
            None,
            &[
                ("slug", slug),
                ("assembly", &room_id),
                ("body", " "),
                ("first_name", "Léa"),
                ("college", ""),
            ],
        )
        .await?;
    let html = follow(&app, empty, &mut cookies).await?;
    assert!(html.contains("Écrivez votre question."), "{html}");
    assert!(
        html.contains(r#"value="Léa""#),
        "the first name typed is given back"
    );
    assert_eq!(question::Entity::find().count(&app.db).await?, 0);

    let asked = app
        .post_form(
            "/api/ask_question",
            Some(&cookies.join("; ")),
            &[
                ("slug", slug),
                ("assembly", &room_id),
                ("body", "Qui contacter en cas de crise ?"),
                ("first_name", ""),
                ("college", "aidants"),
            ],
        )
        .await?;
    assert_eq!(asked.status().as_u16(), 302);
    let html = follow(&app, asked, &mut cookies).await?;
    assert!(
        html.contains("Merci ! Votre question est envoyée."),
        "{html}"
    );
    assert!(
        html.contains("Une question attend d&#x27;être relue")
            || html.contains("Une question attend d'être relue"),
        "{html}"
    );
    let waiting = facilitator.until("question-asked").await?;
    assert_eq!(waiting["event"]["question"]["college"], "aidants");
    let id = waiting["event"]["question"]["id"]
        .as_i64()
        .unwrap_or_default();
    facilitator
        .send(json!({"type": "approve", "question": id}))
        .await?;
    facilitator.until("ack").await?;

    let (_, html) = app
        .get_with_cookie(&page, Some(&cookies.join("; ")))
        .await?;
    assert!(html.contains("Qui contacter en cas de crise ?"), "{html}");
    assert!(
        html.contains("Aidants"),
        "college shown by its name: {html}"
    );
    let support = |cookie: String| {
        let room_id = room_id.clone();
        let app = &app;
        async move {
            app.post_form(
                "/api/support_question",
                Some(&cookie),
                &[
                    ("slug", slug),
                    ("assembly", &room_id),
                    ("question", &id.to_string()),
                ],
            )
            .await
        }
    };
    let html = follow(&app, support(cookies.join("; ")).await?, &mut cookies).await?;
    assert!(html.contains("Votre soutien est compté."), "{html}");
    assert!(html.contains("Vous soutenez cette question"), "{html}");
    assert!(html.contains("1 soutien"), "{html}");
    let voted = facilitator.until("question-voted").await?;
    assert_eq!(voted["event"]["votes"], 1);
    let html = follow(&app, support(cookies.join("; ")).await?, &mut cookies).await?;
    assert!(
        html.contains("Vous soutenez déjà cette question."),
        "{html}"
    );
    let (_, newest) = app.get(&format!("{page}?ordre=recentes")).await?;
    assert!(newest.contains(r#"href="/clsm-val-de-lisandre/assemblees/"#));
    assert!(
        newest.contains(r#"aria-current="page">Les plus récentes"#),
        "{newest}"
    );
    Ok(())
}

#[tokio::test]
async fn the_console_moderates_by_form_for_facilitators_only_and_the_projector_shows_the_pick()
-> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let (room, staff) = open_room(&app).await?;
    let slug = demo::slug();
    let console = format!("/{slug}/assemblees/{room}/animation");
    let projector = format!("/{slug}/assemblees/{room}/projection");
    let council = CouncilSlug::parse(slug)?;
    let observer = app
        .staff_member(&council, Role::Observer, "Olivier Lit")
        .await?
        .1;
    for (who, cookie, expected) in [
        ("anonymous", None, 401),
        ("observer", Some(observer.as_str()), 403),
        ("facilitator", Some(staff.as_str()), 200),
    ] {
        let (status, _) = app.get_with_cookie(&console, cookie).await?;
        assert_eq!(status, expected, "{who} on the console");
    }

    let mut participant = Client::connect(&app, room, None, None).await?;
    participant.until("snapshot").await?;
    participant
        .send(json!({"type": "ask", "body": "Y aura-t-il une permanence le samedi ?"}))
        .await?;
    let id = participant.until("ack").await?["question"]
        .as_i64()
        .unwrap_or_default();
    let (_, html) = app.get_with_cookie(&console, Some(&staff)).await?;
    assert!(
        html.contains("Y aura-t-il une permanence le samedi ?"),
        "the queue shows the text"
    );
    assert!(html.contains("LiveReload"), "the console follows its room");

    let act = |cookie: Option<String>, fields: Vec<(&'static str, String)>| {
        let app = &app;
        let room = room.to_string();
        async move {
            let mut all = vec![("slug", slug.to_owned()), ("assembly", room)];
            all.extend(fields);
            let borrowed: Vec<(&str, &str)> = all.iter().map(|(k, v)| (*k, v.as_str())).collect();
            app.post_form("/api/console_action", cookie.as_deref(), &borrowed)
                .await
        }
    };
    let refused = act(
        Some(observer.clone()),
        vec![("action", "approve".into()), ("question", id.to_string())],
    )
    .await?;
    assert_eq!(refused.status().as_u16(), 403);
    let approved = act(
        Some(staff.clone()),
        vec![
            ("action", "approve".into()),
            ("question", id.to_string()),
            (
                "body",
                "Y aura-t-il une permanence le samedi matin ?".into(),
            ),
        ],
    )
    .await?;
    assert_eq!(approved.status().as_u16(), 302);
    let event = participant.until("question-approved").await?;
    assert_eq!(
        event["event"]["question"]["body"],
        "Y aura-t-il une permanence le samedi matin ?"
    );

    let again = act(
        Some(staff.clone()),
        vec![("action", "approve".into()), ("question", id.to_string())],
    )
    .await?;
    let back = agora_tests::location(&again);
    let flash = agora_tests::cookie_set(&again, "agora_flash").unwrap_or_default();
    let (_, html) = app
        .get_with_cookie(&back, Some(&format!("{staff}; {flash}")))
        .await?;
    assert!(
        html.contains("Cette question est déjà dans cet état."),
        "{html}"
    );

    let (_, before) = app.get(&projector).await?;
    assert!(before.contains("Posez vos questions depuis votre téléphone."));
    assert!(
        before.contains("ProjectorScreen"),
        "the projector follows its room"
    );
    assert!(
        !before.contains("http-equiv"),
        "no timed refresh (WCAG 2.2.1)"
    );
    assert!(before.contains("qr-code"));
    // A room screen: none of the site around it, the crisis numbers as one line.
    assert!(
        !before.contains(r#"<header class="site-header""#)
            && !before.contains(r#"<footer class="site-footer""#),
        "{before}"
    );
    assert!(before.contains(r#"<p class="room-crisis""#), "{before}");
    act(
        Some(staff.clone()),
        vec![("action", "highlight".into()), ("question", id.to_string())],
    )
    .await?;
    let shown = participant.until("highlighted").await?;
    assert_eq!(shown["event"]["question"]["id"], id);
    let (status, after) = app.get(&projector).await?;
    assert_eq!(status, 200, "the projector is public");
    assert!(
        after.contains("Y aura-t-il une permanence le samedi matin ?"),
        "{after}"
    );

    let unknown = act(Some(staff.clone()), vec![("action", "explode".into())]).await?;
    assert_eq!(unknown.status().as_u16(), 404);
    let (_, log) = app
        .get_with_cookie(
            &format!("/{slug}/journal"),
            Some(
                &app.staff_member(&council, Role::Coordinator, "Anne Martin")
                    .await?
                    .1,
            ),
        )
        .await?;
    assert!(
        log.contains("Question validée"),
        "moderation is in the audit log"
    );
    assert!(log.contains("Question affichée à l"), "{log}");
    Ok(())
}

/// Two `agora serve` on one PostgreSQL share their rooms: an event stored through one
/// reaches the clients of the other (`LISTEN/NOTIFY`, ids only). SQLite has one instance by
/// construction; there the test only checks that the second server sees the event on
/// reconnect (as after a restart).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_event_stored_by_one_instance_reaches_the_clients_of_another() -> anyhow::Result<()> {
    let first = TestApp::with_demo().await?;
    let (room, staff) = open_room(&first).await?;
    let second = TestApp::on_database(&first).await?;
    let mut here = Client::connect(&first, room, Some(&staff), None).await?;
    let mut there = Client::connect(&second, room, None, None).await?;
    let seq = there.until("snapshot").await?["seq"]
        .as_i64()
        .unwrap_or_default();
    here.until("snapshot").await?;
    // No wait for the second instance's listener: an event stored before it listens is read
    // from the database when it starts (`catch_up_all`), one stored after is announced.

    here.send(json!({"type": "premoderation", "on": false}))
        .await?;
    here.until("ack").await?;
    let postgres = first.db.get_database_backend() == sea_orm::DbBackend::Postgres;
    let relayed = if postgres {
        there.next().await?
    } else {
        let mut again = Client::connect(&second, room, None, Some(seq)).await?;
        again.next().await?
    };
    assert_eq!(relayed["seq"], seq + 1, "{relayed}");
    assert_eq!(
        relayed["event"],
        json!({"kind": "premoderation-changed", "on": false})
    );
    Ok(())
}

/// The attack: a facilitator who leaves keeps the live console open in a browser tab, and
/// with it every question before moderation. Removed from the team by a coordinator, or
/// signed out, the socket is told so and closed at once; a new one is a participant's.
#[tokio::test]
async fn a_staff_console_closes_when_its_member_is_removed_or_signs_out() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let (room, facilitator) = open_room(&app).await?;
    let slug = demo::slug();
    let here = CouncilSlug::parse(slug)?;
    let (_, coordinator) = app
        .staff_member(&here, Role::Coordinator, "Anne Martin")
        .await?;
    let closed = |mut console: Client| async move {
        let ended = console.until("error").await?;
        assert_eq!(ended["code"], "session-ended", "{ended}");
        // Then the server closes the socket.
        let rest = tokio::time::timeout(Duration::from_secs(30), async {
            while let Some(Ok(message)) = console.socket.next().await {
                if message.is_close() {
                    break;
                }
            }
        })
        .await;
        anyhow::ensure!(rest.is_ok(), "the socket stays open");
        anyhow::Ok(())
    };

    // Signed out (another tab of the same browser): the console with that session closes.
    let mut console = Client::connect(&app, room, Some(&facilitator), None).await?;
    console.until("snapshot").await?;
    let signed_out = app
        .client
        .post(app.url("/api/sign_out"))
        .header("cookie", &facilitator)
        .send()
        .await?;
    assert!(signed_out.status().is_success() || signed_out.status().is_redirection());
    closed(console).await?;

    // A question waits for moderation: staff read its text, participants do not.
    let mut asker = Client::connect(&app, room, Some(&app.participant_cookie(7)), None).await?;
    asker.until("snapshot").await?;
    asker
        .send(json!({"type": "ask", "ref": "q", "body": "Qui lit les questions en attente ?"}))
        .await?;
    asker.until("ack").await?;

    // Removed by a coordinator: every session of the account ends, its console closes.
    let (fanny, session) = app
        .staff_member(&here, Role::Facilitator, "Fanny Bis")
        .await?;
    let mut console = Client::connect(&app, room, Some(&session), None).await?;
    let snapshot = console.until("snapshot").await?;
    assert!(
        snapshot
            .to_string()
            .contains("Qui lit les questions en attente")
    );
    let removed = app
        .post_form(
            "/api/change_staff",
            Some(&coordinator),
            &[
                ("slug", slug),
                ("member", &fanny.to_string()),
                ("action", "remove"),
            ],
        )
        .await?;
    assert_eq!(removed.status().as_u16(), 302);
    closed(console).await?;
    // A new socket with the old cookie is a participant's: no pending questions.
    let mut again = Client::connect(&app, room, Some(&session), None).await?;
    let snapshot = again.until("snapshot").await?;
    assert!(
        !snapshot
            .to_string()
            .contains("Qui lit les questions en attente")
    );
    Ok(())
}

/// An app with these settings, the demo seeded, its room open; the room and a facilitator.
async fn open_room_with(settings: &[(&str, &str)]) -> anyhow::Result<(TestApp, i64, String)> {
    let app = TestApp::empty_with(settings).await?;
    demo::seed(&app.db, app.seal_key()).await?;
    let (room, staff) = open_room(&app).await?;
    Ok((app, room, staff))
}

/// The HTTP status an upgrade was refused with, if it was.
async fn refused_upgrade(app: &TestApp, room: i64) -> Option<u16> {
    let request = format!("ws://{}/live/{room}", app.address)
        .into_client_request()
        .ok()?;
    match tokio_tungstenite::connect_async(request).await {
        Err(tokio_tungstenite::tungstenite::Error::Http(response)) => {
            Some(response.status().as_u16())
        }
        _ => None,
    }
}

/// The attack: a script opens sockets until the server runs out of them. One address holds
/// at most its share, one room at most its own; a closed socket gives its place back.
#[tokio::test]
async fn sockets_beyond_an_address_or_a_room_cap_are_refused_and_places_come_back()
-> anyhow::Result<()> {
    let (app, room, _) = open_room_with(&[("AGORA_SOCKETS_PER_ADDRESS", "3")]).await?;
    let mut open = Vec::new();
    for _ in 0..3 {
        let mut client = Client::connect(&app, room, None, None).await?;
        client.until("snapshot").await?;
        open.push(client);
    }
    assert_eq!(refused_upgrade(&app, room).await, Some(429), "a fourth");
    drop(open.pop());
    let mut back = None;
    for _ in 0..50 {
        if refused_upgrade(&app, room).await.is_none() {
            back = Some(());
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(back.is_some(), "the closed socket's place came back");

    // Behind a trusted proxy, addresses differ but the room is full all the same.
    let (app, room, _) = open_room_with(&[
        ("AGORA_SOCKETS_PER_ROOM", "2"),
        ("AGORA_TRUSTED_PROXIES", "127.0.0.1"),
    ])
    .await?;
    let mut kept = Vec::new();
    for n in 1..=3 {
        let mut request = format!("ws://{}/live/{room}", app.address).into_client_request()?;
        request
            .headers_mut()
            .insert("x-forwarded-for", format!("198.51.100.{n}").parse()?);
        let outcome = tokio_tungstenite::connect_async(request).await;
        match n {
            3 => assert!(
                matches!(&outcome, Err(tokio_tungstenite::tungstenite::Error::Http(r)) if r.status().as_u16() == 429),
                "the room is full"
            ),
            _ => kept.push(outcome?.0),
        }
    }
    Ok(())
}

/// The attack: one participant per socket, many sockets from one address, each sending
/// commands. They count against the address's write limit as form posts do.
#[tokio::test]
async fn live_commands_count_against_the_address_limit_whatever_the_participant()
-> anyhow::Result<()> {
    let (app, room, _) = open_room_with(&[("AGORA_WRITE_LIMIT_ADDRESS", "3/600")]).await?;
    let mut outcomes = Vec::new();
    for n in 1..=4u8 {
        let mut client =
            Client::connect(&app, room, Some(&app.participant_cookie(n)), None).await?;
        client.until("snapshot").await?;
        client
            .send(json!({"type": "ask", "ref": "q", "body": format!("Question numéro {n} ?")}))
            .await?;
        loop {
            let answer = client.next().await?;
            if answer["type"] == "ack" || answer["type"] == "error" {
                outcomes.push(answer["code"].as_str().unwrap_or("ack").to_owned());
                break;
            }
        }
    }
    assert_eq!(outcomes, ["ack", "ack", "ack", "rate-limited"]);
    Ok(())
}

/// While another writer holds SQLite's one write lock (a burst of ballots, a mix), a crowd
/// joining the room still gets its snapshot at once, and a command to a closed room is
/// refused at once: neither takes the write lock.
#[tokio::test]
async fn joining_and_refused_commands_never_wait_for_the_write_lock() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let (room, _) = open_room(&app).await?;
    if app.sqlite_file().is_none() {
        return Ok(()); // PostgreSQL has no single write lock to wait for.
    }
    let other = agora_app::store::connect(&format!(
        "sqlite://{}?mode=rwc",
        app.sqlite_file()
            .map(|p| p.display().to_string())
            .unwrap_or_default()
    ))
    .await?;
    let writer = agora_app::store::begin_write(&other).await?;
    let started = std::time::Instant::now();
    let mut client = Client::connect(&app, room, None, None).await?;
    client.until("snapshot").await?;
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    writer.rollback().await?;

    // The room closed, the lock taken again: the refusal needs no lock.
    agora_app::services::room::change_live_state(
        &app.db,
        app.demo_council_id().await?,
        room,
        LiveState::Closed,
        None,
    )
    .await?;
    let writer = agora_app::store::begin_write(&other).await?;
    let started = std::time::Instant::now();
    client
        .send(json!({"type": "ask", "ref": "late", "body": "Encore une question ?"}))
        .await?;
    let refused = client.until("error").await?;
    assert_eq!(refused["ref"], "late");
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    writer.rollback().await?;
    Ok(())
}

/// A college the council renamed is named in its words wherever a question shows who asked
/// (console, projector), and by its easy-read name in easy-read mode.
#[tokio::test]
async fn a_renamed_college_is_named_as_the_council_wrote_it_on_the_console_and_projector()
-> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let (room, staff) = open_room(&app).await?;
    let slug = demo::slug();
    let council = CouncilSlug::parse(slug)?;
    let (_, coordinator) = app
        .staff_member(&council, Role::Coordinator, "Anne Martin")
        .await?;
    app.post_form(
        "/api/change_college",
        Some(&coordinator),
        &[
            ("slug", slug),
            ("college", "aidants"),
            ("action", "save"),
            ("label", "Proches de personnes concernées"),
            ("label_easy", "Les familles"),
        ],
    )
    .await?;
    let room_id = room.to_string();
    app.post_form(
        "/api/ask_question",
        None,
        &[
            ("slug", slug),
            ("assembly", &room_id),
            ("body", "Où trouver un groupe de parole ?"),
            ("first_name", ""),
            ("college", "aidants"),
        ],
    )
    .await?;
    let id = question::Entity::find()
        .one(&app.db)
        .await?
        .map(|q| q.id.to_string())
        .ok_or_else(|| anyhow::anyhow!("the question"))?;
    let console = format!("/{slug}/assemblees/{room}/animation");
    let (_, queue) = app.get_with_cookie(&console, Some(&staff)).await?;
    assert!(queue.contains("Proches de personnes concernées"), "{queue}");
    for action in ["approve", "highlight"] {
        app.post_form(
            "/api/console_action",
            Some(&staff),
            &[
                ("slug", slug),
                ("assembly", &room_id),
                ("action", action),
                ("question", &id),
            ],
        )
        .await?;
    }
    let projector = format!("/{slug}/assemblees/{room}/projection");
    let (_, plain) = app.get(&projector).await?;
    assert!(
        plain.contains("Où trouver un groupe de parole ?"),
        "{plain}"
    );
    assert!(plain.contains("Proches de personnes concernées"), "{plain}");
    let (_, easy) = app
        .get_with_cookie(&projector, Some("agora_prefs=lang=fr&easy=1"))
        .await?;
    assert!(easy.contains("Les familles"), "{easy}");
    Ok(())
}
