//! Load generator for the live room (docs/live-protocol.md), run beside a bare
//! tokio-tungstenite broadcast server so the two can be compared on the same machine.
//!
//! `cargo run --release -p agora-tests --bin live-bench -- [N ...]` (default 1000 5000 10000)
//!
//! For each N, and for each server (Agora, then the bare one), in a fresh child process:
//! connect N clients (Agora: upgrade + `hello` + snapshot), measure the server's resident
//! memory before and after (idle connections), then send ROUNDS messages to all: on Agora a
//! facilitator approves a waiting question whose text it sets to the send time (so the
//! timestamp travels inside the `question-approved` frame), on the bare server a publisher
//! sends a frame of the same shape. Each client notes when the frame reaches it.
//!
//! Both children are this same program (`serve-agora`, `serve-bare`), so the figures
//! compare the servers, not two builds.

use agora_app::domain::{CouncilSlug, LiveState, Role};
use agora_app::live::ClientMessage;
use agora_app::services::room::{self, Actor};
use agora_tests::bench::{Server, free_port, percentile, serve_agora, spawn, wait_listening};
use anyhow::Context;
use futures_util::{SinkExt, StreamExt};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use tokio::sync::Mutex;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;

const ROUNDS: usize = 20;
const ROUND_GAP: Duration = Duration::from_millis(300);
/// How long a round may take to reach everyone before it counts as not delivered.
const ROUND_WAIT: Duration = Duration::from_secs(10);
/// Connections opened at once (the listener's backlog is 1024).
const CONNECT_AT_ONCE: usize = 64;

/// The same socket settings as Agora's (server/src/live.rs), for the bare server and the
/// clients: small read buffer, no write buffering.
fn socket_config() -> WebSocketConfig {
    WebSocketConfig::default()
        .read_buffer_size(4 * 1024)
        .write_buffer_size(0)
        .max_write_buffer_size(256 * 1024)
        .max_message_size(Some(8 * 1024))
        .max_frame_size(Some(8 * 1024))
}

fn now_micros() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_micros() as u64)
        .unwrap_or(0)
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // The servers run as `agora serve` does (a worker per core). The load generator shares
    // the same cores with a worker per core too (LIVE_BENCH_THREADS changes that: on one
    // thread it cannot read 5,000 sockets fast enough and becomes what is measured).
    let server = matches!(
        args.first().map(String::as_str),
        Some("serve-agora" | "serve-bare")
    );
    let threads: usize = std::env::var("LIVE_BENCH_THREADS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2);
    let runtime = if server || threads > 1 {
        let mut builder = tokio::runtime::Builder::new_multi_thread();
        if !server {
            builder.worker_threads(threads);
        }
        builder.enable_all().build()?
    } else {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?
    };
    match args.first().map(String::as_str) {
        Some("serve-agora") => runtime.block_on(serve_agora()),
        Some("serve-bare") => runtime.block_on(serve_bare(args.get(1).context("port")?)),
        _ => {
            let sizes: Vec<usize> = if args.is_empty() {
                vec![1000, 5000, 10_000]
            } else {
                args.iter().map(|n| n.parse()).collect::<Result<_, _>>()?
            };
            runtime.block_on(run(&sizes))
        }
    }
}

// ---------------------------------------------------------------------------- servers

/// A bare broadcast server: every text frame received is sent to every connection.
async fn serve_bare(port: &str) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(format!("127.0.0.1:{port}")).await?;
    let (sender, _) = tokio::sync::broadcast::channel::<Message>(256);
    loop {
        let (stream, _) = listener.accept().await?;
        let sender = sender.clone();
        tokio::spawn(async move {
            let Ok(socket) =
                tokio_tungstenite::accept_async_with_config(stream, Some(socket_config())).await
            else {
                return;
            };
            let mut events = sender.subscribe();
            let (mut sink, mut incoming) = socket.split();
            loop {
                tokio::select! {
                    event = events.recv() => match event {
                        Ok(frame) => if sink.send(frame).await.is_err() { break },
                        Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {}
                        Err(_) => break,
                    },
                    message = incoming.next() => match message {
                        Some(Ok(frame @ Message::Text(_))) => { let _ = sender.send(frame); }
                        Some(Ok(_)) => {}
                        _ => break,
                    },
                }
            }
        });
    }
}

// ----------------------------------------------------------------------------- driver

