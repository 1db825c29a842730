//! Interface text through Fluent: French first, English second, each with its easy-read
//! variant held in the message's `.easy` attribute. One catalogue for every layer: pages
//! (through `ui::i18n`'s reactive translator), server functions (CSV headers, the
//! readability sentence) and the server (refusal pages, websocket errors).

use crate::domain::Lang;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::LazyLock;

const FRENCH: [&str; 10] = [
    include_str!("../../locales/fr/live.ftl"),
    include_str!("../../locales/fr/agora.ftl"),
    include_str!("../../locales/fr/assembly.ftl"),
    include_str!("../../locales/fr/about.ftl"),
    include_str!("../../locales/fr/staff.ftl"),
    include_str!("../../locales/fr/vote.ftl"),
    include_str!("../../locales/fr/survey.ftl"),
    include_str!("../../locales/fr/testimony.ftl"),
    include_str!("../../locales/fr/year.ftl"),
    include_str!("../../locales/fr/bodies.ftl"),
];
const ENGLISH: [&str; 10] = [
    include_str!("../../locales/en/live.ftl"),
    include_str!("../../locales/en/agora.ftl"),
    include_str!("../../locales/en/assembly.ftl"),
    include_str!("../../locales/en/about.ftl"),
    include_str!("../../locales/en/staff.ftl"),
    include_str!("../../locales/en/vote.ftl"),
    include_str!("../../locales/en/survey.ftl"),
    include_str!("../../locales/en/testimony.ftl"),
    include_str!("../../locales/en/year.ftl"),
    include_str!("../../locales/en/bodies.ftl"),
];

pub const EASY_ATTRIBUTE: &str = "easy";

struct Catalogue {
    fr: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
}

static CATALOGUE: LazyLock<Catalogue> = LazyLock::new(|| Catalogue {
    fr: bundle(Lang::Fr, &FRENCH),
    en: bundle(Lang::En, &ENGLISH),
});

