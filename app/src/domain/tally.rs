//! Counting a priority vote: five methods, two weightings, exact arithmetic.
//!
//! Candidates are numbered `0..rules.candidates`; a ballot carries its voter's self-declared
//! college. With the **equal-colleges** weighting each college that voted weighs 1 in total,
//! so a ballot of a college of `n` voters weighs `1/n`; with **raw**, every ballot weighs 1.
//! The equal-colleges count leaves out the ballots of people who did not say their college
//! (`""`) and of the small colleges merged for privacy (`MERGED_COLLEGES`): "not said" or
//! a handful of voters weighing as much as a hundred usagers would reward saying nothing,
//! or claiming a college nobody else chose.
//! Everything is counted per college in integers first, then combined in exact fractions,
//! so that the order of the ballots never matters and a recount gives the same result to
//! the last digit (docs/recount.md).

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, Zero};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Method {
    /// Ranking counted by the Schulze method (Condorcet), Borda shown alongside.
    Schulze,
    /// Ranking counted by Borda.
    Borda,
    Approval,
    /// Dot voting: points to spread, with a maximum per candidate.
    Dots,
    MajorityJudgment,
}

/// The college that merged colleges are counted as, in results and the public ballot file:
/// not a college key (those are lower-case letters and dashes).
pub const MERGED_COLLEGES: &str = "*";

/// Whether a ballot of `college` counts with equal colleges: a college said, and not the
/// merged small ones.
pub fn weighs_equally(college: &str) -> bool {
    !college.is_empty() && college != MERGED_COLLEGES
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Weighting {
    Raw,
    EqualColleges,
}

/// How a vote keeps one ballot per person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Integrity {
    /// One ballot per participant cookie.
    Open,
    /// One ballot per one-time code, handed out at the door.
    Strict,
}

impl Integrity {
    pub fn key(self) -> &'static str {
        match self {
            Integrity::Open => "open",
            Integrity::Strict => "strict",
        }
    }

    pub fn parse(key: &str) -> Option<Integrity> {
        match key {
            "open" => Some(Integrity::Open),
            "strict" => Some(Integrity::Strict),
            _ => None,
        }
    }
}

/// The grades of a majority judgment vote, best first, as the exported ballot files name
/// them (docs/recount.md).
pub const MAJORITY_GRADE_NAMES: [&str; 5] = [
    "priorité absolue",
    "priorité forte",
    "priorité moyenne",
    "priorité faible",
    "pas prioritaire",
];
pub const MAJORITY_GRADES: usize = MAJORITY_GRADE_NAMES.len();

pub fn method_key(method: Method) -> &'static str {
    match method {
        Method::Schulze => "schulze",
        Method::Borda => "borda",
        Method::Approval => "approval",
        Method::Dots => "dots",
        Method::MajorityJudgment => "majority-judgment",
    }
}

pub fn method_of(key: &str) -> Option<Method> {
    [
        Method::Schulze,
        Method::Borda,
        Method::Approval,
        Method::Dots,
        Method::MajorityJudgment,
    ]
    .into_iter()
    .find(|method| method_key(*method) == key)
}

/// What a ballot may hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rules {
    pub method: Method,
    pub candidates: usize,
    /// Majority judgment: how many grades, best first.
    pub grades: usize,
    /// Dots: points per ballot, and at most per candidate.
    pub max_points: u32,
    pub max_points_per_candidate: u32,
}

/// As stored with a ballot: `{"ranking": [[0], [2, 1]]}`, `{"approval": [0, 2]}`,
/// `{"points": [[0, 3]]}`, `{"grades": [[0, 1]]}` (candidates by position).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Choice {
    /// Groups of equally ranked candidates, best first; candidates left out rank together
    /// after every listed one.
    Ranking(Vec<Vec<usize>>),
    Approval(Vec<usize>),
    /// Points given, per candidate.
    Points(Vec<(usize, u32)>),
    /// A grade per candidate (0 is the best); a candidate left ungraded gets the worst.
    Grades(Vec<(usize, usize)>),
}

