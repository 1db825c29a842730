//! The passkey islands: creating one from an invitation, signing in with one, and adding
//! another one to a signed-in account.
//! Their fields and texts come from the server (children and `Phrases`); they only run the
//! browser's passkey prompt and exchange its answer with the server. Passkeys cannot work
//! without JavaScript: the pages say so in a `<noscript>`.

use crate::ui::i18n::Phrases;
use leptos::prelude::*;

/// Everything these islands may announce.
pub const PASSKEY_PHRASES: [&str; 15] = [
    "recovery-codes-title",
    "recovery-codes-explained",
    "recovery-codes-continue",
    "passkey-waiting",
    "error-passkey-cancelled",
    "error-passkey-unsupported",
    "error-passkey-failed",
    "error-passkey-unknown",
    "error-ceremony-expired",
    "error-invitation-unusable",
    "error-name-too-short",
    "error-name-too-long",
    "error-name-invalid",
    "error-network",
    "error-step-up-needed",
];

/// Where a staff member lands once signed in.
const ACCOUNT_PATH: &str = "/compte";

/// Once the passkey is made, the form gives way to the recovery codes, shown this once.
#[island]
pub fn SignUpForm(token: String, phrases: Phrases, children: Children) -> impl IntoView {
    let status = RwSignal::new(None::<String>);
    let codes = RwSignal::new(None::<Vec<String>>);
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let name = client::field(&event, "display_name").unwrap_or_default();
        let token = token.clone();
        status.set(Some("passkey-waiting".into()));
        leptos::task::spawn_local(async move {
            match client::sign_up(token, name).await {
                Ok(recovery_codes) => {
                    status.set(None);
                    codes.set(Some(recovery_codes));
                }
                Err(id) => status.set(Some(id)),
            }
        });
    };
    let saved = phrases.clone();
    view! {
        <form class="passkey-form" on:submit=on_submit hidden=move || codes.with(Option::is_some)>
            {children()}
            <Status status phrases/>
        </form>
        {move || {
            codes
                .get()
                .map(|codes| {
                    view! {
                        <section class="recovery-codes" aria-labelledby="recovery-title">
                            <h2 id="recovery-title" tabindex="-1">
                                {saved.get("recovery-codes-title")}
                            </h2>
                            <p>{saved.get("recovery-codes-explained")}</p>
                            <ul class="codes">
                                {codes
                                    .into_iter()
                                    .map(|code| view! { <li><code>{code}</code></li> })
                                    .collect_view()}
                            </ul>
                            <p>
                                <a class="button" href=ACCOUNT_PATH>
                                    {saved.get("recovery-codes-continue")}
                                </a>
                            </p>
                        </section>
                    }
                })
        }}
    }
}

#[island]
pub fn SignInForm(phrases: Phrases, children: Children) -> impl IntoView {
    let status = RwSignal::new(None::<String>);
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        status.set(Some("passkey-waiting".into()));
        leptos::task::spawn_local(async move {
            match client::sign_in().await {
                Ok(()) => client::go_to(ACCOUNT_PATH),
                Err(id) => status.set(Some(id)),
            }
        });
    };
    view! {
        <form class="passkey-form" on:submit=on_submit>
            {children()}
            <Status status phrases/>
        </form>
    }
}

/// Registers one more passkey on the signed-in account, then shows the account again.
#[island]
pub fn AddPasskeyForm(phrases: Phrases, children: Children) -> impl IntoView {
    let status = RwSignal::new(None::<String>);
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        status.set(Some("passkey-waiting".into()));
        leptos::task::spawn_local(async move {
            match client::add_passkey().await {
                Ok(()) => client::go_to(ACCOUNT_PATH),
                Err(id) => status.set(Some(id)),
            }
        });
    };
    view! {
        <form class="passkey-form" on:submit=on_submit>
            {children()}
            <Status status phrases/>
        </form>
    }
}

