//! `/{slug}/diagnostic`: the shared diagnosis as its coordinators write it. Every finding,
//! drafts first marked as such, with its own plain forms (publish or withdraw, move, delete);
//! the spreadsheet import with its preview or its line-by-line refusal; the objectives.

mod finding_form;
mod objectives;

pub use finding_form::{EditFindingRoute, NewFindingRoute};

use super::loaded;
use crate::api::{
    ChangeFinding, DiagnosisEditor, ImportPreview, ImportRefusal, PageFlash, SettleImport,
    UploadFindings, load_diagnosis_editor,
};
use crate::domain::{CouncilObjective, Finding};
use crate::ui::components::{Crumb, Label, PageHeader, form_refusal, objective_name};
use crate::ui::i18n::{I18n, use_i18n};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_params_map;

#[component]
pub fn DiagnosisEditorRoute() -> impl IntoView {
    let params = use_params_map();
    let page = Resource::new(
        move || params.read().get("slug").unwrap_or_default(),
        load_diagnosis_editor,
    );
    loaded(page, |page| {
        view! { <DiagnosisEditorView page/> }.into_any()
    })
}

#[component]
fn DiagnosisEditorView(page: DiagnosisEditor) -> impl IntoView {
    let i18n = use_i18n();
    let DiagnosisEditor {
        council_slug,
        council_name,
        findings,
        objectives,
        objectives_in_use,
        pending,
        refused_import,
        flash,
    } = page;
    let drafts = findings.iter().filter(|f| !f.published).count();
    let publish_all = (drafts > 0).then(|| {
        view! {
            <form method="post" action=ChangeFinding::url() class="inline-form">
                <input type="hidden" name="slug" value=council_slug.clone()/>
                <input type="hidden" name="action" value="publish-all"/>
                <button type="submit" class="button">
                    {i18n.count("diagnosis-publish-all", drafts as u64)}
                </button>
            </form>
        }
    });
    let list = if findings.is_empty() {
        view! { <p>{i18n.t("diagnosis-empty")}</p> }.into_any()
    } else {
        findings_list(i18n, &council_slug, findings, &objectives, &flash).into_any()
    };
    view! {
        <PageHeader
            tab=i18n.text("diagnosis-title")
            crumbs=vec![Crumb::council(&council_slug, council_name.clone())]
            picto="findings"
            heading=Label::Interface(i18n.text("diagnosis-title"))
            about=council_name
            flash=flash.clone()
        />
        <p class="lead">{i18n.t("diagnosis-intro")}</p>
        <nav class="page-parts" aria-label=i18n.t("diagnosis-parts")>
            <ul>
                <li><a href="#findings-title">{i18n.t("diagnosis-findings-title")}</a></li>
                <li><a href="#import-title">{i18n.t("diagnosis-import-title")}</a></li>
                <li><a href="#objectives-title">{i18n.t("diagnosis-objectives-title")}</a></li>
            </ul>
        </nav>
        <section class="card" aria-labelledby="findings-title">
            <h2 id="findings-title" tabindex="-1">{i18n.t("diagnosis-findings-title")}</h2>
            <div class="actions">
                <a class="button" href=format!("/{council_slug}/diagnostic/nouveau")>
                    {i18n.t("diagnosis-new-finding")}
                </a>
                {publish_all}
            </div>
            {list}
        </section>
        {import_section(i18n, &council_slug, pending, refused_import, &objectives, &flash)}
        {objectives::objectives_section(i18n, &council_slug, objectives, &objectives_in_use, &flash)}
    }
}

/// The name of the objective `key` among the council's (its key if none: never the case
/// once stored, since an objective in use cannot be removed).
fn name_of(
    i18n: I18n,
    objectives: &[CouncilObjective],
    key: &crate::domain::ObjectiveKey,
) -> String {
    objectives
        .iter()
        .find(|o| &o.key == key)
        .map(|o| objective_name(i18n, o, false))
        .unwrap_or_else(|| key.as_str().to_owned())
}

