//! What the benchmarks share: the real server in a child process of the benchmark itself
//! (so that the figures compare servers, not builds), its memory, and percentiles.

use anyhow::Context;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// The real server, as `agora serve` runs it, from the environment the parent sets.
pub async fn serve_agora() -> anyhow::Result<()> {
    // Its warnings and errors on stderr, as the real server prints them (`RUST_LOG`, set by
    // `spawn`: `BENCH_LOG` there shows more, e.g. `agora_app=debug` for the ballot box).
    let _ = tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .with_writer(std::io::stderr)
        .try_init();
    let config = agora_server::config::Config::from_env()?;
    let db = agora_server::prepare_database(&config.database_url).await?;
    let key = agora_server::open_seal_key(&config, &db).await?;
    agora_server::serve(&config, db, key).await
}

/// The seal key a server on `url` started from this environment uses (`serve_agora`), for
/// a benchmark that seeds the database before starting it.
pub async fn seal_key(
    url: &str,
    db: &sea_orm::DatabaseConnection,
) -> anyhow::Result<agora_app::store::seal::SealKey> {
    let config = agora_server::config::Config::from_lookup(|key| match key {
        "DATABASE_URL" => Some(url.to_owned()),
        _ => std::env::var(key).ok(),
    })?;
    agora_server::open_seal_key(&config, db).await
}

/// An open approval vote of council `council_id` over its first ten findings, for every
/// college, from an hour ago to two hours from now: what the vote benchmark and the crash
/// tests cast into.
pub async fn open_approval_vote(
    db: &sea_orm::DatabaseConnection,
    council_id: i64,
) -> anyhow::Result<i64> {
    use agora_app::domain::tally::{Integrity, Method};
    use agora_app::domain::vote::VoteState;
    use agora_app::store::entities::finding;
    use agora_app::store::votes::{self, NewVote};
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    let findings: Vec<i64> = finding::Entity::find()
        .filter(finding::Column::CouncilId.eq(council_id))
        .order_by_asc(finding::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|f| f.id)
        .take(10)
        .collect();
    let colleges: Vec<String> = COLLEGES.iter().map(|c| (*c).to_owned()).collect();
    let now = chrono::Utc::now();
    let vote = votes::create_vote(
        db,
        NewVote {
            council_id,
            assembly_id: None,
            title: "Banc d'essai",
            colleges: &colleges,
            method: Method::Approval,
            integrity: Integrity::Open,
            findings: &findings,
            max_points: 0,
            max_points_per_candidate: 0,
            opens_at: now - chrono::Duration::hours(1),
            closes_at: now + chrono::Duration::hours(2),
            by: None,
        },
    )
    .await?;
    votes::set_state(db, council_id, vote, VoteState::Open, None).await?;
    Ok(vote)
}

/// The demo council's colleges, which ballots name.
pub const COLLEGES: [&str; 6] = [
    "elus",
    "soin",
    "usagers",
    "aidants",
    "professionnels",
    "habitants",
];

/// A fresh database for a benchmark: a new database on the PostgreSQL server `server`
/// names, or a SQLite file in `dir`.
pub async fn fresh_database(
    server: Option<&str>,
    dir: &tempfile::TempDir,
) -> anyhow::Result<String> {
    Ok(match server {
        Some(server) => {
            use sea_orm::ConnectionTrait;
            let name = format!("agora_bench_{:016x}", rand::random::<u64>());
            let admin = sea_orm::Database::connect(server).await?;
            admin
                .execute_unprepared(&format!("CREATE DATABASE {name}"))
                .await?;
            admin.close().await?;
            let base = server.rsplit_once('/').map_or(server, |(base, _)| base);
            format!("{base}/{name}")
        }
        None => format!(
            "sqlite://{}?mode=rwc",
            dir.path().join("bench.db").display()
        ),
    })
}

/// `instances` servers (`serve-agora`) on the database `url`, each on a free port of
/// 127.0.0.1 with `env` besides, listening when this returns.
pub async fn start_instances(
    url: &str,
    instances: usize,
    env: &[(&str, String)],
) -> anyhow::Result<Vec<Server>> {
    let mut servers = Vec::with_capacity(instances);
    for _ in 0..instances {
        let port = free_port()?;
        let mut all = vec![
            ("DATABASE_URL", url.to_owned()),
            ("AGORA_ADDRESS", format!("127.0.0.1:{port}")),
        ];
        all.extend(env.iter().cloned());
        servers.push(Server {
            child: spawn(&["serve-agora"], &all)?,
            port,
        });
    }
    for server in &servers {
        wait_listening(server.port).await?;
    }
    Ok(servers)
}

/// Whether a plain form post was confirmed: the redirect that carries the notice `notice`
/// (`saved-…`) in its flash cookie; a refusal carries its reason instead.
pub fn confirmed(response: &reqwest::Response, notice: &str) -> bool {
    response.status().as_u16() == 302
        && crate::form_answer(response)
            .notice
            .is_some_and(|id| id.starts_with(notice))
}

/// A server child process, killed when dropped.
pub struct Server {
    pub child: Child,
    pub port: u16,
}

impl Server {
    pub fn rss_kib(&self) -> anyhow::Result<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))?;
        status
            .lines()
            .find_map(|line| line.strip_prefix("VmRSS:"))
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|kib| kib.parse().ok())
            .context("VmRSS")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn free_port() -> anyhow::Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port())
}

pub async fn wait_listening(port: u16) -> anyhow::Result<()> {
    for _ in 0..200 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_ok()
        {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    anyhow::bail!("server on port {port} did not start")
}

/// Runs this same program with `args` and `env` (the child's output goes to stderr).
pub fn spawn(args: &[&str], env: &[(&str, String)]) -> anyhow::Result<Child> {
    spawn_program(&std::env::current_exe()?, args, env)
}

/// Runs `program` with `args` and `env` (the child's output goes to stderr): a test that
/// kills a server runs one of the benchmarks' `serve-agora`.
pub fn spawn_program(
    program: &std::path::Path,
    args: &[&str],
    env: &[(&str, String)],
) -> anyhow::Result<Child> {
    let mut command = Command::new(program);
    command
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::inherit());
    for (key, value) in env {
        command.env(key, value);
    }
    command.env(
        "RUST_LOG",
        std::env::var("BENCH_LOG").unwrap_or_else(|_| "warn".to_owned()),
    );
    Ok(command.spawn()?)
}

/// The value at quantile `q` (0 to 1) of `values`, NaN when there are none.
pub fn percentile(values: &[f64], q: f64) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    if sorted.is_empty() {
        return f64::NAN;
    }
    sorted[((sorted.len() - 1) as f64 * q).round() as usize]
}
