//! The preferences signal: read from the request's cookie on the server, from
//! `document.cookie` in the browser, so that hydration starts from the same state.

use crate::domain::Preferences;
use leptos::prelude::*;

/// The preferences of the current request or page; `App` provides them.
pub fn use_preferences() -> RwSignal<Preferences> {
    use_context::<RwSignal<Preferences>>().unwrap_or_else(|| RwSignal::new(Preferences::default()))
}

#[cfg(feature = "ssr")]
pub fn initial_preferences() -> Preferences {
    use_context::<http::request::Parts>()
        .and_then(|parts| {
            let header = parts.headers.get(http::header::COOKIE)?;
            header.to_str().ok().map(Preferences::from_cookie_header)
        })
        .unwrap_or_default()
}

#[cfg(all(feature = "hydrate", not(feature = "ssr")))]
pub fn initial_preferences() -> Preferences {
    use wasm_bindgen::JsCast;
    document()
        .dyn_into::<web_sys::HtmlDocument>()
        .ok()
        .and_then(|doc| doc.cookie().ok())
        .map(|cookie| Preferences::from_cookie_header(&cookie))
        .unwrap_or_default()
}

#[cfg(not(any(feature = "ssr", feature = "hydrate")))]
pub fn initial_preferences() -> Preferences {
    Preferences::default()
}

/// Keeps `<html lang class>` in step with the signal after a change made without a reload.
/// The server already wrote them for the first paint.
pub fn sync_document_element(prefs: RwSignal<Preferences>) {
    Effect::new(move |_| {
        let prefs = prefs.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", prefs.lang.code());
            let _ = root.set_attribute("class", &prefs.html_classes());
        }
    });
}
