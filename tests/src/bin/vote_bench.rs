//! A burst of ballots into one vote: N ballots sent within one second (default 5,000), as a
//! browser without JavaScript sends them (a form post to `/api/cast_ballot`, each from a
//! new participant), against the real server in a child process.
//!
//! `cargo run --release -p agora-tests --bin vote-bench -- [N]`
//! On SQLite (a file in a temporary folder); on PostgreSQL too when `BENCH_DATABASE_URL`
//! names a server (`postgres://user:password@host/db`: a fresh database is created on it).
//!
//! Acknowledgement time: from the moment a ballot is sent to the server's answer (the
//! redirect to the receipt). Lost: sent, but not in the ballot box afterwards. The server's
//! per-address write limit is lifted: here every voter shares 127.0.0.1, where a real
//! room's phones come from the venue's address and the mobile networks.
//!
//! `VOTE_BENCH_INSTANCES=K` (with `BENCH_DATABASE_URL`): the burst on one instance beside
//! the same burst split across K instances of one PostgreSQL database, and one voter in ten
//! sending their ballot twice at the same instant (to two instances, or twice to the one):
//! no ballot may be lost and none counted twice. `VOTE_BENCH_TWINS=0` leaves the twins out
//! of that comparison (to see what they cost).

use agora_tests::bench::{percentile, serve_agora};
use anyhow::Context;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use std::sync::Arc;
use std::time::{Duration, Instant};

use agora_tests::bench::COLLEGES;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    match args.first().map(String::as_str) {
        Some("serve-agora") => runtime.block_on(serve_agora()),
        first => {
            let n: usize = first.map(str::parse).transpose()?.unwrap_or(5000);
            runtime.block_on(run(n))
        }
    }
}

struct Prepared {
    url: String,
    slug: String,
    vote: i64,
    /// Signs the cookies of the voters who send twice, as the servers do.
    stamp: agora_server::protection::ParticipantStamp,
    _dir: tempfile::TempDir,
}

/// A database with the demo council and an open approval vote over its first ten findings.
async fn prepare(server: Option<&str>) -> anyhow::Result<Prepared> {
    use agora_app::store::entities::council;
    let dir = tempfile::tempdir()?;
    let url = agora_tests::bench::fresh_database(server, &dir).await?;
    let db = agora_server::prepare_database(&url).await?;
    let key = agora_tests::bench::seal_key(&url, &db).await?;
    agora_server::demo::seed(&db, &key).await?;
    let council = council::Entity::find()
        .one(&db)
        .await?
        .context("demo council")?;
    let vote = agora_tests::bench::open_approval_vote(&db, council.id).await?;
    db.close().await?;
    Ok(Prepared {
        url,
        slug: council.slug,
        vote,
        stamp: agora_server::protection::ParticipantStamp::new(&key),
        _dir: dir,
    })
}

/// Ballots cast before the burst (see `burst`).
const WARM_UP: usize = 40;

/// The form a voter posts: a college and one or two approvals, varied with `i`.
fn ballot_fields(prepared: &Prepared, vote: &str, i: usize) -> Vec<(String, String)> {
    let mut fields = vec![
        ("slug".to_owned(), prepared.slug.clone()),
        ("vote".to_owned(), vote.to_owned()),
        (
            "college".to_owned(),
            COLLEGES[i % COLLEGES.len()].to_owned(),
        ),
        (format!("approved[{}]", i % 10), "on".to_owned()),
    ];
    // A second approval when it names another finding (a field twice is refused).
    if (i / 10) % 10 != i % 10 {
        fields.push((format!("approved[{}]", (i / 10) % 10), "on".to_owned()));
    }
    fields
}

struct Outcome {
    /// Voters: every one sends one ballot, and `twins` of them send it twice at once.
    voters: usize,
    twins: usize,
    acknowledged_ms: Vec<f64>,
    /// Voters with at least one acknowledged ballot, and with two.
    acknowledged_voters: usize,
    acknowledged_twice: usize,
    refused: usize,
    failed: usize,
    stored: u64,
    sending_ms: f64,
}

