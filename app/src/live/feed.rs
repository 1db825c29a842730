//! What a participant's screen knows of its room, kept up to date event by event. Pure: the
//! browser island applies the frames it receives, the tests apply made-up ones.

use super::protocol::{AgendaEntry, FloorQuestion, RoomEvent, RoomPoll, RoomState, RoomVote};
use crate::domain::vote::VoteState;
use crate::domain::{QuestionStatus, Screen, ScreenKind};

#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Feed {
    pub assembly: i64,
    /// The last sequence number applied.
    pub seq: i64,
    /// Approved questions, in no particular order (`domain::order` sorts them for display).
    pub questions: Vec<FloorQuestion>,
    pub pending: u32,
    pub current_item: Option<i64>,
    pub agenda: Vec<AgendaEntry>,
    /// The question on the projector.
    pub highlighted: Option<i64>,
    /// What the screen shows.
    pub screen: Screen,
    /// The assembly's published votes.
    pub votes: Vec<RoomVote>,
    /// The assembly's quick polls.
    pub polls: Vec<RoomPoll>,
}

/// Something worth telling a screen-reader user, who does not see the list move.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum News {
    NewQuestion(String),
    Answered(String),
    Agenda(String),
    /// One of the assembly's votes opened: its title.
    VoteOpened(String),
    /// One of the assembly's polls opened: its question.
    PollOpened(String),
}

/// What applying one event did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Applied; the news it brings, if any.
    Applied(Option<News>),
    /// Already applied (a frame that arrived twice across a reconnect): ignored.
    Stale,
    /// Events are missing before this one: the screen must catch up (reconnect from `seq`).
    Gap,
    /// Applied, but it changes what the page offers (questions closed, live ended,
    /// moderation changed the ask form's hint): the page must be drawn anew.
    Redraw,
}

impl Feed {
    /// The room as a participant sees it at `seq` (pending questions' texts are not theirs).
    pub fn from_room(seq: i64, room: RoomState) -> Feed {
        Feed {
            assembly: room.assembly,
            seq,
            questions: room
                .questions
                .into_iter()
                .filter(|q| q.status == QuestionStatus::Approved)
                .collect(),
            pending: room.pending_count,
            current_item: room.current_item,
            agenda: room.agenda,
            highlighted: room.highlighted,
            screen: room.screen,
            votes: room.votes,
            polls: room.polls,
        }
    }

    pub fn current_title(&self) -> Option<&str> {
        let current = self.current_item?;
        self.agenda
            .iter()
            .find(|item| item.id == current)
            .map(|item| item.title.as_str())
    }

    /// The question on the projector, if it is one of the approved questions.
    pub fn highlighted_question(&self) -> Option<&FloorQuestion> {
        let id = self.highlighted?;
        self.questions.iter().find(|q| q.id == id)
    }

    fn question(&mut self, id: i64) -> Option<&mut FloorQuestion> {
        self.questions.iter_mut().find(|q| q.id == id)
    }

    /// Counts the event numbered `seq` as applied without reading it: a kind this page does
    /// not know (added to the protocol after the page was drawn) changes nothing it shows,
    /// and the next event must not look like a gap.
    pub fn skip(&mut self, seq: i64) -> Step {
        if seq <= self.seq {
            return Step::Stale;
        }
        if seq != self.seq + 1 {
            return Step::Gap;
        }
        self.seq = seq;
        Step::Applied(None)
    }

