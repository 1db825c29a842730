//! A vote's results as people read them: ballots grouped by college (small colleges merged so
//! that no one's ballot stands out), the standing of the candidates, and figures written out.

use super::*;
use serde::{Deserialize, Serialize};

/// One row of a breakdown by college: a college with enough voters to be shown by itself,
/// or "other", every smaller college together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CollegeGroup {
    /// `None` for the merged "other" group.
    pub college: Option<String>,
    /// The colleges counted in this group.
    pub members: Vec<String>,
    pub ballots: usize,
    /// Whether the group's own result may be shown: it holds at least `min` ballots.
    pub shown: bool,
}

/// Groups ballot counts per college (in the vote's order) for breakdowns, by the same rule
/// as survey breakdowns (`survey::grouping`): every college shown has at least `min`
/// ballots; the others are merged into one group, joined by the smallest shown colleges
/// until it too has at least `min`, so that the whole minus the colleges shown is never a
/// small group. When that leaves fewer than two groups, everyone is one merged group.
/// Colleges nobody voted in are left out (there is nothing to show).
pub fn college_groups(counts: &[(String, usize)], min: usize) -> Vec<CollegeGroup> {
    let min = min.max(1);
    let count_of = |college: &String| {
        counts
            .iter()
            .find(|(c, _)| c == college)
            .map_or(0, |(_, n)| *n)
    };
    let (shown, merged): (Vec<String>, Vec<String>) =
        match crate::domain::survey::grouping(counts, min) {
            Some(grouping) => (grouping.shown, grouping.merged),
            None => (
                Vec::new(),
                counts
                    .iter()
                    .filter(|(_, n)| *n > 0)
                    .map(|(c, _)| c.clone())
                    .collect(),
            ),
        };
    let mut groups: Vec<CollegeGroup> = shown
        .into_iter()
        .map(|college| CollegeGroup {
            ballots: count_of(&college),
            members: vec![college.clone()],
            college: Some(college),
            shown: true,
        })
        .collect();
    if !merged.is_empty() {
        let ballots = merged.iter().map(count_of).sum();
        groups.push(CollegeGroup {
            college: None,
            members: merged,
            ballots,
            shown: ballots >= min,
        });
    }
    groups
}

pub use crate::domain::tally::MERGED_COLLEGES;

/// The ballots with every college of the merged group (`college_groups`) relabelled as one,
/// `MERGED_COLLEGES`, which the equal-colleges count leaves out: a small college would
/// otherwise weigh as a college of its own (a handful of voters as much as a hundred), and
/// comparing that count with the shown colleges' results would give away how its few voters
/// voted. What is left is exactly the colleges shown on their own.
pub fn merge_small_colleges(
    colleges: &[String],
    ballots: &[crate::domain::tally::Ballot],
    min: usize,
) -> Vec<crate::domain::tally::Ballot> {
    let merged: Vec<String> = college_groups(&college_counts(colleges, ballots), min)
        .into_iter()
        .find(|group| group.college.is_none())
        .map(|group| group.members)
        .unwrap_or_default();
    ballots
        .iter()
        .map(|ballot| crate::domain::tally::Ballot {
            college: if merged.contains(&ballot.college) {
                MERGED_COLLEGES.to_owned()
            } else {
                ballot.college.clone()
            },
            choice: ballot.choice.clone(),
        })
        .collect()
}

/// Ballots per college: the vote's colleges in order, then colleges met on ballots but not
/// listed, by name (the ballots of people who did not say are the college `""`).
pub(super) fn college_counts(
    colleges: &[String],
    ballots: &[crate::domain::tally::Ballot],
) -> Vec<(String, usize)> {
    let mut counts: Vec<(String, usize)> = colleges.iter().map(|c| (c.clone(), 0)).collect();
    let mut others: BTreeMap<&str, usize> = BTreeMap::new();
    for ballot in ballots {
        match counts.iter_mut().find(|(c, _)| *c == ballot.college) {
            Some((_, n)) => *n += 1,
            None => *others.entry(ballot.college.as_str()).or_default() += 1,
        }
    }
    counts.extend(others.into_iter().map(|(c, n)| (c.to_owned(), n)));
    counts
}

/// A candidate's figure as pages write it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Figure {
    /// Approvals, points or Borda points: whole part and decimals (see `decimal`).
    Total { whole: String, fraction: String },
    /// Schulze: how many findings this one beats, and its Borda points.
    Schulze {
        wins: usize,
        borda_whole: String,
        borda_fraction: String,
    },
    /// Majority judgment: the majority grade (0 is the best).
    Grade { median: usize },
}

/// One line of a result, best first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StandingRow {
    /// 1 for the first group; tied candidates share their place.
    pub place: usize,
    pub candidate: usize,
    pub figure: Figure,
    /// The bar's length in percent of the longest, for the chart.
    pub bar: u32,
}