/// Whether voter `i` sends their ballot twice at the same instant (one in ten, when
/// `twins` is asked for).
fn sends_twice(twins: bool, i: usize) -> bool {
    twins && i % 10 == 5
}

/// The burst on `instances` servers of one database: voter `i` posts to instance
/// `i % instances`; a voter who sends twice posts to that one and the next at once, as a
/// phone whose first answer was slow does, with their participant cookie.
async fn burst(
    prepared: &Prepared,
    n: usize,
    instances: usize,
    twins: bool,
) -> anyhow::Result<Outcome> {
    let servers = agora_tests::bench::start_instances(
        &prepared.url,
        instances,
        &[
            ("AGORA_WRITE_LIMIT_ADDRESS", "1000000/1".into()),
            // Every simulated voter is a new participant from this one address.
            ("AGORA_NEW_PARTICIPANTS_ADDRESS", "1000000/1".into()),
        ],
    )
    .await?;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(30))
        .build()?;
    let urls: Arc<Vec<String>> = Arc::new(
        servers
            .iter()
            .map(|s| format!("http://127.0.0.1:{}/api/cast_ballot", s.port))
            .collect(),
    );
    // Warm up as a room does before the crowd: the vote's page read, and the early arrivals'
    // ballots (WARM_UP on each instance, in waves of ten at once, so that every casting task
    // and database connection has served before the burst). They are not part of what is
    // measured.
    let vote = prepared.vote.to_string();
    for (k, server) in servers.iter().enumerate() {
        client
            .get(format!(
                "http://127.0.0.1:{}/{}/votes/{vote}",
                server.port, prepared.slug
            ))
            .send()
            .await?;
        for wave in 0..WARM_UP / 10 {
            let mut early = Vec::new();
            for i in 0..10 {
                let request = client
                    .post(urls[k].as_str())
                    .header("accept", "text/html")
                    .form(&ballot_fields(prepared, &vote, wave * 10 + i));
                early.push(tokio::spawn(request.send()));
            }
            for ballot in early {
                ballot.await??;
            }
        }
    }
    let before = stored_ballots(prepared).await?;
    let gap = Duration::from_secs(1).as_secs_f64() / n as f64;
    let start = Instant::now();
    let mut tasks = Vec::with_capacity(n);
    for i in 0..n {
        let fields = ballot_fields(prepared, &vote, i);
        let due = start + Duration::from_secs_f64(gap * i as f64);
        let mut sends = Vec::with_capacity(2);
        // A voter who sends twice has their participant cookie; the others are new to
        // the server, as a first ballot from a phone is.
        let cookie = sends_twice(twins, i).then(|| {
            let mut bytes = [0u8; 16];
            bytes[..8].copy_from_slice(&(i as u64).to_le_bytes());
            bytes[8..].copy_from_slice(&rand::random::<[u8; 8]>());
            let id = agora_app::domain::ParticipantId::from_random(bytes);
            format!("agora_participant={}", prepared.stamp.sign(&id))
        });
        let copies = if cookie.is_some() { 2 } else { 1 };
        for copy in 0..copies {
            let mut request = client
                .post(urls[(i + copy) % instances].as_str())
                .header("accept", "text/html")
                .form(&fields);
            if let Some(cookie) = &cookie {
                request = request.header("cookie", cookie.as_str());
            }
            sends.push(tokio::spawn(async move {
                tokio::time::sleep_until(due.into()).await;
                let sent = Instant::now();
                let answer = request.send().await;
                let took = sent.elapsed().as_secs_f64() * 1000.0;
                match answer {
                    // The receipt is a redirect that carries the confirmation; a refusal
                    // carries the reason instead.
                    Ok(response) => (
                        Some(took),
                        agora_tests::bench::confirmed(&response, "saved-ballot-cast"),
                    ),
                    Err(_) => (None, false),
                }
            }));
        }
        tasks.push(sends);
    }
    let mut outcome = Outcome {
        voters: n,
        twins: (0..n).filter(|&i| sends_twice(twins, i)).count(),
        acknowledged_ms: Vec::with_capacity(n),
        acknowledged_voters: 0,
        acknowledged_twice: 0,
        refused: 0,
        failed: 0,
        stored: 0,
        sending_ms: 0.0,
    };
    for sends in tasks {
        let mut acknowledged = 0;
        for send in sends {
            match send.await? {
                (Some(took), true) => {
                    outcome.acknowledged_ms.push(took);
                    acknowledged += 1;
                }
                (Some(_), false) => outcome.refused += 1,
                (None, _) => outcome.failed += 1,
            }
        }
        outcome.acknowledged_voters += usize::from(acknowledged > 0);
        outcome.acknowledged_twice += usize::from(acknowledged > 1);
    }
    outcome.sending_ms = start.elapsed().as_secs_f64() * 1000.0;
    outcome.stored = stored_ballots(prepared).await? - before;
    Ok(outcome)
}

