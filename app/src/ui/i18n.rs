//! The reactive translator of pages and islands, over the one catalogue (`crate::i18n`).

use crate::domain::{Lang, Preferences};
pub use crate::i18n::{EASY_ATTRIBUTE, message, message_with, readability_sentence};
use fluent_bundle::{FluentArgs, FluentValue};
use leptos::prelude::*;

/// The reactive translator handed to components: it follows the preferences signal.
#[derive(Clone, Copy)]
pub struct I18n {
    prefs: RwSignal<Preferences>,
}

impl I18n {
    /// A reactive text for `id`, to place directly in a view or an attribute.
    pub fn t(self, id: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
        move || self.text(id)
    }

    /// The text of `id` now (tracked when read inside a reactive scope).
    pub fn text(self, id: &str) -> String {
        let prefs = self.prefs.get();
        message(prefs.lang, prefs.easy_read, id, None)
    }

    /// The text of `id` with a count, for plurals.
    pub fn count(self, id: &str, count: u64) -> String {
        let prefs = self.prefs.get();
        let mut args = FluentArgs::new();
        args.set("count", FluentValue::from(count));
        message(prefs.lang, prefs.easy_read, id, Some(&args))
    }

    /// A date and time with the weekday and month in words ("jeudi 18 mars 2027 à 18 h 30"),
    /// as easy-read asks and everyone reads more easily.
    pub fn moment(self, moment: &crate::domain::LocalMoment) -> String {
        let prefs = self.prefs.get();
        crate::i18n::moment(prefs.lang, prefs.easy_read, moment)
    }

    /// A calendar day with the weekday and month in words ("jeudi 2 avril 2026").
    pub fn date(self, day: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        let mut args = FluentArgs::new();
        args.set(
            "weekday",
            self.text(&format!("weekday-{}", day.weekday().number_from_monday())),
        );
        args.set("day", day.day().to_string());
        args.set("month", self.text(&format!("month-{}", day.month())));
        args.set("year", day.year().to_string());
        let prefs = self.prefs.get();
        message(prefs.lang, prefs.easy_read, "date-day", Some(&args))
    }

    /// The text of `id` with named arguments; an argument that reads as a number is passed
    /// as one, so that plurals and number formatting apply.
    pub fn with(self, id: &str, named: &[(&str, &str)]) -> String {
        let prefs = self.prefs.get();
        message_with(prefs.lang, prefs.easy_read, id, named)
    }

    /// The language and reading mode texts are given in now.
    pub fn reading(self) -> (Lang, bool) {
        let prefs = self.prefs.get();
        (prefs.lang, prefs.easy_read)
    }
}

impl I18n {
    /// The texts of `ids` now, for an island: islands run in the browser, where no Fluent
    /// catalogue is shipped, so they receive their strings already resolved.
    pub fn phrases(self, ids: &[&str]) -> Phrases {
        Phrases(
            ids.iter()
                .map(|id| ((*id).to_owned(), self.text(id)))
                .collect(),
        )
    }
}

/// Interface texts resolved on the server for the current language and reading mode.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Phrases(std::collections::BTreeMap<String, String>);

/// Stands for the count in a counted phrase resolved ahead of time; no message contains it.
const COUNT_MARK: u64 = 987_654_321;

impl Phrases {
    /// The text of `id`; a missing id shows itself, as Fluent does (the tests forbid both).
    pub fn get(&self, id: &str) -> String {
        self.0.get(id).cloned().unwrap_or_else(|| id.to_owned())
    }

    /// Adds messages taking a `$count`, resolved for zero, one and any other number: the
    /// plural categories of French and English (French counts zero as one; a message may
    /// also say something of its own for zero).
    pub fn with_counts(mut self, i18n: I18n, ids: &[&str]) -> Phrases {
        for id in ids {
            for (form, count) in [("0", 0), ("1", 1), ("n", COUNT_MARK)] {
                self.0.insert(format!("{id}#{form}"), i18n.count(id, count));
            }
        }
        self
    }

    /// The text of a counted message added by [`Phrases::with_counts`].
    pub fn count(&self, id: &str, count: u64) -> String {
        match count {
            0 => self.get(&format!("{id}#0")),
            1 => self.get(&format!("{id}#1")),
            _ => self
                .get(&format!("{id}#n"))
                .replace(&COUNT_MARK.to_string(), &count.to_string()),
        }
    }
}

pub fn use_i18n() -> I18n {
    I18n {
        prefs: super::prefs::use_preferences(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counted_phrases_read_as_fluent_would_for_any_count() {
        use crate::domain::{Lang, Preferences};
        let owner = leptos::prelude::Owner::new();
        owner.with(|| {
            for lang in [Lang::Fr, Lang::En] {
                for easy_read in [false, true] {
                    let i18n = I18n {
                        prefs: RwSignal::new(Preferences {
                            lang,
                            easy_read,
                            ..Preferences::default()
                        }),
                    };
                    let phrases =
                        Phrases::default().with_counts(i18n, &["live-votes", "live-pending"]);
                    for count in [0, 1, 2, 5, 21, 1000, 123_456] {
                        for id in ["live-votes", "live-pending"] {
                            assert_eq!(
                                phrases.count(id, count),
                                i18n.count(id, count),
                                "{id} {count}"
                            );
                        }
                    }
                }
            }
        });
    }
}
