//! A survey's results: answers counted per question, broken down by a profile only where
//! every group shown is big enough (the small-group rule), and the easy-read highlights.

use super::*;
use serde::{Deserialize, Serialize};

/// How a breakdown by a profile shows its groups.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grouping {
    /// The groups shown on their own, in their order.
    pub shown: Vec<String>,
    /// The groups merged into "other groups": empty, or together at least the minimum.
    pub merged: Vec<String>,
}

/// The small-group rule for a breakdown. `groups` are the respondents per profile answer
/// (the respondents who gave none are a group too, so that the total minus the groups
/// shown is never a group of its own). Every group shown has at least `min` people; groups
/// under `min` are merged, and when the merged ones together are fewer than `min`, the
/// smallest groups shown join them until they are not. Then the total minus the groups
/// shown is the merged whole, never fewer than `min`: subtraction uncovers no small
/// group. `None` when at most one group would be left to show (no breakdown then).
pub fn grouping(groups: &[(String, usize)], min: usize) -> Option<Grouping> {
    let min = min.max(1);
    let mut shown: Vec<(String, usize)> = groups.iter().filter(|(_, n)| *n > 0).cloned().collect();
    let mut merged: Vec<(String, usize)> = Vec::new();
    shown.retain(|(key, n)| {
        let keep = *n >= min;
        if !keep {
            merged.push((key.clone(), *n));
        }
        keep
    });
    let merged_size = |merged: &[(String, usize)]| merged.iter().map(|(_, n)| n).sum::<usize>();
    while !merged.is_empty() && merged_size(&merged) < min && !shown.is_empty() {
        // The smallest shown group (the last of equals, so the first listed stay).
        let smallest = shown
            .iter()
            .enumerate()
            .rev()
            .min_by_key(|(_, (_, n))| *n)
            .map(|(i, _)| i)
            .unwrap_or_default();
        merged.push(shown.remove(smallest));
    }
    if shown.len() + usize::from(!merged.is_empty()) < 2 {
        return None;
    }
    let order = |key: &String| groups.iter().position(|(k, _)| k == key);
    merged.sort_by_key(|(key, _)| order(key));
    Some(Grouping {
        shown: shown.into_iter().map(|(key, _)| key).collect(),
        merged: merged.into_iter().map(|(key, _)| key).collect(),
    })
}

/// A question's breakdown, given the survey-wide `grouping` of a profile and the
/// question's respondents per group: shown only when every group shown and the merged
/// ones together have at least `min` respondents to this question; otherwise nothing
/// (a question some skipped would else show a smaller group than the survey's grouping).
pub fn question_breakdown(
    grouping: &Grouping,
    respondents: &BTreeMap<String, usize>,
    min: usize,
) -> bool {
    let count = |key: &String| respondents.get(key).copied().unwrap_or(0);
    let merged: usize = grouping.merged.iter().map(count).sum();
    grouping.shown.iter().all(|key| count(key) >= min) && (merged == 0 || merged >= min)
}

/// The results of one question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionResult {
    pub id: i64,
    /// Respondents who answered it.
    pub answered: usize,
    /// Per row (an option, or a point of the scale), how many chose it. For a ranking, how
    /// many put the option first; `mean_ranks` gives the rest.
    pub counts: Vec<usize>,
    /// Ranking only: each option's mean rank among those who ranked it, in hundredths
    /// (None when nobody ranked it).
    pub mean_ranks: Vec<Option<u32>>,
    /// The breakdown by the chosen profile: per group shown (then "other groups" when some
    /// are merged), the respondents and the counts per row. Empty when the small-group rule
    /// hides it for this question.
    pub breakdown: Vec<(Group, usize, Vec<usize>)>,
}

/// A group of a breakdown: a profile answer (its option id), or the merged ones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Group {
    Option(i64),
    /// Merged groups (including, when merged, those who gave no profile answer).
    Others,
    /// Those who gave no profile answer, when large enough to be shown.
    NotSaid,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyResults {
    pub respondents: usize,
    /// The profile question the breakdowns follow, if any.
    pub breakdown_by: Option<i64>,
    pub questions: Vec<QuestionResult>,
}

