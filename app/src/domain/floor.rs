//! Floor questions, asked during a live plenary (not a survey's questions): what may be
//! asked, what moderation may do with them, and how the list is ordered. No IO.

use serde::{Deserialize, Serialize};

pub const QUESTION_MIN: usize = 3;
pub const QUESTION_MAX: usize = 500;
pub const FIRST_NAME_MAX: usize = 40;
pub const REASON_MAX: usize = 300;
/// A written answer is a few sentences read on a phone and a projector, not an essay.
pub const ANSWER_MAX: usize = 1000;
/// Its easy-read version is shorter still.
pub const ANSWER_EASY_MAX: usize = 500;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuestionStatus {
    Pending,
    Approved,
    Rejected,
}

impl QuestionStatus {
    pub fn key(self) -> &'static str {
        match self {
            QuestionStatus::Pending => "pending",
            QuestionStatus::Approved => "approved",
            QuestionStatus::Rejected => "rejected",
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        [Self::Pending, Self::Approved, Self::Rejected]
            .into_iter()
            .find(|status| status.key() == key)
    }
}

/// A question as typed, checked: the text trimmed (line breaks kept, at most one blank line),
/// an optional first name, an optional self-declared college among the council's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionFields {
    pub body: String,
    pub first_name: Option<String>,
    pub college: Option<String>,
}

impl QuestionFields {
    /// Returns the Fluent id of the refusal otherwise.
    pub fn check(
        body: &str,
        first_name: Option<&str>,
        college: Option<&str>,
        colleges: &[&str],
    ) -> Result<Self, &'static str> {
        let body = tidy(body);
        let length = body.chars().count();
        if length == 0 {
            return Err("error-question-empty");
        }
        if length < QUESTION_MIN {
            return Err("error-question-too-short");
        }
        if length > QUESTION_MAX {
            return Err("error-question-too-long");
        }
        if has_hidden_controls(&body) {
            return Err("error-field-invalid");
        }
        let first_name = first_name
            .map(|name| name.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|name| !name.is_empty());
        if let Some(name) = &first_name
            && (name.chars().count() > FIRST_NAME_MAX || has_hidden_controls(name))
        {
            return Err("error-first-name");
        }
        let college = college.map(str::trim).filter(|key| !key.is_empty());
        if let Some(key) = college
            && !colleges.contains(&key)
        {
            return Err("error-college-unknown");
        }
        Ok(Self {
            body,
            first_name,
            college: college.map(str::to_owned),
        })
    }
}

/// A moderator's edit of a question (a typo before approving), or a rejection reason.
pub fn check_edit(body: &str) -> Result<String, &'static str> {
    QuestionFields::check(body, None, None, &[]).map(|fields| fields.body)
}

pub fn check_reason(reason: &str) -> Result<Option<String>, &'static str> {
    let reason = reason.split_whitespace().collect::<Vec<_>>().join(" ");
    if reason.chars().count() > REASON_MAX || has_hidden_controls(&reason) {
        return Err("error-reason");
    }
    Ok(Some(reason).filter(|r| !r.is_empty()))
}

/// A facilitator's written answer to a question and its optional easy-read version, tidied
/// like questions. `None` when the answer is blank: writing nothing takes the answer away.
/// An easy-read version without the answer itself is refused.
pub fn check_answer(
    answer: &str,
    easy: Option<&str>,
) -> Result<Option<(String, Option<String>)>, &'static str> {
    let answer = tidy(answer);
    let easy = easy.map(tidy).filter(|easy| !easy.is_empty());
    if answer.is_empty() {
        return match easy {
            Some(_) => Err("error-written-answer-missing"),
            None => Ok(None),
        };
    }
    if answer.chars().count() > ANSWER_MAX {
        return Err("error-written-answer-too-long");
    }
    if easy
        .as_ref()
        .is_some_and(|easy| easy.chars().count() > ANSWER_EASY_MAX)
    {
        return Err("error-written-answer-easy-too-long");
    }
    if has_hidden_controls(&answer) || easy.as_deref().is_some_and(has_hidden_controls) {
        return Err("error-field-invalid");
    }
    Ok(Some((answer, easy)))
}

