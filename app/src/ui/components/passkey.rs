//! The passkey forms: creating one from an invitation, signing in with one, adding another
//! one to a signed-in account, and proving the owner is there before a lasting change.
//! The server draws each form (its fields, its texts, the box for its news); the browser's
//! passkey prompt and the two calls around it are run by `/js/passkey.js`, a small module
//! loaded by these pages only. As islands they cost 41 KiB (brotli) of the wasm every page
//! loads, mostly the passkey library's decoding (docs/decisions.md, "passkeys without wasm").
//! Passkeys cannot work without JavaScript: the pages say so in a `<noscript>`.

use crate::ui::i18n::use_i18n;
use leptos::prelude::*;

/// Everything these forms may announce.
const PASSKEY_PHRASES: [&str; 17] = [
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
    "error-member-session",
    "error-member-has-passkey",
];

/// Where a staff member lands once signed in.
const ACCOUNT_PATH: &str = "/compte";

/// What a passkey form asks the browser for, and where it goes once done.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ceremony {
    /// A first passkey, from an invitation's token; then the recovery codes, shown once.
    SignUp { token: String },
    /// Any passkey this site knows; then the account page.
    SignIn,
    /// One more passkey on the signed-in account; then the account page again.
    AddPasskey,
    /// One of the account's passkeys again; then the same page, now allowing lasting changes.
    StepUp,
    /// A body's member who came in by code or link makes a passkey of their own; then the
    /// same page, now theirs by passkey.
    MemberPasskey,
}

impl Ceremony {
    /// The name `/js/passkey.js` knows it by, and the server functions it calls
    /// (`start_…`, `finish_…`).
    fn name(&self) -> &'static str {
        match self {
            Ceremony::SignUp { .. } => "sign_up",
            Ceremony::SignIn => "sign_in",
            Ceremony::AddPasskey => "add_passkey",
            Ceremony::StepUp => "step_up",
            Ceremony::MemberPasskey => "member_passkey",
        }
    }

    /// Where the browser goes once the ceremony succeeded; none for a sign-up, which shows
    /// its recovery codes first.
    fn then(&self) -> Option<&'static str> {
        match self {
            Ceremony::SignUp { .. } => None,
            Ceremony::SignIn | Ceremony::AddPasskey => Some(ACCOUNT_PATH),
            Ceremony::StepUp | Ceremony::MemberPasskey => Some("reload"),
        }
    }
}

/// A form whose submission runs `ceremony`; `children` are its fields and button. Its texts
/// travel with it, already in the reader's language and mode.
#[component]
pub fn PasskeyForm(ceremony: Ceremony, children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let messages = serde_json::to_string(&i18n.phrases(&PASSKEY_PHRASES)).unwrap_or_default();
    let token = match &ceremony {
        Ceremony::SignUp { token } => Some(token.clone()),
        _ => None,
    };
    // The recovery codes' frame, filled and shown by the module after a sign-up.
    let codes = token.is_some().then(|| {
        view! {
            <template class="recovery-codes-template">
                <section class="recovery-codes" aria-labelledby="recovery-title">
                    <h2 id="recovery-title" tabindex="-1">{i18n.t("recovery-codes-title")}</h2>
                    <p>{i18n.t("recovery-codes-explained")}</p>
                    <ul class="codes"></ul>
                    <p>
                        <a class="button" href=ACCOUNT_PATH>
                            {i18n.t("recovery-codes-continue")}
                        </a>
                    </p>
                </section>
            </template>
        }
    });
    view! {
        <form
            class="passkey-form"
            data-ceremony=ceremony.name()
            data-token=token
            data-then=ceremony.then()
            data-messages=messages
        >
            {children()}
            <div class="passkey-status" aria-live="polite"></div>
        </form>
        {codes}
        <script type="module" src="/js/passkey.js"></script>
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
            <PasskeyForm ceremony=Ceremony::StepUp>
                <button type="submit" class="button">{i18n.t("step-up-submit")}</button>
            </PasskeyForm>
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
