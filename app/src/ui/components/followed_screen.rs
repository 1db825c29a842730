//! A screen nobody touches (the council's testimony screen, a vote's projection) that must
//! still show what changed, without flashing a new page: this island fetches its markup,
//! drawn by the server, every few seconds and puts it in place when it changed. These
//! screens belong to no room, so no websocket tells them when; one small GET every five
//! seconds per screen is what following them costs. A timed `<meta http-equiv="refresh">`
//! would need no script, but WCAG 2.2.1 (timing adjustable) forbids it on a page people
//! read; without JavaScript the page stays as loaded and a reload shows the latest.

use leptos::prelude::*;

/// `url`: the server function drawing the screen's markup (a JSON string); `markup`: the
/// same, drawn for the page's first load.
#[island]
pub fn FollowedScreen(url: String, markup: String) -> impl IntoView {
    let shown = RwSignal::new(markup);
    Effect::new(move |_| client::follow(shown, url.clone()));
    view! { <div class="followed-screen" inner_html=move || shown.get()></div> }
}

#[cfg(feature = "hydrate")]
mod client {
    use super::super::live_socket;
    use leptos::prelude::*;

    /// How often the screen's markup is fetched again.
    const EVERY_MS: i32 = 5000;

    pub fn follow(shown: RwSignal<String>, url: String) {
        live_socket::later(EVERY_MS, move || {
            let again = url.clone();
            leptos::task::spawn_local(async move {
                // A failed fetch (the server restarting, the network gone) keeps what is on
                // screen and tries again at the next turn.
                if let Some(markup) = live_socket::fetch_markup(&url).await
                    && shown.with_untracked(|now| *now != markup)
                {
                    shown.set(markup);
                }
                follow(shown, again);
            });
        });
    }
}

#[cfg(not(feature = "hydrate"))]
mod client {
    use leptos::prelude::*;

    pub fn follow(_shown: RwSignal<String>, _url: String) {}
}
