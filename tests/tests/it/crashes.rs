//! The server killed (`kill -9`) in the middle of a burst of ballots, then of survey
//! responses: started again on the same database, it holds every ballot and response it
//! acknowledged, none twice, and everyone who tries again gets a clear answer. An instance
//! killed during a live session, and the database dropping every connection: participants
//! reconnect and miss nothing.
//!
//! The server runs in its own process (a benchmark's `serve-agora`, the code `agora serve`
//! runs) so that it can be killed without a chance to finish anything.

use super::live::Client;
use agora_app::domain::survey::{QuestionDraft, QuestionKind, SurveyState};
use agora_app::domain::{ParticipantId, Wording};
use agora_app::store::entities::{
    ballot, ballot_waiting, room_event, survey_code, survey_response, survey_waiting,
    vote_participation,
};
use agora_app::store::surveys::{self, NewSurvey};
use agora_server::config::Config;
use agora_tests::bench::{Server, free_port, spawn_program, wait_listening};
use agora_tests::{fresh_database_url, location};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set,
};
use serde_json::{Value, json};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// Voters, and respondents, in each burst: enough that the kill lands mid-burst with
/// answers still in flight, few enough for a debug build on two cores.
const CROWD: usize = 240;

/// A database with the demo council, its seal key, and what a server on it needs.
struct Site {
    url: String,
    key_file: std::path::PathBuf,
    slug: String,
    council_id: i64,
    db: sea_orm::DatabaseConnection,
    /// Signs participant cookies as the server does (the same seal key).
    guard: agora_server::protection::WriteGuard,
    key: agora_app::store::seal::SealKey,
    _dir: tempfile::TempDir,
}

impl Site {
    async fn new() -> anyhow::Result<Self> {
        let dir = tempfile::tempdir()?;
        let url = fresh_database_url(&dir).await?;
        let key_file = dir.path().join("seal.key");
        let db = agora_server::prepare_database(&url).await?;
        let config = Config::from_lookup(|name| match name {
            "DATABASE_URL" => Some(url.clone()),
            "AGORA_SEAL_KEY_FILE" => Some(key_file.display().to_string()),
            _ => None,
        })?;
        let key = agora_server::open_seal_key(&config, &db).await?;
        agora_server::demo::seed(&db, &key).await?;
        let council = agora_app::store::entities::council::Entity::find()
            .one(&db)
            .await?
            .ok_or_else(|| anyhow::anyhow!("the demo council"))?;
        let guard =
            agora_server::protection::WriteGuard::new(&config.limits, &config.public_url, &key);
        Ok(Self {
            url,
            key_file,
            slug: council.slug,
            council_id: council.id,
            db,
            guard,
            key,
            _dir: dir,
        })
    }

    /// `agora serve` on this database, in a process of its own.
    async fn start(&self) -> anyhow::Result<Server> {
        let port = free_port()?;
        let child = spawn_program(
            std::path::Path::new(env!("CARGO_BIN_EXE_vote-bench")),
            &["serve-agora"],
            &[
                ("DATABASE_URL", self.url.clone()),
                ("AGORA_ADDRESS", format!("127.0.0.1:{port}")),
                ("AGORA_SEAL_KEY_FILE", self.key_file.display().to_string()),
                // The whole crowd comes from 127.0.0.1.
                ("AGORA_WRITE_LIMIT_ADDRESS", "1000000/1".into()),
                ("AGORA_NEW_PARTICIPANTS_ADDRESS", "1000000/1".into()),
            ],
        )?;
        let server = Server { child, port };
        wait_listening(port).await?;
        Ok(server)
    }

    fn participant(&self, n: usize) -> String {
        let mut bytes = [0u8; 16];
        bytes[..8].copy_from_slice(&(n as u64).to_le_bytes());
        bytes[15] = 0xc5;
        format!(
            "agora_participant={}",
            self.guard
                .participant_cookie(&ParticipantId::from_random(bytes))
        )
    }
}

/// What one form post got back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Answer {
    /// The confirmation (`saved-…` in the flash cookie).
    Saved,
    /// Refused with the expected "already" message.
    Already,
    /// Any other answer: a refusal that is not the expected one.
    Other(u16),
    /// No answer: the connection broke (the server was killed).
    Lost,
}

