//! `/{slug}/assemblees/{id}/animation`, the facilitator's console, and
//! `/{slug}/assemblees/{id}/projection`, the projector. The console is a plain page drawn
//! anew when its room changes (never while someone types in it, at most every few seconds);
//! every console action is a form post. The projector updates in place.

use super::loaded;
use crate::api::{ConsoleAction, ConsolePage, ProjectorPage, load_console, load_projector};
use crate::domain::{LiveState, QuestionOrder, order};
use crate::live::Feed;
use crate::ui::components::notice;
use crate::ui::components::{
    ConsoleKeys, FieldKind, FormField, LiveReload, Notice, PROJECTOR_COUNTED, PROJECTOR_PHRASES,
    ProjectorScreen, college_named, who_asked, written_answer,
};
use crate::ui::i18n::{I18n, use_i18n};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

fn key() -> impl Fn() -> (String, String) + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || {
        (
            params.read().get("slug").unwrap_or_default(),
            params.read().get("id").unwrap_or_default(),
        )
    }
}

#[component]
pub fn ConsoleRoute() -> impl IntoView {
    let page = Resource::new(key(), |(slug, id)| load_console(slug, id));
    loaded(page, |page| view! { <ConsoleView page/> }.into_any())
}

#[component]
pub fn ProjectorRoute() -> impl IntoView {
    let page = Resource::new(key(), |(slug, id)| load_projector(slug, id));
    loaded(page, |page| view! { <ProjectorView page/> }.into_any())
}

/// The console's keys as its help lists them, with what each does.
const SHORTCUTS: [(&str, &str); 8] = [
    ("J", "console-key-next"),
    ("K", "console-key-previous"),
    ("A", "console-key-approve"),
    ("E", "console-key-edit"),
    ("R", "console-key-reject"),
    ("H", "console-key-highlight"),
    ("D", "console-key-answered"),
    ("P", "console-key-pin"),
];

/// The key that presses an action's button while the focus is in its question
/// (`ConsoleKeys`); the console's help lists them.
fn shortcut_of(action: &str) -> Option<&'static str> {
    match action {
        "approve" => Some("a"),
        "reject" => Some("r"),
        "highlight" | "unhighlight" => Some("h"),
        "answered" | "unanswered" => Some("d"),
        "pin" | "unpin" => Some("p"),
        _ => None,
    }
}

