//! Anonymous surveys: the questions a survey asks, reading a respondent's answers from a
//! plain form post (each problem tied to its question), and the small-group rule that keeps
//! breakdowns by profile from pointing at anyone.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum QuestionKind {
    /// One option.
    Single,
    /// Any number of options.
    Multiple,
    /// 1 (not at all) to 5 (very much); faces in easy-read.
    Scale,
    ShortText,
    LongText,
    /// Options put in order (each given a distinct rank; some may stay unranked).
    Ranking,
}

impl QuestionKind {
    pub const ALL: [QuestionKind; 6] = [
        QuestionKind::Single,
        QuestionKind::Multiple,
        QuestionKind::Scale,
        QuestionKind::ShortText,
        QuestionKind::LongText,
        QuestionKind::Ranking,
    ];

    pub fn key(self) -> &'static str {
        match self {
            QuestionKind::Single => "single",
            QuestionKind::Multiple => "multiple",
            QuestionKind::Scale => "scale",
            QuestionKind::ShortText => "short-text",
            QuestionKind::LongText => "long-text",
            QuestionKind::Ranking => "ranking",
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.key() == key)
    }

    /// Whether the question offers options written by its author.
    pub fn has_options(self) -> bool {
        matches!(
            self,
            QuestionKind::Single | QuestionKind::Multiple | QuestionKind::Ranking
        )
    }

    /// Whether answers are free text (shown to staff only until checked for names).
    pub fn is_text(self) -> bool {
        matches!(self, QuestionKind::ShortText | QuestionKind::LongText)
    }

    /// The longest answer accepted, in characters.
    pub fn text_max(self) -> usize {
        match self {
            QuestionKind::ShortText => SHORT_ANSWER_MAX,
            _ => LONG_ANSWER_MAX,
        }
    }
}

pub const SHORT_ANSWER_MAX: usize = 200;
pub const LONG_ANSWER_MAX: usize = 2000;
pub const SCALE_POINTS: u8 = 5;

/// A profile question: respondents describe themselves, and results can be broken down by
/// their answers (a single choice).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Profile {
    College,
    Commune,
    AgeBand,
}

impl Profile {
    pub const ALL: [Profile; 3] = [Profile::College, Profile::Commune, Profile::AgeBand];

    pub fn key(self) -> &'static str {
        match self {
            Profile::College => "college",
            Profile::Commune => "commune",
            Profile::AgeBand => "age-band",
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.key() == key)
    }
}

/// A question as the answer form needs it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionRules {
    pub id: i64,
    pub kind: QuestionKind,
    pub required: bool,
    /// The option ids, in the author's order.
    pub options: Vec<i64>,
}

/// One respondent's answer to one question.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Answer {
    Single(i64),
    Multiple(Vec<i64>),
    Scale(u8),
    Text(String),
    /// Option ids, best first.
    Ranking(Vec<i64>),
}

/// What is wrong with the answer to a question: a Fluent id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerProblem {
    pub question: i64,
    pub message: &'static str,
}

