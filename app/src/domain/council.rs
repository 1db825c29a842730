//! A council and its diagnosis findings, as plain records.

use super::{College, CouncilSlug};
use serde::{Deserialize, Serialize};

/// A text written twice: in plain language and in easy-read (FALC).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Wording {
    pub plain: String,
    pub easy: String,
}

impl Wording {
    /// The easy-read text when asked for and written; otherwise the plain text.
    pub fn pick(&self, easy_read: bool) -> &str {
        if easy_read && !self.easy.trim().is_empty() {
            &self.easy
        } else {
            &self.plain
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouncilSummary {
    pub slug: CouncilSlug,
    pub name: String,
    pub territory: String,
    pub finding_count: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Council {
    pub slug: CouncilSlug,
    pub name: String,
    pub territory: String,
    pub description: Wording,
    pub colleges: Vec<College>,
}

/// The smallest group whose figures are shown on their own (a college's vote ranking, a
/// survey breakdown): smaller groups are merged or hidden, so that nobody in a handful of
/// people can be recognised by their answers. Each council chooses it within these bounds.
pub const MIN_GROUP_DEFAULT: u32 = 5;
/// Below three, one member of a group of two learns the other's answer from the figures.
pub const MIN_GROUP_LOWEST: u32 = 3;
pub const MIN_GROUP_HIGHEST: u32 = 50;

/// Reads a minimum group size as typed; the error is a Fluent id.
pub fn parse_min_group_size(typed: &str) -> Result<u32, &'static str> {
    typed
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|size| (MIN_GROUP_LOWEST..=MIN_GROUP_HIGHEST).contains(size))
        .ok_or("error-min-group-range")
}

/// A council's own help, beside the national crisis numbers: at most this many lines…
pub const LOCAL_HELP_LINES: usize = 8;
/// …of at most this many characters each (a name, hours, a number or an address).
pub const LOCAL_HELP_LINE_MAX: usize = 200;

/// Reads the council's local help resources as typed, one per line; blank lines are
/// dropped. The error is a Fluent id.
pub fn parse_local_help(typed: &str) -> Result<Vec<String>, &'static str> {
    let lines: Vec<String> = typed
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect();
    if lines.len() > LOCAL_HELP_LINES {
        return Err("error-local-help-lines");
    }
    if lines
        .iter()
        .any(|line| line.chars().count() > LOCAL_HELP_LINE_MAX)
    {
        return Err("error-local-help-line-long");
    }
    Ok(lines)
}

/// The longest council name: "Conseil local de santé mentale de la Communauté
/// d'agglomération …" fits, a paragraph does not.
pub const COUNCIL_NAME_MAX: usize = 120;
/// The longest territory (and chair, co-host, contact line): a list of communes and priority
/// neighbourhoods fits.
pub const TERRITORY_MAX: usize = 500;

/// A council's name or territory as typed: spaces tidied, within `max` characters, no
/// control characters; the error is a Fluent id (`error-council-…`).
pub fn clean_council_text(raw: &str, max: usize, required: bool) -> Result<String, &'static str> {
    let text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let length = text.chars().count();
    if required && length < 2 {
        Err("error-council-name-short")
    } else if length > max {
        Err("error-council-text-long")
    } else if text.chars().any(char::is_control) {
        Err("error-council-text-invalid")
    } else {
        Ok(text)
    }
}

/// The longest council description, in either version.
pub const DESCRIPTION_MAX: usize = 2000;

/// What a council says of itself, as its coordinators write it: shown on its home page
/// (who chairs it, who co-hosts it, how to reach it) and, when `listed`, on the index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouncilProfile {
    pub name: String,
    pub territory: String,
    pub description: Wording,
    /// Who chairs it (the seeds: an elected official), as they wish to be named.
    pub chair: String,
    /// Who co-hosts it (the seeds: psychiatry).
    pub co_host: String,
    /// How to reach its coordination: an address, a phone number, a web page.
    pub contact: String,
    /// Shown on the instance's index; unlisted, it is reached by its address only.
    pub listed: bool,
    /// One of `PICTOGRAMS`, beside its name in easy-read mode; `check` leaves it `None`.
    pub picto: Option<String>,
}

impl CouncilProfile {
    /// The profile as typed, tidied and bounded; the error is the field at fault and the
    /// Fluent id of why.
    #[allow(clippy::too_many_arguments)]
    pub fn check(
        name: &str,
        territory: &str,
        description: &str,
        description_easy: &str,
        chair: &str,
        co_host: &str,
        contact: &str,
        listed: bool,
    ) -> Result<Self, (&'static str, &'static str)> {
        let line = |field, raw: &str, max, required| {
            clean_council_text(raw, max, required).map_err(|why| (field, why))
        };
        let long = |field, raw: &str| {
            let text = raw.trim();
            if text.chars().count() > DESCRIPTION_MAX {
                Err((field, "error-council-description-long"))
            } else {
                Ok(text.to_owned())
            }
        };
        Ok(CouncilProfile {
            name: line("name", name, COUNCIL_NAME_MAX, true)?,
            territory: line("territory", territory, TERRITORY_MAX, false)?,
            description: Wording {
                plain: long("description", description)?,
                easy: long("description_easy", description_easy)?,
            },
            chair: line("chair", chair, TERRITORY_MAX, false)?,
            co_host: line("co_host", co_host, TERRITORY_MAX, false)?,
            contact: line("contact", contact, TERRITORY_MAX, false)?,
            listed,
            picto: None,
        })
    }
}

