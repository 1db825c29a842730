//! The staff's pages: sign-up from an invitation, sign-in, and their account.

use super::loaded;
use crate::api::{
    AccountView, InvitationView, RenewRecoveryCodes, RevokePasskey, SignInWithRecoveryCode,
    SignOut, SignOutEverywhere, StaffView, load_account, load_invitation, load_sign_in_notice,
};
use crate::domain::Permission;
use crate::ui::components::{Ceremony, Notice, PasskeyForm, Picto, StepUp};
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// `/invitation/{token}`: who invites you, for what, and the passkey creation form.
#[component]
pub fn SignUpPage() -> impl IntoView {
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let invitation = Resource::new(token, load_invitation);
    loaded(invitation, move |invitation| {
        view! { <SignUpView invitation token=token()/> }.into_any()
    })
}

#[component]
fn SignUpView(invitation: InvitationView, token: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=i18n.text("sign-up-title")/>
        <h1>
            <Picto name="council"/>
            {i18n.t("sign-up-title")}
        </h1>
        {match invitation.council {
            Some((council_name, role)) => {
                view! {
                    <p class="lead">
                        {i18n.t("sign-up-invited")}
                        " "
                        <strong lang="fr">{council_name}</strong>
                        " — "
                        <strong>{i18n.t(role.message_id())}</strong>
                    </p>
                }
                    .into_any()
            }
            None => view! { <p class="lead">{i18n.t("sign-up-invited-operator")}</p> }.into_any(),
        }}
        <p>{i18n.t("passkey-explained")}</p>
        <noscript>
            <p class="notice notice-error">{i18n.t("passkey-needs-javascript")}</p>
        </noscript>
        <PasskeyForm ceremony=Ceremony::SignUp { token }>
            <p class="field">
                <label for="display_name">{i18n.t("sign-up-name")}</label>
                <span class="hint" id="display_name-hint">{i18n.t("sign-up-name-hint")}</span>
                <input
                    id="display_name"
                    name="display_name"
                    type="text"
                    required
                    minlength="2"
                    maxlength="100"
                    autocomplete="name"
                    aria-describedby="display_name-hint"
                />
            </p>
            <button type="submit" class="button">{i18n.t("sign-up-submit")}</button>
        </PasskeyForm>
    }
}

/// `/connexion`: one button, the browser offers the passkeys it holds for this site.
#[component]
pub fn SignInPage() -> impl IntoView {
    let notice = Resource::new(|| (), |_| load_sign_in_notice());
    loaded(notice, |notice| view! { <SignInView notice/> }.into_any())
}

#[component]
fn SignInView(notice: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let notice = notice.map(|id| {
        view! {
            <Notice error=true>
                <p>{i18n.text(&id)}</p>
            </Notice>
        }
    });
    view! {
        <Title text=i18n.text("sign-in-title")/>
        <h1>{i18n.t("sign-in-title")}</h1>
        {notice}
        <p class="lead">{i18n.t("sign-in-intro")}</p>
        <noscript>
            <p class="notice notice-error">{i18n.t("passkey-needs-javascript")}</p>
        </noscript>
        <PasskeyForm ceremony=Ceremony::SignIn>
            <button type="submit" class="button">{i18n.t("sign-in-submit")}</button>
        </PasskeyForm>
        <p>{i18n.t("sign-in-no-account")}</p>
        <section aria-labelledby="recovery-sign-in">
            <h2 id="recovery-sign-in">{i18n.t("recovery-sign-in-title")}</h2>
            <p>{i18n.t("recovery-sign-in-intro")}</p>
            <form method="post" action=SignInWithRecoveryCode::url() class="recovery-form">
                <p class="field">
                    <label for="recovery-code">{i18n.t("recovery-sign-in-code")}</label>
                    <input
                        id="recovery-code"
                        name="code"
                        type="text"
                        required
                        autocomplete="one-time-code"
                        autocapitalize="none"
                        spellcheck="false"
                    />
                </p>
                <button type="submit" class="button button-quiet">
                    {i18n.t("recovery-sign-in-submit")}
                </button>
            </form>
        </section>
    }
}

/// `/compte`: who is signed in, their councils and roles, and signing out.
#[component]
pub fn AccountPage() -> impl IntoView {
    let account = Resource::new(|| (), |_| load_account());
    loaded(account, |account| match account {
        Some(account) => view! { <Account account/> }.into_any(),
        None => view! { <SignedOut/> }.into_any(),
    })
}