/// Builds a bundle; syntax errors and duplicate ids are caught by the unit tests below, so
/// at run time a broken entry is skipped rather than taking the site down.
fn bundle(lang: Lang, sources: &[&str]) -> FluentBundle<FluentResource> {
    let langid = match lang {
        Lang::Fr => unic_langid::langid!("fr"),
        Lang::En => unic_langid::langid!("en"),
    };
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    bundle.set_use_isolating(false);
    for source in sources {
        let resource = FluentResource::try_new((*source).to_owned()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

fn catalogue(lang: Lang) -> &'static FluentBundle<FluentResource> {
    match lang {
        Lang::Fr => &CATALOGUE.fr,
        Lang::En => &CATALOGUE.en,
    }
}

/// The text of message `id`: its easy-read variant when asked for and written, else its
/// plain value. A missing message shows its id, which the tests below forbid.
pub fn message(lang: Lang, easy: bool, id: &str, args: Option<&FluentArgs>) -> String {
    let bundle = catalogue(lang);
    let Some(msg) = bundle.get_message(id) else {
        return id.to_owned();
    };
    let pattern = easy
        .then(|| msg.get_attribute(EASY_ATTRIBUTE))
        .flatten()
        .map(|attribute| attribute.value())
        .or_else(|| msg.value());
    let Some(pattern) = pattern else {
        return id.to_owned();
    };
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, args, &mut errors)
        .into_owned()
}

/// The text of `id` with named arguments; an argument that reads as a number is passed as
/// one, so that plurals and number formatting apply.
pub fn message_with(lang: Lang, easy: bool, id: &str, named: &[(&str, &str)]) -> String {
    let mut args = FluentArgs::new();
    for (name, value) in named {
        match value.parse::<i64>() {
            Ok(number) => args.set(*name, FluentValue::from(number)),
            Err(_) => args.set(*name, FluentValue::from(value.to_string())),
        }
    }
    message(lang, easy, id, Some(&args))
}

/// A moment in words ("jeudi 2 avril 2026 à 18 h 30"): every part as text (a minute is
/// written "05", and no number formatting applies to a year).
pub fn moment(lang: Lang, easy: bool, at: &crate::domain::LocalMoment) -> String {
    let word = |id: String| message(lang, easy, &id, None);
    let mut args = FluentArgs::new();
    args.set("weekday", word(format!("weekday-{}", at.weekday)));
    args.set("day", at.day.to_string());
    args.set("month", word(format!("month-{}", at.month)));
    args.set("year", at.year.to_string());
    args.set("hour", at.hour.to_string());
    args.set("minute", format!("{:02}", at.minute));
    message(lang, easy, "date-time", Some(&args))
}

/// "Lisibilité : facile à lire (Kandel-Moles 82, LIX 28)" for `text`, or that nothing is
/// written: the measure (domain::readability) said to its author, beside every field that
/// has an easy-read twin, and while typing (`/api/measure_readability`).
pub fn readability_sentence(lang: Lang, easy: bool, text: &str) -> String {
    match crate::domain::readability::measure(text) {
        Some(r) => message_with(
            lang,
            easy,
            "readability-score",
            &[
                (
                    "verdict",
                    &message(lang, easy, r.verdict().message_id(), None),
                ),
                ("km", &format!("{:.0}", r.kandel_moles)),
                ("lix", &format!("{:.0}", r.lix)),
            ],
        ),
        None => message(lang, easy, "readability-empty", None),
    }
}

/// The reader's preferences (language, easy-read…) from the request's cookie: the server
/// renders every page, so the first paint already has them.
#[cfg(feature = "ssr")]
pub fn request_preferences() -> crate::domain::Preferences {
    leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| {
            let header = parts.headers.get(http::header::COOKIE)?;
            header.to_str().ok().map(|header| {
                let cookies = leptos::prelude::use_context::<crate::domain::CookiePolicy>()
                    .unwrap_or_default();
                crate::domain::Preferences::from_cookie_header(header, cookies)
            })
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_syntax::{ast, parser};
    use std::collections::BTreeMap;

    /// Every message id of a language, with whether it carries an easy-read variant.
    fn messages(sources: &[&str]) -> BTreeMap<String, bool> {
        let mut found = BTreeMap::new();
        for source in sources {
            let resource = parser::parse(*source).unwrap_or_else(|(_, errors)| {
                panic!("Fluent syntax errors: {errors:?}");
            });
            for entry in resource.body {
                if let ast::Entry::Message(m) = entry {
                    let easy = m.attributes.iter().any(|a| a.id.name == EASY_ATTRIBUTE);
                    let previous = found.insert(m.id.name.to_owned(), easy);
                    assert!(previous.is_none(), "duplicate message id {}", m.id.name);
                }
            }
        }
        found
    }

    #[test]
    fn french_and_english_define_the_same_messages() {
        let fr: Vec<_> = messages(&FRENCH).into_keys().collect();
        let en: Vec<_> = messages(&ENGLISH).into_keys().collect();
        assert_eq!(fr, en);
    }

    #[test]
    fn easy_read_variants_exist_in_both_languages_or_neither() {
        let fr = messages(&FRENCH);
        let en = messages(&ENGLISH);
        let differ: Vec<_> = fr
            .iter()
            .filter(|(id, easy)| en.get(*id) != Some(easy))
            .collect();
        assert!(
            differ.is_empty(),
            "easy variant in one language only: {differ:?}"
        );
    }

    /// Messages with no easy-read variant because their plain text is already easy, each
    /// reviewed with its reason. Every other message must carry a `.easy` attribute; writing
    /// `.easy` equal to the value is the way to say "reviewed: already easy" for a sentence.
    const ALREADY_EASY: &[(&str, &str)] = &[
        ("site-name", "a name: Agora"),
        ("prefs-language", "one word: Langue"),
        ("lang-fr", "a language's own name"),
        ("lang-en", "a language's own name"),
        ("prefs-text-size", "two common words"),
        ("prefs-text-normal", "one word"),
        ("prefs-text-large", "one word"),
        ("prefs-text-larger", "two common words"),
        (
            "council-colleges-title",
            "a heading naming the colleges, with their pictograms",
        ),
        ("finding-back", "a link back, three words"),
        ("breadcrumb-home", "one word: Accueil"),
        (
            "date-time",
            "a date with the month and weekday in words, as easy-read asks",
        ),
        ("weekday-1", "a day's name"),
        ("weekday-2", "a day's name"),
        ("weekday-3", "a day's name"),
        ("weekday-4", "a day's name"),
        ("weekday-5", "a day's name"),
        ("weekday-6", "a day's name"),
        ("weekday-7", "a day's name"),
        ("month-1", "a month's name"),
        ("month-2", "a month's name"),
        ("month-3", "a month's name"),
        ("month-4", "a month's name"),
        ("month-5", "a month's name"),
        ("month-6", "a month's name"),
        ("month-7", "a month's name"),
        ("month-8", "a month's name"),
        ("month-9", "a month's name"),
        ("month-10", "a month's name"),
        ("month-11", "a month's name"),
        ("month-12", "a month's name"),
        ("survey-count", "a number and a noun"),
        ("survey-results-respondents", "a number and a noun"),
        ("survey-results-answered", "a number and a noun"),
        ("ballot-points", "a number and a noun"),
        ("results-ballots", "a number and a noun"),
        ("results-points", "a number and a noun"),
        ("decimal-mark", "not text: the decimal separator"),
        ("date-day", "a date, its weekday and month in words"),
    ];

    #[test]
    fn every_message_has_an_easy_variant_or_is_reviewed_as_already_easy() {
        let reviewed: BTreeMap<&str, &str> = ALREADY_EASY.iter().copied().collect();
        let fr = messages(&FRENCH);
        let missing: Vec<_> = fr
            .iter()
            .filter(|(id, easy)| !**easy && !reviewed.contains_key(id.as_str()))
            .map(|(id, _)| id)
            .collect();
        assert!(
            missing.is_empty(),
            "messages with no `.easy` variant: write one, or add them to ALREADY_EASY \
             with the reason: {missing:?}"
        );
        // The list stays a review, not a dumping ground: no stale or contradicted entry.
        for id in reviewed.keys() {
            assert_eq!(
                fr.get(*id),
                Some(&false),
                "{id}: remove it from ALREADY_EASY"
            );
        }
    }

    /// The words of each sentence of an easy-read text, placeables counted as one word.
    fn easy_sentences(lang: Lang) -> Vec<(String, String)> {
        let sources: &[&str] = match lang {
            Lang::Fr => &FRENCH,
            Lang::En => &ENGLISH,
        };
        let mut found = Vec::new();
        for source in sources {
            let Ok(resource) = parser::parse(*source) else {
                continue;
            };
            for entry in resource.body {
                let ast::Entry::Message(m) = entry else {
                    continue;
                };
                for attribute in m.attributes.iter().filter(|a| a.id.name == EASY_ATTRIBUTE) {
                    let mut text = String::new();
                    for element in &attribute.value.elements {
                        match element {
                            ast::PatternElement::TextElement { value } => text.push_str(value),
                            ast::PatternElement::Placeable { .. } => text.push_str(" X "),
                        }
                    }
                    for sentence in text.split(['.', '!', '?', ':', ';', '\n']) {
                        found.push((m.id.name.to_owned(), sentence.trim().to_owned()));
                    }
                }
            }
        }
        found
    }

    /// FALC's first rule: short sentences, one idea each. Fifteen words is the usual ceiling
    /// in the easy-read guides (Inclusion Europe's, Unapei's).
    #[test]
    fn easy_read_sentences_are_short() {
        for lang in [Lang::Fr, Lang::En] {
            let sentences = easy_sentences(lang);
            assert!(sentences.len() > 500, "{lang:?}: the scan finds the texts");
            let long: Vec<_> = sentences
                .iter()
                .filter(|(_, sentence)| sentence.split_whitespace().count() > 15)
                .collect();
            assert!(
                long.is_empty(),
                "{lang:?}: easy-read sentences over 15 words: {long:?}"
            );
        }
    }

    #[test]
    fn easy_mode_uses_the_easy_attribute_and_falls_back_to_the_value() {
        assert_eq!(message(Lang::Fr, false, "prefs-save", None), "Appliquer");
        assert_eq!(message(Lang::Fr, true, "prefs-save", None), "Valider");
        assert_eq!(message(Lang::En, true, "prefs-save", None), "OK");
        // `prefs-language` has no easy variant: the plain text is already easy.
        assert_eq!(message(Lang::Fr, true, "prefs-language", None), "Langue");
    }

    #[test]
    fn plurals_follow_each_language() {
        let mut args = FluentArgs::new();
        args.set("count", FluentValue::from(1));
        assert_eq!(
            message(Lang::Fr, false, "index-findings", Some(&args)),
            "1 constat au diagnostic"
        );
        args.set("count", FluentValue::from(12));
        assert_eq!(
            message(Lang::En, false, "index-findings", Some(&args)),
            "12 findings in the diagnosis"
        );
    }

    /// Message ids written in the code: arguments of the translators (`t`, `text`, `count`,
    /// `with`), of form fields (`label=`, `hint=`), and every literal naming an error or a
    /// confirmation (`"error-…"`, `"saved-…"`) wherever it is returned from.
    fn ids_in_code() -> Vec<(String, String)> {
        fn walk(dir: &std::path::Path, found: &mut Vec<(String, String)>) {
            for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    walk(&path, found);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let code = std::fs::read_to_string(&path).unwrap_or_default();
                    let markers = [
                        ".t(\"",
                        ".text(\"",
                        ".count(\"",
                        ".with(\"",
                        "label=\"",
                        "hint=\"",
                        "\"error-",
                        "\"saved-",
                    ];
                    for marker in markers {
                        for (at, _) in code.match_indices(marker) {
                            let start = at + marker.len()
                                - if marker.starts_with('"') {
                                    marker.len() - 1
                                } else {
                                    0
                                };
                            let id: String = code[start..]
                                .chars()
                                .take_while(|c| {
                                    c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'
                                })
                                .collect();
                            let closed = code[start + id.len()..].starts_with('"');
                            if closed && id.contains('-') && !id.ends_with('-') {
                                found.push((id, path.display().to_string()));
                            }
                        }
                    }
                }
            }
        }
        let mut found = Vec::new();
        walk(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut found,
        );
        found
    }

    #[test]
    fn every_message_id_written_in_the_code_exists() {
        let known = messages(&FRENCH);
        let ids = ids_in_code();
        assert!(ids.len() > 100, "the scan finds the ids ({})", ids.len());
        let missing: Vec<_> = ids
            .iter()
            .filter(|(id, _)| !known.contains_key(id))
            .collect();
        assert!(missing.is_empty(), "ids with no message: {missing:?}");
    }

    #[test]
    fn missing_message_shows_its_id() {
        assert_eq!(
            message(Lang::Fr, false, "no-such-message", None),
            "no-such-message"
        );
    }
}
