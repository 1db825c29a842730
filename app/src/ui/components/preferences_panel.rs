//! The display and language control on every page.
//!
//! The server renders the whole form, so it works as a plain form post without JavaScript.
//! The only part shipped to the browser is the small `PreferencesForm` island: display
//! changes (text size, contrast, spacing, motion) then apply at once without a reload, while a
//! change of language or of easy-read mode lets the form post, because every text on the page
//! changes and the server renders it again (see docs/decisions.md, "islands").

use super::Picto;
use crate::api::SavePreferences;
use crate::domain::{Contrast, Lang, Preferences, TextSize};
use crate::ui::i18n::{Phrases, use_i18n};
use crate::ui::prefs::use_preferences;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_location;

#[component]
pub fn PreferencesPanel() -> impl IntoView {
    let i18n = use_i18n();
    let prefs = use_preferences().get_untracked();
    let location = use_location();
    let return_to = format!(
        "{}{}",
        location.pathname.get_untracked(),
        location.search.get_untracked()
    );

    let lang_choice = move |lang: Lang, label: &'static str| {
        view! {
            <label class="choice" lang=lang.code()>
                <input type="radio" name="lang" value=lang.code() checked=prefs.lang == lang/>
                {i18n.t(label)}
            </label>
        }
    };
    let size_choice = move |size: TextSize, label: &'static str| {
        view! {
            <label class="choice">
                <input type="radio" name="text" value=size.code() checked=prefs.text_size == size/>
                {i18n.t(label)}
            </label>
        }
    };
    let comfort_choice = move |name: &'static str, value: &'static str, on: bool, label| {
        view! {
            <label class="choice">
                <input type="checkbox" name=name value=value checked=on/>
                {(name == "easy").then(|| view! { <Picto name="easy-read"/> })}
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
            <PreferencesForm phrases=i18n.phrases(&ANNOUNCED)>
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
                    {comfort_choice("easy", "1", prefs.easy_read, "prefs-easy")}
                    {comfort_choice(
                        "contrast",
                        "high",
                        prefs.contrast == Contrast::High,
                        "prefs-contrast",
                    )}
                    {comfort_choice("spacing", "1", prefs.wide_spacing, "prefs-spacing")}
                    {comfort_choice("motion", "reduced", prefs.reduced_motion, "prefs-motion")}
                </fieldset>
                <button type="submit" class="button">{i18n.t("prefs-save")}</button>
            </PreferencesForm>
        </details>
    }
}

/// Everything the island may announce: success, or any error of `save_preferences`.
const ANNOUNCED: [&str; 8] = [
    "prefs-saved",
    "error-preferences",
    "error-internal",
    "error-network",
    "error-cross-site",
    "error-too-large",
    "error-too-slow",
    "error-rate-limited",
];

/// The form element and its live region. Its fields come from the server as `children`;
/// the texts it may announce come resolved in `phrases`, so no catalogue reaches the wasm.
#[island]
fn PreferencesForm(phrases: Phrases, children: Children) -> impl IntoView {
    // The message id of the last save's outcome, for the live region under the form.
    let outcome = RwSignal::new(None::<String>);
    // Tells scripts and the browser tests that the page's interactive part is live.
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-hydrated", "true");
        }
    });
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        let Some(fields) = client::form_fields(&event) else {
            return;
        };
        let current = client::current_preferences();
        // Language and easy-read change every text: let the form post, the server renders
        // the page again. Display settings only change classes on <html>: apply them here.
        if Lang::parse(&fields.lang) != Some(current.lang)
            || fields.easy.is_some() != current.easy_read
        {
            return;
        }
        event.prevent_default();
        leptos::task::spawn_local(async move {
            let result = fields.save().await;
            outcome.set(Some(match result {
                Ok(prefs) => {
                    client::apply_display(&prefs);
                    "prefs-saved".to_owned()
                }
                Err(error) => error.message_id().to_owned(),
            }));
        });
    };
    let announcement = move || {
        outcome.get().map(|id| {
            let class = if id == "prefs-saved" {
                "notice"
            } else {
                "notice notice-error"
            };
            view! { <p class=class>{phrases.get(&id)}</p> }
        })
    };
    view! {
        <form method="post" action=SavePreferences::url() class="prefs-form" on:submit=on_submit>
            {children()}
            <div aria-live="polite">{announcement}</div>
        </form>
    }
}

/// The form's fields as the browser would post them; the server validates them.
struct FormFields {
    lang: String,
    easy: Option<String>,
    text: Option<String>,
    contrast: Option<String>,
    spacing: Option<String>,
    motion: Option<String>,
}

impl FormFields {
    async fn save(self) -> Result<Preferences, crate::api::AppError> {
        let Self {
            lang,
            easy,
            text,
            contrast,
            spacing,
            motion,
        } = self;
        crate::api::save_preferences(lang, easy, text, contrast, spacing, motion, None).await
    }
}

/// Reading the form and the cookie, and writing `<html>`: browser only.
mod client {
    use super::FormFields;
    use crate::domain::{CookiePolicy, Preferences};
    use leptos::prelude::document;
    use wasm_bindgen::JsCast;

    pub fn form_fields(event: &leptos::ev::SubmitEvent) -> Option<FormFields> {
        let form = event
            .target()?
            .dyn_into::<web_sys::HtmlFormElement>()
            .ok()?;
        let data = web_sys::FormData::new_with_form(&form).ok()?;
        let field = |name: &str| data.get(name).as_string();
        Some(FormFields {
            lang: field("lang")?,
            easy: field("easy"),
            text: field("text"),
            contrast: field("contrast"),
            spacing: field("spacing"),
            motion: field("motion"),
        })
    }

    /// What the page was rendered with: the cookie the server read.
    pub fn current_preferences() -> Preferences {
        document()
            .dyn_into::<web_sys::HtmlDocument>()
            .ok()
            .and_then(|doc| doc.cookie().ok())
            .map(|cookie| {
                // The page's own address says whether cookies carry the https prefix.
                let here = leptos::prelude::window()
                    .location()
                    .href()
                    .unwrap_or_default();
                Preferences::from_cookie_header(&cookie, CookiePolicy::for_url(&here))
            })
            .unwrap_or_default()
    }

    /// Language and easy-read never change on this path, only the display classes.
    pub fn apply_display(prefs: &Preferences) {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("class", &prefs.html_classes());
        }
    }
}
