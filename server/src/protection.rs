//! What is refused before it reaches the application: writes sent by another site (CSRF),
//! bodies over the limit, and too many writes from one address or one participant. Each
//! refusal is answered in the visitor's language: as the error a server function returns
//! when one was called from a page, as a small page after a plain form post.
//!
//! Writes are every request that is not GET, HEAD or OPTIONS. The participant cookie is set
//! on the first write only: reading never marks a browser. It is signed by the server
//! (`ParticipantStamp`): a made-up or copied-and-altered value is no participant, so a
//! script that drops or forges the cookie gets a new participant each time, and new
//! participants are counted per address (`Limits::new_participants_per_address`).
//!
//! Behind the TLS proxy every connection comes from the proxy: the address a limit counts
//! is then the client's, read from `X-Forwarded-For` (or `Forwarded`) on connections from
//! an address in `AGORA_TRUSTED_PROXIES` only; anyone else's such header is ignored.

use crate::config::{Limits, RateLimit};
use agora_app::api::AppError;
use agora_app::domain::{Cookie, CookiePolicy, ParticipantId, Preferences};
use agora_app::i18n::message;
use agora_app::store::seal::SealKey;
use axum::body::Body;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::header::{
    ACCEPT, CONTENT_LENGTH, CONTENT_SECURITY_POLICY, CONTENT_TYPE, COOKIE, FORWARDED, HOST,
    LOCATION, ORIGIN, REFERER, RETRY_AFTER, SET_COOKIE,
};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use governor::clock::Clock;
use governor::{DefaultKeyedRateLimiter, Quota};
use leptos::server_fn::error::FromServerFnError;
use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// Not among `http`'s constants.
const X_FORWARDED_FOR: &str = "x-forwarded-for";

/// The page shown after a refused plain form post may use our stylesheet, nothing else.
const REFUSAL_PAGE_POLICY: &str = "default-src 'none'; style-src 'self'; base-uri 'none'; \
                                   form-action 'none'; frame-ancestors 'none'";

/// Forget quiet addresses and participants every so many writes, so the limiters' memory
/// follows the number of active writers, not of writers ever seen.
const FORGET_EVERY: u64 = 4096;

pub struct WriteGuard {
    max_body_bytes: usize,
    body_read_timeout: std::time::Duration,
    per_address: DefaultKeyedRateLimiter<IpAddr>,
    per_participant: DefaultKeyedRateLimiter<ParticipantId>,
    new_participants: DefaultKeyedRateLimiter<IpAddr>,
    trusted_proxies: Vec<IpAddr>,
    /// How the participant cookie is named and flagged.
    cookies: CookiePolicy,
    stamp: ParticipantStamp,
    writes: AtomicU64,
    /// Writes refused by the rate limits, per vote and survey, for their staff.
    pub refused: Arc<agora_app::services::RefusedWrites>,
}

/// Signs and checks participant cookies: `id.tag`, the tag the first 128 bits of an
/// HMAC-SHA256 of the id, under a key drawn from the seal key (so that every instance of
/// one database, and a restart, accept the cookies the others set).
pub struct ParticipantStamp {
    key: [u8; 32],
}

impl ParticipantStamp {
    pub fn new(seal_key: &SealKey) -> Self {
        Self {
            key: seal_key.derive("participant cookie"),
        }
    }

    fn tag(&self, id: &ParticipantId) -> Option<hmac::Hmac<sha2::Sha256>> {
        use hmac::Mac;
        let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(&self.key).ok()?;
        mac.update(id.as_str().as_bytes());
        Some(mac)
    }

    /// The cookie value for `id`.
    pub fn sign(&self, id: &ParticipantId) -> String {
        use hmac::Mac;
        let tag = self
            .tag(id)
            .map(|mac| mac.finalize().into_bytes())
            .map(|bytes| {
                bytes[..16]
                    .iter()
                    .map(|b| format!("{b:02x}"))
                    .collect::<String>()
            })
            .unwrap_or_default();
        format!("{id}.{tag}")
    }

