//! Written answers to floor questions and what stays of the questions after the session:
//! an answer reaches every screen of the room, stays on the assembly's page and in its
//! CSV and JSON files, and never carries who asked; refusals store nothing.

use super::live::{Client, open_room, stored_events};
use agora_app::domain::{CouncilSlug, Role};
use agora_app::store::entities::{assembly, question};
use agora_server::demo;
use agora_tests::{TestApp, unescape};
use sea_orm::{EntityTrait, PaginatorTrait, QueryOrder};
use serde_json::{Value, json};

const ASKED: &str = "Où trouver de l'aide la nuit, près de Lunel ?";
const ANSWER: &str =
    "Le 3114 répond jour et nuit.\nLe CMP de Lunel reçoit sans rendez-vous le mardi.";
const EASY: &str = "Appelez le 3114, jour et nuit.";
const ASKER: &str = "Zébulon";

/// A question asked with a first name and a college, approved by the facilitator.
async fn approved_question(
    participant: &mut Client,
    facilitator: &mut Client,
) -> anyhow::Result<i64> {
    participant
        .send(json!({"type": "ask", "ref": "a", "body": ASKED,
            "first_name": ASKER, "college": "usagers"}))
        .await?;
    let id = participant.until("ack").await?["question"]
        .as_i64()
        .ok_or_else(|| anyhow::anyhow!("no question number"))?;
    facilitator
        .send(json!({"type": "approve", "ref": "ok", "question": id, "body": null}))
        .await?;
    facilitator.until("ack").await?;
    Ok(id)
}

/// The demo's room open, a participant and a facilitator following it, and a question the
/// participant asked (with a first name) that the facilitator approved.
struct Room {
    room: i64,
    staff: String,
    participant: Client,
    facilitator: Client,
    question: i64,
}

async fn room_with_question(app: &TestApp) -> anyhow::Result<Room> {
    let (room, staff) = open_room(app).await?;
    let mut participant =
        Client::connect(app, room, Some(&app.participant_cookie(1)), None).await?;
    participant.until("snapshot").await?;
    let mut facilitator = Client::connect(app, room, Some(&staff), None).await?;
    facilitator.until("snapshot").await?;
    let question = approved_question(&mut participant, &mut facilitator).await?;
    Ok(Room {
        room,
        staff,
        participant,
        facilitator,
        question,
    })
}

async fn stored_answer(
    app: &TestApp,
    id: i64,
) -> anyhow::Result<(Option<String>, Option<String>, bool)> {
    let q = question::Entity::find_by_id(id)
        .one(&app.db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("question {id}"))?;
    Ok((q.answer, q.answer_easy, q.answered))
}

