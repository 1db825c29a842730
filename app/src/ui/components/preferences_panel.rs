//! The display and language control on every page. A plain form post without JavaScript;
//! with it, the same form applies the change at once, without a reload.

use super::{ErrorNotice, Picto};
use crate::api::SavePreferences;
use crate::domain::{Contrast, Lang, TextSize};
use crate::ui::i18n::use_i18n;
use crate::ui::prefs::use_preferences;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[component]
pub fn PreferencesPanel() -> impl IntoView {
    let i18n = use_i18n();
    let prefs = use_preferences();
    let save = ServerAction::<SavePreferences>::new();
    let location = use_location();
    let return_to = move || format!("{}{}", location.pathname.get(), location.search.get());

    Effect::new(move |_| {
        if let Some(Ok(saved)) = save.value().get() {
            prefs.set(saved);
        }
    });
    let status = move || match save.value().get() {
        Some(Ok(_)) => Some(view! { <p class="notice">{i18n.t("prefs-saved")}</p> }.into_any()),
        Some(Err(error)) => Some(view! { <ErrorNotice error/> }.into_any()),
        None => None,
    };

    let lang_choice = move |lang: Lang, label: &'static str| {
        view! {
            <label class="choice" lang=lang.code()>
                <input
                    type="radio"
                    name="lang"
                    value=lang.code()
                    checked=move || prefs.get().lang == lang
                />
                {i18n.t(label)}
            </label>
        }
    };
    let size_choice = move |size: TextSize, label: &'static str| {
        view! {
            <label class="choice">
                <input
                    type="radio"
                    name="text"
                    value=size.code()
                    checked=move || prefs.get().text_size == size
                />
                {i18n.t(label)}
            </label>
        }
    };

    view! {
        <details class="prefs">
            <summary>
                <Picto name="preferences"/>
                {i18n.t("prefs-title")}
            </summary>
            <ActionForm action=save attr:class="prefs-form">
                <input type="hidden" name="return_to" value=return_to/>
                <fieldset>
                    <legend>
                        <Picto name="language"/>
                        {i18n.t("prefs-language")}
                    </legend>
                    {lang_choice(Lang::Fr, "lang-fr")}
                    {lang_choice(Lang::En, "lang-en")}
                </fieldset>
                <fieldset>
                    <legend>{i18n.t("prefs-text-size")}</legend>
                    {size_choice(TextSize::Normal, "prefs-text-normal")}
                    {size_choice(TextSize::Large, "prefs-text-large")}
                    {size_choice(TextSize::Larger, "prefs-text-larger")}
                </fieldset>
                <fieldset>
                    <legend>{i18n.t("prefs-comfort")}</legend>
                    <label class="choice">
                        <input
                            type="checkbox"
                            name="easy"
                            value="1"
                            checked=move || prefs.get().easy_read
                        />
                        <Picto name="easy-read"/>
                        {i18n.t("prefs-easy")}
                    </label>
                    <label class="choice">
                        <input
                            type="checkbox"
                            name="contrast"
                            value="high"
                            checked=move || prefs.get().contrast == Contrast::High
                        />
                        {i18n.t("prefs-contrast")}
                    </label>
                    <label class="choice">
                        <input
                            type="checkbox"
                            name="spacing"
                            value="1"
                            checked=move || prefs.get().wide_spacing
                        />
                        {i18n.t("prefs-spacing")}
                    </label>
                    <label class="choice">
                        <input
                            type="checkbox"
                            name="motion"
                            value="reduced"
                            checked=move || prefs.get().reduced_motion
                        />
                        {i18n.t("prefs-motion")}
                    </label>
                </fieldset>
                <button type="submit" class="button">{i18n.t("prefs-save")}</button>
                <div aria-live="polite">{status}</div>
            </ActionForm>
        </details>
    }
}
