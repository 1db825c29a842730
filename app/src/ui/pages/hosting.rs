//! `/exploitation`: the councils an instance hosts, for its operators — a new council's
//! form, then each council with its first coordinator's invitation, archiving, restoring.

use super::loaded;
use crate::api::{ChangeHosting, HostCouncil, HostedCouncilView, HostingPage, load_hosting};
use crate::domain::{COUNCIL_NAME_MAX, ObjectivePreset, TERRITORY_MAX};
use crate::ui::components::{FieldKind, FormField, Label, PageHeader, StepUp, form_refusal};
use crate::ui::i18n::{I18n, use_i18n};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

#[component]
pub fn HostingRoute() -> impl IntoView {
    let page = Resource::new(|| (), |()| load_hosting());
    loaded(page, |page| view! { <HostingView page/> }.into_any())
}

#[component]
fn HostingView(page: HostingPage) -> impl IntoView {
    let i18n = use_i18n();
    let HostingPage {
        councils,
        invited,
        verified_recently,
        flash,
    } = page;
    let invited = invited.map(|(slug, link)| {
        view! {
            <section class="notice" id="invited" tabindex="-1" role="status" autofocus>
                <p>{i18n.with("hosting-invited", &[("council", &slug)])}</p>
                <p class="invitation-link"><code>{link}</code></p>
                <p>{i18n.t("hosting-invited-once")}</p>
            </section>
        }
    });
    let step_up = (!verified_recently).then(|| view! { <StepUp back="/exploitation".to_owned()/> });
    let list = if councils.is_empty() {
        view! { <p>{i18n.t("hosting-none")}</p> }.into_any()
    } else {
        let items = councils
            .into_iter()
            .map(|council| council_item(i18n, council, &flash))
            .collect_view();
        view! { <ul class="hosted-councils">{items}</ul> }.into_any()
    };
    let value = |name: &str| flash.value("new-council", name, "");
    let error = |name: &str| flash.error("new-council", name);
    let chosen = value("objectives");
    let presets = ObjectivePreset::ALL
        .into_iter()
        .map(|preset| {
            let message = match preset {
                ObjectivePreset::National => "objective-preset-national",
                ObjectivePreset::ArsOccitanie => "objective-preset-ars-occitanie",
            };
            view! {
                <option value=preset.key() selected=chosen == preset.key()>{i18n.t(message)}</option>
            }
        })
        .collect_view();
    view! {
        <PageHeader
            tab=i18n.text("hosting-title")
            picto="council"
            heading=Label::Interface(i18n.text("hosting-title"))
            flash=flash.clone()
        />
        <p class="lead">{i18n.t("hosting-intro")}</p>
        {invited}
        {step_up}
        <section class="card" aria-labelledby="hosted-title">
            <h2 id="hosted-title">{i18n.t("hosting-councils")}</h2>
            {list}
        </section>
        <form method="post" action=HostCouncil::url() class="stacked-form card">
            <h2 id="new-council-title" tabindex="-1">{i18n.t("hosting-new")}</h2>
            <FormField
                id="new-council-slug".to_owned()
                name="slug"
                label="hosting-slug"
                hint="hosting-slug-hint"
                kind=FieldKind::Line
                value=value("slug")
                required=true
                max_length=64
                error=error("slug")
            />
            <FormField
                id="new-council-name".to_owned()
                name="name"
                label="settings-profile-name"
                kind=FieldKind::Line
                value=value("name")
                required=true
                max_length=COUNCIL_NAME_MAX
                error=error("name")
            />
            <FormField
                id="new-council-territory".to_owned()
                name="territory"
                label="settings-profile-territory"
                hint="settings-profile-territory-hint"
                kind=FieldKind::Line
                value=value("territory")
                max_length=TERRITORY_MAX
                error=error("territory")
            />
            <p class="field">
                <label for="new-council-objectives">{i18n.t("diagnosis-objective-preset")}</label>
                <select id="new-council-objectives" name="objectives">{presets}</select>
            </p>
            <button type="submit" class="button">{i18n.t("hosting-create")}</button>
        </form>
    }
}

fn council_item(
    i18n: I18n,
    council: HostedCouncilView,
    flash: &crate::api::PageFlash,
) -> impl IntoView + use<> {
    let id = format!("council-{}", council.slug);
    let heading = format!("{id}-name");
    let state = if council.archived {
        view! { <span class="tag">{i18n.t("hosting-archived")}</span> }.into_any()
    } else {
        view! { <a href=format!("/{}", council.slug)>{format!("/{}", council.slug)}</a> }.into_any()
    };
    let button = |action: &'static str, text: &'static str, quiet: bool| {
        view! {
            <button
                type="submit"
                name="action"
                value=action
                class=if quiet { "button button-quiet" } else { "button" }
                aria-label=format!("{} : {}", i18n.text(text), council.name)
            >
                {i18n.t(text)}
            </button>
        }
    };
    let actions = if council.archived {
        button("restore", "hosting-restore", true).into_any()
    } else {
        view! {
            {button("invite", "hosting-invite", false)}
            {button("archive", "hosting-archive", true)}
        }
        .into_any()
    };
    view! {
        <li id=id.clone() tabindex="-1">
            <h3 id=heading.clone() lang="fr">{council.name.clone()}</h3>
            <p class="meta">
                {state}
                " · "
                {i18n.with("hosting-created", &[("date", &council.created)])}
            </p>
            {form_refusal(i18n, flash, &id)}
            <form method="post" action=ChangeHosting::url() class="actions" aria-labelledby=heading>
                <input type="hidden" name="slug" value=council.slug.clone()/>
                {actions}
            </form>
        </li>
    }
}
