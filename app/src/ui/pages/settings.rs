//! `/{slug}/reglages`: a council's settings, for its coordinators (a plain form post).

use super::loaded;
use crate::api::{
    AddCollege, ChangeCollege, SaveCouncilProfile, SaveLocalHelp, SaveSettings, SettingsPage,
    load_settings,
};
use crate::domain::{COUNCIL_NAME_MAX, CouncilProfile, DESCRIPTION_MAX, TERRITORY_MAX};
use crate::ui::components::notice;
use crate::ui::components::{FieldKind, FormField, SubmitOrCheck};
use crate::ui::i18n::I18n;
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
        profile,
        colleges,
        min_group_size,
        local_help,
        flash,
    } = page;
    view! {
        <Title text=i18n.text("settings-title")/>
        <h1>{i18n.t("settings-title")} " — " <span lang="fr">{council_name}</span></h1>
        {notice(i18n, &flash)}
        {profile_form(i18n, &council_slug, &profile, &flash)}
        {colleges_section(i18n, &council_slug, colleges, &flash)}
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

/// What the council says of itself: name, territory, description and its easy-read version
/// (measured for readability), who chairs and co-hosts it, a contact, and whether the index
/// lists it. A plain form; "check readability" gives it back measured, storing nothing.
fn profile_form(
    i18n: I18n,
    slug: &str,
    profile: &CouncilProfile,
    flash: &crate::api::PageFlash,
) -> impl IntoView + use<> {
    let value = |name: &str, current: &str| flash.value("profile", name, current);
    let error = |name: &str| flash.error("profile", name);
    let listed = flash
        .refusal("profile")
        .map(|echo| echo.values.get("listed").is_some_and(|v| !v.is_empty()))
        .unwrap_or(profile.listed);
    let checked = error(crate::api::READABILITY_FIELD).map(|message| {
        view! {
            <div class="notice" id=format!("profile-{}", crate::api::READABILITY_FIELD) tabindex="-1" role="status" autofocus>
                <p>{i18n.text(&message)}</p>
            </div>
        }
    });
    let (plain, easy) = (
        value("description", &profile.description.plain),
        value("description_easy", &profile.description.easy),
    );
    let picto_now = value("picto", profile.picto.as_deref().unwrap_or_default());
    let pictos = crate::ui::components::picto_options(i18n, &picto_now, true);
    let easy_missing = (!plain.trim().is_empty() && easy.trim().is_empty())
        .then(|| view! { <p class="tag easy-missing">{i18n.t("easy-missing")}</p> });
    view! {
        <form method="post" action=SaveCouncilProfile::url() class="stacked-form card">
            <input type="hidden" name="slug" value=slug.to_owned()/>
            <h2 id="profile-title" tabindex="-1">{i18n.t("settings-profile-title")}</h2>
            <p>{i18n.t("settings-profile-why")}</p>
            {checked}
            <FormField
                id="profile-name".to_owned()
                name="name"
                label="settings-profile-name"
                kind=FieldKind::Line
                value=value("name", &profile.name)
                required=true
                max_length=COUNCIL_NAME_MAX
                error=error("name")
            />
            <FormField
                id="profile-territory".to_owned()
                name="territory"
                label="settings-profile-territory"
                hint="settings-profile-territory-hint"
                kind=FieldKind::Line
                value=value("territory", &profile.territory)
                max_length=TERRITORY_MAX
                error=error("territory")
            />
            <FormField
                id="profile-description".to_owned()
                name="description"
                label="settings-profile-description"
                kind=FieldKind::Text
                value=plain
                max_length=DESCRIPTION_MAX
                error=error("description")
                measured=true
            />
            <FormField
                id="profile-description-easy".to_owned()
                name="description_easy"
                label="settings-profile-description-easy"
                hint="settings-profile-description-easy-hint"
                kind=FieldKind::Text
                value=easy
                max_length=DESCRIPTION_MAX
                error=error("description_easy")
                measured=true
            />
            {easy_missing}
            <FormField
                id="profile-chair".to_owned()
                name="chair"
                label="settings-profile-chair"
                hint="settings-profile-chair-hint"
                kind=FieldKind::Line
                value=value("chair", &profile.chair)
                max_length=TERRITORY_MAX
                error=error("chair")
            />
            <FormField
                id="profile-co-host".to_owned()
                name="co_host"
                label="settings-profile-co-host"
                hint="settings-profile-co-host-hint"
                kind=FieldKind::Line
                value=value("co_host", &profile.co_host)
                max_length=TERRITORY_MAX
                error=error("co_host")
            />
            <FormField
                id="profile-contact".to_owned()
                name="contact"
                label="settings-profile-contact"
                hint="settings-profile-contact-hint"
                kind=FieldKind::Line
                value=value("contact", &profile.contact)
                max_length=TERRITORY_MAX
                error=error("contact")
            />
            <p class="field">
                <label for="profile-picto">{i18n.t("settings-profile-picto")}</label>
                <span class="hint" id="profile-picto-hint">{i18n.t("settings-profile-picto-hint")}</span>
                <select id="profile-picto" name="picto" aria-describedby="profile-picto-hint">
                    {pictos}
                </select>
            </p>
            <p class="choice">
                <input type="checkbox" id="profile-listed" name="listed" value="on" checked=listed/>
                <label for="profile-listed">{i18n.t("settings-profile-listed")}</label>
            </p>
            <SubmitOrCheck action="settings-save"/>
        </form>
    }
}

/// The council's colleges in their order: each renamed or moved by its own plain form (its
/// key never changes), and one more added at the end.
fn colleges_section(
    i18n: I18n,
    slug: &str,
    colleges: Vec<crate::domain::College>,
    flash: &crate::api::PageFlash,
) -> impl IntoView + use<> {
    let count = colleges.len();
    let items = colleges
        .into_iter()
        .enumerate()
        .map(|(n, college)| {
            let crate::domain::College {
                key,
                label,
                label_easy,
                picto,
                retired,
            } = college;
            let key = key.as_str().to_owned();
            let form = format!("college-{key}");
            let default = crate::domain::DEFAULT_COLLEGES.contains(&key.as_str());
            let name = label
                .clone()
                .unwrap_or_else(|| i18n.text(&format!("college-{key}")));
            let heading = format!("{form}-name");
            let button = |action: &'static str, text: &'static str| {
                view! {
                    <button
                        type="submit"
                        name="action"
                        value=action
                        class="button button-quiet"
                        aria-label=format!("{} : {}", i18n.text(text), name)
                    >
                        {i18n.t(text)}
                    </button>
                }
            };
            let up = (n > 0).then(|| button("up", "agenda-move-up"));
            let down = (n + 1 < count).then(|| button("down", "agenda-move-down"));
            let retire = if retired {
                button("restore", "settings-college-restore")
            } else {
                button("retire", "settings-college-retire")
            };
            let state = retired.then(|| {
                view! { <span class="tag tag-draft">{i18n.t("settings-college-retired")}</span> }
            });
            let picto_now = flash.value(&form, "picto", picto.as_deref().unwrap_or_default());
            let pictos = crate::ui::components::picto_options(i18n, &picto_now, true);
            let shown = picto.map(|p| crate::ui::components::chosen_picto(&p));
            view! {
                <li id=form.clone() tabindex="-1">
                    <h3 id=heading.clone()>{shown}{name.clone()} {state}</h3>
                    {crate::ui::components::form_refusal(i18n, flash, &form)}
                    <form
                        method="post"
                        action=ChangeCollege::url()
                        class="stacked-form"
                        aria-labelledby=heading
                    >
                        <input type="hidden" name="slug" value=slug.to_owned()/>
                        <input type="hidden" name="college" value=key.clone()/>
                        <FormField
                            id=format!("{form}-label")
                            name="label"
                            label="settings-college-label"
                            hint=if default { "settings-college-label-default" } else { "settings-college-label-hint" }
                            kind=FieldKind::Line
                            value=flash.value(&form, "label", label.as_deref().unwrap_or_default())
                            max_length=crate::domain::COLLEGE_LABEL_MAX
                            error=flash.error(&form, "label")
                        />
                        <FormField
                            id=format!("{form}-label-easy")
                            name="label_easy"
                            label="settings-college-label-easy"
                            hint="diagnosis-objective-label-easy-hint"
                            kind=FieldKind::Line
                            value=flash.value(&form, "label_easy", label_easy.as_deref().unwrap_or_default())
                            max_length=crate::domain::COLLEGE_LABEL_MAX
                            error=flash.error(&form, "label_easy")
                        />
                        <p class="field">
                            <label for=format!("{form}-picto")>{i18n.t("diagnosis-objective-picto")}</label>
                            <select id=format!("{form}-picto") name="picto">{pictos}</select>
                        </p>
                        <div class="actions">
                            <button type="submit" name="action" value="save" class="button">
                                {i18n.t("settings-save")}
                            </button>
                            {up}
                            {down}
                            {retire}
                        </div>
                    </form>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="colleges-title">
            <h2 id="colleges-title" tabindex="-1">{i18n.t("settings-colleges-title")}</h2>
            <p>{i18n.t("settings-colleges-why")}</p>
            <ol class="settings-colleges">{items}</ol>
            <form method="post" action=AddCollege::url() class="stacked-form">
                <input type="hidden" name="slug" value=slug.to_owned()/>
                <FormField
                    id="new-college-label".to_owned()
                    name="label"
                    label="settings-college-add-label"
                    hint="settings-college-label-hint"
                    kind=FieldKind::Line
                    value=flash.value("new-college", "label", "")
                    required=true
                    max_length=crate::domain::COLLEGE_LABEL_MAX
                    error=flash.error("new-college", "label")
                />
                <button type="submit" class="button">{i18n.t("settings-college-add")}</button>
            </form>
        </section>
    }
}