/// A one-button form for a console action.
fn action_button(
    i18n: I18n,
    slug: &str,
    assembly: i64,
    action: &'static str,
    target: Option<(&'static str, i64)>,
    label: &'static str,
    about: Option<&str>,
) -> impl IntoView + use<> {
    let aria = about.map(|about| format!("{} : {about}", i18n.text(label)));
    let (name, value) = target.map_or(("", String::new()), |(name, id)| (name, id.to_string()));
    let shortcut = shortcut_of(action);
    view! {
        <form method="post" action=ConsoleAction::url() class="inline-form">
            <input type="hidden" name="slug" value=slug.to_owned()/>
            <input type="hidden" name="assembly" value=assembly.to_string()/>
            <input type="hidden" name="action" value=action/>
            {(!name.is_empty()).then(|| view! { <input type="hidden" name=name value=value/> })}
            <button
                type="submit"
                class="button button-quiet"
                aria-label=aria
                data-shortcut=shortcut
                aria-keyshortcuts=shortcut
            >
                {i18n.t(label)}
            </button>
        </form>
    }
}

/// The written answer to an approved question: shown, and written or changed in a
/// disclosure (open when there is one, or when it was just refused). Blank takes it away.
fn answer_form(
    i18n: I18n,
    flash: &crate::api::PageFlash,
    slug: &str,
    assembly: i64,
    question: &crate::live::FloorQuestion,
) -> impl IntoView + use<> {
    let id = question.id;
    let form = format!("q-{id}");
    let refused = flash.refusal(&form).is_some();
    let answer = flash.value(&form, "answer", question.answer.as_deref().unwrap_or(""));
    let easy = flash.value(
        &form,
        "answer_easy",
        question.answer_easy.as_deref().unwrap_or(""),
    );
    let summary = if question.answer.is_some() {
        "console-answer-change"
    } else {
        "console-answer-write"
    };
    // Staff read the answer as written (its easy-read version is in the form below).
    let written = written_answer(
        question.answer.as_ref(),
        None,
        false,
        i18n.text("live-answer"),
    );
    view! {
        {written}
        <details class="answer-form" open=refused>
            <summary>{i18n.t(summary)}</summary>
            <form method="post" action=ConsoleAction::url() class="stacked-form">
                <input type="hidden" name="slug" value=slug.to_owned()/>
                <input type="hidden" name="assembly" value=assembly.to_string()/>
                <input type="hidden" name="action" value="answer"/>
                <input type="hidden" name="question" value=id.to_string()/>
                <FormField
                    id=format!("answer-{id}")
                    name="answer"
                    label="console-answer"
                    hint="console-answer-hint"
                    kind=FieldKind::Text
                    value=answer
                    max_length=crate::domain::ANSWER_MAX
                    error=flash.error(&form, "answer")
                />
                <FormField
                    id=format!("answer-easy-{id}")
                    name="answer_easy"
                    label="console-answer-easy"
                    hint="console-answer-easy-hint"
                    kind=FieldKind::Text
                    value=easy
                    max_length=crate::domain::ANSWER_EASY_MAX
                    error=flash.error(&form, "answer_easy")
                    measured=true
                />
                <button type="submit" class="button">{i18n.t("console-answer-save")}</button>
            </form>
        </details>
    }
}

/// What the room's screen shows, and the choices that are not a question's own button:
/// the join code, the agenda item under way, one of the assembly's votes (a testimony is
/// chosen in the testimonies' section below).
fn screen_section(i18n: I18n, slug: &str, room: &crate::live::RoomState) -> impl IntoView + use<> {
    use crate::domain::ScreenKind;
    let assembly = room.assembly;
    let show =
        |what: ScreenKind, target: Option<i64>, label: &'static str, about: Option<String>| {
            let aria = about.map(|about| format!("{} : {about}", i18n.text(label)));
            view! {
                <form method="post" action=ConsoleAction::url() class="inline-form">
                    <input type="hidden" name="slug" value=slug.to_owned()/>
                    <input type="hidden" name="assembly" value=assembly.to_string()/>
                    <input type="hidden" name="action" value="show"/>
                    <input type="hidden" name="what" value=what.key()/>
                    <input
                        type="hidden"
                        name="target"
                        value=target.map(|id| id.to_string()).unwrap_or_default()
                    />
                    <button type="submit" class="button button-quiet" aria-label=aria>
                        {i18n.t(label)}
                    </button>
                </form>
            }
        };
    let now = format!("console-screen-{}", room.screen.what.key());
    let shown_vote = (room.screen.what == ScreenKind::Vote)
        .then_some(room.screen.id)
        .flatten();
    let votes = room
        .votes
        .iter()
        .map(|vote| {
            let on = shown_vote == Some(vote.id);
            let href = format!("/{slug}/votes/{}", vote.id);
            view! {
                <li>
                    <a href=href lang="fr">{vote.title.clone()}</a>
                    " "
                    {on.then(|| view! { <span class="tag">{i18n.t("console-on-screen")}</span> })}
                    {(!on).then(|| show(ScreenKind::Vote, Some(vote.id), "console-show", Some(vote.title.clone())))}
                </li>
            }
        })
        .collect_view();
    let has_votes = !room.votes.is_empty();
    view! {
        <section aria-labelledby="screen-title">
            <h2 id="screen-title">{i18n.t("console-screen")}</h2>
            <p>{i18n.t("console-screen-now")} " " <strong>{i18n.text(&now)}</strong></p>
            <div class="actions">
                {(room.screen.what != ScreenKind::Join).then(|| show(ScreenKind::Join, None, "console-show-join", None))}
                {(room.screen.what != ScreenKind::Agenda).then(|| show(ScreenKind::Agenda, None, "console-show-agenda", None))}
                {(room.screen.what != ScreenKind::Pause).then(|| show(ScreenKind::Pause, None, "console-show-pause", None))}
            </div>
            {has_votes.then(|| view! {
                <h3>{i18n.t("console-votes")}</h3>
                <ul>{votes}</ul>
            })}
        </section>
    }
}

