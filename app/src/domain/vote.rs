//! A priority vote as coordinators set it up and voters fill it in: the set-up form checked,
//! the ballot form read into a `Choice` (step by step, without JavaScript), and results
//! broken down by college without singling out small groups. No IO.

use super::assembly::{FieldError, bounded, is_local_date_time, one_line};
use super::tally::{Choice, Integrity, Method, Rules};
use super::{CollegeKey, TITLE_MAX};
use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{Signed, ToPrimitive, Zero};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Codes drawn by one press of the button: a sheet of 100 prints on a few pages, and the
/// codes travel to that sheet once, in a cookie.
pub const CODES_PER_SHEET_MAX: usize = 100;
/// Dots: the most points a ballot may hand out.
pub const DOTS_MAX: u32 = 100;
/// How many findings a vote may hold.
pub const CANDIDATES_MAX: usize = 60;

/// Where a vote stands. A draft is seen by staff only; an open vote takes ballots between
/// its opening and closing times; a closed one never again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum VoteState {
    Draft,
    Open,
    Closed,
}

impl VoteState {
    pub fn key(self) -> &'static str {
        match self {
            VoteState::Draft => "draft",
            VoteState::Open => "open",
            VoteState::Closed => "closed",
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        [VoteState::Draft, VoteState::Open, VoteState::Closed]
            .into_iter()
            .find(|state| state.key() == key)
    }

    /// Votes go one way: draft, open, closed. A closed vote is not reopened: its result
    /// may already have been read out.
    pub fn change(self, to: VoteState) -> Result<VoteState, &'static str> {
        match (self, to) {
            (VoteState::Draft, VoteState::Open) | (VoteState::Open, VoteState::Closed) => Ok(to),
            _ => Err("error-vote-state"),
        }
    }
}

/// A finding on the ballot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    pub finding_id: i64,
    pub title: super::Wording,
    pub summary: super::Wording,
}

/// A vote as pages show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteInfo {
    pub id: i64,
    pub title: String,
    pub method: Method,
    pub integrity: Integrity,
    pub state: VoteState,
    pub opens: super::LocalMoment,
    pub closes: super::LocalMoment,
    /// Whether ballots are taken right now: open, and between its times.
    pub accepting: bool,
    /// Closed, or past its closing time: no ballot will ever be taken again.
    pub ended: bool,
    /// In ballot order.
    pub candidates: Vec<Candidate>,
    /// College keys, in ballot order.
    pub colleges: Vec<String>,
    pub max_points: u32,
    pub max_points_per_candidate: u32,
    pub results_revealed: bool,
    pub assembly_id: Option<i64>,
}

impl VoteInfo {
    pub fn rules(&self) -> Rules {
        Rules {
            method: self.method,
            candidates: self.candidates.len(),
            grades: super::tally::MAJORITY_GRADES,
            max_points: self.max_points,
            max_points_per_candidate: self.max_points_per_candidate,
        }
    }

    /// Everyone sees the results of a closed vote, or of one whose results the facilitator
    /// revealed; before that, staff who may read results only.
    pub fn results_public(&self) -> bool {
        self.state != VoteState::Draft && (self.ended || self.results_revealed)
    }
}

/// The set-up form of a vote as posted.
#[derive(Debug, Clone, Default)]
pub struct VoteForm<'a> {
    pub title: &'a str,
    pub method: &'a str,
    pub integrity: &'a str,
    pub findings: Vec<&'a str>,
    pub colleges: Vec<&'a str>,
    pub opens_at: &'a str,
    pub closes_at: &'a str,
    pub max_points: &'a str,
    pub max_points_per_candidate: &'a str,
}

/// A vote's set-up, checked. Times are kept as typed (`YYYY-MM-DDTHH:MM`, council time).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VoteFields {
    pub title: String,
    pub method: Method,
    pub integrity: Integrity,
    pub findings: Vec<i64>,
    pub colleges: Vec<CollegeKey>,
    pub opens_at: String,
    pub closes_at: String,
    pub max_points: u32,
    pub max_points_per_candidate: u32,
}

