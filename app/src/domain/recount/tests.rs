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

    /// Every number and string of a JSON tree, as a path to it.
    fn leaves(value: &serde_json::Value, path: Vec<String>, out: &mut Vec<Vec<String>>) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, inner) in map {
                    let mut next = path.clone();
                    next.push(key.clone());
                    leaves(inner, next, out);
                }
            }
            serde_json::Value::Array(items) => {
                for (n, inner) in items.iter().enumerate() {
                    let mut next = path.clone();
                    next.push(n.to_string());
                    leaves(inner, next, out);
                }
            }
            _ => out.push(path),
        }
    }

    fn at<'a>(
        value: &'a mut serde_json::Value,
        path: &[String],
    ) -> Option<&'a mut serde_json::Value> {
        path.iter().try_fold(value, |value, step| match value {
            serde_json::Value::Object(map) => map.get_mut(step),
            serde_json::Value::Array(items) => {
                step.parse::<usize>().ok().and_then(|n| items.get_mut(n))
            }
            _ => None,
        })
    }

    /// What a tampering hand may write in place of a figure or a name.
    fn hostile() -> impl Strategy<Value = serde_json::Value> {
        prop_oneof![
            prop::sample::select(vec![
                -1i64,
                0,
                1,
                2,
                99,
                i64::from(u32::MAX),
                i64::MAX,
                i64::MIN
            ])
            .prop_map(serde_json::Value::from),
            prop::sample::select(vec!["", "Logement", "A", "élus", "raw", "borda", "🙂"])
                .prop_map(serde_json::Value::from),
            Just(serde_json::Value::Null),
            Just(serde_json::json!([])),
            Just(serde_json::json!({})),
        ]
    }

    proptest! {
        #![proptest_config(crate::property_cases(2048))]
        /// The recount file comes from anyone (docs/recount.md): a genuine export with any
        /// of its figures or names replaced by hostile values is recounted or refused with
        /// an error, never a crash.
        #[test]
        fn a_tampered_export_is_recounted_or_refused_never_a_crash(
            (method, ballots) in ballots(),
            picks in prop::collection::vec((any::<prop::sample::Index>(), hostile()), 1..6),
        ) {
            let rules = rules(method);
            let names: Vec<String> = ["Logement", "Isolement", "Jeunes", "Emploi"].map(String::from).to_vec();
            let file = BallotFile::from_ballots(&rules, &names, &MAJORITY_GRADE_NAMES, ballots);
            let mut tree = serde_json::to_value(&file).map_err(|e| TestCaseError::fail(e.to_string()))?;
            for (pick, value) in picks {
                let mut paths = Vec::new();
                leaves(&tree, Vec::new(), &mut paths);
                if paths.is_empty() {
                    break;
                }
                let path = paths[pick.index(paths.len())].clone();
                if let Some(slot) = at(&mut tree, &path) {
                    *slot = value;
                }
            }
            if let Ok(read) = serde_json::from_value::<BallotFile>(tree) {
                for weighting in [None, Some(Weighting::Raw), Some(Weighting::EqualColleges)] {
                    let _ = read.recount(weighting);
                }
                if let Ok(totals) = read.pairwise_totals() {
                    let _ = totals.recount(None);
                }
            }
        }
    }
}