/// Reads the answers of a form post, whose fields are `q[q<question>]` (single choice: the
/// option id; scale: 1–5; text) and `q[q<question>-<option>]` (multiple choice: present
/// when ticked; ranking: the rank chosen, blank for unranked). The keys start with a letter:
/// a key of digits would be read as a list index by the form decoder. Empty answers are no
/// answers. Every problem is reported, each with its question; a field naming no question
/// or option of the survey is a problem too (a tampered or outdated form).
pub fn read_answers(
    questions: &[QuestionRules],
    fields: &BTreeMap<String, String>,
) -> (BTreeMap<i64, Answer>, Vec<AnswerProblem>) {
    let mut answers = BTreeMap::new();
    let mut problems = Vec::new();
    let mut problem = |question: i64, message: &'static str| {
        problems.push(AnswerProblem { question, message });
    };
    // Fields by question: the whole value, and the per-option ones.
    let mut whole: BTreeMap<i64, &str> = BTreeMap::new();
    let mut per_option: BTreeMap<i64, Vec<(i64, &str)>> = BTreeMap::new();
    for (name, value) in fields {
        let name = name.strip_prefix('q').unwrap_or("?");
        let (question, option) = match name.split_once('-') {
            Some((q, o)) => (q.parse::<i64>().ok(), o.parse::<i64>().ok()),
            None => (name.parse::<i64>().ok(), None),
        };
        let known = question.and_then(|q| questions.iter().find(|r| r.id == q));
        match (known, option, name.contains('-')) {
            (Some(rules), None, false) => {
                whole.insert(rules.id, value.as_str());
            }
            (Some(rules), Some(option), true) if rules.options.contains(&option) => {
                per_option
                    .entry(rules.id)
                    .or_default()
                    .push((option, value.as_str()));
            }
            (Some(rules), _, _) => problem(rules.id, "error-answer-unknown-option"),
            (None, _, _) => problem(question.unwrap_or(0), "error-answer-unknown-question"),
        }
    }
    for rules in questions {
        let typed = whole.get(&rules.id).map(|v| v.trim()).unwrap_or_default();
        let options = per_option.remove(&rules.id).unwrap_or_default();
        let read: Result<Option<Answer>, &'static str> = match rules.kind {
            QuestionKind::Single => match typed {
                "" => Ok(None),
                typed => typed
                    .parse::<i64>()
                    .ok()
                    .filter(|o| rules.options.contains(o))
                    .map(|o| Some(Answer::Single(o)))
                    .ok_or("error-answer-unknown-option"),
            },
            QuestionKind::Scale => match typed {
                "" => Ok(None),
                typed => typed
                    .parse::<u8>()
                    .ok()
                    .filter(|point| (1..=SCALE_POINTS).contains(point))
                    .map(|point| Some(Answer::Scale(point)))
                    .ok_or("error-answer-scale"),
            },
            QuestionKind::ShortText | QuestionKind::LongText => {
                if typed.chars().count() > rules.kind.text_max() {
                    Err(if rules.kind == QuestionKind::ShortText {
                        "error-answer-too-long-short"
                    } else {
                        "error-answer-too-long"
                    })
                } else {
                    Ok((!typed.is_empty()).then(|| Answer::Text(typed.to_owned())))
                }
            }
            QuestionKind::Multiple => {
                let mut ticked: Vec<i64> = options
                    .iter()
                    .filter(|(_, v)| !v.trim().is_empty())
                    .map(|(o, _)| *o)
                    .collect();
                ticked.sort_by_key(|o| rules.options.iter().position(|x| x == o));
                Ok((!ticked.is_empty()).then_some(Answer::Multiple(ticked)))
            }
            QuestionKind::Ranking => read_ranking(rules, &options),
        };
        match read {
            Ok(Some(answer)) => {
                answers.insert(rules.id, answer);
            }
            Ok(None) if rules.required => problem(rules.id, "error-answer-required"),
            Ok(None) => {}
            Err(message) => problem(rules.id, message),
        }
    }
    (answers, problems)
}

/// The form key of a question's answer (`q<question>`), or of one of its options.
pub fn answer_key(question: i64, option: Option<i64>) -> String {
    match option {
        Some(option) => format!("q{question}-{option}"),
        None => format!("q{question}"),
    }
}

fn read_ranking(
    rules: &QuestionRules,
    options: &[(i64, &str)],
) -> Result<Option<Answer>, &'static str> {
    let mut ranked: Vec<(usize, i64)> = Vec::new();
    let mut ranks = BTreeSet::new();
    for (option, value) in options {
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        let rank = value
            .parse::<usize>()
            .ok()
            .filter(|r| (1..=rules.options.len()).contains(r))
            .ok_or("error-answer-ranking")?;
        if !ranks.insert(rank) {
            return Err("error-answer-ranking-twice");
        }
        ranked.push((rank, *option));
    }
    ranked.sort();
    Ok((!ranked.is_empty()).then(|| Answer::Ranking(ranked.into_iter().map(|(_, o)| o).collect())))
}

/// Where a survey stands: drafted (only staff see it), open to answers, closed (results).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SurveyState {
    Draft,
    Open,
    Closed,
}

