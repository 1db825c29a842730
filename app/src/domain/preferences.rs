//! Display preferences: language, easy-read and the comfort settings, kept in a cookie.
//!
//! The cookie value is `key=value` pairs joined by `&` (only cookie-safe characters), for
//! example `lang=en&easy=1&text=large`. Unknown keys and bad values fall back to the default
//! rather than failing: a stale cookie must never break a page.

use super::{Cookie, CookiePolicy};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.code() == code)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum TextSize {
    #[default]
    Normal,
    Large,
    Larger,
}

impl TextSize {
    pub const ALL: [TextSize; 3] = [TextSize::Normal, TextSize::Large, TextSize::Larger];

    pub fn code(self) -> &'static str {
        match self {
            TextSize::Normal => "normal",
            TextSize::Large => "large",
            TextSize::Larger => "larger",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Contrast {
    #[default]
    Normal,
    High,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Preferences {
    pub lang: Lang,
    pub easy_read: bool,
    pub text_size: TextSize,
    pub contrast: Contrast,
    pub wide_spacing: bool,
    pub reduced_motion: bool,
}

impl Preferences {
    /// Reads the cookie value; anything unrecognised keeps its default.
    pub fn from_cookie_value(value: &str) -> Self {
        let mut prefs = Self::default();
        for (key, val) in value.split('&').filter_map(|pair| pair.split_once('=')) {
            match key {
                "lang" => prefs.lang = Lang::parse(val).unwrap_or_default(),
                "easy" => prefs.easy_read = val == "1",
                "text" => prefs.text_size = TextSize::parse(val).unwrap_or_default(),
                "contrast" => {
                    prefs.contrast = if val == "high" {
                        Contrast::High
                    } else {
                        Contrast::Normal
                    }
                }
                "spacing" => prefs.wide_spacing = val == "1",
                "motion" => prefs.reduced_motion = val == "reduced",
                _ => {}
            }
        }
        prefs
    }

    /// Finds our cookie in a `Cookie:` header (`a=1; agora_prefs=…; b=2`).
    pub fn from_cookie_header(header: &str, cookies: CookiePolicy) -> Self {
        cookies
            .read(header, Cookie::Preferences)
            .map(Self::from_cookie_value)
            .unwrap_or_default()
    }

    pub fn to_cookie_value(self) -> String {
        let mut pairs = vec![format!("lang={}", self.lang.code())];
        if self.easy_read {
            pairs.push("easy=1".into());
        }
        if self.text_size != TextSize::Normal {
            pairs.push(format!("text={}", self.text_size.code()));
        }
        if self.contrast == Contrast::High {
            pairs.push("contrast=high".into());
        }
        if self.wide_spacing {
            pairs.push("spacing=1".into());
        }
        if self.reduced_motion {
            pairs.push("motion=reduced".into());
        }
        pairs.join("&")
    }

    /// The classes on `<html>` that the stylesheet keys on.
    pub fn html_classes(self) -> String {
        let mut classes = Vec::new();
        if self.easy_read {
            classes.push("easy-read");
        }
        match self.text_size {
            TextSize::Normal => {}
            TextSize::Large => classes.push("text-large"),
            TextSize::Larger => classes.push("text-larger"),
        }
        if self.contrast == Contrast::High {
            classes.push("contrast-high");
        }
        if self.wide_spacing {
            classes.push("spacing-wide");
        }
        if self.reduced_motion {
            classes.push("motion-reduced");
        }
        classes.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_set() -> Preferences {
        Preferences {
            lang: Lang::En,
            easy_read: true,
            text_size: TextSize::Larger,
            contrast: Contrast::High,
            wide_spacing: true,
            reduced_motion: true,
        }
    }

    #[test]
    fn default_is_french_plain_normal() {
        let prefs = Preferences::default();
        assert_eq!(prefs.lang, Lang::Fr);
        assert!(!prefs.easy_read);
        assert_eq!(prefs.html_classes(), "");
        assert_eq!(prefs.to_cookie_value(), "lang=fr");
    }

    #[test]
    fn cookie_value_round_trips() {
        let prefs = all_set();
        assert_eq!(
            Preferences::from_cookie_value(&prefs.to_cookie_value()),
            prefs
        );
        let some = Preferences {
            easy_read: true,
            ..Preferences::default()
        };
        assert_eq!(
            Preferences::from_cookie_value(&some.to_cookie_value()),
            some
        );
    }

    #[test]
    fn cookie_value_uses_only_cookie_safe_characters() {
        let value = all_set().to_cookie_value();
        assert!(
            value
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "=&".contains(c)),
            "{value}"
        );
    }

    #[test]
    fn garbage_falls_back_to_defaults() {
        assert_eq!(Preferences::from_cookie_value(""), Preferences::default());
        assert_eq!(
            Preferences::from_cookie_value("lang=de&text=huge&x"),
            Preferences::default()
        );
        let prefs = Preferences::from_cookie_value("lang=en&easy=yes&bogus=1");
        assert_eq!(
            prefs,
            Preferences {
                lang: Lang::En,
                ..Preferences::default()
            }
        );
    }

    #[test]
    fn finds_the_cookie_among_others() {
        let header = "session=abc; agora_prefs=lang=en&easy=1; other=x=y";
        let prefs = Preferences::from_cookie_header(header, CookiePolicy::default());
        assert_eq!(prefs.lang, Lang::En);
        assert!(prefs.easy_read);
        assert_eq!(
            Preferences::from_cookie_header("session=abc", CookiePolicy::default()),
            Preferences::default()
        );
    }

    #[test]
    fn html_classes_name_every_setting() {
        assert_eq!(
            all_set().html_classes(),
            "easy-read text-larger contrast-high spacing-wide motion-reduced"
        );
        let large = Preferences {
            text_size: TextSize::Large,
            ..Preferences::default()
        };
        assert_eq!(large.html_classes(), "text-large");
    }
}
