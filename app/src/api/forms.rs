//! Plain form posts (no JavaScript) answer with a redirect to their page. What the page must
//! then show once — a confirmation, or a refusal next to its field with what was typed —
//! travels in the short-lived flash cookie.

#[cfg(feature = "ssr")]
use super::AppError;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A short-lived, HttpOnly cookie carrying a form post's outcome to the page it comes
/// back to (the invitation link must be shown once, and never sit in a URL).
#[cfg(feature = "ssr")]
pub(crate) fn set_flash(value: &str, path: &str) -> Result<(), AppError> {
    super::request::set_cookie(&super::request::cookie_policy().set_flash(value, path))
}

/// Reads the flash cookie and clears it, so the outcome shows once.
#[cfg(feature = "ssr")]
pub(crate) fn take_flash_value() -> Result<Option<String>, AppError> {
    use crate::domain::Cookie;
    let Some(value) = super::request::cookie(Cookie::Flash) else {
        return Ok(None);
    };
    let path = leptos::prelude::use_context::<http::request::Parts>()
        .map(|parts| parts.uri.path().to_owned())
        .unwrap_or_else(|| "/".into());
    super::request::set_cookie(&super::request::cookie_policy().clear(Cookie::Flash, &path))?;
    Ok(Some(value))
}

/// A refused form, as the page it comes back to shows it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct FormEcho {
    /// Which form of the page (`assembly`, `new-item`, `item-12`…).
    pub form: String,
    /// The field at fault, when one is.
    pub field: Option<String>,
    /// The Fluent id of the reason.
    pub message: String,
    /// What was typed, to be given back rather than lost.
    pub values: BTreeMap<String, String>,
}

impl FormEcho {
    pub fn new(form: &str, field: Option<&str>, message: &str, values: &[(&str, &str)]) -> Self {
        Self {
            form: form.to_owned(),
            field: field.map(str::to_owned),
            message: message.to_owned(),
            values: values
                .iter()
                .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
                .collect(),
        }
    }
}

/// What the last form post of a page left for it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PageFlash {
    /// The Fluent id of a confirmation.
    pub notice: Option<String>,
    pub refused: Option<FormEcho>,
    /// What a form carried over to its next step (JSON; a ballot being filled in).
    pub carried: Option<String>,
}

impl PageFlash {
    /// The refusal of `form`, if that is the form that was refused.
    pub fn refusal(&self, form: &str) -> Option<&FormEcho> {
        self.refused.as_ref().filter(|echo| echo.form == form)
    }

    /// The value to put back in `form`'s field `name`: what was typed if that form was
    /// refused, else `current`.
    pub fn value(&self, form: &str, name: &str, current: &str) -> String {
        self.refusal(form)
            .and_then(|echo| echo.values.get(name).cloned())
            .unwrap_or_else(|| current.to_owned())
    }

    /// The Fluent id of the error to show beside `form`'s field `field`.
    pub fn error(&self, form: &str, field: &str) -> Option<String> {
        self.refusal(form)
            .filter(|echo| echo.field.as_deref() == Some(field))
            .map(|echo| echo.message.clone())
    }
}

/// Cookies hold about 4 KB; longer texts are not echoed (the reason still is).
#[cfg(feature = "ssr")]
const ECHO_MAX_BYTES: usize = 3000;

/// Ends a form post that was refused: a plain form goes back to `back` (the refusal shown
/// there once); a script gets the translated error.
#[cfg(feature = "ssr")]
pub(crate) fn refuse(mut echo: FormEcho, back: &str) -> Result<(), AppError> {
    use base64::Engine;
    if !super::request::is_plain_form_post() {
        return Err(AppError::Invalid(echo.message).with_status());
    }
    let encode = |echo: &FormEcho| {
        serde_json::to_vec(echo)
            .map(|json| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(json))
            .map_err(|e| AppError::internal("serialising a form echo", e))
    };
    let mut value = encode(&echo)?;
    if value.len() > ECHO_MAX_BYTES {
        echo.values.clear();
        value = encode(&echo)?;
    }
    set_flash(&format!("form:{value}"), back)?;
    leptos_axum::redirect(back);
    Ok(())
}

/// The checked fields of a form, or `None` once a refusal has been sent back: a plain
/// form returns to `back` with the reason beside its field and what was typed; a script
/// gets the translated error.
#[cfg(feature = "ssr")]
pub(crate) fn checked<T>(
    form: &str,
    values: &[(&str, &str)],
    back: &str,
    check: Result<T, crate::domain::FieldError>,
) -> Result<Option<T>, AppError> {
    match check {
        Ok(fields) => Ok(Some(fields)),
        Err(error) => {
            let echo = FormEcho::new(form, Some(error.field), error.message, values);
            refuse(echo, back).map(|()| None)
        }
    }
}

