//! The council's bodies (instances): the steering committee chaired by an elected official,
//! the technical committee that follows the programme, and the working groups that carry
//! actions. Each has members — a name as they wish to be shown, their organisation, their
//! college, their role in it — and meetings that may be open to all or to its members only.
//! Members come in without a password: a one-time link or a printed one-time code opens a
//! member's session (a passkey may replace them later).

use super::Wording;
use super::assembly::{FieldError, LONG_TEXT_MAX, TITLE_MAX, bounded, one_line};
use super::college::{College, CollegeKey};
use serde::{Deserialize, Serialize};

/// A member's name as they wish to be shown ("Mme Dupont", "Karim", "Un habitant").
pub const MEMBER_NAME_MAX: usize = 120;
/// Their organisation ("CMP Nord", "GEM L'Envol"); may be empty.
pub const ORGANISATION_MAX: usize = 200;
/// How staff reach them; never shown to members or the public.
pub const CONTACT_MAX: usize = 200;
/// More bodies than this is no longer a council anybody can follow.
pub const BODIES_MAX: usize = 50;
/// A steering committee of a large city has about forty seats; twice that is a slip.
pub const MEMBERS_MAX: usize = 80;
/// How long a one-time link or code stays usable, in days: long enough for a letter sent
/// by post or a code handed out at the next meeting.
pub const PASS_DAYS: i64 = 14;
/// How long a member's session lasts, in days: a month between two meetings.
pub const MEMBER_SESSION_DAYS: i64 = 30;

/// What kind of body it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BodyKind {
    Steering,
    Technical,
    WorkingGroup,
}

impl BodyKind {
    /// In the order a council lists them: who decides, who follows, who does.
    pub const ALL: [Self; 3] = [Self::Steering, Self::Technical, Self::WorkingGroup];

    pub fn key(self) -> &'static str {
        match self {
            Self::Steering => "steering",
            Self::Technical => "technical",
            Self::WorkingGroup => "working_group",
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.key() == key)
    }
}

/// A member's role in a body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MemberRole {
    /// Chairs it (an elected official for a steering committee).
    Chair,
    /// Runs it with the chair (a pair: a professional and a peer worker, say).
    Cohost,
    Member,
}

impl MemberRole {
    pub const ALL: [Self; 3] = [Self::Chair, Self::Cohost, Self::Member];

    pub fn key(self) -> &'static str {
        match self {
            Self::Chair => "chair",
            Self::Cohost => "cohost",
            Self::Member => "member",
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|role| role.key() == key)
    }
}

/// A body as pages show it. Its members' names are not in it: only members and staff read
/// them (`Member`); everyone reads its seats per college.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Body {
    pub id: i64,
    pub kind: BodyKind,
    pub name: String,
    pub purpose: Wording,
    /// The adopted priority a working group carries.
    pub priority: Option<i64>,
    /// Seats per college, in the council's order (colleges with no seat included), then any
    /// college the council no longer has.
    pub seats: Vec<Seats>,
}

impl Body {
    pub fn seat_total(&self) -> usize {
        self.seats.iter().map(|s| s.count).sum()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seats {
    pub college: CollegeKey,
    pub count: usize,
}

/// The seats of a body: how many members each college holds. Every college of the council
/// is listed, an empty one too (that is the finding: "3 seats of 40 for usagers").
pub fn seats(colleges: &[College], members: &[CollegeKey]) -> Vec<Seats> {
    let mut seats: Vec<Seats> = colleges
        .iter()
        .map(|college| Seats {
            college: college.key.clone(),
            count: 0,
        })
        .collect();
    for key in members {
        match seats.iter_mut().find(|s| &s.college == key) {
            Some(found) => found.count += 1,
            None => seats.push(Seats {
                college: key.clone(),
                count: 1,
            }),
        }
    }
    seats
}

/// A member as members and staff read them; `contact` is filled for staff only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub id: i64,
    pub fields: MemberFields,
    /// Signs in with a passkey of their own.
    pub has_passkey: bool,
}

/// A body as its form gives it, checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BodyFields {
    pub kind: BodyKind,
    pub name: String,
    pub purpose: Wording,
    pub priority: Option<i64>,
}

/// What the body form sends.
pub struct BodyForm<'a> {
    pub kind: &'a str,
    pub name: &'a str,
    pub purpose: &'a str,
    pub purpose_easy: &'a str,
    pub priority: &'a str,
}

