//! A screen nobody touches (a projector) that must still show what changed: this island
//! reloads the page every few seconds. A timed `<meta http-equiv="refresh">` would do it
//! without a script, but WCAG 2.2.1 (timing adjustable) forbids it on a page people read;
//! without JavaScript the page stays as loaded and a reload shows the latest.

use leptos::prelude::*;

#[island]
pub fn ScreenRefresh(seconds: u32) -> impl IntoView {
    Effect::new(move |_| {
        #[cfg(feature = "hydrate")]
        {
            let every = std::time::Duration::from_secs(u64::from(seconds.max(5)));
            set_interval(
                || {
                    if let Some(window) = web_sys::window() {
                        let _ = window.location().reload();
                    }
                },
                every,
            );
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = seconds;
    });
    view! { <span class="screen-refresh" hidden></span> }
}
