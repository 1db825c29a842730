//! `/{slug}/assemblees/{id}/direct`: the participant's live page, phone first. Without
//! JavaScript it is a page to reload and two plain forms (ask, support); the questions are
//! approved ones only, and asking is anonymous unless one chooses to give a first name.

use super::council::college_name;
use super::loaded;
use crate::api::{AskQuestion, LivePage, SupportQuestion, load_live_page};
use crate::domain::{LiveState, QUESTION_MAX, QuestionOrder};
use crate::live::QuestionView;
use crate::ui::i18n::{I18n, use_i18n};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn LiveRoute() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let key = move || {
        (
            params.read().get("slug").unwrap_or_default(),
            params.read().get("id").unwrap_or_default(),
            query.read().get("ordre").unwrap_or_default(),
        )
    };
    let page = Resource::new(key, |(slug, id, order)| load_live_page(slug, id, order));
    loaded(page, |page| view! { <LiveView page/> }.into_any())
}

#[component]
fn LiveView(page: LivePage) -> impl IntoView {
    let i18n = use_i18n();
    let here = format!("/{}/assemblees/{}/direct", page.council_slug, page.assembly);
    let assembly_href = format!("/{}/assemblees/{}", page.council_slug, page.assembly);
    let notice = page.flash.notice.clone().map(|id| {
        view! {
            <div class="notice" role="status">
                <p>{i18n.text(&id)}</p>
            </div>
        }
    });
    let support_refused = page.flash.refusal("support").map(|echo| {
        let message = i18n.text(&echo.message);
        view! {
            <div class="notice notice-error" role="alert">
                <p>{message}</p>
            </div>
        }
    });
    let state = match page.live {
        LiveState::Before => "live-before",
        LiveState::Open => "live-open",
        LiveState::Closed => "live-closed",
    };
    let current = page.current_item.clone().map(|title| {
        view! {
            <p class="lead">
                <strong>{i18n.t("live-current-item")}</strong>
                " "
                <span lang="fr">{title}</span>
            </p>
        }
    });
    let can_ask = page.live == LiveState::Open && page.questions_open;
    let ask = can_ask.then(|| view! { <AskForm page=page.clone()/> });
    let closed_note = (!can_ask).then(|| view! { <p>{i18n.t("live-cannot-ask")}</p> });
    let pending = (page.pending_count > 0)
        .then(|| view! { <p>{i18n.count("live-pending", u64::from(page.pending_count))}</p> });
    let by_votes = format!("{here}#questions-title");
    let newest = format!("{here}?ordre=recentes#questions-title");
    let (votes_current, newest_current) = match page.order {
        QuestionOrder::Votes => (Some("page"), None),
        QuestionOrder::Newest => (None, Some("page")),
    };
    let empty = page.questions.is_empty();
    let supported = page.supported.clone();
    let open = page.live == LiveState::Open;
    let questions = page
        .questions
        .clone()
        .into_iter()
        .map(|question| {
            let mine = supported.contains(&question.id);
            view! {
                <QuestionItem
                    question
                    supported=mine
                    can_support=open
                    slug=page.council_slug.clone()
                    assembly=page.assembly
                />
            }
        })
        .collect_view();
    view! {
        <Title text=format!("{} — {}", i18n.text("live-title"), page.title)/>
        <p>
            <A href=assembly_href>
                <span lang="fr">{page.title.clone()}</span>
            </A>
        </p>
        <h1>{i18n.t("live-title")}</h1>
        <p class="tag">{i18n.t(state)}</p>
        {current}
        {notice}
        {ask}
        {closed_note}
        <section aria-labelledby="questions-title">
            <h2 id="questions-title">{i18n.t("live-questions")}</h2>
            {support_refused}
            <nav aria-label=i18n.t("live-order")>
                <ul class="order-links">
                    <li>
                        <a href=by_votes aria-current=votes_current>
                            {i18n.t("live-order-votes")}
                        </a>
                    </li>
                    <li>
                        <a href=newest aria-current=newest_current>
                            {i18n.t("live-order-newest")}
                        </a>
                    </li>
                </ul>
            </nav>
            {pending}
            {if empty {
                view! { <p>{i18n.t("live-no-questions")}</p> }.into_any()
            } else {
                view! { <ol class="questions">{questions}</ol> }.into_any()
            }}
            <p>
                <a href=here class="button button-quiet">
                    {i18n.t("live-reload")}
                </a>
            </p>
        </section>
    }
}

