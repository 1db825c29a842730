//! The accessibility statement (*déclaration d'accessibilité*): a short summary through Fluent
//! (plain or easy-read), then the statement itself, kept in `docs/accessibility.md` (French,
//! the legal text) and `docs/accessibility.en.md`, so that the page and the repository never
//! say two different things.

use crate::domain::Lang;
use crate::ui::components::Picto;
use crate::ui::i18n::use_i18n;
use crate::ui::prefs::use_preferences;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn AccessibilityStatement() -> impl IntoView {
    let i18n = use_i18n();
    let prefs = use_preferences().get_untracked();
    let statement = view! {
        <div class="statement" inner_html=statement_html(prefs.lang)></div>
    };
    view! {
        <Title text=i18n.text("statement-title")/>
        <h1>
            <Picto name="easy-read"/>
            {i18n.t("statement-title")}
        </h1>
        <section class="notice" aria-labelledby="en-bref">
            <h2 id="en-bref">{i18n.t("statement-summary-title")}</h2>
            <p>{i18n.t("a11y-status")}</p>
            <h3>{i18n.t("a11y-report-title")}</h3>
            <p>{i18n.t("a11y-report")}</p>
        </section>
        // In easy-read the summary above is the page; the legal text stays one click away.
        {if prefs.easy_read {
            view! {
                <details class="statement-full">
                    <summary>{i18n.t("statement-read-full")}</summary>
                    {statement}
                </details>
            }
                .into_any()
        } else {
            statement.into_any()
        }}
    }
}

/// The statement as HTML, its headings one level down (the page has its own `h1`).
#[cfg(feature = "ssr")]
pub fn statement_html(lang: Lang) -> String {
    use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
    use std::sync::LazyLock;

    fn down(level: HeadingLevel) -> HeadingLevel {
        match level {
            HeadingLevel::H1 => HeadingLevel::H2,
            HeadingLevel::H2 => HeadingLevel::H3,
            HeadingLevel::H3 => HeadingLevel::H4,
            HeadingLevel::H4 => HeadingLevel::H5,
            HeadingLevel::H5 | HeadingLevel::H6 => HeadingLevel::H6,
        }
    }
    fn render(markdown: &str) -> String {
        let events =
            Parser::new_ext(markdown, Options::ENABLE_HEADING_ATTRIBUTES).map(
                |event| match event {
                    Event::Start(Tag::Heading {
                        level,
                        id,
                        classes,
                        attrs,
                    }) => Event::Start(Tag::Heading {
                        level: down(level),
                        id,
                        classes,
                        attrs,
                    }),
                    Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(down(level))),
                    other => other,
                },
            );
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, events);
        html
    }
    static FRENCH: LazyLock<String> =
        LazyLock::new(|| render(include_str!("../../../../docs/accessibility.md")));
    static ENGLISH: LazyLock<String> =
        LazyLock::new(|| render(include_str!("../../../../docs/accessibility.en.md")));
    match lang {
        Lang::Fr => FRENCH.clone(),
        Lang::En => ENGLISH.clone(),
    }
}

/// The browser never renders this page (it is not an island): the text stays on the server.
#[cfg(not(feature = "ssr"))]
pub fn statement_html(_lang: Lang) -> String {
    String::new()
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    /// The sections of the official model, by their anchors, in order.
    const SECTIONS: [&str; 14] = [
        "declaration",
        "etat",
        "resultats",
        "contenus-non-accessibles",
        "non-conformites",
        "derogations",
        "exemptions",
        "etablissement",
        "technologies",
        "environnement",
        "outils",
        "pages",
        "contact",
        "recours",
    ];

    fn anchors(html: &str) -> Vec<String> {
        html.match_indices(" id=\"")
            .map(|(at, marker)| {
                html[at + marker.len()..]
                    .chars()
                    .take_while(|c| *c != '"')
                    .collect()
            })
            .collect()
    }

    #[test]
    fn both_languages_follow_the_official_structure() {
        for lang in [Lang::Fr, Lang::En] {
            let html = statement_html(lang);
            assert_eq!(anchors(&html), SECTIONS, "{lang:?}");
            // One level down: the page's own title is the only h1.
            assert!(!html.contains("<h1"), "{lang:?}");
            assert!(html.contains("<h2 id=\"declaration\">"), "{lang:?}");
        }
        assert!(statement_html(Lang::Fr).contains("partiellement conforme"));
        assert!(statement_html(Lang::En).contains("partially conformant"));
    }
}
