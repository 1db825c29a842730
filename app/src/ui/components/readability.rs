//! The readability of a French text for its author (domain::readability): Kandel–Moles and
//! LIX with a verdict, written beside every field that has an easy-read twin.

use crate::ui::i18n::{I18n, readability_sentence, use_i18n};
use leptos::prelude::*;

/// "Lisibilité : facile à lire (Kandel-Moles 82, LIX 28)", or that nothing is written.
pub fn readability_said(i18n: I18n, text: &str) -> String {
    let (lang, easy) = i18n.reading();
    readability_sentence(lang, easy, text)
}

/// A form's buttons when its text has an easy-read twin: the form's own action (`action`, a
/// Fluent id; the first button, so Enter does it), and "check readability", which sends
/// `check=1` for the server to give the form back measured, storing nothing.
#[component]
pub fn SubmitOrCheck(action: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="actions">
            <button type="submit" class="button">{i18n.t(action)}</button>
            <button type="submit" name="check" value="1" class="button button-quiet">
                {i18n.t("readability-check")}
            </button>
        </div>
    }
}
