//! A council's guide of local resources: the services, mutual-aid groups (GEM) and
//! associations of its territory, each with where, when, how to reach it and how accessible
//! it is. Searchable and printable, reached from the crisis strip.

use super::Wording;
use super::assembly::{FieldError, LONG_TEXT_MAX, bounded, one_line};
use serde::{Deserialize, Serialize};

/// What a resource is; the guide groups them so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ResourceKind {
    /// A care or social service (CMP, CCAS, hospital, mission locale…).
    Service,
    /// A mutual-aid group run by and for people concerned (groupe d'entraide mutuelle).
    MutualAid,
    /// An association (carers' UNAFAM, a users' association, a help line…).
    Association,
    Other,
}

impl ResourceKind {
    pub const ALL: [ResourceKind; 4] = [
        ResourceKind::Service,
        ResourceKind::MutualAid,
        ResourceKind::Association,
        ResourceKind::Other,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ResourceKind::Service => "service",
            ResourceKind::MutualAid => "gem",
            ResourceKind::Association => "association",
            ResourceKind::Other => "other",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.key() == key)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalResource {
    pub id: i64,
    pub fields: ResourceFields,
}

/// A resource as its form gives it, checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResourceFields {
    pub kind: ResourceKind,
    pub name: String,
    pub description: Wording,
    pub address: String,
    pub hours: String,
    pub phone: String,
    pub website: String,
    pub accessibility: String,
}

pub const RESOURCE_NAME_MAX: usize = 150;
pub const RESOURCE_LINE_MAX: usize = 300;
pub const RESOURCE_PHONE_MAX: usize = 30;
/// At most this many resources per council: a guide, not a directory of the region.
pub const RESOURCES_MAX: usize = 300;

impl ResourceFields {
    #[allow(clippy::too_many_arguments)]
    pub fn check(
        kind: &str,
        name: &str,
        description: &str,
        description_easy: &str,
        address: &str,
        hours: &str,
        phone: &str,
        website: &str,
        accessibility: &str,
    ) -> Result<Self, FieldError> {
        let kind =
            ResourceKind::from_key(kind).ok_or(FieldError::new("kind", "error-resource-kind"))?;
        let name = one_line(name);
        bounded(&name, "name", 2, RESOURCE_NAME_MAX)?;
        let description = Wording {
            plain: description.trim().replace("\r\n", "\n"),
            easy: description_easy.trim().replace("\r\n", "\n"),
        };
        bounded(&description.plain, "description", 0, LONG_TEXT_MAX)?;
        bounded(&description.easy, "description_easy", 0, LONG_TEXT_MAX)?;
        let address = one_line(address);
        bounded(&address, "address", 0, RESOURCE_LINE_MAX)?;
        let hours = one_line(hours);
        bounded(&hours, "hours", 0, RESOURCE_LINE_MAX)?;
        let phone = one_line(phone);
        bounded(&phone, "phone", 0, RESOURCE_PHONE_MAX)?;
        // A number people dial: digits, spaces, dots, hyphens, a leading +, brackets.
        if !phone
            .chars()
            .all(|c| c.is_ascii_digit() || " .-+()".contains(c))
        {
            return Err(FieldError::new("phone", "error-resource-phone"));
        }
        let website = website.trim().to_owned();
        bounded(&website, "website", 0, RESOURCE_LINE_MAX)?;
        // Only a web address is made a link: never `javascript:` or another scheme.
        let web = website.starts_with("https://") || website.starts_with("http://");
        if !(website.is_empty() || web) || website.contains(char::is_whitespace) {
            return Err(FieldError::new("website", "error-resource-website"));
        }
        let accessibility = accessibility.trim().to_owned();
        bounded(&accessibility, "accessibility", 0, RESOURCE_LINE_MAX * 2)?;
        Ok(Self {
            kind,
            name,
            description,
            address,
            hours,
            phone,
            website,
            accessibility,
        })
    }

    /// Whether every word of `query` is found in its name, description (either version),
    /// address, hours or accessibility, ignoring case and French accents.
    pub fn matches(&self, query: &str) -> bool {
        let haystack = fold(
            &[
                self.name.as_str(),
                &self.description.plain,
                &self.description.easy,
                &self.address,
                &self.hours,
                &self.accessibility,
            ]
            .join(" "),
        );
        fold(query)
            .split_whitespace()
            .all(|word| haystack.contains(word))
    }

    /// The number to dial, as a `tel:` link holds it (digits and a leading +).
    pub fn phone_link(&self) -> Option<String> {
        let digits: String = self
            .phone
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect();
        (!digits.is_empty()).then(|| format!("tel:{digits}"))
    }
}

fn fold(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .map(|c| match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gem() -> Result<ResourceFields, FieldError> {
        ResourceFields::check(
            "gem",
            " GEM  L'Envol ",
            "Un lieu d'entraide ouvert en semaine.",
            "Un lieu pour se retrouver.",
            "12 rue des Tilleuls, Saint-Aubin",
            "Lundi-vendredi, 14 h - 18 h",
            "03 21 00 00 00",
            "https://gem-envol.example",
            "Plain-pied, boucle magnétique",
        )
    }

    #[test]
    fn a_resource_is_tidied_searchable_and_dialable() {
        let Ok(gem) = gem() else {
            panic!("refused: {:?}", gem())
        };
        assert_eq!(gem.name, "GEM L'Envol");
        assert!(gem.matches("envol"));
        assert!(gem.matches("entraide TILLEULS"));
        assert!(gem.matches("entraide semaine"), "accents and case ignored");
        assert!(gem.matches("plain-pied"));
        assert!(!gem.matches("envol psychiatre"), "every word must be found");
        assert_eq!(gem.phone_link().as_deref(), Some("tel:0321000000"));
    }

    #[test]
    fn bad_fields_are_named() {
        let refused = |kind: &str, phone: &str, website: &str| {
            ResourceFields::check(kind, "CMP", "", "", "", "", phone, website, "")
                .map_err(|e| (e.field, e.message))
        };
        assert_eq!(
            refused("club", "", ""),
            Err(("kind", "error-resource-kind"))
        );
        assert_eq!(
            refused("service", "appelez-nous", ""),
            Err(("phone", "error-resource-phone"))
        );
        assert_eq!(
            refused("service", "", "javascript:alert(1)"),
            Err(("website", "error-resource-website"))
        );
        assert_eq!(
            refused("service", "", "https://a b"),
            Err(("website", "error-resource-website"))
        );
        assert!(refused("service", "+33 (0)3 21 00 00 00", "https://cmp.example").is_ok());
    }
}
