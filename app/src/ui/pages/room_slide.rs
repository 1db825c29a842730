//! The plenary screen's slides — the agenda item under way, a testimony, a vote — drawn by
//! the server, for the projector's first drawing and each time the room moves
//! (`room_slide`): the screen's island puts the markup in place, so that every slide is
//! written once, here, and none weighs on the browser's code.

use crate::api::{AppError, Slide};
use crate::ui::components::Paragraphs;
use crate::ui::i18n::I18n;
use leptos::prelude::*;

/// A slide as the screen shows it.
pub(crate) fn slide_view(i18n: I18n, slide: Slide) -> AnyView {
    let easy = i18n.reading().1;
    match slide {
        Slide::Agenda {
            current: Some(item),
            ..
        } => view! {
            <section class="slide slide-agenda" aria-labelledby="slide-title">
                <p class="slide-kicker">{i18n.t("live-current-item")}</p>
                <h2 id="slide-title" lang="fr">{item.title.clone()}</h2>
                <div lang="fr">
                    <Paragraphs text=item.summary.pick(easy).to_owned()/>
                </div>
            </section>
        }
        .into_any(),
        Slide::Agenda {
            current: None,
            titles,
        } => view! {
            <section class="slide slide-agenda" aria-labelledby="slide-title">
                <h2 id="slide-title">{i18n.t("assembly-agenda")}</h2>
                <ol lang="fr">
                    {titles.into_iter().map(|title| view! { <li>{title}</li> }).collect_view()}
                </ol>
            </section>
        }
        .into_any(),
        Slide::Testimony {
            testimony,
            colleges,
        } => {
            let body = match testimony {
                Some(t) => super::testimonies::testimony_article(i18n, &t, &colleges).into_any(),
                None => view! { <p class="lead">{i18n.t("room-testimony-gone")}</p> }.into_any(),
            };
            view! {
                <section class="slide slide-testimony" aria-labelledby="slide-title">
                    <h2 id="slide-title">{i18n.t("room-testimony")}</h2>
                    {body}
                </section>
            }
            .into_any()
        }
        Slide::Poll { poll } => super::polls::poll_slide(i18n, &poll),
        Slide::Pause => view! {
            <section class="slide slide-pause" aria-label=i18n.t("room-pause")></section>
        }
        .into_any(),
        Slide::Vote {
            vote,
            results,
            ballots,
            min_group,
        } => {
            let public = vote.results_public();
            let body = if public {
                super::votes::projection_body(i18n, &vote, results, min_group, easy)
            } else {
                let how = if vote.accepting {
                    "room-vote-how"
                } else {
                    "room-vote-not-yet"
                };
                view! {
                    <p class="slide-figure">{i18n.count("room-vote-turnout", ballots)}</p>
                    <p>{i18n.t(how)}</p>
                }
                .into_any()
            };
            view! {
                <section class="slide slide-vote" aria-labelledby="slide-title">
                    <h2 id="slide-title" lang="fr">{vote.title.clone()}</h2>
                    {body}
                </section>
            }
            .into_any()
        }
    }
}

/// The slide the room's screen shows now, drawn as markup in the reader's language and
/// reading mode; empty while the screen shows the join code or a question.
#[server(endpoint = "room_slide", input = leptos::server_fn::codec::GetUrl)]
pub async fn room_slide(slug: String, id: String) -> Result<String, AppError> {
    let page = crate::api::load_projector(slug, id).await?;
    Ok(page
        .slide
        .map(|slide| drawn(|i18n| slide_view(i18n, slide).to_html()))
        .unwrap_or_default())
}

/// The assembly's quick polls and votes as its live page lists them, drawn anew for the live
/// page's island when one opens, closes, counts answers or shows its results; empty when it
/// has none.
#[server(endpoint = "room_votes", input = leptos::server_fn::codec::GetUrl)]
pub async fn room_votes(slug: String, id: String) -> Result<String, AppError> {
    let db = crate::api::request_db()?;
    let council = crate::api::edge::council(&db, &slug).await?;
    let assembly = crate::api::edge::assembly_of(&db, council.id, &id).await?;
    let votes =
        crate::store::votes::votes_of_assembly(&db, council.id, assembly, chrono::Utc::now())
            .await?;
    let polls = crate::api::poll_server::participant_polls(&db, council.id, assembly).await?;
    Ok(drawn(|i18n| {
        activities_markup(
            i18n,
            &slug,
            assembly,
            votes,
            polls,
            &crate::api::PageFlash::default(),
        )
    }))
}

/// The assembly's votes and quick polls as the live page shows them, as markup: the live
/// page's first drawing and `room_votes` give the same.
pub(crate) fn activities_markup(
    i18n: I18n,
    slug: &str,
    assembly: i64,
    votes: Vec<crate::domain::vote::VoteInfo>,
    polls: Vec<crate::api::PollView>,
    flash: &crate::api::PageFlash,
) -> String {
    let votes = super::votes::assembly_votes(i18n, slug, votes)
        .map(|list| list.to_html())
        .unwrap_or_default();
    let polls = super::polls::live_polls(i18n, slug, assembly, polls, flash)
        .map(|list| list.to_html())
        .unwrap_or_default();
    polls + &votes
}

/// Markup drawn outside a page (a server function's answer), in the request's language and
/// reading mode: the preferences a page would have in its context are given here.
#[cfg(feature = "ssr")]
pub(crate) fn drawn(draw: impl FnOnce(I18n) -> String) -> String {
    Owner::new().with(|| {
        provide_context(RwSignal::new(crate::i18n::request_preferences()));
        draw(crate::ui::i18n::use_i18n())
    })
}
