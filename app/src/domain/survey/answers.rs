//! Reading a respondent's answers from a plain form post, each problem tied to its question.

use super::*;
use serde::{Deserialize, Serialize};

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

pub(super) fn read_ranking(
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
