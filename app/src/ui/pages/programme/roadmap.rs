//! `/{slug}/feuille-de-route`: every action of the council, grouped as the reader chooses
//! (by priority, by status, by objective: plain links), each with who leads it, when, its
//! money and its latest news. Printed without the site's chrome or its buttons.

use super::*;
use crate::api::{RoadmapPage, load_roadmap};
use crate::domain::action::RoadmapGrouping;
use crate::ui::components::{Crumb, Label, PageHeader, Paragraphs};
use crate::ui::i18n::use_i18n;
use crate::ui::prefs::use_preferences;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn RoadmapRoute() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let page = Resource::new(
        move || {
            (
                params.read().get("slug").unwrap_or_default(),
                query.read().get("par").unwrap_or_default(),
            )
        },
        |(slug, by)| load_roadmap(slug, by),
    );
    loaded(page, |page| view! { <RoadmapView page/> }.into_any())
}

fn grouping_message(grouping: RoadmapGrouping) -> &'static str {
    match grouping {
        RoadmapGrouping::ByPriority => "roadmap-by-priority",
        RoadmapGrouping::ByStatus => "roadmap-by-status",
        RoadmapGrouping::ByObjective => "roadmap-by-objective",
    }
}

/// One group of the roadmap: its heading and the actions in it, in the roadmap's order.
struct Group {
    anchor: String,
    heading: String,
    /// The heading is the council's words (French), not Agora's.
    council_words: bool,
    actions: Vec<Action>,
}

fn groups(i18n: I18n, page: &RoadmapPage, easy: bool) -> Vec<Group> {
    let actions = &page.actions;
    let of = |keep: &dyn Fn(&Action) -> bool| -> Vec<Action> {
        actions.iter().filter(|a| keep(a)).cloned().collect()
    };
    let mut groups = Vec::new();
    match page.grouping {
        RoadmapGrouping::ByPriority => {
            for adopted in &page.priorities {
                let id = adopted.priority.id;
                groups.push(Group {
                    anchor: format!("priorite-{id}"),
                    heading: priority_title(adopted, easy),
                    council_words: true,
                    actions: of(&|a| a.fields.priority == Some(id)),
                });
            }
            groups.push(Group {
                anchor: "sans-priorite".into(),
                heading: i18n.text("roadmap-no-priority"),
                council_words: false,
                actions: of(&|a| {
                    !page
                        .priorities
                        .iter()
                        .any(|p| Some(p.priority.id) == a.fields.priority)
                }),
            });
        }
        RoadmapGrouping::ByStatus => {
            for status in ActionStatus::ALL {
                groups.push(Group {
                    anchor: format!("etat-{}", status.key()),
                    heading: i18n.text(&status_message(status)),
                    council_words: false,
                    actions: of(&|a| a.status == status),
                });
            }
        }
        RoadmapGrouping::ByObjective => {
            for objective in &page.objectives {
                groups.push(Group {
                    anchor: format!("objectif-{}", objective.key.as_str()),
                    heading: objective_title(i18n, objective, easy),
                    council_words: objective.label.is_some(),
                    actions: of(&|a| a.fields.objective.as_ref() == Some(&objective.key)),
                });
            }
            groups.push(Group {
                anchor: "sans-objectif".into(),
                heading: i18n.text("roadmap-no-objective"),
                council_words: false,
                actions: of(&|a| {
                    !page
                        .objectives
                        .iter()
                        .any(|o| Some(&o.key) == a.fields.objective.as_ref())
                }),
            });
        }
    }
    // A priority with nothing yet is news in itself (the council has not acted on it);
    // the catch-all groups and empty statuses are not.
    groups.retain(|group| {
        !group.actions.is_empty()
            || (page.grouping == RoadmapGrouping::ByPriority
                && group.anchor.starts_with("priorite-"))
    });
    groups
}