    /// The participant a cookie value names, if this server signed it.
    pub fn verify(&self, value: &str) -> Option<ParticipantId> {
        use hmac::Mac;
        let (id, tag) = value.split_once('.')?;
        let id = ParticipantId::parse(id)?;
        if tag.len() != 32 {
            return None;
        }
        let tag: Vec<u8> = (0..tag.len())
            .step_by(2)
            .map(|i| {
                tag.get(i..i + 2)
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
            })
            .collect::<Option<_>>()?;
        // In constant time, on the 128 bits kept.
        self.tag(&id)?.verify_truncated_left(&tag).ok()?;
        Some(id)
    }
}

fn quota(limit: RateLimit) -> Quota {
    let burst = NonZeroU32::new(limit.writes).unwrap_or(NonZeroU32::MIN);
    Quota::with_period(limit.per / limit.writes.max(1))
        .unwrap_or_else(|| Quota::per_second(burst))
        .allow_burst(burst)
}

impl WriteGuard {
    pub fn new(limits: &Limits, public_url: &str, seal_key: &SealKey) -> Self {
        Self {
            max_body_bytes: limits.max_body_bytes,
            body_read_timeout: limits.body_read_timeout,
            per_address: DefaultKeyedRateLimiter::keyed(quota(limits.per_address)),
            per_participant: DefaultKeyedRateLimiter::keyed(quota(limits.per_participant)),
            new_participants: DefaultKeyedRateLimiter::keyed(quota(
                limits.new_participants_per_address,
            )),
            trusted_proxies: limits.trusted_proxies.clone(),
            cookies: CookiePolicy::for_url(public_url),
            stamp: ParticipantStamp::new(seal_key),
            writes: AtomicU64::new(0),
            refused: Arc::default(),
        }
    }

    /// The participant whose signed cookie a request carries, if any.
    pub fn participant_of(&self, headers: &HeaderMap) -> Option<ParticipantId> {
        let header = headers.get(COOKIE)?.to_str().ok()?;
        self.stamp
            .verify(self.cookies.read(header, Cookie::Participant)?)
    }

    /// The cookie value a new participant gets (tests sign their own participants with it).
    pub fn participant_cookie(&self, participant: &ParticipantId) -> String {
        self.stamp.sign(participant)
    }

    /// The address a request comes from: the connection's peer, or, when the peer is a
    /// trusted proxy, the client it forwarded for.
    pub fn client_address(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        if !self.trusted_proxies.contains(&peer) {
            return peer;
        }
        forwarded_client(headers, &self.trusted_proxies).unwrap_or(peer)
    }

    /// Whether a participant may write once more now, or how long until it may (live
    /// commands over a websocket count against the same limit as form posts).
    pub fn participant_write(&self, participant: &ParticipantId) -> Result<(), Duration> {
        self.per_participant
            .check_key(participant)
            .map_err(|refused| refused.wait_time_from(self.per_participant.clock().now()))
    }

    /// A write refused by a rate limit: counted for the vote or survey its page names, then
    /// answered 429 in the visitor's language.
    fn limited(&self, headers: &HeaderMap) -> Response {
        if let Some(page) = headers.get(REFERER).and_then(|v| v.to_str().ok()) {
            self.refused.note(page);
        }
        refuse(
            self.cookies,
            headers,
            StatusCode::TOO_MANY_REQUESTS,
            "error-rate-limited",
        )
    }

    /// Whether an address may write once more now, or how long until it may (live
    /// commands count too).
    pub fn address_write(&self, address: IpAddr) -> Result<(), Duration> {
        self.per_address
            .check_key(&address)
            .map_err(|refused| refused.wait_time_from(self.per_address.clock().now()))
    }
}

/// The forms that carry a file (a testimony's recording, a diagnosis spreadsheet, a body's
/// document) may weigh more than the others: twice the largest file, so that one a little
/// too heavy is still read and refused beside its field, in words, rather than cut off here.
fn body_limit(path: &str, forms: usize) -> usize {
    match path {
        "/api/post_testimony" => forms.max(2 * agora_app::domain::testimony::AUDIO_MAX_BYTES),
        "/api/upload_findings" => forms.max(2 * agora_app::domain::IMPORT_BYTES_MAX),
        "/api/upload_document" => forms.max(2 * agora_app::domain::document::DOCUMENT_MAX_BYTES),
        _ => forms,
    }
}

