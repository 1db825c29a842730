//! The readability of a text being written, measured while its author types
//! (`/js/readability.js`, under the fields that have an easy-read twin).

use super::AppError;
use leptos::prelude::*;

/// The longest text measured: the longest field with an easy-read twin holds 2,000
/// characters; a little room is left for what the browser counts differently.
pub const MEASURED_MAX: usize = 4_000;

/// The sentence the "check readability" button gives (`i18n::readability_sentence`), in the
/// reader's language and reading mode. It stores nothing and needs no account: the measure
/// tells nothing about anyone.
#[server(endpoint = "measure_readability")]
pub async fn measure_readability(text: String) -> Result<String, AppError> {
    if text.chars().count() > MEASURED_MAX {
        return Err(AppError::Invalid("error-too-large".into()).with_status());
    }
    let prefs = crate::i18n::request_preferences();
    Ok(crate::i18n::readability_sentence(
        prefs.lang,
        prefs.easy_read,
        &text,
    ))
}