#[tokio::test]
async fn a_written_answer_reaches_every_screen_and_stays_after_the_session_without_the_askers_name()
-> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let Room {
        room,
        staff,
        mut participant,
        mut facilitator,
        question: id,
    } = room_with_question(&app).await?;

    facilitator
        .send(json!({"type": "answer", "ref": "w", "question": id,
            "answer": format!("  {ANSWER}  "), "easy": EASY}))
        .await?;
    let ack = facilitator.until("ack").await?;
    assert_eq!(
        (ack["ref"].as_str(), ack["question"].as_i64()),
        (Some("w"), Some(id))
    );
    let heard = participant.until("answer-written").await?;
    assert_eq!(heard["event"]["question"], id);
    assert_eq!(heard["event"]["answer"], ANSWER, "tidied, line break kept");
    assert_eq!(heard["event"]["answer_easy"], EASY);
    assert_eq!(
        heard["event"]["answered"], true,
        "a written answer marks it answered"
    );
    assert_eq!(
        stored_answer(&app, id).await?,
        (Some(ANSWER.to_owned()), Some(EASY.to_owned()), true)
    );
    // A client arriving now gets it in the snapshot.
    let mut late = Client::connect(&app, room, None, None).await?;
    let snapshot = late.until("snapshot").await?;
    let listed = snapshot["room"]["questions"]
        .as_array()
        .and_then(|qs| qs.iter().find(|q| q["id"] == id).cloned())
        .unwrap_or(Value::Null);
    assert_eq!(
        (listed["answer"].as_str(), listed["answer_easy"].as_str()),
        (Some(ANSWER), Some(EASY))
    );

    // The live page and the projector (the question on screen) show it, easy-read its
    // easy-read version.
    facilitator
        .send(json!({"type": "highlight", "question": id}))
        .await?;
    facilitator.until("ack").await?;
    let easy_cookie = "agora_prefs=lang=fr&easy=1";
    for page in [
        format!("/{slug}/assemblees/{room}/direct"),
        format!("/{slug}/assemblees/{room}/projection"),
    ] {
        let (status, html) = app.get(&page).await?;
        assert_eq!(status, 200);
        let html = unescape(&html);
        assert!(
            html.contains("Le CMP de Lunel reçoit sans rendez-vous le mardi."),
            "{page}"
        );
        assert!(html.contains("Réponse de l'équipe :"), "{page}");
        let (_, easy) = app.get_with_cookie(&page, Some(easy_cookie)).await?;
        assert!(unescape(&easy).contains(EASY), "{page} in easy-read");
    }

    // After the session: the assembly's page and its files keep the question and the
    // answer, and never the asker's first name.
    let (_, page) = app.get(&format!("/{slug}/assemblees/{room}")).await?;
    let page = unescape(&page);
    assert!(page.contains("Les questions de la salle"), "{page}");
    assert!(page.contains(ASKED) && page.contains("Le 3114 répond jour et nuit."));
    assert!(
        page.contains("Usagers de la psychiatrie — "),
        "the college named"
    );
    assert!(!page.contains(ASKER), "no first name on the page");

    let query = format!("slug={slug}&id={room}");
    let csv = app
        .client
        .get(app.url(&format!("/api/assembly_questions_csv?{query}")))
        .send()
        .await?;
    assert_eq!(csv.status().as_u16(), 200);
    assert_eq!(
        agora_tests::header(&csv, "content-type"),
        "text/csv; charset=utf-8"
    );
    assert!(agora_tests::header(&csv, "content-disposition").starts_with("attachment"));
    let csv = csv.text().await?;
    let rows: Vec<csv::StringRecord> = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(csv.trim_start_matches('\u{feff}').as_bytes())
        .records()
        .collect::<Result<_, _>>()?;
    assert_eq!(rows.len(), 1, "{csv}");
    assert_eq!(rows[0].get(2), Some(ASKED));
    assert_eq!(rows[0].get(5), Some("oui"));
    assert_eq!(rows[0].get(6), Some(ANSWER));
    assert_eq!(rows[0].get(7), Some(EASY));
    assert!(!csv.contains(ASKER), "no first name in the CSV");

    let json = app
        .client
        .get(app.url(&format!("/api/assembly_questions_json?{query}")))
        .send()
        .await?
        .text()
        .await?;
    assert!(!json.contains(ASKER), "no first name in the JSON");
    let record: Value = serde_json::from_str(&json)?;
    assert_eq!(record["assembly"], room);
    assert_eq!(record["questions"][0]["question"], ASKED);
    assert_eq!(record["questions"][0]["answer"], ANSWER);
    assert_eq!(record["questions"][0]["college"], "usagers");
    assert!(record["questions"][0].get("first_name").is_none());

    // Without JavaScript the console's form changes it, and a blank answer takes it away
    // (the question stays answered: it may have been answered aloud).
    let form = |answer: &'static str| {
        let room = room.to_string();
        let id = id.to_string();
        let app = &app;
        let staff = staff.clone();
        async move {
            app.post_form(
                "/api/console_action",
                Some(&staff),
                &[
                    ("slug", slug),
                    ("assembly", &room),
                    ("action", "answer"),
                    ("question", &id),
                    ("answer", answer),
                    ("answer_easy", ""),
                ],
            )
            .await
        }
    };
    assert_eq!(form("Oui, le samedi aussi.").await?.status().as_u16(), 302);
    assert_eq!(
        stored_answer(&app, id).await?,
        (Some("Oui, le samedi aussi.".to_owned()), None, true)
    );
    assert_eq!(
        participant.until("answer-written").await?["event"]["answer"],
        "Oui, le samedi aussi."
    );
    assert_eq!(form("   ").await?.status().as_u16(), 302);
    assert_eq!(stored_answer(&app, id).await?, (None, None, true));
    let removed = participant.until("answer-written").await?;
    assert_eq!(removed["event"]["answer"], Value::Null);
    Ok(())
}