/// Asks for one of the signed-in account's passkeys again (a proof that its owner is
/// there), then shows the same page again, where lasting changes are now allowed.
#[island]
pub fn StepUpForm(phrases: Phrases, children: Children) -> impl IntoView {
    let status = RwSignal::new(None::<String>);
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        status.set(Some("passkey-waiting".into()));
        leptos::task::spawn_local(async move {
            match client::step_up().await {
                Ok(()) => client::reload(),
                Err(id) => status.set(Some(id)),
            }
        });
    };
    view! {
        <form class="passkey-form" on:submit=on_submit>
            {children()}
            <Status status phrases/>
        </form>
    }
}

/// The live region under a passkey form: waiting, or what went wrong and what to do.
#[component]
fn Status(status: RwSignal<Option<String>>, phrases: Phrases) -> impl IntoView {
    view! {
        <div aria-live="polite">
            {move || {
                status
                    .get()
                    .map(|id| {
                        let class = if id == "passkey-waiting" {
                            "notice"
                        } else {
                            "notice notice-error"
                        };
                        view! { <p class=class>{phrases.get(&id)}</p> }
                    })
            }}
        </div>
    }
}

#[cfg(feature = "hydrate")]
mod client {
    use crate::api::{
        AppError, finish_add_passkey, finish_sign_in, finish_sign_up, finish_step_up,
        start_add_passkey, start_sign_in, start_sign_up, start_step_up,
    };
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    pub fn field(event: &leptos::ev::SubmitEvent, name: &str) -> Option<String> {
        let form = event
            .target()?
            .dyn_into::<web_sys::HtmlFormElement>()
            .ok()?;
        web_sys::FormData::new_with_form(&form)
            .ok()?
            .get(name)
            .as_string()
    }

    fn message_of(error: AppError) -> String {
        error.message_id().to_owned()
    }

    pub fn go_to(path: &str) {
        let _ = leptos::prelude::window().location().assign(path);
    }

    pub fn reload() {
        let _ = leptos::prelude::window().location().reload();
    }

    /// The browser's refusal, as a message id: cancelled or failed user verification is the
    /// common case and gets its own, actionable message.
    fn refusal(error: wasm_bindgen::JsValue) -> String {
        let name = error
            .dyn_ref::<web_sys::DomException>()
            .map(|e| e.name())
            .unwrap_or_default();
        match name.as_str() {
            "NotAllowedError" | "AbortError" => "error-passkey-cancelled",
            "NotSupportedError" | "SecurityError" => "error-passkey-unsupported",
            _ => "error-passkey-failed",
        }
        .to_owned()
    }

    fn credentials() -> Result<web_sys::CredentialsContainer, String> {
        let navigator = leptos::prelude::window().navigator();
        let supported = js_sys::Reflect::has(&navigator, &"credentials".into()).unwrap_or(false);
        if supported {
            Ok(navigator.credentials())
        } else {
            Err("error-passkey-unsupported".into())
        }
    }

    /// Asks the authenticator to create a passkey with the server's options.
    async fn create(
        options: webauthn_rs_proto::CreationChallengeResponse,
    ) -> Result<webauthn_rs_proto::RegisterPublicKeyCredential, String> {
        let options: web_sys::CredentialCreationOptions = options.into();
        let promise = credentials()?
            .create_with_options(&options)
            .map_err(refusal)?;
        let answer = JsFuture::from(promise).await.map_err(refusal)?;
        let credential = answer
            .dyn_into::<web_sys::PublicKeyCredential>()
            .map_err(|_| "error-passkey-failed".to_owned())?;
        Ok(credential.into())
    }

    /// Returns the recovery codes to show.
    pub async fn sign_up(token: String, name: String) -> Result<Vec<String>, String> {
        let challenge = start_sign_up(token, name).await.map_err(message_of)?;
        let credential = create(challenge.options).await?;
        let signed_up = finish_sign_up(challenge.ceremony, credential)
            .await
            .map_err(message_of)?;
        Ok(signed_up.recovery_codes)
    }

