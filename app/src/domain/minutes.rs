//! A meeting's minutes (*compte rendu*): a text a facilitator drafts from what the meeting
//! held (agenda, attendance by college, questions and answers, polls, votes), edits with
//! its easy-read version, then publishes to the body's members or to everyone. The text is
//! Markdown, shown without any HTML it may hold.

use super::assembly::FieldError;
use super::body::Viewer;
use serde::{Deserialize, Serialize};

/// A long meeting's minutes run to a few pages; ten times that is a paste gone wrong.
pub const MINUTES_MAX: usize = 40_000;

/// Who may read the minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MinutesAudience {
    /// Being written: only staff who run rooms read it.
    Draft,
    /// The body's members (and staff who run rooms).
    Members,
    /// Anyone who may see the meeting.
    Public,
}

impl MinutesAudience {
    pub const ALL: [Self; 3] = [Self::Draft, Self::Members, Self::Public];

    pub fn key(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Members => "members",
            Self::Public => "public",
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|audience| audience.key() == key)
    }

    /// Whether `viewer` reads minutes of a meeting of `body` (the viewer already sees the
    /// meeting itself: `Viewer::may_see`).
    pub fn readable_by(self, viewer: &Viewer, body: Option<i64>) -> bool {
        match self {
            Self::Draft => viewer.runs_rooms,
            Self::Members => viewer.runs_rooms || body.is_some_and(|b| viewer.is_member_of(b)),
            Self::Public => true,
        }
    }
}

/// What the minutes form sends.
pub struct MinutesForm<'a> {
    pub text: &'a str,
    pub text_easy: &'a str,
    pub audience: &'a str,
}

/// The minutes as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MinutesFields {
    pub text: String,
    pub text_easy: String,
    pub audience: MinutesAudience,
}

/// The meeting the minutes are of, as far as who may read them goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MeetingScope {
    pub body: Option<i64>,
    pub members_only: bool,
}

impl MinutesFields {
    /// A draft may be rough; published minutes have both versions. Minutes for members
    /// need a body to have members, and a meeting kept to its members keeps its minutes
    /// to them too.
    pub fn check(form: &MinutesForm, meeting: MeetingScope) -> Result<Self, FieldError> {
        let audience = MinutesAudience::parse(form.audience.trim())
            .ok_or(FieldError::new("audience", "error-minutes-audience"))?;
        let text = form.text.trim().to_owned();
        let text_easy = form.text_easy.trim().to_owned();
        if text.chars().count() > MINUTES_MAX {
            return Err(FieldError::new("text", "error-minutes-too-long"));
        }
        if text_easy.chars().count() > MINUTES_MAX {
            return Err(FieldError::new("text_easy", "error-minutes-too-long"));
        }
        if text.is_empty() {
            return Err(FieldError::new("text", "error-minutes-empty"));
        }
        match audience {
            MinutesAudience::Draft => {}
            _ if text_easy.is_empty() => {
                return Err(FieldError::new("text_easy", "error-minutes-easy-needed"));
            }
            MinutesAudience::Members if meeting.body.is_none() => {
                return Err(FieldError::new("audience", "error-minutes-no-members"));
            }
            MinutesAudience::Public if meeting.members_only => {
                return Err(FieldError::new("audience", "error-minutes-members-only"));
            }
            MinutesAudience::Members | MinutesAudience::Public => {}
        }
        Ok(Self {
            text,
            text_easy,
            audience,
        })
    }
}

/// Minutes as their page shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Minutes {
    pub assembly: i64,
    pub fields: MinutesFields,
    /// When they were published (`None`: a draft), as Unix seconds.
    pub published_unix: Option<i64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    const GROUP: MeetingScope = MeetingScope {
        body: Some(7),
        members_only: false,
    };

    fn form<'a>(text: &'a str, easy: &'a str, audience: &'a str) -> MinutesForm<'a> {
        MinutesForm {
            text,
            text_easy: easy,
            audience,
        }
    }

    #[test]
    fn a_draft_may_lack_its_easy_read_version_published_minutes_may_not() {
        assert!(MinutesFields::check(&form("# Réunion", "", "draft"), GROUP).is_ok());
        assert_eq!(
            MinutesFields::check(&form("# Réunion", "  ", "members"), GROUP),
            Err(FieldError::new("text_easy", "error-minutes-easy-needed"))
        );
        assert_eq!(
            MinutesFields::check(&form("  ", "Facile", "draft"), GROUP),
            Err(FieldError::new("text", "error-minutes-empty"))
        );
        let long = "x".repeat(MINUTES_MAX + 1);
        assert_eq!(
            MinutesFields::check(&form(&long, "", "draft"), GROUP),
            Err(FieldError::new("text", "error-minutes-too-long"))
        );
        assert_eq!(
            MinutesFields::check(&form("a", "b", "everyone"), GROUP),
            Err(FieldError::new("audience", "error-minutes-audience"))
        );
    }

    #[test]
    fn minutes_never_reach_further_than_their_meeting() {
        let plenary = MeetingScope {
            body: None,
            members_only: false,
        };
        let private = MeetingScope {
            body: Some(7),
            members_only: true,
        };
        assert_eq!(
            MinutesFields::check(&form("a", "b", "members"), plenary),
            Err(FieldError::new("audience", "error-minutes-no-members"))
        );
        assert_eq!(
            MinutesFields::check(&form("a", "b", "public"), private),
            Err(FieldError::new("audience", "error-minutes-members-only"))
        );
        assert!(MinutesFields::check(&form("a", "b", "members"), private).is_ok());
        assert!(MinutesFields::check(&form("a", "b", "public"), plenary).is_ok());
    }

    #[test]
    fn who_reads_which_minutes() {
        let staff = Viewer {
            runs_rooms: true,
            bodies: vec![],
        };
        let member = Viewer {
            runs_rooms: false,
            bodies: vec![7],
        };
        let other = Viewer {
            runs_rooms: false,
            bodies: vec![8],
        };
        let anyone = Viewer::default();
        for viewer in [&staff, &member, &other, &anyone] {
            assert!(MinutesAudience::Public.readable_by(viewer, Some(7)));
        }
        assert!(MinutesAudience::Members.readable_by(&staff, Some(7)));
        assert!(MinutesAudience::Members.readable_by(&member, Some(7)));
        assert!(!MinutesAudience::Members.readable_by(&other, Some(7)));
        assert!(!MinutesAudience::Members.readable_by(&anyone, Some(7)));
        assert!(!MinutesAudience::Members.readable_by(&member, None));
        assert!(MinutesAudience::Draft.readable_by(&staff, Some(7)));
        assert!(!MinutesAudience::Draft.readable_by(&member, Some(7)));
    }
}