impl SurveyState {
    pub fn key(self) -> &'static str {
        match self {
            SurveyState::Draft => "draft",
            SurveyState::Open => "open",
            SurveyState::Closed => "closed",
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        [SurveyState::Draft, SurveyState::Open, SurveyState::Closed]
            .into_iter()
            .find(|s| s.key() == key)
    }

    /// Draft → open → closed, one way: a closed survey never reopens (its results would
    /// change under the readers' eyes), and a survey with answers is never a draft again.
    pub fn can_become(self, next: SurveyState) -> bool {
        matches!(
            (self, next),
            (SurveyState::Draft, SurveyState::Open) | (SurveyState::Open, SurveyState::Closed)
        )
    }
}

/// A survey as its answer form shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyView {
    pub id: i64,
    pub title: crate::domain::Wording,
    pub intro: crate::domain::Wording,
    pub state: SurveyState,
    pub one_per_person: bool,
    pub sections: Vec<SectionView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionView {
    pub title: crate::domain::Wording,
    pub questions: Vec<QuestionView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionView {
    pub id: i64,
    pub kind: QuestionKind,
    pub prompt: crate::domain::Wording,
    pub required: bool,
    pub profile: Option<Profile>,
    /// Option ids and wordings, in order.
    pub options: Vec<(i64, crate::domain::Wording)>,
}

impl SurveyView {
    pub fn questions(&self) -> impl Iterator<Item = &QuestionView> {
        self.sections.iter().flat_map(|s| s.questions.iter())
    }

    /// What the answer form checks.
    pub fn rules(&self) -> Vec<QuestionRules> {
        self.questions()
            .map(|q| QuestionRules {
                id: q.id,
                kind: q.kind,
                required: q.required,
                options: q.options.iter().map(|(id, _)| *id).collect(),
            })
            .collect()
    }
}

/// A question being written by a coordinator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionDraft {
    pub kind: QuestionKind,
    pub prompt: crate::domain::Wording,
    pub required: bool,
    pub profile: Option<Profile>,
    pub options: Vec<crate::domain::Wording>,
}

pub const PROMPT_MAX: usize = 500;
pub const OPTION_MAX: usize = 200;
pub const OPTIONS_MAX: usize = 20;

impl QuestionDraft {
    /// The first problem, as (field, Fluent id): a prompt (its easy-read wording may stay
    /// empty: the plain one is shown then), options for the kinds that have them (two to
    /// twenty, each worded, none twice), none for the others; a profile question is a
    /// single choice.
    pub fn check(&self) -> Result<(), (&'static str, &'static str)> {
        let prompt = self.prompt.plain.trim();
        if prompt.is_empty() {
            return Err(("prompt", "error-question-prompt"));
        }
        if prompt.chars().count() > PROMPT_MAX || self.prompt.easy.chars().count() > PROMPT_MAX {
            return Err(("prompt", "error-question-prompt-long"));
        }
        if self.profile.is_some() && self.kind != QuestionKind::Single {
            return Err(("kind", "error-question-profile-single"));
        }
        if !self.kind.has_options() {
            return if self.options.iter().any(|o| !o.plain.trim().is_empty()) {
                Err(("options", "error-question-no-options"))
            } else {
                Ok(())
            };
        }
        let labels: Vec<&str> = self
            .options
            .iter()
            .map(|o| o.plain.trim())
            .filter(|l| !l.is_empty())
            .collect();
        if labels.len() < 2 || labels.len() > OPTIONS_MAX {
            return Err(("options", "error-question-options-count"));
        }
        if self
            .options
            .iter()
            .any(|o| o.plain.chars().count() > OPTION_MAX || o.easy.chars().count() > OPTION_MAX)
        {
            return Err(("options", "error-question-option-long"));
        }
        let distinct: BTreeSet<String> = labels.iter().map(|l| l.to_lowercase()).collect();
        if distinct.len() != labels.len() {
            return Err(("options", "error-question-option-twice"));
        }
        Ok(())
    }
}

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
fn row_counts<'a>(
    question: &QuestionView,
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
fn mean_ranks<'a>(
    question: &QuestionView,
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

#[cfg(test)]
mod tests {
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
        let q = |id, kind, profile, options: &[i64]| QuestionView {
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
        with_age.sections[0].questions.push(QuestionView {
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
}
