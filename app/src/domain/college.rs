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
}

#[cfg(test)]
mod tests {
    use super::*;

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