#[component]
fn Account(account: AccountView) -> impl IntoView {
    let i18n = use_i18n();
    let AccountView {
        staff,
        passkeys,
        notice,
        new_recovery_codes,
        unused_recovery_codes,
        verified_recently,
        bodies,
    } = account;
    // A body's member who signed in with their own passkey: the way to their bodies first.
    let bodies = (!bodies.is_empty()).then(|| {
        let items = bodies
            .into_iter()
            .map(|(slug, council, body, name)| {
                view! {
                    <li>
                        <a href=format!("/{slug}/instances/{body}") lang="fr">{name}</a>
                        " — "
                        <span lang="fr">{council}</span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <h2>{i18n.t("account-bodies")}</h2>
            <ul class="roles">{items}</ul>
        }
    });
    let step_up = (!verified_recently).then(|| view! { <StepUp back="/compte".to_owned()/> });
    let notice = notice.map(|id| {
        view! {
            <Notice error=id.starts_with("error-")>
                <p>{i18n.text(&id)}</p>
            </Notice>
        }
    });
    view! {
        {notice}
        <StaffSummary staff/>
        {bodies}
        {step_up}
        <h2>{i18n.t("account-passkeys")}</h2>
        <ul class="roles">
            {passkeys
                .into_iter()
                .map(|passkey| {
                    let name = format!("{} {}", i18n.text("account-passkey"), passkey.label);
                    let used = passkey
                        .last_used
                        .map(|day| format!(" — {} {day}", i18n.text("account-passkey-used")));
                    view! {
                        <li>
                            <strong>{name.clone()}</strong>
                            {format!(" — {} {}", i18n.text("account-passkey-created"), passkey.created)}
                            {used}
                            <form method="post" action=RevokePasskey::url() class="inline-form">
                                <input type="hidden" name="passkey" value=passkey.id.to_string()/>
                                <button
                                    type="submit"
                                    class="button button-quiet"
                                    aria-label=format!("{} : {name}", i18n.text("account-passkey-revoke"))
                                >
                                    {i18n.t("account-passkey-revoke")}
                                </button>
                            </form>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        <PasskeyForm ceremony=Ceremony::AddPasskey>
            <button type="submit" class="button">{i18n.t("account-passkey-add")}</button>
        </PasskeyForm>
        <RecoveryCodes new_codes=new_recovery_codes unused=unused_recovery_codes/>
        <h2>{i18n.t("account-sessions")}</h2>
        <form method="post" action=SignOut::url() class="inline-form">
            <button type="submit" class="button">{i18n.t("sign-out")}</button>
        </form>
        <form method="post" action=SignOutEverywhere::url() class="inline-form">
            <button type="submit" class="button button-quiet">{i18n.t("sign-out-everywhere")}</button>
        </form>
    }
}

/// How many recovery codes are left, and a plain form to draw a new set; the new codes show
/// here once, first thing on the page after the form comes back.
#[component]
fn RecoveryCodes(new_codes: Vec<String>, unused: u64) -> impl IntoView {
    let i18n = use_i18n();
    let fresh = (!new_codes.is_empty()).then(|| {
        view! {
            <section
                class="recovery-codes"
                aria-labelledby="recovery-title"
                role="status"
                tabindex="-1"
                autofocus
            >
                <h3 id="recovery-title">{i18n.t("recovery-codes-title")}</h3>
                <p>{i18n.t("recovery-codes-explained")}</p>
                <ul class="codes">
                    {new_codes
                        .into_iter()
                        .map(|code| view! { <li><code>{code}</code></li> })
                        .collect_view()}
                </ul>
            </section>
        }
    });
    view! {
        <h2 id="recovery">{i18n.t("account-recovery")}</h2>
        {fresh}
        <p>{i18n.count("account-recovery-unused", unused)}</p>
        <form method="post" action=RenewRecoveryCodes::url() class="inline-form">
            <button type="submit" class="button button-quiet">
                {i18n.t("account-recovery-renew")}
            </button>
        </form>
    }
}

#[component]
fn StaffSummary(staff: StaffView) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=i18n.text("account-title")/>
        <h1>{i18n.t("account-title")}</h1>
        <p class="lead">{i18n.t("account-signed-in-as")} " " <strong>{staff.display_name}</strong></p>
        {staff
            .operator
            .then(|| {
                view! {
                    <p>
                        <A href="/exploitation">{i18n.t("hosting-link")}</A>
                    </p>
                }
            })}
        <h2>{i18n.t("account-councils")}</h2>
        <ul class="roles">
            {staff
                .roles
                .into_iter()
                .map(|role| {
                    let href = format!("/{}", role.council_slug);
                    let team = format!("/{}/equipe", role.council_slug);
                    let settings = format!("/{}/reglages", role.council_slug);
                    let diagnosis = format!("/{}/diagnostic", role.council_slug);
                    let configures = role.role.can(Permission::ConfigureCouncil);
                    let coordinates = role.role.can(Permission::InviteStaff);
                    view! {
                        <li>
                            <A href=href>
                                <span lang="fr">{role.council_name}</span>
                            </A>
                            " — "
                            {i18n.t(role.role.message_id())}
                            {coordinates
                                .then(|| {
                                    view! {
                                        " — "
                                        <A href=team>{i18n.t("team-title")}</A>
                                    }
                                })}
                            {configures
                                .then(|| {
                                    view! {
                                        " — "
                                        <A href=settings>{i18n.t("settings-link")}</A>
                                        " — "
                                        <A href=diagnosis>{i18n.t("diagnosis-link")}</A>
                                    }
                                })}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

#[component]
fn SignedOut() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=i18n.text("account-title")/>
        <h1>{i18n.t("account-title")}</h1>
        <p>{i18n.t("account-signed-out")}</p>
        <p>
            <A href="/connexion">{i18n.t("sign-in-title")}</A>
        </p>
    }
}
