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

/// The `<option>`s of a pictogram choice (one of `PICTOGRAMS`, `chosen` selected), led by
/// "none" when the choice may be left empty.
pub fn picto_options(
    i18n: crate::ui::i18n::I18n,
    chosen: &str,
    with_none: bool,
) -> impl IntoView + use<> {
    let chosen = chosen.to_owned();
    with_none
        .then_some("")
        .into_iter()
        .chain(crate::domain::PICTOGRAMS)
        .map(|name| {
            let text = if name.is_empty() {
                i18n.text("settings-college-picto-none")
            } else {
                i18n.text(&format!("picto-{name}"))
            };
            view! { <option value=name selected=chosen == name>{text}</option> }
        })
        .collect_view()
}

/// A pictogram a council chose, shown in every mode where staff choose it (a settings list),
/// decorative beside the name it goes with; never a file outside the catalogue.
pub fn chosen_picto(name: &str) -> impl IntoView + use<> {
    view! {
        <img
            class="picto picto-always"
            src=format!("/pictos/{}.svg", crate::domain::pictogram(name))
            alt=""
            width="40"
            height="40"
        />
    }
}
