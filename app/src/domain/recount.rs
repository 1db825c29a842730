//! The anonymous ballots of a closed vote as a file anyone can recount (docs/recount.md):
//! reading it, checking every ballot, and the result as `agora recount` prints it.

use super::tally::{self, Ballot, BallotError, Choice, Method, Pairwise, Rules, Score, Weighting};
use num_rational::BigRational;
use num_traits::ToPrimitive;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BallotFile {
    pub method: Method,
    #[serde(default = "raw")]
    pub weighting: Weighting,
    pub candidates: Vec<String>,
    /// Majority judgment: the grades, best first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub grades: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_points: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_points_per_candidate: Option<u32>,
    /// Empty in a file of pairwise totals.
    #[serde(default)]
    pub ballots: Vec<FileBallot>,
    /// Ranked methods, instead of the ballots: each college's pairwise totals (its name as
    /// in `ballots[].college`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pairwise: Option<BTreeMap<String, Pairwise>>,
}

fn raw() -> Weighting {
    Weighting::Raw
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileBallot {
    #[serde(default)]
    pub college: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ranking: Option<Vec<Vec<String>>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<BTreeMap<String, u32>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grades: Option<BTreeMap<String, String>>,
}

/// Why a file cannot be counted: which ballot (numbered from 1), and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecountError {
    #[error("{0}")]
    File(String),
    #[error("ballot {ballot}: {problem}")]
    Ballot { ballot: usize, problem: String },
}

