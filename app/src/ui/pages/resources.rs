//! `/{slug}/ressources`: the council's guide of local resources — searched with a plain GET
//! form (no script needed), grouped by kind, each with where, when, how to reach it and how
//! accessible it is; printed without the site's chrome. Its coordinators add and change
//! resources from it (`/{slug}/ressources/nouvelle`, `/{slug}/ressources/fiche/{id}`).

use super::loaded;
use crate::api::{ResourceForm, ResourcesPage, SaveResource, load_resource_form, load_resources};
use crate::domain::{
    LONG_TEXT_MAX, LocalResource, RESOURCE_LINE_MAX, RESOURCE_NAME_MAX, RESOURCE_PHONE_MAX,
    ResourceKind,
};
use crate::ui::components::{
    Crumb, FieldKind, FormField, Label, PageHeader, Paragraphs, SubmitOrCheck, form_refusal,
};
use crate::ui::i18n::{I18n, use_i18n};
use crate::ui::prefs::use_preferences;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn ResourcesRoute() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let page = Resource::new(
        move || {
            (
                params.read().get("slug").unwrap_or_default(),
                query.read().get("q").unwrap_or_default(),
            )
        },
        |(slug, q)| load_resources(slug, q),
    );
    loaded(page, |page| view! { <ResourcesView page/> }.into_any())
}

fn kind_message(kind: ResourceKind) -> &'static str {
    match kind {
        ResourceKind::Service => "resource-kind-service",
        ResourceKind::MutualAid => "resource-kind-gem",
        ResourceKind::Association => "resource-kind-association",
        ResourceKind::Other => "resource-kind-other",
    }
}

#[component]
fn ResourcesView(page: ResourcesPage) -> impl IntoView {
    let i18n = use_i18n();
    let ResourcesPage {
        council_slug,
        council_name,
        resources,
        query,
        total,
        can_edit,
        flash,
    } = page;
    let add = can_edit.then(|| {
        view! {
            <p class="no-print">
                <a class="button" href=format!("/{council_slug}/ressources/nouvelle")>
                    {i18n.t("resource-add")}
                </a>
            </p>
        }
    });
    let found = if total == 0 {
        view! { <p>{i18n.t("resources-none")}</p> }.into_any()
    } else if resources.is_empty() {
        view! { <p role="status">{i18n.with("resources-not-found", &[("query", &query)])}</p> }
            .into_any()
    } else {
        let searched = (!query.is_empty()).then(|| {
            view! {
                <p role="status">
                    {i18n.with(
                        "resources-found",
                        &[("count", &resources.len().to_string()), ("query", &query)],
                    )}
                </p>
            }
        });
        let groups = ResourceKind::ALL
            .into_iter()
            .filter_map(|kind| {
                let of_kind: Vec<LocalResource> = resources
                    .iter()
                    .filter(|r| r.fields.kind == kind)
                    .cloned()
                    .collect();
                (!of_kind.is_empty()).then(|| {
                    let heading = format!("resources-{}", kind.key());
                    let labelled_by = heading.clone();
                    let items = of_kind
                        .into_iter()
                        .map(|r| resource_card(i18n, &council_slug, r, can_edit))
                        .collect_view();
                    view! {
                        <section aria-labelledby=labelled_by>
                            <h2 id=heading>{i18n.t(kind_message(kind))}</h2>
                            <ul class="resources">{items}</ul>
                        </section>
                    }
                })
            })
            .collect_view();
        view! {
            {searched}
            {groups}
        }
        .into_any()
    };
    view! {
        <PageHeader
            tab=i18n.text("resources-title")
            crumbs=vec![Crumb::council(&council_slug, council_name.clone())]
            picto="home"
            heading=Label::Interface(i18n.text("resources-title"))
            about=council_name
            flash=flash
        />
        <p class="lead">{i18n.t("resources-intro")}</p>
        <form method="get" class="search-form no-print" role="search">
            <p class="field">
                <label for="resources-q">{i18n.t("resources-search")}</label>
                <span class="hint" id="resources-q-hint">{i18n.t("resources-search-hint")}</span>
                <input
                    type="search"
                    id="resources-q"
                    name="q"
                    value=query.clone()
                    maxlength="100"
                    aria-describedby="resources-q-hint"
                />
            </p>
            <button type="submit" class="button">{i18n.t("resources-search-submit")}</button>
        </form>
        {add}
        {found}
        <p class="no-print">{i18n.t("resources-print")}</p>
    }
}

