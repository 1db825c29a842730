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
mod tests {
    use super::*;

    fn file(json: &str) -> BallotFile {
        serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}: {json}"))
    }

    #[test]
    fn a_ranking_file_is_recounted_with_either_weighting() {
        let f = file(
            r#"{"method": "schulze", "weighting": "raw", "candidates": ["A", "B", "C"],
                "ballots": [
                  {"college": "professionnels", "ranking": [["A"], ["B"], ["C"]]},
                  {"college": "professionnels", "ranking": [["A"], ["B"], ["C"]]},
                  {"college": "usagers", "ranking": [["C"], ["B", "A"]]}
                ]}"#,
        );
        let raw = f.recount(None).map(|r| r.ranking);
        assert_eq!(
            raw,
            Ok(vec![
                vec!["A".to_owned()],
                vec!["B".into()],
                vec!["C".into()]
            ])
        );
        // Equal colleges: the usager weighs as much as both professionals together (1/2
        // each), so C ties with A and with B; A still beats B, B is last.
        let equal = f.recount(Some(Weighting::EqualColleges)).map(|r| r.ranking);
        assert_eq!(
            equal,
            Ok(vec![vec!["A".to_owned(), "C".into()], vec!["B".into()]])
        );
    }

    #[test]
    fn malformed_files_are_refused_naming_the_ballot() {
        let refused = |json: &str| {
            file(json)
                .recount(None)
                .map(|_| ())
                .map_err(|e| e.to_string())
        };
        assert_eq!(
            refused(
                r#"{"method": "approval", "candidates": ["A"], "ballots": [
                    {"approved": ["A"]}, {"approved": ["Z"]}]}"#
            ),
            Err("ballot 2: unknown candidate \"Z\"".into())
        );
        assert_eq!(
            refused(
                r#"{"method": "borda", "candidates": ["A", "B"], "ballots": [
                    {"ranking": [["A"], ["A", "B"]]}]}"#
            ),
            Err("ballot 1: candidate \"A\" appears twice".into())
        );
        assert_eq!(
            refused(
                r#"{"method": "dots", "candidates": ["A", "B"], "max_points": 5,
                    "max_points_per_candidate": 3, "ballots": [
                    {"points": {"A": 3, "B": 3}}]}"#
            ),
            Err("ballot 1: 6 points given, at most 5 allowed".into())
        );
        assert_eq!(
            refused(
                r#"{"method": "majority-judgment", "candidates": ["A"],
                    "grades": ["priorité absolue", "pas prioritaire"], "ballots": [
                    {"grades": {"A": "urgent"}}]}"#
            ),
            Err("ballot 1: unknown grade \"urgent\"".into())
        );
        assert_eq!(
            refused(
                r#"{"method": "approval", "candidates": ["A"], "ballots": [{"ranking": [["A"]]}]}"#
            ),
            Err("ballot 1: no \"approved\"".into())
        );
        assert!(
            serde_json::from_str::<BallotFile>(
                r#"{"method": "plurality", "candidates": [], "ballots": []}"#
            )
            .is_err()
        );
    }

    #[test]
    fn pairwise_totals_that_cannot_be_a_college_s_are_refused() {
        let file = |pairwise: &str, ballots: &str| {
            serde_json::from_str::<BallotFile>(&format!(
                r#"{{"method":"schulze","candidates":["A","B"],"ballots":[{ballots}],"pairwise":{pairwise}}}"#
            ))
        };
        let good = r#"{"usagers":{"ballots":3,"above":[[0,2],[1,0]]}}"#;
        let Ok(counted) = file(good, "") else {
            panic!("a pairwise file");
        };
        assert_eq!(
            counted.recount(None).map(|r| r.ranking),
            Ok(vec![vec!["A".to_owned()], vec!["B".to_owned()]])
        );
        for bad in [
            r#"{"usagers":{"ballots":3,"above":[[0,2],[2,0]]}}"#,
            r#"{"usagers":{"ballots":3,"above":[[1,2],[1,0]]}}"#,
            r#"{"usagers":{"ballots":3,"above":[[0,2]]}}"#,
        ] {
            let Ok(parsed) = file(bad, "") else {
                panic!("parsed");
            };
            assert!(
                matches!(parsed.recount(None), Err(RecountError::File(_))),
                "{bad}"
            );
        }
        let Ok(both) = file(good, r#"{"ranking":[["A"]]}"#) else {
            panic!("parsed");
        };
        assert!(matches!(both.recount(None), Err(RecountError::File(_))));
    }

    #[test]
    fn majority_judgment_prints_grade_names() {
        let f = file(
            r#"{"method": "majority-judgment", "candidates": ["A", "B"],
                "grades": ["priorité absolue", "priorité forte", "pas prioritaire"],
                "ballots": [{"grades": {"A": "priorité forte", "B": "pas prioritaire"}}]}"#,
        );
        let result = f.recount(None);
        assert!(matches!(
            result.as_ref().map(|r| r.scores.get("A")),
            Ok(Some(ScoreView::Grade { median, .. })) if median == "priorité forte"
        ));
        assert_eq!(
            result.map(|r| r.ranking),
            Ok(vec![vec!["A".to_owned()], vec!["B".into()]])
        );
    }

    mod properties {
        use super::super::*;
        use crate::domain::tally::{MAJORITY_GRADE_NAMES, MAJORITY_GRADES};
        use proptest::prelude::*;

        const N: usize = 4;

        fn rules(method: Method) -> Rules {
            Rules {
                method,
                candidates: N,
                grades: MAJORITY_GRADES,
                max_points: 5,
                max_points_per_candidate: 3,
            }
        }

        /// A valid ballot of any method's kind.
        fn choice(method: Method) -> BoxedStrategy<Choice> {
            match method {
                Method::Schulze | Method::Borda => Just((0..N).collect::<Vec<_>>())
                    .prop_shuffle()
                    .prop_flat_map(|order| (Just(order), 0..=N))
                    .prop_map(|(order, listed)| {
                        Choice::Ranking(order.into_iter().take(listed).map(|c| vec![c]).collect())
                    })
                    .boxed(),
                Method::Approval => prop::collection::btree_set(0..N, 0..=N)
                    .prop_map(|set| Choice::Approval(set.into_iter().collect()))
                    .boxed(),
                Method::Dots => prop::collection::vec(0u32..=3, N)
                    .prop_map(|mut points| {
                        // Within the ballot's 5 points: take from the last until it fits.
                        while points.iter().sum::<u32>() > 5 {
                            if let Some(p) = points.iter_mut().rev().find(|p| **p > 0) {
                                *p -= 1;
                            }
                        }
                        Choice::Points(
                            points
                                .into_iter()
                                .enumerate()
                                .filter(|(_, p)| *p > 0)
                                .collect(),
                        )
                    })
                    .boxed(),
                Method::MajorityJudgment => prop::collection::vec(0..MAJORITY_GRADES, N)
                    .prop_map(|grades| Choice::Grades(grades.into_iter().enumerate().collect()))
                    .boxed(),
            }
        }

        fn ballots() -> impl Strategy<Value = (Method, Vec<Ballot>)> {
            prop::sample::select(vec![
                Method::Schulze,
                Method::Borda,
                Method::Approval,
                Method::Dots,
                Method::MajorityJudgment,
            ])
            .prop_flat_map(|method| {
                let ballot = (
                    prop::sample::select(vec!["usagers", "aidants", "élus", ""]),
                    choice(method),
                )
                    .prop_map(|(college, choice)| Ballot {
                        college: college.into(),
                        choice,
                    });
                (Just(method), prop::collection::vec(ballot, 0..30))
            })
        }

        proptest! {
            /// What a vote publishes is what its exported file recounts to, written out as
            /// JSON and read back, with either weighting.
            #[test]
            fn recounting_the_export_gives_the_published_result((method, ballots) in ballots()) {
                let rules = rules(method);
                // Two findings with the same title: the file still names each once.
                let names: Vec<String> =
                    ["Logement", "Isolement", "Logement", "Jeunes"].map(String::from).to_vec();
                let file = BallotFile::from_ballots(&rules, &names, &MAJORITY_GRADE_NAMES, ballots.clone());
                let json = serde_json::to_string(&file).map_err(|e| TestCaseError::fail(e.to_string()))?;
                let read: BallotFile = serde_json::from_str(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
                for weighting in [Weighting::Raw, Weighting::EqualColleges] {
                    let published = tally::tally(&rules, weighting, &ballots);
                    let recounted = read.recount(Some(weighting)).map_err(|e| TestCaseError::fail(e.to_string()))?;
                    let by_name: Vec<Vec<String>> = published
                        .ranking
                        .iter()
                        .map(|group| group.iter().map(|&c| read.candidates[c].clone()).collect())
                        .collect();
                    prop_assert_eq!(recounted.ranking, by_name);
                }
                // Ranked methods: the pairwise totals recount to the same, figures and all,
                // with no ballot in them.
                if matches!(method, Method::Schulze | Method::Borda) {
                    let totals = read.pairwise_totals().map_err(|e| TestCaseError::fail(e.to_string()))?;
                    let json = serde_json::to_string(&totals).map_err(|e| TestCaseError::fail(e.to_string()))?;
                    let back: BallotFile = serde_json::from_str(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
                    prop_assert!(back.ballots.is_empty() && !json.contains("ranking"));
                    for weighting in [Weighting::Raw, Weighting::EqualColleges] {
                        let from_totals = back.recount(Some(weighting)).map_err(|e| TestCaseError::fail(e.to_string()))?;
                        let from_ballots = read.recount(Some(weighting)).map_err(|e| TestCaseError::fail(e.to_string()))?;
                        prop_assert_eq!(from_totals, from_ballots);
                    }
                }
            }
        }
    }
}
