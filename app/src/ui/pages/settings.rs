//! `/{slug}/reglages`: a council's settings, for its coordinators (a plain form post).

use super::loaded;
use crate::api::{SaveLocalHelp, SaveSettings, SettingsPage, load_settings};
use crate::ui::components::notice;
use crate::ui::components::{FieldKind, FormField};
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn SettingsRoute() -> impl IntoView {
    let params = use_params_map();
    let page = Resource::new(
        move || params.read().get("slug").unwrap_or_default(),
        load_settings,
    );
    loaded(page, |page| view! { <SettingsView page/> }.into_any())
}

#[component]
fn SettingsView(page: SettingsPage) -> impl IntoView {
    let i18n = use_i18n();
    let SettingsPage {
        council_slug,
        council_name,
        min_group_size,
        local_help,
        flash,
    } = page;
    view! {
        <Title text=i18n.text("settings-title")/>
        <h1>{i18n.t("settings-title")} " — " <span lang="fr">{council_name}</span></h1>
        {notice(i18n, &flash)}
        <form method="post" action=SaveSettings::url() class="stacked-form card">
            <input type="hidden" name="slug" value=council_slug.clone()/>
            <h2>{i18n.t("settings-privacy")}</h2>
            <p>{i18n.t("settings-min-group-why")}</p>
            <FormField
                id="settings-min-group".to_owned()
                name="min_group_size"
                label="settings-min-group"
                hint="settings-min-group-hint"
                kind=FieldKind::Line
                value=flash.value("settings", "min_group_size", &min_group_size.to_string())
                required=true
                error=flash.error("settings", "min_group_size")
            />
            <button type="submit" class="button">{i18n.t("settings-save")}</button>
        </form>
        <form method="post" action=SaveLocalHelp::url() class="stacked-form card">
            <input type="hidden" name="slug" value=council_slug/>
            <h2>{i18n.t("settings-local-help-title")}</h2>
            <p>{i18n.t("settings-local-help-why")}</p>
            <FormField
                id="settings-local-help".to_owned()
                name="local_help"
                label="settings-local-help"
                hint="settings-local-help-hint"
                kind=FieldKind::Text
                value=flash.value("local-help", "local_help", &local_help.join("\n"))
                error=flash.error("local-help", "local_help")
            />
            <button type="submit" class="button">{i18n.t("settings-save")}</button>
        </form>
    }
}
