//! A finding of a council's shared diagnosis: what was observed on the territory, under
//! which objective, on what source. Coordinators write them one by one or import a
//! spreadsheet; only published findings are shown and offered to votes.

use super::assembly::{FieldError, LONG_TEXT_MAX, TITLE_MAX, bounded, one_line};
use super::{ObjectiveKey, Wording};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub id: i64,
    pub objective: ObjectiveKey,
    pub title: Wording,
    pub summary: Wording,
    pub detail: Wording,
    /// The document or survey it rests on.
    pub source: String,
    pub source_kind: SourceKind,
    pub source_year: Option<i32>,
    /// Shown to the public and offered to votes; a draft is seen by staff only.
    pub published: bool,
}

/// What kind of data a finding rests on (the seeds: "quantitatives et qualitatives").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum SourceKind {
    #[default]
    Unsaid,
    Quantitative,
    Qualitative,
    Mixed,
}

impl SourceKind {
    pub const ALL: [SourceKind; 4] = [
        SourceKind::Unsaid,
        SourceKind::Quantitative,
        SourceKind::Qualitative,
        SourceKind::Mixed,
    ];

    /// Stored, and sent by the form.
    pub fn key(self) -> &'static str {
        match self {
            SourceKind::Unsaid => "",
            SourceKind::Quantitative => "quantitative",
            SourceKind::Qualitative => "qualitative",
            SourceKind::Mixed => "mixed",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.key() == key)
    }

    /// As a spreadsheet cell says it, in French or English.
    fn from_cell(cell: &str) -> Option<Self> {
        match fold(cell).as_str() {
            "" => Some(SourceKind::Unsaid),
            "quantitative" | "quantitatif" | "quanti" => Some(SourceKind::Quantitative),
            "qualitative" | "qualitatif" | "quali" => Some(SourceKind::Qualitative),
            "mixed" | "mixte" | "both" | "lesdeux" | "quantitatifetqualitatif" => {
                Some(SourceKind::Mixed)
            }
            _ => None,
        }
    }
}

/// The longest source line.
pub const SOURCE_MAX: usize = 400;
/// Source years accepted: a diagnosis cites data from recent decades.
pub const SOURCE_YEARS: std::ops::RangeInclusive<i32> = 1950..=2100;

/// A finding as its form (or a spreadsheet line) gives it, checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FindingFields {
    pub objective: ObjectiveKey,
    pub title: Wording,
    pub summary: Wording,
    pub detail: Wording,
    pub source: String,
    pub source_kind: SourceKind,
    pub source_year: Option<i32>,
}

/// A finding's fields as typed, by name (the form's field names, the import's columns).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TypedFinding {
    pub objective: String,
    pub title: String,
    pub title_easy: String,
    pub summary: String,
    pub summary_easy: String,
    pub detail: String,
    pub detail_easy: String,
    pub source: String,
    pub source_kind: String,
    pub source_year: String,
}