/// A count as pages show it: candidates in ranking order, each with its figure.
pub fn standing(outcome: &crate::domain::tally::Outcome, grades: usize) -> Vec<StandingRow> {
    use crate::domain::tally::Score;
    let length = |score: &Score| -> BigRational {
        match score {
            Score::Total(total) => total.clone(),
            Score::Schulze { wins, .. } => BigRational::from_integer(BigInt::from(*wins)),
            Score::Grade { median, .. } => {
                BigRational::from_integer(BigInt::from(grades.saturating_sub(*median)))
            }
        }
    };
    let longest = outcome
        .scores
        .iter()
        .map(length)
        .max()
        .unwrap_or_else(BigRational::zero);
    let mut rows = Vec::with_capacity(outcome.scores.len());
    let mut place = 1;
    for group in &outcome.ranking {
        for &candidate in group {
            let Some(score) = outcome.scores.get(candidate) else {
                continue;
            };
            let figure = match score {
                Score::Total(total) => {
                    let (whole, fraction) = decimal(total);
                    Figure::Total { whole, fraction }
                }
                Score::Schulze { wins, borda } => {
                    let (borda_whole, borda_fraction) = decimal(borda);
                    Figure::Schulze {
                        wins: *wins,
                        borda_whole,
                        borda_fraction,
                    }
                }
                Score::Grade { median, .. } => Figure::Grade { median: *median },
            };
            rows.push(StandingRow {
                place,
                candidate,
                figure,
                bar: percent(&length(score), &longest),
            });
        }
        place += group.len();
    }
    rows
}

/// A breakdown line: a college (or "other") and, when it may be shown, its own result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupResult {
    pub group: CollegeGroup,
    pub standing: Option<Vec<StandingRow>>,
}

/// Everything a results page shows of a vote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteResults {
    pub ballots: usize,
    /// Every ballot weighs 1.
    pub raw: Vec<StandingRow>,
    /// Every college shown on its own weighs the same in total; `None` when fewer than two
    /// colleges are (there is nothing to weigh against).
    pub equal_colleges: Option<Vec<StandingRow>>,
    /// The ballots the equal-colleges count holds, and from how many colleges; the others
    /// (college not said, small colleges merged) are left out of it.
    pub equal_ballots: usize,
    pub equal_college_count: usize,
    /// Per college in the vote's order, small ones merged (see `college_groups`).
    pub groups: Vec<GroupResult>,
}

/// Counts a vote: raw, equal colleges (the merged small colleges weighing as one college),
/// and per college group. `colleges` gives the order of the breakdown (colleges met on
/// ballots but not listed come after, by name; the ballots of people who did not say are
/// the group `""`).
pub fn results(
    rules: &Rules,
    colleges: &[String],
    ballots: &[crate::domain::tally::Ballot],
    min_group: usize,
) -> VoteResults {
    use crate::domain::tally::{Weighting, tally};
    let counts = college_counts(colleges, ballots);
    let groups = college_groups(&counts, min_group)
        .into_iter()
        .map(|group| {
            let standing = group.shown.then(|| {
                let members: Vec<crate::domain::tally::Ballot> = ballots
                    .iter()
                    .filter(|b| group.members.contains(&b.college))
                    .cloned()
                    .collect();
                standing(&tally(rules, Weighting::Raw, &members), rules.grades)
            });
            GroupResult { group, standing }
        })
        .collect();
    let merged = merge_small_colleges(colleges, ballots, min_group);
    let weighed: Vec<&str> = merged
        .iter()
        .map(|b| b.college.as_str())
        .filter(|c| crate::domain::tally::weighs_equally(c))
        .collect();
    let mut equal_colleges: Vec<&str> = weighed.clone();
    equal_colleges.sort_unstable();
    equal_colleges.dedup();
    VoteResults {
        ballots: ballots.len(),
        raw: standing(&tally(rules, Weighting::Raw, ballots), rules.grades),
        equal_colleges: (equal_colleges.len() >= 2).then(|| {
            standing(
                &tally(rules, Weighting::EqualColleges, &merged),
                rules.grades,
            )
        }),
        equal_ballots: weighed.len(),
        equal_college_count: equal_colleges.len(),
        groups,
    }
}

/// An exact figure written with at most two decimals, rounded half away from zero
/// (`7/3` → `2.33`, `5/2` → `2.5`, `4` → `4`). The decimal mark is the caller's.
pub fn decimal(value: &BigRational) -> (String, String) {
    let hundred = BigInt::from(100);
    let scaled = value * BigRational::from_integer(hundred.clone());
    let rounded = scaled.round().to_integer();
    let negative = rounded.is_negative();
    let magnitude = rounded.abs();
    let whole = &magnitude / &hundred;
    let cents = (&magnitude % &hundred).to_u32().unwrap_or(0);
    let whole = if negative && !(whole.is_zero() && cents == 0) {
        format!("-{whole}")
    } else {
        whole.to_string()
    };
    let fraction = match cents {
        0 => String::new(),
        c if c % 10 == 0 => format!("{}", c / 10),
        c => format!("{c:02}"),
    };
    (whole, fraction)
}

/// `value / of` as a whole percentage for bar lengths (0 when `of` is zero).
pub fn percent(value: &BigRational, of: &BigRational) -> u32 {
    if of.is_zero() {
        return 0;
    }
    (value * BigRational::from_integer(BigInt::from(100)) / of)
        .round()
        .to_integer()
        .to_u32()
        .unwrap_or(0)
        .min(100)
}
