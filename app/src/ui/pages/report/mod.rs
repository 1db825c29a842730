//! The annual report: `/{slug}/bilan/{year}`, public, printable (the browser's print or
//! "save as PDF", without the site's chrome), its figures as CSV; and the coordinator's
//! page to complete it (`…/modifier`). Plain links and form posts: nothing needs JavaScript.

mod editor;
pub use editor::*;

use super::loaded;
use crate::api::{AnnualReportCsv, ReportPage, load_report};
use crate::domain::College;
use crate::domain::report::{IndicatorValue, Metric, NOT_SAID, Participation, ParticipationRow};
use crate::ui::components::{Crumb, Label, PageHeader, Paragraphs, college_named};
use crate::ui::i18n::{I18n, use_i18n};
use crate::ui::prefs::use_preferences;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_params_map;

/// `(slug, year)` from the address.
fn slug_and_year() -> impl Fn() -> (String, String) + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || {
        let params = params.read();
        (
            params.get("slug").unwrap_or_default(),
            params.get("year").unwrap_or_default(),
        )
    }
}

#[component]
pub fn ReportRoute() -> impl IntoView {
    let page = Resource::new(slug_and_year(), |(slug, year)| load_report(slug, year));
    loaded(page, |page| view! { <ReportView page/> }.into_any())
}

/// `/{slug}/bilan`: the year now, in the council's calendar (the server knows it).
#[component]
pub fn ReportNowRoute() -> impl IntoView {
    let params = use_params_map();
    let page = Resource::new(
        move || params.read().get("slug").unwrap_or_default(),
        |slug| load_report(slug, String::new()),
    );
    loaded(page, |page| view! { <ReportView page/> }.into_any())
}

fn participation_message(kind: Participation) -> String {
    format!("report-took-{}", kind.key())
}

/// The Fluent id naming a count Agora computes.
pub(super) fn metric_message(metric: Metric) -> String {
    match metric {
        Metric::Took(kind) => participation_message(kind),
        Metric::PrioritiesAdopted => "report-priorities".to_owned(),
        other => format!("report-{}", other.key()),
    }
}

/// A college's name in the report: the council's, "not given", or a survey's own option.
fn group_name(i18n: I18n, colleges: &[College], key: &str) -> String {
    if key == NOT_SAID {
        i18n.text("report-not-said")
    } else {
        college_named(i18n, colleges, key)
    }
}

/// One way of taking part, as a table: the colleges shown, the others together, the total.
fn participation_table(
    i18n: I18n,
    row: &ParticipationRow,
    colleges: &[College],
) -> impl IntoView + use<> {
    let caption = i18n.text(&participation_message(row.kind));
    if row.total == 0 {
        return view! {
            <section class="report-participation">
                <h3>{caption}</h3>
                <p>{i18n.t("report-nobody")}</p>
            </section>
        }
        .into_any();
    }
    let lines = row
        .colleges
        .iter()
        .map(|(key, n)| {
            view! {
                <tr>
                    <th scope="row">{group_name(i18n, colleges, key)}</th>
                    <td>{*n}</td>
                </tr>
            }
        })
        .collect_view();
    let others = (row.others > 0 && !row.colleges.is_empty()).then(|| {
        view! {
            <tr>
                <th scope="row">{i18n.t("report-others")}</th>
                <td>{row.others}</td>
            </tr>
        }
    });
    let total_only = row
        .colleges
        .is_empty()
        .then(|| view! { <p class="hint">{i18n.t("report-total-only")}</p> });
    // Scrolls in its own frame rather than the page, when names are long.
    let region = caption.clone();
    view! {
        <section class="report-participation">
            <div class="table-scroll" tabindex="0" role="region" aria-label=region>
            <table class="participation">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{i18n.t("report-college-column")}</th>
                        <th scope="col">{i18n.t("report-count-column")}</th>
                    </tr>
                </thead>
                <tbody>
                    {lines}
                    {others}
                    <tr class="total">
                        <th scope="row">{i18n.t("report-total")}</th>
                        <td>{row.total}</td>
                    </tr>
                </tbody>
            </table>
            </div>
            {total_only}
        </section>
    }
    .into_any()
}

/// A text of the coordinator's, or "not written yet".
fn written(
    i18n: I18n,
    id: &'static str,
    heading: &'static str,
    text: &crate::domain::Wording,
    easy: bool,
) -> impl IntoView + use<> {
    let title_id = format!("{id}-title");
    let labelled_by = title_id.clone();
    let body = if text.plain.is_empty() {
        view! { <p class="hint">{i18n.t("report-not-written")}</p> }.into_any()
    } else {
        view! { <div lang="fr"><Paragraphs text=text.pick(easy).to_owned()/></div> }.into_any()
    };
    view! {
        <section aria-labelledby=labelled_by id=id>
            <h2 id=title_id>{i18n.t(heading)}</h2>
            {body}
        </section>
    }
}

