//! Counting time of a large priority vote: random rankings of 50 findings by 100,000 voters
//! in five colleges, counted by Schulze (with Borda alongside), both weightings.
//!
//! `cargo run --release -p agora-tests --bin tally-bench -- [voters] [candidates]`

use agora_app::domain::tally::{Ballot, Choice, Method, Rules, Weighting, tally};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use std::time::Instant;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let voters: usize = args
        .next()
        .map(|n| n.parse())
        .transpose()?
        .unwrap_or(100_000);
    let candidates: usize = args.next().map(|n| n.parse()).transpose()?.unwrap_or(50);
    let colleges = ["usagers", "aidants", "professionnels", "élus", "habitants"];
    // A fixed seed: every run counts the same ballots.
    let mut rng = rand::rngs::StdRng::seed_from_u64(2026);
    let ballots: Vec<Ballot> = (0..voters)
        .map(|_| {
            let mut order: Vec<usize> = (0..candidates).collect();
            order.shuffle(&mut rng);
            // Rank a random number of them, with some ties.
            let listed = rng.random_range(1..=candidates);
            let mut groups: Vec<Vec<usize>> = Vec::new();
            for candidate in order.into_iter().take(listed) {
                match groups.last_mut() {
                    Some(group) if rng.random_bool(0.2) => group.push(candidate),
                    _ => groups.push(vec![candidate]),
                }
            }
            Ballot {
                college: colleges[rng.random_range(0..colleges.len())].to_owned(),
                choice: Choice::Ranking(groups),
            }
        })
        .collect();
    let rules = Rules {
        method: Method::Schulze,
        candidates,
        grades: 0,
        max_points: 0,
        max_points_per_candidate: 0,
    };
    for weighting in [Weighting::Raw, Weighting::EqualColleges] {
        let mut timings = Vec::new();
        let mut winners = Vec::new();
        for _ in 0..5 {
            let start = Instant::now();
            let outcome = tally(&rules, weighting, &ballots);
            timings.push(start.elapsed().as_secs_f64() * 1000.0);
            winners = outcome.ranking.first().cloned().unwrap_or_default();
        }
        timings.sort_by(f64::total_cmp);
        println!(
            "Schulze + Borda, {weighting:?}: {voters} ballots, {candidates} candidates: median {:.0} ms, max {:.0} ms (5 runs); first: {winners:?}",
            timings[timings.len() / 2],
            timings[timings.len() - 1],
        );
    }
    Ok(())
}