fn resource_card(
    i18n: I18n,
    slug: &str,
    resource: LocalResource,
    can_edit: bool,
) -> impl IntoView + use<> {
    let prefs = use_preferences();
    let LocalResource { id, fields } = resource;
    let line = |label: &'static str, text: String| {
        (!text.is_empty()).then(|| {
            view! {
                <p>
                    <strong>{i18n.t(label)}</strong>
                    " : "
                    <span lang="fr">{text}</span>
                </p>
            }
        })
    };
    let phone = fields.phone_link().map(|href| {
        let number = fields.phone.clone();
        view! {
            <p>
                <strong>{i18n.t("resource-phone")}</strong>
                " : "
                <a href=href>{number}</a>
            </p>
        }
    });
    let website = (!fields.website.is_empty()).then(|| {
        let href = fields.website.clone();
        let shown = href.clone();
        view! {
            <p>
                <strong>{i18n.t("resource-website")}</strong>
                " : "
                <a href=href rel="noopener noreferrer">{shown}</a>
            </p>
        }
    });
    let edit = can_edit.then(|| {
        view! {
            <p class="no-print">
                <a
                    href=format!("/{slug}/ressources/fiche/{id}")
                    aria-label=format!("{} : {}", i18n.text("resource-edit"), fields.name)
                >
                    {i18n.t("resource-edit")}
                </a>
            </p>
        }
    });
    let description = fields.description.clone();
    view! {
        <li class="resource card" id=format!("resource-{id}") tabindex="-1">
            <h3 lang="fr">{fields.name.clone()}</h3>
            <div lang="fr">
                {move || view! { <Paragraphs text=description.pick(prefs.get().easy_read).to_owned()/> }}
            </div>
            {line("resource-address", fields.address.clone())}
            {line("resource-hours", fields.hours.clone())}
            {phone}
            {website}
            {line("resource-accessibility", fields.accessibility.clone())}
            {edit}
        </li>
    }
}

#[component]
pub fn NewResourceRoute() -> impl IntoView {
    let params = use_params_map();
    let page = Resource::new(
        move || params.read().get("slug").unwrap_or_default(),
        |slug| load_resource_form(slug, None),
    );
    loaded(page, |page| view! { <ResourceFormView page/> }.into_any())
}

#[component]
pub fn EditResourceRoute() -> impl IntoView {
    let key = super::slug_and_id();
    let page = Resource::new(key, |(slug, id)| load_resource_form(slug, Some(id)));
    loaded(page, |page| view! { <ResourceFormView page/> }.into_any())
}

