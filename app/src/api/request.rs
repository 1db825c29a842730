//! What every server function reads from its request context (server only).

use super::AppError;
use leptos::prelude::use_context;
use sea_orm::DatabaseConnection;

pub fn db() -> Result<DatabaseConnection, AppError> {
    use_context::<DatabaseConnection>().ok_or_else(|| AppError::unwired("DatabaseConnection"))
}

/// The key that seals ballots and survey responses while they wait to be mixed.
pub fn seal_key() -> Result<crate::store::seal::SealKey, AppError> {
    use_context::<crate::store::seal::SealKey>().ok_or_else(|| AppError::unwired("SealKey"))
}

/// A form the browser posted itself (no JavaScript): answer with a redirect, not data.
pub fn is_plain_form_post() -> bool {
    use_context::<http::request::Parts>()
        .and_then(|parts| parts.headers.get(http::header::ACCEPT).cloned())
        .and_then(|accept| accept.to_str().ok().map(|a| a.contains("text/html")))
        .unwrap_or(false)
}

/// The non-empty value of cookie `name` in the request.
pub fn cookie(name: &str) -> Option<String> {
    let parts = use_context::<http::request::Parts>()?;
    let header = parts.headers.get(http::header::COOKIE)?.to_str().ok()?;
    crate::domain::cookie_value(header, name)
        .filter(|value| !value.is_empty())
        .map(str::to_owned)
}

/// Adds a `Set-Cookie` header (a full cookie line) to the response.
pub fn set_cookie(line: &str) -> Result<(), AppError> {
    let header =
        http::HeaderValue::from_str(line).map_err(|e| AppError::internal("header value", e))?;
    let response = use_context::<leptos_axum::ResponseOptions>()
        .ok_or_else(|| AppError::unwired("ResponseOptions"))?;
    response.append_header(http::header::SET_COOKIE, header);
    Ok(())
}

/// The request's whole `Cookie` header ("" without one).
pub fn cookie_header() -> String {
    use_context::<http::request::Parts>()
        .and_then(|parts| {
            parts
                .headers
                .get(http::header::COOKIE)
                .and_then(|v| v.to_str().ok().map(str::to_owned))
        })
        .unwrap_or_default()
}