impl VoteFields {
    pub fn check(form: &VoteForm) -> Result<Self, FieldError> {
        let title = one_line(form.title);
        bounded(&title, "title", 3, TITLE_MAX)?;
        let method = super::tally::method_of(form.method)
            .ok_or(FieldError::new("method", "error-vote-method"))?;
        let integrity = Integrity::parse(form.integrity)
            .ok_or(FieldError::new("integrity", "error-vote-integrity"))?;
        let mut findings = Vec::new();
        for raw in &form.findings {
            let id: i64 = raw
                .trim()
                .parse()
                .map_err(|_| FieldError::new("findings", "error-vote-findings"))?;
            if !findings.contains(&id) {
                findings.push(id);
            }
        }
        if findings.len() < 2 {
            return Err(FieldError::new("findings", "error-vote-findings-few"));
        }
        if findings.len() > CANDIDATES_MAX {
            return Err(FieldError::new("findings", "error-vote-findings-many"));
        }
        let mut colleges: Vec<CollegeKey> = Vec::new();
        for raw in &form.colleges {
            let key = CollegeKey::parse(raw.trim())
                .ok_or(FieldError::new("colleges", "error-vote-colleges"))?;
            if !colleges.contains(&key) {
                colleges.push(key);
            }
        }
        if colleges.is_empty() {
            return Err(FieldError::new("colleges", "error-vote-colleges"));
        }
        let (opens_at, closes_at) = (form.opens_at.trim(), form.closes_at.trim());
        if !is_local_date_time(opens_at) {
            return Err(FieldError::new("opens_at", "error-date-invalid"));
        }
        if !is_local_date_time(closes_at) {
            return Err(FieldError::new("closes_at", "error-date-invalid"));
        }
        // Same fixed-width shape: text order is time order.
        if closes_at <= opens_at {
            return Err(FieldError::new("closes_at", "error-vote-closes-before"));
        }
        let (mut max_points, mut max_points_per_candidate) = (0, 0);
        if method == Method::Dots {
            max_points = points_field(form.max_points, "max_points")?;
            max_points_per_candidate =
                points_field(form.max_points_per_candidate, "max_points_per_candidate")?;
            if max_points_per_candidate > max_points {
                return Err(FieldError::new(
                    "max_points_per_candidate",
                    "error-vote-points-each-over-total",
                ));
            }
        }
        Ok(Self {
            title,
            method,
            integrity,
            findings,
            colleges,
            opens_at: opens_at.to_owned(),
            closes_at: closes_at.to_owned(),
            max_points,
            max_points_per_candidate,
        })
    }
}

fn points_field(raw: &str, field: &'static str) -> Result<u32, FieldError> {
    match raw.trim().parse::<u32>() {
        Ok(points) if (1..=DOTS_MAX).contains(&points) => Ok(points),
        _ => Err(FieldError::new(field, "error-vote-points-range")),
    }
}

/// A ballot being filled in, as the form holds it between its steps (moving a finding up or
/// down, reviewing, casting). Candidates are numbered by their place in the vote.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct BallotDraft {
    pub college: String,
    pub code: String,
    /// Ranking: every candidate, best first.
    pub order: Vec<usize>,
    pub approved: Vec<usize>,
    pub points: BTreeMap<usize, u32>,
    pub grades: BTreeMap<usize, usize>,
}

/// The ballot form as posted: per-candidate fields are keyed by the candidate's number.
#[derive(Debug, Clone)]
pub struct BallotForm<'a> {
    pub college: &'a str,
    pub code: &'a str,
    /// The ranking as shown, `"2,0,1"`.
    pub order: &'a str,
    pub approved: &'a BTreeMap<String, String>,
    pub points: &'a BTreeMap<String, String>,
    pub grades: &'a BTreeMap<String, String>,
}

