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
