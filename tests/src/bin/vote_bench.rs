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

use agora_tests::bench::{Server, free_port, percentile, serve_agora, spawn, wait_listening};
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
    acknowledged_ms: Vec<f64>,
    refused: usize,
    failed: usize,
    stored: u64,
    sending_ms: f64,
}

async fn burst(prepared: &Prepared, n: usize) -> anyhow::Result<Outcome> {
    let port = free_port()?;
    let _server = Server {
        child: spawn(
            &["serve-agora"],
            &[
                ("DATABASE_URL", prepared.url.clone()),
                ("AGORA_ADDRESS", format!("127.0.0.1:{port}")),
                ("AGORA_WRITE_LIMIT_ADDRESS", "1000000/1".into()),
                // Every simulated voter is a new participant from this one address.
                ("AGORA_NEW_PARTICIPANTS_ADDRESS", "1000000/1".into()),
            ],
        )?,
        port,
    };
    wait_listening(port).await?;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(30))
        .build()?;
    let url = Arc::new(format!("http://127.0.0.1:{port}/api/cast_ballot"));
    // Warm up as a room does before the crowd: the vote's page read, and the early arrivals'
    // ballots (WARM_UP, in waves of ten at once, so that every casting task and database
    // connection has served before the burst). They are not part of what is measured.
    let vote = prepared.vote.to_string();
    client
        .get(format!(
            "http://127.0.0.1:{port}/{}/votes/{vote}",
            prepared.slug
        ))
        .send()
        .await?;
    for wave in 0..WARM_UP / 10 {
        let mut early = Vec::new();
        for i in 0..10 {
            let request = client
                .post(url.as_str())
                .header("accept", "text/html")
                .form(&ballot_fields(prepared, &vote, wave * 10 + i));
            early.push(tokio::spawn(request.send()));
        }
        for ballot in early {
            ballot.await??;
        }
    }
    let before = stored_ballots(prepared).await?;
    let gap = Duration::from_secs(1).as_secs_f64() / n as f64;
    let start = Instant::now();
    let mut tasks = Vec::with_capacity(n);
    for i in 0..n {
        let client = client.clone();
        let url = url.clone();
        let fields = ballot_fields(prepared, &vote, i);
        let due = start + Duration::from_secs_f64(gap * i as f64);
        tasks.push(tokio::spawn(async move {
            tokio::time::sleep_until(due.into()).await;
            let sent = Instant::now();
            let answer = client
                .post(url.as_str())
                .header("accept", "text/html")
                .form(&fields)
                .send()
                .await;
            let took = sent.elapsed().as_secs_f64() * 1000.0;
            match answer {
                Ok(response) => {
                    // The receipt is a redirect that carries the confirmation; a refusal
                    // carries the reason instead.
                    let receipt = response.status().as_u16() == 302
                        && response
                            .headers()
                            .get_all("set-cookie")
                            .iter()
                            .filter_map(|v| v.to_str().ok())
                            .any(|c| c.starts_with("agora_flash=notice:saved-ballot-cast"));
                    (Some(took), receipt)
                }
                Err(_) => (None, false),
            }
        }));
    }
    let mut outcome = Outcome {
        acknowledged_ms: Vec::with_capacity(n),
        refused: 0,
        failed: 0,
        stored: 0,
        sending_ms: 0.0,
    };
    for task in tasks {
        match task.await? {
            (Some(took), true) => outcome.acknowledged_ms.push(took),
            (Some(_), false) => outcome.refused += 1,
            (None, _) => outcome.failed += 1,
        }
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

fn report(database: &str, n: usize, o: &Outcome) {
    let lost = n as u64 - o.stored.min(n as u64);
    println!(
        "| {database} | {n} | {} | {} | {} | {lost} | {:.1} | {:.1} | {:.1} | {:.1} | {:.0} |",
        o.acknowledged_ms.len(),
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
    println!(
        "{n} ballots sent evenly within one second, each a plain form post from a new participant; times from sending to the server's answer."
    );
    println!();
    println!(
        "| database | sent | acknowledged | refused | failed | lost | p50 ms | p99 ms | max ms | all answered after ms | stored |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    let sqlite = prepare(None).await?;
    report("SQLite", n, &burst(&sqlite, n).await?);
    if let Ok(server) = std::env::var("BENCH_DATABASE_URL")
        && !server.is_empty()
    {
        let postgres = prepare(Some(&server)).await?;
        report("PostgreSQL", n, &burst(&postgres, n).await?);
    }
    Ok(())
}