fn tidy(text: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    for line in text.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() && lines.last().is_none_or(|last| last.is_empty()) {
            continue;
        }
        lines.push(line);
    }
    while lines.last().is_some_and(|last| last.is_empty()) {
        lines.pop();
    }
    lines.join("\n")
}

pub(super) fn has_hidden_controls(text: &str) -> bool {
    text.chars().any(|c| c.is_control() && c != '\n')
}

/// What a moderator asks of a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moderation {
    Approve,
    Reject,
    MarkAnswered(bool),
    Pin(bool),
    Highlight,
}

/// Whether `action` applies to a question in `status`; the Fluent id of the refusal if not.
/// Pending questions are approved or rejected; only approved ones are answered, pinned or
/// shown on the projector; a rejected one may still be approved (a mistaken click).
pub fn moderate(
    status: QuestionStatus,
    action: Moderation,
) -> Result<QuestionStatus, &'static str> {
    use QuestionStatus::*;
    match (status, action) {
        (Pending | Rejected, Moderation::Approve) => Ok(Approved),
        (Pending | Approved, Moderation::Reject) => Ok(Rejected),
        (Approved, Moderation::MarkAnswered(_) | Moderation::Pin(_) | Moderation::Highlight) => {
            Ok(Approved)
        }
        (Approved, Moderation::Approve) | (Rejected, Moderation::Reject) => {
            Err("error-question-state")
        }
        _ => Err("error-question-not-approved"),
    }
}

/// How participants sort the approved questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuestionOrder {
    /// Most upvoted first; equal votes, the earlier question first.
    Votes,
    Newest,
}

/// The fields ordering needs: id (increasing with time), votes, pinned, answered.
pub trait Orderable {
    fn id(&self) -> i64;
    fn votes(&self) -> i64;
    fn pinned(&self) -> bool;
    fn answered(&self) -> bool;
}