/// A candidate's figures, as printed: numbers for reading, exact fractions for checking.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum ScoreView {
    Total {
        total: f64,
        exact: String,
    },
    Schulze {
        wins: usize,
        borda: f64,
        borda_exact: String,
    },
    Grade {
        median: String,
        better: f64,
        worse: f64,
        better_exact: String,
        worse_exact: String,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecountResult {
    pub ranking: Vec<Vec<String>>,
    pub scores: BTreeMap<String, ScoreView>,
}

impl BallotFile {
    /// The file of a vote's ballots: candidates by name (a name met twice gets its place
    /// added, so that every name is unique), grades by their names, raw weighting.
    pub fn from_ballots(
        rules: &Rules,
        names: &[String],
        grade_names: &[&str],
        ballots: Vec<Ballot>,
    ) -> Self {
        let mut candidates: Vec<String> = Vec::with_capacity(names.len());
        for (position, title) in names.iter().enumerate() {
            let title = if candidates.contains(title) {
                format!("{title} ({})", position + 1)
            } else {
                title.clone()
            };
            candidates.push(title);
        }
        let name = |c: usize| candidates.get(c).cloned().unwrap_or_default();
        let grade = |g: usize| {
            grade_names
                .get(g)
                .map(|g| (*g).to_owned())
                .unwrap_or_default()
        };
        let ballots = ballots
            .into_iter()
            .map(|ballot| {
                let mut file = FileBallot {
                    college: ballot.college,
                    ..FileBallot::default()
                };
                match ballot.choice {
                    Choice::Ranking(groups) => {
                        file.ranking = Some(
                            groups
                                .into_iter()
                                .map(|group| group.into_iter().map(name).collect())
                                .collect(),
                        );
                    }
                    Choice::Approval(approved) => {
                        file.approved = Some(approved.into_iter().map(name).collect());
                    }
                    Choice::Points(points) => {
                        file.points = Some(points.into_iter().map(|(c, p)| (name(c), p)).collect());
                    }
                    Choice::Grades(grades) => {
                        file.grades = Some(
                            grades
                                .into_iter()
                                .map(|(c, g)| (name(c), grade(g)))
                                .collect(),
                        );
                    }
                }
                file
            })
            .collect();
        let dots = rules.method == Method::Dots;
        BallotFile {
            method: rules.method,
            weighting: Weighting::Raw,
            grades: if rules.method == Method::MajorityJudgment {
                grade_names.iter().map(|g| (*g).to_owned()).collect()
            } else {
                Vec::new()
            },
            max_points: dots.then_some(rules.max_points),
            max_points_per_candidate: dots.then_some(rules.max_points_per_candidate),
            candidates,
            ballots,
            pairwise: None,
        }
    }

    /// The same vote as pairwise totals per college, without any ballot: for ranked methods,
    /// whose rankings can be recognised in a ballot file (docs/recount.md). It recounts to
    /// the same result with either weighting.
    pub fn pairwise_totals(&self) -> Result<BallotFile, RecountError> {
        if !matches!(self.method, Method::Schulze | Method::Borda) {
            return Err(RecountError::File(
                "pairwise totals are for ranked methods (schulze, borda)".into(),
            ));
        }
        let ballots = self.ballots()?;
        let mut colleges: BTreeMap<String, Vec<&Ballot>> = BTreeMap::new();
        for ballot in &ballots {
            colleges
                .entry(ballot.college.clone())
                .or_default()
                .push(ballot);
        }
        let n = self.candidates.len();
        Ok(BallotFile {
            ballots: Vec::new(),
            pairwise: Some(
                colleges
                    .into_iter()
                    .map(|(college, ballots)| (college, Pairwise::of(ballots, n)))
                    .collect(),
            ),
            ..self.clone()
        })
    }

    pub fn rules(&self) -> Rules {
        Rules {
            method: self.method,
            candidates: self.candidates.len(),
            grades: self.grades.len(),
            max_points: self.max_points.unwrap_or(0),
            max_points_per_candidate: self.max_points_per_candidate.unwrap_or(0),
        }
    }

    /// The ballots in the counting's terms, each checked; the first bad one stops.
    pub fn ballots(&self) -> Result<Vec<Ballot>, RecountError> {
        let mut index = HashMap::new();
        for (i, name) in self.candidates.iter().enumerate() {
            if index.insert(name.as_str(), i).is_some() {
                return Err(RecountError::File(format!(
                    "candidate {name:?} is listed twice"
                )));
            }
        }
        match self.method {
            Method::MajorityJudgment if self.grades.len() < 2 => {
                return Err(RecountError::File(
                    "majority-judgment needs at least two grades".into(),
                ));
            }
            Method::Dots
                if self.max_points.is_none() || self.max_points_per_candidate.is_none() =>
            {
                return Err(RecountError::File(
                    "dots needs max_points and max_points_per_candidate".into(),
                ));
            }
            _ => {}
        }
        let grade_of: HashMap<&str, usize> = self
            .grades
            .iter()
            .enumerate()
            .map(|(i, g)| (g.as_str(), i))
            .collect();
        let rules = self.rules();
        self.ballots
            .iter()
            .enumerate()
            .map(|(i, ballot)| {
                let wrong = |problem: String| RecountError::Ballot {
                    ballot: i + 1,
                    problem,
                };
                let candidate = |name: &String| {
                    index
                        .get(name.as_str())
                        .copied()
                        .ok_or_else(|| wrong(format!("unknown candidate {name:?}")))
                };
                let choice = match self.method {
                    Method::Schulze | Method::Borda => Choice::Ranking(
                        ballot
                            .ranking
                            .as_ref()
                            .ok_or_else(|| wrong("no \"ranking\"".into()))?
                            .iter()
                            .map(|group| group.iter().map(candidate).collect())
                            .collect::<Result<_, _>>()?,
                    ),
                    Method::Approval => Choice::Approval(
                        ballot
                            .approved
                            .as_ref()
                            .ok_or_else(|| wrong("no \"approved\"".into()))?
                            .iter()
                            .map(candidate)
                            .collect::<Result<_, _>>()?,
                    ),
                    Method::Dots => Choice::Points(
                        ballot
                            .points
                            .as_ref()
                            .ok_or_else(|| wrong("no \"points\"".into()))?
                            .iter()
                            .map(|(name, &points)| Ok((candidate(name)?, points)))
                            .collect::<Result<_, _>>()?,
                    ),
                    Method::MajorityJudgment => Choice::Grades(
                        ballot
                            .grades
                            .as_ref()
                            .ok_or_else(|| wrong("no \"grades\"".into()))?
                            .iter()
                            .map(|(name, grade)| {
                                let g = grade_of
                                    .get(grade.as_str())
                                    .copied()
                                    .ok_or_else(|| wrong(format!("unknown grade {grade:?}")))?;
                                Ok((candidate(name)?, g))
                            })
                            .collect::<Result<_, _>>()?,
                    ),
                };
                let ballot = Ballot {
                    college: ballot.college.clone(),
                    choice,
                };
                tally::check(&rules, &ballot).map_err(|error| wrong(self.explain(&error)))?;
                Ok(ballot)
            })
            .collect()
    }

    /// A ballot's fault in the file's own words (candidate names rather than numbers).
    fn explain(&self, error: &BallotError) -> String {
        let name = |c: &usize| {
            self.candidates
                .get(*c)
                .map_or_else(|| c.to_string(), |n| format!("{n:?}"))
        };
        match error {
            BallotError::Duplicate(c) => format!("candidate {} appears twice", name(c)),
            BallotError::UnknownCandidate(c) => format!("unknown candidate {}", name(c)),
            BallotError::TooManyPointsFor {
                candidate,
                given,
                max,
            } => format!(
                "{given} points for candidate {}, at most {max} allowed",
                name(candidate)
            ),
            other => other.to_string(),
        }
    }

    /// Counts the file, with its own weighting unless `weighting` says otherwise.
    pub fn recount(&self, weighting: Option<Weighting>) -> Result<RecountResult, RecountError> {
        let weighting = weighting.unwrap_or(self.weighting);
        let outcome = match &self.pairwise {
            None => tally::tally(&self.rules(), weighting, &self.ballots()?),
            Some(colleges) => {
                let n = self.candidates.len();
                if !matches!(self.method, Method::Schulze | Method::Borda) {
                    return Err(RecountError::File(
                        "pairwise totals count only ranked methods (schulze, borda)".into(),
                    ));
                }
                if !self.ballots.is_empty() {
                    return Err(RecountError::File(
                        "a file holds ballots or pairwise totals, not both".into(),
                    ));
                }
                if let Some((college, _)) = colleges.iter().find(|(_, t)| !t.is_consistent(n)) {
                    return Err(RecountError::File(format!(
                        "pairwise totals of college \"{college}\": not a {n}×{n} table of \
                         counts within its ballots"
                    )));
                }
                let colleges: Vec<(String, Pairwise)> = colleges
                    .iter()
                    .map(|(c, t)| (c.clone(), t.clone()))
                    .collect();
                tally::tally_pairwise(self.method, weighting, &colleges, n)
            }
        };
        let name = |c: usize| self.candidates.get(c).cloned().unwrap_or_default();
        let number = |r: &BigRational| r.to_f64().unwrap_or(f64::NAN);
        let scores = outcome
            .scores
            .iter()
            .enumerate()
            .map(|(c, score)| {
                let view = match score {
                    Score::Total(total) => ScoreView::Total {
                        total: number(total),
                        exact: total.to_string(),
                    },
                    Score::Schulze { wins, borda } => ScoreView::Schulze {
                        wins: *wins,
                        borda: number(borda),
                        borda_exact: borda.to_string(),
                    },
                    Score::Grade {
                        median,
                        better,
                        worse,
                    } => ScoreView::Grade {
                        median: self.grades.get(*median).cloned().unwrap_or_default(),
                        better: number(better),
                        worse: number(worse),
                        better_exact: better.to_string(),
                        worse_exact: worse.to_string(),
                    },
                };
                (name(c), view)
            })
            .collect();
        Ok(RecountResult {
            ranking: outcome
                .ranking
                .into_iter()
                .map(|group| group.into_iter().map(name).collect())
                .collect(),
            scores,
        })
    }
}

#[cfg(test)]
mod tests;