#[component]
fn ResourceFormView(page: ResourceForm) -> impl IntoView {
    let i18n = use_i18n();
    let ResourceForm {
        council_slug,
        council_name,
        resource,
        flash,
    } = page;
    let heading = if resource.is_some() {
        "resource-edit-title"
    } else {
        "resource-new-title"
    };
    let now = |pick: fn(&LocalResource) -> String| resource.as_ref().map(pick).unwrap_or_default();
    let value = |name: &str, current: String| flash.value("resource", name, &current);
    let error = |name: &str| flash.error("resource", name);
    let kind_now = value("kind", now(|r| r.fields.kind.key().to_owned()));
    let kinds = ResourceKind::ALL
        .into_iter()
        .map(|kind| {
            view! {
                <option value=kind.key() selected=kind.key() == kind_now>
                    {i18n.t(kind_message(kind))}
                </option>
            }
        })
        .collect_view();
    let checked = error(crate::api::READABILITY_FIELD).map(|message| {
        view! {
            <div class="notice" id=format!("resource-{}", crate::api::READABILITY_FIELD) tabindex="-1" role="status" autofocus>
                <p>{i18n.text(&message)}</p>
            </div>
        }
    });
    let id = resource
        .as_ref()
        .map(|r| r.id.to_string())
        .unwrap_or_default();
    let delete = resource.as_ref().map(|r| {
        view! {
            <form method="post" action=SaveResource::url() class="actions">
                <input type="hidden" name="slug" value=council_slug.clone()/>
                <input type="hidden" name="id" value=r.id.to_string()/>
                <button type="submit" name="action" value="delete" class="button button-quiet">
                    {i18n.t("resource-delete")}
                </button>
            </form>
        }
    });
    let guide = format!("/{council_slug}/ressources");
    let kind_error = error("kind").map(|message| {
        view! { <p class="field-error" id="resource-kind-error" tabindex="-1" autofocus>{i18n.text(&message)}</p> }
    });
    view! {
        <PageHeader
            tab=i18n.text(heading)
            crumbs=vec![
                Crumb::council(&council_slug, council_name),
                Crumb::new(guide.clone(), Label::Interface(i18n.text("resources-title"))),
            ]
            picto="home"
            heading=Label::Interface(i18n.text(heading))
        />
        {form_refusal(i18n, &flash, "resource")}
        {checked}
        <form method="post" action=SaveResource::url() class="stacked-form card">
            <input type="hidden" name="slug" value=council_slug.clone()/>
            <input type="hidden" name="id" value=id/>
            <p class="field">
                <label for="resource-kind">{i18n.t("resource-kind")}</label>
                {kind_error}
                <select id="resource-kind" name="kind">{kinds}</select>
            </p>
            <FormField id="resource-name".to_owned() name="name" label="resource-name" kind=FieldKind::Line
                value=value("name", now(|r| r.fields.name.clone())) required=true max_length=RESOURCE_NAME_MAX error=error("name")/>
            <FormField id="resource-description".to_owned() name="description" label="resource-description" kind=FieldKind::Text
                value=value("description", now(|r| r.fields.description.plain.clone())) max_length=LONG_TEXT_MAX error=error("description") measured=true/>
            <FormField id="resource-description-easy".to_owned() name="description_easy" label="resource-description-easy"
                hint="finding-field-easy-hint" kind=FieldKind::Text
                value=value("description_easy", now(|r| r.fields.description.easy.clone())) max_length=LONG_TEXT_MAX error=error("description_easy") measured=true/>
            <FormField id="resource-address".to_owned() name="address" label="resource-address" kind=FieldKind::Line
                value=value("address", now(|r| r.fields.address.clone())) max_length=RESOURCE_LINE_MAX error=error("address")/>
            <FormField id="resource-hours".to_owned() name="hours" label="resource-hours" hint="resource-hours-hint" kind=FieldKind::Line
                value=value("hours", now(|r| r.fields.hours.clone())) max_length=RESOURCE_LINE_MAX error=error("hours")/>
            <FormField id="resource-phone".to_owned() name="phone" label="resource-phone" kind=FieldKind::Line
                value=value("phone", now(|r| r.fields.phone.clone())) max_length=RESOURCE_PHONE_MAX error=error("phone")/>
            <FormField id="resource-website".to_owned() name="website" label="resource-website" hint="resource-website-hint" kind=FieldKind::Line
                value=value("website", now(|r| r.fields.website.clone())) max_length=RESOURCE_LINE_MAX error=error("website")/>
            <FormField id="resource-accessibility".to_owned() name="accessibility" label="resource-accessibility"
                hint="resource-accessibility-hint" kind=FieldKind::Text
                value=value("accessibility", now(|r| r.fields.accessibility.clone())) max_length=2 * RESOURCE_LINE_MAX error=error("accessibility")/>
            <SubmitOrCheck action="resource-save"/>
        </form>
        {delete}
        <p>
            <a href=guide>{i18n.t("resource-back")}</a>
        </p>
    }
}