/// How many respondents gave each distinct answer: what results are made of. The store
/// counts it in the database (`store::surveys::answer_counts`), `AnswerCounts::of` from
/// responses in memory; either way no response is needed whole to count a survey.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerCounts {
    pub respondents: usize,
    /// (question, answer, how many gave it). A free-text question has one entry, an empty
    /// text, with how many answered it.
    pub answers: Vec<(i64, Answer, usize)>,
    /// For the breakdown's profile question: (question, answer, the profile option of
    /// those who gave it, how many), over respondents who answered the profile question.
    /// Free-text questions are left out.
    pub by_group: Vec<(i64, Answer, i64, usize)>,
}

impl AnswerCounts {
    /// Counts `responses`, grouped by their answer to the profile question `by`.
    pub fn of(survey: &SurveyView, responses: &[BTreeMap<i64, Answer>], by: Option<i64>) -> Self {
        let text: BTreeSet<i64> = survey
            .questions()
            .filter(|q| q.kind.is_text())
            .map(|q| q.id)
            .collect();
        let mut answers: BTreeMap<(i64, Answer), usize> = BTreeMap::new();
        let mut by_group: BTreeMap<(i64, Answer, i64), usize> = BTreeMap::new();
        for response in responses {
            let group = by.and_then(|by| match response.get(&by) {
                Some(Answer::Single(option)) => Some(*option),
                _ => None,
            });
            for (question, answer) in response {
                let answer = if text.contains(question) {
                    Answer::Text(String::new())
                } else {
                    answer.clone()
                };
                if let Some(group) = group.filter(|_| !text.contains(question)) {
                    *by_group
                        .entry((*question, answer.clone(), group))
                        .or_default() += 1;
                }
                *answers.entry((*question, answer)).or_default() += 1;
            }
        }
        AnswerCounts {
            respondents: responses.len(),
            answers: answers
                .into_iter()
                .map(|((question, answer), n)| (question, answer, n))
                .collect(),
            by_group: by_group
                .into_iter()
                .map(|((question, answer, group), n)| (question, answer, group, n))
                .collect(),
        }
    }
}

/// How many respondents answered a question, and chose each row of it (options in order,
/// or the scale's points 1 to 5), from `(answer, how many gave it)`. For a ranking, a row
/// counts first places.
pub(super) fn row_counts<'a>(
    question: &SurveyQuestion,
    answers: impl Iterator<Item = (&'a Answer, usize)>,
) -> (usize, Vec<usize>) {
    let rows = match question.kind {
        QuestionKind::Scale => usize::from(SCALE_POINTS),
        _ if question.kind.is_text() => 0,
        _ => question.options.len(),
    };
    let mut counts = vec![0; rows];
    let mut answered = 0;
    let index = |option: &i64| question.options.iter().position(|(id, _)| id == option);
    for (answer, n) in answers {
        answered += n;
        match answer {
            Answer::Single(option) => {
                if let Some(i) = index(option) {
                    counts[i] += n;
                }
            }
            Answer::Multiple(options) => {
                for i in options.iter().filter_map(index) {
                    counts[i] += n;
                }
            }
            Answer::Scale(point) => {
                if let Some(count) = counts.get_mut(usize::from(*point).wrapping_sub(1)) {
                    *count += n;
                }
            }
            Answer::Ranking(order) => {
                if let Some(i) = order.first().and_then(index) {
                    counts[i] += n;
                }
            }
            Answer::Text(_) => {}
        }
    }
    (answered, counts)
}

