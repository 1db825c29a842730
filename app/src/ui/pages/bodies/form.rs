//! `/{slug}/instances/nouvelle` and `…/{id}/modifier`: a coordinator writes a body — its
//! kind, its name, what it is for in plain and easy-read words, the priority it carries.

use super::*;
use crate::api::{BodyFormPage, SaveBody, load_body_form};
use crate::domain::{LONG_TEXT_MAX, TITLE_MAX};
use crate::ui::components::{
    Crumb, FieldKind, FormField, Label, PageHeader, SelectField, SubmitOrCheck, form_refusal,
};
use crate::ui::i18n::use_i18n;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_params_map;

#[component]
pub fn NewBodyRoute() -> impl IntoView {
    let params = use_params_map();
    let page = Resource::new(
        move || params.read().get("slug").unwrap_or_default(),
        |slug| load_body_form(slug, None),
    );
    loaded(page, |page| view! { <BodyFormView page/> }.into_any())
}

#[component]
pub fn EditBodyRoute() -> impl IntoView {
    let key = super::super::slug_and_id();
    let page = Resource::new(key, |(slug, id)| load_body_form(slug, Some(id)));
    loaded(page, |page| view! { <BodyFormView page/> }.into_any())
}

#[component]
fn BodyFormView(page: BodyFormPage) -> impl IntoView {
    let i18n = use_i18n();
    let BodyFormPage {
        council_slug,
        council_name,
        body,
        priorities,
        flash,
    } = page;
    let form = "body";
    let heading = if body.is_some() {
        "body-edit-title"
    } else {
        "body-new-title"
    };
    let value = |name: &str, current: String| flash.value(form, name, &current);
    let error = |name: &str| flash.error(form, name);
    let kinds = BodyKind::ALL
        .into_iter()
        .map(|kind| (kind.key().to_owned(), i18n.text(&kind_message(kind))))
        .collect::<Vec<_>>();
    let mut priority_options = vec![(String::new(), i18n.text("body-field-priority-none"))];
    priority_options.extend(
        priorities
            .into_iter()
            .map(|(id, title)| (id.to_string(), title)),
    );
    let id = body.as_ref().map(|b| b.id.to_string()).unwrap_or_default();
    let list = format!("/{council_slug}/instances");
    let back = body
        .as_ref()
        .map(|b| format!("{list}/{}", b.id))
        .unwrap_or_else(|| list.clone());
    let checked = error(crate::api::READABILITY_FIELD).map(|message| {
        view! {
            <div class="notice" id=format!("body-{}", crate::api::READABILITY_FIELD) tabindex="-1" role="status" autofocus>
                <p>{i18n.text(&message)}</p>
            </div>
        }
    });
    let now = |pick: &dyn Fn(&crate::domain::body::Body) -> String| {
        body.as_ref().map(pick).unwrap_or_default()
    };
    view! {
        <PageHeader
            tab=i18n.text(heading)
            crumbs=vec![
                Crumb::council(&council_slug, council_name),
                Crumb::new(list.clone(), Label::Interface(i18n.text("bodies-title"))),
            ]
            picto="council"
            heading=Label::Interface(i18n.text(heading))
        />
        <p class="lead">{i18n.t("body-form-intro")}</p>
        {form_refusal(i18n, &flash, form)}
        {checked}
        <form method="post" action=SaveBody::url() class="stacked-form card">
            <input type="hidden" name="slug" value=council_slug.clone()/>
            <input type="hidden" name="id" value=id/>
            <SelectField
                id="body-kind".to_owned()
                name="kind"
                label="body-field-kind"
                options=kinds
                value=value("kind", now(&|b| b.kind.key().to_owned()))
                error=error("kind")
            />
            <FormField
                id="body-name".to_owned()
                name="name"
                label="body-field-name"
                hint="body-field-name-hint"
                kind=FieldKind::Line
                value=value("name", now(&|b| b.name.clone()))
                required=true
                max_length=TITLE_MAX
                error=error("name")
            />
            <FormField
                id="body-purpose".to_owned()
                name="purpose"
                label="body-field-purpose"
                kind=FieldKind::Text
                value=value("purpose", now(&|b| b.purpose.plain.clone()))
                required=true
                max_length=LONG_TEXT_MAX
                error=error("purpose")
                measured=true
            />
            <FormField
                id="body-purpose-easy".to_owned()
                name="purpose_easy"
                label="body-field-purpose-easy"
                hint="outcome-field-easy-hint"
                kind=FieldKind::Text
                value=value("purpose_easy", now(&|b| b.purpose.easy.clone()))
                required=true
                max_length=LONG_TEXT_MAX
                error=error("purpose_easy")
                measured=true
            />
            <SelectField
                id="body-priority".to_owned()
                name="priority"
                label="body-field-priority"
                hint="body-field-priority-hint"
                options=priority_options
                value=value("priority", now(&|b| b.priority.map(|p| p.to_string()).unwrap_or_default()))
                error=error("priority")
            />
            <SubmitOrCheck action="body-save"/>
        </form>
        <p>
            <a href=back>{i18n.t("body-cancel")}</a>
        </p>
    }
}