fn findings_list(
    i18n: I18n,
    slug: &str,
    findings: Vec<Finding>,
    objectives: &[CouncilObjective],
    flash: &PageFlash,
) -> impl IntoView + use<> {
    let count = findings.len();
    let items = findings
        .into_iter()
        .enumerate()
        .map(|(n, finding)| {
            let form = format!("finding-{}", finding.id);
            let heading = format!("{form}-title");
            let title = finding.title.plain.clone();
            let button = |action: &'static str, text: &'static str, quiet: bool| {
                view! {
                    <button
                        type="submit"
                        name="action"
                        value=action
                        class=if quiet { "button button-quiet" } else { "button" }
                        aria-label=format!("{} : {}", i18n.text(text), title)
                    >
                        {i18n.t(text)}
                    </button>
                }
            };
            let publish = if finding.published {
                button("withdraw", "diagnosis-withdraw", true)
            } else {
                button("publish", "diagnosis-publish", false)
            };
            let up = (n > 0).then(|| button("up", "agenda-move-up", true));
            let down = (n + 1 < count).then(|| button("down", "agenda-move-down", true));
            let state = if finding.published {
                view! { <span class="tag">{i18n.t("diagnosis-published")}</span> }
            } else {
                view! { <span class="tag tag-draft">{i18n.t("diagnosis-draft")}</span> }
            };
            let public = finding.published.then(|| {
                view! {
                    <a href=format!("/{slug}/constats/{}", finding.id)>
                        {i18n.t("diagnosis-see-public")}
                    </a>
                }
            });
            view! {
                <li id=form.clone() tabindex="-1" class="diagnosis-finding">
                    <h3 id=heading.clone() lang="fr">{finding.title.plain.clone()}</h3>
                    <p class="meta">
                        {state}
                        " "
                        <span>{name_of(i18n, objectives, &finding.objective)}</span>
                        {public.map(|link| view! { " · " {link} })}
                    </p>
                    {form_refusal(i18n, flash, &form)}
                    <form
                        method="post"
                        action=ChangeFinding::url()
                        class="actions"
                        aria-labelledby=heading
                    >
                        <input type="hidden" name="slug" value=slug.to_owned()/>
                        <input type="hidden" name="id" value=finding.id.to_string()/>
                        <a
                            class="button button-quiet"
                            href=format!("/{slug}/diagnostic/constat/{}", finding.id)
                            aria-label=format!("{} : {}", i18n.text("diagnosis-edit"), finding.title.plain)
                        >
                            {i18n.t("diagnosis-edit")}
                        </a>
                        {publish}
                        {up}
                        {down}
                        {button("delete", "diagnosis-delete", true)}
                    </form>
                </li>
            }
        })
        .collect_view();
    view! { <ol class="diagnosis-findings">{items}</ol> }
}