/// Axum middleware applying the guard to every write.
pub async fn guard_writes(
    State(guard): State<Arc<WriteGuard>>,
    request: Request,
    next: Next,
) -> Response {
    let known = guard.participant_of(request.headers());
    if request.method().is_safe() {
        let mut request = request;
        if let Some(participant) = known {
            request.extensions_mut().insert(participant);
        }
        return next.run(request).await;
    }
    let headers = request.headers();
    if is_cross_site(headers) {
        return refuse(
            guard.cookies,
            headers,
            StatusCode::FORBIDDEN,
            "error-cross-site",
        );
    }
    let max_body_bytes = body_limit(request.uri().path(), guard.max_body_bytes);
    let declared_length = headers
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared_length.is_some_and(|length| length > max_body_bytes) {
        return refuse(
            guard.cookies,
            headers,
            StatusCode::PAYLOAD_TOO_LARGE,
            "error-too-large",
        );
    }

    if guard.writes.fetch_add(1, Ordering::Relaxed) % FORGET_EVERY == FORGET_EVERY - 1 {
        guard.per_address.retain_recent();
        guard.per_participant.retain_recent();
        guard.new_participants.retain_recent();
    }
    let address = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(peer)| guard.client_address(peer.ip(), headers));
    if let Some(address) = address
        && guard.per_address.check_key(&address).is_err()
    {
        return guard.limited(headers);
    }
    // A new participant is counted against its address: dropping or forging the cookie
    // does not buy a script a fresh quota (or a fresh ballot in an open vote) each time.
    if known.is_none()
        && let Some(address) = address
        && guard.new_participants.check_key(&address).is_err()
    {
        return guard.limited(headers);
    }
    let participant = known
        .clone()
        .unwrap_or_else(|| ParticipantId::from_random(rand::random()));
    if guard.per_participant.check_key(&participant).is_err() {
        return guard.limited(headers);
    }

    // Read the body here, within the limit, so that one sent without a declared length
    // (chunked) is refused the same way instead of failing deep inside a handler. Write
    // bodies are small forms (and, on one path, one short recording): holding them in
    // memory costs little.
    // Within a time limit too: a client that trickles its bytes must not hold the
    // connection and its buffer for ever.
    let (mut parts, body) = request.into_parts();
    let bytes = match tokio::time::timeout(
        guard.body_read_timeout,
        axum::body::to_bytes(body, max_body_bytes),
    )
    .await
    {
        Ok(Ok(bytes)) => bytes,
        Ok(Err(_)) => {
            return refuse(
                guard.cookies,
                &parts.headers,
                StatusCode::PAYLOAD_TOO_LARGE,
                "error-too-large",
            );
        }
        Err(_) => {
            return refuse(
                guard.cookies,
                &parts.headers,
                StatusCode::REQUEST_TIMEOUT,
                "error-too-slow",
            );
        }
    };
    parts.extensions.insert(participant.clone());
    // A plain form's headers are kept to answer a failure in the visitor's words (below).
    let plain_form = is_plain_form_post(&parts.headers).then(|| parts.headers.clone());
    let request = Request::from_parts(parts, Body::from(bytes));
    let mut response = next.run(request).await;
    // (A failure whose status was set keeps it, with the redirect's `Location`.)
    if let Some(headers) = plain_form
        && response.headers().contains_key(LOCATION)
    {
        response = failure_shown(guard.cookies, &headers, response).await;
    }
    if known.is_none() {
        let cookie = guard
            .cookies
            .set(Cookie::Participant, &guard.stamp.sign(&participant));
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            response.headers_mut().append(SET_COOKIE, value);
        }
    }
    response
}

