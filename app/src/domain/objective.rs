//! The objectives (axes) a council's findings and actions serve. Each council keeps its own
//! list; it starts from a preset (the national framework's five, or a regional health
//! agency's) and may rename, add, order and remove.

use serde::{Deserialize, Serialize};

pub const OBJECTIVE_KEY_MAX_LEN: usize = 32;

/// An objective's stable key: lowercase ascii letters, digits and hyphens. Findings and
/// exports carry it; it never changes once given.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ObjectiveKey(String);

impl ObjectiveKey {
    pub fn parse(raw: &str) -> Option<Self> {
        let well_formed = !raw.is_empty()
            && raw.len() <= OBJECTIVE_KEY_MAX_LEN
            && raw
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !raw.starts_with('-');
        well_formed.then(|| Self(raw.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A preset's objective has a translated name (`objective-{key}` in the catalogue);
    /// a council's own carries its label.
    pub fn is_preset(&self) -> bool {
        ObjectivePreset::ALL
            .iter()
            .any(|preset| preset.objectives().iter().any(|(key, _)| *key == self.0))
    }
}

impl TryFrom<String> for ObjectiveKey {
    type Error = &'static str;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value).ok_or("invalid objective key")
    }
}

impl From<ObjectiveKey> for String {
    fn from(key: ObjectiveKey) -> Self {
        key.0
    }
}

/// An objective as a council holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouncilObjective {
    pub key: ObjectiveKey,
    /// The council's own name; `None` shows the preset's translated name.
    pub label: Option<String>,
    /// The council's own easy-read name; `None` falls back as `label` does.
    pub label_easy: Option<String>,
    /// One of [`PICTOGRAMS`] (pages show `pictogram(&picto)`, never another file).
    pub picto: String,
}

/// Where a council's list of objectives starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ObjectivePreset {
    /// The five objectives of the national framework (instruction of 30 September 2016).
    National,
    /// The five strategic objectives of the ARS Occitanie specifications for CLSM.
    ArsOccitanie,
}

impl ObjectivePreset {
    pub const ALL: [ObjectivePreset; 2] =
        [ObjectivePreset::National, ObjectivePreset::ArsOccitanie];

    pub fn key(self) -> &'static str {
        match self {
            ObjectivePreset::National => "national",
            ObjectivePreset::ArsOccitanie => "ars-occitanie",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|preset| preset.key() == key)
    }

    /// Its objectives in order: key and pictogram.
    pub fn objectives(self) -> &'static [(&'static str, &'static str)] {
        match self {
            ObjectivePreset::National => &[
                ("stigma", "stigma"),
                ("determinants", "determinants"),
                ("prevention", "prevention"),
                ("inclusion", "inclusion"),
                ("care", "care"),
            ],
            ObjectivePreset::ArsOccitanie => &[
                ("observation", "findings"),
                ("promotion", "prevention"),
                ("access", "care"),
                ("citizenship", "inclusion"),
                ("destigmatisation", "stigma"),
            ],
        }
    }

    /// Its objectives as a council starts with them.
    pub fn council_objectives(self) -> Vec<CouncilObjective> {
        self.objectives()
            .iter()
            .map(|(key, picto)| CouncilObjective {
                key: ObjectiveKey((*key).to_owned()),
                label: None,
                label_easy: None,
                picto: (*picto).to_owned(),
            })
            .collect()
    }
}

/// The pictograms a council may give an objective or a college (files under `/pictos/`).
pub const PICTOGRAMS: [&str; 12] = [
    "findings",
    "stigma",
    "determinants",
    "prevention",
    "inclusion",
    "care",
    "council",
    "speak",
    "listen",
    "vote",
    "home",
    "review",
];

/// The pictogram named `name` if it is one of [`PICTOGRAMS`], else the findings one: a
/// page never asks for a file that is not there.
pub fn pictogram(name: &str) -> &'static str {
    PICTOGRAMS
        .iter()
        .find(|known| **known == name)
        .copied()
        .unwrap_or(PICTOGRAMS[0])
}

/// The longest name a council gives an objective.
pub const OBJECTIVE_LABEL_MAX: usize = 150;

/// An objective's name as typed: spaces tidied, 2 to [`OBJECTIVE_LABEL_MAX`] characters, no
/// control characters; the error is a Fluent id.
pub fn clean_objective_label(raw: &str) -> Result<String, &'static str> {
    let label = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let length = label.chars().count();
    if length < 2 {
        Err("error-objective-label-short")
    } else if length > OBJECTIVE_LABEL_MAX {
        Err("error-objective-label-long")
    } else if label.chars().any(char::is_control) {
        Err("error-objective-label-invalid")
    } else {
        Ok(label)
    }
}

/// The key of an objective a council adds, from its name: as a college's
/// ([`super::new_college_key`]), never one of `taken` nor a preset's key.
pub fn new_objective_key(label: &str, taken: &[&str]) -> ObjectiveKey {
    let presets: Vec<&str> = ObjectivePreset::ALL
        .iter()
        .flat_map(|preset| preset.objectives().iter().map(|(key, _)| *key))
        .collect();
    let mut avoid: Vec<&str> = taken.to_vec();
    avoid.extend(presets);
    let key = super::college::slug_key(label, &avoid, "objectif");
    ObjectiveKey(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_have_five_distinct_well_formed_keys_with_known_pictograms() {
        let mut all = Vec::new();
        for preset in ObjectivePreset::ALL {
            assert_eq!(ObjectivePreset::from_key(preset.key()), Some(preset));
            assert_eq!(preset.objectives().len(), 5);
            for (key, picto) in preset.objectives() {
                let parsed = ObjectiveKey::parse(key);
                assert!(
                    parsed.as_ref().is_some_and(ObjectiveKey::is_preset),
                    "{key}"
                );
                assert_eq!(pictogram(picto), *picto, "{picto}");
                all.push(*key);
            }
        }
        let count = all.len();
        all.sort_unstable();
        all.dedup();
        assert_eq!(
            all.len(),
            count,
            "a key in two presets would carry one name"
        );
    }

    #[test]
    fn an_unknown_pictogram_falls_back_to_one_that_exists() {
        assert_eq!(pictogram("care"), "care");
        assert_eq!(pictogram("../../etc/passwd"), "findings");
    }

    #[test]
    fn a_new_objective_never_takes_a_preset_or_taken_key() {
        assert_eq!(
            new_objective_key("Logement d'abord", &[]).as_str(),
            "logement-d-abord"
        );
        assert_eq!(new_objective_key("Care", &[]).as_str(), "care-2");
        assert_eq!(
            new_objective_key("Logement", &["logement"]).as_str(),
            "logement-2"
        );
        assert_eq!(new_objective_key("!!", &[]).as_str(), "objectif");
        assert!(!new_objective_key("Jeunesse", &[]).is_preset());
    }

    #[test]
    fn objective_names_are_tidied_and_bounded() {
        assert_eq!(
            clean_objective_label("  Aller  vers "),
            Ok("Aller vers".to_owned())
        );
        assert_eq!(
            clean_objective_label(" "),
            Err("error-objective-label-short")
        );
        assert_eq!(
            clean_objective_label(&"é".repeat(OBJECTIVE_LABEL_MAX + 1)),
            Err("error-objective-label-long")
        );
    }

    #[test]
    fn malformed_keys_are_refused() {
        for bad in ["", "Care", "a b", "-x", &"x".repeat(33)] {
            assert_eq!(ObjectiveKey::parse(bad), None, "{bad}");
        }
    }
}