    pub async fn add_passkey() -> Result<(), String> {
        let challenge = start_add_passkey().await.map_err(message_of)?;
        let credential = create(challenge.options).await?;
        finish_add_passkey(challenge.ceremony, credential)
            .await
            .map_err(message_of)
    }

    /// Asks the authenticator for a passkey matching the server's options.
    async fn get(
        options: webauthn_rs_proto::RequestChallengeResponse,
    ) -> Result<webauthn_rs_proto::PublicKeyCredential, String> {
        let options: web_sys::CredentialRequestOptions = options.into();
        let promise = credentials()?.get_with_options(&options).map_err(refusal)?;
        let answer = JsFuture::from(promise).await.map_err(refusal)?;
        let credential = answer
            .dyn_into::<web_sys::PublicKeyCredential>()
            .map_err(|_| "error-passkey-failed".to_owned())?;
        Ok(credential.into())
    }

    pub async fn sign_in() -> Result<(), String> {
        let challenge = start_sign_in().await.map_err(message_of)?;
        let credential = get(challenge.options).await?;
        finish_sign_in(challenge.ceremony, credential)
            .await
            .map_err(message_of)?;
        Ok(())
    }

    pub async fn step_up() -> Result<(), String> {
        let challenge = start_step_up().await.map_err(message_of)?;
        let credential = get(challenge.options).await?;
        finish_step_up(challenge.ceremony, credential)
            .await
            .map_err(message_of)
    }
}

/// On the server the islands are only rendered, never run.
#[cfg(not(feature = "hydrate"))]
mod client {
    pub fn field(_: &leptos::ev::SubmitEvent, _: &str) -> Option<String> {
        None
    }
    pub fn go_to(_: &str) {}
    pub fn reload() {}
    pub async fn step_up() -> Result<(), String> {
        Err("error-passkey-unsupported".into())
    }
    pub async fn sign_up(_: String, _: String) -> Result<Vec<String>, String> {
        Err("error-passkey-unsupported".into())
    }
    pub async fn sign_in() -> Result<(), String> {
        Err("error-passkey-unsupported".into())
    }
    pub async fn add_passkey() -> Result<(), String> {
        Err("error-passkey-unsupported".into())
    }
}

/// "Confirm it's you": shown above lasting changes (a passkey, recovery codes, the team)
/// when the session has not proved its owner is there in the last few minutes. The passkey
/// button needs JavaScript; one of the account's recovery codes works without it.
#[component]
pub fn StepUp(
    /// The page to come back to after the recovery-code form (`/compte`, a team page).
    back: String,
) -> impl IntoView {
    use leptos::server_fn::ServerFn;
    let i18n = crate::ui::i18n::use_i18n();
    let action = crate::api::StepUpWithRecoveryCode::url();
    view! {
        <section class="card step-up" aria-labelledby="step-up-title">
            <h2 id="step-up-title">{i18n.t("step-up-title")}</h2>
            <p>{i18n.t("step-up-why")}</p>
            <StepUpForm phrases=i18n.phrases(&PASSKEY_PHRASES)>
                <button type="submit" class="button">{i18n.t("step-up-submit")}</button>
            </StepUpForm>
            <form
                method="post"
                action=action
                class="recovery-form"
            >
                <input type="hidden" name="back" value=back/>
                <p class="field">
                    <label for="step-up-code">{i18n.t("step-up-code")}</label>
                    <input
                        id="step-up-code"
                        name="code"
                        type="text"
                        required
                        autocomplete="one-time-code"
                        autocapitalize="none"
                        spellcheck="false"
                    />
                </p>
                <button type="submit" class="button button-quiet">
                    {i18n.t("step-up-code-submit")}
                </button>
            </form>
        </section>
    }
}