/// Why a ballot form was refused: the field (`points-3`, `grade-1`, `college`…) and the
/// Fluent id of the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BallotProblem {
    pub field: String,
    pub message: &'static str,
}

impl BallotProblem {
    fn new(field: impl Into<String>, message: &'static str) -> Self {
        Self {
            field: field.into(),
            message,
        }
    }
}

/// What the voter may choose from, besides the candidates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BallotSetting<'a> {
    pub rules: &'a Rules,
    pub colleges: &'a [String],
    pub integrity: Integrity,
}

/// The first ranking shown: the vote's own order.
pub fn initial_order(candidates: usize) -> Vec<usize> {
    (0..candidates).collect()
}

fn candidate_key(key: &str, candidates: usize) -> Option<usize> {
    key.trim().parse().ok().filter(|&c| c < candidates)
}

impl BallotDraft {
    /// Reads what the form holds, keeping everything that can be kept: a move or a review
    /// must not lose what was typed. Problems are collected, first one first.
    pub fn read(setting: &BallotSetting, form: &BallotForm) -> (Self, Vec<BallotProblem>) {
        let n = setting.rules.candidates;
        let mut problems = Vec::new();
        let order: Vec<usize> = form
            .order
            .split(',')
            .filter_map(|c| candidate_key(c, n))
            .collect();
        let mut sorted = order.clone();
        sorted.sort_unstable();
        let order = if sorted == initial_order(n) {
            order
        } else {
            initial_order(n)
        };
        let approved: Vec<usize> = form
            .approved
            .keys()
            .filter_map(|key| candidate_key(key, n))
            .collect();
        let mut points = BTreeMap::new();
        for (key, value) in form.points {
            let Some(candidate) = candidate_key(key, n) else {
                continue;
            };
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            match value.parse::<u32>() {
                Ok(given) => {
                    points.insert(candidate, given);
                }
                Err(_) => problems.push(BallotProblem::new(
                    format!("points-{candidate}"),
                    "error-ballot-points-number",
                )),
            }
        }
        let mut grades = BTreeMap::new();
        for (key, value) in form.grades {
            let (Some(candidate), Ok(grade)) = (candidate_key(key, n), value.trim().parse()) else {
                continue;
            };
            if grade < setting.rules.grades {
                grades.insert(candidate, grade);
            }
        }
        let draft = Self {
            college: form.college.trim().to_owned(),
            code: form.code.trim().to_owned(),
            order,
            approved,
            points,
            grades,
        };
        problems.extend(draft.problems(setting));
        (draft, problems)
    }

    /// What stops this draft from being cast.
    pub fn problems(&self, setting: &BallotSetting) -> Vec<BallotProblem> {
        let rules = setting.rules;
        let mut problems = Vec::new();
        if !self.college.is_empty() && !setting.colleges.contains(&self.college) {
            problems.push(BallotProblem::new("college", "error-ballot-college"));
        }
        if setting.integrity == Integrity::Strict && self.code.is_empty() {
            problems.push(BallotProblem::new("code", "error-ballot-code-missing"));
        }
        match rules.method {
            Method::Dots => {
                for (&candidate, &given) in &self.points {
                    if given > rules.max_points_per_candidate {
                        problems.push(BallotProblem::new(
                            format!("points-{candidate}"),
                            "error-ballot-points-over-each",
                        ));
                    }
                }
                let total: u64 = self.points.values().map(|&p| u64::from(p)).sum();
                if total > u64::from(rules.max_points) {
                    problems.push(BallotProblem::new(
                        "points",
                        "error-ballot-points-over-total",
                    ));
                }
            }
            Method::MajorityJudgment => {
                for candidate in 0..rules.candidates {
                    if !self.grades.contains_key(&candidate) {
                        problems.push(BallotProblem::new(
                            format!("grade-{candidate}"),
                            "error-ballot-grade-missing",
                        ));
                    }
                }
            }
            Method::Schulze | Method::Borda | Method::Approval => {}
        }
        problems
    }

