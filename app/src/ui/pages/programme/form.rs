//! `/{slug}/feuille-de-route/nouvelle` and `…/action/{id}/modifier`: a coordinator writes an
//! action — what, in plain and easy-read words; the priority or objective it serves; who
//! leads it, with whom, for whom; its money and its dates.

use super::*;
use crate::api::{ActionFormPage, SaveAction, load_action_form};
use crate::domain::action::{FUNDER_MAX, LEAD_MAX, PARTNERS_MAX, PUBLIC_MAX};
use crate::domain::{LONG_TEXT_MAX, TITLE_MAX};
use crate::ui::components::{
    Crumb, FieldKind, FormField, Label, PageHeader, SelectField, SubmitOrCheck, form_refusal,
};
use crate::ui::i18n::use_i18n;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_params_map;

#[component]
pub fn NewActionRoute() -> impl IntoView {
    let params = use_params_map();
    let page = Resource::new(
        move || params.read().get("slug").unwrap_or_default(),
        |slug| load_action_form(slug, None),
    );
    loaded(page, |page| view! { <ActionFormView page/> }.into_any())
}

#[component]
pub fn EditActionRoute() -> impl IntoView {
    let key = super::super::slug_and_id();
    let page = Resource::new(key, |(slug, id)| load_action_form(slug, Some(id)));
    loaded(page, |page| view! { <ActionFormView page/> }.into_any())
}

#[component]
fn ActionFormView(page: ActionFormPage) -> impl IntoView {
    let i18n = use_i18n();
    let ActionFormPage {
        council_slug,
        council_name,
        action,
        priorities,
        objectives,
        today,
        flash,
    } = page;
    let form = "action";
    let heading = if action.is_some() {
        "action-edit-title"
    } else {
        "action-new-title"
    };
    let now = |pick: &dyn Fn(&Action) -> String| action.as_ref().map(pick).unwrap_or_default();
    let value = |name: &str, current: String| flash.value(form, name, &current);
    let error = |name: &str| flash.error(form, name);
    let mut priority_options = vec![(String::new(), i18n.text("action-field-priority-none"))];
    priority_options.extend(priorities.iter().map(|adopted| {
        (
            adopted.priority.id.to_string(),
            format!(
                "{} ({})",
                priority_title(adopted, false),
                adopted.vote_title
            ),
        )
    }));
    let mut objective_options = vec![(String::new(), i18n.text("action-field-objective-none"))];
    objective_options.extend(objectives.iter().map(|objective| {
        (
            objective.key.as_str().to_owned(),
            objective_title(i18n, objective, false),
        )
    }));
    // Every plain field: its id from its name, what was typed given back, its refusal
    // beside it; long texts show their readability.
    let field = |name: &'static str,
                 label: &'static str,
                 hint: &'static str,
                 kind: FieldKind,
                 required: bool,
                 max: usize,
                 current: String| {
        let measured = kind == FieldKind::Text;
        view! {
            <FormField
                id=format!("action-{}", name.replace('_', "-"))
                name
                label
                hint
                kind
                value=value(name, current)
                required
                max_length=max
                error=error(name)
                measured
            />
        }
    };
    let id = action
        .as_ref()
        .map(|a| a.id.to_string())
        .unwrap_or_default();
    let roadmap = format!("/{council_slug}/feuille-de-route");
    let back = action
        .as_ref()
        .map(|a| format!("{roadmap}/action/{}", a.id))
        .unwrap_or_else(|| roadmap.clone());
    let checked = error(crate::api::READABILITY_FIELD).map(|message| {
        view! {
            <div class="notice" id=format!("action-{}", crate::api::READABILITY_FIELD) tabindex="-1" role="status" autofocus>
                <p>{i18n.text(&message)}</p>
            </div>
        }
    });
    view! {
        <PageHeader
            tab=i18n.text(heading)
            crumbs=vec![
                Crumb::council(&council_slug, council_name),
                Crumb::new(roadmap.clone(), Label::Interface(i18n.text("roadmap-title"))),
            ]
            picto="results"
            heading=Label::Interface(i18n.text(heading))
        />
        <p class="lead">{i18n.t("action-form-intro")}</p>
        {form_refusal(i18n, &flash, form)}
        {checked}
        <form method="post" action=SaveAction::url() class="stacked-form card">
            <input type="hidden" name="slug" value=council_slug.clone()/>
            <input type="hidden" name="id" value=id/>
            {field("title", "action-field-title", "action-field-title-hint", FieldKind::Line, true, TITLE_MAX, now(&|a| a.fields.title.plain.clone()))}
            {field("title_easy", "action-field-title-easy", "outcome-field-easy-hint", FieldKind::Line, false, TITLE_MAX, now(&|a| a.fields.title.easy.clone()))}
            {field("summary", "action-field-summary", "action-field-summary-hint", FieldKind::Text, true, LONG_TEXT_MAX, now(&|a| a.fields.summary.plain.clone()))}
            {field("summary_easy", "action-field-summary-easy", "action-field-summary-easy-hint", FieldKind::Text, true, LONG_TEXT_MAX, now(&|a| a.fields.summary.easy.clone()))}
            <SelectField
                id="action-priority".to_owned()
                name="priority"
                label="action-field-priority"
                hint="action-field-priority-hint"
                options=priority_options
                value=value("priority", now(&|a| a.fields.priority.map(|p| p.to_string()).unwrap_or_default()))
                error=error("priority")
            />
            <SelectField
                id="action-objective".to_owned()
                name="objective"
                label="action-field-objective"
                options=objective_options
                value=value("objective", now(&|a| a.fields.objective.as_ref().map(|k| k.as_str().to_owned()).unwrap_or_default()))
                error=error("objective")
            />
            {field("lead", "action-field-lead", "action-field-lead-hint", FieldKind::Line, true, LEAD_MAX, now(&|a| a.fields.lead.clone()))}
            {field("partners", "action-field-partners", "action-field-partners-hint", FieldKind::Line, false, PARTNERS_MAX, now(&|a| a.fields.partners.clone()))}
            {field("public", "action-field-public", "action-field-public-hint", FieldKind::Line, false, PUBLIC_MAX, now(&|a| a.fields.public.clone()))}
            {field("budget", "action-field-budget", "action-field-budget-hint", FieldKind::Line, false, 20, now(&|a| a.fields.budget.map(|b| b.to_string()).unwrap_or_default()))}
            {field("funder", "action-field-funder", "action-field-funder-hint", FieldKind::Line, false, FUNDER_MAX, now(&|a| a.fields.funder.clone()))}
            {field("starts_on", "action-field-starts-on", "action-field-starts-on-hint", FieldKind::Date, true, 10, action.as_ref().map(|a| a.fields.starts_on.format("%Y-%m-%d").to_string()).unwrap_or(today.clone()))}
            {field("ends_on", "action-field-ends-on", "action-field-ends-on-hint", FieldKind::Date, false, 10, now(&|a| a.fields.ends_on.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()))}
            <SubmitOrCheck action="action-save"/>
        </form>
        <p>
            <a href=back>{i18n.t("action-cancel")}</a>
        </p>
    }
}
