use super::*;

fn rules(method: Method, candidates: usize) -> Rules {
    Rules {
        method,
        candidates,
        grades: 4,
        max_points: 5,
        max_points_per_candidate: 3,
    }
}

fn ranked(college: &str, groups: &[&[usize]]) -> Ballot {
    Ballot {
        college: college.into(),
        choice: Choice::Ranking(groups.iter().map(|g| g.to_vec()).collect()),
    }
}

fn approving(college: &str, approved: &[usize]) -> Ballot {
    Ballot {
        college: college.into(),
        choice: Choice::Approval(approved.to_vec()),
    }
}

fn int(n: i64) -> BigRational {
    BigRational::from_integer(BigInt::from(n))
}

fn frac(a: i64, b: i64) -> BigRational {
    BigRational::new(BigInt::from(a), BigInt::from(b))
}

#[test]
fn ballots_that_break_the_rules_are_named() {
    let dots = rules(Method::Dots, 3);
    let points = |p: &[(usize, u32)]| Ballot {
        college: "usagers".into(),
        choice: Choice::Points(p.to_vec()),
    };
    assert_eq!(check(&dots, &points(&[(0, 3), (1, 2)])), Ok(()));
    assert_eq!(
        check(&dots, &points(&[(0, 3), (1, 3)])),
        Err(BallotError::TooManyPoints { given: 6, max: 5 })
    );
    assert_eq!(
        check(&dots, &points(&[(0, 4)])),
        Err(BallotError::TooManyPointsFor {
            candidate: 0,
            given: 4,
            max: 3
        })
    );
    assert_eq!(
        check(&dots, &points(&[(7, 1)])),
        Err(BallotError::UnknownCandidate(7))
    );
    let schulze = rules(Method::Schulze, 3);
    assert_eq!(
        check(&schulze, &ranked("aidants", &[&[0], &[1, 0]])),
        Err(BallotError::Duplicate(0))
    );
    assert_eq!(
        check(&schulze, &approving("aidants", &[0])),
        Err(BallotError::WrongKind)
    );
    let mj = rules(Method::MajorityJudgment, 2);
    let graded = Ballot {
        college: "élus".into(),
        choice: Choice::Grades(vec![(0, 4)]),
    };
    assert_eq!(check(&mj, &graded), Err(BallotError::UnknownGrade(4)));
}

#[test]
fn no_ballot_at_all_ties_everyone() {
    for method in [
        Method::Schulze,
        Method::Borda,
        Method::Approval,
        Method::Dots,
        Method::MajorityJudgment,
    ] {
        let outcome = tally(&rules(method, 3), Weighting::Raw, &[]);
        assert_eq!(outcome.ranking, vec![vec![0, 1, 2]], "{method:?}");
    }
}

#[test]
fn approval_and_dots_add_up() {
    let ballots = [
        approving("usagers", &[0, 2]),
        approving("usagers", &[2]),
        approving("aidants", &[1, 2]),
    ];
    let outcome = tally(&rules(Method::Approval, 3), Weighting::Raw, &ballots);
    assert_eq!(outcome.ranking, vec![vec![2], vec![0, 1]]);
    assert_eq!(outcome.scores[2], Score::Total(int(3)));
    let dots = [
        Ballot {
            college: "usagers".into(),
            choice: Choice::Points(vec![(0, 3), (1, 2)]),
        },
        Ballot {
            college: "élus".into(),
            choice: Choice::Points(vec![(1, 3)]),
        },
    ];
    let outcome = tally(&rules(Method::Dots, 3), Weighting::Raw, &dots);
    assert_eq!(outcome.ranking, vec![vec![1], vec![0], vec![2]]);
    assert_eq!(outcome.scores[1], Score::Total(int(5)));
}

