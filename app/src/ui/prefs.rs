//! The preferences signal, read from the request's cookie: pages are rendered on the server,
//! so the first paint already has the right language and display.

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

/// Pages render on the server only (islands); an island reads the cookie itself.
#[cfg(not(feature = "ssr"))]
pub fn initial_preferences() -> Preferences {
    Preferences::default()
}
