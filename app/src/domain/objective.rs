//! The five objectives every CLSM action serves.

use serde::{Deserialize, Serialize};

/// The five objectives of a CLSM, in the order the national framework lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Objective {
    FightStigma,
    Determinants,
    Prevention,
    InclusionAndRights,
    CarePathways,
}

impl Objective {
    pub const ALL: [Objective; 5] = [
        Objective::FightStigma,
        Objective::Determinants,
        Objective::Prevention,
        Objective::InclusionAndRights,
        Objective::CarePathways,
    ];

    /// The stable key stored in the database and used in message ids and pictogram names.
    pub fn key(self) -> &'static str {
        match self {
            Objective::FightStigma => "stigma",
            Objective::Determinants => "determinants",
            Objective::Prevention => "prevention",
            Objective::InclusionAndRights => "inclusion",
            Objective::CarePathways => "care",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|o| o.key() == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_are_distinct() {
        for objective in Objective::ALL {
            assert_eq!(Objective::from_key(objective.key()), Some(objective));
        }
        let mut keys: Vec<_> = Objective::ALL.iter().map(|o| o.key()).collect();
        keys.dedup();
        assert_eq!(keys.len(), 5);
    }

    #[test]
    fn unknown_key_is_none() {
        assert_eq!(Objective::from_key("Stigma"), None);
        assert_eq!(Objective::from_key(""), None);
    }
}