#[test]
fn equal_colleges_give_each_college_the_same_weight() {
    // Three professionals approve A; one usager approves B. Raw: A wins; with equal
    // colleges each college weighs 1 and they tie.
    let ballots = [
        approving("professionnels", &[0]),
        approving("professionnels", &[0]),
        approving("professionnels", &[0]),
        approving("usagers", &[1]),
    ];
    let raw = tally(&rules(Method::Approval, 2), Weighting::Raw, &ballots);
    assert_eq!(raw.ranking, vec![vec![0], vec![1]]);
    let equal = tally(
        &rules(Method::Approval, 2),
        Weighting::EqualColleges,
        &ballots,
    );
    assert_eq!(equal.ranking, vec![vec![0, 1]]);
    assert_eq!(equal.scores[0], Score::Total(int(1)));
    // One professional for A; three usagers for B, one of them for A too: A has
    // 1 + 1/3, B 3 × 1/3.
    let more = [
        approving("professionnels", &[0]),
        approving("usagers", &[1]),
        approving("usagers", &[1]),
        approving("usagers", &[0, 1]),
    ];
    let equal = tally(&rules(Method::Approval, 2), Weighting::EqualColleges, &more);
    assert_eq!(equal.scores[0], Score::Total(frac(4, 3)));
    assert_eq!(equal.scores[1], Score::Total(int(1)));
    assert_eq!(equal.ranking, vec![vec![0], vec![1]]);
    // A ballot with no college said, or of the merged small colleges, weighs nothing here
    // (it counts in the raw figure).
    let mut lying = more.to_vec();
    lying.push(approving("", &[1]));
    lying.push(approving(crate::domain::tally::MERGED_COLLEGES, &[1]));
    let same = tally(
        &rules(Method::Approval, 2),
        Weighting::EqualColleges,
        &lying,
    );
    assert_eq!(same, equal);
    let pairwise: Vec<(String, Pairwise)> = ["", "usagers"]
        .iter()
        .map(|college| {
            let ballots: Vec<Ballot> = [ranked(college, &[&[0], &[1]])].to_vec();
            ((*college).to_owned(), Pairwise::of(ballots.iter(), 2))
        })
        .collect();
    let alone = tally_pairwise(Method::Borda, Weighting::EqualColleges, &pairwise[1..], 2);
    assert_eq!(
        tally_pairwise(Method::Borda, Weighting::EqualColleges, &pairwise, 2),
        alone
    );
}

#[test]
fn borda_counts_ties_as_halves() {
    // A > B = C, and C > A > B.
    let ballots = [
        ranked("usagers", &[&[0], &[1, 2]]),
        ranked("usagers", &[&[2], &[0], &[1]]),
    ];
    let outcome = tally(&rules(Method::Borda, 3), Weighting::Raw, &ballots);
    // A: 2 + 1, B: 0.5 + 0, C: 0.5 + 2.
    assert_eq!(outcome.scores[0], Score::Total(int(3)));
    assert_eq!(outcome.scores[1], Score::Total(frac(1, 2)));
    assert_eq!(outcome.scores[2], Score::Total(frac(5, 2)));
    assert_eq!(outcome.ranking, vec![vec![0], vec![2], vec![1]]);
}

#[test]
fn schulze_finds_the_condorcet_winner_and_handles_a_cycle() {
    // Unanimous: A > B > C.
    let unanimous = vec![ranked("usagers", &[&[0], &[1], &[2]]); 3];
    let outcome = tally(&rules(Method::Schulze, 3), Weighting::Raw, &unanimous);
    assert_eq!(outcome.ranking, vec![vec![0], vec![1], vec![2]]);
    // A single voter, with candidates left out: they rank last, together.
    let single = [ranked("aidants", &[&[2]])];
    let outcome = tally(&rules(Method::Schulze, 3), Weighting::Raw, &single);
    assert_eq!(outcome.ranking, vec![vec![2], vec![0, 1]]);
    // A perfect cycle A > B > C > A, once each: everyone ties.
    let cycle = [
        ranked("a", &[&[0], &[1], &[2]]),
        ranked("b", &[&[1], &[2], &[0]]),
        ranked("c", &[&[2], &[0], &[1]]),
    ];
    let outcome = tally(&rules(Method::Schulze, 3), Weighting::Raw, &cycle);
    assert_eq!(outcome.ranking, vec![vec![0, 1, 2]]);
}

#[test]
fn schulze_resolves_the_classic_example() {
    // Wikipedia's example: 45 voters, five candidates; the Schulze ranking is
    // E > A > C > B > D.
    let (a, b, c, d, e) = (0, 1, 2, 3, 4);
    let mut ballots = Vec::new();
    let mut add = |count: usize, order: [usize; 5]| {
        for _ in 0..count {
            ballots.push(Ballot {
                college: "x".into(),
                choice: Choice::Ranking(order.iter().map(|&c| vec![c]).collect()),
            });
        }
    };
    add(5, [a, c, b, e, d]);
    add(5, [a, d, e, c, b]);
    add(8, [b, e, d, a, c]);
    add(3, [c, a, b, e, d]);
    add(7, [c, a, e, b, d]);
    add(2, [c, b, a, d, e]);
    add(7, [d, c, e, b, a]);
    add(8, [e, b, a, d, c]);
    let outcome = tally(&rules(Method::Schulze, 5), Weighting::Raw, &ballots);
    assert_eq!(
        outcome.ranking,
        vec![vec![e], vec![a], vec![c], vec![b], vec![d]]
    );
    assert!(matches!(outcome.scores[e], Score::Schulze { wins: 4, .. }));
}

