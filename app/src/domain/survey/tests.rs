use super::*;

/// The value, or the test fails naming what was missing.
fn present<T>(value: Option<T>, what: &str) -> T {
    match value {
        Some(value) => value,
        None => panic!("no {what}"),
    }
}

fn rules() -> Vec<QuestionRules> {
    vec![
        QuestionRules {
            id: 1,
            kind: QuestionKind::Single,
            required: true,
            options: vec![10, 11, 12],
        },
        QuestionRules {
            id: 2,
            kind: QuestionKind::Multiple,
            required: false,
            options: vec![20, 21, 22],
        },
        QuestionRules {
            id: 3,
            kind: QuestionKind::Scale,
            required: true,
            options: vec![],
        },
        QuestionRules {
            id: 4,
            kind: QuestionKind::ShortText,
            required: false,
            options: vec![],
        },
        QuestionRules {
            id: 5,
            kind: QuestionKind::LongText,
            required: false,
            options: vec![],
        },
        QuestionRules {
            id: 6,
            kind: QuestionKind::Ranking,
            required: false,
            options: vec![60, 61, 62],
        },
    ]
}

fn form(fields: &[(&str, &str)]) -> BTreeMap<String, String> {
    fields
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

#[test]
fn reads_every_kind_of_answer() {
    let (answers, problems) = read_answers(
        &rules(),
        &form(&[
            ("q1", "11"),
            ("q2-22", "on"),
            ("q2-20", "on"),
            ("q3", "4"),
            ("q4", "  Plus de permanences  "),
            ("q5", ""),
            ("q6-62", "1"),
            ("q6-60", "2"),
            ("q6-61", ""),
        ]),
    );
    assert_eq!(problems, []);
    assert_eq!(answers[&1], Answer::Single(11));
    assert_eq!(
        answers[&2],
        Answer::Multiple(vec![20, 22]),
        "author's order"
    );
    assert_eq!(answers[&3], Answer::Scale(4));
    assert_eq!(answers[&4], Answer::Text("Plus de permanences".into()));
    assert!(!answers.contains_key(&5), "blank is no answer");
    assert_eq!(
        answers[&6],
        Answer::Ranking(vec![62, 60]),
        "unranked left out"
    );
}

#[test]
fn every_problem_is_reported_beside_its_question() {
    let long = "x".repeat(SHORT_ANSWER_MAX + 1);
    let very_long = "é".repeat(LONG_ANSWER_MAX + 1);
    let (answers, problems) = read_answers(
        &rules(),
        &form(&[
            ("q1", "99"),
            ("q2-29", "on"),
            ("q3", "6"),
            ("q4", &long),
            ("q5", &very_long),
            ("q6-60", "1"),
            ("q6-61", "1"),
            ("q77", "x"),
        ]),
    );
    let messages: Vec<(i64, &str)> = problems.iter().map(|p| (p.question, p.message)).collect();
    assert_eq!(
        messages,
        [
            (2, "error-answer-unknown-option"),
            (77, "error-answer-unknown-question"),
            (1, "error-answer-unknown-option"),
            (3, "error-answer-scale"),
            (4, "error-answer-too-long-short"),
            (5, "error-answer-too-long"),
            (6, "error-answer-ranking-twice"),
        ]
    );
    assert!(!answers.contains_key(&1) && !answers.contains_key(&3));
}

#[test]
fn required_questions_need_an_answer_and_texts_count_characters() {
    let (_, problems) = read_answers(&rules(), &form(&[("q1", ""), ("q3", "  ")]));
    assert_eq!(
        problems,
        [
            AnswerProblem {
                question: 1,
                message: "error-answer-required"
            },
            AnswerProblem {
                question: 3,
                message: "error-answer-required"
            },
        ]
    );
    let exactly = "é".repeat(SHORT_ANSWER_MAX);
    let (answers, problems) = read_answers(
        &rules(),
        &form(&[("q1", "10"), ("q3", "1"), ("q4", &exactly)]),
    );
    assert_eq!(problems, []);
    assert_eq!(answers[&4], Answer::Text(exactly));
}

#[test]
fn a_ranking_takes_ranks_within_the_number_of_options() {
    for bad in ["0", "4", "premier"] {
        let (_, problems) = read_answers(
            &rules(),
            &form(&[("q1", "10"), ("q3", "1"), ("q6-60", bad)]),
        );
        assert_eq!(problems[0].message, "error-answer-ranking", "{bad}");
    }
}

fn wording(plain: &str) -> crate::domain::Wording {
    crate::domain::Wording {
        plain: plain.into(),
        easy: String::new(),
    }
}

#[test]
fn a_question_draft_needs_a_prompt_and_sensible_options() {
    let mut q = QuestionDraft {
        kind: QuestionKind::Single,
        prompt: wording("Où habitez-vous ?"),
        required: false,
        profile: Some(Profile::Commune),
        options: vec![wording("Lisandre"), wording("Val-Haut"), wording("")],
    };
    assert_eq!(q.check(), Ok(()), "blank options are ignored");
    q.options[1] = wording(" lisandre ");
    assert_eq!(q.check(), Err(("options", "error-question-option-twice")));
    q.options.truncate(1);
    assert_eq!(q.check(), Err(("options", "error-question-options-count")));
    q.options = (0..=OPTIONS_MAX)
        .map(|i| wording(&format!("choix {i}")))
        .collect();
    assert_eq!(q.check(), Err(("options", "error-question-options-count")));
    q.options = vec![wording("a"), wording(&"b".repeat(OPTION_MAX + 1))];
    assert_eq!(q.check(), Err(("options", "error-question-option-long")));
    q.kind = QuestionKind::Multiple;
    assert_eq!(q.check(), Err(("kind", "error-question-profile-single")));
    q.profile = None;
    q.kind = QuestionKind::LongText;
    assert_eq!(q.check(), Err(("options", "error-question-no-options")));
    q.options.clear();
    assert_eq!(q.check(), Ok(()));
    q.prompt = wording("   ");
    assert_eq!(q.check(), Err(("prompt", "error-question-prompt")));
    q.prompt = wording(&"é".repeat(PROMPT_MAX + 1));
    assert_eq!(q.check(), Err(("prompt", "error-question-prompt-long")));
}

#[test]
fn a_survey_goes_from_draft_to_open_to_closed_only() {
    use SurveyState::*;
    assert!(Draft.can_become(Open) && Open.can_become(Closed));
    for (from, to) in [
        (Draft, Closed),
        (Open, Draft),
        (Closed, Open),
        (Closed, Draft),
        (Open, Open),
    ] {
        assert!(!from.can_become(to), "{from:?} → {to:?}");
    }
    for state in [Draft, Open, Closed] {
        assert_eq!(SurveyState::parse(state.key()), Some(state));
    }
}

/// A survey: a college profile (options 10, 11, 12), a single choice (20, 21), a
/// scale, a ranking (40, 41, 42) and a free text.
fn survey() -> SurveyView {
    let q = |id, kind, profile, options: &[i64]| SurveyQuestion {
        id,
        kind,
        prompt: wording("?"),
        required: false,
        profile,
        options: options.iter().map(|o| (*o, wording("o"))).collect(),
    };
    SurveyView {
        id: 1,
        title: wording("t"),
        intro: wording(""),
        state: SurveyState::Open,
        one_per_person: false,
        sections: vec![SectionView {
            title: wording("s"),
            questions: vec![
                q(
                    1,
                    QuestionKind::Single,
                    Some(Profile::College),
                    &[10, 11, 12],
                ),
                q(2, QuestionKind::Single, None, &[20, 21]),
                q(3, QuestionKind::Scale, None, &[]),
                q(4, QuestionKind::Ranking, None, &[40, 41, 42]),
                q(5, QuestionKind::LongText, None, &[]),
            ],
        }],
    }
}

fn response(college: Option<i64>, choice: i64, point: u8) -> BTreeMap<i64, Answer> {
    let mut r = BTreeMap::new();
    if let Some(college) = college {
        r.insert(1, Answer::Single(college));
    }
    r.insert(2, Answer::Single(choice));
    r.insert(3, Answer::Scale(point));
    r.insert(4, Answer::Ranking(vec![41, 40]));
    r.insert(5, Answer::Text("Mme Durand au CMP".into()));
    r
}

#[test]
fn the_tally_counts_every_kind_and_never_lists_free_text() {
    let responses = vec![
        response(Some(10), 20, 5),
        response(Some(10), 21, 4),
        response(None, 20, 4),
    ];
    let results = tally(&survey(), &responses, None, 5);
    assert_eq!(results.respondents, 3);
    let q = |id: usize| -> &QuestionResult { &results.questions[id - 1] };
    assert_eq!((q(2).answered, q(2).counts.clone()), (3, vec![2, 1]));
    assert_eq!(q(3).counts, [0, 0, 0, 2, 1]);
    assert_eq!(q(4).counts, [0, 3, 0], "placed first");
    assert_eq!(q(4).mean_ranks, [Some(200), Some(100), None]);
    assert_eq!((q(5).answered, q(5).counts.len()), (3, 0));
    assert_eq!(q(1).counts, [2, 0, 0], "no answer is not a choice");
}

#[test]
fn breakdowns_follow_the_small_group_rule_and_free_text_is_never_broken_down() {
    // Six usagers (10), six aidants (11), two residents (12), one who did not say.
    let mut responses: Vec<_> = (0..6).map(|i| response(Some(10), 20 + i % 2, 4)).collect();
    responses.extend((0..6).map(|_| response(Some(11), 21, 2)));
    responses.extend((0..2).map(|_| response(Some(12), 20, 5)));
    responses.push(response(None, 20, 1));
    let results = tally(&survey(), &responses, Some(1), 5);
    assert_eq!(results.breakdown_by, Some(1));
    // 2 residents + 1 unsaid = 3 < 5: the aidants (6, the smallest shown, last of
    // equals) join them.
    let choice = &results.questions[1];
    let groups: Vec<(Group, usize)> = choice
        .breakdown
        .iter()
        .map(|(g, n, _)| (g.clone(), *n))
        .collect();
    assert_eq!(groups, [(Group::Option(10), 6), (Group::Others, 9)]);
    assert_eq!(choice.breakdown[0].2, [3, 3]);
    assert_eq!(choice.breakdown[1].2, [3, 6]);
    // Every figure shown stands for at least five people, and the total minus the
    // groups shown is the merged whole.
    assert_eq!(
        choice.answered - choice.breakdown[0].1,
        choice.breakdown[1].1
    );
    assert!(results.questions[4].breakdown.is_empty(), "free text");
    assert!(
        results.questions[0].breakdown.is_empty(),
        "the profile itself"
    );
    // With a minimum of ten, only one group would be left: no breakdown.
    let strict = tally(&survey(), &responses, Some(1), 10);
    assert_eq!(strict.breakdown_by, None);
    assert!(strict.questions.iter().all(|q| q.breakdown.is_empty()));
}

#[test]
fn a_breakdown_never_crosses_two_profiles_nor_shows_under_the_minimum_in_all() {
    // The survey with a second profile question: an age band (options 60, 61).
    let mut with_age = survey();
    with_age.sections[0].questions.push(SurveyQuestion {
        id: 6,
        kind: QuestionKind::Single,
        prompt: wording("Âge"),
        required: false,
        profile: Some(Profile::AgeBand),
        options: vec![
            (60, wording("moins de 26 ans")),
            (61, wording("26 ans et plus")),
        ],
    });
    let aged = |college, age| {
        let mut r = response(Some(college), 20, 3);
        r.insert(6, Answer::Single(age));
        r
    };
    // Six usagers and five aidants, of whom four are under 26.
    let mut responses: Vec<_> = (0..6).map(|_| aged(10, 61)).collect();
    responses.extend((0..4).map(|_| aged(11, 60)));
    responses.push(aged(11, 61));
    let by_college = tally(&with_age, &responses, Some(1), 5);
    assert_eq!(by_college.breakdown_by, Some(1));
    assert_eq!(
        by_college.questions[1].breakdown.len(),
        2,
        "a plain question is"
    );
    assert!(
        by_college.questions[5].breakdown.is_empty(),
        "the age band by college would show 4 aidants under 26"
    );
    // Its own totals are still counted.
    assert_eq!(by_college.questions[5].counts, [4, 7]);
    // Fewer respondents in all than the minimum (two usagers, two aidants): no
    // breakdown at all.
    let few = tally(&with_age, &responses[4..8], Some(1), 5);
    assert_eq!(few.breakdown_by, None);
    assert!(few.questions.iter().all(|q| q.breakdown.is_empty()));
}

#[test]
fn a_question_some_skipped_loses_its_breakdown_when_a_group_shown_becomes_small() {
    let mut responses: Vec<_> = (0..5).map(|_| response(Some(10), 20, 4)).collect();
    responses.extend((0..5).map(|_| response(Some(11), 21, 2)));
    // One aidant skips the scale: four aidants answered it.
    responses[9].remove(&3);
    let results = tally(&survey(), &responses, Some(1), 5);
    assert_eq!(
        results.questions[1].breakdown.len(),
        2,
        "the choice: 5 and 5"
    );
    assert!(
        results.questions[2].breakdown.is_empty(),
        "the scale: 5 and 4"
    );
}

fn groups(sizes: &[(&str, usize)]) -> Vec<(String, usize)> {
    sizes.iter().map(|(k, n)| ((*k).to_owned(), *n)).collect()
}

/// What subtracting the groups shown from the total uncovers: the people of the
/// merged groups, as one number.
fn uncovered(all: &[(String, usize)], grouping: &Grouping) -> usize {
    let total: usize = all.iter().map(|(_, n)| n).sum();
    let shown: usize = all
        .iter()
        .filter(|(k, _)| grouping.shown.contains(k))
        .map(|(_, n)| n)
        .sum();
    total - shown
}

#[test]
fn groups_under_the_minimum_are_merged_and_the_merged_whole_is_never_small() {
    let all = groups(&[
        ("habitants", 20),
        ("professionnels", 11),
        ("usagers", 3),
        ("aidants", 2),
        ("elus", 0),
    ]);
    let g = present(grouping(&all, 5), "a breakdown");
    assert_eq!(g.shown, ["habitants", "professionnels"]);
    assert_eq!(
        g.merged,
        ["usagers", "aidants"],
        "3 + 2 = 5: enough together"
    );
    assert_eq!(uncovered(&all, &g), 5);
}

#[test]
fn the_subtraction_attack_on_the_total_finds_no_small_group() {
    // Hiding the three usagers alone would give them away: total − shown = 3.
    let all = groups(&[("habitants", 20), ("professionnels", 17), ("usagers", 3)]);
    let g = present(grouping(&all, 5), "a breakdown");
    assert_eq!(g.shown, ["habitants"]);
    assert_eq!(g.merged, ["professionnels", "usagers"]);
    assert!(uncovered(&all, &g) >= 5);
}

#[test]
fn the_subtraction_attack_across_two_breakdowns_and_the_total_finds_no_small_group() {
    // The same 40 respondents by college and by age band; the 3 youngest are the 3
    // usagers. Hiding each small group on its own would show them in both breakdowns
    // as "total − shown" = 3, and their answers as the overall counts minus the shown
    // groups' counts.
    let by_college = groups(&[("habitants", 20), ("professionnels", 17), ("usagers", 3)]);
    let by_age = groups(&[("18-25", 3), ("26-64", 30), ("65+", 7)]);
    let college = present(grouping(&by_college, 5), "college");
    let age = present(grouping(&by_age, 5), "age");
    for (all, g) in [(&by_college, &college), (&by_age, &age)] {
        let uncovered = uncovered(all, g);
        assert!(
            uncovered == 0 || uncovered >= 5,
            "{g:?} uncovers {uncovered}"
        );
        for key in &g.shown {
            let n = all.iter().find(|(k, _)| k == key).map(|(_, n)| *n);
            assert!(n >= Some(5), "{key} shown with {n:?}");
        }
    }
    assert_eq!(college.shown, ["habitants"]);
    assert_eq!(college.merged, ["professionnels", "usagers"]);
    // 3 alone is too few, so the next smallest joins them: 3 + 7.
    assert_eq!(age.shown, ["26-64"]);
    assert_eq!(age.merged, ["18-25", "65+"]);
    // The two merged wholes (17 + 3 and 3 + 7) share only what neither shows alone.
    let total: usize = by_college.iter().map(|(_, n)| n).sum();
    assert_eq!(total, by_age.iter().map(|(_, n)| n).sum::<usize>());
}

#[test]
fn no_breakdown_when_one_group_or_fewer_would_be_left() {
    assert_eq!(
        grouping(&groups(&[("a", 4), ("b", 3)]), 5),
        None,
        "7 people"
    );
    assert_eq!(grouping(&groups(&[("a", 40)]), 5), None);
    assert_eq!(grouping(&groups(&[]), 5), None);
    let g = present(
        grouping(&groups(&[("a", 4), ("b", 3), ("c", 30)]), 5),
        "two",
    );
    assert_eq!((g.shown.len(), g.merged.len()), (1, 2));
}

#[test]
fn a_question_some_skipped_shows_its_breakdown_only_if_no_group_became_small() {
    let g = Grouping {
        shown: vec!["habitants".into(), "professionnels".into()],
        merged: vec!["usagers".into(), "aidants".into()],
    };
    let respondents = |sizes: &[(&str, usize)]| -> BTreeMap<String, usize> {
        sizes.iter().map(|(k, n)| ((*k).to_owned(), *n)).collect()
    };
    assert!(question_breakdown(
        &g,
        &respondents(&[("habitants", 9), ("professionnels", 5), ("usagers", 5)]),
        5
    ));
    assert!(!question_breakdown(
        &g,
        &respondents(&[("habitants", 9), ("professionnels", 4), ("usagers", 5)]),
        5
    ));
    assert!(!question_breakdown(
        &g,
        &respondents(&[("habitants", 9), ("professionnels", 5), ("aidants", 2)]),
        5
    ));
    assert!(question_breakdown(
        &g,
        &respondents(&[("habitants", 9), ("professionnels", 5)]),
        5
    ));
}

fn result(answered: usize, counts: Vec<usize>, mean_ranks: Vec<Option<u32>>) -> QuestionResult {
    QuestionResult {
        id: 1,
        answered,
        counts,
        mean_ranks,
        breakdown: Vec::new(),
    }
}

#[test]
fn the_summary_names_the_most_chosen_answer_and_every_tie() {
    assert_eq!(
        Highlight::of(QuestionKind::Single, &result(15, vec![8, 7, 0], vec![])),
        Highlight::Most {
            rows: vec![0],
            count: 8,
            answered: 15
        }
    );
    assert_eq!(
        Highlight::of(QuestionKind::Scale, &result(9, vec![1, 4, 0, 4, 0], vec![])),
        Highlight::Most {
            rows: vec![1, 3],
            count: 4,
            answered: 9
        }
    );
    // Multiple choice: each counted on its own, more choices than respondents.
    assert_eq!(
        Highlight::of(QuestionKind::Multiple, &result(4, vec![3, 3, 2], vec![])),
        Highlight::Most {
            rows: vec![0, 1],
            count: 3,
            answered: 4
        }
    );
}

#[test]
fn the_summary_of_a_ranking_is_what_most_put_first() {
    // Option 2 has the best mean rank, but more people put option 0 first.
    let ranked = result(10, vec![5, 1, 4], vec![Some(190), Some(260), Some(150)]);
    assert_eq!(
        Highlight::of(QuestionKind::Ranking, &ranked),
        Highlight::FirstRanked {
            rows: vec![0],
            count: 5,
            answered: 10
        }
    );
}

#[test]
fn the_summary_counts_written_answers_and_says_when_nobody_answered() {
    assert_eq!(
        Highlight::of(QuestionKind::LongText, &result(6, vec![], vec![])),
        Highlight::Written { answered: 6 }
    );
    assert_eq!(
        Highlight::of(QuestionKind::Single, &result(0, vec![0, 0], vec![])),
        Highlight::Nobody
    );
}

#[test]
fn a_finding_quotes_a_question_only_once_closed_and_answered_by_enough_people() {
    let enough = result(5, vec![3, 2], Vec::new());
    let few = result(4, vec![3, 1], Vec::new());
    assert!(shown_beside_finding(SurveyState::Closed, &enough, 5));
    assert!(!shown_beside_finding(SurveyState::Closed, &few, 5));
    assert!(!shown_beside_finding(SurveyState::Open, &enough, 5));
    assert!(!shown_beside_finding(SurveyState::Draft, &enough, 5));
    // A council that set no minimum still shows nothing nobody answered.
    let nobody = result(0, vec![0, 0], Vec::new());
    assert!(!shown_beside_finding(SurveyState::Closed, &nobody, 0));
}

/// `read_answers` under hostile forms: whatever the fields, every answer kept obeys its
/// question's rules, every problem names its question and a message both languages have,
/// and a form the page itself would send is read back to what it says.
mod properties {
    use super::super::*;
    use crate::domain::Lang;
    use crate::i18n::message;
    use proptest::prelude::*;

    /// A survey of up to eight questions of any kind, option ids drawn so that two
    /// questions may share none.
    fn survey() -> impl Strategy<Value = Vec<QuestionRules>> {
        prop::collection::vec(
            (
                prop::sample::select(QuestionKind::ALL.to_vec()),
                any::<bool>(),
                1usize..6,
            ),
            0..8,
        )
        .prop_map(|questions| {
            questions
                .into_iter()
                .enumerate()
                .map(|(n, (kind, required, options))| {
                    let id = n as i64 + 1;
                    QuestionRules {
                        id,
                        kind,
                        required,
                        options: if kind.has_options() {
                            (0..options as i64).map(|o| id * 100 + o).collect()
                        } else {
                            Vec::new()
                        },
                    }
                })
                .collect()
        })
    }

    /// What a tampering hand, or an old form, may send as a field's name: the survey's own
    /// keys, other questions' and options', and names that are not keys at all.
    fn key() -> impl Strategy<Value = String> {
        prop_oneof![
            (1i64..10).prop_map(|q| answer_key(q, None)),
            (1i64..10, 0i64..8).prop_map(|(q, o)| answer_key(q, Some(q * 100 + o))),
            (1i64..10, any::<i64>()).prop_map(|(q, o)| answer_key(q, Some(o))),
            prop::sample::select(vec![
                "",
                "q",
                "q-",
                "q-1",
                "q1-",
                "q1--100",
                "q0",
                "qq1",
                "1",
                "q 1",
                "q١",
                "q9223372036854775807",
                "q-9223372036854775808",
                "q1-100-100",
                "slug",
                "survey",
            ])
            .prop_map(String::from),
            "q[0-9\\-]{0,24}",
            ".{0,12}",
        ]
    }

    /// Values: what the page's controls send, and what they cannot.
    fn value() -> impl Strategy<Value = String> {
        prop_oneof![
            (0i64..8).prop_map(|n| n.to_string()),
            (100i64..1000).prop_map(|n| n.to_string()),
            prop::sample::select(vec![
                "",
                " ",
                "on",
                "0",
                "-1",
                "6",
                "255",
                "256",
                "1.5",
                " 3 ",
                "+2",
                "٣",
                "1e2",
                "18446744073709551616",
                "\u{0}",
                "\u{feff}1",
                "Oui",
                "🙂",
            ])
            .prop_map(String::from),
            ".{0,40}",
            (190usize..2100).prop_map(|n| "é".repeat(n)),
        ]
    }

    /// Whether `answer` is one that `rules` allows.
    fn obeys(rules: &QuestionRules, answer: &Answer) -> bool {
        let distinct_options = |ids: &[i64]| {
            ids.iter().all(|o| rules.options.contains(o))
                && ids.iter().collect::<BTreeSet<_>>().len() == ids.len()
                && !ids.is_empty()
        };
        match (rules.kind, answer) {
            (QuestionKind::Single, Answer::Single(o)) => rules.options.contains(o),
            (QuestionKind::Multiple, Answer::Multiple(ids)) => {
                // In the author's order.
                distinct_options(ids)
                    && ids.windows(2).all(|w| {
                        rules.options.iter().position(|o| *o == w[0])
                            < rules.options.iter().position(|o| *o == w[1])
                    })
            }
            (QuestionKind::Scale, Answer::Scale(point)) => (1..=SCALE_POINTS).contains(point),
            (QuestionKind::ShortText | QuestionKind::LongText, Answer::Text(text)) => {
                !text.is_empty()
                    && text.trim() == text
                    && text.chars().count() <= rules.kind.text_max()
            }
            (QuestionKind::Ranking, Answer::Ranking(ids)) => distinct_options(ids),
            _ => false,
        }
    }

    /// The fields the answer form sends for `answers` (ranks: first = 1).
    fn form_of(answers: &BTreeMap<i64, Answer>) -> BTreeMap<String, String> {
        let mut fields = BTreeMap::new();
        for (question, answer) in answers {
            match answer {
                Answer::Single(o) => {
                    fields.insert(answer_key(*question, None), o.to_string());
                }
                Answer::Scale(point) => {
                    fields.insert(answer_key(*question, None), point.to_string());
                }
                Answer::Text(text) => {
                    fields.insert(answer_key(*question, None), text.clone());
                }
                Answer::Multiple(ids) => {
                    for o in ids {
                        fields.insert(answer_key(*question, Some(*o)), "on".into());
                    }
                }
                Answer::Ranking(ids) => {
                    for (rank, o) in ids.iter().enumerate() {
                        fields.insert(answer_key(*question, Some(*o)), (rank + 1).to_string());
                    }
                }
            }
        }
        fields
    }

    proptest! {
        #![proptest_config(crate::property_cases(2048))]
        #[test]
        fn every_answer_kept_obeys_its_question_and_every_problem_is_named(
            questions in survey(),
            fields in prop::collection::btree_map(key(), value(), 0..16),
        ) {
            let (answers, problems) = read_answers(&questions, &fields);
            for (id, answer) in &answers {
                let rules = questions.iter().find(|q| q.id == *id);
                prop_assert!(rules.is_some_and(|rules| obeys(rules, answer)), "{id}: {answer:?}");
            }
            for problem in &problems {
                for lang in [Lang::Fr, Lang::En] {
                    prop_assert_ne!(message(lang, false, problem.message, None), problem.message);
                }
            }
            // Nothing is both kept and refused, and a required question left without an
            // answer is a problem.
            for rules in &questions {
                let refused = problems.iter().any(|p| p.question == rules.id);
                if rules.required && !answers.contains_key(&rules.id) {
                    prop_assert!(refused, "required {} passed unanswered", rules.id);
                }
            }
            // Two options given one rank say nothing about their order: no ranking is kept.
            for rules in questions.iter().filter(|q| q.kind == QuestionKind::Ranking) {
                let mut ranks: Vec<&str> = rules
                    .options
                    .iter()
                    .filter_map(|o| fields.get(&answer_key(rules.id, Some(*o))))
                    .map(|v| v.trim())
                    .filter(|v| !v.is_empty())
                    .collect();
                let given = ranks.len();
                ranks.sort_unstable();
                ranks.dedup();
                if ranks.len() < given {
                    prop_assert!(!answers.contains_key(&rules.id), "{}: a rank twice", rules.id);
                }
            }
            // The form the page sends for what was kept reads back to the same.
            let (again, _) = read_answers(&questions, &form_of(&answers));
            prop_assert_eq!(again, answers);
        }
    }

    proptest! {
        #![proptest_config(crate::property_cases(1024))]
        /// A ranking is kept exactly when every rank given is one of 1..=n and none is
        /// given twice, its options in rank order; otherwise one problem, and no answer.
        #[test]
        fn a_ranking_is_kept_only_with_distinct_ranks_in_their_order(
            ranks in prop::collection::vec(prop::option::of(0usize..7), 1..6),
        ) {
            let n = ranks.len();
            let rules = QuestionRules {
                id: 1,
                kind: QuestionKind::Ranking,
                required: false,
                options: (0..n as i64).map(|o| 100 + o).collect(),
            };
            let given: Vec<(usize, i64)> = ranks
                .iter()
                .enumerate()
                .filter_map(|(o, rank)| rank.map(|rank| (rank, 100 + o as i64)))
                .collect();
            let fields: BTreeMap<String, String> = given
                .iter()
                .map(|(rank, option)| (answer_key(1, Some(*option)), rank.to_string()))
                .collect();
            let (answers, problems) = read_answers(&[rules], &fields);
            let distinct = given.iter().map(|(rank, _)| rank).collect::<BTreeSet<_>>().len();
            let valid = distinct == given.len() && given.iter().all(|(rank, _)| (1..=n).contains(rank));
            if given.is_empty() {
                prop_assert!(answers.is_empty() && problems.is_empty());
            } else if valid {
                let mut order = given.clone();
                order.sort_unstable();
                let expected = Answer::Ranking(order.into_iter().map(|(_, option)| option).collect());
                prop_assert_eq!(answers.get(&1), Some(&expected));
                prop_assert!(problems.is_empty());
            } else {
                prop_assert!(answers.is_empty());
                prop_assert_eq!(problems.len(), 1);
            }
        }
    }
}
