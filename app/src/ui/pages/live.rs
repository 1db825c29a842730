//! `/{slug}/assemblees/{id}/direct`: the participant's live page, phone first. The list of
//! questions follows the room by itself (the `LiveFeed` island); without JavaScript it is a
//! page to reload and two plain forms (ask, support). The questions are approved ones only,
//! and asking is anonymous unless one chooses to give a first name.

use super::loaded;
use crate::api::{AskQuestion, LivePage, load_live_page};
use crate::domain::{LiveState, QUESTION_MAX};
use crate::ui::components::college_name;
use crate::ui::components::notice;
use crate::ui::components::{FEED_COUNTED, FEED_PHRASES, FeedStart, LiveFeed, ReadAloudEach};
use crate::ui::i18n::use_i18n;
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
    let assembly_href = format!("/{}/assemblees/{}", page.council_slug, page.feed.assembly);
    let notice = notice(i18n, &page.flash);
    let state = match page.live {
        LiveState::Before => "live-before",
        LiveState::Open => "live-open",
        LiveState::Closed => "live-closed",
    };
    let can_ask = page.live == LiveState::Open && page.questions_open;
    let ask = can_ask.then(|| view! { <AskForm page=page.clone()/> });
    let closed_note = (!can_ask).then(|| view! { <p>{i18n.t("live-cannot-ask")}</p> });
    let colleges = page
        .colleges
        .iter()
        .map(|college| {
            (
                college.key.as_str().to_owned(),
                college_name(i18n, college.clone())(),
            )
        })
        .collect();
    let start = FeedStart {
        slug: page.council_slug.clone(),
        feed: page.feed.clone(),
        order: page.order,
        supported: page.supported.clone(),
        can_support: page.live == LiveState::Open,
        identified: page.identified,
        colleges,
        easy: i18n.reading().1,
        votes: super::room_slide::activities_markup(
            i18n,
            &page.council_slug,
            page.feed.assembly,
            page.votes.clone(),
            page.polls.clone(),
            &page.flash,
        ),
        refusal: page
            .flash
            .refusal("support")
            .map(|echo| i18n.text(&echo.message)),
    };
    let phrases = i18n.phrases(&FEED_PHRASES).with_counts(i18n, &FEED_COUNTED);
    let presence = super::attendance::presence_form(i18n, &page);
    let testify = format!(
        "/{}/temoignages/nouveau?assemblee={}",
        page.council_slug, page.feed.assembly
    );
    view! {
        <Title text=format!("{} — {}", i18n.text("live-title"), page.title)/>
        <p>
            <A href=assembly_href>
                <span lang="fr">{page.title.clone()}</span>
            </A>
        </p>
        <h1>{i18n.t("live-title")}</h1>
        <p class="tag">{i18n.t(state)}</p>
        <LiveFeed start phrases>
            {notice}
            {ask}
            {closed_note}
        </LiveFeed>
        {presence}
        <p>
            <A href=testify>{i18n.t("testimony-from-assembly")}</A>
        </p>
        <ReadAloudEach texts="ol.questions .question-body"/>
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
    // A retired college is no longer offered (it still names past questions).
    let colleges = crate::domain::offered_colleges(&page.colleges)
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
                <input type="hidden" name="assembly" value=page.feed.assembly.to_string()/>
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
                        autofocus=invalid.is_some()
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
