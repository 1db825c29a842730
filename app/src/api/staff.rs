//! Staff sign-up from an invitation, sign-in with a passkey, sign-out, and who is signed in.
//!
//! A passkey ceremony has two halves: `start_*` asks the server for a challenge (kept
//! server-side, expiring, single use), the browser asks the authenticator, `finish_*` checks
//! its answer. No passwords anywhere; no username to type (discoverable credentials).

use super::AppError;
use crate::domain::Role;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};
use webauthn_rs_proto::{
    CreationChallengeResponse, PublicKeyCredential, RegisterPublicKeyCredential,
    RequestChallengeResponse,
};

/// What the sign-up page shows about the invitation in its link: the council and the role,
/// or neither for an invitation to host councils (operators).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationView {
    pub council: Option<(String, Role)>,
}

/// The signed-in staff member, as pages show them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffView {
    pub display_name: String,
    pub roles: Vec<StaffRoleView>,
    /// Hosts councils on the instance (`/exploitation`).
    pub operator: bool,
}

/// The account page: who, their passkeys, and what the last form post did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountView {
    pub staff: StaffView,
    pub passkeys: Vec<PasskeyView>,
    /// The Fluent id of the last form post's outcome, shown once.
    pub notice: Option<String>,
    /// Recovery codes just drawn, shown this once.
    pub new_recovery_codes: Vec<String>,
    /// Recovery codes not used yet.
    pub unused_recovery_codes: u64,
    /// The session proved its owner is there recently: adding a passkey or renewing the
    /// codes is allowed without asking again.
    pub verified_recently: bool,
    /// The councils' bodies the account is a member of: (council slug, council name, body
    /// id, body name).
    pub bodies: Vec<(String, String, i64, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasskeyView {
    pub id: i64,
    pub label: String,
    /// `YYYY-MM-DD` (UTC).
    pub created: String,
    pub last_used: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffRoleView {
    pub council_slug: String,
    pub council_name: String,
    pub role: Role,
}

/// The first half of a ceremony: the id to send back and the browser's options.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SignUpChallenge {
    pub ceremony: String,
    pub options: CreationChallengeResponse,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SignInChallenge {
    pub ceremony: String,
    pub options: RequestChallengeResponse,
}

#[server(endpoint = "invitation")]
pub async fn load_invitation(token: String) -> Result<InvitationView, AppError> {
    let db = server::db()?;
    let invitation = server::usable_invitation(&db, &token).await?;
    use crate::store::staff::Joins;
    Ok(InvitationView {
        council: match invitation.joins {
            Joins::Council { name, role, .. } => Some((name, role)),
            Joins::Operator => None,
        },
    })
}

#[server(endpoint = "start_sign_up", input = Json)]
pub async fn start_sign_up(
    token: String,
    display_name: String,
) -> Result<SignUpChallenge, AppError> {
    let db = server::db()?;
    let name = crate::domain::clean_display_name(&display_name)
        .map_err(|id| AppError::Invalid(id.into()).with_status())?;
    let invitation = server::usable_invitation(&db, &token).await?;
    let setup = server::staff_setup()?;
    let handle = webauthn_rs::prelude::Uuid::new_v4();
    let (mut options, state) = setup
        .webauthn
        .start_passkey_registration(handle, &name, &name, None)
        .map_err(server::webauthn_failure)?;
    // Sign-in has no username to type: the passkey must be discoverable.
    server::require_discoverable(&mut options);
    let state = serde_json::to_string(&(handle, state))
        .map_err(|e| AppError::internal("serialising state", e))?;
    let ceremony =
        crate::store::staff::save_ceremony(&db, "sign-up", state, Some(invitation.id), Some(name))
            .await?;
    Ok(SignUpChallenge { ceremony, options })
}

/// A finished sign-up: who, and the recovery codes to show once.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SignedUp {
    pub staff: StaffView,
    pub recovery_codes: Vec<String>,
}

#[server(endpoint = "finish_sign_up", input = Json)]
pub async fn finish_sign_up(
    ceremony: String,
    credential: RegisterPublicKeyCredential,
) -> Result<SignedUp, AppError> {
    use crate::store::staff::{self, NewStaff, StaffError};
    let db = server::db()?;
    let setup = server::staff_setup()?;
    let taken = staff::take_ceremony(&db, &ceremony, "sign-up")
        .await?
        .ok_or_else(|| AppError::Invalid("error-ceremony-expired".into()).with_status())?;
    let (handle, state): (
        webauthn_rs::prelude::Uuid,
        webauthn_rs::prelude::PasskeyRegistration,
    ) = serde_json::from_str(&taken.state)
        .map_err(|e| AppError::internal("reading stored state", e))?;
    let passkey = setup
        .webauthn
        .finish_passkey_registration(&credential, &state)
        .map_err(server::webauthn_failure)?;
    let (Some(invitation_id), Some(name)) = (taken.invitation_id, taken.display_name) else {
        return Err(AppError::internal(
            "passkey registration",
            "a ceremony without invitation or name",
        ));
    };
    let stored =
        serde_json::to_string(&passkey).map_err(|e| AppError::internal("serialising state", e))?;
    let account_id = staff::complete_sign_up(
        &db,
        NewStaff {
            invitation_id,
            display_name: &name,
            user_handle: &handle.to_string(),
            credential_id: &staff::to_hex(passkey.cred_id()),
            credential: stored,
            passkey_label: "1",
        },
    )
    .await
    .map_err(|error| match error {
        StaffError::InvitationUnusable => {
            AppError::Invalid("error-invitation-unusable".into()).with_status()
        }
        StaffError::UnknownCouncil => AppError::NotFound.with_status(),
        StaffError::Db(error) => error.into(),
    })?;
    let recovery_codes = staff::issue_recovery_codes(&db, account_id).await?;
    let staff = server::open_session(&db, account_id).await?;
    Ok(SignedUp {
        staff,
        recovery_codes,
    })
}

/// Signs in with a one-time recovery code, for someone who lost every passkey. A plain form:
/// it works without JavaScript. Comes back to the account page, which suggests adding a
/// passkey, or to the sign-in page with the refusal.
#[server(endpoint = "sign_in_with_recovery_code")]
pub async fn sign_in_with_recovery_code(code: String) -> Result<(), AppError> {
    let db = server::db()?;
    let plain = server::is_plain_form_post();
    let Some(account_id) = crate::store::staff::use_recovery_code(&db, &code).await? else {
        if plain {
            set_notice("error-recovery-code", "/connexion")?;
            leptos_axum::redirect("/connexion");
            return Ok(());
        }
        return Err(AppError::Invalid("error-recovery-code".into()).with_status());
    };
    server::open_session(&db, account_id).await?;
    if plain {
        set_notice("recovery-code-used", "/compte")?;
        leptos_axum::redirect("/compte");
    }
    Ok(())
}

/// What the last form post on the sign-in page left to say, once.
#[server(endpoint = "sign_in_notice")]
pub async fn load_sign_in_notice() -> Result<Option<String>, AppError> {
    take_notice()
}

#[server(endpoint = "start_sign_in")]
pub async fn start_sign_in() -> Result<SignInChallenge, AppError> {
    let db = server::db()?;
    let setup = server::staff_setup()?;
    let (mut options, state) = setup
        .webauthn
        .start_discoverable_authentication()
        .map_err(server::webauthn_failure)?;
    // A button press, not the autofill prompt that webauthn-rs prepares by default.
    options.mediation = None;
    let state =
        serde_json::to_string(&state).map_err(|e| AppError::internal("serialising state", e))?;
    let ceremony = crate::store::staff::save_ceremony(&db, "sign-in", state, None, None).await?;
    Ok(SignInChallenge { ceremony, options })
}

#[server(endpoint = "finish_sign_in", input = Json)]
pub async fn finish_sign_in(
    ceremony: String,
    credential: PublicKeyCredential,
) -> Result<StaffView, AppError> {
    use crate::store::staff;
    let db = server::db()?;
    let setup = server::staff_setup()?;
    let taken = staff::take_ceremony(&db, &ceremony, "sign-in")
        .await?
        .ok_or_else(|| AppError::Invalid("error-ceremony-expired".into()).with_status())?;
    let state: webauthn_rs::prelude::DiscoverableAuthentication =
        serde_json::from_str(&taken.state)
            .map_err(|e| AppError::internal("reading stored state", e))?;
    let unknown = || AppError::Invalid("error-passkey-unknown".into()).with_status();
    let (handle, credential_id) = setup
        .webauthn
        .identify_discoverable_authentication(&credential)
        .map_err(|_| unknown())?;
    let stored = staff::passkey_by_credential_id(&db, &staff::to_hex(credential_id))
        .await?
        .filter(|stored| stored.user_handle == handle.to_string())
        .ok_or_else(unknown)?;
    let mut passkey: webauthn_rs::prelude::Passkey = serde_json::from_str(&stored.credential)
        .map_err(|e| AppError::internal("reading stored state", e))?;
    let result = setup
        .webauthn
        .finish_discoverable_authentication_v2(&credential, state, &passkey)
        .map_err(server::webauthn_failure)?;
    let changed = passkey.update_credential(&result) == Some(true);
    let updated = if changed {
        Some(
            serde_json::to_string(&passkey)
                .map_err(|e| AppError::internal("serialising state", e))?,
        )
    } else {
        None
    };
    staff::touch_passkey(&db, stored.id, updated).await?;
    staff::record_audit(
        &db,
        None,
        Some(stored.account_id),
        "sign-in",
        &crate::domain::audit_detail(&[("method", "passkey")]),
    )
    .await?;
    server::open_session(&db, stored.account_id).await
}

/// Ends this browser's staff session. A plain form post comes back to the home page.
#[server(endpoint = "sign_out")]
pub async fn sign_out() -> Result<(), AppError> {
    let db = server::db()?;
    if let Some(token) = server::session_token()
        && let Some(account_id) = crate::store::staff::close_session(&db, &token).await?
    {
        crate::store::staff::record_audit(&db, None, Some(account_id), "sign-out", "").await?;
    }
    server::clear_staff_cookie()?;
    // A live console left open with that session closes now.
    crate::api::edge::staff_access_changed();
    if server::is_plain_form_post() {
        leptos_axum::redirect("/");
    }
    Ok(())
}

/// The account page of the signed-in staff member, if any.
#[server(endpoint = "account")]
pub async fn load_account() -> Result<Option<AccountView>, AppError> {
    let db = server::db()?;
    let Some(member) = crate::api::edge::signed_in(&db).await? else {
        return Ok(None);
    };
    let day = |at: chrono::DateTime<chrono::Utc>| at.format("%Y-%m-%d").to_string();
    let passkeys = crate::store::staff::passkeys_of(&db, member.account_id)
        .await?
        .into_iter()
        .map(|p| PasskeyView {
            id: p.id,
            label: p.label,
            created: day(p.created_at),
            last_used: p.last_used_at.map(day),
        })
        .collect();
    let unused_recovery_codes =
        crate::store::staff::unused_recovery_codes(&db, member.account_id).await?;
    let (notice, new_recovery_codes) = take_account_flash()?;
    Ok(Some(AccountView {
        bodies: crate::store::bodies::bodies_of_account(&db, member.account_id).await?,
        verified_recently: member.verified_recently(),
        staff: server::view_of(member),
        passkeys,
        notice,
        new_recovery_codes,
        unused_recovery_codes,
    }))
}

/// Removes one of the caller's passkeys; never the last one. Comes back to the account page.
#[server(endpoint = "revoke_passkey")]
pub async fn revoke_passkey(passkey: String) -> Result<(), AppError> {
    use crate::store::staff::RevokeError;
    let db = server::db()?;
    let member = server::signed_in(&db).await?;
    let id: i64 = passkey
        .trim()
        .parse()
        .map_err(|_| AppError::NotFound.with_status())?;
    let outcome = match crate::store::staff::revoke_passkey(&db, member.account_id, id).await {
        Ok(()) => Ok("passkey-revoked"),
        Err(RevokeError::LastPasskey) => Err("error-last-passkey"),
        Err(RevokeError::NotFound) => Err("error-not-found"),
        Err(RevokeError::Db(error)) => return Err(error.into()),
    };
    if server::is_plain_form_post() {
        let id = outcome.unwrap_or_else(|id| id);
        set_notice(id, "/compte")?;
        leptos_axum::redirect("/compte");
        return Ok(());
    }
    outcome
        .map(|_| ())
        .map_err(|id| AppError::Invalid(id.into()).with_status())
}

/// Starts registering another passkey (a second device, a security key) on the caller's
/// account.
#[server(endpoint = "start_add_passkey")]
pub async fn start_add_passkey() -> Result<SignUpChallenge, AppError> {
    use webauthn_rs::prelude::{Passkey, Uuid};
    let db = server::db()?;
    let setup = server::staff_setup()?;
    let member = server::signed_in(&db).await?;
    if !member.verified_recently() {
        return Err(AppError::Invalid(super::STEP_UP_NEEDED.into()).with_status());
    }
    let (handle, stored) = crate::store::staff::account_credentials(&db, member.account_id)
        .await?
        .ok_or_else(|| AppError::SignInNeeded.with_status())?;
    let handle =
        Uuid::parse_str(&handle).map_err(|e| AppError::internal("stored passkey handle", e))?;
    let exclude = stored
        .iter()
        .filter_map(|json| serde_json::from_str::<Passkey>(json).ok())
        .map(|passkey| passkey.cred_id().clone())
        .collect();
    let (mut options, state) = setup
        .webauthn
        .start_passkey_registration(
            handle,
            &member.display_name,
            &member.display_name,
            Some(exclude),
        )
        .map_err(server::webauthn_failure)?;
    server::require_discoverable(&mut options);
    let state = serde_json::to_string(&(member.account_id, state))
        .map_err(|e| AppError::internal("serialising state", e))?;
    let ceremony =
        crate::store::staff::save_ceremony(&db, "add-passkey", state, None, None).await?;
    Ok(SignUpChallenge { ceremony, options })
}

#[server(endpoint = "finish_add_passkey", input = Json)]
pub async fn finish_add_passkey(
    ceremony: String,
    credential: RegisterPublicKeyCredential,
) -> Result<(), AppError> {
    use crate::store::staff;
    let db = server::db()?;
    let setup = server::staff_setup()?;
    let member = server::signed_in(&db).await?;
    if !member.verified_recently() {
        return Err(AppError::Invalid(super::STEP_UP_NEEDED.into()).with_status());
    }
    let taken = staff::take_ceremony(&db, &ceremony, "add-passkey")
        .await?
        .ok_or_else(|| AppError::Invalid("error-ceremony-expired".into()).with_status())?;
    let (account_id, state): (i64, webauthn_rs::prelude::PasskeyRegistration) =
        serde_json::from_str(&taken.state)
            .map_err(|e| AppError::internal("reading stored state", e))?;
    if account_id != member.account_id {
        return Err(AppError::Forbidden.with_status());
    }
    let passkey = setup
        .webauthn
        .finish_passkey_registration(&credential, &state)
        .map_err(server::webauthn_failure)?;
    let stored =
        serde_json::to_string(&passkey).map_err(|e| AppError::internal("serialising state", e))?;
    staff::add_passkey(&db, account_id, &staff::to_hex(passkey.cred_id()), stored).await?;
    Ok(())
}

/// Replaces the caller's recovery codes by a fresh set (the old ones stop working). A plain
/// form comes back to the account page, which shows the new codes once; called from a
/// script, the codes are returned.
#[server(endpoint = "renew_recovery_codes")]
pub async fn renew_recovery_codes() -> Result<Vec<String>, AppError> {
    let db = server::db()?;
    let member = server::signed_in(&db).await?;
    if !member.verified_recently() {
        if server::is_plain_form_post() {
            set_notice(super::STEP_UP_NEEDED, "/compte")?;
            leptos_axum::redirect("/compte");
            return Ok(Vec::new());
        }
        return Err(AppError::Invalid(super::STEP_UP_NEEDED.into()).with_status());
    }
    let codes = crate::store::staff::renew_recovery_codes(&db, member.account_id).await?;
    if server::is_plain_form_post() {
        set_recovery_codes(&codes, "/compte")?;
        leptos_axum::redirect("/compte");
    }
    Ok(codes)
}

/// Ends every session of the caller, in every browser (a lost phone, a shared computer).
#[server(endpoint = "sign_out_everywhere")]
pub async fn sign_out_everywhere() -> Result<(), AppError> {
    let db = server::db()?;
    let member = server::signed_in(&db).await?;
    crate::store::staff::close_all_sessions(&db, member.account_id).await?;
    server::clear_staff_cookie()?;
    // A live console left open with that session closes now.
    crate::api::edge::staff_access_changed();
    if server::is_plain_form_post() {
        leptos_axum::redirect("/");
    }
    Ok(())
}

/// The signed-in staff member, if any.
#[server(endpoint = "current_staff")]
pub async fn current_staff() -> Result<Option<StaffView>, AppError> {
    let db = server::db()?;
    Ok(crate::api::edge::signed_in(&db).await?.map(server::view_of))
}

/// Carries a form post's outcome (a Fluent id) to the page it comes back to, once.
#[cfg(feature = "ssr")]
pub(crate) fn set_notice(message_id: &str, path: &str) -> Result<(), AppError> {
    crate::api::forms::set_flash(&format!("notice:{message_id}"), path)
}

/// The outcome left by `set_notice` for this page, if any; cleared once read.
#[cfg(feature = "ssr")]
pub(crate) fn take_notice() -> Result<Option<String>, AppError> {
    Ok(crate::api::forms::take_flash_value()?.and_then(|value| notice_of(&value)))
}

#[cfg(feature = "ssr")]
fn notice_of(value: &str) -> Option<String> {
    value
        .strip_prefix("notice:")
        .filter(|id| {
            id.starts_with("error-")
                || id.starts_with("passkey-")
                || id.starts_with("recovery-")
                || id.starts_with("step-up-")
        })
        .map(str::to_owned)
}

/// Carries freshly drawn recovery codes to the account page, to be shown once. The cookie is
/// HttpOnly, SameSite=Strict, scoped to `/compte`, lives five minutes and is cleared when
/// read; codes are never put in a URL.
#[cfg(feature = "ssr")]
pub(crate) fn set_recovery_codes(codes: &[String], path: &str) -> Result<(), AppError> {
    crate::api::forms::set_flash(&format!("codes:{}", codes.join(".")), path)
}

/// What the account page's last form post left: a notice, or new recovery codes.
#[cfg(feature = "ssr")]
pub(crate) fn take_account_flash() -> Result<(Option<String>, Vec<String>), AppError> {
    let Some(value) = crate::api::forms::take_flash_value()? else {
        return Ok((None, Vec::new()));
    };
    let codes = value
        .strip_prefix("codes:")
        .map(|codes| {
            codes
                .split('.')
                .filter_map(crate::domain::normalize_recovery_code)
                .collect()
        })
        .unwrap_or_default();
    Ok((notice_of(&value), codes))
}

/// Server-side setup the staff functions need, provided by the server crate per request.
#[cfg(feature = "ssr")]
#[derive(Clone)]
pub struct StaffSetup {
    pub webauthn: std::sync::Arc<webauthn_rs::Webauthn>,
    /// `AGORA_PUBLIC_URL`, for the links staff send (invitations).
    pub public_url: String,
    /// How long a session may go unused before it ends (`AGORA_STAFF_IDLE_MINUTES`).
    pub session_idle: chrono::Duration,
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use super::{StaffRoleView, StaffSetup, StaffView};
    use crate::api::AppError;
    use crate::domain::Cookie;
    use crate::domain::InvitationStatus;
    use crate::store::staff::{self, InvitationInfo, StaffMember};
    use leptos::prelude::use_context;
    use sea_orm::DatabaseConnection;
    use webauthn_rs_proto::{CreationChallengeResponse, ResidentKeyRequirement};

    pub use crate::api::request::{db, is_plain_form_post};

    pub fn staff_setup() -> Result<StaffSetup, AppError> {
        use_context::<StaffSetup>().ok_or_else(|| AppError::unwired("StaffSetup"))
    }

    pub async fn usable_invitation(
        db: &DatabaseConnection,
        token: &str,
    ) -> Result<InvitationInfo, AppError> {
        let invitation = staff::invitation_by_token(db, token)
            .await?
            .ok_or_else(|| AppError::NotFound.with_status())?;
        match invitation.status {
            InvitationStatus::Usable => Ok(invitation),
            InvitationStatus::Used | InvitationStatus::Expired => {
                Err(AppError::Invalid("error-invitation-unusable".into()).with_status())
            }
        }
    }

    pub fn require_discoverable(options: &mut CreationChallengeResponse) {
        let selection = options
            .public_key
            .authenticator_selection
            .get_or_insert_with(Default::default);
        selection.resident_key = Some(ResidentKeyRequirement::Required);
        selection.require_resident_key = true;
    }

    /// A ceremony the browser or the authenticator got wrong, or that the user cancelled.
    pub fn webauthn_failure(error: webauthn_rs::prelude::WebauthnError) -> AppError {
        tracing::info!(%error, "passkey ceremony refused");
        AppError::Invalid("error-passkey-failed".into()).with_status()
    }

    pub fn session_token() -> Option<String> {
        crate::api::request::cookie(Cookie::Staff)
    }

    pub fn clear_staff_cookie() -> Result<(), AppError> {
        let policy = crate::api::request::cookie_policy();
        crate::api::request::set_cookie(&policy.clear(Cookie::Staff, "/"))
    }

    pub async fn open_session(
        db: &DatabaseConnection,
        account_id: i64,
    ) -> Result<StaffView, AppError> {
        let token = staff::open_session(db, account_id).await?;
        let policy = crate::api::request::cookie_policy();
        crate::api::request::set_cookie(&policy.set(Cookie::Staff, &token))?;
        // Just opened: it cannot have been idle.
        let fresh = staff::STAFF_IDLE_DEFAULT;
        let member = staff::staff_by_session(db, &token, fresh)
            .await?
            .ok_or_else(|| {
                AppError::internal("signing in", "a session just opened is not found")
            })?;
        Ok(view_of(member))
    }

    /// The signed-in staff member, or 401.
    pub async fn signed_in(db: &DatabaseConnection) -> Result<StaffMember, AppError> {
        crate::api::edge::signed_in(db)
            .await?
            .ok_or_else(|| AppError::SignInNeeded.with_status())
    }

    pub fn view_of(member: StaffMember) -> StaffView {
        StaffView {
            display_name: member.display_name,
            operator: member.operator,
            roles: member
                .roles
                .into_iter()
                .map(|r| StaffRoleView {
                    council_slug: r.council_slug,
                    council_name: r.council_name,
                    role: r.role,
                })
                .collect(),
        }
    }
}