/// Each option's mean rank among those who ranked it, in hundredths.
pub(super) fn mean_ranks<'a>(
    question: &SurveyQuestion,
    answers: impl Iterator<Item = (&'a Answer, usize)> + Clone,
) -> Vec<Option<u32>> {
    question
        .options
        .iter()
        .map(|(option, _)| {
            let (sum, n) = answers
                .clone()
                .filter_map(|(answer, n)| match answer {
                    Answer::Ranking(order) => {
                        order.iter().position(|o| o == option).map(|p| (p + 1, n))
                    }
                    _ => None,
                })
                .fold((0, 0), |(sum, count), (rank, n)| {
                    (sum + rank * n, count + n)
                });
            (sum * 100)
                .checked_div(n)
                .map(|mean| u32::try_from(mean).unwrap_or(u32::MAX))
        })
        .collect()
}

/// Counts every question of `survey` over `responses`, with breakdowns by the profile
/// question `by` under the small-group rule (`grouping` for the survey, then
/// `question_breakdown` for each question). Free-text questions are counted, never listed.
pub fn tally(
    survey: &SurveyView,
    responses: &[BTreeMap<i64, Answer>],
    by: Option<i64>,
    min: usize,
) -> SurveyResults {
    tally_counts(survey, &AnswerCounts::of(survey, responses, by), by, min)
}

/// `tally` from counts (`AnswerCounts`, grouped by the same `by`).
pub fn tally_counts(
    survey: &SurveyView,
    counts: &AnswerCounts,
    by: Option<i64>,
    min: usize,
) -> SurveyResults {
    let profile = by.and_then(|id| {
        survey
            .questions()
            .find(|q| q.id == id && q.profile.is_some())
    });
    let mut answers: BTreeMap<i64, Vec<(&Answer, usize)>> = BTreeMap::new();
    for (question, answer, n) in &counts.answers {
        answers.entry(*question).or_default().push((answer, *n));
    }
    let mut groups: BTreeMap<(i64, i64), Vec<(&Answer, usize)>> = BTreeMap::new();
    for (question, answer, group, n) in &counts.by_group {
        groups
            .entry((*question, *group))
            .or_default()
            .push((answer, *n));
    }
    let of_question = |id: i64| answers.get(&id).into_iter().flatten().copied();
    let of_group = |id: i64, group: i64| groups.get(&(id, group)).into_iter().flatten().copied();
    // The survey-wide grouping: respondents per profile answer, "" for none.
    let grouping = profile.and_then(|profile| {
        let mut sizes: Vec<(String, usize)> = profile
            .options
            .iter()
            .map(|(option, _)| {
                let n = of_question(profile.id)
                    .filter(|(answer, _)| **answer == Answer::Single(*option))
                    .map(|(_, n)| n)
                    .sum();
                (option.to_string(), n)
            })
            .collect();
        let said: usize = sizes.iter().map(|(_, n)| n).sum();
        sizes.push((String::new(), counts.respondents.saturating_sub(said)));
        grouping(&sizes, min).map(|g| (profile.id, g))
    });
    let questions = survey
        .questions()
        .map(|question| {
            let (answered, totals) = row_counts(question, of_question(question.id));
            let mean_ranks = if question.kind == QuestionKind::Ranking {
                mean_ranks(question, of_question(question.id))
            } else {
                Vec::new()
            };
            let breakdown = match &grouping {
                // Another profile question is never broken down by this one: its groups
                // would cross two profiles ("carers aged under 26"), where small cells hide.
                Some((profile, g))
                    if !question.kind.is_text()
                        && question.id != *profile
                        && question.profile.is_none() =>
                {
                    // Per group key: respondents to this question and their rows; those who
                    // did not say are what the groups leave of the total.
                    let mut rows: BTreeMap<String, (usize, Vec<usize>)> = BTreeMap::new();
                    for key in g.shown.iter().chain(&g.merged) {
                        if let Ok(option) = key.parse::<i64>() {
                            rows.insert(
                                key.clone(),
                                row_counts(question, of_group(question.id, option)),
                            );
                        }
                    }
                    let mut unsaid = (answered, totals.clone());
                    for (n, group_counts) in rows.values() {
                        unsaid.0 = unsaid.0.saturating_sub(*n);
                        for (left, count) in unsaid.1.iter_mut().zip(group_counts) {
                            *left = left.saturating_sub(*count);
                        }
                    }
                    rows.insert(String::new(), unsaid);
                    let per_group: BTreeMap<String, usize> =
                        rows.iter().map(|(key, (n, _))| (key.clone(), *n)).collect();
                    if question_breakdown(g, &per_group, min) {
                        let row_of = |key: &String| rows.get(key).cloned().unwrap_or_default();
                        let mut shown: Vec<(Group, usize, Vec<usize>)> = g
                            .shown
                            .iter()
                            .map(|key| {
                                let group = key
                                    .parse::<i64>()
                                    .map(Group::Option)
                                    .unwrap_or(Group::NotSaid);
                                let (n, counts) = row_of(key);
                                (group, n, counts)
                            })
                            .collect();
                        if !g.merged.is_empty() {
                            let mut others = (0, vec![0; totals.len()]);
                            for key in &g.merged {
                                let (n, counts) = row_of(key);
                                others.0 += n;
                                for (sum, count) in others.1.iter_mut().zip(counts) {
                                    *sum += count;
                                }
                            }
                            shown.push((Group::Others, others.0, others.1));
                        }
                        shown
                    } else {
                        Vec::new()
                    }
                }
                _ => Vec::new(),
            };
            QuestionResult {
                id: question.id,
                answered,
                counts: totals,
                mean_ranks,
                breakdown,
            }
        })
        .collect();
    SurveyResults {
        respondents: counts.respondents,
        breakdown_by: grouping.map(|(profile, _)| profile),
        questions,
    }
}

