//! Pictograms beside key words, shown in easy-read mode only.

use crate::ui::prefs::use_preferences;
use leptos::prelude::*;

/// A decorative pictogram (the word beside it carries the meaning, so `alt` is empty).
#[component]
pub fn Picto(name: &'static str) -> impl IntoView {
    let prefs = use_preferences();
    move || prefs.get().easy_read.then(|| picto_image(name))
}

/// The image itself, for an island that knows the mode from its start rather than from
/// the page's preferences.
pub fn picto_image(name: &'static str) -> impl IntoView {
    view! {
        <img class="picto" src=format!("/pictos/{name}.svg") alt="" width="40" height="40"/>
    }
}
