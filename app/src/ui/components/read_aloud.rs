//! "Listen": reads a text aloud with the browser's speech synthesis (`/js/read-aloud.js`, a
//! small module of its own rather than wasm, so pages without such a text load nothing).
//! The button is rendered hidden: the module shows it only where the browser can speak,
//! and without JavaScript it stays out of the way.

use super::picto::picto_image;
use crate::ui::i18n::use_i18n;
use crate::ui::prefs::use_preferences;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What a "Listen" button says, resolved on the server so that an island (the live
/// questions) can draw the same button as the pages without carrying the translations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListenLabels {
    /// The interface's language: the button speaks it, even inside French content.
    pub lang: String,
    pub listen: String,
    pub stop: String,
    /// Easy-read mode: a pictogram beside the word.
    pub picto: bool,
}

impl ListenLabels {
    /// The labels in the current request's language and mode.
    pub fn current() -> Self {
        let i18n = use_i18n();
        let prefs = use_preferences().get_untracked();
        ListenLabels {
            lang: prefs.lang.code().to_owned(),
            listen: i18n.text("read-aloud"),
            stop: i18n.text("read-aloud-stop"),
            picto: prefs.easy_read,
        }
    }
}

/// `read`: the ids of the elements to read, in order, separated by spaces; `about`: what
/// they are (a title), added to the button's name for screen readers, since a page may have
/// several "Listen" buttons.
#[component]
pub fn ReadAloud(read: String, about: String) -> impl IntoView {
    view! {
        <ListenButton read about labels=ListenLabels::current()/>
        <ReadAloudScript/>
    }
}

/// The button alone, for a list drawn by an island: its page loads [`ReadAloudScript`]
/// once, and the script also shows the buttons the island adds later.
#[component]
pub fn ListenButton(read: String, about: String, labels: ListenLabels) -> impl IntoView {
    let listen = labels.listen.clone();
    view! {
        <button
            type="button"
            class="button button-quiet read-aloud"
            lang=labels.lang
            hidden
            data-read=read
            data-listen-label=listen
            data-stop-label=labels.stop
        >
            {labels.picto.then(|| picto_image("listen"))}
            <span class="read-aloud-label">{labels.listen}</span>
            <span class="visually-hidden">" : " {about}</span>
        </button>
    }
}

/// The module behind the buttons; it runs once however many pages parts load it.
#[component]
pub fn ReadAloudScript() -> impl IntoView {
    view! { <script type="module" src="/js/read-aloud.js"></script> }
}