#[component]
fn ConsoleView(page: ConsolePage) -> impl IntoView {
    let i18n = use_i18n();
    let ConsolePage {
        council_slug: slug,
        council_name,
        seq,
        room,
        colleges,
        testimonies,
        testimony_on_screen,
        polls,
        flash,
    } = page;
    let assembly = room.assembly;
    // Testimonies in the plenary: chosen here, shown on the testimony screen. A refusal is
    // already said at the top of the console.
    let mut quiet_flash = flash.clone();
    quiet_flash.refused = None;
    let testimony_screen = super::testimonies::screen_chooser(
        i18n,
        &quiet_flash,
        &slug,
        &colleges,
        &testimonies,
        testimony_on_screen,
        Some(assembly),
    );
    let here = format!("/{slug}/assemblees/{assembly}/animation");
    let projector = format!("/{slug}/assemblees/{assembly}/projection");
    let notice = notice(i18n, &flash);
    let refused = flash.refused.clone().map(|echo| {
        let message = i18n.text(&echo.message);
        view! {
            <Notice error=true>
                <p>{message}</p>
            </Notice>
        }
    });
    let live = match room.live {
        LiveState::Before => "live-before",
        LiveState::Open => "live-open",
        LiveState::Closed => "live-closed",
    };
    let pending = room
        .pending
        .clone()
        .into_iter()
        .map(|question| {
            let id = question.id;
            let body_id = format!("approve-{id}-body");
            let reason_id = format!("reject-{id}-reason");
            let body = flash.value(&format!("q-{id}"), "body", &question.body);
            view! {
                <li class="question" id=format!("q-{id}") tabindex="-1">
                    <p class="question-body" lang="fr">{question.body.clone()}</p>
                    <p class="question-meta">{who_asked(&question, |key| college_named(i18n, &colleges, key))}</p>
                    <form method="post" action=ConsoleAction::url() class="stacked-form">
                        <input type="hidden" name="slug" value=slug.clone()/>
                        <input type="hidden" name="assembly" value=assembly.to_string()/>
                        <input type="hidden" name="action" value="approve"/>
                        <input type="hidden" name="question" value=id.to_string()/>
                        <p class="field">
                            <label for=body_id.clone()>{i18n.t("console-edit")}</label>
                            <textarea
                                id=body_id
                                name="body"
                                rows="2"
                                maxlength="500"
                                data-shortcut="e"
                                aria-keyshortcuts="e"
                            >
                                {body}
                            </textarea>
                        </p>
                        <button
                            type="submit"
                            class="button"
                            data-shortcut="a"
                            aria-keyshortcuts="a"
                        >
                            {i18n.t("console-approve")}
                        </button>
                    </form>
                    <form method="post" action=ConsoleAction::url() class="stacked-form">
                        <input type="hidden" name="slug" value=slug.clone()/>
                        <input type="hidden" name="assembly" value=assembly.to_string()/>
                        <input type="hidden" name="action" value="reject"/>
                        <input type="hidden" name="question" value=id.to_string()/>
                        <p class="field">
                            <label for=reason_id.clone()>{i18n.t("console-reason")}</label>
                            <input id=reason_id name="reason" type="text" maxlength="300"/>
                        </p>
                        <button
                            type="submit"
                            class="button button-quiet"
                            data-shortcut="r"
                            aria-keyshortcuts="r"
                        >
                            {i18n.t("console-reject")}
                        </button>
                    </form>
                </li>
            }
        })
        .collect_view();
    let mut approved = room.questions.clone();
    order(&mut approved, QuestionOrder::Votes);
    let approved_list = approved
        .into_iter()
        .map(|question| {
            let id = question.id;
            let shown = room.highlighted == Some(id);
            let about = question.body.clone();
            let q = Some(("question", id));
            view! {
                <li class="question" class:highlighted=shown id=format!("q-{id}") tabindex="-1">
                    <p class="question-body" lang="fr">{question.body.clone()}</p>
                    <p class="question-meta">
                        {who_asked(&question, |key| college_named(i18n, &colleges, key))}
                        {i18n.count("live-votes", u64::try_from(question.votes).unwrap_or(0))}
                        {shown.then(|| view! { " " <span class="tag">{i18n.t("console-on-screen")}</span> })}
                        {question.answered.then(|| view! { " " <span class="tag">{i18n.t("live-answered")}</span> })}
                        {question.pinned.then(|| view! { " " <span class="tag">{i18n.t("live-pinned")}</span> })}
                    </p>
                    <div class="actions">
                        {if shown {
                            action_button(i18n, &slug, assembly, "unhighlight", None, "console-unhighlight", Some(&about)).into_any()
                        } else {
                            action_button(i18n, &slug, assembly, "highlight", q, "console-highlight", Some(&about)).into_any()
                        }}
                        {if question.answered {
                            action_button(i18n, &slug, assembly, "unanswered", q, "console-unanswered", Some(&about)).into_any()
                        } else {
                            action_button(i18n, &slug, assembly, "answered", q, "console-answered", Some(&about)).into_any()
                        }}
                        {if question.pinned {
                            action_button(i18n, &slug, assembly, "unpin", q, "console-unpin", Some(&about)).into_any()
                        } else {
                            action_button(i18n, &slug, assembly, "pin", q, "console-pin", Some(&about)).into_any()
                        }}
                        {action_button(i18n, &slug, assembly, "reject", q, "console-reject", Some(&about))}
                    </div>
                    {answer_form(i18n, &flash, &slug, assembly, &question)}
                </li>
            }
        })
        .collect_view();
    let agenda = room
        .agenda
        .clone()
        .into_iter()
        .map(|item| {
            let current = room.current_item == Some(item.id);
            let title = item.title.clone();
            view! {
                <li aria-current=current.then_some("step")>
                    <span lang="fr">{item.title}</span>
                    {if current {
                        view! { " " <span class="tag">{i18n.t("agenda-current")}</span> }.into_any()
                    } else {
                        action_button(i18n, &slug, assembly, "agenda", Some(("item", item.id)), "console-go-to", Some(&title)).into_any()
                    }}
                </li>
            }
        })
        .collect_view();
    let (moderation_action, moderation_label) = if room.premoderation {
        ("premoderation-off", "console-premoderation-off")
    } else {
        ("premoderation-on", "console-premoderation-on")
    };
    let (questions_action, questions_label) = if room.questions_open {
        ("questions-close", "console-questions-close")
    } else {
        ("questions-open", "console-questions-open")
    };
    let pending_empty = room.pending.is_empty();
    view! {
        <Title text=format!("{} — {}", i18n.text("console-title"), room.title)/>
        <LiveReload assembly=room.assembly seq=seq/>
        <ConsoleKeys/>
        <h1>{i18n.t("console-title")} " — " <span lang="fr">{room.title.clone()}</span></h1>
        <p lang="fr">{council_name}</p>
        <p class="tag">{i18n.t(live)}</p>
        {notice}
        {refused}
        <p>
            <A href=projector>{i18n.t("console-projector")}</A>
            " · "
            <A href=format!("/{slug}/assemblees/{}/presence", room.assembly)>
                {i18n.t("attendance-count-link")}
            </A>
            " · "
            <a href=here>{i18n.t("live-reload")}</a>
        </p>
        <details class="shortcuts">
            <summary>{i18n.t("console-keys")}</summary>
            <p>{i18n.t("console-keys-where")}</p>
            <dl>
                {SHORTCUTS
                    .iter()
                    .map(|(keys, id)| {
                        view! {
                            <dt>
                                <kbd>{*keys}</kbd>
                            </dt>
                            <dd>{i18n.text(id)}</dd>
                        }
                    })
                    .collect_view()}
            </dl>
        </details>
        {screen_section(i18n, &slug, &room)}
        {super::polls::console_polls(
            i18n,
            &slug,
            assembly,
            polls,
            &flash,
            (room.screen.what == crate::domain::ScreenKind::Poll).then_some(room.screen.id).flatten(),
        )}
        <section aria-labelledby="queue-title">
            <h2 id="queue-title">
                {i18n.t("console-queue")} " (" {room.pending_count.to_string()} ")"
            </h2>
            {if pending_empty {
                view! { <p>{i18n.t("console-queue-empty")}</p> }.into_any()
            } else {
                view! { <ol class="questions">{pending}</ol> }.into_any()
            }}
        </section>
        <section aria-labelledby="approved-title">
            <h2 id="approved-title">{i18n.t("console-approved")}</h2>
            <ol class="questions">{approved_list}</ol>
        </section>
        <section aria-labelledby="console-agenda-title">
            <h2 id="console-agenda-title">{i18n.t("assembly-agenda")}</h2>
            <ol class="agenda">{agenda}</ol>
        </section>
        <section aria-labelledby="settings-title">
            <h2 id="settings-title">{i18n.t("console-settings")}</h2>
            <p>
                {i18n.t(if room.premoderation { "console-premoderation-is-on" } else { "console-premoderation-is-off" })}
            </p>
            {action_button(i18n, &slug, assembly, moderation_action, None, moderation_label, None)}
            <p>
                {i18n.t(if room.questions_open { "console-questions-are-open" } else { "console-questions-are-closed" })}
            </p>
            {action_button(i18n, &slug, assembly, questions_action, None, questions_label, None)}
        </section>
        {testimony_screen}
    }
}