impl BodyFields {
    /// `priorities`: the council's adopted priorities, the only ones a group may carry.
    pub fn check(form: &BodyForm, priorities: &[i64]) -> Result<Self, FieldError> {
        let kind =
            BodyKind::parse(form.kind.trim()).ok_or(FieldError::new("kind", "error-body-kind"))?;
        let name = one_line(form.name);
        bounded(&name, "name", 3, TITLE_MAX)?;
        let purpose = Wording {
            plain: form.purpose.trim().to_owned(),
            easy: form.purpose_easy.trim().to_owned(),
        };
        bounded(&purpose.plain, "purpose", 1, LONG_TEXT_MAX)?;
        bounded(&purpose.easy, "purpose_easy", 1, LONG_TEXT_MAX)?;
        let priority = match form.priority.trim() {
            "" => None,
            raw => Some(
                raw.parse::<i64>()
                    .ok()
                    .filter(|id| priorities.contains(id))
                    .ok_or(FieldError::new("priority", "error-body-priority"))?,
            ),
        };
        Ok(Self {
            kind,
            name,
            purpose,
            priority,
        })
    }
}

/// A member as the member form gives it, checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberFields {
    pub display_name: String,
    pub organisation: String,
    pub college: CollegeKey,
    pub role: MemberRole,
    /// Empty for anyone but staff.
    pub contact: String,
}

pub struct MemberForm<'a> {
    pub display_name: &'a str,
    pub organisation: &'a str,
    pub college: &'a str,
    pub role: &'a str,
    pub contact: &'a str,
}

impl MemberFields {
    /// `colleges`: the council's, the only ones a member may sit for.
    pub fn check(form: &MemberForm, colleges: &[College]) -> Result<Self, FieldError> {
        let display_name = one_line(form.display_name);
        bounded(&display_name, "display_name", 2, MEMBER_NAME_MAX)?;
        let organisation = one_line(form.organisation);
        bounded(&organisation, "organisation", 0, ORGANISATION_MAX)?;
        let college = CollegeKey::parse(form.college.trim())
            .filter(|key| colleges.iter().any(|c| &c.key == key))
            .ok_or(FieldError::new("college", "error-member-college"))?;
        let role = MemberRole::parse(form.role.trim())
            .ok_or(FieldError::new("role", "error-member-role"))?;
        let contact = one_line(form.contact);
        bounded(&contact, "contact", 0, CONTACT_MAX)?;
        Ok(Self {
            display_name,
            organisation,
            college,
            role,
            contact,
        })
    }
}

/// How a member is let in without a password.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PassKind {
    /// A link to open (sent by e-mail or message).
    Link,
    /// A code to type at `/{slug}/membres`, printed or read out.
    Code,
}

impl PassKind {
    pub fn key(self) -> &'static str {
        match self {
            Self::Link => "link",
            Self::Code => "code",
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        [Self::Link, Self::Code]
            .into_iter()
            .find(|kind| kind.key() == key)
    }
}

/// Who is looking at a body's meeting: staff who run the council's rooms see every meeting;
/// a member sees their own bodies' meetings; everyone sees the open ones.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Viewer {
    pub runs_rooms: bool,
    /// The bodies the viewer is a member of (by a member's session or their passkey).
    pub bodies: Vec<i64>,
}

impl Viewer {
    /// Whether a meeting (an assembly of `body`, for its members only or not) may be seen.
    /// An assembly of no body is the open plenary: always.
    pub fn may_see(&self, body: Option<i64>, members_only: bool) -> bool {
        match (body, members_only) {
            (Some(body), true) => self.runs_rooms || self.bodies.contains(&body),
            _ => true,
        }
    }

