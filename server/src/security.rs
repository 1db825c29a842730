//! Security headers on every response. Pages get a Content-Security-Policy that lets run only
//! our own files and the one inline script that starts the islands, marked with a nonce drawn
//! for that response; everything else (files, server functions) gets a policy that lets
//! nothing run. Nothing but the site's own files may be kept by a cache; over https, browsers
//! are told to come back over https only. See docs/security.md.

use axum::Router;
use axum::extract::Request;
use axum::http::HeaderValue;
use axum::http::header::{
    CACHE_CONTROL, CONTENT_SECURITY_POLICY, REFERRER_POLICY, STRICT_TRANSPORT_SECURITY,
    X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};
use axum::middleware::Next;
use axum::response::Response;
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;
use tower_http::set_header::SetResponseHeaderLayer;

/// The policy of an HTML page whose inline script and stylesheet carry `nonce`. Compiling the wasm counts
/// as eval for browsers, hence `'wasm-unsafe-eval'` (never plain `'unsafe-eval'`). Sound may
/// also come from `blob:`: the testimony recorder plays back what was just recorded, which
/// exists only in the browser.
pub fn page_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self' 'nonce-{nonce}'; img-src 'self'; media-src 'self' blob:; connect-src 'self'; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// The policy of everything that is not a page: nothing runs, nothing frames it.
pub const RESOURCE_POLICY: &str =
    "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// Called in every page's rendering context, after leptos_axum has drawn the nonce that
/// `HydrationScripts` puts on the inline script.
pub fn set_page_policy() {
    let (Some(nonce), Some(response)) =
        (leptos::nonce::use_nonce(), use_context::<ResponseOptions>())
    else {
        return;
    };
    if let Ok(value) = HeaderValue::from_str(&page_policy(&nonce.to_string())) {
        response.insert_header(CONTENT_SECURITY_POLICY, value);
    }
}

/// Where the site's own files are served from (the wasm, scripts, styles, icons and
/// pictograms): the same for everyone, so a cache may keep them.
const FILE_FOLDERS: [&str; 4] = ["/pkg/", "/icons/", "/js/", "/pictos/"];

/// Two years: what browsers' preload lists ask for. Without `includeSubDomains`: a council
/// often serves Agora from a subdomain of a town's site whose other hosts it does not run.
pub const HSTS: &str = "max-age=63072000";

/// `Cache-Control: no-store` on every response that is not one of the site's files, unless
/// the handler chose: pages carry flash messages, codes shown once, a staff member's view
/// or an author's private page, and exports carry results; none may sit in a shared cache
/// or on a shared computer's disk.
async fn no_store_unless_file(request: Request, next: Next) -> Response {
    let file = FILE_FOLDERS
        .iter()
        .any(|folder| request.uri().path().starts_with(folder));
    let mut response = next.run(request).await;
    if !file {
        response
            .headers_mut()
            .entry(CACHE_CONTROL)
            .or_insert(HeaderValue::from_static("no-store"));
    }
    response
}

/// Adds the headers every response carries; a page's own policy is kept, anything without
/// one gets `RESOURCE_POLICY`. `https`: the site's public address is https, so browsers are
/// told (HSTS) never to reach it over plain http again.
pub fn with_security_headers<S>(router: Router<S>, https: bool) -> Router<S>
where
    S: Clone + Send + Sync + 'static,
{
    let router = if https {
        router.layer(SetResponseHeaderLayer::overriding(
            STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(HSTS),
        ))
    } else {
        router
    };
    router
        .layer(axum::middleware::from_fn(no_store_unless_file))
        .layer(SetResponseHeaderLayer::if_not_present(
            CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(RESOURCE_POLICY),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        // Links out (crisis lines, credits) must not tell which council page someone read.
        .layer(SetResponseHeaderLayer::overriding(
            REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ))
        // For browsers that predate `frame-ancestors`.
        .layer(SetResponseHeaderLayer::overriding(
            X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
}
