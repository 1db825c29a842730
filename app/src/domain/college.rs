//! Stakeholder colleges: the groups a participant may say they belong to.

use serde::{Deserialize, Serialize};

/// The default colleges of a council, in display order. A council may rename or add.
pub const DEFAULT_COLLEGES: [&str; 6] = [
    "elus",
    "soin",
    "usagers",
    "aidants",
    "professionnels",
    "habitants",
];

pub const COLLEGE_KEY_MAX_LEN: usize = 32;

/// A college's stable key: lowercase ascii letters, digits and hyphens.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CollegeKey(String);

impl CollegeKey {
    pub fn parse(raw: &str) -> Option<Self> {
        let well_formed = !raw.is_empty()
            && raw.len() <= COLLEGE_KEY_MAX_LEN
            && raw
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !raw.starts_with('-');
        well_formed.then(|| Self(raw.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Default colleges have translated names; others carry the council's own label.
    pub fn is_default(&self) -> bool {
        DEFAULT_COLLEGES.contains(&self.0.as_str())
    }
}

impl TryFrom<String> for CollegeKey {
    type Error = &'static str;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value).ok_or("invalid college key")
    }
}

impl From<CollegeKey> for String {
    fn from(key: CollegeKey) -> Self {
        key.0
    }
}

/// A college as a council defines it: a default key, optionally renamed, or its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct College {
    pub key: CollegeKey,
    /// The council's own name for the college; `None` shows the translated default name.
    pub label: Option<String>,
    /// The council's own easy-read name; `None` falls back as `label` does.
    pub label_easy: Option<String>,
    /// One of `PICTOGRAMS`, shown beside its name in easy-read mode; `None`: none.
    pub picto: Option<String>,
    /// No longer offered on forms; still named wherever it was chosen (results, exports).
    pub retired: bool,
}

impl College {
    /// A college as a new council has it: a key, its usual name, offered.
    pub fn new(key: CollegeKey) -> Self {
        College {
            key,
            label: None,
            label_easy: None,
            picto: None,
            retired: false,
        }
    }
}

/// The colleges a form offers: those not retired, in the council's order.
pub fn offered(colleges: &[College]) -> Vec<College> {
    colleges.iter().filter(|c| !c.retired).cloned().collect()
}

/// The longest college name a council gives: "Bailleurs sociaux et logement accompagné".
pub const COLLEGE_LABEL_MAX: usize = 60;

/// A college's name as typed: spaces tidied, 2 to `COLLEGE_LABEL_MAX` characters, no
/// control characters; the error is a Fluent id.
pub fn clean_college_label(raw: &str) -> Result<String, &'static str> {
    let label = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let length = label.chars().count();
    if length < 2 {
        Err("error-college-label-short")
    } else if length > COLLEGE_LABEL_MAX {
        Err("error-college-label-long")
    } else if label.chars().any(char::is_control) {
        Err("error-college-label-invalid")
    } else {
        Ok(label)
    }
}

/// The key of a college a council adds, from its name: lower-case ascii (French accents
/// dropped), hyphens between words, never one of `taken` (a number is added). Keys never
/// change afterwards: exports and recount files carry them.
pub fn new_college_key(label: &str, taken: &[&str]) -> CollegeKey {
    let mut avoid = taken.to_vec();
    avoid.extend(DEFAULT_COLLEGES);
    CollegeKey(slug_key(label, &avoid, "college"))
}

/// A stable key from a name: lower-case ascii (French accents dropped), hyphens between
/// words, at most 28 characters, `fallback` when nothing is left, never one of `avoid` (a
/// number is added).
pub(super) fn slug_key(label: &str, avoid: &[&str], fallback: &str) -> String {
    let mut base = String::new();
    for c in label.to_lowercase().chars() {
        let plain = match c {
            'à' | 'â' | 'ä' | 'á' => "a",
            'é' | 'è' | 'ê' | 'ë' => "e",
            'î' | 'ï' | 'í' => "i",
            'ô' | 'ö' | 'ó' => "o",
            'ù' | 'û' | 'ü' | 'ú' => "u",
            'ç' => "c",
            'ÿ' => "y",
            'œ' => "oe",
            'æ' => "ae",
            c if c.is_ascii_alphanumeric() => {
                base.push(c);
                continue;
            }
            _ => "-",
        };
        base.push_str(plain);
    }
    let mut base = base
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    base.truncate(COLLEGE_KEY_MAX_LEN - 4);
    let base = match base.trim_end_matches('-') {
        "" => fallback.to_owned(),
        trimmed => trimmed.to_owned(),
    };
    let mut candidate = base.clone();
    let mut n = 2;
    while avoid.contains(&candidate.as_str()) {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_college_gets_a_stable_readable_key_of_its_own() {
        assert_eq!(
            new_college_key("Bailleurs sociaux", &[]).as_str(),
            "bailleurs-sociaux"
        );
        assert_eq!(
            new_college_key("Éducation nationale & œuvres", &[]).as_str(),
            "education-nationale-oeuvres"
        );
        assert_eq!(
            new_college_key("Bailleurs sociaux", &["bailleurs-sociaux"]).as_str(),
            "bailleurs-sociaux-2"
        );
        // A default key is never taken by an added college: it has its translated name.
        assert_eq!(new_college_key("Élus", &[]).as_str(), "elus-2");
        assert_eq!(new_college_key("???", &[]).as_str(), "college");
        let long = new_college_key(&"mot ".repeat(30), &[]);
        assert!(
            long.as_str().len() <= COLLEGE_KEY_MAX_LEN
                && CollegeKey::parse(long.as_str()).is_some()
        );
    }

    #[test]
    fn college_names_are_tidied_and_bounded() {
        assert_eq!(
            clean_college_label("  Bailleurs   sociaux "),
            Ok("Bailleurs sociaux".to_owned())
        );
        assert_eq!(clean_college_label("x"), Err("error-college-label-short"));
        assert_eq!(
            clean_college_label(&"é".repeat(COLLEGE_LABEL_MAX + 1)),
            Err("error-college-label-long")
        );
    }

    #[test]
    fn default_colleges_are_valid_keys() {
        for key in DEFAULT_COLLEGES {
            let parsed = CollegeKey::parse(key);
            assert!(parsed.as_ref().is_some_and(CollegeKey::is_default), "{key}");
        }
    }

    #[test]
    fn custom_keys_are_not_default() {
        assert_eq!(
            CollegeKey::parse("bailleurs").map(|k| k.is_default()),
            Some(false)
        );
    }

    #[test]
    fn malformed_keys_are_refused() {
        for bad in ["", "Usagers", "usa gers", "-x", &"x".repeat(33)] {
            assert_eq!(CollegeKey::parse(bad), None, "{bad}");
        }
    }
}