/// What a plain form post's answer says: its flash cookie names the confirmation, or the
/// refusal, read as the page it leads to reads it.
fn answer_of(response: &reqwest::Response, already: &str) -> Answer {
    let status = response.status().as_u16();
    let flash = agora_tests::form_answer(response);
    match (flash.notice, flash.refused) {
        (Some(_), _) if status == 302 => Answer::Saved,
        (_, Some(echo)) if echo.message == already && !location(response).is_empty() => {
            Answer::Already
        }
        _ => Answer::Other(status),
    }
}

/// Posts every form of `crowd` at once (spread over one second) to a server that is
/// killed once a third have been acknowledged; returns each one's answer.
async fn burst_killed_midway(
    server: &mut Server,
    path: &str,
    crowd: Vec<(String, Vec<(String, String)>)>,
    already: &'static str,
) -> anyhow::Result<Vec<Answer>> {
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(60))
        .build()?;
    let saved = Arc::new(AtomicUsize::new(0));
    let answered = Arc::new(AtomicUsize::new(0));
    let url = format!("http://127.0.0.1:{}{path}", server.port);
    let count = crowd.len();
    let mut tasks = Vec::with_capacity(count);
    for (i, (cookie, fields)) in crowd.into_iter().enumerate() {
        let (client, url) = (client.clone(), url.clone());
        let (saved, answered) = (saved.clone(), answered.clone());
        tasks.push(tokio::spawn(async move {
            tokio::time::sleep(Duration::from_micros(1_000_000 * i as u64 / count as u64)).await;
            let sent = client
                .post(url)
                .header("accept", "text/html")
                .header("cookie", cookie)
                .form(&fields)
                .send()
                .await;
            let answer = match sent {
                Ok(response) => answer_of(&response, already),
                Err(_) => Answer::Lost,
            };
            if answer == Answer::Saved {
                saved.fetch_add(1, Ordering::SeqCst);
            }
            answered.fetch_add(1, Ordering::SeqCst);
            answer
        }));
    }
    // The kill: SIGKILL, no shutdown, whatever is in flight.
    // (Or once every post has its answer, if too few were saved: the test then says so.)
    while saved.load(Ordering::SeqCst) < count / 3 && answered.load(Ordering::SeqCst) < count {
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    server.child.kill()?;
    server.child.wait()?;
    let mut answers = Vec::with_capacity(count);
    for task in tasks {
        answers.push(task.await?);
    }
    Ok(answers)
}

