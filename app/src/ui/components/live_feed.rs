//! The participants' view of a room: the current agenda item and the approved questions,
//! following the room's websocket in place. New questions, answers and agenda moves are
//! announced politely to screen readers; the feed can be paused (WCAG 2.2.2: content that
//! moves by itself must be stoppable), and then shows how many changes wait.
//!
//! Without JavaScript it is the server-rendered list, a reload link and plain support forms.
//! With it, a participant who already has a participant cookie supports a question over
//! the socket; one who has none yet sends the form (that first write sets the cookie).

use crate::domain::{QuestionOrder, order};
use crate::live::{Feed, FloorQuestion};
use crate::ui::i18n::Phrases;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use serde::{Deserialize, Serialize};

/// Every fixed text the island shows or announces.
pub const FEED_PHRASES: [&str; 18] = [
    "live-current-item",
    "live-answer",
    "live-news-vote",
    "live-news-poll",
    "live-questions",
    "live-order",
    "live-order-votes",
    "live-order-newest",
    "live-no-questions",
    "live-reload",
    "live-support",
    "live-supported",
    "live-pinned",
    "live-answered",
    "live-pause",
    "live-news-question",
    "live-news-answered",
    "saved-supported",
];

/// The texts of the island that take a number.
pub const FEED_COUNTED: [&str; 4] = [
    "live-votes",
    "live-pending",
    "live-resume",
    "live-news-many",
];

/// What the page hands the island (everything but the texts).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeedStart {
    pub slug: String,
    pub feed: Feed,
    pub order: QuestionOrder,
    /// The questions this participant supports already.
    pub supported: Vec<i64>,
    /// Whether supporting is possible now (the live part is open).
    pub can_support: bool,
    /// Whether the browser carries a participant cookie, so that support sent over the
    /// socket counts for the same participant as the forms.
    pub identified: bool,
    /// The names of the council's colleges, by key.
    pub colleges: Vec<(String, String)>,
    /// Why the last support was refused, already translated.
    pub refusal: Option<String>,
    /// Easy-read: written answers in their easy-read version where there is one.
    pub easy: bool,
    /// The assembly's votes as the server drew them (`/api/room_votes` draws them anew
    /// when one opens, closes or shows its results).
    pub votes: String,
}

impl FeedStart {
    fn college_name(&self, key: &str) -> String {
        self.colleges
            .iter()
            .find(|(k, _)| k == key)
            .map_or_else(|| key.to_owned(), |(_, name)| name.clone())
    }
}

/// "Léa, Aidants — ": what the asker chose to say of themselves, before the rest of a
/// question's details; empty for an anonymous question.
pub fn who_asked(question: &FloorQuestion, college_name: impl Fn(&str) -> String) -> String {
    let college = question.college.as_deref().map(college_name);
    match (question.first_name.clone(), college) {
        (None, None) => String::new(),
        (Some(name), None) => format!("{name} — "),
        (None, Some(college)) => format!("{college} — "),
        (Some(name), Some(college)) => format!("{name}, {college} — "),
    }
}

/// A facilitator's written answer under its question, wherever it is shown (live page,
/// projector, console, the assembly's record): the easy-read version in easy-read mode where
/// there is one. `label` is the `live-answer` phrase.
pub fn written_answer(
    answer: Option<&String>,
    answer_easy: Option<&String>,
    easy: bool,
    label: String,
) -> Option<AnyView> {
    let answer = if easy { answer_easy.or(answer) } else { answer }?;
    Some(
        view! {
            <div class="answer">
                <p class="answer-label">{label}</p>
                <p class="answer-body" lang="fr">{answer.clone()}</p>
            </div>
        }
        .into_any(),
    )
}

/// The island's signals, shared with the socket's callbacks.
#[derive(Clone)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))] // read by the browser side only
pub struct Follow {
    shown: RwSignal<Feed>,
    supported: RwSignal<Vec<i64>>,
    paused: RwSignal<bool>,
    /// Changes that arrived while paused.
    waiting: RwSignal<u64>,
    /// Whether the room is followed (JavaScript runs and the socket is open).
    following: RwSignal<bool>,
    announcement: RwSignal<String>,
    alert: RwSignal<Option<String>>,
    phrases: Phrases,
    /// The votes' markup, and the votes it shows (drawn anew when they change).
    votes: RwSignal<String>,
    votes_seen: RwSignal<(Vec<crate::live::RoomVote>, Vec<crate::live::RoomPoll>)>,
    slug: String,
}

