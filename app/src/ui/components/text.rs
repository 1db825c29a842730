//! Rendering authored text and errors.

use crate::api::AppError;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;

/// Authored text, one paragraph per line: easy-read text puts one idea on each line.
#[component]
pub fn Paragraphs(text: String) -> impl IntoView {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|line| view! { <p>{line.to_owned()}</p> })
        .collect_view()
}

/// What a page was loaded to say: the confirmation or the refusal a form post came back with
/// (a plain form is answered by a redirect, so the message arrives with a new page). Screen
/// readers do not read out what a live region already holds when a page loads, so the message
/// takes the focus (`autofocus`, no script needed) and is read first; keyboard users go on
/// from there. `error` makes it a refusal.
#[component]
pub fn Notice(#[prop(optional)] error: bool, children: Children) -> impl IntoView {
    let (class, role) = if error {
        ("notice notice-error", "alert")
    } else {
        ("notice", "status")
    };
    view! {
        <div class=class role=role tabindex="-1" autofocus>
            {children()}
        </div>
    }
}

/// A translated, human message for an error, announced to screen readers.
#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    let i18n = use_i18n();
    let id = error.message_id().to_owned();
    view! {
        <div class="notice notice-error" role="alert">
            <p>{move || i18n.text(&id)}</p>
        </div>
    }
}

/// A results table's bar, `width` out of 100 (at least 1, so that a zero still shows where
/// the bar would start). Hidden from screen readers: the figure beside it says it in words.
pub fn share_bar(width: u64) -> impl IntoView {
    view! {
        <svg
            class="bar"
            viewBox="0 0 100 8"
            preserveAspectRatio="none"
            aria-hidden="true"
            focusable="false"
        >
            <rect x="0" y="0" height="8" width=width.max(1).to_string()></rect>
        </svg>
    }
}
