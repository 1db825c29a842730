//! A priority vote as coordinators set it up and voters fill it in: the set-up form checked,
//! the ballot form read into a `Choice` (step by step, without JavaScript), and results
//! broken down by college without singling out small groups. No IO.

mod results;
pub use results::*;

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

#[cfg(test)]
mod tests;
