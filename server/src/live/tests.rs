//! Conversations with a room played through channels instead of a socket: the same
//! `converse` the websocket runs, on a real (temporary SQLite) database.
use super::*;
use agora_app::domain::LiveState;
use agora_app::store::entities::assembly;
use agora_app::store::seal::{KEY_BYTES, SealKey};
use sea_orm::EntityTrait;
use serde_json::Value;
use tokio::sync::{Semaphore, mpsc};

struct Setup {
    state: AppState,
    assembly: i64,
    _dir: tempfile::TempDir,
}

/// The demo council on a fresh database, its assembly's live part open.
async fn setup() -> anyhow::Result<Setup> {
    setup_with(&[]).await
}

/// The same, the server configured with `settings` (`AGORA_…` names and values).
async fn setup_with(settings: &[(&str, &str)]) -> anyhow::Result<Setup> {
    let dir = tempfile::tempdir()?;
    let url = format!(
        "sqlite://{}?mode=rwc",
        dir.path().join("agora.db").display()
    );
    let db = crate::prepare_database(&url).await?;
    let key = SealKey::from_bytes(&[7; KEY_BYTES]).ok_or_else(|| anyhow::anyhow!("key"))?;
    crate::demo::seed(&db, &key).await?;
    let config = crate::config::Config::from_lookup(|name| {
        settings
            .iter()
            .find(|(setting, _)| *setting == name)
            .map(|(_, value)| (*value).to_owned())
    })?;
    let state = AppState::new(&config, db, key)?;
    let room = assembly::Entity::find()
        .one(&state.db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("demo assembly"))?;
    room::change_live_state(&state.db, room.council_id, room.id, LiveState::Open, None).await?;
    Ok(Setup {
        state,
        assembly: room.id,
        _dir: dir,
    })
}

fn participant(assembly: i64) -> Client {
    let id = ParticipantId::from_random(rand::random());
    Client {
        address: None,
        actor: Actor::Participant {
            voter: stored::voter_key(&id, assembly),
        },
        participant: Some(id),
        staff: false,
        prefs: Preferences::default(),
        session: None,
    }
}

/// The client's end of a conversation: what it says, what it hears, and a gate that
/// lets through only as many frames as it is given permits (a slow client).
struct Peer {
    says: mpsc::UnboundedSender<Result<Message, axum::Error>>,
    hears: mpsc::UnboundedReceiver<Message>,
    gate: Arc<Semaphore>,
    task: tokio::task::JoinHandle<()>,
}

impl Peer {
    fn connect(setup: &Setup, client: Client, permits: usize) -> Self {
        let (says, said) = mpsc::unbounded_channel();
        let (heard, hears) = mpsc::unbounded_channel();
        let gate = Arc::new(Semaphore::new(permits));
        let incoming = futures_util::stream::unfold(said, |mut said| async move {
            said.recv().await.map(|message| (message, said))
        });
        let sink = futures_util::sink::unfold(
            (heard, gate.clone()),
            |(heard, gate), message: Message| async move {
                gate.acquire().await.map_err(|_| "closed")?.forget();
                heard.send(message).map_err(|_| "closed")?;
                Ok::<_, &str>((heard, gate))
            },
        );
        let state = setup.state.clone();
        let assembly = setup.assembly;
        let task = tokio::spawn(async move {
            converse(
                Box::pin(sink),
                Box::pin(incoming),
                &state,
                assembly,
                &client,
            )
            .await;
        });
        Self {
            says,
            hears,
            gate,
            task,
        }
    }

