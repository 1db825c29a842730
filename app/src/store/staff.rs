//! Staff accounts, invitations, passkeys, sessions, ceremonies and the audit log.
//! Tokens handed out (invitation links, session cookies) are stored as SHA-256 hashes: a
//! copy of the database does not let anyone sign in.

use super::entities::{
    audit_event, council, invitation, passkey, passkey_ceremony, staff_account, staff_role,
    staff_session,
};
use crate::domain::{CEREMONY_MINUTES, CouncilSlug, InvitationStatus, Role, SESSION_HOURS};
use chrono::{Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbErr,
    EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};
use sha2::{Digest, Sha256};

pub fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A fresh secret: 32 random bytes as 64 hexadecimal digits.
pub fn new_token() -> String {
    to_hex(&rand::random::<[u8; 32]>())
}

pub fn hash_token(token: &str) -> String {
    to_hex(&Sha256::digest(token.as_bytes()))
}

/// Why a staff operation could not be done; each maps to a translated message.
#[derive(Debug, thiserror::Error)]
pub enum StaffError {
    #[error("no such council")]
    UnknownCouncil,
    #[error("invitation unknown, used or expired")]
    InvitationUnusable,
    #[error(transparent)]
    Db(#[from] DbErr),
}

pub async fn record_audit(
    db: &impl ConnectionTrait,
    council_id: Option<i64>,
    account_id: Option<i64>,
    action: &str,
    detail: &str,
) -> Result<(), DbErr> {
    audit_event::ActiveModel {
        council_id: Set(council_id),
        account_id: Set(account_id),
        action: Set(action.to_owned()),
        detail: Set(detail.to_owned()),
        at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Creates an invitation and returns its token, to be sent as a link; only its hash is kept.
pub async fn create_invitation(
    db: &DatabaseConnection,
    slug: &CouncilSlug,
    role: Role,
    hours: i64,
    invited_by: Option<i64>,
) -> Result<String, StaffError> {
    let council = council::Entity::find()
        .filter(council::Column::Slug.eq(slug.as_str()))
        .one(db)
        .await?
        .ok_or(StaffError::UnknownCouncil)?;
    let token = new_token();
    let now = Utc::now();
    let txn = crate::store::begin_write(db).await?;
    invitation::ActiveModel {
        token_hash: Set(hash_token(&token)),
        council_id: Set(council.id),
        role: Set(role.key().to_owned()),
        invited_by: Set(invited_by),
        created_at: Set(now),
        expires_at: Set(now + Duration::hours(hours)),
        used_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    record_audit(
        &txn,
        Some(council.id),
        invited_by,
        "invite",
        &crate::domain::audit_detail(&[("role", role.key()), ("hours", &hours.to_string())]),
    )
    .await?;
    txn.commit().await?;
    Ok(token)
}

/// What the sign-up page shows about an invitation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvitationInfo {
    pub id: i64,
    pub council_id: i64,
    pub council_name: String,
    pub role: Role,
    pub status: InvitationStatus,
}

pub async fn invitation_by_token(
    db: &DatabaseConnection,
    token: &str,
) -> Result<Option<InvitationInfo>, DbErr> {
    let Some(found) = invitation::Entity::find()
        .filter(invitation::Column::TokenHash.eq(hash_token(token)))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let council = council::Entity::find_by_id(found.council_id)
        .one(db)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("invitation's council".into()))?;
    let role = Role::parse(&found.role)
        .ok_or_else(|| DbErr::Custom(format!("stored role {:?}", found.role)))?;
    Ok(Some(InvitationInfo {
        id: found.id,
        council_id: council.id,
        council_name: council.name,
        role,
        status: InvitationStatus::at(
            Utc::now().timestamp(),
            found.expires_at.timestamp(),
            found.used_at.is_some(),
        ),
    }))
}

/// A passkey ceremony waiting for the browser's answer.
pub struct Ceremony {
    pub state: String,
    pub invitation_id: Option<i64>,
    pub display_name: Option<String>,
}

pub async fn save_ceremony(
    db: &DatabaseConnection,
    kind: &str,
    state: String,
    invitation_id: Option<i64>,
    display_name: Option<String>,
) -> Result<String, DbErr> {
    let id = new_token();
    // Expired ceremonies of anyone are dropped here, so the table stays small.
    passkey_ceremony::Entity::delete_many()
        .filter(passkey_ceremony::Column::ExpiresAt.lt(Utc::now()))
        .exec(db)
        .await?;
    passkey_ceremony::ActiveModel {
        id: Set(id.clone()),
        kind: Set(kind.to_owned()),
        state: Set(state),
        invitation_id: Set(invitation_id),
        display_name: Set(display_name),
        expires_at: Set(Utc::now() + Duration::minutes(CEREMONY_MINUTES)),
    }
    .insert(db)
    .await?;
    Ok(id)
}

/// Takes a ceremony out of the store: each can be finished once, before it expires.
pub async fn take_ceremony(
    db: &DatabaseConnection,
    id: &str,
    kind: &str,
) -> Result<Option<Ceremony>, DbErr> {
    let Some(found) = passkey_ceremony::Entity::find_by_id(id.to_owned())
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let deleted = passkey_ceremony::Entity::delete_by_id(id.to_owned())
        .exec(db)
        .await?;
    let usable = deleted.rows_affected == 1 && found.kind == kind && found.expires_at > Utc::now();
    Ok(usable.then_some(Ceremony {
        state: found.state,
        invitation_id: found.invitation_id,
        display_name: found.display_name,
    }))
}

/// Everything a finished sign-up creates, at once: the account, its role, its first passkey,
/// the invitation marked used. An invitation used meanwhile makes the whole thing fail.
pub struct NewStaff<'a> {
    pub invitation_id: i64,
    pub display_name: &'a str,
    pub user_handle: &'a str,
    pub credential_id: &'a str,
    pub credential: String,
    pub passkey_label: &'a str,
}

pub async fn complete_sign_up(
    db: &DatabaseConnection,
    staff: NewStaff<'_>,
) -> Result<i64, StaffError> {
    let now = Utc::now();
    let txn = crate::store::begin_write(db).await?;
    let claimed = invitation::Entity::update_many()
        .col_expr(invitation::Column::UsedAt, Expr::value(now))
        .filter(invitation::Column::Id.eq(staff.invitation_id))
        .filter(invitation::Column::UsedAt.is_null())
        .filter(invitation::Column::ExpiresAt.gt(now))
        .exec(&txn)
        .await?;
    if claimed.rows_affected != 1 {
        return Err(StaffError::InvitationUnusable);
    }
    let invite = invitation::Entity::find_by_id(staff.invitation_id)
        .one(&txn)
        .await?
        .ok_or(StaffError::InvitationUnusable)?;
    let account = staff_account::ActiveModel {
        user_handle: Set(staff.user_handle.to_owned()),
        display_name: Set(staff.display_name.to_owned()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    staff_role::ActiveModel {
        account_id: Set(account.id),
        council_id: Set(invite.council_id),
        role: Set(invite.role.clone()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    passkey::ActiveModel {
        account_id: Set(account.id),
        credential_id: Set(staff.credential_id.to_owned()),
        credential: Set(staff.credential),
        label: Set(staff.passkey_label.to_owned()),
        created_at: Set(now),
        last_used_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    record_audit(
        &txn,
        Some(invite.council_id),
        Some(account.id),
        "sign-up",
        &crate::domain::audit_detail(&[("role", &invite.role)]),
    )
    .await?;
    txn.commit().await?;
    Ok(account.id)
}

/// A stored passkey, found by the credential the browser answered with.
pub struct StoredPasskey {
    pub id: i64,
    pub account_id: i64,
    pub user_handle: String,
    pub credential: String,
}

pub async fn passkey_by_credential_id(
    db: &DatabaseConnection,
    credential_id: &str,
) -> Result<Option<StoredPasskey>, DbErr> {
    let Some(found) = passkey::Entity::find()
        .filter(passkey::Column::CredentialId.eq(credential_id))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let account = staff_account::Entity::find_by_id(found.account_id)
        .one(db)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("passkey's account".into()))?;
    Ok(Some(StoredPasskey {
        id: found.id,
        account_id: found.account_id,
        user_handle: account.user_handle,
        credential: found.credential,
    }))
}

/// After a sign-in: the updated credential (its counter) and when it was last used.
pub async fn touch_passkey(
    db: &DatabaseConnection,
    id: i64,
    credential: Option<String>,
) -> Result<(), DbErr> {
    let mut update = passkey::ActiveModel {
        id: Set(id),
        last_used_at: Set(Some(Utc::now())),
        ..Default::default()
    };
    if let Some(credential) = credential {
        update.credential = Set(credential);
    }
    update.update(db).await?;
    Ok(())
}

/// Opens a session and returns its token, for the cookie; only its hash is kept.
pub async fn open_session(db: &DatabaseConnection, account_id: i64) -> Result<String, DbErr> {
    let token = new_token();
    let now = Utc::now();
    staff_session::ActiveModel {
        token_hash: Set(hash_token(&token)),
        account_id: Set(account_id),
        created_at: Set(now),
        expires_at: Set(now + Duration::hours(SESSION_HOURS)),
        revoked_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(token)
}

pub async fn close_session(db: &DatabaseConnection, token: &str) -> Result<Option<i64>, DbErr> {
    let Some(session) = staff_session::Entity::find()
        .filter(staff_session::Column::TokenHash.eq(hash_token(token)))
        .filter(staff_session::Column::RevokedAt.is_null())
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    staff_session::ActiveModel {
        id: Set(session.id),
        revoked_at: Set(Some(Utc::now())),
        ..Default::default()
    }
    .update(db)
    .await?;
    Ok(Some(session.account_id))
}

/// A signed-in staff member and their roles, council by council.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffMember {
    pub account_id: i64,
    pub display_name: String,
    pub roles: Vec<CouncilRole>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CouncilRole {
    pub council_id: i64,
    pub council_slug: String,
    pub council_name: String,
    pub role: Role,
}

/// The staff member a session token belongs to, if the session is open and not expired.
pub async fn staff_by_session(
    db: &DatabaseConnection,
    token: &str,
) -> Result<Option<StaffMember>, DbErr> {
    let Some(session) = staff_session::Entity::find()
        .filter(staff_session::Column::TokenHash.eq(hash_token(token)))
        .filter(staff_session::Column::RevokedAt.is_null())
        .filter(staff_session::Column::ExpiresAt.gt(Utc::now()))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let Some(account) = staff_account::Entity::find_by_id(session.account_id)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let mut roles = Vec::new();
    for role in staff_role::Entity::find()
        .filter(staff_role::Column::AccountId.eq(account.id))
        .order_by_asc(staff_role::Column::CouncilId)
        .all(db)
        .await?
    {
        let council = council::Entity::find_by_id(role.council_id)
            .one(db)
            .await?
            .ok_or_else(|| DbErr::RecordNotFound("role's council".into()))?;
        roles.push(CouncilRole {
            council_id: council.id,
            council_slug: council.slug,
            council_name: council.name,
            role: Role::parse(&role.role)
                .ok_or_else(|| DbErr::Custom(format!("stored role {:?}", role.role)))?,
        });
    }
    Ok(Some(StaffMember {
        account_id: account.id,
        display_name: account.display_name,
        roles,
    }))
}

/// The council a slug names, as its id and name.
pub async fn council_by_slug_id(
    db: &DatabaseConnection,
    slug: &str,
) -> Result<Option<(i64, String)>, DbErr> {
    Ok(council::Entity::find()
        .filter(council::Column::Slug.eq(slug))
        .one(db)
        .await?
        .map(|c| (c.id, c.name)))
}

/// The staff of a council, by name.
pub async fn council_members(
    db: &DatabaseConnection,
    council_id: i64,
) -> Result<Vec<(String, Role)>, DbErr> {
    let mut members = Vec::new();
    for role in staff_role::Entity::find()
        .filter(staff_role::Column::CouncilId.eq(council_id))
        .all(db)
        .await?
    {
        let Some(account) = staff_account::Entity::find_by_id(role.account_id)
            .one(db)
            .await?
        else {
            continue;
        };
        if let Some(parsed) = Role::parse(&role.role) {
            members.push((account.display_name, parsed));
        }
    }
    members.sort_by(|a, b| (a.1, &a.0).cmp(&(b.1, &b.0)));
    Ok(members)
}

/// Invitations of a council not used yet and not expired: role and deadline.
pub async fn pending_invitations(
    db: &DatabaseConnection,
    council_id: i64,
) -> Result<Vec<(Role, chrono::DateTime<Utc>)>, DbErr> {
    Ok(invitation::Entity::find()
        .filter(invitation::Column::CouncilId.eq(council_id))
        .filter(invitation::Column::UsedAt.is_null())
        .filter(invitation::Column::ExpiresAt.gt(Utc::now()))
        .order_by_asc(invitation::Column::ExpiresAt)
        .all(db)
        .await?
        .into_iter()
        .filter_map(|i| Role::parse(&i.role).map(|role| (role, i.expires_at)))
        .collect())
}

/// One line of the audit log: when, who (none for the operator's command line), what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub at: chrono::DateTime<Utc>,
    pub who: Option<String>,
    pub action: String,
    pub detail: String,
}

/// The newest `limit` events of a council: those recorded in it, and the sign-ins and
/// sign-outs of its staff (which belong to no council).
pub async fn audit_log(
    db: &DatabaseConnection,
    council_id: i64,
    limit: u64,
) -> Result<Vec<AuditEntry>, DbErr> {
    use sea_orm::{Condition, QuerySelect};
    let staff_ids: Vec<i64> = staff_role::Entity::find()
        .filter(staff_role::Column::CouncilId.eq(council_id))
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.account_id)
        .collect();
    let events = audit_event::Entity::find()
        .filter(
            Condition::any()
                .add(audit_event::Column::CouncilId.eq(council_id))
                .add(
                    Condition::all()
                        .add(audit_event::Column::CouncilId.is_null())
                        .add(audit_event::Column::AccountId.is_in(staff_ids)),
                ),
        )
        .order_by_desc(audit_event::Column::At)
        .order_by_desc(audit_event::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    let mut entries = Vec::with_capacity(events.len());
    for event in events {
        let who = match event.account_id {
            Some(id) => staff_account::Entity::find_by_id(id)
                .one(db)
                .await?
                .map(|a| a.display_name),
            None => None,
        };
        entries.push(AuditEntry {
            at: event.at,
            who,
            action: event.action,
            detail: event.detail,
        });
    }
    Ok(entries)
}

/// A staff member's passkey, as their account page lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasskeyInfo {
    pub id: i64,
    pub label: String,
    pub created_at: chrono::DateTime<Utc>,
    pub last_used_at: Option<chrono::DateTime<Utc>>,
}

pub async fn passkeys_of(
    db: &DatabaseConnection,
    account_id: i64,
) -> Result<Vec<PasskeyInfo>, DbErr> {
    Ok(passkey::Entity::find()
        .filter(passkey::Column::AccountId.eq(account_id))
        .order_by_asc(passkey::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|p| PasskeyInfo {
            id: p.id,
            label: p.label,
            created_at: p.created_at,
            last_used_at: p.last_used_at,
        })
        .collect())
}

/// Why a passkey could not be removed.
#[derive(Debug, thiserror::Error)]
pub enum RevokeError {
    #[error("not one of this account's passkeys")]
    NotFound,
    /// Removing it would lock the account out.
    #[error("last passkey")]
    LastPasskey,
    #[error(transparent)]
    Db(#[from] DbErr),
}

pub async fn revoke_passkey(
    db: &DatabaseConnection,
    account_id: i64,
    passkey_id: i64,
) -> Result<(), RevokeError> {
    use sea_orm::PaginatorTrait;
    let txn = crate::store::begin_write(db).await?;
    let owned = passkey::Entity::find_by_id(passkey_id)
        .filter(passkey::Column::AccountId.eq(account_id))
        .one(&txn)
        .await?
        .ok_or(RevokeError::NotFound)?;
    let count = passkey::Entity::find()
        .filter(passkey::Column::AccountId.eq(account_id))
        .count(&txn)
        .await?;
    if count <= 1 {
        return Err(RevokeError::LastPasskey);
    }
    passkey::Entity::delete_by_id(owned.id).exec(&txn).await?;
    record_audit(
        &txn,
        None,
        Some(account_id),
        "passkey-revoked",
        &crate::domain::audit_detail(&[("passkey", &owned.label)]),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Ends every open session of an account (all its browsers); returns how many.
pub async fn close_all_sessions(db: &DatabaseConnection, account_id: i64) -> Result<u64, DbErr> {
    let closed = staff_session::Entity::update_many()
        .col_expr(staff_session::Column::RevokedAt, Expr::value(Utc::now()))
        .filter(staff_session::Column::AccountId.eq(account_id))
        .filter(staff_session::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    record_audit(
        db,
        None,
        Some(account_id),
        "sign-out-everywhere",
        &crate::domain::audit_detail(&[("sessions", &closed.rows_affected.to_string())]),
    )
    .await?;
    Ok(closed.rows_affected)
}

/// The account's WebAuthn user handle and its stored credentials (JSON), for registering
/// another passkey on the same account without registering the same authenticator twice.
pub async fn account_credentials(
    db: &DatabaseConnection,
    account_id: i64,
) -> Result<Option<(String, Vec<String>)>, DbErr> {
    let Some(account) = staff_account::Entity::find_by_id(account_id)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let credentials = passkey::Entity::find()
        .filter(passkey::Column::AccountId.eq(account_id))
        .all(db)
        .await?
        .into_iter()
        .map(|p| p.credential)
        .collect();
    Ok(Some((account.user_handle, credentials)))
}

/// Adds a passkey to an account; its label is the next number. Returns the label.
pub async fn add_passkey(
    db: &DatabaseConnection,
    account_id: i64,
    credential_id: &str,
    credential: String,
) -> Result<String, DbErr> {
    let txn = crate::store::begin_write(db).await?;
    let highest = passkey::Entity::find()
        .filter(passkey::Column::AccountId.eq(account_id))
        .all(&txn)
        .await?
        .iter()
        .filter_map(|p| p.label.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    let label = (highest + 1).to_string();
    passkey::ActiveModel {
        account_id: Set(account_id),
        credential_id: Set(credential_id.to_owned()),
        credential: Set(credential),
        label: Set(label.clone()),
        created_at: Set(Utc::now()),
        last_used_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    record_audit(
        &txn,
        None,
        Some(account_id),
        "passkey-added",
        &crate::domain::audit_detail(&[("passkey", &label)]),
    )
    .await?;
    txn.commit().await?;
    Ok(label)
}

/// Draws a fresh set of recovery codes for an account and stores their hashes; returns the
/// codes, to be shown once.
pub async fn issue_recovery_codes(
    db: &DatabaseConnection,
    account_id: i64,
) -> Result<Vec<String>, DbErr> {
    let txn = crate::store::begin_write(db).await?;
    let codes = insert_recovery_codes(&txn, account_id).await?;
    txn.commit().await?;
    Ok(codes)
}

/// Replaces every recovery code of an account, used or not, by a fresh set (the old sheet
/// was lost, or most codes are spent); returns the new codes, to be shown once.
pub async fn renew_recovery_codes(
    db: &DatabaseConnection,
    account_id: i64,
) -> Result<Vec<String>, DbErr> {
    use super::entities::recovery_code;
    let txn = crate::store::begin_write(db).await?;
    recovery_code::Entity::delete_many()
        .filter(recovery_code::Column::AccountId.eq(account_id))
        .exec(&txn)
        .await?;
    let codes = insert_recovery_codes(&txn, account_id).await?;
    record_audit(
        &txn,
        None,
        Some(account_id),
        "recovery-codes-renewed",
        &crate::domain::audit_detail(&[("codes", &codes.len().to_string())]),
    )
    .await?;
    txn.commit().await?;
    Ok(codes)
}

/// How many of an account's recovery codes can still be used.
pub async fn unused_recovery_codes(db: &DatabaseConnection, account_id: i64) -> Result<u64, DbErr> {
    use super::entities::recovery_code;
    recovery_code::Entity::find()
        .filter(recovery_code::Column::AccountId.eq(account_id))
        .filter(recovery_code::Column::UsedAt.is_null())
        .count(db)
        .await
}

async fn insert_recovery_codes(
    txn: &DatabaseTransaction,
    account_id: i64,
) -> Result<Vec<String>, DbErr> {
    use super::entities::recovery_code;
    use crate::domain::{RECOVERY_ALPHABET, RECOVERY_CODE_COUNT, recovery_code_from};
    let codes: Vec<String> = (0..RECOVERY_CODE_COUNT)
        .map(|_| {
            recovery_code_from(std::array::from_fn(|_| {
                rand::random_range(0..RECOVERY_ALPHABET.len())
            }))
        })
        .collect();
    for code in &codes {
        recovery_code::ActiveModel {
            account_id: Set(account_id),
            code_hash: Set(hash_token(code)),
            used_at: Set(None),
            ..Default::default()
        }
        .insert(txn)
        .await?;
    }
    Ok(codes)
}

/// Spends a recovery code (as typed): the account it opens, if it was valid and unused.
pub async fn use_recovery_code(db: &DatabaseConnection, typed: &str) -> Result<Option<i64>, DbErr> {
    use super::entities::recovery_code;
    let Some(code) = crate::domain::normalize_recovery_code(typed) else {
        return Ok(None);
    };
    let hash = hash_token(&code);
    let spent = recovery_code::Entity::update_many()
        .col_expr(recovery_code::Column::UsedAt, Expr::value(Utc::now()))
        .filter(recovery_code::Column::CodeHash.eq(hash.clone()))
        .filter(recovery_code::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    if spent.rows_affected != 1 {
        return Ok(None);
    }
    let account = recovery_code::Entity::find()
        .filter(recovery_code::Column::CodeHash.eq(hash))
        .one(db)
        .await?
        .map(|c| c.account_id);
    if let Some(account_id) = account {
        record_audit(db, None, Some(account_id), "recovery-code-used", "").await?;
    }
    Ok(account)
}
