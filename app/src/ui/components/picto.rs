//! Pictograms beside key words, shown in easy-read mode only.

use crate::ui::prefs::use_preferences;
use leptos::prelude::*;

/// A decorative pictogram (the word beside it carries the meaning, so `alt` is empty).
#[component]
pub fn Picto(name: &'static str) -> impl IntoView {
    let prefs = use_preferences();
    move || {
        prefs.get().easy_read.then(|| {
            view! {
                <img
                    class="picto"
                    src=format!("/pictos/{name}.svg")
                    alt=""
                    width="40"
                    height="40"
                />
            }
        })
    }
}