#[component]
fn AskForm(page: LivePage) -> impl IntoView {
    let i18n = use_i18n();
    let flash = page.flash.clone();
    let error = flash.error("ask", "body");
    let invalid = error.is_some().then_some("true");
    let described = if error.is_some() {
        "ask-body-hint ask-body-error"
    } else {
        "ask-body-hint"
    };
    let body = flash.value("ask", "body", "");
    let first_name = flash.value("ask", "first_name", "");
    let chosen = flash.value("ask", "college", "");
    let hint = if page.premoderation {
        "live-ask-hint-moderated"
    } else {
        "live-ask-hint"
    };
    let colleges = page
        .colleges
        .clone()
        .into_iter()
        .map(|college| {
            let key = college.key.as_str().to_owned();
            let selected = key == chosen;
            view! { <option value=key selected=selected>{college_name(i18n, college)}</option> }
        })
        .collect_view();
    view! {
        <section aria-labelledby="ask-title">
            <h2 id="ask-title">{i18n.t("live-ask")}</h2>
            <form method="post" action=AskQuestion::url() class="stacked-form">
                <input type="hidden" name="slug" value=page.council_slug.clone()/>
                <input type="hidden" name="assembly" value=page.assembly.to_string()/>
                <p class="field" class:field-invalid=error.is_some()>
                    <label for="ask-body">{i18n.t("live-ask-body")}</label>
                    <span class="hint" id="ask-body-hint">{i18n.t(hint)}</span>
                    {error
                        .clone()
                        .map(|id| {
                            view! {
                                <span class="field-error" id="ask-body-error">
                                    {i18n.text(&id)}
                                </span>
                            }
                        })}
                    <textarea
                        id="ask-body"
                        name="body"
                        rows="3"
                        required
                        maxlength=QUESTION_MAX.to_string()
                        aria-describedby=described
                        aria-invalid=invalid
                    >
                        {body}
                    </textarea>
                </p>
                <details class="ask-more">
                    <summary>{i18n.t("live-ask-more")}</summary>
                    <p class="field">
                        <label for="ask-first-name">{i18n.t("live-ask-first-name")}</label>
                        <input
                            id="ask-first-name"
                            name="first_name"
                            type="text"
                            maxlength="40"
                            autocomplete="given-name"
                            value=first_name
                        />
                    </p>
                    <p class="field">
                        <label for="ask-college">{i18n.t("live-ask-college")}</label>
                        <select id="ask-college" name="college">
                            <option value="">{i18n.t("live-ask-college-none")}</option>
                            {colleges}
                        </select>
                    </p>
                </details>
                <button type="submit" class="button">{i18n.t("live-ask-submit")}</button>
            </form>
        </section>
    }
}

#[component]
fn QuestionItem(
    question: QuestionView,
    supported: bool,
    can_support: bool,
    slug: String,
    assembly: i64,
) -> impl IntoView {
    let i18n = use_i18n();
    let votes = i18n.count("live-votes", u64::try_from(question.votes).unwrap_or(0));
    let who = who_asked(i18n, &question);
    let support = if supported {
        view! { <p class="tag">{i18n.t("live-supported")}</p> }.into_any()
    } else if can_support {
        let label = format!("{} : {}", i18n.text("live-support"), question.body);
        view! {
            <form method="post" action=SupportQuestion::url() class="inline-form">
                <input type="hidden" name="slug" value=slug/>
                <input type="hidden" name="assembly" value=assembly.to_string()/>
                <input type="hidden" name="question" value=question.id.to_string()/>
                <button type="submit" class="button button-quiet" aria-label=label>
                    {i18n.t("live-support")}
                </button>
            </form>
        }
        .into_any()
    } else {
        ().into_any()
    };
    view! {
        <li class="question" class:answered=question.answered>
            <p class="question-body" lang="fr">{question.body.clone()}</p>
            <p class="question-meta">
                {who}
                <span class="votes">{votes}</span>
                {question.pinned.then(|| view! { " " <span class="tag">{i18n.t("live-pinned")}</span> })}
                {question.answered.then(|| view! { " " <span class="tag">{i18n.t("live-answered")}</span> })}
            </p>
            {support}
        </li>
    }
}

/// "Léa, Aidants — ": what the asker chose to say of themselves, before the rest of a
/// question's details; empty for an anonymous question.
pub(super) fn who_asked(i18n: I18n, question: &QuestionView) -> String {
    let name = question.first_name.clone();
    let college = question.college.clone().map(|key| {
        crate::domain::CollegeKey::parse(&key)
            .filter(crate::domain::CollegeKey::is_default)
            .map(|key| i18n.text(&format!("college-{}", key.as_str())))
            .unwrap_or(key)
    });
    match (name, college) {
        (None, None) => String::new(),
        (Some(name), None) => format!("{name} — "),
        (None, Some(college)) => format!("{college} — "),
        (Some(name), Some(college)) => format!("{name}, {college} — "),
    }
}