/// An Agora room ready for the run: the demo assembly, live, with `ROUNDS` questions
/// waiting for moderation, three quick polls (one open), and a facilitator's session.
struct Room {
    url: String,
    assembly: i64,
    staff_cookie: String,
    questions: Vec<i64>,
    _dir: tempfile::TempDir,
}

/// On a fresh SQLite file, or a fresh database of the PostgreSQL server `postgres` names.
async fn prepare_room(postgres: Option<&str>) -> anyhow::Result<Room> {
    let dir = tempfile::tempdir()?;
    let url = agora_tests::bench::fresh_database(postgres, &dir).await?;
    let db = agora_server::prepare_database(&url).await?;
    let key = agora_tests::bench::seal_key(&url, &db).await?;
    agora_server::demo::seed(&db, &key).await?;
    let slug = CouncilSlug::parse(agora_server::demo::slug())?;
    let (facilitator, staff_cookie) =
        agora_tests::staff_member(&db, &slug, Role::Facilitator, "Banc d'essai").await?;
    use sea_orm::EntityTrait;
    let assembly = agora_app::store::entities::assembly::Entity::find()
        .one(&db)
        .await?
        .context("demo assembly")?;
    agora_app::services::room::change_live_state(
        &db,
        assembly.council_id,
        assembly.id,
        LiveState::Open,
        Some(facilitator),
    )
    .await?;
    let mut questions = Vec::with_capacity(ROUNDS);
    for round in 0..ROUNDS {
        let asker = Actor::Participant {
            voter: format!("bench-{round}"),
        };
        let ask = ClientMessage::Ask {
            reference: None,
            body: format!("Question d'essai numéro {round}"),
            first_name: None,
            college: None,
        };
        let applied = room::apply(&db, assembly.id, &asker, &ask)
            .await
            .map_err(|refused| anyhow::anyhow!("ask refused: {:?}", refused.code_and_message()))?;
        questions.push(applied.question.context("question id")?);
    }
    // A plenary with quick polls: three in the room (one open), so that every snapshot and
    // the room's history carry them as they do in a session.
    for (kind, question, options) in [
        (
            "choice",
            "Par quoi commencer ?",
            "Logement\nEmploi\nCulture",
        ),
        ("rating", "Cette soirée vous sert-elle ?", ""),
        ("words", "Un mot pour ce soir ?", ""),
    ] {
        let draft = agora_app::domain::poll::PollDraft::check(kind, question, "", options)
            .map_err(|refused| anyhow::anyhow!("poll refused: {refused}"))?;
        let poll =
            agora_app::store::room::polls::create(&db, assembly.id, &draft, chrono::Utc::now())
                .await?;
        if kind == "choice" {
            agora_app::store::room::polls::change_state(
                &db,
                &key,
                assembly.id,
                poll,
                agora_app::domain::poll::PollState::Open,
            )
            .await
            .map_err(|error| anyhow::anyhow!("opening a poll: {error}"))?;
        }
        room::poll_changed(&db, assembly.id, poll, None).await?;
    }
    db.close().await?;
    Ok(Room {
        url,
        assembly: assembly.id,
        staff_cookie,
        questions,
        _dir: dir,
    })
}

type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

async fn connect(url: &str, cookie: Option<&str>) -> anyhow::Result<Socket> {
    let mut request = url.into_client_request()?;
    if let Some(cookie) = cookie {
        request.headers_mut().insert("cookie", cookie.parse()?);
    }
    let (socket, _) =
        tokio_tungstenite::connect_async_with_config(request, Some(socket_config()), true).await?;
    Ok(socket)
}

/// The round number and send time a frame carries, if it is a round's frame: the text of
/// the question is `bench <round> <micros>`.
fn stamp(frame: &str) -> Option<(usize, u64)> {
    let at = frame.find("\"body\":\"bench ")? + "\"body\":\"bench ".len();
    let mut parts = frame[at..].split(['"', ' ']);
    let round = parts.next()?.parse().ok()?;
    let sent = parts.next()?.parse().ok()?;
    Some((round, sent))
}

/// What one run measured.
struct Measures {
    connect_ms: Vec<f64>,
    rss_idle_before_kib: u64,
    rss_idle_after_kib: u64,
    /// Latency of every delivery, in ms.
    deliveries_ms: Vec<f64>,
    /// Per round, the latency of its last delivery.
    last_client_ms: Vec<f64>,
    delivered: usize,
    expected: usize,
    /// Frames a client received after a later round's (every client must see one order).
    out_of_order: usize,
}

