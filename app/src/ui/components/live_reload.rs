//! A screen that follows its room (the projector, the facilitator's console): this island
//! listens to the room's websocket from the sequence number the page was drawn at, and
//! draws the page anew when something happens — but never while someone is typing in one
//! of its fields (a facilitator correcting a question): then it waits until they leave it.
//! Without JavaScript the page stays as it was loaded.

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

    pub fn follow(assembly: i64, seq: i64) {
        live_socket::watch_submits();
        // Anything the room sends after `hello` is news: an event, or a snapshot when this
        // page was too far behind.
        let _ = live_socket::open(
            assembly,
            Some(seq),
            false,
            || {},
            |_| live_socket::reload_when_idle(),
            || live_socket::later(RETRY_MS, live_socket::reload_when_idle),
        );
    }
}

#[cfg(not(feature = "hydrate"))]
mod client {
    pub fn follow(_assembly: i64, _seq: i64) {}
}
