//! The readability of a French text for its author (domain::readability): Kandel–Moles and
//! LIX with a verdict, written beside every field that has an easy-read twin.

use crate::domain::readability::measure;
use crate::ui::i18n::I18n;

/// "Lisibilité : facile à lire (Kandel-Moles 82, LIX 28)", or that nothing is written.
pub fn readability_said(i18n: I18n, text: &str) -> String {
    match measure(text) {
        Some(r) => i18n.with(
            "readability-score",
            &[
                ("verdict", &i18n.text(r.verdict().message_id())),
                ("km", &format!("{:.0}", r.kandel_moles)),
                ("lix", &format!("{:.0}", r.lix)),
            ],
        ),
        None => i18n.text("readability-empty"),
    }
}
