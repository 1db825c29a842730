//! The browser's end of a room's websocket (docs/live-protocol.md), shared by the islands
//! that follow a room: opening it with `hello`, and drawing a page anew once nobody is
//! typing in it.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

/// How often to look again whether the person has left the field they were typing in.
const IDLE_CHECK_MS: i32 = 1500;

thread_local! {
    /// Set once a form of the page is sent: the page is being left for the form's answer
    /// (which carries its confirmation), and a reload now would race with it.
    static LEAVING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

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

/// Runs `then` after `ms` milliseconds.
pub fn later(ms: i32, then: impl FnOnce() + 'static) {
    if let Some(window) = web_sys::window() {
        let callback = Closure::once_into_js(then);
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), ms);
    }
}

/// Draws the page anew now, or as soon as nobody is typing; never once a form was sent.
pub fn reload_when_idle() {
    if LEAVING.with(std::cell::Cell::get) {
        return;
    }
    if typing() {
        later(IDLE_CHECK_MS, reload_when_idle);
    } else {
        reload();
    }
}

/// Remembers that a form of the page was sent (see `LEAVING`).
pub fn watch_submits() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let on_submit = Closure::<dyn FnMut(web_sys::Event)>::new(|event: web_sys::Event| {
        // A form an island handled itself (its default prevented) leaves nothing; asked
        // once every handler has run, whatever order they were registered in.
        later(0, move || {
            if !event.default_prevented() {
                LEAVING.with(|leaving| leaving.set(true));
            }
        });
    });
    let _ = document.add_event_listener_with_callback("submit", on_submit.as_ref().unchecked_ref());
    on_submit.forget();
}

/// Opens the websocket of `assembly` and says `hello` from `since` (a fresh snapshot when
/// absent). `participant` asks to be treated as a participant even when signed in as staff,
/// as the participants' page is. `on_open` runs once `hello` is sent, every frame received
/// goes to `on_message`, and `on_close` runs once when the connection ends, for whatever
/// reason.
pub fn open(
    assembly: i64,
    since: Option<i64>,
    participant: bool,
    on_open: impl FnOnce() + 'static,
    on_message: impl FnMut(String) + 'static,
    on_close: impl FnOnce() + 'static,
) -> Option<web_sys::WebSocket> {
    let location = web_sys::window()?.location();
    let scheme = if location.protocol().ok().as_deref() == Some("https:") {
        "wss"
    } else {
        "ws"
    };
    let host = location.host().ok()?;
    let view = if participant { "?vue=participant" } else { "" };
    let socket =
        web_sys::WebSocket::new(&format!("{scheme}://{host}/live/{assembly}{view}")).ok()?;
    let since = since.map_or_else(|| "null".to_owned(), |seq| seq.to_string());
    let hello = format!(r#"{{"type":"hello","v":1,"since":{since}}}"#);
    let opened = socket.clone();
    let on_open = Closure::once_into_js(move || {
        let _ = opened.send_with_str(&hello);
        on_open();
    });
    socket.set_onopen(Some(on_open.unchecked_ref()));
    let mut on_message = on_message;
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            if let Some(frame) = event.data().as_string() {
                on_message(frame);
            }
        });
    socket.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let on_close = Closure::once_into_js(on_close);
    socket.set_onclose(Some(on_close.unchecked_ref()));
    Some(socket)
}