#[tokio::test]
async fn written_answers_are_refused_to_participants_and_for_bad_text_and_store_nothing()
-> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let Room {
        room,
        staff,
        mut participant,
        mut facilitator,
        question: id,
    } = room_with_question(&app).await?;
    participant
        .send(json!({"type": "ask", "ref": "b", "body": "Une question encore en attente ?"}))
        .await?;
    let waiting = participant.until("ack").await?["question"]
        .as_i64()
        .unwrap_or_default();
    let before = stored_events(&app).await?;

    participant
        .send(json!({"type": "answer", "question": id, "answer": "Moi je sais.", "easy": null}))
        .await?;
    let refused = participant.until("error").await?;
    assert_eq!(refused["code"], "forbidden");
    for (command, code, message) in [
        (
            json!({"type": "answer", "question": waiting, "answer": "Pas encore.", "easy": null}),
            "invalid",
            "Cette question n'est pas encore validée.",
        ),
        (
            json!({"type": "answer", "question": id, "answer": "é".repeat(1001), "easy": null}),
            "invalid",
            "La réponse est trop longue : 1 000 caractères au plus.",
        ),
        (
            json!({"type": "answer", "question": id, "answer": "Oui.", "easy": "é".repeat(501)}),
            "invalid",
            "La version facile à lire est trop longue : 500 caractères au plus.",
        ),
        (
            json!({"type": "answer", "question": id, "answer": " ", "easy": "Oui."}),
            "invalid",
            "Écrivez la réponse avant sa version facile à lire.",
        ),
        (
            json!({"type": "answer", "question": 999_999, "answer": "Oui.", "easy": null}),
            "not-found",
            "Ce que vous cherchez n'existe pas ou plus.",
        ),
    ] {
        facilitator.send(command.clone()).await?;
        let refused = facilitator.until("error").await?;
        assert_eq!(
            (refused["code"].as_str(), refused["message"].as_str()),
            (Some(code), Some(message)),
            "{command}"
        );
    }
    assert_eq!(stored_events(&app).await?, before, "no event stored");
    assert_eq!(stored_answer(&app, id).await?, (None, None, false));
    assert_eq!(stored_answer(&app, waiting).await?, (None, None, false));

    // By form: outsiders are refused; a refused answer comes back beside its field with
    // what was typed, and nothing is stored.
    let council = CouncilSlug::parse(slug)?;
    let observer = app
        .staff_member(&council, Role::Observer, "Olivier Lit")
        .await?
        .1;
    let too_long = "é".repeat(1001);
    let fields = [
        ("slug", slug),
        ("assembly", &room.to_string()),
        ("action", "answer"),
        ("question", &id.to_string()),
        ("answer", too_long.as_str()),
    ]
    .map(|(k, v)| (k, v.to_owned()));
    let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    for (who, cookie, expected) in [
        ("anonymous", None, 401),
        ("observer", Some(observer.as_str()), 403),
    ] {
        let response = app
            .post_form("/api/console_action", cookie, &borrowed)
            .await?;
        assert_eq!(response.status().as_u16(), expected, "{who}");
    }
    let refused = app
        .post_form("/api/console_action", Some(&staff), &borrowed)
        .await?;
    assert_eq!(refused.status().as_u16(), 302);
    let (back, html) = app.follow(refused, &staff).await?;
    assert_eq!(back, format!("/{slug}/assemblees/{room}/animation"));
    let html = unescape(&html);
    assert!(
        html.contains("La réponse est trop longue : 1 000 caractères au plus."),
        "{html}"
    );
    assert!(html.contains(&too_long), "what was typed is given back");
    assert!(
        html.contains(&format!(r#"id="answer-{id}""#)) && html.contains(r#"aria-invalid="true""#)
    );
    assert_eq!(stored_events(&app).await?, before);
    assert_eq!(stored_answer(&app, id).await?, (None, None, false));
    Ok(())
}

#[tokio::test]
async fn the_questions_files_of_a_draft_or_unknown_assembly_are_not_found() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let council = CouncilSlug::parse(slug)?;
    let (_, coordinator) = app
        .staff_member(&council, Role::Coordinator, "Anne Martin")
        .await?;
    let created = app
        .post_form(
            "/api/create_assembly",
            Some(&coordinator),
            &[
                ("slug", slug),
                ("title", "Plénière d'automne"),
                ("starts_at", "2027-10-12T18:30"),
                ("place", "Médiathèque"),
                ("accessibility", ""),
            ],
        )
        .await?;
    assert_eq!(created.status().as_u16(), 302);
    let draft = assembly::Entity::find()
        .order_by_desc(assembly::Column::Id)
        .one(&app.db)
        .await?
        .map(|a| a.id)
        .unwrap_or_default();
    assert!(assembly::Entity::find().count(&app.db).await? >= 2);
    for id in [draft.to_string(), "999999".to_owned(), "abc".to_owned()] {
        for file in ["csv", "json"] {
            let response = app
                .client
                .get(app.url(&format!(
                    "/api/assembly_questions_{file}?slug={slug}&id={id}"
                )))
                .header("cookie", coordinator.as_str())
                .send()
                .await?;
            assert_eq!(response.status().as_u16(), 404, "{file} of {id}");
        }
    }
    Ok(())
}

#[tokio::test]
async fn a_version_1_client_is_told_in_words_to_reload() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let (room, _) = open_room(&app).await?;
    let mut old = Client::connect_raw(&app, room).await?;
    old.send(json!({"type": "hello", "v": 1, "since": null}))
        .await?;
    let refused = old.next().await?;
    assert_eq!(refused["type"], "error");
    assert_eq!(refused["code"], "version");
    assert_eq!(
        refused["message"],
        "Cette page date d'une version précédente d'Agora : rechargez-la pour suivre la salle."
    );
    Ok(())
}