/// What the easy-read summary of results says about one question: one plain sentence,
/// not a table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Highlight {
    /// Nobody answered it.
    Nobody,
    /// The rows (option indexes, or scale points from 0) that most respondents chose —
    /// several when tied — and how many chose each, out of how many answered.
    Most {
        rows: Vec<usize>,
        count: usize,
        answered: usize,
    },
    /// A ranking: the options most respondents put first (several when tied), how many put
    /// each first, out of how many ranked. Put first, not the best mean rank: a concrete
    /// sentence, and a mean over the few who ranked an option could put a marginal one
    /// ahead.
    FirstRanked {
        rows: Vec<usize>,
        count: usize,
        answered: usize,
    },
    /// Free text: how many wrote something.
    Written { answered: usize },
}

impl Highlight {
    /// The highlight of `result`, a question of this `kind`.
    pub fn of(kind: QuestionKind, result: &QuestionResult) -> Self {
        if result.answered == 0 {
            return Highlight::Nobody;
        }
        let count = result.counts.iter().copied().max().unwrap_or(0);
        if count == 0 && !kind.is_text() {
            return Highlight::Nobody;
        }
        let rows: Vec<usize> = result
            .counts
            .iter()
            .enumerate()
            .filter(|(_, c)| **c == count)
            .map(|(row, _)| row)
            .collect();
        let answered = result.answered;
        match kind {
            QuestionKind::ShortText | QuestionKind::LongText => Highlight::Written { answered },
            QuestionKind::Ranking => Highlight::FirstRanked {
                rows,
                count,
                answered,
            },
            QuestionKind::Single | QuestionKind::Multiple | QuestionKind::Scale => {
                Highlight::Most {
                    rows,
                    count,
                    answered,
                }
            }
        }
    }
}

/// Whether one question's results may stand beside a finding on its public page: its survey
/// is closed (so its results are public) and at least `min` people answered the question.
/// Stricter than the survey's own results page, which shows the whole figures at any size:
/// a finding's page quotes a single question out of its survey, where a handful of answers
/// would read as a finding about a few people the room may know.
pub fn shown_beside_finding(state: SurveyState, result: &QuestionResult, min: usize) -> bool {
    state == SurveyState::Closed && result.answered >= min.max(1)
}
