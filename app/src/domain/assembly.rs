//! Plenary assemblies: what a coordinator writes (checked here), the join code people type
//! or scan, and the live part's states. No IO: the api layer stores what passes.

use serde::{Deserialize, Serialize};

/// A form field that was refused, and why (a Fluent id shown next to the field).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message: &'static str,
}

impl FieldError {
    pub(crate) const fn new(field: &'static str, message: &'static str) -> Self {
        Self { field, message }
    }
}

pub const TITLE_MAX: usize = 200;
pub const PLACE_MAX: usize = 400;
pub const LONG_TEXT_MAX: usize = 2000;

/// The assembly as its form gives it, checked: trimmed, within limits. The start time is
/// kept as typed (`YYYY-MM-DDTHH:MM`, the council's local time); the api converts it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssemblyFields {
    pub title: String,
    pub starts_at: String,
    pub place: String,
    pub accessibility: String,
}

impl AssemblyFields {
    pub fn check(
        title: &str,
        starts_at: &str,
        place: &str,
        accessibility: &str,
    ) -> Result<Self, FieldError> {
        let title = one_line(title);
        let place = one_line(place);
        let accessibility = accessibility.trim().to_owned();
        bounded(&title, "title", 3, TITLE_MAX)?;
        if !is_local_date_time(starts_at.trim()) {
            return Err(FieldError::new("starts_at", "error-date-invalid"));
        }
        bounded(&place, "place", 2, PLACE_MAX)?;
        bounded(&accessibility, "accessibility", 0, LONG_TEXT_MAX)?;
        Ok(Self {
            title,
            starts_at: starts_at.trim().to_owned(),
            place,
            accessibility,
        })
    }
}

/// An agenda item as its form gives it, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaItemFields {
    pub title: String,
    pub summary: String,
    pub summary_easy: String,
}

impl AgendaItemFields {
    pub fn check(title: &str, summary: &str, summary_easy: &str) -> Result<Self, FieldError> {
        let fields = Self {
            title: one_line(title),
            summary: summary.trim().to_owned(),
            summary_easy: summary_easy.trim().to_owned(),
        };
        bounded(&fields.title, "item_title", 2, TITLE_MAX)?;
        bounded(&fields.summary, "summary", 0, LONG_TEXT_MAX)?;
        bounded(&fields.summary_easy, "summary_easy", 0, LONG_TEXT_MAX)?;
        Ok(fields)
    }
}

/// Whitespace runs (newlines included) folded to one space: titles and places are one line.
pub(super) fn one_line(raw: &str) -> String {
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(super) fn bounded(
    text: &str,
    field: &'static str,
    min: usize,
    max: usize,
) -> Result<(), FieldError> {
    let length = text.chars().count();
    if length < min {
        Err(FieldError::new(
            field,
            if length == 0 {
                "error-field-empty"
            } else {
                "error-field-too-short"
            },
        ))
    } else if length > max {
        Err(FieldError::new(field, "error-field-too-long"))
    } else if text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        Err(FieldError::new(field, "error-field-invalid"))
    } else {
        Ok(())
    }
}

/// `YYYY-MM-DDTHH:MM` (what `<input type="datetime-local">` sends), a real calendar date
/// between 2000 and 2999.
pub fn is_local_date_time(text: &str) -> bool {
    let bytes = text.as_bytes();
    let shape = bytes.len() == 16
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            10 => *b == b'T',
            13 => *b == b':',
            _ => b.is_ascii_digit(),
        });
    if !shape {
        return false;
    }
    let number = |range: std::ops::Range<usize>| text[range].parse::<u32>().unwrap_or(0);
    let (year, month, day) = (number(0..4), number(5..7), number(8..10));
    let (hour, minute) = (number(11..13), number(14..16));
    (2000..3000).contains(&year)
        && (1..=12).contains(&month)
        && (1..=days_in_month(year, month)).contains(&day)
        && hour < 24
        && minute < 60
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Letters and digits nobody confuses when reading a projector from the back of a room or
/// typing on a phone (no 0/O, 1/I/L).
pub const JOIN_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
pub const JOIN_CODE_LENGTH: usize = 6;

/// The short code that leads to an assembly: six symbols, about 30 bits, shown as `ABC-234`.
/// It only saves typing a link; assemblies are public, so it is no secret.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct JoinCode(String);

