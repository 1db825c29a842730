//! Proving again that a signed-in staff member is there, before a change that outlasts the
//! session: adding a passkey, renewing recovery codes, inviting, removing or changing a
//! member of the team. A stolen session cookie alone then reads what its owner reads until
//! it ends, but cannot make itself a lasting way in.
//!
//! The proof is the account's passkey asked for again, with user verification (fingerprint,
//! face, device PIN), or — for someone whose device is lost, and without JavaScript — one of
//! the account's own recovery codes. Signing in is such a proof too. It counts for
//! `domain::STEP_UP_MINUTES`.

use super::AppError;
use super::staff::SignInChallenge;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use webauthn_rs_proto::PublicKeyCredential;

/// The refusal of a lasting change when the session has not proved its owner is there
/// recently.
pub const STEP_UP_NEEDED: &str = "error-step-up-needed";

/// Asks the browser for one of the caller's own passkeys, with user verification.
#[server(endpoint = "start_step_up")]
pub async fn start_step_up() -> Result<SignInChallenge, AppError> {
    use webauthn_rs::prelude::Passkey;
    let db = crate::api::request::db()?;
    let setup = super::staff::server::staff_setup()?;
    let member = super::staff::server::signed_in(&db).await?;
    let (_, stored) = crate::store::staff::account_credentials(&db, member.account_id)
        .await?
        .ok_or_else(|| AppError::SignInNeeded.with_status())?;
    let passkeys: Vec<Passkey> = stored
        .iter()
        .filter_map(|json| serde_json::from_str(json).ok())
        .collect();
    let (options, state) = setup
        .webauthn
        .start_passkey_authentication(&passkeys)
        .map_err(super::staff::server::webauthn_failure)?;
    let state = serde_json::to_string(&(member.account_id, state))
        .map_err(|e| AppError::internal("serialising state", e))?;
    let ceremony = crate::store::staff::save_ceremony(&db, "step-up", state, None, None).await?;
    Ok(SignInChallenge { ceremony, options })
}

/// Checks the passkey's answer: one of the caller's own, user-verified; the session is then
/// verified for the next few minutes.
#[server(endpoint = "finish_step_up", input = Json)]
pub async fn finish_step_up(
    ceremony: String,
    credential: PublicKeyCredential,
) -> Result<(), AppError> {
    use crate::store::staff;
    let db = crate::api::request::db()?;
    let setup = super::staff::server::staff_setup()?;
    let member = super::staff::server::signed_in(&db).await?;
    let taken = staff::take_ceremony(&db, &ceremony, "step-up")
        .await?
        .ok_or_else(|| AppError::Invalid("error-ceremony-expired".into()).with_status())?;
    let (account_id, state): (i64, webauthn_rs::prelude::PasskeyAuthentication) =
        serde_json::from_str(&taken.state)
            .map_err(|e| AppError::internal("reading stored state", e))?;
    if account_id != member.account_id {
        return Err(AppError::Forbidden.with_status());
    }
    let result = setup
        .webauthn
        .finish_passkey_authentication(&credential, &state)
        .map_err(super::staff::server::webauthn_failure)?;
    let unknown = || AppError::Invalid("error-passkey-unknown".into()).with_status();
    let stored = staff::passkey_by_credential_id(&db, &staff::to_hex(result.cred_id()))
        .await?
        .filter(|stored| stored.account_id == account_id)
        .ok_or_else(unknown)?;
    let mut passkey: webauthn_rs::prelude::Passkey = serde_json::from_str(&stored.credential)
        .map_err(|e| AppError::internal("reading stored state", e))?;
    let updated = if passkey.update_credential(&result) == Some(true) {
        Some(
            serde_json::to_string(&passkey)
                .map_err(|e| AppError::internal("serialising state", e))?,
        )
    } else {
        None
    };
    staff::touch_passkey(&db, stored.id, updated).await?;
    verify(&db, account_id).await
}

/// The same proof with one of the caller's own recovery codes (it is spent): a plain form
/// that works without JavaScript, for someone whose passkey is out of reach. Comes back to
/// `back` (the account or team page) with the outcome.
#[server(endpoint = "step_up_with_recovery_code")]
pub async fn step_up_with_recovery_code(code: String, back: String) -> Result<(), AppError> {
    let db = crate::api::request::db()?;
    let member = super::staff::server::signed_in(&db).await?;
    let back = crate::domain::safe_return_path(&back)
        .unwrap_or("/compte")
        .to_owned();
    let outcome =
        if crate::store::staff::use_own_recovery_code(&db, member.account_id, &code).await? {
            verify(&db, member.account_id).await?;
            "step-up-done"
        } else {
            "error-recovery-code"
        };
    if crate::api::request::is_plain_form_post() {
        super::staff::set_notice(outcome, &back)?;
        leptos_axum::redirect(&back);
        return Ok(());
    }
    match outcome {
        "step-up-done" => Ok(()),
        refused => Err(AppError::Invalid(refused.into()).with_status()),
    }
}

#[cfg(feature = "ssr")]
async fn verify(db: &sea_orm::DatabaseConnection, account_id: i64) -> Result<(), AppError> {
    let token = super::staff::server::session_token()
        .ok_or_else(|| AppError::SignInNeeded.with_status())?;
    if crate::store::staff::verify_session(db, &token, account_id).await? {
        Ok(())
    } else {
        Err(AppError::SignInNeeded.with_status())
    }
}
