//! Testimonies, for the people who tell them: `/{slug}/temoignages/nouveau`, a guided form
//! (what happened, what helped, what should change) beside a calm panel of help; and
//! `/{slug}/temoignages/suivi`, where its author, having opened their private link, follows
//! it, changes who may see it, edits it when asked, or withdraws it. Plain forms throughout.

mod follow;
mod moderation;
mod post;
mod screen;
pub use follow::*;
pub(crate) use moderation::*;
pub use post::*;
pub use screen::*;

use super::loaded;
use crate::api::{
    ActOnTestimony, DeleteTestimony, ModerateTestimony, PageFlash, PostTestimony, ShowTestimony,
    TestimoniesPage, TestimonyAudio, TestimonyFormPage, TestimonyLinkPage, TestimonyScreenPage,
    load_testimonies, load_testimony_form, load_testimony_link, load_testimony_screen,
};
use crate::domain::testimony::{
    Consent, NOTE_MAX, PART_MAX, PSEUDONYM_MAX, Review, Story, Testimony,
};
use crate::ui::components::{Crumb, Label, PageHeader};
use crate::ui::components::{FieldKind, FollowedScreen, FormField, Picto, ReadAloud};
use crate::ui::components::{form_refusal, notice};
use crate::ui::i18n::{I18n, use_i18n};
use crate::ui::prefs::use_preferences;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// The crisis numbers again, calmly, inside the page (the header's links are on every
/// page; this says it in words, before posting and after). `prominent` when the text
/// suggested acute distress: first on the page, said more directly. `local`: the council's
/// own resources (its settings), after the national numbers.
pub(super) fn help_panel(i18n: I18n, prominent: bool, local: &[String]) -> impl IntoView + use<> {
    let numbers = [
        ("3114", "tel:3114", "crisis-3114"),
        ("15", "tel:15", "crisis-15"),
        ("112", "tel:112", "crisis-112"),
        ("114", "sms:114", "crisis-114"),
    ];
    let (class, title, intro) = if prominent {
        (
            "card help-panel help-panel-prominent",
            "testimony-help-prominent-title",
            "testimony-help-prominent",
        )
    } else {
        ("card help-panel", "testimony-help-title", "testimony-help")
    };
    view! {
        <section class=class aria-labelledby="help-title">
            <h2 id="help-title">
                <Picto name="crisis"/>
                {i18n.t(title)}
            </h2>
            <p>{i18n.t(intro)}</p>
            <ul class="crisis-numbers">
                {numbers
                    .into_iter()
                    .map(|(number, href, label)| {
                        view! {
                            <li>
                                <a href=href class="crisis-number">{number}</a>
                                " "
                                <span>{i18n.t(label)}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            {(!local.is_empty()).then(|| view! {
                <h3>{i18n.t("testimony-help-local")}</h3>
                <ul class="local-help" lang="fr">
                    {local.iter().map(|line| view! { <li>{line.clone()}</li> }).collect_view()}
                </ul>
            })}
        </section>
    }
}

/// The author's own testimony, part by part (only the parts written).
pub(super) fn story_view(i18n: I18n, story: &Story) -> impl IntoView + use<> {
    let parts = story
        .parts()
        .into_iter()
        .filter(|(_, text)| !text.is_empty())
        .map(|(name, text)| {
            let label = match name {
                "happened" => "testimony-happened",
                "helped" => "testimony-helped",
                _ => "testimony-change",
            };
            view! {
                <h3>{i18n.t(label)}</h3>
                <p class="testimony-text" lang="fr">{text.to_owned()}</p>
            }
        })
        .collect_view();
    view! { <div class="testimony-story">{parts}</div> }
}

/// `/{slug}/temoignages`: the wall, and for moderators the queue.
#[component]
pub fn TestimoniesRoute() -> impl IntoView {
    let params = use_params_map();
    let query = leptos_router::hooks::use_query_map();
    let page = Resource::new(
        move || {
            let page = query
                .read()
                .get("page")
                .and_then(|page| page.parse().ok())
                .unwrap_or(1);
            (params.read().get("slug").unwrap_or_default(), page)
        },
        |(slug, page)| load_testimonies(slug, page),
    );
    loaded(page, |page| view! { <TestimoniesView page/> }.into_any())
}

/// Who told it and when, as far as they said: pseudonym (or anonymous), college, month.
fn byline(i18n: I18n, testimony: &Testimony, colleges: &[crate::domain::College]) -> String {
    let who = testimony
        .pseudonym
        .clone()
        .unwrap_or_else(|| i18n.text("testimony-anonymous"));
    let college = testimony
        .college
        .as_ref()
        .map(|key| crate::ui::components::college_named(i18n, colleges, key));
    let (year, month) = testimony.posted;
    let when = format!("{} {year}", i18n.text(&format!("month-{month}")));
    [Some(who), college, Some(when)]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ")
}

/// One published testimony: a content warning keeps it folded until the reader opens it
/// (a `<details>`: no script); in easy-read, the moderator's summary comes first.
pub(crate) fn wall_item(
    i18n: I18n,
    testimony: &Testimony,
    colleges: &[crate::domain::College],
    easy: bool,
    // Its place on the wall, to name it to a screen reader (the id is random).
    position: usize,
) -> impl IntoView + use<> {
    // "Listen" reads what is shown: the easy summary, else the story, and a story behind a
    // content warning only once the reader has opened it.
    let anchor = format!("temoignage-{}", testimony.id);
    let about = i18n.with("testimony-numbered", &[("n", &position.to_string())]);
    let (story_id, summary_id) = (format!("{anchor}-texte"), format!("{anchor}-resume"));
    let story = view! {
        <div id=story_id.clone()>{story_view(i18n, &testimony.story)}</div>
    };
    let listen = |read: &str| view! { <ReadAloud read=read.to_owned() about=about.clone()/> };
    let summary = testimony.easy_summary.clone().filter(|_| easy).map(|text| {
        view! {
            <p class="lead" lang="fr" id=summary_id.clone()>{text}</p>
            {listen(&summary_id)}
        }
    });
    let body = match (&testimony.content_warning, summary.is_some()) {
        (Some(warning), _) => view! {
            <details>
                <summary>
                    {i18n.t("testimony-warning")} " " <span lang="fr">{warning.clone()}</span>
                    " — " {i18n.t("testimony-open")}
                </summary>
                {listen(&story_id)}
                {story}
            </details>
        }
        .into_any(),
        (None, true) => view! {
            <details>
                <summary>{i18n.t("testimony-read-all")}</summary>
                {story}
            </details>
        }
        .into_any(),
        (None, false) => view! {
            {listen(&story_id)}
            {story}
        }
        .into_any(),
    };
    view! {
        <article class="card testimony" id=anchor>
            <p class="byline">{byline(i18n, testimony, colleges)}</p>
            {summary}
            {body}
        </article>
    }
}

#[component]
fn TestimoniesView(page: TestimoniesPage) -> impl IntoView {
    let i18n = use_i18n();
    let easy = use_preferences().get_untracked().easy_read;
    let TestimoniesPage {
        council_slug,
        council_name,
        colleges,
        wall,
        queue,
        queue_page,
        waiting,
        can_export,
        screen,
        decided,
        flash,
    } = page;
    let screen_view = screen.map(|(allowed, current)| {
        screen_chooser(
            i18n,
            &flash,
            &council_slug,
            &colleges,
            &allowed,
            current,
            None,
        )
    });
    let export = can_export.then(|| {
        view! {
            <p>
                <a href=format!("/api/testimonies_report_csv?slug={council_slug}") download>
                    {i18n.t("testimony-report-download")}
                </a>
            </p>
        }
    });
    let wall_view = if wall.is_empty() {
        view! { <p>{i18n.t("testimony-wall-empty")}</p> }.into_any()
    } else {
        wall.iter()
            .enumerate()
            .map(|(n, t)| wall_item(i18n, t, &colleges, easy, n + 1))
            .collect_view()
            .into_any()
    };
    let queue_view = queue.map(|queue| {
        let items = if queue.is_empty() {
            view! { <p>{i18n.t("testimony-queue-empty")}</p> }.into_any()
        } else {
            queue
                .iter()
                .map(|(t, distress)| {
                    queue_item(
                        i18n,
                        &flash,
                        &council_slug,
                        t,
                        *distress,
                        &colleges,
                        queue_page,
                    )
                })
                .collect_view()
                .into_any()
        };
        let pages = waiting
            .div_ceil(crate::domain::testimony::QUEUE_PAGE)
            .max(1);
        let link = |page: u64, label: &str| {
            let href = format!("/{council_slug}/temoignages?page={page}#queue-title");
            view! { <a href=href>{i18n.text(label)}</a> }
        };
        let pager = (pages > 1).then(|| {
            view! {
                <nav class="pager" aria-label=i18n.text("testimony-queue-pages")>
                    {(queue_page > 1).then(|| link(queue_page - 1, "testimony-queue-previous"))}
                    <span aria-current="page">
                        {i18n.with(
                            "testimony-queue-page",
                            &[("page", &queue_page.to_string()), ("pages", &pages.to_string())],
                        )}
                    </span>
                    {(queue_page < pages).then(|| link(queue_page + 1, "testimony-queue-next"))}
                </nav>
            }
        });
        view! {
            <section aria-labelledby="queue-title">
                <h2 id="queue-title" tabindex="-1">{i18n.t("testimony-queue-title")}</h2>
                <p>{i18n.t("testimony-queue-how")}</p>
                <p>{i18n.count("testimony-queue-waiting", waiting)}</p>
                {items}
                {pager}
            </section>
        }
    });
    let decided_view = decided.map(|decided| {
        let items = if decided.is_empty() {
            view! { <p>{i18n.t("testimony-decided-empty")}</p> }.into_any()
        } else {
            view! {
                <ul class="cards">
                    {decided
                        .iter()
                        .map(|t| decided_item(i18n, &flash, &council_slug, t, &colleges))
                        .collect_view()}
                </ul>
            }
            .into_any()
        };
        view! {
            <section aria-labelledby="decides-title">
                <h2 id="decides-title">{i18n.t("testimony-decided-title")}</h2>
                <p>{i18n.t("testimony-decided-how")}</p>
                {items}
            </section>
        }
    });
    view! {
        <PageHeader
            tab=i18n.text("testimony-wall-title")
            crumbs=vec![Crumb::council(&council_slug, council_name)]
            picto="review"
            heading=Label::Interface(i18n.text("testimony-wall-title"))
            flash=flash
        />
        <p>
            <A href=format!("/{council_slug}/temoignages/nouveau") attr:class="button">
                {i18n.t("testimony-new-title")}
            </A>
        </p>
        {queue_view}
        {screen_view}
        {export}
        <section aria-labelledby="wall-title">
            <h2 id="wall-title">{i18n.t("testimony-wall-published")}</h2>
            {wall_view}
        </section>
        {decided_view}
    }
}
