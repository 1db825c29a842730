//! A council's home: what it is, who takes part, and its diagnosis findings.

use super::loaded;
use crate::api::{CouncilHome, load_council_home};
use crate::domain::{CouncilObjective, Finding};
use crate::ui::components::{Paragraphs, Picto, college_name, objective_name};
use crate::ui::i18n::{I18n, use_i18n};
use crate::ui::prefs::use_preferences;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

#[component]
pub fn CouncilPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let home = Resource::new(slug, load_council_home);
    loaded(home, |home| view! { <CouncilView home/> }.into_any())
}

#[component]
fn CouncilView(home: CouncilHome) -> impl IntoView {
    let i18n = use_i18n();
    let prefs = use_preferences();
    let CouncilHome {
        council,
        findings,
        objectives,
        surveys,
        chair,
        co_host,
        contact,
        picto,
        decided,
    } = home;
    // The pictogram inside the heading only when the council chose one.
    let heading = match picto {
        Some(p) => {
            let p = crate::domain::pictogram(&p);
            view! { <h1 lang="fr"><Picto name=p/>{council.name.clone()}</h1> }.into_any()
        }
        None => view! { <h1 lang="fr">{council.name.clone()}</h1> }.into_any(),
    };
    // A council created without its territory says nothing of it rather than an empty line.
    let territory = (!council.territory.trim().is_empty()).then(|| {
        let territory = council.territory.clone();
        view! {
            <p class="territory">
                <strong>{i18n.t("council-territory")}</strong>
                " : "
                <span lang="fr">{territory}</span>
            </p>
        }
    });
    // Who chairs, who co-hosts, how to reach the coordination: each line only when written.
    let people: Vec<String> = [
        ("council-chair", "who", chair),
        ("council-co-host", "who", co_host),
        ("council-contact", "how", contact),
    ]
    .into_iter()
    .filter(|(_, _, text)| !text.is_empty())
    .map(|(id, name, text)| i18n.with(id, &[(name, &text)]))
    .collect();
    let people = (!people.is_empty()).then(|| {
        view! {
            <ul class="council-people">
                {people.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
            </ul>
        }
    });
    let slug = council.slug.to_string();
    let description = council.description.clone();
    let name = council.name.clone();
    view! {
        <Title text=name.clone()/>
        {heading}
        {territory}
        <div class="lead" lang="fr">
            {move || {
                view! { <Paragraphs text=description.pick(prefs.get().easy_read).to_owned()/> }
            }}
        </div>
        {people}
        <section aria-labelledby="colleges-title">
            <h2 id="colleges-title">
                <Picto name="council"/>
                {i18n.t("council-colleges-title")}
            </h2>
            <p>{i18n.t("council-colleges-intro")}</p>
            <ul class="colleges">
                {council
                    .colleges
                    .into_iter()
                    .map(|college| view! { <li>{college_name(i18n, college)}</li> })
                    .collect_view()}
            </ul>
        </section>
        <section aria-labelledby="assemblies-link-title">
            <h2 id="assemblies-link-title">{i18n.t("assemblies-title")}</h2>
            <p>{i18n.t("assemblies-intro")}</p>
            <p>
                <A href=format!("/{slug}/assemblees")>{i18n.t("council-assemblies-link")}</A>
            </p>
        </section>
        <section aria-labelledby="votes-link-title">
            <h2 id="votes-link-title">
                <Picto name="vote"/>
                {i18n.t("votes-title")}
            </h2>
            <p>{i18n.t("votes-intro")}</p>
            <p>
                <A href=format!("/{slug}/votes")>{i18n.t("council-votes-link")}</A>
            </p>
        </section>
        {decided_section(i18n, &slug, decided, prefs.get_untracked().easy_read)}
        <section aria-labelledby="bodies-link-title">
            <h2 id="bodies-link-title">{i18n.t("bodies-title")}</h2>
            <p>{i18n.t("bodies-home-intro")}</p>
            <p>
                <A href=format!("/{slug}/instances")>{i18n.t("bodies-link")}</A>
            </p>
            <p>
                <A href=format!("/{slug}/agenda")>{i18n.t("calendar-link")}</A>
            </p>
        </section>
        <section aria-labelledby="roadmap-link-title">
            <h2 id="roadmap-link-title">{i18n.t("roadmap-title")}</h2>
            <p>
                <A href=format!("/{slug}/feuille-de-route")>{i18n.t("roadmap-link")}</A>
            </p>
            <p>
                <A href=format!("/{slug}/bilan")>{i18n.t("report-link")}</A>
            </p>
        </section>
        {
            {
                let none = surveys.is_empty();
                let items = surveys
                    .into_iter()
                    .map(|(id, title)| {
                        view! {
                            <li>
                                <A href=format!("/{slug}/questionnaires/{id}")>
                                    <span lang="fr">
                                        {move || title.pick(prefs.get().easy_read).to_owned()}
                                    </span>
                                </A>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <section aria-labelledby="surveys-title">
                        <h2 id="surveys-title">
                            <Picto name="findings"/>
                            {i18n.t("council-surveys-title")}
                        </h2>
                        <p>{i18n.t("council-surveys-intro")}</p>
                        {if none {
                            view! { <p>{i18n.t("surveys-none")}</p> }.into_any()
                        } else {
                            view! { <ul>{items}</ul> }.into_any()
                        }}
                        <p>
                            <A href=format!("/{slug}/questionnaires")>
                                {i18n.t("council-surveys-all")}
                            </A>
                        </p>
                    </section>
                }
            }
        }
        <section aria-labelledby="testimonies-link-title">
            <h2 id="testimonies-link-title">
                <Picto name="review"/>
                {i18n.t("council-testimonies-title")}
            </h2>
            <p>{i18n.t("council-testimonies-intro")}</p>
            <p>
                <A href=format!("/{slug}/temoignages/nouveau")>{i18n.t("testimony-new-title")}</A>
                " · "
                <A href=format!("/{slug}/temoignages")>{i18n.t("council-testimonies-read")}</A>
            </p>
        </section>
        <section aria-labelledby="diagnosis-title">
            <h2 id="diagnosis-title">
                <Picto name="findings"/>
                {i18n.t("council-diagnosis-title")}
            </h2>
            {if findings.is_empty() {
                view! { <p>{i18n.t("council-no-findings")}</p> }.into_any()
            } else {
                view! {
                    <p>{i18n.t("council-diagnosis-intro")}</p>
                    {objectives
                        .into_iter()
                        .filter_map(|objective| {
                            let of_objective: Vec<Finding> = findings
                                .iter()
                                .filter(|f| f.objective == objective.key)
                                .cloned()
                                .collect();
                            (!of_objective.is_empty())
                                .then(|| {
                                    view! {
                                        <ObjectiveFindings
                                            objective
                                            findings=of_objective
                                            slug=slug.clone()
                                        />
                                    }
                                })
                        })
                        .collect_view()}
                }
                    .into_any()
            }}
        </section>
    }
}

#[component]
fn ObjectiveFindings(
    objective: CouncilObjective,
    findings: Vec<Finding>,
    slug: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let prefs = use_preferences();
    let heading_id = format!("objective-{}", objective.key.as_str());
    let labelled_by = heading_id.clone();
    let picto = crate::domain::pictogram(&objective.picto);
    view! {
        <section class="objective" aria-labelledby=labelled_by>
            <h3 id=heading_id>
                <Picto name=picto/>
                {move || objective_name(i18n, &objective, prefs.get().easy_read)}
            </h3>
            <ul class="findings">
                {findings
                    .into_iter()
                    .map(|finding| {
                        let href = format!("/{slug}/constats/{}", finding.id);
                        let title = finding.title.clone();
                        let summary = finding.summary.clone();
                        view! {
                            <li class="finding" lang="fr">
                                <h4>
                                    <A href=href>
                                        {move || title.pick(prefs.get().easy_read).to_owned()}
                                    </A>
                                </h4>
                                {move || {
                                    view! {
                                        <Paragraphs
                                            text=summary.pick(prefs.get().easy_read).to_owned()
                                        />
                                    }
                                }}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}

/// What the council decided after its votes: each vote's adopted priorities in order, and
/// the page that sets them beside the vote's result. Nothing when none was adopted yet.
fn decided_section(
    i18n: I18n,
    slug: &str,
    decided: Vec<(i64, String, Vec<crate::domain::priority::Priority>)>,
    easy: bool,
) -> Option<impl IntoView + use<>> {
    (!decided.is_empty()).then(|| {
        let votes = decided
            .into_iter()
            .map(|(vote, title, priorities)| {
                let href = format!("/{slug}/votes/{vote}/suites");
                let items = priorities
                    .into_iter()
                    .map(|p| view! { <li lang="fr">{p.title.pick(easy).to_owned()}</li> })
                    .collect_view();
                view! {
                    <h3 lang="fr">{title}</h3>
                    <ol>{items}</ol>
                    <p><A href=href>{i18n.t("council-decided-link")}</A></p>
                }
            })
            .collect_view();
        view! {
            <section aria-labelledby="decided-title">
                <h2 id="decided-title">{i18n.t("council-decided-title")}</h2>
                {votes}
            </section>
        }
    })
}
