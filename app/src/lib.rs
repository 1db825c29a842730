//! Agora: the participation platform of local mental health councils.
//!
//! Layers point one way: `ui → api → store → domain`.

pub mod api;
pub mod domain;
#[cfg(feature = "ssr")]
pub mod store;
pub mod ui;

pub use ui::{App, shell};

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(App);
    // Lets scripts and tests know the page is interactive now.
    if let Some(root) = leptos::prelude::document().document_element() {
        let _ = root.set_attribute("data-hydrated", "true");
    }
}
