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
    let dir = tempfile::tempdir()?;
    let url = format!(
        "sqlite://{}?mode=rwc",
        dir.path().join("agora.db").display()
    );
    let db = crate::prepare_database(&url).await?;
    let key = SealKey::from_bytes(&[7; KEY_BYTES]).ok_or_else(|| anyhow::anyhow!("key"))?;
    crate::demo::seed(&db, &key).await?;
    let config = crate::config::Config::from_lookup(|_| None)?;
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