/// Serialised only to be sealed while it waits to be mixed (`store::votes`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ballot {
    pub college: String,
    pub choice: Choice,
}

/// One college's ranked ballots as Schulze and Borda need them, and no more: how many
/// ballots, and for each ordered pair how many rank the first candidate strictly above the
/// second (`above[i][j]`). Published instead of the ballots, it recounts both methods
/// exactly without listing any ranking (docs/recount.md).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pairwise {
    pub ballots: u64,
    pub above: Vec<Vec<u64>>,
}

impl Pairwise {
    /// The totals of `ballots` (rankings; other choices are not counted) over `n` candidates.
    pub fn of<'a>(ballots: impl IntoIterator<Item = &'a Ballot>, n: usize) -> Self {
        let mut totals = Pairwise {
            ballots: 0,
            above: vec![vec![0; n]; n],
        };
        for ballot in ballots {
            let Choice::Ranking(ranking) = &ballot.choice else {
                continue;
            };
            totals.ballots += 1;
            let place = places(ranking, n);
            for (i, row) in totals.above.iter_mut().enumerate() {
                for (j, count) in row.iter_mut().enumerate() {
                    if place[i] < place[j] {
                        *count += 1;
                    }
                }
            }
        }
        totals
    }

    /// Whether these can be one college's totals over `n` candidates: an `n`×`n` table,
    /// nothing above itself, no pair counted both ways more often than there are ballots.
    pub fn is_consistent(&self, n: usize) -> bool {
        self.above.len() == n
            && self.above.iter().enumerate().all(|(i, row)| {
                row.len() == n
                    && row[i] == 0
                    && (0..n).all(|j| {
                        let other = self.above.get(j).and_then(|r| r.get(i)).copied();
                        other.is_some_and(|o| {
                            row[j].checked_add(o).is_some_and(|t| t <= self.ballots)
                        })
                    })
            })
    }
}