impl FindingFields {
    /// Checks what was typed against the council's objectives (`objectives`: each key with
    /// the names it is known by; a cell may give either). The error names the field.
    pub fn check(
        typed: &TypedFinding,
        objectives: &[(ObjectiveKey, Vec<String>)],
    ) -> Result<Self, FieldError> {
        let wanted = fold(&typed.objective);
        let objective = objectives
            .iter()
            .find(|(key, names)| {
                fold(key.as_str()) == wanted || names.iter().any(|name| fold(name) == wanted)
            })
            .map(|(key, _)| key.clone())
            .ok_or(FieldError::new(
                "objective",
                if wanted.is_empty() {
                    "error-field-empty"
                } else {
                    "error-finding-objective-unknown"
                },
            ))?;
        let title = Wording {
            plain: one_line(&typed.title),
            easy: one_line(&typed.title_easy),
        };
        bounded(&title.plain, "title", 3, TITLE_MAX)?;
        bounded(&title.easy, "title_easy", 0, TITLE_MAX)?;
        let text = |plain: &str, easy: &str| Wording {
            plain: plain.trim().replace("\r\n", "\n"),
            easy: easy.trim().replace("\r\n", "\n"),
        };
        let summary = text(&typed.summary, &typed.summary_easy);
        bounded(&summary.plain, "summary", 3, LONG_TEXT_MAX)?;
        bounded(&summary.easy, "summary_easy", 0, LONG_TEXT_MAX)?;
        let detail = text(&typed.detail, &typed.detail_easy);
        bounded(&detail.plain, "detail", 0, 2 * LONG_TEXT_MAX)?;
        bounded(&detail.easy, "detail_easy", 0, 2 * LONG_TEXT_MAX)?;
        let source = one_line(&typed.source);
        bounded(&source, "source", 0, SOURCE_MAX)?;
        let source_kind = SourceKind::from_key(typed.source_kind.trim())
            .or_else(|| SourceKind::from_cell(&typed.source_kind))
            .ok_or(FieldError::new("source_kind", "error-finding-source-kind"))?;
        let source_year = match typed.source_year.trim() {
            "" => None,
            // A spreadsheet may hold the year as a number: 2024 read back as "2024.0".
            raw => Some(
                raw.strip_suffix(".0")
                    .unwrap_or(raw)
                    .parse::<i32>()
                    .ok()
                    .filter(|year| SOURCE_YEARS.contains(year))
                    .ok_or(FieldError::new("source_year", "error-finding-year"))?,
            ),
        };
        Ok(Self {
            objective,
            title,
            summary,
            detail,
            source,
            source_kind,
            source_year,
        })
    }
}

/// At most this many findings in one imported file.
pub const IMPORT_ROWS_MAX: usize = 200;
/// At most this many bytes in one imported file.
pub const IMPORT_BYTES_MAX: usize = 2 * 1024 * 1024;

/// Why a line of an imported file was refused: its line number as the spreadsheet shows
/// it (the header is line 1), the column at fault as the file names it (or a field name),
/// and the Fluent id of why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineError {
    pub line: usize,
    pub column: String,
    pub message: String,
}

/// The fields an import file's columns fill, and the names a header may give each (folded:
/// lower case, no accents, no spaces, hyphens or underscores).
const COLUMNS: [(&str, &[&str]); 10] = [
    ("objective", &["objectif", "objective", "axe"]),
    ("title", &["titre", "title", "constat"]),
    (
        "title_easy",
        &["titrefacile", "titrefalc", "titleeasy", "titleeasyread"],
    ),
    ("summary", &["resume", "summary"]),
    (
        "summary_easy",
        &[
            "resumefacile",
            "resumefalc",
            "summaryeasy",
            "summaryeasyread",
        ],
    ),
    ("detail", &["detail", "details"]),
    (
        "detail_easy",
        &["detailfacile", "detailfalc", "detaileasy", "detaileasyread"],
    ),
    ("source", &["source", "document"]),
    (
        "source_kind",
        &[
            "typedesource",
            "typesource",
            "sourcetype",
            "nature",
            "sourcekind",
        ],
    ),
    (
        "source_year",
        &["annee", "year", "anneedelasource", "sourceyear"],
    ),
];