/// What a council new to Agora has done of its first steps, for the checklist on its team
/// page: each step links to where it is done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct FirstSteps {
    /// It says what it is: an introduction written.
    pub profile: bool,
    /// Its colleges were looked at: renamed, added or ordered at least once (the default six
    /// may suit; then this stays a suggestion).
    pub colleges: bool,
    /// At least one finding of its diagnosis is published.
    pub findings: bool,
    /// Someone else than its first coordinator is on the team or invited.
    pub team: bool,
    /// Its first assembly is prepared.
    pub assembly: bool,
}

impl FirstSteps {
    /// How many steps remain; the checklist goes once none does.
    pub fn remaining(&self) -> usize {
        [
            self.profile,
            self.colleges,
            self.findings,
            self.team,
            self.assembly,
        ]
        .iter()
        .filter(|done| !**done)
        .count()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn first_steps_count_what_remains() {
        assert_eq!(FirstSteps::default().remaining(), 5);
        let most = FirstSteps {
            profile: true,
            colleges: true,
            findings: true,
            team: true,
            assembly: false,
        };
        assert_eq!(most.remaining(), 1);
        assert_eq!(
            FirstSteps {
                assembly: true,
                ..most
            }
            .remaining(),
            0
        );
    }

    use super::*;

    #[test]
    fn a_profile_is_tidied_and_the_field_at_fault_named() {
        let ok = CouncilProfile::check(
            " CLSM  de la Rive ",
            "Rive-Haute",
            " Un conseil. ",
            "",
            "Mme la maire",
            "",
            "clsm@rive.fr",
            false,
        );
        assert_eq!(
            ok.map(|p| (p.name, p.description.plain, p.listed)),
            Ok((
                "CLSM de la Rive".to_owned(),
                "Un conseil.".to_owned(),
                false
            ))
        );
        let long = "x".repeat(DESCRIPTION_MAX + 1);
        assert_eq!(
            CouncilProfile::check("CLSM", "", "", &long, "", "", "", true),
            Err(("description_easy", "error-council-description-long"))
        );
        assert_eq!(
            CouncilProfile::check("", "", "", "", "", "", "", true),
            Err(("name", "error-council-name-short"))
        );
        assert_eq!(
            CouncilProfile::check(
                "CLSM",
                "",
                "",
                "",
                "",
                "",
                &"x".repeat(TERRITORY_MAX + 1),
                true
            ),
            Err(("contact", "error-council-text-long"))
        );
    }

    #[test]
    fn council_names_are_tidied_bounded_and_required() {
        assert_eq!(
            clean_council_text("  CLSM   de  Lisandre ", COUNCIL_NAME_MAX, true),
            Ok("CLSM de Lisandre".to_owned())
        );
        assert_eq!(
            clean_council_text(" ", COUNCIL_NAME_MAX, true),
            Err("error-council-name-short")
        );
        assert_eq!(
            clean_council_text("", TERRITORY_MAX, false),
            Ok(String::new())
        );
        assert_eq!(
            clean_council_text(&"é".repeat(COUNCIL_NAME_MAX + 1), COUNCIL_NAME_MAX, true),
            Err("error-council-text-long")
        );
        assert!(clean_council_text(&"é".repeat(COUNCIL_NAME_MAX), COUNCIL_NAME_MAX, true).is_ok());
        assert_eq!(
            clean_council_text("CLSM\u{7}", COUNCIL_NAME_MAX, true),
            Err("error-council-text-invalid")
        );
    }

    #[test]
    fn local_help_is_one_resource_per_line_within_limits() {
        assert_eq!(
            parse_local_help(
                "  CMP Saint-Amand : 03 21 00 00 00 \r\n\n\nGEM L'Envol, lundi-vendredi\n"
            ),
            Ok(vec![
                "CMP Saint-Amand : 03 21 00 00 00".to_owned(),
                "GEM L'Envol, lundi-vendredi".to_owned()
            ])
        );
        assert_eq!(parse_local_help(" \n "), Ok(Vec::new()));
        let many = ["ligne"; LOCAL_HELP_LINES + 1].join("\n");
        assert_eq!(parse_local_help(&many), Err("error-local-help-lines"));
        assert_eq!(
            parse_local_help(&"é".repeat(LOCAL_HELP_LINE_MAX)).map(|l| l.len()),
            Ok(1)
        );
        assert_eq!(
            parse_local_help(&"é".repeat(LOCAL_HELP_LINE_MAX + 1)),
            Err("error-local-help-line-long")
        );
    }

    #[test]
    fn a_minimum_group_size_is_a_whole_number_within_the_bounds() {
        assert_eq!(parse_min_group_size(" 8 "), Ok(8));
        assert_eq!(parse_min_group_size("3"), Ok(MIN_GROUP_LOWEST));
        assert_eq!(parse_min_group_size("50"), Ok(MIN_GROUP_HIGHEST));
        for refused in ["2", "51", "0", "-5", "5.5", "cinq", ""] {
            assert_eq!(
                parse_min_group_size(refused),
                Err("error-min-group-range"),
                "{refused}"
            );
        }
    }

    #[test]
    fn pick_prefers_easy_only_when_asked_and_written() {
        let w = Wording {
            plain: "Plain".into(),
            easy: "Easy".into(),
        };
        assert_eq!(w.pick(false), "Plain");
        assert_eq!(w.pick(true), "Easy");
        let missing = Wording {
            plain: "Plain".into(),
            easy: "  ".into(),
        };
        assert_eq!(missing.pick(true), "Plain");
    }
}
