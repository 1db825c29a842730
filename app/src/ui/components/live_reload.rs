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
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::Closure;

    /// How long to wait before drawing the page again after the connection dropped (the
    /// reload then reconnects).
    const RETRY_MS: i32 = 5000;

    /// How often to look again whether the person has left the field they were typing in.
    const IDLE_CHECK_MS: i32 = 1500;

    fn reload() {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    }

    /// Whether the focus is in a field (what is typed there would be lost by a reload).
    fn typing() -> bool {
        web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.active_element())
            .is_some_and(|element| {
                matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
            })
    }

    thread_local! {
        /// Set once a form of the page is sent: the page is being left for the form's answer
        /// (which carries its confirmation), and a reload now would race with it.
        static LEAVING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }

    /// Draws the page anew now, or as soon as nobody is typing; never once a form was sent.
    fn reload_when_idle() {
        if LEAVING.with(std::cell::Cell::get) {
            return;
        }
        if !typing() {
            reload();
            return;
        }
        if let Some(window) = web_sys::window() {
            let again = Closure::<dyn FnMut()>::new(reload_when_idle);
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                again.as_ref().unchecked_ref(),
                IDLE_CHECK_MS,
            );
            again.forget();
        }
    }

    pub fn follow(assembly: i64, seq: i64) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let on_submit = Closure::<dyn FnMut()>::new(|| LEAVING.with(|leaving| leaving.set(true)));
        if let Some(document) = window.document() {
            let _ = document
                .add_event_listener_with_callback("submit", on_submit.as_ref().unchecked_ref());
        }
        on_submit.forget();
        let location = window.location();
        let scheme = if location.protocol().ok().as_deref() == Some("https:") {
            "wss"
        } else {
            "ws"
        };
        let host = location.host().unwrap_or_default();
        let Ok(socket) = web_sys::WebSocket::new(&format!("{scheme}://{host}/live/{assembly}"))
        else {
            return;
        };
        let hello = format!(r#"{{"type":"hello","v":1,"since":{seq}}}"#);
        let opened = socket.clone();
        let on_open = Closure::<dyn FnMut()>::new(move || {
            let _ = opened.send_with_str(&hello);
        });
        socket.set_onopen(Some(on_open.as_ref().unchecked_ref()));
        on_open.forget();
        // Anything the room sends after `hello` is news: an event, or a snapshot when this
        // page was too far behind.
        let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|_| reload_when_idle());
        socket.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        let on_close = Closure::<dyn FnMut()>::new(move || {
            if let Some(window) = web_sys::window() {
                let again = Closure::<dyn FnMut()>::new(reload_when_idle);
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                    again.as_ref().unchecked_ref(),
                    RETRY_MS,
                );
                again.forget();
            }
        });
        socket.set_onclose(Some(on_close.as_ref().unchecked_ref()));
        on_close.forget();
    }
}

#[cfg(not(feature = "hydrate"))]
mod client {
    pub fn follow(_assembly: i64, _seq: i64) {}
}
