//! What is refused before it reaches the application: writes sent by another site (CSRF),
//! bodies over the limit, and too many writes from one address or one participant. Each
//! refusal is answered in the visitor's language: as the error a server function returns
//! when one was called from a page, as a small page after a plain form post.
//!
//! Writes are every request that is not GET, HEAD or OPTIONS. The participant cookie is set
//! on the first write only: reading never marks a browser.

use crate::config::{Limits, RateLimit};
use agora_app::api::AppError;
use agora_app::domain::{PARTICIPANT_COOKIE, ParticipantId, Preferences};
use agora_app::i18n::message;
use axum::body::Body;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::header::{
    ACCEPT, CONTENT_LENGTH, CONTENT_SECURITY_POLICY, CONTENT_TYPE, COOKIE, HOST, ORIGIN,
    RETRY_AFTER, SET_COOKIE,
};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use governor::{DefaultKeyedRateLimiter, Quota};
use leptos::server_fn::error::FromServerFnError;
use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// The page shown after a refused plain form post may use our stylesheet, nothing else.
const REFUSAL_PAGE_POLICY: &str = "default-src 'none'; style-src 'self'; base-uri 'none'; \
                                   form-action 'none'; frame-ancestors 'none'";

/// Forget quiet addresses and participants every so many writes, so the limiters' memory
/// follows the number of active writers, not of writers ever seen.
const FORGET_EVERY: u64 = 4096;

pub struct WriteGuard {
    max_body_bytes: usize,
    per_address: DefaultKeyedRateLimiter<IpAddr>,
    per_participant: DefaultKeyedRateLimiter<ParticipantId>,
    /// Participant cookies get `Secure` when the site is served over https.
    secure_cookies: bool,
    writes: AtomicU64,
}

fn quota(limit: RateLimit) -> Quota {
    let burst = NonZeroU32::new(limit.writes).unwrap_or(NonZeroU32::MIN);
    Quota::with_period(limit.per / limit.writes.max(1))
        .unwrap_or_else(|| Quota::per_second(burst))
        .allow_burst(burst)
}

impl WriteGuard {
    pub fn new(limits: Limits, public_url: &str) -> Self {
        Self {
            max_body_bytes: limits.max_body_bytes,
            per_address: DefaultKeyedRateLimiter::keyed(quota(limits.per_address)),
            per_participant: DefaultKeyedRateLimiter::keyed(quota(limits.per_participant)),
            secure_cookies: public_url.starts_with("https://"),
            writes: AtomicU64::new(0),
        }
    }
}

impl WriteGuard {
    /// Whether a participant may write once more now (live commands over a websocket count
    /// against the same limit as form posts).
    pub fn allow_participant(&self, participant: &ParticipantId) -> bool {
        self.per_participant.check_key(participant).is_ok()
    }
}

/// The one form that carries a file (a testimony's recording) may weigh more than the
/// others: twice the largest recording, so that one a little too heavy is still read and
/// refused beside its field, in words, rather than cut off here.
fn body_limit(path: &str, forms: usize) -> usize {
    if path == "/api/post_testimony" {
        forms.max(2 * agora_app::domain::testimony::AUDIO_MAX_BYTES)
    } else {
        forms
    }
}

/// Axum middleware applying the guard to every write.
pub async fn guard_writes(
    State(guard): State<Arc<WriteGuard>>,
    request: Request,
    next: Next,
) -> Response {
    if request.method().is_safe() {
        return next.run(request).await;
    }
    let headers = request.headers();
    if is_cross_site(headers) {
        return refuse(headers, StatusCode::FORBIDDEN, "error-cross-site");
    }
    let max_body_bytes = body_limit(request.uri().path(), guard.max_body_bytes);
    let declared_length = headers
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared_length.is_some_and(|length| length > max_body_bytes) {
        return refuse(headers, StatusCode::PAYLOAD_TOO_LARGE, "error-too-large");
    }

    if guard.writes.fetch_add(1, Ordering::Relaxed) % FORGET_EVERY == FORGET_EVERY - 1 {
        guard.per_address.retain_recent();
        guard.per_participant.retain_recent();
    }
    let address = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(peer)| peer.ip());
    if let Some(address) = address
        && guard.per_address.check_key(&address).is_err()
    {
        return refuse(headers, StatusCode::TOO_MANY_REQUESTS, "error-rate-limited");
    }
    let known = headers
        .get(COOKIE)
        .and_then(|v| v.to_str().ok())
        .and_then(ParticipantId::from_cookie_header);
    let participant = known
        .clone()
        .unwrap_or_else(|| ParticipantId::from_random(rand::random()));
    if guard.per_participant.check_key(&participant).is_err() {
        return refuse(headers, StatusCode::TOO_MANY_REQUESTS, "error-rate-limited");
    }

    // Read the body here, within the limit, so that one sent without a declared length
    // (chunked) is refused the same way instead of failing deep inside a handler. Write
    // bodies are small forms (and, on one path, one short recording): holding them in
    // memory costs little.
    let (mut parts, body) = request.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, max_body_bytes).await else {
        return refuse(
            &parts.headers,
            StatusCode::PAYLOAD_TOO_LARGE,
            "error-too-large",
        );
    };
    parts.extensions.insert(participant.clone());
    let request = Request::from_parts(parts, Body::from(bytes));
    let mut response = next.run(request).await;
    if known.is_none() {
        let secure = if guard.secure_cookies { "; Secure" } else { "" };
        let cookie = format!(
            "{PARTICIPANT_COOKIE}={participant}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax{secure}"
        );
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            response.headers_mut().append(SET_COOKIE, value);
        }
    }
    response
}

