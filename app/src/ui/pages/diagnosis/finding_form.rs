//! `/{slug}/diagnostic/nouveau` and `/{slug}/diagnostic/constat/{id}`: one finding's form,
//! each text beside its easy-read version (measured for readability), its objective, and
//! what it rests on. A new finding is a draft until published from the editor.

use super::super::loaded;
use crate::api::{ChangeEvidence, FindingForm, SaveFinding, load_finding_form};
use crate::domain::EvidenceQuestion;
use crate::domain::{LONG_TEXT_MAX, SOURCE_MAX, SourceKind, TITLE_MAX};
use crate::ui::components::{
    Crumb, FieldKind, FormField, Label, PageHeader, SubmitOrCheck, form_refusal, objective_name,
};
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_params_map;

#[component]
pub fn NewFindingRoute() -> impl IntoView {
    let params = use_params_map();
    let page = Resource::new(
        move || params.read().get("slug").unwrap_or_default(),
        |slug| load_finding_form(slug, None),
    );
    loaded(page, |page| view! { <FindingFormView page/> }.into_any())
}

#[component]
pub fn EditFindingRoute() -> impl IntoView {
    let key = super::super::slug_and_id();
    let page = Resource::new(key, |(slug, id)| load_finding_form(slug, Some(id)));
    loaded(page, |page| view! { <FindingFormView page/> }.into_any())
}

#[component]
fn FindingFormView(page: FindingForm) -> impl IntoView {
    let i18n = use_i18n();
    let FindingForm {
        council_slug,
        council_name,
        finding,
        objectives,
        evidence,
        evidence_choices,
        flash,
    } = page;
    let heading = if finding.is_some() {
        "finding-edit-title"
    } else {
        "finding-new-title"
    };
    let current = |pick: fn(&crate::domain::Finding) -> String| {
        finding.as_ref().map(pick).unwrap_or_default()
    };
    let value = |name: &str, now: String| flash.value("finding", name, &now);
    let error = |name: &str| flash.error("finding", name);
    let objective_now = value("objective", current(|f| f.objective.as_str().to_owned()));
    let objective_options = objectives
        .iter()
        .map(|o| {
            let key = o.key.as_str().to_owned();
            let selected = key == objective_now;
            view! { <option value=key selected=selected>{objective_name(i18n, o, false)}</option> }
        })
        .collect_view();
    let kind_now = value("source_kind", current(|f| f.source_kind.key().to_owned()));
    let kinds = SourceKind::ALL
        .into_iter()
        .map(|kind| {
            let label = match kind {
                SourceKind::Unsaid => "finding-source-unsaid".to_owned(),
                other => format!("finding-source-{}", other.key()),
            };
            view! {
                <option value=kind.key() selected=kind.key() == kind_now>{i18n.text(&label)}</option>
            }
        })
        .collect_view();
    let field_error = |name: &str| {
        error(name).map(|message| {
            view! {
                <p class="field-error" id=format!("finding-{name}-error") tabindex="-1" autofocus>
                    {i18n.text(&message)}
                </p>
            }
        })
    };
    let checked = error(crate::api::READABILITY_FIELD).map(|message| {
        view! {
            <div class="notice" id=format!("finding-{}", crate::api::READABILITY_FIELD) tabindex="-1" role="status" autofocus>
                <p>{i18n.text(&message)}</p>
            </div>
        }
    });
    let id = finding
        .as_ref()
        .map(|f| f.id.to_string())
        .unwrap_or_default();
    let back = format!("/{council_slug}/diagnostic");
    let evidence = finding.as_ref().map(|f| {
        evidence_section(
            i18n,
            &council_slug,
            f.id,
            evidence,
            evidence_choices,
            &flash,
        )
    });
    view! {
        <PageHeader
            tab=i18n.text(heading)
            crumbs=vec![
                Crumb::council(&council_slug, council_name),
                Crumb::new(back.clone(), Label::Interface(i18n.text("diagnosis-title"))),
            ]
            picto="findings"
            heading=Label::Interface(i18n.text(heading))
        />
        {form_refusal(i18n, &flash, "finding")}
        {checked}
        <form method="post" action=SaveFinding::url() class="stacked-form card">
            <input type="hidden" name="slug" value=council_slug.clone()/>
            <input type="hidden" name="id" value=id/>
            <p class="field">
                <label for="finding-objective">{i18n.t("finding-objective")}</label>
                {field_error("objective")}
                <select id="finding-objective" name="objective" required>
                    {objective_options}
                </select>
            </p>
            <FormField
                id="finding-title".to_owned()
                name="title"
                label="finding-field-title"
                kind=FieldKind::Line
                value=value("title", current(|f| f.title.plain.clone()))
                required=true
                max_length=TITLE_MAX
                error=error("title")
            />
            <FormField
                id="finding-title-easy".to_owned()
                name="title_easy"
                label="finding-field-title-easy"
                hint="finding-field-easy-hint"
                kind=FieldKind::Line
                value=value("title_easy", current(|f| f.title.easy.clone()))
                max_length=TITLE_MAX
                error=error("title_easy")
                measured=true
            />
            <FormField
                id="finding-summary".to_owned()
                name="summary"
                label="finding-field-summary"
                hint="finding-field-summary-hint"
                kind=FieldKind::Text
                value=value("summary", current(|f| f.summary.plain.clone()))
                required=true
                max_length=LONG_TEXT_MAX
                error=error("summary")
                measured=true
            />
            <FormField
                id="finding-summary-easy".to_owned()
                name="summary_easy"
                label="finding-field-summary-easy"
                hint="finding-field-easy-hint"
                kind=FieldKind::Text
                value=value("summary_easy", current(|f| f.summary.easy.clone()))
                max_length=LONG_TEXT_MAX
                error=error("summary_easy")
                measured=true
            />
            <FormField
                id="finding-detail".to_owned()
                name="detail"
                label="finding-field-detail"
                kind=FieldKind::Text
                value=value("detail", current(|f| f.detail.plain.clone()))
                max_length=2 * LONG_TEXT_MAX
                error=error("detail")
                measured=true
            />
            <FormField
                id="finding-detail-easy".to_owned()
                name="detail_easy"
                label="finding-field-detail-easy"
                hint="finding-field-easy-hint"
                kind=FieldKind::Text
                value=value("detail_easy", current(|f| f.detail.easy.clone()))
                max_length=2 * LONG_TEXT_MAX
                error=error("detail_easy")
                measured=true
            />
            <FormField
                id="finding-source".to_owned()
                name="source"
                label="finding-source"
                hint="finding-field-source-hint"
                kind=FieldKind::Line
                value=value("source", current(|f| f.source.clone()))
                max_length=SOURCE_MAX
                error=error("source")
            />
            <p class="field">
                <label for="finding-source-kind">{i18n.t("finding-field-source-kind")}</label>
                {field_error("source_kind")}
                <select id="finding-source-kind" name="source_kind">{kinds}</select>
            </p>
            <FormField
                id="finding-source-year".to_owned()
                name="source_year"
                label="finding-field-source-year"
                hint="finding-field-source-year-hint"
                kind=FieldKind::Line
                value=value("source_year", current(|f| f.source_year.map(|y| y.to_string()).unwrap_or_default()))
                max_length=4
                error=error("source_year")
            />
            <SubmitOrCheck action="finding-save"/>
        </form>
        {evidence}
        <p>
            <a href=back>{i18n.t("finding-back-to-diagnosis")}</a>
        </p>
    }
}

