//! The projector's moving parts — current agenda item, the question on screen, the count —
//! kept up to date in place from the room's websocket: a projector must not flash a new page
//! at every upvote. The join code and QR code (children) never change.
//! Without JavaScript the page is as it was loaded.

use super::live_feed::{who_asked, written_answer};
use crate::live::Feed;
use crate::ui::i18n::Phrases;
use leptos::prelude::*;

pub const PROJECTOR_PHRASES: [&str; 4] = [
    "live-current-item",
    "live-answer",
    "projector-question",
    "projector-no-question",
];

pub const PROJECTOR_COUNTED: [&str; 2] = ["live-votes", "projector-count"];

/// `colleges` are the council's college names by key.
#[island]
pub fn ProjectorScreen(
    start: Feed,
    colleges: Vec<(String, String)>,
    phrases: Phrases,
    /// Easy-read: a written answer in its easy-read version where there is one.
    easy: bool,
    children: Children,
) -> impl IntoView {
    let shown = RwSignal::new(start.clone());
    Effect::new(move |_| client::follow(shown, start.clone()));
    let p = phrases.clone();
    let current = move || {
        let p = p.clone();
        shown.with(|feed| {
            feed.current_title().map(|title| {
                view! {
                    <p class="projector-item">
                        <span>{p.get("live-current-item")}</span>
                        " "
                        <strong lang="fr">{title.to_owned()}</strong>
                    </p>
                }
            })
        })
    };
    let p = phrases.clone();
    let question = move || {
        let p = p.clone();
        let college_name = |key: &str| {
            colleges
                .iter()
                .find(|(k, _)| k == key)
                .map_or_else(|| key.to_owned(), |(_, name)| name.clone())
        };
        shown.with(|feed| match feed.highlighted_question() {
            Some(question) => {
                let votes = p.count("live-votes", u64::try_from(question.votes).unwrap_or(0));
                let who = who_asked(question, college_name);
                let answer = written_answer(question, easy, p.get("live-answer"));
                view! {
                    <blockquote lang="fr">{question.body.clone()}</blockquote>
                    <p>{who} {votes}</p>
                    {answer}
                }
                .into_any()
            }
            None => view! { <p>{p.get("projector-no-question")}</p> }.into_any(),
        })
    };
    let p = phrases.clone();
    let count = move || {
        let count = shown.with(|feed| feed.questions.len());
        p.count("projector-count", u64::try_from(count).unwrap_or(0))
    };
    // While no question is on screen, joining is the point: the code and QR code take half
    // the screen. Once one is, they move to a corner and the question takes the room.
    let stage = move || {
        if shown.with(|feed| feed.highlighted_question().is_some()) {
            "room-stage"
        } else {
            "room-stage joining"
        }
    };
    view! {
        <div class=stage>
            <div class="room-main">
                {current}
                <section class="projector-question" aria-labelledby="projector-question-title">
                    <h2 id="projector-question-title">{phrases.get("projector-question")}</h2>
                    {question}
                </section>
                <p class="projector-counts">{count}</p>
            </div>
            <div class="room-join">{children()}</div>
        </div>
    }
}

#[cfg(feature = "hydrate")]
mod client {
    use super::super::live_socket::{Follower, Hooks};
    use crate::live::Feed;
    use leptos::prelude::*;

    thread_local! {
        static FOLLOWER: std::cell::RefCell<Option<std::rc::Rc<Follower>>> =
            const { std::cell::RefCell::new(None) };
    }

    pub fn follow(shown: RwSignal<Feed>, start: Feed) {
        let follower = Follower::start(
            start,
            Hooks {
                connected: Box::new(|_| {}),
                changed: Box::new(move |latest, _| shown.set(latest.clone())),
                answered: Box::new(|_| {}),
            },
        );
        FOLLOWER.with(|slot| *slot.borrow_mut() = Some(follower));
    }
}

#[cfg(not(feature = "hydrate"))]
mod client {
    use crate::live::Feed;
    use leptos::prelude::*;

    pub fn follow(_shown: RwSignal<Feed>, _start: Feed) {}
}
