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

/// How this site names and flags its cookies (`Secure`, prefixed, under https).
pub fn cookie_policy() -> crate::domain::CookiePolicy {
    use_context::<crate::domain::CookiePolicy>().unwrap_or_default()
}

/// The non-empty value of `cookie` in the request.
pub fn cookie(cookie: crate::domain::Cookie) -> Option<String> {
    let parts = use_context::<http::request::Parts>()?;
    let header = parts.headers.get(http::header::COOKIE)?.to_str().ok()?;
    cookie_policy()
        .read(header, cookie)
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

/// The participant the request comes from, if its browser holds a participant cookie the
/// server signed (the write guard checked it, and gave one to a first write).
pub fn participant() -> Option<crate::domain::ParticipantId> {
    use_context::<http::request::Parts>()?
        .extensions
        .get::<crate::domain::ParticipantId>()
        .cloned()
}

/// The participant of a write: every write has one (the write guard draws a new one for a
/// first write), so none is a wiring fault.
pub fn writer() -> Result<crate::domain::ParticipantId, AppError> {
    participant().ok_or_else(|| AppError::unwired("ParticipantId"))
}

/// Answers with a file to save as `filename` (letters, digits, dashes and dots only), kept
/// by no cache. A browser's own request (a link, a plain form) accepts HTML, which Leptos
/// takes for a form to send back to its page: the explicit 200 keeps the file the answer.
pub fn offer_download(filename: &str) -> Result<(), AppError> {
    let response = use_context::<leptos_axum::ResponseOptions>()
        .ok_or_else(|| AppError::unwired("ResponseOptions"))?;
    let disposition = http::HeaderValue::from_str(&format!("attachment; filename=\"{filename}\""))
        .map_err(|e| AppError::internal("file name", e))?;
    response.insert_header(http::header::CONTENT_DISPOSITION, disposition);
    response.insert_header(
        http::header::CACHE_CONTROL,
        http::HeaderValue::from_static("no-store"),
    );
    response.set_status(http::StatusCode::OK);
    Ok(())
}

/// How many writes aimed at `target` the rate limits refused, in this process.
pub fn refused_writes(target: crate::services::refused::Target) -> u64 {
    use_context::<std::sync::Arc<crate::services::RefusedWrites>>()
        .map(|refused| refused.count(target))
        .unwrap_or(0)
}