/// A ranked vote's result from each college's pairwise totals (`colleges`: college, its
/// totals): Schulze or Borda, with either weighting, exactly as from the ballots.
pub fn tally_pairwise(
    method: Method,
    weighting: Weighting,
    colleges: &[(String, Pairwise)],
    n: usize,
) -> Outcome {
    // With the raw weighting every ballot weighs 1: the colleges' totals add up.
    let weighted: Vec<(BigRational, &Pairwise)> = colleges
        .iter()
        .filter(|(_, totals)| totals.ballots > 0)
        .filter(|(college, _)| weighting == Weighting::Raw || weighs_equally(college))
        .map(|(_, totals)| {
            let weight = match weighting {
                Weighting::Raw => BigRational::one(),
                Weighting::EqualColleges => {
                    BigRational::new(BigInt::one(), BigInt::from(totals.ballots))
                }
            };
            (weight, totals)
        })
        .collect();
    ranked(method, &weighted, n)
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BallotError {
    #[error("this ballot is not for this voting method")]
    WrongKind,
    #[error("unknown candidate {0}")]
    UnknownCandidate(usize),
    #[error("candidate {0} appears twice")]
    Duplicate(usize),
    #[error("{given} points given, at most {max} allowed")]
    TooManyPoints { given: u64, max: u32 },
    #[error("{given} points for candidate {candidate}, at most {max} allowed")]
    TooManyPointsFor {
        candidate: usize,
        given: u32,
        max: u32,
    },
    #[error("unknown grade {0}")]
    UnknownGrade(usize),
}

/// Whether `ballot` keeps the rules of the vote.
pub fn check(rules: &Rules, ballot: &Ballot) -> Result<(), BallotError> {
    let mut seen = vec![false; rules.candidates];
    let mut mark = |candidate: usize| -> Result<(), BallotError> {
        let slot = seen
            .get_mut(candidate)
            .ok_or(BallotError::UnknownCandidate(candidate))?;
        if std::mem::replace(slot, true) {
            return Err(BallotError::Duplicate(candidate));
        }
        Ok(())
    };
    match (&ballot.choice, rules.method) {
        (Choice::Ranking(groups), Method::Schulze | Method::Borda) => {
            groups.iter().flatten().try_for_each(|&c| mark(c))
        }
        (Choice::Approval(approved), Method::Approval) => {
            approved.iter().try_for_each(|&c| mark(c))
        }
        (Choice::Points(points), Method::Dots) => {
            let mut total: u64 = 0;
            for &(candidate, given) in points {
                mark(candidate)?;
                if given > rules.max_points_per_candidate {
                    return Err(BallotError::TooManyPointsFor {
                        candidate,
                        given,
                        max: rules.max_points_per_candidate,
                    });
                }
                total += u64::from(given);
            }
            if total > u64::from(rules.max_points) {
                return Err(BallotError::TooManyPoints {
                    given: total,
                    max: rules.max_points,
                });
            }
            Ok(())
        }
        (Choice::Grades(grades), Method::MajorityJudgment) => {
            for &(candidate, grade) in grades {
                mark(candidate)?;
                if grade >= rules.grades {
                    return Err(BallotError::UnknownGrade(grade));
                }
            }
            Ok(())
        }
        _ => Err(BallotError::WrongKind),
    }
}

/// A candidate's figures in the result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Score {
    /// Approvals, points, or Borda points.
    Total(BigRational),
    /// Schulze: how many candidates this one beats by strongest paths; its Borda points.
    Schulze { wins: usize, borda: BigRational },
    /// Majority judgment: the majority grade (0 is the best), and the shares of the weight
    /// that graded the candidate better and worse than it (the majority gauge).
    Grade {
        median: usize,
        better: BigRational,
        worse: BigRational,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// Groups of tied candidates, best first.
    pub ranking: Vec<Vec<usize>>,
    /// Per candidate.
    pub scores: Vec<Score>,
}

/// Each college's ballots, with the weight of one of its ballots.
fn by_college(ballots: &[Ballot], weighting: Weighting) -> Vec<(BigRational, Vec<&Ballot>)> {
    match weighting {
        Weighting::Raw => vec![(BigRational::one(), ballots.iter().collect())],
        Weighting::EqualColleges => {
            let mut colleges: BTreeMap<&str, Vec<&Ballot>> = BTreeMap::new();
            for ballot in ballots.iter().filter(|b| weighs_equally(&b.college)) {
                colleges
                    .entry(ballot.college.as_str())
                    .or_default()
                    .push(ballot);
            }
            colleges
                .into_values()
                .map(|group| {
                    let weight = BigRational::new(BigInt::one(), BigInt::from(group.len()));
                    (weight, group)
                })
                .collect()
        }
    }
}

fn ratio(count: u64) -> BigRational {
    BigRational::from_integer(BigInt::from(count))
}

/// Sums, over the colleges, `count(college's ballots)` times the college's weight.
fn weighted<F>(groups: &[(BigRational, Vec<&Ballot>)], size: usize, count: F) -> Vec<BigRational>
where
    F: Fn(&[&Ballot], &mut [u64]),
{
    let mut total = vec![BigRational::zero(); size];
    for (weight, ballots) in groups {
        let mut counts = vec![0u64; size];
        count(ballots, &mut counts);
        for (sum, n) in total.iter_mut().zip(counts) {
            if n > 0 {
                *sum += ratio(n) * weight;
            }
        }
    }
    total
}

/// The place of each candidate in a ranking (its group's index; unranked: after all).
fn places(groups: &[Vec<usize>], candidates: usize) -> Vec<usize> {
    let mut place = vec![groups.len(); candidates];
    for (index, group) in groups.iter().enumerate() {
        for &candidate in group {
            if let Some(slot) = place.get_mut(candidate) {
                *slot = index;
            }
        }
    }
    place
}

/// Ranks candidates by a total, highest first; equal totals tie.
fn rank_by<T: Ord + Clone>(keys: &[T]) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by(|&a, &b| keys[b].cmp(&keys[a]).then(a.cmp(&b)));
    let mut ranking: Vec<Vec<usize>> = Vec::new();
    for candidate in order {
        match ranking.last_mut() {
            Some(group) if keys[group[0]] == keys[candidate] => group.push(candidate),
            _ => ranking.push(vec![candidate]),
        }
    }
    ranking
}