/// Whether a request comes from one of our own pages (or from no browser at all): what a
/// websocket upgrade must show, since browsers let any site open one with the visitor's
/// cookies.
pub fn same_origin(headers: &HeaderMap) -> bool {
    !is_cross_site(headers)
}

/// A write is cross-site when the browser says so (`Sec-Fetch-Site`) or when its `Origin`
/// is not the host it was sent to. Browsers send `Origin` with every POST; a client that
/// sends neither header is not a browser, and carries no victim's cookies.
fn is_cross_site(headers: &HeaderMap) -> bool {
    let header = |name| {
        headers
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
    };
    if header("sec-fetch-site") == Some("cross-site") {
        return true;
    }
    let Some(origin) = header(ORIGIN.as_str()) else {
        return false;
    };
    let origin_host = origin.split_once("://").map(|(_, host)| host);
    origin_host.is_none() || origin_host != header(HOST.as_str())
}

/// The refusal, in the language of the visitor's preferences.
fn refuse(headers: &HeaderMap, status: StatusCode, message_id: &'static str) -> Response {
    let prefs = headers
        .get(COOKIE)
        .and_then(|v| v.to_str().ok())
        .map(Preferences::from_cookie_header)
        .unwrap_or_default();
    let plain_form_post = headers
        .get(ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.contains("text/html"));
    let mut response = if plain_form_post {
        refusal_page(prefs, message_id).into_response()
    } else {
        // What a server function called from a page decodes into `AppError`.
        AppError::Invalid(message_id.to_owned())
            .ser()
            .into_response()
    };
    *response.status_mut() = status;
    if status == StatusCode::TOO_MANY_REQUESTS {
        response
            .headers_mut()
            .insert(RETRY_AFTER, HeaderValue::from_static("60"));
    }
    response
}

fn refusal_page(prefs: Preferences, message_id: &str) -> Response {
    let text = |id: &str| escape(&message(prefs.lang, prefs.easy_read, id, None));
    let page = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\" class=\"{classes}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title><link rel=\"stylesheet\" href=\"/pkg/agora.css\"></head>\
         <body><main id=\"contenu\"><h1>{title}</h1><p>{reason}</p>\
         <p><a href=\"/\">{back}</a></p></main></body></html>",
        lang = prefs.lang.code(),
        classes = escape(&prefs.html_classes()),
        title = text("refusal-title"),
        reason = text(message_id),
        back = text("refusal-back"),
    );
    (
        [
            (
                CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            ),
            (
                CONTENT_SECURITY_POLICY,
                HeaderValue::from_static(REFUSAL_PAGE_POLICY),
            ),
        ],
        page,
    )
        .into_response()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_static(value));
        }
        map
    }

    #[test]
    fn same_host_origins_and_non_browsers_pass() {
        assert!(!is_cross_site(&headers(&[
            ("host", "agora.example.fr"),
            ("origin", "https://agora.example.fr"),
        ])));
        assert!(!is_cross_site(&headers(&[("host", "127.0.0.1:3000")])));
    }

    #[test]
    fn other_origins_opaque_origins_and_cross_site_fetches_are_refused() {
        for pairs in [
            &[
                ("host", "agora.example.fr"),
                ("origin", "https://evil.example"),
            ][..],
            &[
                ("host", "agora.example.fr"),
                ("origin", "https://agora.example.fr.evil.example"),
            ],
            &[("host", "agora.example.fr"), ("origin", "null")],
            &[
                ("host", "agora.example.fr"),
                ("sec-fetch-site", "cross-site"),
            ],
        ] {
            let map = headers(pairs);
            assert!(is_cross_site(&map), "{pairs:?}");
        }
    }

    #[test]
    fn quotas_spread_the_writes_over_the_period() {
        let quota = quota(RateLimit {
            writes: 30,
            per: std::time::Duration::from_secs(60),
        });
        assert_eq!(quota.burst_size().get(), 30);
        assert_eq!(
            quota.replenish_interval(),
            std::time::Duration::from_secs(2)
        );
    }
}
