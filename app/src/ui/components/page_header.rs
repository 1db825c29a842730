//! The top of a page: its title in the tab, the way back up, its heading (with a pictogram
//! in easy-read mode) and the confirmation the last form post left. One shape for every
//! page, so that a screen-reader or keyboard user finds each page opening the same way.

use crate::api::PageFlash;
use crate::ui::components::{Picto, notice};
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

/// Words shown on a page: the interface's own, already translated, or the council's (a
/// name, a title), which are written in French and marked so that a screen reader reads
/// them in French whatever the interface language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Label {
    Interface(String),
    Council(String),
}

impl Label {
    fn view(self) -> AnyView {
        match self {
            Label::Interface(text) => text.into_any(),
            Label::Council(text) => view! { <span lang="fr">{text}</span> }.into_any(),
        }
    }
}

/// One step of the way back up: where it leads and what it is called.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Crumb {
    pub href: String,
    pub label: Label,
}

impl Crumb {
    pub fn new(href: impl Into<String>, label: Label) -> Self {
        Crumb {
            href: href.into(),
            label,
        }
    }

    /// The council's home page, named by the council.
    pub fn council(slug: &str, name: impl Into<String>) -> Self {
        Crumb::new(format!("/{slug}"), Label::Council(name.into()))
    }
}

/// The tab title, the breadcrumb (outermost first), the heading and the notice.
#[component]
pub fn PageHeader(
    /// The document's title, in the tab and the history.
    #[prop(into)]
    tab: String,
    /// The heading.
    heading: Label,
    /// What the page is about, in the council's words, after the heading ("Résultats : …").
    #[prop(optional, into)]
    about: Option<String>,
    /// The way back up, outermost first.
    #[prop(optional)]
    crumbs: Vec<Crumb>,
    /// Shown beside the heading in easy-read mode.
    #[prop(optional)]
    picto: Option<&'static str>,
    /// The confirmation the last form post left, shown under the heading.
    #[prop(optional)]
    flash: Option<PageFlash>,
    /// Left out when the page is printed (a sheet of codes prints only the codes).
    #[prop(optional)]
    screen_only: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let breadcrumb = (!crumbs.is_empty()).then(|| {
        let steps = crumbs
            .into_iter()
            .map(|crumb| {
                view! {
                    <li>
                        <A href=crumb.href exact=true>
                            {crumb.label.view()}
                        </A>
                    </li>
                }
            })
            .collect_view();
        view! {
            <nav class=if screen_only { "breadcrumb no-print" } else { "breadcrumb" } aria-label=i18n.t("breadcrumb-label")>
                <ol>{steps}</ol>
            </nav>
        }
    });
    let about = about.map(|about| {
        view! {
            " : "
            <span lang="fr">{about}</span>
        }
    });
    let notice = flash.and_then(|flash| notice(i18n, &flash));
    let words = view! {
        {picto.map(|name| view! { <Picto name=name/> })}
        {heading.view()}
        {about}
    };
    // Two shapes rather than an empty `class=""` on every heading.
    let heading = if screen_only {
        view! { <h1 class="no-print">{words}</h1> }.into_any()
    } else {
        view! { <h1>{words}</h1> }.into_any()
    };
    view! {
        <Title text=tab/>
        {breadcrumb}
        {heading}
        {notice}
    }
}