/// Ends a form post that succeeded: a plain form goes back to `back` with `notice` shown once.
#[cfg(feature = "ssr")]
pub(crate) fn done(notice: &str, back: &str) -> Result<(), AppError> {
    if super::request::is_plain_form_post() {
        set_flash(&format!("notice:{notice}"), back)?;
        leptos_axum::redirect(back);
    }
    Ok(())
}

/// Ends a form post that goes on to a next step on `back` (always a redirect), carrying
/// `json` there once.
#[cfg(feature = "ssr")]
pub(crate) fn carry(json: &str, back: &str) -> Result<(), AppError> {
    use base64::Engine;
    let value = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(json);
    if value.len() > ECHO_MAX_BYTES {
        return Err(AppError::Invalid("error-too-large".into()).with_status());
    }
    set_flash(&format!("carry:{value}"), back)?;
    leptos_axum::redirect(back);
    Ok(())
}

/// Reads (and clears) what the last form post left for this page.
#[cfg(feature = "ssr")]
pub(crate) fn take_page_flash() -> Result<PageFlash, AppError> {
    Ok(page_flash_of(take_flash_value()?))
}

/// A flash value already taken (`agora_flash`), as a page shows it (nothing it does not
/// know); also how the tests read what a plain form post was answered.
#[cfg(feature = "ssr")]
pub fn page_flash_of(value: Option<String>) -> PageFlash {
    use base64::Engine;
    let Some(value) = value else {
        return PageFlash::default();
    };
    let decode = |encoded: &str| {
        base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(encoded)
            .ok()
    };
    if let Some(notice) = value.strip_prefix("notice:") {
        return PageFlash {
            notice: Some(notice.to_owned()).filter(|id| id.starts_with("saved-")),
            ..PageFlash::default()
        };
    }
    if let Some(carried) = value.strip_prefix("carry:") {
        return PageFlash {
            carried: decode(carried).and_then(|json| String::from_utf8(json).ok()),
            ..PageFlash::default()
        };
    }
    let refused = value
        .strip_prefix("form:")
        .and_then(decode)
        .and_then(|json| serde_json::from_slice::<FormEcho>(&json).ok())
        // Refusals; and the checks that give a form back without refusing it (the survey
        // builder's readability, a testimony's redaction). Nothing else a cookie could
        // name is shown.
        .filter(|echo| {
            echo.message.starts_with("error-")
                || [
                    "survey-readability-checked",
                    "readability-checked",
                    "testimony-redacted",
                ]
                .contains(&echo.message.as_str())
        });
    PageFlash {
        refused,
        ..PageFlash::default()
    }
}

/// Reads (and clears) the one-time codes a code sheet shows once (votes, surveys): the
/// flash value `codes:` of printed codes joined by dots; anything not shaped like a code is
/// dropped.
#[cfg(feature = "ssr")]
pub(crate) fn take_codes() -> Result<Vec<String>, AppError> {
    Ok(take_flash_value()?
        .and_then(|value| value.strip_prefix("codes:").map(str::to_owned))
        .map(|codes| {
            codes
                .split('.')
                .filter(|code| {
                    code.len() == 11 && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                })
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default())
}

/// "Check readability" on a form with easy-read twins (an agenda item, the council's
/// profile): nothing is stored; the form comes back as typed, and the page measures its texts
/// there (the fragment takes the reader to it).
#[cfg(feature = "ssr")]
pub(crate) fn readability_checked(
    form: &str,
    values: &[(&str, &str)],
    back: &str,
) -> Result<(), AppError> {
    refuse(
        FormEcho::new(
            form,
            Some(super::READABILITY_FIELD),
            "readability-checked",
            values,
        ),
        &format!("{back}#{form}-{}", super::READABILITY_FIELD),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_gives_back_what_its_refused_form_held_and_nothing_to_other_forms() {
        let flash = PageFlash {
            notice: None,
            carried: None,
            refused: Some(FormEcho::new(
                "item-3",
                Some("item_title"),
                "error-field-empty",
                &[("item_title", ""), ("summary", "Gardé")],
            )),
        };
        assert_eq!(flash.value("item-3", "summary", "Avant"), "Gardé");
        assert_eq!(flash.value("item-4", "summary", "Avant"), "Avant");
        assert_eq!(flash.value("item-3", "unknown", "Avant"), "Avant");
        assert_eq!(
            flash.error("item-3", "item_title").as_deref(),
            Some("error-field-empty")
        );
        assert_eq!(flash.error("item-3", "summary"), None);
        assert_eq!(flash.error("item-4", "item_title"), None);
    }
}