    pub fn is_member_of(&self, body: i64) -> bool {
        self.bodies.contains(&body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn colleges() -> Vec<College> {
        ["usagers", "aidants", "elus"]
            .into_iter()
            .filter_map(CollegeKey::parse)
            .map(College::new)
            .collect()
    }

    fn key(raw: &str) -> Result<CollegeKey, String> {
        CollegeKey::parse(raw).ok_or_else(|| format!("{raw} is no college key"))
    }

    #[test]
    fn seats_list_every_college_even_an_empty_one() -> Result<(), String> {
        let members = vec![key("elus")?, key("elus")?, key("usagers")?];
        let seats = seats(&colleges(), &members);
        let counts: Vec<(&str, usize)> = seats
            .iter()
            .map(|s| (s.college.as_str(), s.count))
            .collect();
        assert_eq!(counts, vec![("usagers", 1), ("aidants", 0), ("elus", 2)]);
        Ok(())
    }

    #[test]
    fn a_college_the_council_dropped_still_counts_its_seats() -> Result<(), String> {
        let seats = seats(&colleges(), &[key("professionnels")?]);
        assert_eq!(seats.len(), 4);
        assert_eq!(seats[3].college.as_str(), "professionnels");
        assert_eq!(seats[3].count, 1);
        Ok(())
    }

    fn body_form<'a>(kind: &'a str, name: &'a str, priority: &'a str) -> BodyForm<'a> {
        BodyForm {
            kind,
            name,
            purpose: "Suivre l'action logement.",
            purpose_easy: "Le groupe parle du logement.",
            priority,
        }
    }

    #[test]
    fn a_body_is_checked_field_by_field() {
        let ok = BodyFields::check(
            &body_form("working_group", "  Groupe\n logement ", "7"),
            &[7],
        );
        assert_eq!(
            ok.map(|b| (b.kind, b.name, b.priority)),
            Ok((
                BodyKind::WorkingGroup,
                "Groupe logement".to_owned(),
                Some(7)
            ))
        );
        let refused = |form: BodyForm, field: &str| {
            assert_eq!(
                BodyFields::check(&form, &[7]).map_err(|e| e.field),
                Err(field),
                "{field}"
            );
        };
        refused(body_form("board", "Groupe logement", ""), "kind");
        refused(body_form("steering", "GT", ""), "name");
        refused(body_form("steering", "Comité", "8"), "priority");
        refused(body_form("steering", "Comité", "x"), "priority");
        let mut no_easy = body_form("technical", "Comité technique", "");
        no_easy.purpose_easy = "  ";
        refused(no_easy, "purpose_easy");
    }

    fn member_form<'a>(name: &'a str, college: &'a str, role: &'a str) -> MemberForm<'a> {
        MemberForm {
            display_name: name,
            organisation: "GEM L'Envol",
            college,
            role,
            contact: "karim@example.org",
        }
    }

    #[test]
    fn a_member_sits_for_one_of_the_councils_colleges() {
        let ok = MemberFields::check(&member_form(" Karim ", "usagers", "cohost"), &colleges());
        assert_eq!(
            ok.map(|m| (m.display_name, m.college.as_str().to_owned(), m.role)),
            Ok(("Karim".to_owned(), "usagers".to_owned(), MemberRole::Cohost))
        );
        let refused = |form: MemberForm, field: &str| {
            assert_eq!(
                MemberFields::check(&form, &colleges()).map_err(|e| e.field),
                Err(field),
                "{field}"
            );
        };
        refused(member_form("K", "usagers", "member"), "display_name");
        refused(member_form("Karim", "professionnels", "member"), "college");
        refused(member_form("Karim", "usagers", "boss"), "role");
        refused(
            member_form("Ka\u{7}rim", "usagers", "member"),
            "display_name",
        );
    }

    #[test]
    fn only_members_and_room_staff_see_a_members_only_meeting() {
        let visitor = Viewer::default();
        let member = Viewer {
            runs_rooms: false,
            bodies: vec![3],
        };
        let other_member = Viewer {
            runs_rooms: false,
            bodies: vec![4],
        };
        let staff = Viewer {
            runs_rooms: true,
            bodies: vec![],
        };
        assert!(visitor.may_see(None, false));
        assert!(visitor.may_see(Some(3), false));
        assert!(!visitor.may_see(Some(3), true));
        assert!(member.may_see(Some(3), true));
        assert!(!other_member.may_see(Some(3), true));
        assert!(staff.may_see(Some(3), true));
    }

    #[test]
    fn kinds_roles_and_passes_read_back_from_their_keys() {
        for kind in BodyKind::ALL {
            assert_eq!(BodyKind::parse(kind.key()), Some(kind));
        }
        for role in MemberRole::ALL {
            assert_eq!(MemberRole::parse(role.key()), Some(role));
        }
        for pass in [PassKind::Link, PassKind::Code] {
            assert_eq!(PassKind::parse(pass.key()), Some(pass));
        }
        assert_eq!(BodyKind::parse("Steering"), None);
    }
}