/// Connects `n` clients to `url` (saying `hello` when `hello` is set, then waiting for the
/// first frame), and keeps them reading; each delivery's latency is reported by round.
/// Clients are spread over `urls` in turn (several instances of one room).
#[allow(clippy::type_complexity)]
async fn clients(
    urls: &[String],
    n: usize,
    hello: bool,
) -> anyhow::Result<(
    Vec<f64>,
    Arc<Vec<AtomicUsize>>,
    Arc<Mutex<Vec<Vec<f64>>>>,
    Arc<AtomicUsize>,
)> {
    let out_of_order = Arc::new(AtomicUsize::new(0));
    let counts: Arc<Vec<AtomicUsize>> =
        Arc::new((0..ROUNDS).map(|_| AtomicUsize::new(0)).collect());
    let latencies: Arc<Mutex<Vec<Vec<f64>>>> = Arc::new(Mutex::new(vec![Vec::new(); ROUNDS]));
    let mut connect_ms = Vec::with_capacity(n);
    let mut started = 0;
    while started < n {
        let batch = CONNECT_AT_ONCE.min(n - started);
        let mut opening = Vec::with_capacity(batch);
        for i in 0..batch {
            let url = urls[(started + i) % urls.len()].clone();
            opening.push(tokio::spawn(async move {
                let start = Instant::now();
                let mut socket = connect(&url, None).await?;
                if hello {
                    socket
                        .send(Message::text(r#"{"type":"hello","v":2,"since":null}"#))
                        .await?;
                    // The snapshot.
                    socket.next().await.context("no snapshot")??;
                }
                anyhow::Ok((socket, start.elapsed().as_secs_f64() * 1000.0))
            }));
        }
        for opened in opening {
            let (mut socket, ms) = opened.await??;
            connect_ms.push(ms);
            let counts = counts.clone();
            let latencies = latencies.clone();
            let out_of_order = out_of_order.clone();
            tokio::spawn(async move {
                let mut mine: Vec<(usize, f64)> = Vec::new();
                while let Some(Ok(message)) = socket.next().await {
                    if let Message::Text(frame) = message
                        && let Some((round, sent)) = stamp(frame.as_str())
                        && round < ROUNDS
                    {
                        let ms = now_micros().saturating_sub(sent) as f64 / 1000.0;
                        if mine.last().is_some_and(|(last, _)| *last > round) {
                            out_of_order.fetch_add(1, Ordering::Relaxed);
                        }
                        mine.push((round, ms));
                        counts[round].fetch_add(1, Ordering::Relaxed);
                        if mine.len() == ROUNDS {
                            break;
                        }
                    }
                }
                let mut all = latencies.lock().await;
                for (round, ms) in mine {
                    all[round].push(ms);
                }
            });
        }
        started += batch;
    }
    Ok((connect_ms, counts, latencies, out_of_order))
}

/// Sends the rounds with `send(round)`, each once the previous one reached everyone (or
/// after `ROUND_WAIT`), and gathers what the clients measured.
async fn rounds<F, Fut>(
    n: usize,
    counts: Arc<Vec<AtomicUsize>>,
    latencies: Arc<Mutex<Vec<Vec<f64>>>>,
    mut send: F,
) -> anyhow::Result<(Vec<f64>, Vec<f64>, usize)>
where
    F: FnMut(usize) -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<()>>,
{
    for round in 0..ROUNDS {
        send(round).await?;
        let deadline = Instant::now() + ROUND_WAIT;
        while counts[round].load(Ordering::Relaxed) < n && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
        tokio::time::sleep(ROUND_GAP).await;
    }
    // The client tasks hand over their figures when they have all rounds (or end).
    let deadline = Instant::now() + ROUND_WAIT;
    loop {
        let handed: usize = latencies.lock().await.iter().map(Vec::len).sum();
        let counted: usize = counts.iter().map(|c| c.load(Ordering::Relaxed)).sum();
        if handed >= counted || Instant::now() > deadline {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let all = latencies.lock().await;
    let delivered = all.iter().map(Vec::len).sum();
    let last_client = all
        .iter()
        .filter(|round| !round.is_empty())
        .map(|round| round.iter().copied().fold(0.0, f64::max))
        .collect();
    let deliveries = all.iter().flatten().copied().collect();
    Ok((deliveries, last_client, delivered))
}

/// Measures one server: its memory before and after `n` clients connect (saying `hello`
/// when `hello` is set), then the rounds, each one's frame (`frame(round)`, made at the
/// moment it is sent) going through `sender`.
async fn measure(
    servers: &[Server],
    urls: &[String],
    n: usize,
    hello: bool,
    sender: Socket,
    frame: impl Fn(usize) -> String,
) -> anyhow::Result<Measures> {
    tokio::time::sleep(Duration::from_millis(500)).await;
    let rss = || -> anyhow::Result<u64> { servers.iter().map(Server::rss_kib).sum() };
    let rss_idle_before_kib = rss()?;
    let (connect_ms, counts, latencies, out_of_order) = clients(urls, n, hello).await?;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let rss_idle_after_kib = rss()?;
    let sender = Arc::new(Mutex::new(sender));
    let frame = &frame;
    let (deliveries_ms, last_client_ms, delivered) = rounds(n, counts, latencies, |round| {
        let sender = sender.clone();
        let text = frame(round);
        async move {
            sender.lock().await.send(Message::text(text)).await?;
            Ok(())
        }
    })
    .await?;
    Ok(Measures {
        connect_ms,
        rss_idle_before_kib,
        rss_idle_after_kib,
        deliveries_ms,
        last_client_ms,
        delivered,
        expected: n * ROUNDS,
        out_of_order: out_of_order.load(Ordering::Relaxed),
    })
}

/// Agora on `instances` processes sharing the room's database (more than one needs
/// PostgreSQL), the clients spread over them and the facilitator on the first; with
/// `flood`, one participant sends commands as fast as it can all along.
async fn measure_agora(
    room: &Room,
    n: usize,
    instances: usize,
    flood: bool,
) -> anyhow::Result<Measures> {
    // Every simulated phone connects from 127.0.0.1.
    let servers = agora_tests::bench::start_instances(
        &room.url,
        instances,
        &[("AGORA_SOCKETS_PER_ADDRESS", "1000000".into())],
    )
    .await?;
    let urls: Vec<String> = servers
        .iter()
        .map(|server| format!("ws://127.0.0.1:{}/live/{}", server.port, room.assembly))
        .collect();
    // The facilitator first (it also warms the room up).
    let mut staff = connect(&urls[0], Some(&room.staff_cookie)).await?;
    staff
        .send(Message::text(r#"{"type":"hello","v":2,"since":null}"#))
        .await?;
    staff.next().await.context("staff snapshot")??;
    let flooding = Arc::new(std::sync::atomic::AtomicBool::new(flood));
    let sent_by_flood = Arc::new(AtomicUsize::new(0));
    if flood {
        // A participant's socket sending questions without pause, reading what comes back
        // (a script that did not read would only be cut off sooner).
        let socket = connect(&urls[0], None).await?;
        let (mut sink, mut incoming) = socket.split();
        sink.send(Message::text(r#"{"type":"hello","v":2,"since":null}"#))
            .await?;
        tokio::spawn(async move { while incoming.next().await.is_some() {} });
        let (flooding, sent_by_flood) = (flooding.clone(), sent_by_flood.clone());
        tokio::spawn(async move {
            while flooding.load(Ordering::Relaxed) {
                let ask = r#"{"type":"ask","body":"Encore et encore une question"}"#;
                if sink.send(Message::text(ask)).await.is_err() {
                    break;
                }
                sent_by_flood.fetch_add(1, Ordering::Relaxed);
            }
        });
    }
    let measures = measure(&servers, &urls, n, true, staff, |round| {
        serde_json::json!({
            "type": "approve",
            "question": room.questions[round],
            "body": format!("bench {round} {}", now_micros()),
        })
        .to_string()
    })
    .await;
    flooding.store(false, Ordering::Relaxed);
    if flood {
        println!(
            "(the flooding participant sent {} commands during the run)",
            sent_by_flood.load(Ordering::Relaxed)
        );
    }
    measures
}

async fn measure_bare(n: usize) -> anyhow::Result<Measures> {
    let port = free_port()?;
    let server = Server {
        child: spawn(&["serve-bare", &port.to_string()], &[])?,
        port,
    };
    wait_listening(server.port).await?;
    let url = format!("ws://127.0.0.1:{}/", server.port);
    let publisher = connect(&url, None).await?;
    measure(&[server], &[url], n, false, publisher, |round| {
        // The shape of Agora's frame, so both carry the same bytes.
        serde_json::json!({
            "type": "event", "seq": round + 1,
            "event": {"kind": "question-approved", "pending": 0, "question": {
                "id": round + 1, "body": format!("bench {round} {}", now_micros()),
                "first_name": null, "college": null, "status": "approved",
                "votes": 0, "answered": false, "pinned": false, "agenda_item": null}}
        })
        .to_string()
    })
    .await
}

fn report(name: &str, n: usize, m: &Measures) -> f64 {
    let per_connection =
        (m.rss_idle_after_kib.saturating_sub(m.rss_idle_before_kib)) as f64 / n as f64;
    let p99 = percentile(&m.deliveries_ms, 0.99);
    println!(
        "| {name} | {n} | {:.1} % | {:.1} | {:.1} | {:.1} | {:.1} | {:.1} | {:.1} | {} |",
        100.0 * m.delivered as f64 / m.expected as f64,
        percentile(&m.deliveries_ms, 0.50),
        p99,
        percentile(&m.last_client_ms, 0.50),
        percentile(&m.last_client_ms, 1.0),
        per_connection,
        percentile(&m.connect_ms, 0.99),
        m.out_of_order,
    );
    p99
}

/// What the run compares, from the environment: `LIVE_BENCH_INSTANCES=K` (with
/// `BENCH_DATABASE_URL` naming a PostgreSQL server) puts one instance holding every client
/// beside K instances sharing them; `LIVE_BENCH_FLOOD=1` puts the room alone beside the
/// room with one participant flooding it; otherwise Agora beside the bare server.
async fn run(sizes: &[usize]) -> anyhow::Result<()> {
    let threads = std::env::var("LIVE_BENCH_THREADS").unwrap_or_else(|_| "2".into());
    let instances: usize = std::env::var("LIVE_BENCH_INSTANCES")
        .ok()
        .and_then(|k| k.parse().ok())
        .unwrap_or(1);
    let flood = std::env::var("LIVE_BENCH_FLOOD").is_ok_and(|v| v == "1");
    let postgres = std::env::var("BENCH_DATABASE_URL")
        .ok()
        .filter(|url| !url.is_empty());
    anyhow::ensure!(
        instances == 1 || postgres.is_some(),
        "several instances share a PostgreSQL database: set BENCH_DATABASE_URL"
    );
    println!(
        "{ROUNDS} rounds per run; latency from the send of the approval (Agora) or of the frame (bare) to its reception by each client; memory = server RSS growth / N with every client connected and idle (summed over the instances); load generator on {threads} thread(s); database {}.",
        if postgres.is_some() {
            "PostgreSQL"
        } else {
            "SQLite"
        }
    );
    println!();
    println!(
        "| server | N | delivered | p50 ms | p99 ms | last client p50 ms | last client max ms | KiB per idle connection | connect p99 ms | out of order |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    let database = postgres.as_deref();
    for &n in sizes {
        if instances > 1 {
            let one = measure_agora(&prepare_room(database).await?, n, 1, false).await?;
            let one_p99 = report("Agora, 1 instance", n, &one);
            let many = measure_agora(&prepare_room(database).await?, n, instances, false).await?;
            let many_p99 = report(&format!("Agora, {instances} instances"), n, &many);
            println!(
                "| difference, p99 | {n} | | | {:+.1} ms | | | | | |",
                many_p99 - one_p99
            );
        } else if flood {
            let calm = measure_agora(&prepare_room(database).await?, n, 1, false).await?;
            let calm_p99 = report("Agora", n, &calm);
            let flooded = measure_agora(&prepare_room(database).await?, n, 1, true).await?;
            let flooded_p99 = report("Agora, one participant flooding", n, &flooded);
            println!(
                "| ratio flooded / calm, p99 | {n} | | | {:.2}× | | | | | |",
                flooded_p99 / calm_p99
            );
        } else {
            let room = prepare_room(database).await?;
            let agora = measure_agora(&room, n, 1, false).await?;
            let agora_p99 = report("Agora", n, &agora);
            let bare = measure_bare(n).await?;
            let bare_p99 = report("bare tokio-tungstenite", n, &bare);
            println!(
                "| ratio Agora / bare, p99 | {n} | | | {:.2}× | | | | | |",
                agora_p99 / bare_p99
            );
        }
    }
    Ok(())
}