#[component]
fn ReportView(page: ReportPage) -> impl IntoView {
    let i18n = use_i18n();
    let easy = use_preferences().get_untracked().easy_read;
    let slug = page.council_slug.clone();
    let year = page.year.to_string();
    let a = &page.activity;
    let activity = [
        ("report-assemblies", a.assemblies),
        ("report-votes", a.votes),
        ("report-surveys", a.surveys),
        ("report-testimonies", a.testimonies),
        ("report-priorities", a.priorities),
        ("report-actions-planned", a.actions_planned),
        ("report-actions-under-way", a.actions_under_way),
        ("report-actions-done", a.actions_done),
        ("report-actions-dropped", a.actions_dropped),
        ("report-action-updates", a.action_updates),
    ]
    .into_iter()
    .map(|(id, n)| {
        view! {
            <div class="report-figure">
                <dt>{i18n.t(id)}</dt>
                <dd>{n}</dd>
            </div>
        }
    })
    .collect_view();
    let participation = page
        .participation
        .iter()
        .map(|row| participation_table(i18n, row, &page.colleges))
        .collect_view();
    let priorities = if page.priorities.is_empty() {
        view! { <p>{i18n.t("report-no-priorities")}</p> }.into_any()
    } else {
        let items = page
            .priorities
            .iter()
            .map(|(vote, title)| {
                view! {
                    <li>
                        <span lang="fr">{title.pick(easy).to_owned()}</span>
                        " "
                        <span class="hint">{i18n.with("report-from-vote", &[("vote", vote)])}</span>
                    </li>
                }
            })
            .collect_view();
        view! { <ol class="report-list">{items}</ol> }.into_any()
    };
    let actions = if page.actions.is_empty() {
        view! { <p>{i18n.t("report-no-actions")}</p> }.into_any()
    } else {
        let items = page
            .actions
            .iter()
            .map(|action| {
                let href = format!("/{slug}/feuille-de-route/action/{}", action.id);
                view! {
                    <li>
                        <a href=href lang="fr">{action.title.pick(easy).to_owned()}</a>
                        " "
                        {super::programme::status_tag(i18n, action.status)}
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="report-list">{items}</ul> }.into_any()
    };
    let indicators = if page.indicators.is_empty() {
        view! { <p>{i18n.t("report-no-indicators")}</p> }.into_any()
    } else {
        let lines = page
            .indicators
            .iter()
            .map(|line| {
                let fields = &line.indicator.fields;
                let source = match &fields.value {
                    IndicatorValue::Computed(_) => i18n.text("report-source-agora"),
                    IndicatorValue::Typed { source, .. } => source.clone(),
                };
                view! {
                    <tr>
                        <th scope="row" lang="fr">{fields.label.pick(easy).to_owned()}</th>
                        <td>{line.value.clone()}</td>
                        <td lang="fr">{fields.target.clone().unwrap_or_default()}</td>
                        <td>{source}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-scroll" tabindex="0" role="region" aria-label=i18n.text("report-indicators")>
                <table class="participation report-indicators">
                    <caption class="visually-hidden">{i18n.t("report-indicators")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{i18n.t("report-indicator-column")}</th>
                            <th scope="col">{i18n.t("report-value-column")}</th>
                            <th scope="col">{i18n.t("report-target-column")}</th>
                            <th scope="col">{i18n.t("report-source-column")}</th>
                        </tr>
                    </thead>
                    <tbody>{lines}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    let years = page
        .years
        .iter()
        .map(|y| {
            let current = (*y == page.year).then_some("page");
            view! { <li><a href=format!("/{slug}/bilan/{y}") aria-current=current>{*y}</a></li> }
        })
        .collect_view();
    let edit = page.can_edit.then(|| {
        view! {
            <a class="button" href=format!("/{slug}/bilan/{year}/modifier")>{i18n.t("report-edit")}</a>
        }
    });
    let csv = format!(
        "{}?slug={}&year={}",
        AnnualReportCsv::url(),
        page.council_slug,
        page.year
    );
    let heading = i18n.with("report-title", &[("year", &year)]);
    view! {
        <PageHeader
            tab=heading.clone()
            crumbs=vec![Crumb::council(&page.council_slug, page.council_name.clone())]
            picto="results"
            heading=Label::Interface(heading)
            about=page.council_name.clone()
            flash=page.flash.clone()
        />
        <p class="lead">{i18n.with("report-intro", &[("year", &year)])}</p>
        <p class="no-print report-tools">
            {edit}
            <a class="button button-secondary" href=csv download="">{i18n.t("report-csv")}</a>
        </p>
        <section aria-labelledby="activity-title">
            <h2 id="activity-title">{i18n.t("report-activity")}</h2>
            <dl class="report-figures">{activity}</dl>
        </section>
        <section aria-labelledby="participation-title">
            <h2 id="participation-title">{i18n.t("report-participation")}</h2>
            <p class="hint">
                {i18n.with("report-participation-rule", &[("min", &page.min_group.to_string())])}
            </p>
            <div class="report-participations">{participation}</div>
        </section>
        <section aria-labelledby="priorities-title">
            <h2 id="priorities-title">{i18n.t("report-priorities-title")}</h2>
            {priorities}
        </section>
        <section aria-labelledby="actions-title">
            <h2 id="actions-title">{i18n.t("report-actions-title")}</h2>
            {actions}
        </section>
        {written(i18n, "partnerships", "report-partnerships", &page.texts.partnerships, easy)}
        {written(i18n, "difficulties", "report-difficulties", &page.texts.difficulties, easy)}
        {written(i18n, "plans", "report-plans", &page.texts.plans, easy)}
        <section aria-labelledby="indicators-title" id="indicators">
            <h2 id="indicators-title">{i18n.t("report-indicators")}</h2>
            {indicators}
        </section>
        <nav class="no-print" aria-labelledby="years-title">
            <h2 id="years-title">{i18n.t("report-years")}</h2>
            <ul class="report-years">{years}</ul>
        </nav>
        <p class="no-print">{i18n.t("report-print")}</p>
    }
}