#[component]
fn ProjectorView(page: ProjectorPage) -> impl IntoView {
    let i18n = use_i18n();
    let ProjectorPage {
        council_slug,
        council_name,
        seq,
        room,
        join_code,
        join_link,
        qr_svg,
        colleges,
        slide,
    } = page;
    let slide = slide
        .map(|slide| super::slide_view(i18n, slide).to_html())
        .unwrap_or_default();
    let title = room.title.clone();
    let colleges = colleges
        .iter()
        .map(|c| {
            (
                c.key.as_str().to_owned(),
                college_named(i18n, &colleges, c.key.as_str()),
            )
        })
        .collect();
    let phrases = i18n
        .phrases(&PROJECTOR_PHRASES)
        .with_counts(i18n, &PROJECTOR_COUNTED);
    view! {
        <Title text=format!("{} — {}", i18n.text("projector-title"), title)/>
        <div class="projector">
            <header class="room-head">
                <h1 lang="fr">{title.clone()}</h1>
                <p class="projector-council" lang="fr">{council_name}</p>
            </header>
            <ProjectorScreen
                start=Feed::from_room(seq, room)
                slug=council_slug
                colleges
                phrases
                easy=i18n.reading().1
                slide
            >
                <section class="projector-join" aria-labelledby="projector-join-title">
                    <h2 id="projector-join-title">{i18n.t("assembly-join")}</h2>
                    <p class="join-code">
                        <span>{i18n.t("assembly-join-code")}</span>
                        " "
                        <strong>{join_code.spaced()}</strong>
                    </p>
                    <figure class="qr">
                        <div inner_html=qr_svg></div>
                        // Without its scheme: what anyone types into a phone's browser, and
                        // short enough to stay on one line beside the code.
                        <figcaption>{join_link.trim_start_matches("https://").trim_start_matches("http://").to_owned()}</figcaption>
                    </figure>
                </section>
            </ProjectorScreen>
        </div>
    }
}
