//! The facilitator console's keyboard: one-letter shortcuts on the question that holds the
//! focus, and the focus kept in its place across the page's redraws.
//!
//! Shortcuts act only while the focus is inside a question (WCAG 2.1.4: single-key
//! shortcuts must not fire elsewhere), never while typing in a field, never with a
//! modifier key. Each one presses the button or reaches the field marked
//! `data-shortcut="<key>"` in that question, so it does exactly what the button does.
//! Every console action is a form post, after which the page comes back: the focus then
//! returns to the same question, or to the next one in the queue when the question left it.
//! A redraw for someone else's action keeps it too.

use leptos::prelude::*;

#[island]
pub fn ConsoleKeys() -> impl IntoView {
    Effect::new(move |_| client::listen());
    view! { <span class="console-keys" hidden></span> }
}

#[cfg(feature = "hydrate")]
mod client {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::Closure;
    use web_sys::{Element, HtmlElement, KeyboardEvent};

    /// Where the focus goes when the page comes back: `<element id>|<time in ms>`.
    const FOCUS_KEY: &str = "agora-console-focus";
    /// A remembered place older than this belongs to another visit.
    const FOCUS_TTL_MS: u64 = 15_000;
    const CARD: &str = ".question[id]";

    fn document() -> Option<web_sys::Document> {
        web_sys::window()?.document()
    }

    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.session_storage().ok()?
    }

    fn card_of(element: &Element) -> Option<Element> {
        element.closest(CARD).ok().flatten()
    }

    fn cards() -> Vec<Element> {
        let Some(list) = document().and_then(|d| d.query_selector_all(CARD).ok()) else {
            return Vec::new();
        };
        (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
            .collect()
    }

    fn focus(element: &Element) {
        if let Some(element) = element.dyn_ref::<HtmlElement>() {
            let _ = element.focus();
        }
    }

    fn remember(id: &str) {
        if let Some(storage) = storage() {
            // Whole milliseconds: formatting a float would pull its printing code into the wasm.
            let now = js_sys::Date::now() as u64;
            let _ = storage.set_item(FOCUS_KEY, &format!("{id}|{now}"));
        }
    }

    fn restore_focus() {
        let Some(storage) = storage() else {
            return;
        };
        let Ok(Some(saved)) = storage.get_item(FOCUS_KEY) else {
            return;
        };
        let _ = storage.remove_item(FOCUS_KEY);
        let Some((id, at)) = saved.rsplit_once('|') else {
            return;
        };
        let fresh = at
            .parse::<u64>()
            .is_ok_and(|at| (js_sys::Date::now() as u64).saturating_sub(at) < FOCUS_TTL_MS);
        if let (true, Some(element)) = (fresh, document().and_then(|d| d.get_element_by_id(id))) {
            focus(&element);
        }
    }

    fn typing(element: &Element) -> bool {
        matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
    }

    fn on_key(event: KeyboardEvent) {
        if event.ctrl_key() || event.alt_key() || event.meta_key() || event.default_prevented() {
            return;
        }
        let Some(active) = document().and_then(|d| d.active_element()) else {
            return;
        };
        let key = event.key().to_ascii_lowercase();
        if typing(&active) {
            // Escape leaves a field for its question, where the shortcuts work again.
            if key == "escape"
                && let Some(card) = card_of(&active)
            {
                focus(&card);
            }
            return;
        }
        let Some(card) = card_of(&active) else {
            return;
        };
        match key.as_str() {
            "j" | "k" => {
                let all = cards();
                let here = all.iter().position(|c| *c == card);
                let next = match (key.as_str(), here) {
                    ("j", Some(i)) => all.get(i + 1),
                    (_, Some(i)) if i > 0 => all.get(i - 1),
                    _ => None,
                };
                if let Some(next) = next {
                    event.prevent_default();
                    focus(next);
                }
            }
            _ if key.chars().count() == 1 => {
                let selector = format!("[data-shortcut=\"{key}\"]");
                if let Ok(Some(target)) = card.query_selector(&selector) {
                    event.prevent_default();
                    if typing(&target) {
                        focus(&target);
                    } else if let Some(target) = target.dyn_ref::<HtmlElement>() {
                        target.click();
                    }
                }
            }
            _ => {}
        }
    }

    /// A console form is sent: the question it acted on keeps the focus, unless it leaves
    /// its list (approved or rejected), then the next question of that list does.
    fn on_submit(event: web_sys::Event) {
        let Some(form) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        let Some(card) = card_of(&form) else {
            return;
        };
        let leaves = ["approve", "reject"].iter().any(|action| {
            form.query_selector(&format!("input[name=\"action\"][value=\"{action}\"]"))
                .ok()
                .flatten()
                .is_some()
        });
        let target = if leaves {
            card.next_element_sibling()
                .or_else(|| card.previous_element_sibling())
        } else {
            Some(card)
        };
        if let Some(target) = target.filter(|t| !t.id().is_empty()) {
            remember(&target.id());
        }
    }

    /// The page is left without a form (a redraw for someone else's action): keep the focus
    /// on the question that had it, unless a form already chose.
    fn on_leave() {
        let chosen = storage()
            .and_then(|s| s.get_item(FOCUS_KEY).ok().flatten())
            .is_some();
        if chosen {
            return;
        }
        if let Some(card) = document()
            .and_then(|d| d.active_element())
            .and_then(|active| card_of(&active))
        {
            remember(&card.id());
        }
    }

    pub fn listen() {
        restore_focus();
        let (Some(window), Some(document)) = (web_sys::window(), document()) else {
            return;
        };
        let on_key = Closure::<dyn FnMut(KeyboardEvent)>::new(on_key);
        let _ =
            document.add_event_listener_with_callback("keydown", on_key.as_ref().unchecked_ref());
        on_key.forget();
        let on_submit = Closure::<dyn FnMut(web_sys::Event)>::new(on_submit);
        let _ = document.add_event_listener_with_callback_and_bool(
            "submit",
            on_submit.as_ref().unchecked_ref(),
            true,
        );
        on_submit.forget();
        let on_leave = Closure::<dyn FnMut()>::new(on_leave);
        let _ =
            window.add_event_listener_with_callback("pagehide", on_leave.as_ref().unchecked_ref());
        on_leave.forget();
    }
}

#[cfg(not(feature = "hydrate"))]
mod client {
    pub fn listen() {}
}
