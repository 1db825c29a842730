//! What a plenary's screen shows, as the facilitator chose it from the console: the join
//! code, a question, the agenda item under way, a testimony, or one of the assembly's votes.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ScreenKind {
    /// The join code and its QR code, large: the screen's rest position.
    #[default]
    Join,
    Question,
    Agenda,
    Testimony,
    Vote,
    /// One of the assembly's quick polls: its question, then its results.
    Poll,
    /// A black screen: the room looks at the speaker.
    Pause,
}

impl ScreenKind {
    pub const ALL: [ScreenKind; 7] = [
        ScreenKind::Join,
        ScreenKind::Question,
        ScreenKind::Agenda,
        ScreenKind::Testimony,
        ScreenKind::Vote,
        ScreenKind::Poll,
        ScreenKind::Pause,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ScreenKind::Join => "join",
            ScreenKind::Question => "question",
            ScreenKind::Agenda => "agenda",
            ScreenKind::Testimony => "testimony",
            ScreenKind::Vote => "vote",
            ScreenKind::Poll => "poll",
            ScreenKind::Pause => "pause",
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.key() == key)
    }

    /// Whether it shows one thing, named by its number (a question, testimony, vote or
    /// poll).
    pub fn names_one(self) -> bool {
        matches!(
            self,
            ScreenKind::Question | ScreenKind::Testimony | ScreenKind::Vote | ScreenKind::Poll
        )
    }

    /// Whether the screen shows a slide drawn by the server (agenda, testimony, vote, poll,
    /// pause) rather than the join code or a question.
    pub fn is_slide(self) -> bool {
        !matches!(self, ScreenKind::Join | ScreenKind::Question)
    }

    /// Whether what it shows changes while it stays on screen (ballots or answers coming
    /// in, a testimony's consent taken back): a screen showing it looks again every few
    /// seconds.
    pub fn changes_by_itself(self) -> bool {
        matches!(
            self,
            ScreenKind::Testimony | ScreenKind::Vote | ScreenKind::Poll
        )
    }
}

/// The screen's choice: what, and which one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Screen {
    pub what: ScreenKind,
    pub id: Option<i64>,
}

impl Screen {
    /// A choice as a client sent it: a number where one is named, none elsewhere.
    pub fn check(self) -> Result<Screen, &'static str> {
        match (self.what.names_one(), self.id) {
            (true, Some(_)) => Ok(self),
            (false, None) => Ok(self),
            _ => Err("error-screen-choice"),
        }
    }

    /// The screen as the room's row keeps it: the stored choice (agenda, testimony, vote),
    /// else the question on screen, else the join code.
    pub fn of_room(
        stored: Option<&str>,
        stored_id: Option<i64>,
        highlighted: Option<i64>,
    ) -> Screen {
        match stored.and_then(ScreenKind::parse) {
            Some(what) if what != ScreenKind::Join && what != ScreenKind::Question => Screen {
                what,
                id: stored_id.filter(|_| what.names_one()),
            },
            _ => match highlighted {
                Some(id) => Screen {
                    what: ScreenKind::Question,
                    id: Some(id),
                },
                None => Screen::default(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_choice_names_a_number_exactly_where_it_shows_one_thing() {
        let screen = |what, id| Screen { what, id };
        assert!(screen(ScreenKind::Vote, Some(3)).check().is_ok());
        assert!(screen(ScreenKind::Agenda, None).check().is_ok());
        assert!(screen(ScreenKind::Poll, Some(4)).check().is_ok());
        assert!(screen(ScreenKind::Pause, None).check().is_ok());
        assert_eq!(
            screen(ScreenKind::Pause, Some(1)).check(),
            Err("error-screen-choice")
        );
        assert!(screen(ScreenKind::Join, None).check().is_ok());
        assert_eq!(
            screen(ScreenKind::Testimony, None).check(),
            Err("error-screen-choice")
        );
        assert_eq!(
            screen(ScreenKind::Agenda, Some(4)).check(),
            Err("error-screen-choice")
        );
        for kind in ScreenKind::ALL {
            assert_eq!(ScreenKind::parse(kind.key()), Some(kind));
        }
    }

    #[test]
    fn the_rooms_row_gives_its_screen() {
        assert_eq!(Screen::of_room(None, None, None), Screen::default());
        assert_eq!(
            Screen::of_room(None, None, Some(19)),
            Screen {
                what: ScreenKind::Question,
                id: Some(19)
            }
        );
        assert_eq!(
            Screen::of_room(Some("vote"), Some(2), Some(19)),
            Screen {
                what: ScreenKind::Vote,
                id: Some(2)
            },
            "a stored choice wins over a stale highlight"
        );
        assert_eq!(
            Screen::of_room(Some("pause"), None, None),
            Screen {
                what: ScreenKind::Pause,
                id: None
            }
        );
        assert_eq!(
            Screen::of_room(Some("agenda"), Some(7), None),
            Screen {
                what: ScreenKind::Agenda,
                id: None
            }
        );
        assert_eq!(
            Screen::of_room(Some("bogus"), None, None),
            Screen::default()
        );
    }
}