#[test]
fn majority_judgment_uses_the_lower_median_and_the_gauge() {
    let graded = |grades: &[(usize, usize)]| Ballot {
        college: "usagers".into(),
        choice: Choice::Grades(grades.to_vec()),
    };
    // A: grades 0, 1, 3 → median 1; B: 1, 1, 2 → median 1; C: 2, 2, 2 → median 2.
    // Same median for A and B: A has 1/3 better and 1/3 worse (not more better than
    // worse), B 0 better and 1/3 worse; tie on "worse" → A and B tie.
    let ballots = [
        graded(&[(0, 0), (1, 1), (2, 2)]),
        graded(&[(0, 1), (1, 1), (2, 2)]),
        graded(&[(0, 3), (1, 2), (2, 2)]),
    ];
    let outcome = tally(
        &rules(Method::MajorityJudgment, 3),
        Weighting::Raw,
        &ballots,
    );
    assert_eq!(outcome.ranking, vec![vec![0, 1], vec![2]]);
    assert_eq!(
        outcome.scores[0],
        Score::Grade {
            median: 1,
            better: frac(1, 3),
            worse: frac(1, 3)
        }
    );
    // Two voters: the lower median is the worse of the two grades; ungraded is worst.
    let two = [graded(&[(0, 0)]), graded(&[(0, 2), (1, 0)])];
    let outcome = tally(&rules(Method::MajorityJudgment, 2), Weighting::Raw, &two);
    assert!(matches!(outcome.scores[0], Score::Grade { median: 2, .. }));
    assert!(matches!(outcome.scores[1], Score::Grade { median: 3, .. }));
    assert_eq!(outcome.ranking, vec![vec![0], vec![1]]);
    // Same median 1; A has more "better" than "worse": A first.
    let gauge = [
        graded(&[(0, 0), (1, 1)]),
        graded(&[(0, 0), (1, 1)]),
        graded(&[(0, 1), (1, 1)]),
        graded(&[(0, 1), (1, 1)]),
        graded(&[(0, 2), (1, 1)]),
    ];
    let outcome = tally(&rules(Method::MajorityJudgment, 2), Weighting::Raw, &gauge);
    assert_eq!(outcome.ranking, vec![vec![0], vec![1]]);
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn ballot(candidates: usize) -> impl Strategy<Value = Ballot> {
        (
            prop::sample::select(vec!["usagers", "aidants", "élus"]),
            Just((0..candidates).collect::<Vec<_>>()).prop_shuffle(),
            prop::collection::vec(0usize..3, candidates),
            0..=candidates,
        )
            .prop_map(|(college, order, cuts, listed)| {
                // Tie groups from a shuffled order: a cut value 0 joins the previous group.
                let mut groups: Vec<Vec<usize>> = Vec::new();
                for (i, candidate) in order.into_iter().take(listed).enumerate() {
                    match groups.last_mut() {
                        Some(group) if cuts[i] == 0 => group.push(candidate),
                        _ => groups.push(vec![candidate]),
                    }
                }
                Ballot {
                    college: college.into(),
                    choice: Choice::Ranking(groups),
                }
            })
    }

    proptest! {
        #[test]
        fn the_order_of_the_ballots_never_matters(
            ballots in prop::collection::vec(ballot(4), 0..40),
            seed in any::<u64>(),
        ) {
            let mut shuffled = ballots.clone();
            // A deterministic shuffle from the seed.
            let mut state = seed | 1;
            for i in (1..shuffled.len()).rev() {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                shuffled.swap(i, (state % (i as u64 + 1)) as usize);
            }
            for method in [Method::Schulze, Method::Borda] {
                for weighting in [Weighting::Raw, Weighting::EqualColleges] {
                    let r = rules(method, 4);
                    prop_assert_eq!(tally(&r, weighting, &ballots), tally(&r, weighting, &shuffled));
                }
            }
        }

        #[test]
        fn every_candidate_is_ranked_exactly_once(ballots in prop::collection::vec(ballot(5), 0..30)) {
            let outcome = tally(&rules(Method::Schulze, 5), Weighting::EqualColleges, &ballots);
            let mut all: Vec<usize> = outcome.ranking.into_iter().flatten().collect();
            all.sort_unstable();
            prop_assert_eq!(all, vec![0, 1, 2, 3, 4]);
        }
    }
}