/// Counts `ballots` (each already checked against `rules`).
pub fn tally(rules: &Rules, weighting: Weighting, ballots: &[Ballot]) -> Outcome {
    let n = rules.candidates;
    let groups = by_college(ballots, weighting);
    match rules.method {
        Method::Approval => {
            let totals = weighted(&groups, n, |ballots, counts| {
                for ballot in ballots {
                    if let Choice::Approval(approved) = &ballot.choice {
                        for &c in approved {
                            counts[c] += 1;
                        }
                    }
                }
            });
            totals_outcome(totals)
        }
        Method::Dots => {
            let totals = weighted(&groups, n, |ballots, counts| {
                for ballot in ballots {
                    if let Choice::Points(points) = &ballot.choice {
                        for &(c, given) in points {
                            counts[c] += u64::from(given);
                        }
                    }
                }
            });
            totals_outcome(totals)
        }
        Method::Borda | Method::Schulze => {
            let totals: Vec<(BigRational, Pairwise)> = groups
                .iter()
                .map(|(weight, ballots)| (weight.clone(), Pairwise::of(ballots.iter().copied(), n)))
                .collect();
            let weighted: Vec<(BigRational, &Pairwise)> =
                totals.iter().map(|(w, t)| (w.clone(), t)).collect();
            ranked(rules.method, &weighted, n)
        }
        Method::MajorityJudgment => majority_judgment(&groups, n, rules.grades),
    }
}

fn totals_outcome(totals: Vec<BigRational>) -> Outcome {
    Outcome {
        ranking: rank_by(&totals),
        scores: totals.into_iter().map(Score::Total).collect(),
    }
}

/// Borda points, each a candidate's: on one ballot 1 per candidate ranked below and ½ per
/// candidate tied, that is, against each other candidate, (above − below + 1) / 2.
fn borda_from(weighted: &[(BigRational, &Pairwise)], n: usize) -> Vec<BigRational> {
    let half = BigRational::new(BigInt::one(), BigInt::from(2));
    (0..n)
        .map(|i| {
            let mut doubled = BigRational::zero();
            for (weight, totals) in weighted {
                let count: u64 = (0..n)
                    .filter(|&j| j != i)
                    .map(|j| totals.above[i][j] + totals.ballots - totals.above[j][i])
                    .sum();
                doubled += ratio(count) * weight;
            }
            doubled * &half
        })
        .collect()
}

