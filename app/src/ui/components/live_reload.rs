//! A screen that follows its room by being drawn anew (the facilitator's console): this
//! island listens to the room's websocket from the sequence number the page was drawn at,
//! and reloads the page when something happens — at most every 3 s, and never while
//! someone is typing in one of its fields (a facilitator correcting a question): then it
//! waits until they leave it. Without JavaScript the page stays as it was loaded.

use leptos::prelude::*;

/// `assembly` is the room, `seq` the sequence number the server-rendered page shows.
#[island]
pub fn LiveReload(assembly: i64, seq: i64) -> impl IntoView {
    Effect::new(move |_| client::follow(assembly, seq));
    view! { <span class="live-reload" hidden></span> }
}

#[cfg(feature = "hydrate")]
mod client {
    use super::super::live_socket;

    /// How long to wait before drawing the page again after the connection dropped (the
    /// reload then reconnects).
    const RETRY_MS: i32 = 5000;

    /// A page is drawn again at most this often: in a busy room (upvotes every second) the
    /// events between two redraws are shown together rather than one page each.
    const MIN_PAGE_LIFE_MS: f64 = 3000.0;

    pub fn follow(assembly: i64, seq: i64) {
        live_socket::watch_submits();
        let loaded = js_sys::Date::now();
        let scheduled = std::rc::Rc::new(std::cell::Cell::new(false));
        // Anything the room sends after `hello` is news: an event, or a snapshot when this
        // page was too far behind.
        let _ = live_socket::open(
            assembly,
            Some(seq),
            false,
            || {},
            move |_| {
                if !scheduled.replace(true) {
                    let wait = (MIN_PAGE_LIFE_MS - (js_sys::Date::now() - loaded)).max(0.0);
                    live_socket::later(wait as i32, live_socket::reload_when_idle);
                }
            },
            || live_socket::later(RETRY_MS, live_socket::reload_when_idle),
        );
    }
}

#[cfg(not(feature = "hydrate"))]
mod client {
    pub fn follow(_assembly: i64, _seq: i64) {}
}