impl JoinCode {
    /// A code from positions in `JOIN_ALPHABET`, drawn uniformly by the caller.
    pub fn from_positions(positions: [usize; JOIN_CODE_LENGTH]) -> Self {
        Self(
            positions
                .iter()
                .map(|p| char::from(JOIN_ALPHABET[p % JOIN_ALPHABET.len()]))
                .collect(),
        )
    }

    /// A code as typed: any case, spaces and dashes anywhere.
    pub fn parse(typed: &str) -> Option<Self> {
        let symbols: String = typed
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let valid = symbols.chars().count() == JOIN_CODE_LENGTH
            && symbols.bytes().all(|b| JOIN_ALPHABET.contains(&b));
        valid.then_some(Self(symbols))
    }

    /// As stored and put in links: `ABC234`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// As shown to people: `ABC-234`.
    pub fn spaced(&self) -> String {
        format!("{}-{}", &self.0[..3], &self.0[3..])
    }
}

/// A moment in the council's own time zone, as people read it and as form fields hold it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalMoment {
    pub year: i32,
    pub month: u32,
    pub day: u32,
    /// 1 for Monday to 7 for Sunday.
    pub weekday: u32,
    pub hour: u32,
    pub minute: u32,
}

impl LocalMoment {
    /// `YYYY-MM-DDTHH:MM`, the value of an `<input type="datetime-local">`.
    pub fn input_value(&self) -> String {
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}",
            self.year, self.month, self.day, self.hour, self.minute
        )
    }
}

/// An assembly as pages show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assembly {
    pub id: i64,
    pub title: String,
    pub starts: LocalMoment,
    pub place: String,
    pub accessibility: String,
    pub join_code: JoinCode,
    pub published: bool,
    pub live: LiveState,
    pub premoderation: bool,
    pub questions_open: bool,
    pub current_item: Option<i64>,
    pub agenda: Vec<AgendaItem>,
    /// The body whose meeting it is (`domain::body`); `None`: an open plenary.
    pub body: Option<i64>,
    /// Only the body's members and the staff who run rooms may see it: no join code, no
    /// public page.
    pub members_only: bool,
    /// When it starts, in seconds since 1970 (UTC): for calendar files.
    pub starts_unix: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaItem {
    pub id: i64,
    pub title: String,
    pub summary: super::Wording,
}

/// The live part of an assembly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LiveState {
    /// Prepared; participants can read the agenda but not ask yet.
    Before,
    Open,
    Closed,
}

impl LiveState {
    pub fn key(self) -> &'static str {
        match self {
            LiveState::Before => "before",
            LiveState::Open => "open",
            LiveState::Closed => "closed",
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        [LiveState::Before, LiveState::Open, LiveState::Closed]
            .into_iter()
            .find(|state| state.key() == key)
    }

