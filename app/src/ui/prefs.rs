//! The preferences signal, read from the request's cookie: pages are rendered on the server,
//! so the first paint already has the right language and display.

use crate::domain::Preferences;
use leptos::prelude::*;

/// The preferences of the current request or page; `App` provides them.
pub fn use_preferences() -> RwSignal<Preferences> {
    use_context::<RwSignal<Preferences>>().unwrap_or_else(|| RwSignal::new(Preferences::default()))
}

#[cfg(feature = "ssr")]
pub use crate::i18n::request_preferences as initial_preferences;

/// Pages render on the server only (islands); an island reads the cookie itself.
#[cfg(not(feature = "ssr"))]
pub fn initial_preferences() -> Preferences {
    Preferences::default()
}