/// Schulze or Borda from weighted pairwise totals.
fn ranked(method: Method, weighted: &[(BigRational, &Pairwise)], n: usize) -> Outcome {
    let borda = borda_from(weighted, n);
    if method == Method::Borda {
        return totals_outcome(borda);
    }
    // d[i * n + j]: the weight of the ballots that rank i strictly above j.
    let mut d = vec![BigRational::zero(); n * n];
    for (weight, totals) in weighted {
        for i in 0..n {
            for j in 0..n {
                if totals.above[i][j] > 0 {
                    d[i * n + j] += ratio(totals.above[i][j]) * weight;
                }
            }
        }
    }
    // Strongest paths, by winning votes.
    let zero = BigRational::zero();
    let mut p: Vec<BigRational> = (0..n * n)
        .map(|k| {
            let (i, j) = (k / n, k % n);
            if i != j && d[i * n + j] > d[j * n + i] {
                d[i * n + j].clone()
            } else {
                zero.clone()
            }
        })
        .collect();
    for i in 0..n {
        for j in 0..n {
            if i == j {
                continue;
            }
            for k in 0..n {
                if i == k || j == k {
                    continue;
                }
                let through = std::cmp::min(&p[j * n + i], &p[i * n + k]).clone();
                if through > p[j * n + k] {
                    p[j * n + k] = through;
                }
            }
        }
    }
    let beats = |i: usize, j: usize| p[i * n + j] > p[j * n + i];
    // Best first: the candidates no remaining candidate beats, again and again (Schulze's
    // relation is transitive, so there always is one).
    let mut remaining: Vec<usize> = (0..n).collect();
    let mut ranking = Vec::new();
    while !remaining.is_empty() {
        let winners: Vec<usize> = remaining
            .iter()
            .copied()
            .filter(|&i| !remaining.iter().any(|&j| beats(j, i)))
            .collect();
        if winners.is_empty() {
            // Unreachable by Schulze's theorem; kept total rather than looping forever.
            ranking.push(std::mem::take(&mut remaining));
            break;
        }
        remaining.retain(|c| !winners.contains(c));
        ranking.push(winners);
    }
    let scores = (0..n)
        .map(|i| Score::Schulze {
            wins: (0..n).filter(|&j| j != i && beats(i, j)).count(),
            borda: borda[i].clone(),
        })
        .collect();
    Outcome { ranking, scores }
}

/// Majority judgment: the majority grade is the lower median (with `t` the total weight, the
/// best grade `g` such that more than `t/2` graded the candidate `g` or better). Candidates
/// with the same majority grade are ordered by Balinski and Laraki's majority gauge: one whose
/// "better" share exceeds its "worse" share comes first, the larger "better" first; otherwise
/// the smaller "worse" first. Equal gauges tie.
fn majority_judgment(groups: &[(BigRational, Vec<&Ballot>)], n: usize, grades: usize) -> Outcome {
    let worst = grades.saturating_sub(1);
    // h[c * grades + g]: the weight that gave candidate c grade g.
    let h = weighted(groups, n * grades, |ballots, counts| {
        for ballot in ballots {
            let Choice::Grades(given) = &ballot.choice else {
                continue;
            };
            let mut graded = vec![worst; n];
            for &(c, g) in given {
                graded[c] = g;
            }
            for (c, g) in graded.into_iter().enumerate() {
                counts[c * grades + g] += 1;
            }
        }
    });
    let two = BigRational::from_integer(BigInt::from(2));
    let scores: Vec<Score> = (0..n)
        .map(|c| {
            let row = &h[c * grades..(c + 1) * grades];
            let total: BigRational = row.iter().fold(BigRational::zero(), |a, b| a + b);
            let half = &total / &two;
            let mut running = BigRational::zero();
            let mut median = worst;
            for (g, weight) in row.iter().enumerate() {
                running += weight;
                if running > half {
                    median = g;
                    break;
                }
            }
            let sum = |range: std::ops::Range<usize>| {
                row[range].iter().fold(BigRational::zero(), |a, b| a + b)
            };
            let (better, worse) = if total.is_zero() {
                (BigRational::zero(), BigRational::zero())
            } else {
                (sum(0..median) / &total, sum(median + 1..grades) / &total)
            };
            Score::Grade {
                median,
                better,
                worse,
            }
        })
        .collect();
    // A key where greater is better: best grade, then the gauge's side, then its size.
    let keys: Vec<(std::cmp::Reverse<usize>, bool, BigRational)> = scores
        .iter()
        .map(|score| match score {
            Score::Grade {
                median,
                better,
                worse,
            } => {
                if better > worse {
                    (std::cmp::Reverse(*median), true, better.clone())
                } else {
                    (std::cmp::Reverse(*median), false, -worse.clone())
                }
            }
            _ => (std::cmp::Reverse(worst), false, BigRational::zero()),
        })
        .collect();
    Outcome {
        ranking: rank_by(&keys),
        scores,
    }
}

#[cfg(test)]
mod tests;
