//! Priority votes: the council's votes and the set-up form, the ballot (fill in, review,
//! cast, receipt), the results (raw beside equal colleges, per college, participation), the
//! projector's chart and the printed code sheet. Every step is a plain form post: all of it
//! works without JavaScript, and nothing here is an island.

mod ballot;
mod codes;
mod outcome;
mod page;
mod results;
mod setup;
pub(crate) use ballot::*;
pub(crate) use codes::*;
pub(crate) use outcome::*;
pub(crate) use page::*;
pub(crate) use results::*;
pub(crate) use setup::*;

use super::loaded;
use crate::api::{
    BallotProgress, BallotStep, CastBallot, CodeSheet, CreateVote, ExportVote, IssueBallotCodes,
    PageFlash, ResultsPage, RunVote, VotePage, VotesPage, load_code_sheet, load_vote,
    load_vote_results, load_votes,
};
use crate::domain::tally::{Integrity, MAJORITY_GRADES, Method, method_key};
use crate::domain::vote::{BallotDraft, Figure, StandingRow, VoteInfo, VoteResults, VoteState};
use crate::domain::{College, TITLE_MAX};
use crate::ui::components::college_name;
use crate::ui::components::{Crumb, Label, PageHeader};
use crate::ui::components::{FieldKind, FollowedScreen, FormField, Notice, Picto};
use crate::ui::components::{form_refusal, notice};
use crate::ui::i18n::{I18n, use_i18n};
use crate::ui::prefs::use_preferences;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// The route's council slug and id, as a resource's key (votes, surveys).
/// `/{slug}/votes`
#[component]
pub fn VotesRoute() -> impl IntoView {
    let params = use_params_map();
    let page = Resource::new(
        move || params.read().get("slug").unwrap_or_default(),
        load_votes,
    );
    loaded(page, |page| view! { <VotesView page/> }.into_any())
}

/// `/{slug}/votes/{id}`
#[component]
pub fn VoteRoute() -> impl IntoView {
    let page = Resource::new(super::slug_and_id(), |(slug, id)| load_vote(slug, id));
    loaded(page, |page| view! { <VoteView page/> }.into_any())
}

/// `/{slug}/votes/{id}/resultats`
#[component]
pub fn VoteResultsRoute() -> impl IntoView {
    let page = Resource::new(super::slug_and_id(), |(slug, id)| {
        load_vote_results(slug, id)
    });
    loaded(page, |page| view! { <ResultsView page/> }.into_any())
}

/// `/{slug}/votes/{id}/projection`
#[component]
pub fn VoteProjectorRoute() -> impl IntoView {
    let page = Resource::new(super::slug_and_id(), |(slug, id)| {
        load_vote_results(slug, id)
    });
    loaded(page, |page| view! { <ProjectorView page/> }.into_any())
}

/// `/{slug}/votes/{id}/suites`: what the vote became.
#[component]
pub fn VoteOutcomeRoute() -> impl IntoView {
    let page = Resource::new(super::slug_and_id(), |(slug, id)| {
        crate::api::load_vote_outcome(slug, id)
    });
    loaded(page, |page| view! { <OutcomeView page/> }.into_any())
}

/// `/{slug}/votes/{id}/codes`
#[component]
pub fn CodeSheetRoute() -> impl IntoView {
    let page = Resource::new(super::slug_and_id(), |(slug, id)| load_code_sheet(slug, id));
    loaded(page, |page| view! { <CodeSheetView page/> }.into_any())
}

fn state_label(vote: &VoteInfo) -> &'static str {
    match vote.state {
        VoteState::Draft => "vote-state-draft",
        VoteState::Open if vote.accepting => "vote-state-open",
        VoteState::Open if vote.ended => "vote-state-ended",
        VoteState::Open => "vote-state-waiting",
        VoteState::Closed => "vote-state-closed",
    }
}

/// The votes of an assembly, on its page and its live page: each with its state and the one
/// thing to do now (vote while it takes ballots, read its results once they are public), so
/// that the room goes from the QR code to the ballot.
pub(crate) fn assembly_votes(
    i18n: I18n,
    slug: &str,
    votes: Vec<VoteInfo>,
) -> Option<impl IntoView + use<>> {
    if votes.is_empty() {
        return None;
    }
    let items = votes
        .into_iter()
        .map(|vote| {
            let href = format!("/{slug}/votes/{}", vote.id);
            let action = if vote.accepting {
                Some((href.clone(), "assembly-vote-now"))
            } else if vote.results_public() {
                Some((format!("{href}/resultats"), "assembly-vote-results"))
            } else {
                None
            };
            view! {
                <li class="card">
                    <h3>
                        <a href=href.clone() lang="fr">{vote.title.clone()}</a>
                    </h3>
                    <p>{i18n.t(state_label(&vote))}</p>
                    {action.map(|(href, label)| view! {
                        <p><a class="button" href=href>{i18n.t(label)}</a></p>
                    })}
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <section aria-labelledby="assembly-votes-title">
            <h2 id="assembly-votes-title">{i18n.t("assembly-votes")}</h2>
            <ul class="cards">{items}</ul>
        </section>
    })
}

fn method_name(method: Method) -> String {
    format!("vote-method-{}", method_key(method))
}

/// "du lundi 1 mars 2027 à 18 h 00 au …"
fn period(i18n: I18n, vote: &VoteInfo) -> String {
    i18n.with(
        "vote-period",
        &[
            ("opens", &i18n.moment(&vote.opens)),
            ("closes", &i18n.moment(&vote.closes)),
        ],
    )
}

#[component]
fn VotesView(page: VotesPage) -> impl IntoView {
    let i18n = use_i18n();
    let VotesPage {
        council_slug,
        council_name,
        votes,
        can_prepare,
        findings,
        colleges,
        assemblies,
        flash,
    } = page;
    let empty = votes.is_empty();
    let list = votes
        .into_iter()
        .map(|vote| {
            let href = format!("/{council_slug}/votes/{}", vote.id);
            let results = vote.results_public().then(|| {
                let href = format!("/{council_slug}/votes/{}/resultats", vote.id);
                let outcome = vote.ended.then(|| {
                    let href = format!("/{council_slug}/votes/{}/suites", vote.id);
                    view! { <p><A href=href>{i18n.t("outcome-link")}</A></p> }
                });
                view! {
                    <p>
                        <A href=href>{i18n.t("vote-see-results")}</A>
                    </p>
                    {outcome}
                }
            });
            let (state, when) = (i18n.text(state_label(&vote)), period(i18n, &vote));
            let method = i18n.text(&method_name(vote.method));
            view! {
                <li class="card">
                    <h2>
                        <A href=href>
                            <span lang="fr">{vote.title}</span>
                        </A>
                    </h2>
                    <p class="tag">{state}</p>
                    <p>{when}</p>
                    <p>{method}</p>
                    {results}
                </li>
            }
        })
        .collect_view();
    let create = can_prepare.then(|| {
        view! {
            <CreateVoteForm
                council_slug=council_slug.clone()
                findings
                colleges
                assemblies
                flash=flash.clone()
            />
        }
    });
    view! {
        <Title text=i18n.text("votes-title")/>
        <h1>
            <Picto name="vote"/>
            {i18n.t("votes-title")}
            " — "
            <span lang="fr">{council_name}</span>
        </h1>
        {notice(i18n, &flash)}
        <p>{i18n.t("votes-intro")}</p>
        {if empty {
            view! { <p>{i18n.t("votes-none")}</p> }.into_any()
        } else {
            view! { <ul class="cards">{list}</ul> }.into_any()
        }}
        {create}
    }
}
