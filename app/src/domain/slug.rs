//! Council slugs: the first segment of every council URL.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Path segments the application itself uses at the root: a council may not take them.
const RESERVED: &[&str] = &[
    "a-propos",
    "accessibilite",
    "api",
    "pkg",
    "pictos",
    "assets",
    "static",
    "favicon.ico",
    "robots.txt",
    "preferences",
    "admin",
    "staff",
    "connexion",
    "compte",
    "invitation",
    "rejoindre",
    "ws",
    "live",
    "exploitation",
    "health",
    "metrics",
];

pub const SLUG_MIN_LEN: usize = 2;
pub const SLUG_MAX_LEN: usize = 64;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SlugError {
    #[error("slug length must be between {SLUG_MIN_LEN} and {SLUG_MAX_LEN}")]
    Length,
    #[error("slug may only hold lowercase ascii letters, digits and single inner hyphens")]
    Characters,
    #[error("slug is reserved by the application")]
    Reserved,
}

/// A council's URL name: lowercase ascii letters and digits, words joined by single hyphens.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CouncilSlug(String);

impl CouncilSlug {
    pub fn parse(raw: &str) -> Result<Self, SlugError> {
        if !(SLUG_MIN_LEN..=SLUG_MAX_LEN).contains(&raw.len()) {
            return Err(SlugError::Length);
        }
        let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
        if !raw.chars().all(allowed)
            || raw.starts_with('-')
            || raw.ends_with('-')
            || raw.contains("--")
        {
            return Err(SlugError::Characters);
        }
        if RESERVED.contains(&raw) {
            return Err(SlugError::Reserved);
        }
        Ok(Self(raw.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for CouncilSlug {
    type Error = SlugError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<CouncilSlug> for String {
    fn from(slug: CouncilSlug) -> Self {
        slug.0
    }
}

impl fmt::Display for CouncilSlug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_lowercase_words_joined_by_hyphens() {
        for ok in ["clsm-val-de-lys", "ab", "clsm2", "a-1-b"] {
            assert_eq!(
                CouncilSlug::parse(ok).map(|s| s.to_string()),
                Ok(ok.to_owned())
            );
        }
    }

    #[test]
    fn refuses_bad_length() {
        assert_eq!(CouncilSlug::parse(""), Err(SlugError::Length));
        assert_eq!(CouncilSlug::parse("a"), Err(SlugError::Length));
        assert_eq!(CouncilSlug::parse(&"a".repeat(65)), Err(SlugError::Length));
        assert!(CouncilSlug::parse(&"a".repeat(64)).is_ok());
    }

    #[test]
    fn refuses_characters_outside_the_alphabet() {
        for bad in [
            "Clsm", "clsm_x", "clsm x", "clsm/x", "-clsm", "clsm-", "cl--sm", "clsé", "../x",
        ] {
            assert_eq!(CouncilSlug::parse(bad), Err(SlugError::Characters), "{bad}");
        }
    }

    #[test]
    fn refuses_paths_the_application_uses() {
        assert_eq!(CouncilSlug::parse("a-propos"), Err(SlugError::Reserved));
        assert_eq!(CouncilSlug::parse("pkg"), Err(SlugError::Reserved));
        assert_eq!(CouncilSlug::parse("api"), Err(SlugError::Reserved));
    }

    #[test]
    fn deserialising_validates() {
        let parsed: Result<CouncilSlug, _> = serde_json::from_str("\"UPPER\"");
        assert!(parsed.is_err());
        let parsed: Result<CouncilSlug, _> = serde_json::from_str("\"clsm-ok\"");
        assert_eq!(parsed.ok().map(String::from), Some("clsm-ok".to_owned()));
    }
}