    /// The choice this draft casts, in the stored form.
    pub fn choice(&self, method: Method) -> Choice {
        match method {
            Method::Schulze | Method::Borda => {
                Choice::Ranking(self.order.iter().map(|&c| vec![c]).collect())
            }
            Method::Approval => {
                let mut approved = self.approved.clone();
                approved.sort_unstable();
                approved.dedup();
                Choice::Approval(approved)
            }
            Method::Dots => Choice::Points(
                self.points
                    .iter()
                    .filter(|(_, p)| **p > 0)
                    .map(|(&c, &p)| (c, p))
                    .collect(),
            ),
            Method::MajorityJudgment => {
                Choice::Grades(self.grades.iter().map(|(&c, &g)| (c, g)).collect())
            }
        }
    }

    /// Moves a candidate one place up or down the ranking (`up-3`, `down-3`); returns the
    /// candidate moved, or `None` when the move names none or cannot be made.
    pub fn apply_move(&mut self, requested: &str) -> Option<usize> {
        let (direction, candidate) = requested.split_once('-')?;
        let candidate: usize = candidate.parse().ok()?;
        let at = self.order.iter().position(|&c| c == candidate)?;
        let to = match direction {
            "up" if at > 0 => at - 1,
            "down" if at + 1 < self.order.len() => at + 1,
            _ => return None,
        };
        self.order.swap(at, to);
        Some(candidate)
    }
}

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
    let (shown, merged): (Vec<String>, Vec<String>) = match super::survey::grouping(counts, min) {
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

/// The college that merged colleges are counted as, in the equal-colleges count and the
/// public ballot file: not a college key (those are lower-case letters and dashes).
pub const MERGED_COLLEGES: &str = "*";

/// The ballots with every college of the merged group (`college_groups`) relabelled as one,
/// `MERGED_COLLEGES`: counted with equal colleges, a small college would otherwise weigh as
/// a college of its own, and comparing that count with the merged group's result would
/// give away how its few voters voted.
pub fn merge_small_colleges(
    colleges: &[String],
    ballots: &[super::tally::Ballot],
    min: usize,
) -> Vec<super::tally::Ballot> {
    let merged: Vec<String> = college_groups(&college_counts(colleges, ballots), min)
        .into_iter()
        .find(|group| group.college.is_none())
        .map(|group| group.members)
        .unwrap_or_default();
    ballots
        .iter()
        .map(|ballot| super::tally::Ballot {
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
fn college_counts(colleges: &[String], ballots: &[super::tally::Ballot]) -> Vec<(String, usize)> {
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
pub fn standing(outcome: &super::tally::Outcome, grades: usize) -> Vec<StandingRow> {
    use super::tally::Score;
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
    /// Every college that voted weighs the same in total.
    pub equal_colleges: Vec<StandingRow>,
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
    ballots: &[super::tally::Ballot],
    min_group: usize,
) -> VoteResults {
    use super::tally::{Weighting, tally};
    let counts = college_counts(colleges, ballots);
    let groups = college_groups(&counts, min_group)
        .into_iter()
        .map(|group| {
            let standing = group.shown.then(|| {
                let members: Vec<super::tally::Ballot> = ballots
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
    VoteResults {
        ballots: ballots.len(),
        raw: standing(&tally(rules, Weighting::Raw, ballots), rules.grades),
        equal_colleges: standing(
            &tally(rules, Weighting::EqualColleges, &merged),
            rules.grades,
        ),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn form<'a>() -> VoteForm<'a> {
        VoteForm {
            title: "  Nos   priorités 2027 ",
            method: "dots",
            integrity: "strict",
            findings: vec!["3", "1", "3"],
            colleges: vec!["usagers", "elus"],
            opens_at: "2027-03-01T18:00",
            closes_at: "2027-03-01T20:00",
            max_points: "5",
            max_points_per_candidate: "3",
        }
    }

    #[test]
    fn a_vote_form_is_trimmed_and_deduplicated() {
        let Ok(fields) = VoteFields::check(&form()) else {
            panic!("a well-formed vote form");
        };
        assert_eq!(fields.title, "Nos priorités 2027");
        assert_eq!(fields.method, Method::Dots);
        assert_eq!(fields.integrity, Integrity::Strict);
        assert_eq!(fields.findings, vec![3, 1]);
        assert_eq!(fields.colleges.len(), 2);
        assert_eq!((fields.max_points, fields.max_points_per_candidate), (5, 3));
    }

    #[test]
    fn a_vote_form_is_refused_at_the_field_at_fault() {
        let field = |change: fn(&mut VoteForm)| {
            let mut f = form();
            change(&mut f);
            match VoteFields::check(&f) {
                Err(error) => error,
                Ok(_) => panic!("refused"),
            }
        };
        assert_eq!(field(|f| f.title = " ").field, "title");
        assert_eq!(field(|f| f.method = "plurality").field, "method");
        assert_eq!(field(|f| f.integrity = "").field, "integrity");
        assert_eq!(
            field(|f| f.findings = vec!["3", "3"]).message,
            "error-vote-findings-few"
        );
        assert_eq!(field(|f| f.findings = vec!["x", "1"]).field, "findings");
        assert_eq!(field(|f| f.colleges = vec![]).field, "colleges");
        assert_eq!(field(|f| f.colleges = vec!["Usagers"]).field, "colleges");
        assert_eq!(field(|f| f.opens_at = "demain").field, "opens_at");
        assert_eq!(
            field(|f| f.closes_at = "2027-03-01T18:00").message,
            "error-vote-closes-before"
        );
        assert_eq!(field(|f| f.max_points = "0").field, "max_points");
        assert_eq!(
            field(|f| f.max_points_per_candidate = "6").message,
            "error-vote-points-each-over-total"
        );
        let mut approval = form();
        approval.method = "approval";
        approval.max_points = "";
        let Ok(fields) = VoteFields::check(&approval) else {
            panic!("points are not asked of an approval vote");
        };
        assert_eq!((fields.max_points, fields.max_points_per_candidate), (0, 0));
    }

    fn rules(method: Method) -> Rules {
        Rules {
            method,
            candidates: 3,
            grades: 5,
            max_points: 5,
            max_points_per_candidate: 3,
        }
    }

    fn map(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    fn read(
        method: Method,
        integrity: Integrity,
        order: &str,
        approved: &[(&str, &str)],
        points: &[(&str, &str)],
        grades: &[(&str, &str)],
    ) -> (BallotDraft, Vec<BallotProblem>) {
        let rules = rules(method);
        let colleges = vec!["usagers".to_owned(), "elus".to_owned()];
        let setting = BallotSetting {
            rules: &rules,
            colleges: &colleges,
            integrity,
        };
        let (approved, points, grades) = (map(approved), map(points), map(grades));
        BallotDraft::read(
            &setting,
            &BallotForm {
                college: "usagers",
                code: "",
                order,
                approved: &approved,
                points: &points,
                grades: &grades,
            },
        )
    }

    #[test]
    fn a_ranking_keeps_its_order_and_moves_one_place_at_a_time() {
        let (mut draft, problems) = read(Method::Schulze, Integrity::Open, "2,0,1", &[], &[], &[]);
        assert!(problems.is_empty());
        assert_eq!(draft.order, vec![2, 0, 1]);
        assert_eq!(draft.apply_move("up-1"), Some(1));
        assert_eq!(draft.order, vec![2, 1, 0]);
        assert_eq!(draft.apply_move("up-2"), None, "already first");
        assert_eq!(draft.apply_move("down-0"), None, "already last");
        assert_eq!(draft.apply_move("down-9"), None);
        assert_eq!(draft.apply_move("sideways-1"), None);
        assert_eq!(
            draft.choice(Method::Schulze),
            Choice::Ranking(vec![vec![2], vec![1], vec![0]])
        );
        // A tampered order falls back to the vote's own.
        for broken in ["2,2,1", "0,1", "0,1,7", ""] {
            let (draft, _) = read(Method::Borda, Integrity::Open, broken, &[], &[], &[]);
            assert_eq!(draft.order, vec![0, 1, 2], "{broken}");
        }
    }

    #[test]
    fn approval_takes_the_ticked_boxes_and_ignores_unknown_ones() {
        let (draft, problems) = read(
            Method::Approval,
            Integrity::Open,
            "",
            &[("2", "on"), ("0", "on"), ("9", "on"), ("x", "on")],
            &[],
            &[],
        );
        assert!(problems.is_empty());
        assert_eq!(draft.choice(Method::Approval), Choice::Approval(vec![0, 2]));
        let (blank, _) = read(Method::Approval, Integrity::Open, "", &[], &[], &[]);
        assert_eq!(blank.choice(Method::Approval), Choice::Approval(vec![]));
    }

    #[test]
    fn dots_are_refused_beside_the_finding_or_the_total() {
        let (draft, problems) = read(
            Method::Dots,
            Integrity::Open,
            "",
            &[],
            &[("0", "3"), ("1", " 2 "), ("2", "")],
            &[],
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(draft.points.values().sum::<u32>(), 5);
        assert_eq!(
            draft.choice(Method::Dots),
            Choice::Points(vec![(0, 3), (1, 2)])
        );
        let (_, problems) = read(Method::Dots, Integrity::Open, "", &[], &[("1", "4")], &[]);
        assert_eq!(
            problems,
            vec![BallotProblem::new(
                "points-1",
                "error-ballot-points-over-each"
            )]
        );
        let (_, problems) = read(
            Method::Dots,
            Integrity::Open,
            "",
            &[],
            &[("0", "3"), ("1", "3")],
            &[],
        );
        assert_eq!(
            problems,
            vec![BallotProblem::new(
                "points",
                "error-ballot-points-over-total"
            )]
        );
        let (draft, problems) = read(
            Method::Dots,
            Integrity::Open,
            "",
            &[],
            &[("2", "deux")],
            &[],
        );
        assert_eq!(
            problems,
            vec![BallotProblem::new("points-2", "error-ballot-points-number")]
        );
        assert!(draft.points.is_empty());
    }

    #[test]
    fn majority_judgment_needs_a_grade_for_every_finding() {
        let (draft, problems) = read(
            Method::MajorityJudgment,
            Integrity::Open,
            "",
            &[],
            &[],
            &[("0", "0"), ("2", "4"), ("1", "5")],
        );
        assert_eq!(
            problems,
            vec![BallotProblem::new("grade-1", "error-ballot-grade-missing")]
        );
        assert_eq!(draft.grades.len(), 2);
        assert_eq!(
            draft.choice(Method::MajorityJudgment),
            Choice::Grades(vec![(0, 0), (2, 4)])
        );
    }

    #[test]
    fn college_and_code_are_checked() {
        let rules = rules(Method::Approval);
        let colleges = vec!["usagers".to_owned()];
        let setting = BallotSetting {
            rules: &rules,
            colleges: &colleges,
            integrity: Integrity::Strict,
        };
        let empty = BTreeMap::new();
        let mut form = BallotForm {
            college: "inconnus",
            code: " ",
            order: "",
            approved: &empty,
            points: &empty,
            grades: &empty,
        };
        let (_, problems) = BallotDraft::read(&setting, &form);
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, vec!["college", "code"]);
        form.college = "";
        form.code = "ABCDE-FGHJK";
        let (draft, problems) = BallotDraft::read(&setting, &form);
        assert!(problems.is_empty(), "not saying one's college is allowed");
        assert_eq!(draft.code, "ABCDE-FGHJK");
    }

    #[test]
    fn small_colleges_are_merged_into_other() {
        let counts = |pairs: &[(&str, usize)]| -> Vec<(String, usize)> {
            pairs.iter().map(|(c, n)| ((*c).to_owned(), *n)).collect()
        };
        let groups = college_groups(
            &counts(&[("usagers", 12), ("elus", 2), ("aidants", 0), ("soin", 4)]),
            5,
        );
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].college.as_deref(), Some("usagers"));
        assert!(groups[0].shown);
        assert_eq!(groups[1].college, None);
        assert_eq!(groups[1].members, vec!["elus", "soin"]);
        assert_eq!(groups[1].ballots, 6);
        assert!(groups[1].shown, "six ballots together may be shown");
        // One élu beside seven usagers: shown apart, or found by subtracting the usagers
        // from the whole, his ballot would be known. Everyone is one group then.
        let groups = college_groups(&counts(&[("usagers", 7), ("elus", 1)]), 5);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].college, None);
        assert_eq!(groups[0].members, vec!["usagers", "elus"]);
        assert_eq!(groups[0].ballots, 8);
        // Three small colleges make four together: the smallest shown college joins them,
        // so that the whole minus the colleges shown is never under the minimum.
        let groups = college_groups(
            &counts(&[
                ("habitants", 24),
                ("professionnels", 11),
                ("elus", 3),
                ("soin", 1),
            ]),
            5,
        );
        let shown: Vec<Option<&str>> = groups.iter().map(|g| g.college.as_deref()).collect();
        assert_eq!(shown, vec![Some("habitants"), None]);
        assert_eq!(groups[1].members, vec!["professionnels", "elus", "soin"]);
        assert_eq!(groups[1].ballots, 15);
        assert!(college_groups(&counts(&[("usagers", 0)]), 5).is_empty());
    }

    #[test]
    fn votes_go_from_draft_to_open_to_closed_only() {
        use VoteState::*;
        assert_eq!(Draft.change(Open), Ok(Open));
        assert_eq!(Open.change(Closed), Ok(Closed));
        for (from, to) in [(Draft, Closed), (Closed, Open), (Open, Draft), (Open, Open)] {
            assert_eq!(
                from.change(to),
                Err("error-vote-state"),
                "{from:?} → {to:?}"
            );
        }
        for state in [Draft, Open, Closed] {
            assert_eq!(VoteState::parse(state.key()), Some(state));
        }
    }

    #[test]
    fn a_standing_lists_candidates_best_first_with_shared_places() {
        use super::super::tally::{Ballot, Weighting, tally};
        let ballot = |approved: Vec<usize>| Ballot {
            college: "usagers".into(),
            choice: Choice::Approval(approved),
        };
        let rules = Rules {
            method: Method::Approval,
            candidates: 3,
            grades: 5,
            max_points: 0,
            max_points_per_candidate: 0,
        };
        let outcome = tally(
            &rules,
            Weighting::Raw,
            &[ballot(vec![1, 2]), ballot(vec![1, 2]), ballot(vec![1])],
        );
        let rows = standing(&outcome, 5);
        let summary: Vec<(usize, usize, u32)> =
            rows.iter().map(|r| (r.place, r.candidate, r.bar)).collect();
        assert_eq!(summary, vec![(1, 1, 100), (2, 2, 67), (3, 0, 0)]);
        assert_eq!(
            rows[0].figure,
            Figure::Total {
                whole: "3".into(),
                fraction: String::new()
            }
        );
        let tied = tally(&rules, Weighting::Raw, &[ballot(vec![0, 2])]);
        let places: Vec<usize> = standing(&tied, 5).iter().map(|r| r.place).collect();
        assert_eq!(places, vec![1, 1, 3]);
    }

    #[test]
    fn results_put_the_raw_count_beside_equal_colleges_and_hide_small_groups() {
        use super::super::tally::Ballot;
        let rules = Rules {
            method: Method::Approval,
            candidates: 2,
            grades: 5,
            max_points: 0,
            max_points_per_candidate: 0,
        };
        let ballot = |college: &str, approved: usize| Ballot {
            college: college.into(),
            choice: Choice::Approval(vec![approved]),
        };
        // Twelve professionals approve finding 0; six usagers approve finding 1.
        let mut ballots: Vec<Ballot> = (0..12).map(|_| ballot("professionnels", 0)).collect();
        ballots.extend((0..6).map(|_| ballot("usagers", 1)));
        let colleges = vec!["usagers".to_owned(), "professionnels".to_owned()];
        let results = results(&rules, &colleges, &ballots, 5);
        assert_eq!(results.ballots, 18);
        assert_eq!(results.raw[0].candidate, 0, "more professionals");
        // Equal colleges: each college weighs 1, a tie.
        assert_eq!(results.equal_colleges[0].place, 1);
        assert_eq!(results.equal_colleges[1].place, 1);
        assert_eq!(results.groups.len(), 2);
        assert_eq!(results.groups[0].group.college.as_deref(), Some("usagers"));
        assert!(results.groups.iter().all(|g| g.standing.is_some()));
    }

    /// The attack of issue 21 on the demo's closed vote: the figures published (raw, equal
    /// colleges, per group) must not tell how two élus voted apart from three people of
    /// the care college. Two ballot boxes that differ only in that are published alike.
    #[test]
    fn nothing_published_tells_how_the_voters_of_a_small_college_voted() {
        use super::super::tally::Ballot;
        let rules = Rules {
            method: Method::Approval,
            candidates: 2,
            grades: 5,
            max_points: 0,
            max_points_per_candidate: 0,
        };
        let ballot = |college: &str, approved: usize| Ballot {
            college: college.into(),
            choice: Choice::Approval(vec![approved]),
        };
        let colleges: Vec<String> = ["habitants", "usagers", "elus", "soin"]
            .iter()
            .map(|c| (*c).to_owned())
            .collect();
        let common = || -> Vec<Ballot> {
            let mut ballots: Vec<Ballot> = (0..8).map(|i| ballot("habitants", i % 2)).collect();
            ballots.extend((0..6).map(|_| ballot("usagers", 1)));
            ballots
        };
        // Box A: both élus approve finding 1, the three of the care college finding 0.
        let mut a = common();
        a.extend([ballot("elus", 1), ballot("elus", 1)]);
        a.extend([ballot("soin", 0), ballot("soin", 0), ballot("soin", 0)]);
        // Box B: the same five ballots, the élus split.
        let mut b = common();
        b.extend([ballot("elus", 1), ballot("elus", 0)]);
        b.extend([ballot("soin", 1), ballot("soin", 0), ballot("soin", 0)]);
        assert_eq!(
            results(&rules, &colleges, &a, 5),
            results(&rules, &colleges, &b, 5),
            "the published figures tell the two boxes apart"
        );
        // And the small colleges are one college in the equal-colleges count.
        let merged = merge_small_colleges(&colleges, &a, 5);
        let keys: std::collections::BTreeSet<&str> =
            merged.iter().map(|b| b.college.as_str()).collect();
        assert_eq!(
            keys.into_iter().collect::<Vec<_>>(),
            vec![MERGED_COLLEGES, "habitants", "usagers"]
        );
    }

    #[test]
    fn decimals_are_exact_then_rounded() {
        let r = |n: i64, d: i64| BigRational::new(BigInt::from(n), BigInt::from(d));
        let text = |v: BigRational| {
            let (whole, fraction) = decimal(&v);
            if fraction.is_empty() {
                whole
            } else {
                format!("{whole}.{fraction}")
            }
        };
        assert_eq!(text(r(7, 3)), "2.33");
        assert_eq!(text(r(5, 2)), "2.5");
        assert_eq!(text(r(4, 1)), "4");
        assert_eq!(text(r(1, 200)), "0.01");
        assert_eq!(text(r(-1, 3)), "-0.33");
        assert_eq!(text(r(1, 1000)), "0");
        assert_eq!(percent(&r(1, 3), &r(1, 1)), 33);
        assert_eq!(percent(&r(1, 1), &r(0, 1)), 0);
    }
}
