//! The plenary's screen: what the facilitator put on it — the join code, a question, the
//! agenda item under way, a testimony, a vote — kept up to date in place from the room's
//! websocket: a projector must not flash a new page at every upvote. The join code and QR
//! code (children) never change; they fill half the screen while joining is the point and
//! sit in a corner otherwise. Slides (agenda, testimony, vote) are drawn by the server
//! (`room_slide`) and fetched again when the room moves, and every few seconds while what
//! they show changes by itself (ballots coming in, a consent taken back).
//! Without JavaScript the page is as it was loaded.

use super::live_feed::{who_asked, written_answer};
use crate::domain::ScreenKind;
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

/// `colleges` are the council's college names by key; `slide` the server-drawn markup of
/// the slide on screen (empty while it shows the join code or a question).
#[island]
pub fn ProjectorScreen(
    start: Feed,
    slug: String,
    colleges: Vec<(String, String)>,
    phrases: Phrases,
    /// Easy-read: a written answer in its easy-read version where there is one.
    easy: bool,
    slide: String,
    children: Children,
) -> impl IntoView {
    let shown = RwSignal::new(start.clone());
    let slide = RwSignal::new(slide);
    Effect::new(move |_| client::follow(shown, slide, slug.clone(), start.clone()));
    let on_slide = move || shown.with(|feed| feed.screen.what.is_slide());
    let p = phrases.clone();
    let current = move || {
        let p = p.clone();
        shown.with(|feed| {
            (feed.screen.what != ScreenKind::Agenda)
                .then(|| feed.current_title())
                .flatten()
                .map(|title| {
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
                let answer = written_answer(
                    question.answer.as_ref(),
                    question.answer_easy.as_ref(),
                    easy,
                    p.get("live-answer"),
                );
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
    // While nothing is on screen, joining is the point: the code and QR code take half
    // the screen. Once something is, they move to a corner and it takes the room.
    let stage = move || {
        if shown.with(|feed| feed.screen.what == ScreenKind::Join) {
            "room-stage joining"
        } else {
            "room-stage"
        }
    };
    view! {
        <div class=stage>
            <div class="room-main">
                {current}
                <div class="room-slide" hidden=move || !on_slide() inner_html=move || slide.get()></div>
                <section
                    class="projector-question"
                    aria-labelledby="projector-question-title"
                    hidden=on_slide
                >
                    <h2 id="projector-question-title">{phrases.get("projector-question")}</h2>
                    {question}
                </section>
                <p class="projector-counts" hidden=on_slide>{count}</p>
            </div>
            <div class="room-join">{children()}</div>
        </div>
    }
}

#[cfg(feature = "hydrate")]
mod client {
    use super::super::live_socket::{self, Follower, Hooks};
    use crate::live::Feed;
    use leptos::prelude::*;
    use std::cell::RefCell;
    use std::rc::Rc;

    /// How often a slide that changes by itself (a vote's turnout, a testimony whose
    /// author may take their consent back) is fetched again.
    const SLIDE_EVERY_MS: i32 = 5000;

    thread_local! {
        static FOLLOWER: RefCell<Option<Rc<Follower>>> = const { RefCell::new(None) };
    }

    pub fn follow(shown: RwSignal<Feed>, slide: RwSignal<String>, slug: String, start: Feed) {
        let fetch = Rc::new(move |assembly: i64| {
            let slug = slug.clone();
            leptos::task::spawn_local(async move {
                let url = format!("/api/room_slide?slug={slug}&id={assembly}");
                if let Some(markup) = live_socket::fetch_markup(&url).await {
                    slide.set(markup);
                }
            });
        });
        // What a slide depends on: the screen's choice, the agenda item, the votes.
        let seen = Rc::new(RefCell::new(slide_key(&start)));
        let on_change = fetch.clone();
        let follower = Follower::start(
            start,
            Hooks {
                connected: Box::new(|_| {}),
                changed: Box::new(move |latest, _| {
                    let key = slide_key(latest);
                    let moved = seen.replace(key.clone()) != key;
                    shown.set(latest.clone());
                    if moved && latest.screen.what.is_slide() {
                        on_change(latest.assembly);
                    }
                }),
                answered: Box::new(|_| {}),
            },
        );
        FOLLOWER.with(|slot| *slot.borrow_mut() = Some(follower));
        refresh_every(shown, fetch);
    }

    fn slide_key(
        feed: &Feed,
    ) -> (
        crate::domain::Screen,
        Option<i64>,
        Vec<crate::live::RoomVote>,
    ) {
        (feed.screen, feed.current_item, feed.votes.clone())
    }

    fn refresh_every(shown: RwSignal<Feed>, fetch: Rc<dyn Fn(i64)>) {
        live_socket::later(SLIDE_EVERY_MS, move || {
            let (what, assembly) = shown.with_untracked(|feed| (feed.screen.what, feed.assembly));
            if what.changes_by_itself() {
                fetch(assembly);
            }
            refresh_every(shown, fetch);
        });
    }
}

#[cfg(not(feature = "hydrate"))]
mod client {
    use crate::live::Feed;
    use leptos::prelude::*;

    pub fn follow(_shown: RwSignal<Feed>, _slide: RwSignal<String>, _slug: String, _start: Feed) {}
}