/// Pinned questions first, answered ones last, then by the chosen order.
pub fn order<T: Orderable>(questions: &mut [T], by: QuestionOrder) {
    questions.sort_by(|a, b| {
        b.pinned()
            .cmp(&a.pinned())
            .then(a.answered().cmp(&b.answered()))
            .then(match by {
                QuestionOrder::Votes => b.votes().cmp(&a.votes()).then(a.id().cmp(&b.id())),
                QuestionOrder::Newest => b.id().cmp(&a.id()),
            })
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    const COLLEGES: [&str; 2] = ["usagers", "aidants"];

    #[test]
    fn questions_are_tidied_and_bounded() {
        let ok = QuestionFields::check(
            "  Où   trouver de l'aide  \n\n\n la nuit ?  \n\n",
            Some("  Léa "),
            Some("usagers"),
            &COLLEGES,
        );
        assert_eq!(
            ok,
            Ok(QuestionFields {
                body: "Où trouver de l'aide\n\nla nuit ?".into(),
                first_name: Some("Léa".into()),
                college: Some("usagers".into()),
            })
        );
        let anonymous = QuestionFields::check("Pourquoi ?", Some("  "), Some(""), &COLLEGES);
        assert_eq!(
            anonymous.map(|q| (q.first_name, q.college)),
            Ok((None, None))
        );
        let check = |body: &str| QuestionFields::check(body, None, None, &COLLEGES);
        assert_eq!(check(" \n "), Err("error-question-empty"));
        assert_eq!(check("ok"), Err("error-question-too-short"));
        assert_eq!(check(&"é".repeat(501)), Err("error-question-too-long"));
        assert!(check(&"é".repeat(500)).is_ok());
        assert_eq!(check("bonjour\u{0}"), Err("error-field-invalid"));
        assert_eq!(
            QuestionFields::check("Pourquoi ?", Some(&"a".repeat(41)), None, &COLLEGES),
            Err("error-first-name")
        );
        assert_eq!(
            QuestionFields::check("Pourquoi ?", None, Some("elus-x"), &COLLEGES),
            Err("error-college-unknown")
        );
    }

    #[test]
    fn reasons_and_edits_are_checked_like_questions() {
        assert_eq!(
            check_edit(" Une  coquille corrigée "),
            Ok("Une coquille corrigée".into())
        );
        assert_eq!(check_edit(""), Err("error-question-empty"));
        assert_eq!(check_reason("  "), Ok(None));
        assert_eq!(check_reason(" Hors sujet "), Ok(Some("Hors sujet".into())));
        assert_eq!(check_reason(&"a".repeat(301)), Err("error-reason"));
    }

    #[test]
    fn written_answers_are_tidied_bounded_and_blank_means_none() {
        assert_eq!(
            check_answer(
                "  Le CMP   reçoit sans rendez-vous.\n\n\n Le mardi. ",
                Some(" ")
            ),
            Ok(Some((
                "Le CMP reçoit sans rendez-vous.\n\nLe mardi.".into(),
                None
            )))
        );
        assert_eq!(
            check_answer("Oui.", Some("Oui, c'est possible.")),
            Ok(Some(("Oui.".into(), Some("Oui, c'est possible.".into()))))
        );
        assert_eq!(check_answer(" \n ", None), Ok(None));
        assert_eq!(
            check_answer("", Some("Oui.")),
            Err("error-written-answer-missing")
        );
        assert_eq!(
            check_answer(&"a".repeat(ANSWER_MAX + 1), None),
            Err("error-written-answer-too-long")
        );
        assert!(check_answer(&"a".repeat(ANSWER_MAX), None).is_ok());
        assert_eq!(
            check_answer("Oui.", Some(&"a".repeat(ANSWER_EASY_MAX + 1))),
            Err("error-written-answer-easy-too-long")
        );
        assert_eq!(check_answer("Oui\u{7}.", None), Err("error-field-invalid"));
    }

    #[test]
    fn moderation_follows_the_question_states() {
        use Moderation::*;
        use QuestionStatus::*;
        assert_eq!(moderate(Pending, Approve), Ok(Approved));
        assert_eq!(moderate(Pending, Reject), Ok(Rejected));
        assert_eq!(moderate(Rejected, Approve), Ok(Approved));
        assert_eq!(moderate(Approved, Reject), Ok(Rejected));
        assert_eq!(moderate(Approved, Approve), Err("error-question-state"));
        assert_eq!(moderate(Rejected, Reject), Err("error-question-state"));
        for action in [MarkAnswered(true), Pin(true), Highlight] {
            assert_eq!(moderate(Approved, action), Ok(Approved));
            assert_eq!(
                moderate(Pending, action),
                Err("error-question-not-approved")
            );
            assert_eq!(
                moderate(Rejected, action),
                Err("error-question-not-approved")
            );
        }
        for status in [Pending, Approved, Rejected] {
            assert_eq!(QuestionStatus::parse(status.key()), Some(status));
        }
    }

    #[derive(Debug, PartialEq)]
    struct Q(i64, i64, bool, bool);
    impl Orderable for Q {
        fn id(&self) -> i64 {
            self.0
        }
        fn votes(&self) -> i64 {
            self.1
        }
        fn pinned(&self) -> bool {
            self.2
        }
        fn answered(&self) -> bool {
            self.3
        }
    }

    #[test]
    fn pinned_first_answered_last_then_votes_or_newest() {
        let list = || {
            vec![
                Q(1, 5, false, false),
                Q(2, 9, false, true),
                Q(3, 5, false, false),
                Q(4, 0, true, false),
                Q(5, 7, false, false),
            ]
        };
        let ids = |qs: Vec<Q>| qs.into_iter().map(|q| q.0).collect::<Vec<_>>();
        let mut by_votes = list();
        order(&mut by_votes, QuestionOrder::Votes);
        assert_eq!(ids(by_votes), [4, 5, 1, 3, 2]);
        let mut newest = list();
        order(&mut newest, QuestionOrder::Newest);
        assert_eq!(ids(newest), [4, 5, 3, 1, 2]);
    }
}