#[island]
pub fn LiveFeed(start: FeedStart, phrases: Phrases, children: Children) -> impl IntoView {
    let shown = RwSignal::new(start.feed.clone());
    let supported = RwSignal::new(start.supported.clone());
    let paused = RwSignal::new(false);
    let waiting = RwSignal::new(0u64);
    let following = RwSignal::new(false);
    let announcement = RwSignal::new(String::new());
    let alert = RwSignal::new(start.refusal.clone());
    let votes = RwSignal::new(start.votes.clone());
    let feed = Follow {
        shown,
        supported,
        paused,
        waiting,
        following,
        announcement,
        alert,
        phrases: phrases.clone(),
        votes,
        votes_seen: RwSignal::new((start.feed.votes.clone(), start.feed.polls.clone())),
        slug: start.slug.clone(),
    };
    let latest = start.feed.clone();
    let followed = feed.clone();
    Effect::new(move |_| client::follow(followed.clone(), latest.clone()));

    let here = format!("/{}/assemblees/{}/direct", start.slug, start.feed.assembly);
    let by_votes = format!("{here}#questions-title");
    let newest = format!("{here}?ordre=recentes#questions-title");
    let (votes_current, newest_current) = match start.order {
        QuestionOrder::Votes => (Some("page"), None),
        QuestionOrder::Newest => (None, Some("page")),
    };
    let p = phrases.clone();
    let current = move || {
        let p = p.clone();
        shown.with(|feed| {
            feed.current_title().map(|title| {
                view! {
                    <p class="lead">
                        <strong>{p.get("live-current-item")}</strong>
                        " "
                        <span lang="fr">{title.to_owned()}</span>
                    </p>
                }
            })
        })
    };
    let p = phrases.clone();
    let pending = move || {
        let count = u64::from(shown.with(|feed| feed.pending));
        (count > 0).then(|| view! { <p>{p.count("live-pending", count)}</p> })
    };
    let p = phrases.clone();
    let pause_label = move || {
        if paused.get() {
            p.count("live-resume", waiting.get())
        } else {
            p.get("live-pause")
        }
    };
    let by = start.order;
    let rows = move || {
        let mut questions = shown.with(|feed| feed.questions.clone());
        order(&mut questions, by);
        let mine = supported.get();
        questions
            .into_iter()
            .map(|question| {
                let supported = mine.contains(&question.id);
                (question, supported)
            })
            .collect::<Vec<_>>()
    };
    let start = std::sync::Arc::new(start);
    let item_start = start.clone();
    let item_phrases = phrases.clone();
    let item_feed = feed.clone();
    let pause_feed = feed.clone();
    let p = phrases.clone();
    view! {
        <div class="live-feed">
            <div class="room-votes" inner_html=move || votes.get()></div>
            {current}
            {children()}
            <section aria-labelledby="questions-title">
                <h2 id="questions-title">{phrases.get("live-questions")}</h2>
                {move || alert.get().map(|message| view! {
                    <div class="notice notice-error" role="alert">
                        <p>{message}</p>
                    </div>
                })}
                <nav aria-label=phrases.get("live-order")>
                    <ul class="order-links">
                        <li>
                            <a href=by_votes aria-current=votes_current>
                                {phrases.get("live-order-votes")}
                            </a>
                        </li>
                        <li>
                            <a href=newest aria-current=newest_current>
                                {phrases.get("live-order-newest")}
                            </a>
                        </li>
                    </ul>
                </nav>
                <p class="feed-controls" hidden=move || !following.get()>
                    <button
                        type="button"
                        class="button button-quiet"
                        on:click=move |_| client::toggle_pause(pause_feed.clone())
                    >
                        {pause_label}
                    </button>
                </p>
                <p class="visually-hidden" role="status">{move || announcement.get()}</p>
                {pending}
                <p hidden=move || shown.with(|feed| !feed.questions.is_empty())>
                    {p.get("live-no-questions")}
                </p>
                <ol class="questions">
                    <For
                        each=rows
                        key=|(q, supported)| {
                            (q.id, q.votes, q.answered, q.pinned, *supported, q.answer.clone(), q.answer_easy.clone())
                        }
                        children=move |(question, supported)| {
                            view! {
                                <FeedItem
                                    question
                                    supported
                                    start=item_start.clone()
                                    phrases=item_phrases.clone()
                                    feed=item_feed.clone()
                                />
                            }
                        }
                    />
                </ol>
                <p hidden=move || following.get()>
                    <a href=here class="button button-quiet">
                        {phrases.get("live-reload")}
                    </a>
                </p>
            </section>
        </div>
    }
}