    /// Opening needs a published assembly; a closed one may be opened again (a break that
    /// ran long, a mistaken click). Returns the Fluent id of the refusal otherwise.
    pub fn change(self, to: LiveState, published: bool) -> Result<LiveState, &'static str> {
        match (self, to) {
            (_, LiveState::Open) if !published => Err("error-not-published"),
            (LiveState::Before | LiveState::Closed, LiveState::Open) => Ok(LiveState::Open),
            (LiveState::Open, LiveState::Closed) => Ok(LiveState::Closed),
            _ => Err("error-live-state"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assembly_fields_are_tidied_and_each_limit_names_its_field() {
        let ok = AssemblyFields::check(
            "  Plénière   de printemps ",
            "2027-03-18T18:30",
            " Salle des fêtes\n ",
            " Accès de plain-pied. ",
        );
        assert_eq!(
            ok,
            Ok(AssemblyFields {
                title: "Plénière de printemps".into(),
                starts_at: "2027-03-18T18:30".into(),
                place: "Salle des fêtes".into(),
                accessibility: "Accès de plain-pied.".into(),
            })
        );
        let refused = |t: &str, d: &str, p: &str, a: &str| AssemblyFields::check(t, d, p, a);
        let date = "2027-03-18T18:30";
        assert_eq!(
            refused("", date, "Salle", ""),
            Err(FieldError::new("title", "error-field-empty"))
        );
        assert_eq!(
            refused("ab", date, "Salle", ""),
            Err(FieldError::new("title", "error-field-too-short"))
        );
        assert_eq!(
            refused(&"é".repeat(201), date, "Salle", ""),
            Err(FieldError::new("title", "error-field-too-long"))
        );
        assert!(refused(&"é".repeat(200), date, "Salle", "").is_ok());
        assert_eq!(
            refused("Plénière", "demain", "Salle", ""),
            Err(FieldError::new("starts_at", "error-date-invalid"))
        );
        assert_eq!(
            refused("Plénière", date, " ", ""),
            Err(FieldError::new("place", "error-field-empty"))
        );
        assert_eq!(
            refused("Plénière", date, "Salle", &"a".repeat(2001)),
            Err(FieldError::new("accessibility", "error-field-too-long"))
        );
        assert_eq!(
            refused("Plénière", date, "Salle", "bip\u{7}"),
            Err(FieldError::new("accessibility", "error-field-invalid"))
        );
    }

    #[test]
    fn a_local_moment_fills_a_date_time_field() {
        let moment = LocalMoment {
            year: 2027,
            month: 3,
            day: 8,
            weekday: 1,
            hour: 9,
            minute: 5,
        };
        assert_eq!(moment.input_value(), "2027-03-08T09:05");
        assert!(is_local_date_time(&moment.input_value()));
    }

    #[test]
    fn only_real_local_date_times_pass() {
        for good in ["2027-03-18T18:30", "2028-02-29T00:00", "2000-12-31T23:59"] {
            assert!(is_local_date_time(good), "{good}");
        }
        for bad in [
            "",
            "2027-03-18 18:30",
            "2027-3-18T18:30",
            "2027-02-29T10:00",
            "2100-02-29T10:00",
            "2027-04-31T10:00",
            "2027-13-01T10:00",
            "2027-00-01T10:00",
            "2027-01-00T10:00",
            "2027-01-01T24:00",
            "2027-01-01T10:60",
            "1999-12-31T10:00",
            "2027-01-01T10:00:00",
            "２０27-01-01T10:00",
        ] {
            assert!(!is_local_date_time(bad), "{bad}");
        }
    }

    #[test]
    fn agenda_items_need_a_title_and_bound_their_summaries() {
        assert_eq!(
            AgendaItemFields::check(" Accueil ", " Mot du maire ", ""),
            Ok(AgendaItemFields {
                title: "Accueil".into(),
                summary: "Mot du maire".into(),
                summary_easy: String::new(),
            })
        );
        assert_eq!(
            AgendaItemFields::check("", "", ""),
            Err(FieldError::new("item_title", "error-field-empty"))
        );
        assert_eq!(
            AgendaItemFields::check("Accueil", "", &"a".repeat(2001)),
            Err(FieldError::new("summary_easy", "error-field-too-long"))
        );
    }

    #[test]
    fn join_codes_read_back_however_they_are_typed() {
        let code = JoinCode::from_positions([0, 1, 2, 23, 24, 30]);
        assert_eq!(code.as_str(), "ABC239");
        assert_eq!(code.spaced(), "ABC-239");
        assert_eq!(JoinCode::parse(" abc-239 "), Some(code.clone()));
        assert_eq!(JoinCode::parse("ab c2 39"), Some(code));
        // Symbols that look alike are not in the alphabet: such a code is refused, never
        // taken for another one.
        for lookalike in ["ABCDE0", "ABCDEO", "ABCDE1", "ABCDEI", "ABCDEL"] {
            assert_eq!(JoinCode::parse(lookalike), None, "{lookalike}");
        }
        for bad in ["", "ABC23", "ABC2399", "ABC23é", "ABC-23!"] {
            assert_eq!(JoinCode::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_live_part_opens_once_published_closes_and_may_reopen() {
        use LiveState::*;
        assert_eq!(Before.change(Open, false), Err("error-not-published"));
        assert_eq!(Before.change(Open, true), Ok(Open));
        assert_eq!(Open.change(Closed, true), Ok(Closed));
        assert_eq!(Closed.change(Open, true), Ok(Open));
        assert_eq!(Before.change(Closed, true), Err("error-live-state"));
        assert_eq!(Open.change(Open, true), Err("error-live-state"));
        assert_eq!(Closed.change(Before, true), Err("error-live-state"));
        for state in [Before, Open, Closed] {
            assert_eq!(LiveState::parse(state.key()), Some(state));
        }
        assert_eq!(LiveState::parse("paused"), None);
    }
}