    /// A client that reads all it is sent, past its `hello` and the snapshot it gets.
    async fn joined(setup: &Setup, client: Client) -> anyhow::Result<Self> {
        let mut peer = Self::connect(setup, client, usize::MAX >> 4);
        peer.say(r#"{"type":"hello","v":2}"#)?;
        anyhow::ensure!(peer.hear().await?["type"] == "snapshot");
        Ok(peer)
    }

    fn say(&self, json: &str) -> anyhow::Result<()> {
        self.says
            .send(Ok(Message::Text(Utf8Bytes::from(json.to_owned()))))
            .map_err(|_| anyhow::anyhow!("the conversation has ended"))
    }

    async fn hear(&mut self) -> anyhow::Result<Value> {
        let message = tokio::time::timeout(Duration::from_secs(10), self.hears.recv())
            .await?
            .ok_or_else(|| anyhow::anyhow!("the server closed the conversation"))?;
        match message {
            Message::Text(text) => Ok(serde_json::from_str(text.as_str())?),
            other => anyhow::bail!("not a text frame: {other:?}"),
        }
    }
}

fn rooms_open(state: &AppState) -> usize {
    state
        .live
        .rooms
        .lock()
        .map_or(usize::MAX, |rooms| rooms.len())
}

#[tokio::test]
async fn hello_a_question_a_bad_frame_and_a_close() -> anyhow::Result<()> {
    let setup = setup().await?;
    let mut peer = Peer::connect(&setup, participant(setup.assembly), usize::MAX >> 4);
    peer.say(r#"{"type":"hello","v":2}"#)?;
    let snapshot = peer.hear().await?;
    assert_eq!(snapshot["type"], "snapshot");
    assert_eq!(snapshot["room"]["live"], "open");
    let seq = snapshot["seq"].as_i64().unwrap_or_default();

    peer.say(r#"{"type":"ask","ref":"q1","body":"Où trouver un GEM près de chez moi ?"}"#)?;
    // The answer to the command and the event (through the hub), in either order.
    let (first, second) = (peer.hear().await?, peer.hear().await?);
    let (ack, event) = if first["type"] == "ack" {
        (first, second)
    } else {
        (second, first)
    };
    assert_eq!(ack["ref"], "q1");
    assert!(ack["question"].as_i64().is_some());
    assert_eq!(event["type"], "event");
    assert_eq!(event["seq"], seq + 1);
    // The demo room pre-moderates: participants hear that the queue grew, not the text.
    assert_eq!(event["event"]["kind"], "queue-changed");
    assert_eq!(event["event"]["pending"], 1);
    assert!(!event.to_string().contains("GEM"));

    peer.say("not json")?;
    let refused = peer.hear().await?;
    assert_eq!(refused["type"], "error");
    assert_eq!(refused["code"], "protocol");
    assert!(refused["message"].as_str().is_some_and(|m| !m.is_empty()));

    peer.say(r#"{"type":"pin","ref":"p1","question":1,"pinned":true}"#)?;
    let forbidden = peer.hear().await?;
    assert_eq!(
        (forbidden["ref"].clone(), forbidden["code"].clone()),
        ("p1".into(), "forbidden".into())
    );

    // The client goes away: the conversation ends and the room is let go.
    drop(peer.says);
    tokio::time::timeout(Duration::from_secs(10), peer.task).await??;
    assert_eq!(rooms_open(&setup.state), 0);
    Ok(())
}

#[tokio::test]
async fn a_client_that_does_not_say_hello_is_told_and_let_go() -> anyhow::Result<()> {
    let setup = setup().await?;
    let mut peer = Peer::connect(&setup, participant(setup.assembly), 16);
    peer.say(r#"{"type":"ask","body":"Bonjour ?"}"#)?;
    let refused = peer.hear().await?;
    assert_eq!(refused["code"], "protocol");
    tokio::time::timeout(Duration::from_secs(10), peer.task).await??;
    assert!(peer.hears.recv().await.is_none());
    Ok(())
}

#[tokio::test]
async fn a_slow_client_gets_a_fresh_snapshot_instead_of_a_gap() -> anyhow::Result<()> {
    let setup = setup().await?;
    // The snapshot and one event get through; then the client stops reading.
    let mut slow = Peer::connect(&setup, participant(setup.assembly), 2);
    slow.say(r#"{"type":"hello","v":2}"#)?;
    let first = slow.hear().await?;
    assert_eq!(first["type"], "snapshot");
    let start = first["seq"].as_i64().unwrap_or_default();

    // The facilitator moves on far more often than the room's buffer holds.
    let facilitator = Actor::Staff { account_id: 0 };
    let moves = i64::try_from(ROOM_BUFFER)? + 40;
    for n in 0..moves {
        let command = ClientMessage::Premoderation {
            reference: None,
            on: n % 2 == 0,
        };
        let applied = room::apply(&setup.state.db, setup.assembly, &facilitator, &command)
            .await
            .map_err(|refused| anyhow::anyhow!("{refused}"))?;
        setup.state.live.publish(applied.event).await;
    }
    let one = slow.hear().await?;
    assert_eq!(
        (one["type"].clone(), one["seq"].clone()),
        ("event".into(), (start + 1).into())
    );

    // The client reads again: it is given the room as it now stands, not the events it
    // can no longer have in order.
    slow.gate.add_permits(1000);
    let mut heard = Vec::new();
    loop {
        let message = slow.hear().await?;
        let done = message["type"] == "snapshot";
        heard.push(message);
        if done {
            break;
        }
    }
    let snapshot = heard.last().cloned().unwrap_or_default();
    assert_eq!(snapshot["seq"], start + moves);
    assert_eq!(snapshot["room"]["premoderation"], (moves - 1) % 2 == 0);
    // Whatever came before the snapshot came in order, without a gap.
    let seqs: Vec<i64> = heard[..heard.len() - 1]
        .iter()
        .filter_map(|m| m["seq"].as_i64())
        .collect();
    assert!(
        seqs.iter()
            .zip(start + 2..)
            .all(|(seq, expected)| *seq == expected)
    );
    assert!(seqs.len() < usize::try_from(moves)?);
    Ok(())
}

/// The flood, as a script sends it: commands without pause on one socket. Past its limit
/// the client gets one refusal, then is not read again until the limit lets a command
/// through, so that the frames it piles up meanwhile cost the room nothing; the room's
/// events still reach it while it waits.
#[tokio::test]
async fn a_client_over_its_limit_is_not_read_until_the_limit_allows() -> anyhow::Result<()> {
    // Two commands at once, then one a second.
    let setup = setup_with(&[("AGORA_WRITE_LIMIT_PARTICIPANT", "2/2")]).await?;
    let mut flooder = Peer::joined(&setup, participant(setup.assembly)).await?;
    let other = Peer::joined(&setup, participant(setup.assembly)).await?;

    for n in 1..=6 {
        flooder.say(&format!(
            r#"{{"type":"ask","ref":"f{n}","body":"Question {n} ?"}}"#
        ))?;
    }
    // The answers to f1..f6, each with when it came, and the room's events in between.
    let mut answers = Vec::new();
    let mut events = Vec::new();
    let started = tokio::time::Instant::now();
    while answers.len() < 6 {
        let message = flooder.hear().await?;
        match message["type"].as_str() {
            Some("ack" | "error") => {
                let outcome = message["code"].as_str().unwrap_or("ack").to_owned();
                answers.push((outcome, started.elapsed()));
                // During the first pause, someone else asks: the flooder hears of it.
                if answers.len() == 3 {
                    other.say(r#"{"type":"ask","ref":"o","body":"Et les aidants ?"}"#)?;
                }
            }
            _ => events.push((message, answers.len())),
        }
    }
    let outcomes: Vec<&str> = answers.iter().map(|(o, _)| o.as_str()).collect();
    assert_eq!(
        outcomes,
        ["ack", "ack", "rate-limited", "ack", "rate-limited", "ack"]
    );
    // f4 was read only once the limit had a command for it (a second after f1 and f2),
    // not at once after f3's refusal; likewise f6 after f5's.
    let gap = |later: usize, earlier: usize| answers[later].1 - answers[earlier].1;
    assert!(gap(3, 2) >= Duration::from_millis(800), "{answers:?}");
    assert!(gap(5, 4) >= Duration::from_millis(800), "{answers:?}");
    // Four questions grew the queue (f1, f2, f4, f6), and the other participant's one was
    // heard while the flooder was not being read.
    while events.len() < 5 {
        events.push((flooder.hear().await?, answers.len()));
    }
    assert!(
        events.iter().any(|(_, after)| *after == 3),
        "an event reached the flooder during its pause: {events:?}"
    );
    Ok(())
}

/// Frames that are no command count too: a flood of garbage is paused like a flood of
/// questions, and the refusal keeps the frame's reference when it had one.
#[tokio::test]
async fn frames_that_are_no_command_count_against_the_limit() -> anyhow::Result<()> {
    let setup = setup_with(&[("AGORA_WRITE_LIMIT_PARTICIPANT", "2/2")]).await?;
    let mut flooder = Peer::joined(&setup, participant(setup.assembly)).await?;
    flooder.say("not json")?;
    flooder
        .says
        .send(Ok(Message::Binary(vec![0xff, 0x00].into())))
        .map_err(|_| anyhow::anyhow!("the conversation has ended"))?;
    flooder.say(r#"{"type":"upvote","ref":"s","question":1}"#)?;
    flooder.say("{")?;
    let started = tokio::time::Instant::now();
    let mut answers = Vec::new();
    for _ in 0..4 {
        let answer = flooder.hear().await?;
        answers.push((
            answer["code"].as_str().unwrap_or_default().to_owned(),
            answer["ref"].as_str().map(str::to_owned),
            started.elapsed(),
        ));
    }
    let codes: Vec<(&str, Option<&str>)> = answers
        .iter()
        .map(|(code, reference, _)| (code.as_str(), reference.as_deref()))
        .collect();
    assert_eq!(
        codes,
        [
            ("protocol", None),
            ("protocol", None),
            ("rate-limited", Some("s")),
            ("protocol", None)
        ]
    );
    assert!(
        answers[3].2 - answers[2].2 >= Duration::from_millis(800),
        "{answers:?}"
    );
    Ok(())
}

/// Hostile frames, as a script on a socket would send them: the seeds of
/// `corpus/live/frames.txt`, mutated, and commands of every type with values no page
/// sends. Each frame must be answered once, `ack` or `error` (with the frame's `ref`
/// when it had one, a known code, words rather than a message id), and the conversation
/// must go on: nothing may crash the connection or reach the database as a fault.
mod hostile_frames {
    use super::*;
    use proptest::prelude::*;
    use proptest::test_runner::{Config, FileFailurePersistence, TestRunner};

    fn corpus() -> Vec<String> {
        let file = concat!(env!("CARGO_MANIFEST_DIR"), "/../corpus/live/frames.txt");
        std::fs::read_to_string(file)
            .unwrap_or_default()
            .lines()
            .map(str::to_owned)
            .collect()
    }

    fn staff() -> Client {
        Client {
            address: None,
            actor: Actor::Staff { account_id: 0 },
            participant: None,
            staff: true,
            prefs: Preferences::default(),
            session: None,
        }
    }

    /// Sends `frame` and reads until its answer, skipping the room's events; the answer
    /// must be well formed.
    async fn answer_to(peer: &mut Peer, frame: &str) -> anyhow::Result<Value> {
        peer.say(frame)?;
        let answer = loop {
            let message = peer.hear().await?;
            if message["type"] == "ack" || message["type"] == "error" {
                break message;
            }
            anyhow::ensure!(
                message["type"] == "event" || message["type"] == "snapshot",
                "{frame}: {message}"
            );
        };
        let sent_ref = serde_json::from_str::<ClientMessage>(frame)
            .ok()
            .and_then(|m| m.reference().map(str::to_owned));
        anyhow::ensure!(
            answer["ref"].as_str().map(str::to_owned) == sent_ref,
            "{frame}: answered for another reference: {answer}"
        );
        if answer["type"] == "error" {
            let code = answer["code"].as_str().unwrap_or_default();
            let words = answer["message"].as_str().unwrap_or_default();
            anyhow::ensure!(
                [
                    "protocol",
                    "not-found",
                    "forbidden",
                    "invalid",
                    "rate-limited"
                ]
                .contains(&code),
                "{frame}: code {code}"
            );
            anyhow::ensure!(
                !words.is_empty() && !words.starts_with("error-"),
                "{frame}: message {words}"
            );
        }
        Ok(answer)
    }

    async fn conversation(setup: &Setup, as_staff: bool, frames: &[String]) -> anyhow::Result<()> {
        let client = if as_staff {
            staff()
        } else {
            participant(setup.assembly)
        };
        let mut peer = Peer::joined(setup, client).await?;
        for frame in frames {
            answer_to(&mut peer, frame).await?;
        }
        anyhow::ensure!(!peer.task.is_finished(), "the conversation ended");
        peer.task.abort();
        Ok(())
    }

    #[tokio::test]
    async fn every_seed_of_the_corpus_is_answered_and_the_room_goes_on() -> anyhow::Result<()> {
        // One participant says every seed: more than its limit would read in a minute
        // (a limit is waited out, not refused here: see the flood test above).
        let setup = setup_with(&[("AGORA_WRITE_LIMIT_PARTICIPANT", "100000/60")]).await?;
        let seeds = corpus();
        anyhow::ensure!(seeds.len() > 40, "the corpus is in corpus/live/frames.txt");
        conversation(&setup, false, &seeds).await?;
        conversation(&setup, true, &seeds).await?;
        // What the staff did to the room above (closed its questions, among others) left
        // it working: a question put after reopening is taken.
        let mut peer = Peer::joined(&setup, staff()).await?;
        answer_to(&mut peer, r#"{"type":"questions","ref":"o","open":true}"#).await?;
        let mut asker = Peer::joined(&setup, participant(setup.assembly)).await?;
        let taken = answer_to(
            &mut asker,
            r#"{"type":"ask","ref":"z","body":"Encore une question ?"}"#,
        )
        .await?;
        anyhow::ensure!(taken["type"] == "ack", "{taken}");
        Ok(())
    }

    /// A value no page sends where one is expected.
    fn hostile_value() -> impl Strategy<Value = Value> {
        prop_oneof![
            prop::sample::select(vec![0i64, 1, 2, 3, -1, i64::MAX, i64::MIN]).prop_map(Value::from),
            Just(serde_json::json!(1.5)),
            Just(serde_json::json!(1e308)),
            Just(serde_json::json!(18446744073709551615u64)),
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            Just(serde_json::json!([])),
            Just(serde_json::json!({"what": "question", "id": 1})),
            Just(serde_json::json!({"what": "vote", "id": -3})),
            prop::sample::select(vec![
                "", " ", "usagers", "1", "\u{0}", "\u{202e}", "<b>", "🙂"
            ])
            .prop_map(Value::from),
            (300usize..3000).prop_map(|n| Value::from("é".repeat(n))),
            "\\PC{0,30}".prop_map(Value::from),
        ]
    }

    /// A command of any type (and a few that are not), with any of the fields commands use.
    fn command() -> impl Strategy<Value = String> {
        const TYPES: [&str; 15] = [
            "hello",
            "ask",
            "upvote",
            "approve",
            "reject",
            "answered",
            "pin",
            "answer",
            "highlight",
            "show",
            "agenda",
            "premoderation",
            "questions",
            "shout",
            "",
        ];
        const FIELDS: [&str; 16] = [
            "ref",
            "v",
            "since",
            "body",
            "first_name",
            "college",
            "question",
            "reason",
            "answered",
            "pinned",
            "answer",
            "easy",
            "screen",
            "item",
            "on",
            "open",
        ];
        (
            prop::sample::select(TYPES.to_vec()),
            prop::collection::btree_map(
                prop::sample::select(FIELDS.to_vec()),
                hostile_value(),
                0..6,
            ),
        )
            .prop_map(|(kind, fields)| {
                let mut object = serde_json::Map::new();
                object.insert("type".into(), kind.into());
                for (name, value) in fields {
                    object.insert(name.into(), value);
                }
                Value::Object(object).to_string()
            })
    }

    /// A seed with a few characters changed, removed, added or cut.
    fn mutated_seed(seeds: Vec<String>) -> impl Strategy<Value = String> {
        (
            prop::sample::select(seeds),
            prop::collection::vec((any::<prop::sample::Index>(), any::<char>(), 0u8..3), 1..4),
        )
            .prop_map(|(seed, edits)| {
                let mut chars: Vec<char> = seed.chars().collect();
                for (at, c, how) in edits {
                    let at = at.index(chars.len() + 1);
                    match how {
                        0 => chars.truncate(at),
                        1 if at < chars.len() => chars[at] = c,
                        _ => chars.insert(at, c),
                    }
                }
                chars.into_iter().collect()
            })
    }

    /// Runs on one database and runtime for every case (a room per case would spend the
    /// time seeding). Cases: `PROPTEST_CASES`, 48 by default; failures are kept in
    /// `proptest-regressions/` and tried first on the next run.
    #[test]
    fn any_frame_is_answered_once_and_the_conversation_goes_on() -> anyhow::Result<()> {
        let runtime = tokio::runtime::Runtime::new()?;
        let setup = runtime.block_on(setup())?;
        let seeds = corpus();
        let mut config = Config::with_cases(48);
        config.source_file = Some(file!());
        config.failure_persistence = Some(Box::new(FileFailurePersistence::SourceParallel(
            "proptest-regressions",
        )));
        if let Some(cases) = std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
        {
            config.cases = cases;
        }
        let frames = prop::collection::vec(
            prop_oneof![command(), mutated_seed(seeds), "\\PC{0,40}"],
            1..10,
        );
        TestRunner::new(config)
            .run(&(any::<bool>(), frames), |(as_staff, frames)| {
                runtime
                    .block_on(conversation(&setup, as_staff, &frames))
                    .map_err(|error| TestCaseError::fail(format!("{error:#}")))
            })
            .map_err(|error| anyhow::anyhow!("{error}"))
    }
}