/// The client a trusted proxy forwarded for: in `X-Forwarded-For` (else `Forwarded`), the
/// last address that is not itself a trusted proxy. Proxies append the address they saw,
/// so what comes before it was written by the client and proves nothing.
fn forwarded_client(headers: &HeaderMap, trusted: &[IpAddr]) -> Option<IpAddr> {
    let joined = |name| {
        headers
            .get_all(name)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect::<Vec<_>>()
            .join(",")
    };
    let forwarded_for = joined(X_FORWARDED_FOR);
    let hops: Vec<IpAddr> = if forwarded_for.trim().is_empty() {
        joined(FORWARDED.as_str())
            .split(',')
            .filter_map(|element| {
                element.split(';').find_map(|pair| {
                    let (key, value) = pair.trim().split_once('=')?;
                    key.eq_ignore_ascii_case("for")
                        .then(|| node_address(value))?
                })
            })
            .collect()
    } else {
        forwarded_for.split(',').filter_map(node_address).collect()
    };
    hops.into_iter().rev().find(|hop| !trusted.contains(hop))
}

/// An address as proxies write it: `192.0.2.1`, `192.0.2.1:4711`, `2001:db8::1`, or
/// `"[2001:db8::1]:4711"` (quoted, in `Forwarded`). Anything else (`unknown`, an obfuscated
/// name) is no address.
fn node_address(raw: &str) -> Option<IpAddr> {
    let node = raw.trim().trim_matches('"');
    if let Ok(address) = node.parse::<IpAddr>() {
        return Some(address);
    }
    if let Some(rest) = node.strip_prefix('[') {
        return rest.split_once(']')?.0.parse().ok();
    }
    node.parse::<SocketAddr>().ok().map(|socket| socket.ip())
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
fn refuse(
    cookies: CookiePolicy,
    headers: &HeaderMap,
    status: StatusCode,
    message_id: &'static str,
) -> Response {
    metrics::counter!(crate::monitoring::WRITES_REFUSED, "reason" => message_id).increment(1);
    let prefs = headers
        .get(COOKIE)
        .and_then(|v| v.to_str().ok())
        .map(|header| Preferences::from_cookie_header(header, cookies))
        .unwrap_or_default();
    let mut response = if is_plain_form_post(headers) {
        refusal_page(prefs, message_id, "/").into_response()
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

/// A form posted by a browser without JavaScript, which expects a page back.
fn is_plain_form_post(headers: &HeaderMap) -> bool {
    headers
        .get(ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.contains("text/html"))
}

/// A server function that failed on a plain form post answers with a redirect to the page
/// the form was on, the error folded into the address, where no page reads it: the person
/// would come back to the form as if it had worked. Instead, the failure is answered here,
/// with its status, in the visitor's words ("nothing was saved"), and a link back to that
/// page. Any other redirect goes out as it came.
async fn failure_shown(cookies: CookiePolicy, headers: &HeaderMap, response: Response) -> Response {
    let (parts, body) = response.into_parts();
    // A failure's body is its serialised error, a few dozen bytes; a redirect's is empty.
    let bytes = axum::body::to_bytes(body, 16 * 1024)
        .await
        .unwrap_or_default();
    let Ok(error) = serde_json::from_slice::<AppError>(&bytes) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    let message_id = error.message_id().to_owned();
    metrics::counter!(crate::monitoring::WRITES_REFUSED, "reason" => message_id.clone())
        .increment(1);
    let prefs = headers
        .get(COOKIE)
        .and_then(|v| v.to_str().ok())
        .map(|header| Preferences::from_cookie_header(header, cookies))
        .unwrap_or_default();
    let mut answer = refusal_page(prefs, &message_id, &page_of_referer(headers));
    *answer.status_mut() = error.status();
    if matches!(error, AppError::Unavailable) {
        answer
            .headers_mut()
            .insert(RETRY_AFTER, HeaderValue::from_static("60"));
    }
    // The cookies the call set (a refused form's echo, say) still travel.
    for cookie in parts.headers.get_all(SET_COOKIE) {
        answer.headers_mut().append(SET_COOKIE, cookie.clone());
    }
    answer
}

/// The path of the page a form was posted from (its `Referer`, on this site), for the link
/// back; the home page when there is none.
fn page_of_referer(headers: &HeaderMap) -> String {
    headers
        .get(REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(|referer| referer.parse::<axum::http::Uri>().ok())
        .map(|uri| uri.path().to_owned())
        .filter(|path| path.starts_with('/') && !path.starts_with("//"))
        .unwrap_or_else(|| "/".to_owned())
}

fn refusal_page(prefs: Preferences, message_id: &str, back: &str) -> Response {
    let text = |id: &str| escape(&message(prefs.lang, prefs.easy_read, id, None));
    let page = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\" class=\"{classes}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title><link rel=\"stylesheet\" href=\"/pkg/agora.css\"></head>\
         <body><main id=\"contenu\"><h1>{title}</h1><p>{reason}</p>\
         <p><a href=\"{href}\">{back}</a></p></main></body></html>",
        lang = prefs.lang.code(),
        classes = escape(&prefs.html_classes()),
        // Nothing was wrong with the request when the database takes no writes: the title
        // says what happened rather than "refused".
        title = text(if message_id == "error-unavailable" {
            "refusal-title-unavailable"
        } else {
            "refusal-title"
        }),
        reason = text(message_id),
        href = escape(back),
        back = text(if back == "/" {
            "refusal-back"
        } else {
            "refusal-back-page"
        }),
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

    fn ip(text: &str) -> IpAddr {
        text.parse()
            .unwrap_or(IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED))
    }

    #[test]
    fn the_client_is_the_last_hop_a_trusted_proxy_did_not_write() {
        let proxy = [ip("127.0.0.1"), ip("10.0.0.2")];
        // A client that writes its own header is believed about nothing: the proxy
        // appended the address it saw.
        let forged = headers(&[("x-forwarded-for", "203.0.113.9, 198.51.100.4")]);
        assert_eq!(forwarded_client(&forged, &proxy), Some(ip("198.51.100.4")));
        let chained = headers(&[("x-forwarded-for", "198.51.100.4:5123, 10.0.0.2")]);
        assert_eq!(forwarded_client(&chained, &proxy), Some(ip("198.51.100.4")));
        let standard = headers(&[(
            "forwarded",
            r#"for=192.0.2.43, for="[2001:db8:cafe::17]:4711";proto=https"#,
        )]);
        assert_eq!(
            forwarded_client(&standard, &proxy),
            Some(ip("2001:db8:cafe::17"))
        );
        let nothing = headers(&[("forwarded", "for=unknown")]);
        assert_eq!(forwarded_client(&nothing, &proxy), None);
        assert_eq!(forwarded_client(&headers(&[]), &proxy), None);
    }

    #[test]
    fn a_participant_cookie_is_one_this_server_signed() -> anyhow::Result<()> {
        let key = SealKey::from_bytes(&[3; 32]).ok_or_else(|| anyhow::anyhow!("key"))?;
        let other = SealKey::from_bytes(&[4; 32]).ok_or_else(|| anyhow::anyhow!("key"))?;
        let stamp = ParticipantStamp::new(&key);
        let id = ParticipantId::from_random([0x5a; 16]);
        let value = stamp.sign(&id);
        assert_eq!(stamp.verify(&value), Some(id.clone()));
        // Another instance of the same database accepts it; another database does not.
        assert_eq!(ParticipantStamp::new(&key).verify(&value), Some(id.clone()));
        assert_eq!(ParticipantStamp::new(&other).verify(&value), None);
        let (bare, tag) = value
            .split_once('.')
            .ok_or_else(|| anyhow::anyhow!("a tag"))?;
        let made_up = ParticipantId::from_random([0x11; 16]);
        for forged in [
            bare.to_owned(),
            format!("{made_up}.{tag}"),
            format!("{bare}.{}", &tag[..2]),
            format!("{bare}.{}", "0".repeat(32)),
            format!("{bare}.{tag}00"),
            String::new(),
        ] {
            assert_eq!(stamp.verify(&forged), None, "{forged}");
        }
        Ok(())
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