/// The ballots stored for the vote, counted in the database: in its box, or sealed and
/// waiting to be mixed (at most the minimum group size less one, docs/privacy.md).
async fn stored_ballots(prepared: &Prepared) -> anyhow::Result<u64> {
    use agora_app::store::entities::{ballot, ballot_waiting};
    let db = sea_orm::Database::connect(prepared.url.as_str()).await?;
    let in_box = ballot::Entity::find()
        .filter(ballot::Column::VoteId.eq(prepared.vote))
        .count(&db)
        .await?;
    let waiting = ballot_waiting::Entity::find()
        .filter(ballot_waiting::Column::VoteId.eq(prepared.vote))
        .count(&db)
        .await?;
    db.close().await?;
    Ok(in_box + waiting)
}

/// One row of the table: lost are the acknowledged voters whose ballot is not stored;
/// counted twice, the ballots stored beyond one per voter, or a voter acknowledged twice.
fn report(server: &str, o: &Outcome) {
    let lost = (o.acknowledged_voters as u64).saturating_sub(o.stored);
    let twice = o.stored.saturating_sub(o.voters as u64) + o.acknowledged_twice as u64;
    println!(
        "| {server} | {} | {} | {} | {} | {} | {lost} | {twice} | {:.1} | {:.1} | {:.1} | {:.1} | {} |",
        o.voters,
        o.twins,
        o.acknowledged_voters,
        o.refused,
        o.failed,
        percentile(&o.acknowledged_ms, 0.50),
        percentile(&o.acknowledged_ms, 0.99),
        percentile(&o.acknowledged_ms, 1.0),
        o.sending_ms,
        o.stored,
    );
}

async fn run(n: usize) -> anyhow::Result<()> {
    let instances: usize = std::env::var("VOTE_BENCH_INSTANCES")
        .ok()
        .map(|k| k.parse())
        .transpose()?
        .unwrap_or(1);
    let postgres = std::env::var("BENCH_DATABASE_URL")
        .ok()
        .filter(|url| !url.is_empty());
    anyhow::ensure!(
        instances == 1 || postgres.is_some(),
        "several instances share a PostgreSQL database: set BENCH_DATABASE_URL"
    );
    println!(
        "{n} voters sending evenly within one second, each a plain form post from a new participant{}; times from sending to the server's answer.",
        if instances > 1 && std::env::var("VOTE_BENCH_TWINS").map_or(true, |v| v != "0") {
            ", one in ten sending the same ballot twice at once with their participant cookie"
        } else {
            ""
        }
    );
    println!();
    println!(
        "| server | voters | sent twice | acknowledged voters | refused | failed | lost | counted twice | p50 ms | p99 ms | max ms | all answered after ms | stored |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    if let Some(server) = postgres.as_deref()
        && instances > 1
    {
        let twins = std::env::var("VOTE_BENCH_TWINS").map_or(true, |v| v != "0");
        let one = burst(&prepare(Some(server)).await?, n, 1, twins).await?;
        report("PostgreSQL, 1 instance", &one);
        let many = burst(&prepare(Some(server)).await?, n, instances, twins).await?;
        report(&format!("PostgreSQL, {instances} instances"), &many);
        return Ok(());
    }
    report("SQLite", &burst(&prepare(None).await?, n, 1, false).await?);
    if let Some(server) = postgres.as_deref() {
        report(
            "PostgreSQL",
            &burst(&prepare(Some(server)).await?, n, 1, false).await?,
        );
    }
    Ok(())
}