    /// Applies the event numbered `seq`, which must be the next one.
    pub fn step(&mut self, seq: i64, event: RoomEvent) -> Step {
        if seq <= self.seq {
            return Step::Stale;
        }
        if seq != self.seq + 1 {
            return Step::Gap;
        }
        self.seq = seq;
        let news = match event {
            RoomEvent::QuestionApproved { question, pending } => {
                self.pending = pending;
                let body = question.body.clone();
                match self.question(question.id) {
                    Some(known) => *known = question,
                    None => self.questions.push(question),
                }
                Some(News::NewQuestion(body))
            }
            RoomEvent::QuestionRejected {
                question, pending, ..
            } => {
                self.pending = pending;
                self.questions.retain(|q| q.id != question);
                if self.highlighted == Some(question) {
                    self.highlighted = None;
                    self.screen = Screen::default();
                }
                None
            }
            RoomEvent::QueueChanged { pending } => {
                self.pending = pending;
                None
            }
            RoomEvent::QuestionVoted { question, votes } => {
                if let Some(known) = self.question(question) {
                    known.votes = votes;
                }
                None
            }
            RoomEvent::QuestionAnswered { question, answered } => {
                self.question(question).and_then(|known| {
                    known.answered = answered;
                    answered.then(|| News::Answered(known.body.clone()))
                })
            }
            RoomEvent::QuestionPinned { question, pinned } => {
                if let Some(known) = self.question(question) {
                    known.pinned = pinned;
                }
                None
            }
            RoomEvent::AnswerWritten {
                question,
                answer,
                answer_easy,
                answered,
            } => self.question(question).and_then(|known| {
                let news = answer.is_some().then(|| News::Answered(known.body.clone()));
                known.answer = answer;
                known.answer_easy = answer_easy;
                known.answered = answered;
                news
            }),
            RoomEvent::AgendaMoved { item } => {
                self.current_item = Some(item);
                self.current_title()
                    .map(|title| News::Agenda(title.to_owned()))
            }
            RoomEvent::Highlighted { question } => {
                self.highlighted = question.map(|q| q.id);
                self.screen = match self.highlighted {
                    Some(id) => Screen {
                        what: ScreenKind::Question,
                        id: Some(id),
                    },
                    None => Screen::default(),
                };
                None
            }
            RoomEvent::ScreenChanged { screen } => {
                self.screen = screen;
                self.highlighted = None;
                None
            }
            RoomEvent::VoteChanged { vote } => {
                let opened = vote.state == VoteState::Open
                    && self
                        .votes
                        .iter()
                        .all(|known| known.id != vote.id || known.state != VoteState::Open);
                let news = opened.then(|| News::VoteOpened(vote.title.clone()));
                match self.votes.iter_mut().find(|known| known.id == vote.id) {
                    Some(known) => *known = vote,
                    None => self.votes.push(vote),
                }
                news
            }
            RoomEvent::PollChanged { poll } => {
                let opened = poll.state == crate::domain::poll::PollState::Open
                    && self.polls.iter().all(|known| {
                        known.id != poll.id || known.state != crate::domain::poll::PollState::Open
                    });
                let news = opened.then(|| News::PollOpened(poll.question.clone()));
                match self.polls.iter_mut().find(|known| known.id == poll.id) {
                    Some(known) => *known = poll,
                    None => self.polls.push(poll),
                }
                news
            }
            // Staff's own queue is not a participant's business.
            RoomEvent::QuestionAsked { .. } => None,
            RoomEvent::PremoderationChanged { .. }
            | RoomEvent::QuestionsOpened { .. }
            | RoomEvent::LiveChanged { .. } => return Step::Redraw,
        };
        Step::Applied(news)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::LiveState;

    fn question(id: i64, body: &str) -> FloorQuestion {
        FloorQuestion {
            id,
            body: body.to_owned(),
            first_name: None,
            college: None,
            status: QuestionStatus::Approved,
            votes: 0,
            answered: false,
            pinned: false,
            agenda_item: None,
            answer: None,
            answer_easy: None,
        }
    }

    fn room() -> RoomState {
        let mut waiting = question(3, "");
        waiting.status = QuestionStatus::Pending;
        RoomState {
            assembly: 1,
            title: "Plénière".into(),
            live: LiveState::Open,
            current_item: Some(10),
            agenda: vec![
                AgendaEntry {
                    id: 10,
                    title: "Accueil".into(),
                },
                AgendaEntry {
                    id: 11,
                    title: "Logement".into(),
                },
            ],
            questions: vec![question(1, "Où trouver de l'aide ?"), waiting],
            pending: Vec::new(),
            pending_count: 2,
            highlighted: None,
            premoderation: true,
            questions_open: true,
            screen: Screen::default(),
            votes: Vec::new(),
            polls: Vec::new(),
        }
    }

    #[test]
    fn a_snapshot_keeps_approved_questions_only() {
        let feed = Feed::from_room(7, room());
        assert_eq!(feed.seq, 7);
        assert_eq!(feed.questions.len(), 1);
        assert_eq!(feed.pending, 2);
        assert_eq!(feed.current_title(), Some("Accueil"));
    }

    #[test]
    fn events_change_the_list_and_bring_news() {
        let mut feed = Feed::from_room(7, room());
        let approved = RoomEvent::QuestionApproved {
            question: question(4, "Et les aidants ?"),
            pending: 1,
        };
        assert_eq!(
            feed.step(8, approved),
            Step::Applied(Some(News::NewQuestion("Et les aidants ?".into())))
        );
        assert_eq!((feed.questions.len(), feed.pending), (2, 1));
        let voted = RoomEvent::QuestionVoted {
            question: 4,
            votes: 3,
        };
        assert_eq!(feed.step(9, voted), Step::Applied(None));
        assert_eq!(
            feed.questions.iter().find(|q| q.id == 4).map(|q| q.votes),
            Some(3)
        );
        let answered = RoomEvent::QuestionAnswered {
            question: 1,
            answered: true,
        };
        assert_eq!(
            feed.step(10, answered),
            Step::Applied(Some(News::Answered("Où trouver de l'aide ?".into())))
        );
        let unanswered = RoomEvent::QuestionAnswered {
            question: 1,
            answered: false,
        };
        assert_eq!(feed.step(11, unanswered), Step::Applied(None));
        let pinned = RoomEvent::QuestionPinned {
            question: 4,
            pinned: true,
        };
        assert_eq!(feed.step(12, pinned), Step::Applied(None));
        assert!(feed.questions.iter().any(|q| q.id == 4 && q.pinned));
        assert_eq!(
            feed.step(13, RoomEvent::AgendaMoved { item: 11 }),
            Step::Applied(Some(News::Agenda("Logement".into())))
        );
        let rejected = RoomEvent::QuestionRejected {
            question: 4,
            reason: None,
            pending: 0,
        };
        assert_eq!(feed.step(14, rejected), Step::Applied(None));
        assert_eq!(feed.questions.len(), 1);
        assert_eq!(feed.seq, 14);
    }

    #[test]
    fn repeated_frames_are_skipped_and_missing_ones_noticed() {
        let mut feed = Feed::from_room(7, room());
        let queue = |pending| RoomEvent::QueueChanged { pending };
        assert_eq!(feed.step(7, queue(5)), Step::Stale);
        assert_eq!(feed.step(9, queue(5)), Step::Gap);
        assert_eq!(feed.pending, 2, "nothing applied out of order");
        assert_eq!(feed.step(8, queue(5)), Step::Applied(None));
        assert_eq!(feed.pending, 5);
    }

    #[test]
    fn changes_to_what_the_page_offers_ask_for_a_redraw() {
        let mut feed = Feed::from_room(7, room());
        assert_eq!(
            feed.step(8, RoomEvent::QuestionsOpened { open: false }),
            Step::Redraw
        );
        assert_eq!(feed.seq, 8);
        assert_eq!(
            feed.step(
                9,
                RoomEvent::LiveChanged {
                    live: LiveState::Closed
                }
            ),
            Step::Redraw
        );
        assert_eq!(
            feed.step(10, RoomEvent::PremoderationChanged { on: false }),
            Step::Redraw
        );
    }

    #[test]
    fn the_projector_pick_follows_highlights_and_rejections() {
        let mut feed = Feed::from_room(7, room());
        assert_eq!(feed.highlighted_question(), None);
        let shown = RoomEvent::Highlighted {
            question: Some(question(1, "Où trouver de l'aide ?")),
        };
        assert_eq!(feed.step(8, shown), Step::Applied(None));
        assert_eq!(feed.highlighted_question().map(|q| q.id), Some(1));
        let rejected = RoomEvent::QuestionRejected {
            question: 1,
            reason: None,
            pending: 2,
        };
        assert_eq!(feed.step(9, rejected), Step::Applied(None));
        assert_eq!(feed.highlighted, None);
        assert_eq!(
            feed.step(10, RoomEvent::Highlighted { question: None }),
            Step::Applied(None)
        );
    }

    #[test]
    fn a_written_answer_is_kept_with_its_question_and_announced() {
        let mut feed = Feed::from_room(7, room());
        let written = RoomEvent::AnswerWritten {
            question: 1,
            answer: Some("Au CMP, le mardi.".into()),
            answer_easy: Some("Allez au CMP le mardi.".into()),
            answered: true,
        };
        assert_eq!(
            feed.step(8, written),
            Step::Applied(Some(News::Answered("Où trouver de l'aide ?".into())))
        );
        let known = feed.questions.iter().find(|q| q.id == 1);
        assert_eq!(
            known.map(|q| (q.answer.as_deref(), q.answer_easy.as_deref(), q.answered)),
            Some((
                Some("Au CMP, le mardi."),
                Some("Allez au CMP le mardi."),
                true
            ))
        );
        let removed = RoomEvent::AnswerWritten {
            question: 1,
            answer: None,
            answer_easy: None,
            answered: true,
        };
        assert_eq!(feed.step(9, removed), Step::Applied(None));
        assert!(feed.questions.iter().all(|q| q.answer.is_none()));
    }

    #[test]
    fn the_screen_follows_highlights_choices_and_rejections() {
        let mut feed = Feed::from_room(7, room());
        let shown = RoomEvent::Highlighted {
            question: Some(question(1, "Où trouver de l'aide ?")),
        };
        feed.step(8, shown);
        assert_eq!(
            feed.screen,
            Screen {
                what: ScreenKind::Question,
                id: Some(1)
            }
        );
        let vote = Screen {
            what: ScreenKind::Vote,
            id: Some(2),
        };
        assert_eq!(
            feed.step(9, RoomEvent::ScreenChanged { screen: vote }),
            Step::Applied(None)
        );
        assert_eq!((feed.screen, feed.highlighted), (vote, None));
        feed.step(
            10,
            RoomEvent::Highlighted {
                question: Some(question(1, "Où trouver de l'aide ?")),
            },
        );
        let rejected = RoomEvent::QuestionRejected {
            question: 1,
            reason: None,
            pending: 0,
        };
        feed.step(11, rejected);
        assert_eq!(feed.screen, Screen::default(), "back to the join code");
    }

    #[test]
    fn a_vote_opening_is_announced_once_and_its_changes_replace_it() {
        let mut feed = Feed::from_room(7, room());
        let vote = |state, results_public| RoomVote {
            id: 2,
            title: "Nos priorités".into(),
            state,
            accepting: state == VoteState::Open,
            ended: state == VoteState::Closed,
            results_public,
        };
        assert_eq!(
            feed.step(
                8,
                RoomEvent::VoteChanged {
                    vote: vote(VoteState::Open, false)
                }
            ),
            Step::Applied(Some(News::VoteOpened("Nos priorités".into())))
        );
        assert_eq!(
            feed.step(
                9,
                RoomEvent::VoteChanged {
                    vote: vote(VoteState::Open, true)
                }
            ),
            Step::Applied(None),
            "results revealed early: not a new opening"
        );
        assert_eq!(
            feed.step(
                10,
                RoomEvent::VoteChanged {
                    vote: vote(VoteState::Closed, true)
                }
            ),
            Step::Applied(None)
        );
        assert_eq!(feed.votes, vec![vote(VoteState::Closed, true)]);
    }

    #[test]
    fn a_question_approved_twice_is_listed_once() {
        let mut feed = Feed::from_room(7, room());
        let again = RoomEvent::QuestionApproved {
            question: question(1, "Où trouver de l'aide ?"),
            pending: 2,
        };
        assert!(matches!(feed.step(8, again), Step::Applied(_)));
        assert_eq!(feed.questions.len(), 1);
    }

    #[test]
    fn a_poll_opening_is_announced_once_and_unknown_kinds_keep_the_count() {
        use crate::domain::poll::PollState;
        let mut feed = Feed::from_room(7, room());
        let poll = |state, answers| RoomPoll {
            id: 4,
            question: "Un mot pour ce soir ?".into(),
            state,
            answers,
        };
        assert_eq!(
            feed.step(
                8,
                RoomEvent::PollChanged {
                    poll: poll(PollState::Ready, 0)
                }
            ),
            Step::Applied(None),
            "written, not yet put to the room"
        );
        assert_eq!(
            feed.step(
                9,
                RoomEvent::PollChanged {
                    poll: poll(PollState::Open, 0)
                }
            ),
            Step::Applied(Some(News::PollOpened("Un mot pour ce soir ?".into())))
        );
        assert_eq!(
            feed.step(
                10,
                RoomEvent::PollChanged {
                    poll: poll(PollState::Open, 5)
                }
            ),
            Step::Applied(None),
            "a group counted is not a new opening"
        );
        assert_eq!(feed.polls, vec![poll(PollState::Open, 5)]);
        // An event of a kind the page does not know is counted, so the next is no gap.
        assert_eq!(feed.skip(11), Step::Applied(None));
        assert_eq!(feed.skip(11), Step::Stale);
        assert_eq!(feed.skip(13), Step::Gap);
        assert_eq!(
            feed.step(
                12,
                RoomEvent::PollChanged {
                    poll: poll(PollState::Closed, 7)
                }
            ),
            Step::Applied(None)
        );
    }
}