#[component]
fn FeedItem(
    question: FloorQuestion,
    supported: bool,
    start: std::sync::Arc<FeedStart>,
    phrases: Phrases,
    feed: Follow,
) -> impl IntoView {
    let votes = phrases.count("live-votes", u64::try_from(question.votes).unwrap_or(0));
    let who = who_asked(&question, |key| start.college_name(key));
    let id = question.id;
    let support = if supported {
        view! {
            <p class="tag" id=format!("supported-{id}") tabindex="-1">
                {phrases.get("live-supported")}
            </p>
        }
        .into_any()
    } else if start.can_support {
        let label = format!("{} : {}", phrases.get("live-support"), question.body);
        let identified = start.identified;
        view! {
            <form
                method="post"
                action=crate::api::SupportQuestion::url()
                class="inline-form"
                on:submit=move |event| {
                    if identified && client::support(&feed, id) {
                        event.prevent_default();
                    }
                }
            >
                <input type="hidden" name="slug" value=start.slug.clone()/>
                <input type="hidden" name="assembly" value=start.feed.assembly.to_string()/>
                <input type="hidden" name="question" value=id.to_string()/>
                <button
                    type="submit"
                    class="button button-quiet"
                    id=format!("support-{id}")
                    aria-label=label
                >
                    {phrases.get("live-support")}
                </button>
            </form>
        }
        .into_any()
    } else {
        ().into_any()
    };
    let pinned = question
        .pinned
        .then(|| view! { " " <span class="tag">{phrases.get("live-pinned")}</span> });
    let answered = question
        .answered
        .then(|| view! { " " <span class="tag">{phrases.get("live-answered")}</span> });
    let answer = written_answer(
        question.answer.as_ref(),
        question.answer_easy.as_ref(),
        start.easy,
        phrases.get("live-answer"),
    );
    view! {
        <li class="question" class:answered=question.answered>
            <p class="question-body" lang="fr">{question.body.clone()}</p>
            <p class="question-meta">
                {who}
                <span class="votes">{votes}</span>
                {pinned}
                {answered}
            </p>
            {answer}
            {support}
        </li>
    }
}

#[cfg(feature = "hydrate")]
mod client {
    use super::super::live_socket::{self, Follower, Hooks};
    use super::Follow;
    use crate::live::{Feed, News, ServerMessage};
    use leptos::prelude::*;
    use std::cell::RefCell;
    use std::rc::Rc;

    /// News arriving together is announced together, after this pause.
    const ANNOUNCE_MS: i32 = 1500;
    /// How long to wait before looking again whether someone still types.
    const TYPING_WAIT_MS: i32 = 2000;

    thread_local! {
        static FOLLOWER: RefCell<Option<Rc<Follower>>> = const { RefCell::new(None) };
        static NEWS: RefCell<Vec<News>> = const { RefCell::new(Vec::new()) };
    }

    pub fn follow(feed: Follow, start: Feed) {
        live_socket::watch_submits();
        let (connected, changed_feed, answered) = (feed.clone(), feed.clone(), feed);
        let follower = Follower::start(
            start,
            Hooks {
                connected: Box::new(move |open| connected.following.set(open)),
                changed: Box::new(move |latest, news| changed(&changed_feed, latest, news)),
                answered: Box::new(move |answer| reply(&answered, answer)),
            },
        );
        FOLLOWER.with(|slot| *slot.borrow_mut() = Some(follower));
    }

    fn reply(feed: &Follow, answer: ServerMessage) {
        match answer {
            ServerMessage::Ack {
                reference: Some(reference),
                ..
            } => {
                if let Some(question) = supported_reference(&reference) {
                    feed.alert.set(None);
                    // The button is gone; the focus goes to what replaced it.
                    let replaced = format!("supported-{question}");
                    keep_focus(Some(replaced), || {
                        feed.supported.update(|mine| mine.push(question));
                    });
                    feed.announcement.set(feed.phrases.get("saved-supported"));
                }
            }
            ServerMessage::Error {
                reference: Some(reference),
                message,
                ..
            } if supported_reference(&reference).is_some() => feed.alert.set(Some(message)),
            _ => {}
        }
    }

    fn supported_reference(reference: &str) -> Option<i64> {
        reference.strip_prefix("support-")?.parse().ok()
    }

    fn document() -> Option<web_sys::Document> {
        web_sys::window()?.document()
    }

