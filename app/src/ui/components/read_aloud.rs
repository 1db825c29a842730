//! "Listen": reads a text aloud with the browser's speech synthesis (`/js/read-aloud.js`, a
//! small module of its own rather than wasm, so pages without such a text load nothing).
//! The button is rendered hidden: the module shows it only where the browser can speak,
//! and without JavaScript it stays out of the way.

use super::Picto;
use crate::ui::i18n::use_i18n;
use crate::ui::prefs::use_preferences;
use leptos::prelude::*;

/// `read`: the ids of the elements to read, in order, separated by spaces; `about`: what
/// they are (a title), added to the button's name for screen readers, since a page may have
/// several "Listen" buttons.
#[component]
pub fn ReadAloud(read: String, about: String) -> impl IntoView {
    view! {
        <ListenButton read about/>
        <ReadAloudScript/>
    }
}

/// One "Listen" button for every text matching `texts` (a CSS selector), for a list drawn by
/// an island (the live questions): the server renders the button once, in the page's
/// language and mode, and the module gives each text a copy at its item's end, including
/// the texts the island adds later. The island itself carries nothing for it, since its wasm
/// is downloaded by every page and the first-load budget has no room left.
#[component]
pub fn ReadAloudEach(texts: &'static str) -> impl IntoView {
    view! {
        <template class="read-aloud-each" data-texts=texts>
            <ListenButton read=String::new() about=String::new()/>
        </template>
        <ReadAloudScript/>
    }
}

#[component]
fn ListenButton(read: String, about: String) -> impl IntoView {
    let i18n = use_i18n();
    // The button speaks the interface's language, even inside French content.
    let lang = use_preferences().get_untracked().lang.code();
    view! {
        <button
            type="button"
            class="button button-quiet read-aloud"
            lang=lang
            hidden
            data-read=read
            data-listen-label=i18n.text("read-aloud")
            data-stop-label=i18n.text("read-aloud-stop")
        >
            <Picto name="listen"/>
            <span class="read-aloud-label">{i18n.t("read-aloud")}</span>
            <span class="visually-hidden">" : " <span class="read-aloud-about">{about}</span></span>
        </button>
    }
}

/// The module behind the buttons: it runs once however many parts of a page load it.
#[component]
fn ReadAloudScript() -> impl IntoView {
    view! { <script type="module" src="/js/read-aloud.js"></script> }
}