/// Everyone tries again on the restarted server: who was told "saved" must now be told
/// "already"; who got no answer is either saved now or told "already".
async fn everyone_tries_again(
    server: &Server,
    path: &str,
    crowd: &[(String, Vec<(String, String)>)],
    before: &[Answer],
    already: &'static str,
) -> anyhow::Result<usize> {
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()?;
    let mut saved_late = 0;
    for (n, ((cookie, fields), first)) in crowd.iter().zip(before).enumerate() {
        let response = client
            .post(format!("http://127.0.0.1:{}{path}", server.port))
            .header("accept", "text/html")
            .header("cookie", cookie)
            .form(fields)
            .send()
            .await?;
        let again = answer_of(&response, already);
        match (first, again) {
            (Answer::Saved, Answer::Already) => {}
            (Answer::Lost | Answer::Other(_), Answer::Already) => {}
            (Answer::Lost | Answer::Other(_), Answer::Saved) => saved_late += 1,
            (first, again) => {
                anyhow::bail!("person {n}: first {first:?}, then {again:?} on trying again")
            }
        }
    }
    Ok(saved_late)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_killed_mid_vote_keeps_every_acknowledged_ballot_once() -> anyhow::Result<()> {
    let site = Site::new().await?;
    let vote = agora_tests::bench::open_approval_vote(&site.db, site.council_id).await?;
    let crowd: Vec<(String, Vec<(String, String)>)> = (0..CROWD)
        .map(|n| {
            let fields = vec![
                ("slug".to_owned(), site.slug.clone()),
                ("vote".to_owned(), vote.to_string()),
                ("college".to_owned(), "habitants".to_owned()),
                (format!("approved[{}]", n % 10), "on".to_owned()),
            ];
            (site.participant(n), fields)
        })
        .collect();
    let mut server = site.start().await?;
    let first = burst_killed_midway(&mut server, "/api/cast_ballot", crowd.clone(), "").await?;
    let saved = first.iter().filter(|a| **a == Answer::Saved).count();
    let lost = first.iter().filter(|a| **a == Answer::Lost).count();
    assert!(saved >= CROWD / 3, "{first:?}");
    assert!(lost > 0, "the kill landed after the burst: {first:?}");

    let server = site.start().await?;
    println!("ballots: {saved} saved, {lost} without an answer when the server was killed");
    let saved_late = everyone_tries_again(
        &server,
        "/api/cast_ballot",
        &crowd,
        &first,
        "error-ballot-already",
    )
    .await?;
    // Every voter now has exactly one ballot: the box holds the crowd, no more.
    let in_box = ballot::Entity::find()
        .filter(ballot::Column::VoteId.eq(vote))
        .count(&site.db)
        .await?;
    let waiting = ballot_waiting::Entity::find()
        .filter(ballot_waiting::Column::VoteId.eq(vote))
        .count(&site.db)
        .await?;
    let voters = vote_participation::Entity::find()
        .filter(vote_participation::Column::VoteId.eq(vote))
        .count(&site.db)
        .await?;
    assert_eq!(
        (in_box + waiting, voters),
        (CROWD as u64, CROWD as u64),
        "saved before the kill {saved}, no answer {lost}, saved on trying again {saved_late}"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_killed_mid_survey_keeps_every_acknowledged_response_once() -> anyhow::Result<()> {
    let site = Site::new().await?;
    let wording = |text: &str| Wording {
        plain: text.to_owned(),
        easy: text.to_owned(),
    };
    let survey = surveys::create_survey(
        &site.db,
        &NewSurvey {
            council_id: site.council_id,
            title: wording("Votre avis sur la soirée"),
            intro: wording(""),
            one_per_person: true,
            sections: vec![(
                wording("Partie"),
                vec![QuestionDraft {
                    kind: QuestionKind::Single,
                    prompt: wording("La soirée vous a-t-elle servi ?"),
                    required: true,
                    profile: None,
                    options: vec![wording("Oui"), wording("Non")],
                }],
            )],
            by: None,
        },
    )
    .await?;
    let codes = surveys::issue_survey_codes(&site.db, site.council_id, survey, CROWD, None).await?;
    surveys::set_survey_state(
        &site.db,
        &site.key,
        site.council_id,
        survey,
        SurveyState::Open,
        None,
    )
    .await?;
    let view = surveys::survey_view(&site.db, site.council_id, survey)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the survey"))?;
    let question = view
        .questions()
        .next()
        .ok_or_else(|| anyhow::anyhow!("its question"))?
        .clone();
    let crowd: Vec<(String, Vec<(String, String)>)> = codes
        .iter()
        .enumerate()
        .map(|(n, code)| {
            let fields = vec![
                ("slug".to_owned(), site.slug.clone()),
                ("survey".to_owned(), survey.to_string()),
                ("code".to_owned(), code.clone()),
                (
                    format!("q[q{}]", question.id),
                    question.options[n % 2].0.to_string(),
                ),
            ];
            (site.participant(10_000 + n), fields)
        })
        .collect();
    let mut server = site.start().await?;
    let first = burst_killed_midway(&mut server, "/api/submit_survey", crowd.clone(), "").await?;
    let saved = first.iter().filter(|a| **a == Answer::Saved).count();
    assert!(saved >= CROWD / 3, "{first:?}");
    assert!(
        first.contains(&Answer::Lost),
        "the kill landed after the burst"
    );

    let server = site.start().await?;
    println!(
        "responses: {saved} saved, {} without an answer when the server was killed",
        first.iter().filter(|a| **a == Answer::Lost).count()
    );
    // A used code is refused with the same words as a mistyped one (so that a found code
    // card says nothing of its owner): that is the "already" of a survey.
    let saved_late = everyone_tries_again(
        &server,
        "/api/submit_survey",
        &crowd,
        &first,
        "error-survey-code-not-valid",
    )
    .await?;
    let responses = survey_response::Entity::find()
        .filter(survey_response::Column::SurveyId.eq(survey))
        .count(&site.db)
        .await?
        + survey_waiting::Entity::find()
            .filter(survey_waiting::Column::SurveyId.eq(survey))
            .count(&site.db)
            .await?;
    let used = survey_code::Entity::find()
        .filter(survey_code::Column::SurveyId.eq(survey))
        .filter(survey_code::Column::Used.eq(true))
        .count(&site.db)
        .await?;
    assert_eq!(
        (responses, used),
        (CROWD as u64, CROWD as u64),
        "saved before the kill {saved}, saved on trying again {saved_late}"
    );
    Ok(())
}

/// The demo assembly's live part opened, with a facilitator's session cookie.
async fn open_live_room(site: &Site) -> anyhow::Result<(i64, String)> {
    let room = agora_app::store::entities::assembly::Entity::find()
        .one(&site.db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the demo assembly"))?;
    let slug = agora_app::domain::CouncilSlug::parse(&site.slug)?;
    let (facilitator, cookie) = agora_tests::staff_member(
        &site.db,
        &slug,
        agora_app::domain::Role::Facilitator,
        "Fanny Anime",
    )
    .await?;
    agora_app::services::room::change_live_state(
        &site.db,
        site.council_id,
        room.id,
        agora_app::domain::LiveState::Open,
        Some(facilitator),
    )
    .await?;
    Ok((room.id, cookie))
}

/// The facilitator switches pre-moderation `times` times, from `on`; each switch is an
/// event of the room. Returns the sequence number of the last one.
async fn switch(facilitator: &mut Client, times: usize, mut on: bool) -> anyhow::Result<i64> {
    let mut last = 0;
    for _ in 0..times {
        facilitator
            .send(json!({"type": "premoderation", "on": on}))
            .await?;
        facilitator.until("ack").await?;
        on = !on;
        last += 1;
    }
    Ok(last)
}

/// Reads `client` up to sequence `end`: every message an event following the one before
/// by exactly one, never a snapshot (a reconnection with `since` must replay, not skip).
/// Bounded as a whole: pings keep a socket busy, so a missing event would otherwise be
/// waited for without end.
async fn replayed_until(client: &mut Client, since: i64, end: i64) -> anyhow::Result<Vec<Value>> {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    let mut previous = since;
    let mut events = Vec::new();
    while previous < end {
        let message = tokio::time::timeout_at(deadline, client.next())
            .await
            .map_err(|_| anyhow::anyhow!("event {} never came", previous + 1))??;
        anyhow::ensure!(
            message["type"] == "event" && message["seq"] == previous + 1,
            "after {previous}, expected the next event, got {message}"
        );
        previous += 1;
        events.push(message["event"].clone());
    }
    Ok(events)
}

/// One of two instances killed in the middle of a session (PostgreSQL; on SQLite, the one
/// instance killed and started again): its participants reconnect to the instance still up,
/// each with the last sequence number it saw, and get every event they missed, in order.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_clients_of_a_killed_instance_reconnect_to_another_and_miss_nothing()
-> anyhow::Result<()> {
    const CLIENTS: usize = 20;
    let site = Site::new().await?;
    let postgres = site.url.starts_with("postgres");
    let (room, staff) = open_live_room(&site).await?;
    let path = format!("/live/{room}");
    let mut doomed = site.start().await?;
    let doomed_host = format!("127.0.0.1:{}", doomed.port);
    let mut clients = Vec::with_capacity(CLIENTS);
    for _ in 0..CLIENTS {
        let mut client = Client::connect_at(&doomed_host, &path, None, None).await?;
        client.until("snapshot").await?;
        clients.push(client);
    }
    // The facilitator runs the room from the other instance (PostgreSQL) or from this one.
    let other = if postgres {
        Some(site.start().await?)
    } else {
        None
    };
    let facilitator_host = match &other {
        Some(other) => format!("127.0.0.1:{}", other.port),
        None => doomed_host.clone(),
    };
    let mut facilitator = Client::connect_at(&facilitator_host, &path, Some(&staff), None).await?;
    let start = facilitator.until("snapshot").await?["seq"]
        .as_i64()
        .unwrap_or_default();
    let before = start + switch(&mut facilitator, 3, false).await?;
    for client in &mut clients {
        replayed_until(client, start, before).await?;
    }

    // Killed. The room goes on elsewhere (or after a restart) with five more events.
    doomed.child.kill()?;
    doomed.child.wait()?;
    let (survivor, mut facilitator) = match other {
        Some(other) => (other, facilitator),
        None => {
            let restarted = site.start().await?;
            let host = format!("127.0.0.1:{}", restarted.port);
            let mut facilitator = Client::connect_at(&host, &path, Some(&staff), None).await?;
            facilitator.until("snapshot").await?;
            (restarted, facilitator)
        }
    };
    let end = before + switch(&mut facilitator, 5, true).await?;

    // Each participant comes back on the survivor from where it stood.
    let survivor_host = format!("127.0.0.1:{}", survivor.port);
    let expected: Vec<Value> = [true, false, true, false, true]
        .iter()
        .map(|on| json!({"kind": "premoderation-changed", "on": on}))
        .collect();
    for _ in 0..CLIENTS {
        let mut back = Client::connect_at(&survivor_host, &path, None, Some(before)).await?;
        assert_eq!(replayed_until(&mut back, before, end).await?, expected);
    }
    Ok(())
}

/// The database connection lost under a running session, as a PostgreSQL restart drops
/// every connection (here: every session of the test's database ended by the server): the
/// next commands succeed once the pool reconnects, and the relay, listening again, catches
/// up, so that a client of the other instance sees every event numbered without a gap.
/// (Restarting the server itself would also end the other tests' databases running beside.)
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_the_database_drops_every_connection_the_relay_catches_up_without_a_gap()
-> anyhow::Result<()> {
    let first = agora_tests::TestApp::with_demo().await?;
    if first.db.get_database_backend() != sea_orm::DbBackend::Postgres {
        // One SQLite file has no server to restart and no relay: the restart of the one
        // instance is the test above.
        return Ok(());
    }
    let (room, staff) = super::live::open_room(&first).await?;
    let second = agora_tests::TestApp::on_database(&first).await?;
    let mut facilitator = Client::connect(&first, room, Some(&staff), None).await?;
    let mut watcher = Client::connect(&second, room, None, None).await?;
    let start = watcher.until("snapshot").await?["seq"]
        .as_i64()
        .unwrap_or_default();
    facilitator.until("snapshot").await?;

    let ended = first
        .db
        .query_all_raw(sea_orm::Statement::from_string(
            sea_orm::DbBackend::Postgres,
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
             WHERE datname = current_database() AND pid <> pg_backend_pid()",
        ))
        .await?;
    assert!(
        ended.len() >= 2,
        "both relays' and the pools' sessions ended"
    );

    // The room goes on through the first instance: a command may be refused while its pool
    // finds its feet; it is sent again.
    let mut on = false;
    let mut stored = 0;
    for _ in 0..40 {
        if stored == 3 {
            break;
        }
        facilitator
            .send(json!({"type": "premoderation", "on": on}))
            .await?;
        let answer = loop {
            let message = facilitator.next().await?;
            if message["type"] == "ack" || message["type"] == "error" {
                break message;
            }
        };
        if answer["type"] == "ack" {
            stored += 1;
            on = !on;
        } else {
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
    }
    assert_eq!(stored, 3, "the commands never went through again");
    let expected: Vec<Value> = [false, true, false]
        .iter()
        .map(|on| json!({"kind": "premoderation-changed", "on": on}))
        .collect();
    assert_eq!(
        replayed_until(&mut watcher, start, start + 3).await?,
        expected
    );

    // Announcements lost: two events stored while no relay listened (here written without
    // their announcement, as a cut at the moment of the commit loses it), then the
    // listening sessions cut. The relay, listening again, must read what it missed.
    let txn = agora_app::store::begin_write(&first.db).await?;
    let mut silent = Vec::new();
    for on in [true, false] {
        let seq = agora_app::store::room::next_seq(&txn, room).await?;
        let event = json!({"kind": "premoderation-changed", "on": on});
        room_event::ActiveModel {
            assembly_id: Set(room),
            seq: Set(seq),
            public_frame: Set(json!({"type": "event", "seq": seq, "event": event}).to_string()),
            staff_frame: Set(None),
            at: Set(chrono::Utc::now()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        silent.push(event);
    }
    txn.commit().await?;
    first
        .db
        .execute_unprepared(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
             WHERE datname = current_database() AND query LIKE 'LISTEN%'",
        )
        .await?;
    assert_eq!(
        replayed_until(&mut watcher, start + 3, start + 5).await?,
        silent
    );
    Ok(())
}
