//! Saving display preferences in their cookie; works from a plain form post too.

use super::AppError;
use crate::domain::Preferences;
use leptos::prelude::*;

/// Field names are the form's; checkboxes are absent when unticked.
#[server(endpoint = "save_preferences")]
pub async fn save_preferences(
    lang: String,
    easy: Option<String>,
    text: Option<String>,
    contrast: Option<String>,
    spacing: Option<String>,
    motion: Option<String>,
    return_to: Option<String>,
) -> Result<Preferences, AppError> {
    use crate::domain::{Contrast, Cookie, Lang, TextSize, safe_return_path};

    let invalid = || AppError::Invalid("error-preferences".into()).with_status();
    let prefs = Preferences {
        lang: Lang::parse(&lang).ok_or_else(invalid)?,
        easy_read: easy.is_some(),
        text_size: match text.as_deref() {
            None => TextSize::Normal,
            Some(code) => TextSize::parse(code).ok_or_else(invalid)?,
        },
        contrast: if contrast.is_some() {
            Contrast::High
        } else {
            Contrast::Normal
        },
        wide_spacing: spacing.is_some(),
        reduced_motion: motion.is_some(),
    };
    let cookie = super::request::cookie_policy().set(Cookie::Preferences, &prefs.to_cookie_value());
    super::request::set_cookie(&cookie)?;

    // Without JavaScript the browser posted the form itself: send it back to its page.
    if server::is_plain_form_post() {
        let back = return_to
            .as_deref()
            .and_then(safe_return_path)
            .unwrap_or("/");
        leptos_axum::redirect(back);
    }
    Ok(prefs)
}

#[cfg(feature = "ssr")]
mod server {
    pub use crate::api::request::is_plain_form_post;
}
