//! What the person at the projector needs from a room screen: full screen, and a black
//! screen for a pause (as a presentation remote's "B" key gives). Both are buttons; the keys
//! F and B do the same while the focus is on the screen (WCAG 2.1.4: single-key shortcuts
//! only where they were meant), which it is from the start. Without JavaScript there is
//! neither: the browser's own full-screen key (F11) remains.

use crate::ui::i18n::Phrases;
use leptos::prelude::*;

pub const ROOM_PHRASES: [&str; 3] = ["room-fullscreen", "room-black", "room-black-back"];

#[island]
pub fn RoomControls(phrases: Phrases) -> impl IntoView {
    let black = RwSignal::new(false);
    Effect::new(move |_| client::listen(black));
    let p = phrases.clone();
    view! {
        <div class="room-controls">
            <button type="button" class="room-control" on:click=move |_| client::toggle_fullscreen()>
                {phrases.get("room-fullscreen")}
            </button>
            <button type="button" class="room-control" on:click=move |_| black.set(true)>
                {phrases.get("room-black")}
            </button>
        </div>
        <div class="room-black" hidden=move || !black.get()>
            <button type="button" class="room-black-back" on:click=move |_| black.set(false)>
                {p.get("room-black-back")}
            </button>
        </div>
    }
}

#[cfg(feature = "hydrate")]
mod client {
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::Closure;
    use web_sys::{HtmlElement, KeyboardEvent};

    pub fn toggle_fullscreen() {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if document.fullscreen_element().is_some() {
            document.exit_fullscreen();
        } else if let Some(root) = document.document_element() {
            let _ = root.request_fullscreen();
        }
    }

    /// F and B on the screen; the screen takes the focus so that they work at once.
    pub fn listen(black: RwSignal<bool>) {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        // Room screens carry no preferences panel, which marks other pages as hydrated.
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("data-hydrated", "true");
        }
        let Ok(Some(room)) = document.query_selector("main.room") else {
            return;
        };
        if let Some(room) = room.dyn_ref::<HtmlElement>() {
            let _ = room.focus();
        }
        let on_key = Closure::<dyn Fn(KeyboardEvent)>::new(move |event: KeyboardEvent| {
            if event.ctrl_key() || event.alt_key() || event.meta_key() {
                return;
            }
            match event.key().as_str() {
                "f" | "F" => toggle_fullscreen(),
                "b" | "B" | "." => black.update(|b| *b = !*b),
                "Escape" => black.set(false),
                _ => return,
            }
            event.prevent_default();
        });
        let _ = room.add_event_listener_with_callback("keydown", on_key.as_ref().unchecked_ref());
        on_key.forget();
    }
}

#[cfg(not(feature = "hydrate"))]
mod client {
    use leptos::prelude::*;

    pub fn toggle_fullscreen() {}

    pub fn listen(_black: RwSignal<bool>) {}
}
