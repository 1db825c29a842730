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
pub fn typing() -> bool {
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

/// Markup a server function draws for a screen (`/api/room_slide`, `/api/room_votes`),
/// fetched with the browser's own `fetch`: the answer is a JSON string. (The server
/// function's client weighed kilobytes of the wasm every page loads, for one GET.)
pub async fn fetch_markup(url: &str) -> Option<String> {
    let promise = web_sys::window()?.fetch_with_str(url);
    let response: web_sys::Response = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    if !response.ok() {
        return None;
    }
    let text = wasm_bindgen_futures::JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()?;
    serde_json::from_str(&text).ok()
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
    let version = crate::live::PROTOCOL_VERSION;
    let hello = format!(r#"{{"type":"hello","v":{version},"since":{since}}}"#);
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

/// First wait before reconnecting; doubled on each failure up to `RETRY_MAX_MS`, with a
/// random share so that a room's phones do not all come back at the same instant.
const RETRY_MS: f64 = 1000.0;
const RETRY_MAX_MS: f64 = 30_000.0;
/// A page redraw for the whole room (questions closed…) is spread over this long.
const REDRAW_SPREAD_MS: f64 = 4000.0;

/// Told the room as it is now and the news of its last change.
pub type OnChange = Box<dyn Fn(&crate::live::Feed, Option<crate::live::News>)>;

/// What a screen does with its room.
pub struct Hooks {
    /// The connection is open (`true`) or lost (`false`; it is retried).
    pub connected: Box<dyn Fn(bool)>,
    /// The room changed (an event applied, or a snapshot): the room as it is now, and the
    /// news the change brings.
    pub changed: OnChange,
    /// The answer to one of this screen's commands (`ack` or `error`).
    pub answered: Box<dyn Fn(crate::live::ServerMessage)>,
}

/// Follows a room from the state the page was drawn at: applies its events in order
/// (`Feed::step`), reconnects from the last one applied when the connection drops or a
/// frame is missing, and redraws the page when an event changes what the page offers.
pub struct Follower {
    latest: std::cell::RefCell<crate::live::Feed>,
    socket: std::cell::RefCell<Option<web_sys::WebSocket>>,
    retry: std::cell::Cell<f64>,
    hooks: Hooks,
}

impl Follower {
    pub fn start(start: crate::live::Feed, hooks: Hooks) -> std::rc::Rc<Follower> {
        let follower = std::rc::Rc::new(Follower {
            latest: std::cell::RefCell::new(start),
            socket: std::cell::RefCell::new(None),
            retry: std::cell::Cell::new(RETRY_MS),
            hooks,
        });
        follower.clone().connect();
        follower
    }

    /// The room as the server last said it.
    pub fn latest(&self) -> crate::live::Feed {
        self.latest.borrow().clone()
    }

    /// Sends a command; false when the connection is not open.
    pub fn send(&self, command: &str) -> bool {
        self.socket.borrow().as_ref().is_some_and(|socket| {
            socket.ready_state() == web_sys::WebSocket::OPEN
                && socket.send_with_str(command).is_ok()
        })
    }

    fn connect(self: std::rc::Rc<Self>) {
        let (assembly, since) = {
            let latest = self.latest.borrow();
            (latest.assembly, latest.seq)
        };
        let opened = self.clone();
        let receiving = self.clone();
        let closing = self.clone();
        let socket = open(
            assembly,
            Some(since),
            true,
            move || {
                opened.retry.set(RETRY_MS);
                (opened.hooks.connected)(true);
            },
            move |frame| receiving.receive(&frame),
            move || closing.closed(),
        );
        *self.socket.borrow_mut() = socket;
    }

    fn closed(self: std::rc::Rc<Self>) {
        (self.hooks.connected)(false);
        *self.socket.borrow_mut() = None;
        let wait = self.retry.get();
        self.retry.set((wait * 2.0).min(RETRY_MAX_MS));
        let wait = wait * (0.5 + js_sys::Math::random());
        later(wait as i32, move || self.connect());
    }

    fn receive(&self, frame: &str) {
        use crate::live::{ServerMessage, Step, frame::Frame};
        let Ok(frame) = serde_json::from_str::<Frame>(frame) else {
            return;
        };
        match (
            frame.kind.as_str(),
            frame.seq,
            frame.event.and_then(|e| e.event()),
        ) {
            ("event", Some(seq), event) => {
                // A kind this page does not know (added after it was drawn) is counted only.
                let step = match event {
                    Some(event) => self.latest.borrow_mut().step(seq, event),
                    None => self.latest.borrow_mut().skip(seq),
                };
                match step {
                    Step::Applied(news) => (self.hooks.changed)(&self.latest.borrow(), news),
                    Step::Stale => {}
                    // Reconnecting from the last applied event replays what is missing.
                    Step::Gap => {
                        if let Some(socket) = self.socket.borrow().as_ref() {
                            let _ = socket.close();
                        }
                    }
                    Step::Redraw => redraw_soon(),
                }
            }
            // Sent only to a screen too far behind to be replayed: the page is drawn anew.
            ("snapshot", ..) => redraw_soon(),
            ("ack", ..) => (self.hooks.answered)(ServerMessage::Ack {
                reference: frame.reference,
                question: frame.question,
            }),
            ("error", ..) => (self.hooks.answered)(ServerMessage::Error {
                reference: frame.reference,
                code: String::new(),
                message: frame.message.unwrap_or_default(),
            }),
            _ => {}
        }
    }
}

/// Draws the page anew within a few seconds (a room's screens do not all come back at once).
fn redraw_soon() {
    let wait = REDRAW_SPREAD_MS * js_sys::Math::random();
    later(wait as i32, reload_when_idle);
}