/// Reads the rows of an imported file (the first is the header) into findings: all of them,
/// or every line error found (nothing is imported from a file with one). Blank lines are
/// skipped; a column the header does not know is refused rather than silently dropped.
pub fn read_finding_rows(
    rows: &[Vec<String>],
    objectives: &[(ObjectiveKey, Vec<String>)],
) -> Result<Vec<FindingFields>, Vec<LineError>> {
    let error = |line: usize, column: &str, message: &str| LineError {
        line,
        column: column.to_owned(),
        message: message.to_owned(),
    };
    let Some((header, lines)) = rows.split_first() else {
        return Err(vec![error(1, "", "error-import-empty")]);
    };
    let mut fields: Vec<Option<&'static str>> = Vec::new();
    let mut errors = Vec::new();
    for cell in header {
        let folded = fold(cell);
        let field = COLUMNS
            .iter()
            .find(|(_, names)| names.contains(&folded.as_str()))
            .map(|(field, _)| *field);
        if field.is_none() && !folded.is_empty() {
            errors.push(error(1, cell.trim(), "error-import-column-unknown"));
        }
        if field.is_some() && fields.contains(&field) {
            errors.push(error(1, cell.trim(), "error-import-column-twice"));
        }
        fields.push(field);
    }
    for required in ["objective", "title", "summary"] {
        if !fields.contains(&Some(required)) {
            errors.push(error(1, required, "error-import-column-missing"));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut found = Vec::new();
    for (index, row) in lines.iter().enumerate() {
        let line = index + 2;
        if row.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        if found.len() + errors.len() == IMPORT_ROWS_MAX {
            errors.push(error(line, "", "error-import-too-many"));
            break;
        }
        let mut typed = TypedFinding::default();
        for (field, cell) in fields.iter().zip(row) {
            let slot = match field {
                Some("objective") => &mut typed.objective,
                Some("title") => &mut typed.title,
                Some("title_easy") => &mut typed.title_easy,
                Some("summary") => &mut typed.summary,
                Some("summary_easy") => &mut typed.summary_easy,
                Some("detail") => &mut typed.detail,
                Some("detail_easy") => &mut typed.detail_easy,
                Some("source") => &mut typed.source,
                Some("source_kind") => &mut typed.source_kind,
                Some("source_year") => &mut typed.source_year,
                _ => continue,
            };
            slot.clone_from(cell);
        }
        match FindingFields::check(&typed, objectives) {
            Ok(finding) => found.push(finding),
            Err(refused) => {
                // The column as the file names it, so the coordinator finds it.
                let column = fields
                    .iter()
                    .position(|field| *field == Some(refused.field))
                    .and_then(|at| header.get(at))
                    .map_or(refused.field, |name| name.trim());
                errors.push(error(line, column, refused.message));
            }
        }
    }
    if !errors.is_empty() {
        Err(errors)
    } else if found.is_empty() {
        Err(vec![error(2, "", "error-import-empty")])
    } else {
        Ok(found)
    }
}

/// A survey question a finding rests on (linked by a coordinator), or one that could be.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceQuestion {
    pub survey_id: i64,
    pub survey_title: Wording,
    /// Whether the survey is closed, so that its results are public.
    pub closed: bool,
    pub question_id: i64,
    pub prompt: Wording,
}

/// A header or cell folded for comparison: lower case, French accents dropped, no spaces,
/// hyphens, underscores or apostrophes.
fn fold(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .filter_map(|c| match c {
            'à' | 'â' | 'ä' => Some('a'),
            'é' | 'è' | 'ê' | 'ë' => Some('e'),
            'î' | 'ï' => Some('i'),
            'ô' | 'ö' => Some('o'),
            'ù' | 'û' | 'ü' => Some('u'),
            'ç' => Some('c'),
            c if c.is_whitespace() || matches!(c, '-' | '_' | '\'' | '’' | '.') => None,
            c => Some(c),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn objectives() -> Vec<(ObjectiveKey, Vec<String>)> {
        ["stigma", "care"]
            .iter()
            .filter_map(|key| {
                let name = if *key == "care" {
                    "Des parcours de soins accessibles"
                } else {
                    "Lutter contre la stigmatisation"
                };
                Some((ObjectiveKey::parse(key)?, vec![name.to_owned()]))
            })
            .collect()
    }

    /// What was read, or a panic naming the errors (a test that expected findings).
    fn found(read: Result<Vec<FindingFields>, Vec<LineError>>) -> Vec<FindingFields> {
        match read {
            Ok(found) => found,
            Err(errors) => panic!("refused: {errors:?}"),
        }
    }

    /// The errors, or a panic (a test that expected a refusal).
    fn refused(read: Result<Vec<FindingFields>, Vec<LineError>>) -> Vec<LineError> {
        match read {
            Ok(found) => panic!("read: {found:?}"),
            Err(errors) => errors,
        }
    }

    fn rows(lines: &[&[&str]]) -> Vec<Vec<String>> {
        lines
            .iter()
            .map(|line| line.iter().map(|cell| (*cell).to_owned()).collect())
            .collect()
    }

    #[test]
    fn a_spreadsheet_in_french_is_read_with_names_or_keys() {
        let read = found(read_finding_rows(
            &rows(&[
                &[
                    "Objectif",
                    "Titre",
                    "Résumé",
                    "Résumé facile",
                    "Type de source",
                    "Année",
                ],
                &[
                    "care",
                    "Attente au CMP",
                    "Six mois d'attente.",
                    "",
                    "quantitatif",
                    "2024",
                ],
                &["", "", "", "", "", ""],
                &[
                    "lutter contre la stigmatisation",
                    "Préjugés",
                    "Très répandus.",
                    "Beaucoup de gens ont peur.",
                    "",
                    "2025.0",
                ],
            ]),
            &objectives(),
        ));
        assert_eq!(read.len(), 2);
        assert_eq!(read[0].objective.as_str(), "care");
        assert_eq!(read[0].source_kind, SourceKind::Quantitative);
        assert_eq!(read[0].source_year, Some(2024));
        assert_eq!(read[1].objective.as_str(), "stigma");
        assert_eq!(read[1].summary.easy, "Beaucoup de gens ont peur.");
        assert_eq!(read[1].source_year, Some(2025));
    }

    #[test]
    fn every_bad_line_is_named_with_its_column_and_nothing_is_kept() {
        let errors = refused(read_finding_rows(
            &rows(&[
                &["objectif", "titre", "resume", "annee"],
                &["care", "Bon constat", "Bien écrit.", "2024"],
                &["logement", "Inconnu", "Objectif inconnu.", ""],
                &["care", "x", "Titre trop court.", ""],
                &["care", "Année folle", "Hors bornes.", "3024"],
            ]),
            &objectives(),
        ));
        let seen: Vec<(usize, &str, &str)> = errors
            .iter()
            .map(|e| (e.line, e.column.as_str(), e.message.as_str()))
            .collect();
        assert_eq!(
            seen,
            [
                (3, "objectif", "error-finding-objective-unknown"),
                (4, "titre", "error-field-too-short"),
                (5, "annee", "error-finding-year"),
            ]
        );
    }

    #[test]
    fn a_header_must_name_known_columns_once_and_the_required_ones() {
        let errors = refused(read_finding_rows(
            &rows(&[
                &["objectif", "titre", "titre", "couleur"],
                &["care", "a", "b", "c"],
            ]),
            &objectives(),
        ));
        let seen: Vec<(&str, &str)> = errors
            .iter()
            .map(|e| (e.column.as_str(), e.message.as_str()))
            .collect();
        assert_eq!(
            seen,
            [
                ("titre", "error-import-column-twice"),
                ("couleur", "error-import-column-unknown"),
                ("summary", "error-import-column-missing"),
            ]
        );
        assert_eq!(
            refused(read_finding_rows(&[], &objectives()))[0].message,
            "error-import-empty"
        );
        assert_eq!(
            refused(read_finding_rows(
                &rows(&[&["objectif", "titre", "résumé"]]),
                &objectives()
            ))[0]
                .message,
            "error-import-empty"
        );
    }

    #[test]
    fn a_file_longer_than_the_limit_is_refused() {
        let mut lines = vec![vec!["objectif".to_owned(), "titre".into(), "résumé".into()]];
        for n in 0..=IMPORT_ROWS_MAX {
            lines.push(vec!["care".into(), format!("Constat {n}"), "Texte.".into()]);
        }
        let errors = refused(read_finding_rows(&lines, &objectives()));
        assert_eq!(
            errors.last().map(|e| (e.line, e.message.as_str())),
            Some((IMPORT_ROWS_MAX + 2, "error-import-too-many"))
        );
    }

    #[test]
    fn a_form_gives_the_source_kind_by_key() {
        let typed = TypedFinding {
            objective: "care".into(),
            title: "  Attente   au CMP ".into(),
            summary: "Six mois.\r\nParfois plus.".into(),
            source_kind: "mixed".into(),
            ..TypedFinding::default()
        };
        let checked = FindingFields::check(&typed, &objectives())
            .map(|c| (c.title.plain, c.summary.plain, c.source_kind));
        assert_eq!(
            checked,
            Ok((
                "Attente au CMP".to_owned(),
                "Six mois.\nParfois plus.".to_owned(),
                SourceKind::Mixed
            ))
        );
        let bad = TypedFinding {
            source_kind: "rumeur".into(),
            ..typed
        };
        assert_eq!(
            FindingFields::check(&bad, &objectives()).map_err(|e| e.field),
            Err("source_kind")
        );
    }
}
