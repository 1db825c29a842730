//! Agora: the participation platform of local mental health councils.
//!
//! Layers point one way: `ui → api → store → domain`; `i18n` (the text catalogue) is
//! beside them, used by `ui`, `api` and the server.

#![recursion_limit = "256"]

pub mod api;
pub mod domain;
pub mod i18n;
pub mod live;
#[cfg(feature = "ssr")]
pub mod services;
#[cfg(feature = "ssr")]
pub mod store;
pub mod ui;

pub use ui::{App, shell};

/// The cases a property test tries: its own count, or `PROPTEST_CASES` for a longer hunt
/// (CI runs the hostile-input properties once more with more cases; corpus/README.md).
#[cfg(test)]
pub(crate) fn property_cases(default: u32) -> proptest::test_runner::Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default);
    proptest::test_runner::Config::with_cases(cases)
}

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // Islands: the server renders every page; only the `#[island]` components come alive
    // here, which keeps the wasm small (docs/decisions.md, "islands").
    leptos::mount::hydrate_islands();
}
