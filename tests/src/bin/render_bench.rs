//! Server-side render time of the council home page: boots the real server on a fresh SQLite
//! database with the demo council, then times sequential GETs over loopback.
//!
//! `cargo run --release -p agora-tests --bin render-bench -- [requests]`

use agora_tests::TestApp;
use std::time::{Duration, Instant};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let requests: usize = std::env::args()
        .nth(1)
        .map(|n| n.parse())
        .transpose()?
        .unwrap_or(2000);
    let app = TestApp::with_demo().await?;
    let slug = agora_server::demo::slug();
    for path in [format!("/{slug}"), "/".to_owned()] {
        for _ in 0..100 {
            app.get(&path).await?; // warm-up: connections, caches, allocator
        }
        let mut timings = Vec::with_capacity(requests);
        let mut bytes = 0;
        for _ in 0..requests {
            let start = Instant::now();
            let (status, body) = app.get(&path).await?;
            timings.push(start.elapsed());
            anyhow::ensure!(status == 200, "{path} answered {status}");
            bytes = body.len();
        }
        timings.sort();
        println!(
            "{path}: {requests} requests, {bytes} bytes of HTML; median {}, p90 {}, p99 {}, max {}",
            ms(percentile(&timings, 0.50)),
            ms(percentile(&timings, 0.90)),
            ms(percentile(&timings, 0.99)),
            ms(timings.last().copied().unwrap_or_default()),
        );
    }
    Ok(())
}

fn percentile(sorted: &[Duration], q: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * q).round() as usize;
    sorted.get(index).copied().unwrap_or_default()
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}