    /// Runs `update`, which may draw anew the question that holds the focus (its votes
    /// changed): the focus then comes back to the element of the same id — or to `instead`
    /// when given — rather than falling to the top of the page.
    fn keep_focus(instead: Option<String>, update: impl FnOnce()) {
        let had = document()
            .and_then(|d| d.active_element())
            .map(|element| element.id())
            .filter(|id| !id.is_empty());
        update();
        let Some(target) = instead.or(had) else {
            return;
        };
        // After the redraw, which runs once this event's handlers are done.
        live_socket::later(0, move || {
            use wasm_bindgen::JsCast;
            let Some(document) = document() else {
                return;
            };
            let lost = document
                .active_element()
                .is_none_or(|active| active.id() != target);
            if let (true, Some(element)) = (
                lost,
                document
                    .get_element_by_id(&target)
                    .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok()),
            ) {
                let _ = element.focus();
            }
        });
    }

    /// The room changed: show it, unless paused (then only count it).
    fn changed(feed: &Follow, latest: &Feed, news: Option<News>) {
        // The votes are drawn anew whether or not the questions are paused: a vote opening
        // is the one thing to act on now.
        let now = (latest.votes.clone(), latest.polls.clone());
        if feed.votes_seen.with_untracked(|seen| *seen != now) {
            feed.votes_seen.set(now);
            redraw_activities(
                feed.votes,
                format!("/api/room_votes?slug={}&id={}", feed.slug, latest.assembly),
            );
        }
        if feed.paused.get_untracked() {
            feed.waiting.update(|waiting| *waiting += 1);
            return;
        }
        let latest = latest.clone();
        keep_focus(None, || feed.shown.set(latest));
        if let Some(news) = news {
            let first = NEWS.with(|queue| {
                let mut queue = queue.borrow_mut();
                queue.push(news);
                queue.len() == 1
            });
            if first {
                let feed = feed.clone();
                live_socket::later(ANNOUNCE_MS, move || announce(&feed));
            }
        }
    }

    /// Fetches the votes and polls drawn anew, once nobody is typing in them (a word being
    /// written for a cloud would be lost).
    fn redraw_activities(target: RwSignal<String>, url: String) {
        if live_socket::typing() {
            live_socket::later(TYPING_WAIT_MS, move || redraw_activities(target, url));
            return;
        }
        leptos::task::spawn_local(async move {
            if let Some(markup) = live_socket::fetch_markup(&url).await {
                target.set(markup);
            }
        });
    }

    /// Says what arrived since the last announcement: itself when it is one thing, how many
    /// otherwise (a busy room must not drown a screen reader).
    fn announce(feed: &Follow) {
        let news = NEWS.with(|queue| std::mem::take(&mut *queue.borrow_mut()));
        let p = &feed.phrases;
        // A vote opening is always said in full: it is the one thing to act on now.
        let (votes, others): (Vec<News>, Vec<News>) = news
            .into_iter()
            .partition(|news| matches!(news, News::VoteOpened(_) | News::PollOpened(_)));
        let mut said: Vec<String> = votes
            .iter()
            .filter_map(|news| match news {
                News::VoteOpened(title) => Some(format!("{} {title}", p.get("live-news-vote"))),
                News::PollOpened(question) => {
                    Some(format!("{} {question}", p.get("live-news-poll")))
                }
                _ => None,
            })
            .collect();
        match others.as_slice() {
            [] => {}
            [News::NewQuestion(body)] => {
                said.push(format!("{} {body}", p.get("live-news-question")))
            }
            [News::Answered(body)] => said.push(format!("{} {body}", p.get("live-news-answered"))),
            [News::Agenda(title)] => said.push(format!("{} {title}", p.get("live-current-item"))),
            many => said.push(p.count("live-news-many", many.len() as u64)),
        }
        if said.is_empty() {
            return;
        }
        feed.announcement.set(said.join(" "));
    }

    pub fn toggle_pause(feed: Follow) {
        if feed.paused.get_untracked() {
            feed.paused.set(false);
            feed.waiting.set(0);
            if let Some(latest) = FOLLOWER.with(|slot| slot.borrow().as_ref().map(|f| f.latest())) {
                changed(&feed, &latest, None);
            }
        } else {
            feed.paused.set(true);
        }
    }

    /// Sends a support over the socket; false when there is none open (the form then goes).
    pub fn support(_feed: &Follow, question: i64) -> bool {
        let command =
            format!(r#"{{"type":"upvote","ref":"support-{question}","question":{question}}}"#);
        FOLLOWER.with(|slot| slot.borrow().as_ref().is_some_and(|f| f.send(&command)))
    }
}

#[cfg(not(feature = "hydrate"))]
mod client {
    use super::Follow;
    use crate::live::Feed;

    pub fn follow(_feed: Follow, _start: Feed) {}
    pub fn toggle_pause(_feed: Follow) {}
    pub fn support(_feed: &Follow, _question: i64) -> bool {
        false
    }
}