/// The spreadsheet import: what a file must hold, the form to send one, and then either
/// the refused lines or the preview of what would be imported.
fn import_section(
    i18n: I18n,
    slug: &str,
    pending: Option<ImportPreview>,
    refused: Option<ImportRefusal>,
    objectives: &[CouncilObjective],
    flash: &PageFlash,
) -> impl IntoView + use<> {
    let file_error = flash.error("import", "file").map(|message| {
        view! {
            <p class="field-error" id="import-file-error" tabindex="-1" autofocus>
                {i18n.text(&message)}
            </p>
        }
    });
    let invalid = flash.error("import", "file").is_some().then_some("true");
    let refused = refused.map(|refusal| {
        let more = refusal.total.saturating_sub(refusal.errors.len());
        let lines = refusal
            .errors
            .into_iter()
            .map(|error| {
                let at = i18n.with(
                    "diagnosis-import-line",
                    &[("line", &error.line.to_string()), ("column", &error.column)],
                );
                view! { <li>{at} " " {i18n.text(&error.message)}</li> }
            })
            .collect_view();
        let more = (more > 0).then(|| view! { <p>{i18n.count("diagnosis-import-more", more as u64)}</p> });
        view! {
            <div class="notice notice-error" role="alert" tabindex="-1" id="import-refused" autofocus>
                <p>
                    {i18n.with(
                        "diagnosis-import-refused",
                        &[("file", &refusal.file_name), ("count", &refusal.total.to_string())],
                    )}
                </p>
                <ul>{lines}</ul>
                {more}
            </div>
        }
    });
    let preview = pending.map(|pending| {
        let count = pending.findings.len();
        let items = pending
            .findings
            .iter()
            .map(|f| {
                let source = [
                    f.source.clone(),
                    f.source_year.map(|y| y.to_string()).unwrap_or_default(),
                ]
                .into_iter()
                .filter(|part| !part.is_empty())
                .collect::<Vec<_>>()
                .join(", ");
                let easy = if f.summary.easy.is_empty() && f.title.easy.is_empty() {
                    i18n.text("diagnosis-import-no-easy")
                } else {
                    i18n.text("diagnosis-import-has-easy")
                };
                let source = (!source.is_empty()).then(|| {
                    view! {
                        <span>
                            {i18n.t("finding-source")} " : " <span lang="fr">{source}</span>
                        </span>
                    }
                });
                view! {
                    <li>
                        <strong lang="fr">{f.title.plain.clone()}</strong>
                        <span class="meta">{name_of(i18n, objectives, &f.objective)}</span>
                        <span lang="fr">{f.summary.plain.clone()}</span>
                        <span class="meta">
                            {i18n.t("diagnosis-import-easy")} " : " {easy}
                        </span>
                        {source}
                    </li>
                }
            })
            .collect_view();
        view! {
            <div class="import-preview" id="import-preview" tabindex="-1">
                <h3>
                    {i18n.with(
                        "diagnosis-import-preview",
                        &[("file", &pending.file_name), ("count", &count.to_string())],
                    )}
                </h3>
                <p>{i18n.t("diagnosis-import-caption")}</p>
                <ol class="import-list">{items}</ol>
                <form method="post" action=SettleImport::url() class="actions">
                    <input type="hidden" name="slug" value=slug.to_owned()/>
                    <button type="submit" name="action" value="import" class="button">
                        {i18n.count("diagnosis-import-confirm", count as u64)}
                    </button>
                    <button type="submit" name="action" value="drop" class="button button-quiet">
                        {i18n.t("diagnosis-import-drop")}
                    </button>
                </form>
            </div>
        }
    });
    view! {
        <section class="card" aria-labelledby="import-title">
            <h2 id="import-title" tabindex="-1">{i18n.t("diagnosis-import-title")}</h2>
            <p>{i18n.t("diagnosis-import-why")}</p>
            <details>
                <summary>{i18n.t("diagnosis-import-columns-title")}</summary>
                <p>{i18n.t("diagnosis-import-columns")}</p>
                <p>{i18n.t("diagnosis-import-objectives")}</p>
                <ul>
                    {objectives
                        .iter()
                        .map(|o| {
                            view! {
                                <li>
                                    <code>{o.key.as_str().to_owned()}</code>
                                    " — "
                                    {objective_name(i18n, o, false)}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </details>
            {refused}
            {preview}
            <form
                method="post"
                action=UploadFindings::url()
                enctype="multipart/form-data"
                class="stacked-form"
            >
                <input type="hidden" name="slug" value=slug.to_owned()/>
                <p class="field">
                    <label for="import-file">{i18n.t("diagnosis-import-file")}</label>
                    <span class="hint" id="import-file-hint">{i18n.t("diagnosis-import-file-hint")}</span>
                    {file_error}
                    <input
                        type="file"
                        id="import-file"
                        name="file"
                        required
                        accept=".csv,.ods,.xlsx,text/csv,application/vnd.oasis.opendocument.spreadsheet,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                        aria-describedby=if invalid.is_some() { "import-file-hint import-file-error" } else { "import-file-hint" }
                        aria-invalid=invalid
                    />
                </p>
                <button type="submit" class="button">{i18n.t("diagnosis-import-send")}</button>
            </form>
        </section>
    }
}