/// The survey questions the finding rests on, each with its own unlink button, and a form
/// to link another among the council's opened or closed surveys. Only a closed survey's
/// results reach the public page, and only where enough people answered.
fn evidence_section(
    i18n: crate::ui::i18n::I18n,
    slug: &str,
    finding: i64,
    linked: Vec<EvidenceQuestion>,
    choices: Vec<EvidenceQuestion>,
    flash: &crate::api::PageFlash,
) -> impl IntoView + use<> {
    let hidden = move || {
        view! {
            <input type="hidden" name="slug" value=slug.to_owned()/>
            <input type="hidden" name="finding" value=finding.to_string()/>
        }
    };
    let refusal = flash.error("evidence", "question").map(|message| {
        view! {
            <p class="field-error" id="evidence-question-error" tabindex="-1" autofocus>
                {i18n.text(&message)}
            </p>
        }
    });
    let items = linked
        .iter()
        .map(|q| {
            let state = if q.closed {
                "finding-evidence-public"
            } else {
                "finding-evidence-not-yet"
            };
            view! {
                <li class="card">
                    <p>
                        <span lang="fr">{q.survey_title.plain.clone()}</span>
                        " — "
                        <strong lang="fr">{q.prompt.plain.clone()}</strong>
                    </p>
                    <p class="hint">{i18n.t(state)}</p>
                    <form method="post" action=ChangeEvidence::url()>
                        {hidden()}
                        <input type="hidden" name="question" value=q.question_id.to_string()/>
                        <button type="submit" name="action" value="unlink" class="button button-quiet">
                            {i18n.t("finding-evidence-unlink")}
                        </button>
                    </form>
                </li>
            }
        })
        .collect_view();
    let list = if linked.is_empty() {
        view! { <p>{i18n.t("finding-evidence-none")}</p> }.into_any()
    } else {
        view! { <ul class="cards">{items}</ul> }.into_any()
    };
    let mut surveys: Vec<(i64, String, Vec<&EvidenceQuestion>)> = Vec::new();
    for q in &choices {
        match surveys.iter_mut().find(|(id, _, _)| *id == q.survey_id) {
            Some((_, _, questions)) => questions.push(q),
            None => surveys.push((q.survey_id, q.survey_title.plain.clone(), vec![q])),
        }
    }
    let link_form = if surveys.is_empty() {
        view! { <p>{i18n.t("finding-evidence-no-choice")}</p> }.into_any()
    } else {
        let groups = surveys
            .into_iter()
            .map(|(_, title, questions)| {
                let options = questions
                    .into_iter()
                    .map(|q| {
                        view! {
                            <option value=q.question_id.to_string()>{q.prompt.plain.clone()}</option>
                        }
                    })
                    .collect_view();
                view! { <optgroup label=title>{options}</optgroup> }
            })
            .collect_view();
        view! {
            <form method="post" action=ChangeEvidence::url() class="stacked-form card">
                {hidden()}
                <p class="field">
                    <label for="evidence-question">{i18n.t("finding-evidence-choose")}</label>
                    {refusal}
                    <select id="evidence-question" name="question" required>
                        <option value="">{i18n.t("finding-evidence-pick")}</option>
                        {groups}
                    </select>
                </p>
                <button type="submit" name="action" value="link" class="button">
                    {i18n.t("finding-evidence-link")}
                </button>
            </form>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="evidence-title">
            <h2 id="evidence-title" tabindex="-1">{i18n.t("finding-evidence-staff")}</h2>
            {crate::ui::components::notice(i18n, flash)}
            <p>{i18n.t("finding-evidence-intro")}</p>
            {list}
            {link_form}
        </section>
    }
}