#[component]
fn RoadmapView(page: RoadmapPage) -> impl IntoView {
    let i18n = use_i18n();
    let easy = use_preferences().get_untracked().easy_read;
    let slug = page.council_slug.clone();
    let counts = ActionStatus::ALL
        .into_iter()
        .map(|status| {
            let count = page.actions.iter().filter(|a| a.status == status).count();
            view! {
                <li>
                    <strong>{count}</strong>
                    " "
                    {i18n.text(&status_message(status))}
                </li>
            }
        })
        .collect_view();
    let chooser = RoadmapGrouping::ALL
        .into_iter()
        .map(|grouping| {
            let href = format!("/{slug}/feuille-de-route?par={}", grouping.key());
            let current = (grouping == page.grouping).then_some("page");
            view! {
                <li>
                    <a href=href aria-current=current>{i18n.t(grouping_message(grouping))}</a>
                </li>
            }
        })
        .collect_view();
    let add = page.can_edit.then(|| {
        view! {
            <p class="no-print">
                <a class="button" href=format!("/{slug}/feuille-de-route/nouvelle")>
                    {i18n.t("roadmap-add")}
                </a>
            </p>
        }
    });
    let body = if page.actions.is_empty() {
        view! { <p class="lead">{i18n.t("roadmap-empty")}</p> }.into_any()
    } else {
        groups(i18n, &page, easy)
            .into_iter()
            .map(|group| {
                let heading_id = format!("{}-title", group.anchor);
                let items = if group.actions.is_empty() {
                    view! { <p>{i18n.t("roadmap-priority-no-action")}</p> }.into_any()
                } else {
                    let cards = group
                        .actions
                        .iter()
                        .map(|action| action_card(i18n, &page, action, easy))
                        .collect_view();
                    view! { <ul class="roadmap-actions">{cards}</ul> }.into_any()
                };
                let labelled_by = heading_id.clone();
                view! {
                    <section id=group.anchor aria-labelledby=labelled_by class="roadmap-group">
                        <h2 id=heading_id lang=group.council_words.then_some("fr")>{group.heading}</h2>
                        {items}
                    </section>
                }
            })
            .collect_view()
            .into_any()
    };
    let heading = i18n.text("roadmap-title");
    view! {
        <PageHeader
            tab=heading.clone()
            crumbs=vec![Crumb::council(&page.council_slug, page.council_name.clone())]
            picto="results"
            heading=Label::Interface(heading)
            about=page.council_name.clone()
            flash=page.flash.clone()
        />
        <p class="lead">{i18n.t("roadmap-intro")}</p>
        <ul class="roadmap-counts" aria-label=i18n.t("roadmap-counts")>{counts}</ul>
        <nav class="roadmap-grouping no-print" aria-label=i18n.t("roadmap-grouping")>
            <ul>{chooser}</ul>
        </nav>
        <p class="print-only">{i18n.t(grouping_message(page.grouping))}</p>
        {add}
        {body}
        <p class="no-print">{i18n.t("roadmap-print")}</p>
    }
}

/// One action as the roadmap lists it.
fn action_card(
    i18n: I18n,
    page: &RoadmapPage,
    action: &Action,
    easy: bool,
) -> impl IntoView + use<> {
    let href = format!(
        "/{}/feuille-de-route/action/{}",
        page.council_slug, action.id
    );
    let fields = &action.fields;
    let budget = fields.budget.map(|amount| {
        let mut said = euros(i18n, amount);
        if !fields.funder.is_empty() {
            said = i18n.with(
                "action-funded-by",
                &[("budget", &said), ("funder", &fields.funder)],
            );
        }
        said
    });
    let latest = action.updates.first().map(|update| {
        let said = i18n.with("action-latest", &[("date", &i18n.date(update.on))]);
        let text = update.text.pick(easy).to_owned();
        view! {
            <div class="latest">
                <p class="hint">{said}</p>
                <div lang="fr">
                    <Paragraphs text/>
                </div>
            </div>
        }
    });
    let dropped = action.dropped_because().map(|why| {
        let text = why.pick(easy).to_owned();
        view! {
            <p>
                <strong>{i18n.t("action-dropped-because")}</strong>
                " "
                <span lang="fr">{text}</span>
            </p>
        }
    });
    let summary = fields.summary.pick(easy).to_owned();
    view! {
        <li class="card roadmap-action" id=format!("action-{}", action.id)>
            <h3>
                <a href=href lang="fr">{fields.title.pick(easy).to_owned()}</a>
            </h3>
            <p>{status_tag(i18n, action.status)}</p>
            <div lang="fr">
                <Paragraphs text=summary/>
            </div>
            {fact(i18n, "action-lead", fields.lead.clone())}
            {fact(i18n, "action-partners", fields.partners.clone())}
            {fact(i18n, "action-public", fields.public.clone())}
            {said_fact(i18n, "action-when", period(i18n, action))}
            {said_fact(i18n, "action-budget", budget.unwrap_or_default())}
            {dropped}
            {latest}
        </li>
    }
}
