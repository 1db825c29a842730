//! Passkeys: looked up, their counter moved on, listed, added and revoked.

use super::*;

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
    insert_passkey(&txn, account_id, credential_id, credential, &label).await?;
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

/// A new account and its first passkey, as a finished sign-up or a member's own passkey
/// makes them.
pub struct FirstPasskey<'a> {
    pub user_handle: &'a str,
    pub display_name: &'a str,
    /// Whether the account runs the instance (only an operator's invitation makes one).
    pub operator: bool,
    pub credential_id: &'a str,
    pub credential: String,
    pub label: &'a str,
}

/// Inserts the account and its first passkey in the caller's transaction, which records
/// why (its audit line) and commits; the account's id.
pub async fn insert_account_with_passkey(
    txn: &impl ConnectionTrait,
    new: FirstPasskey<'_>,
) -> Result<i64, DbErr> {
    let account = staff_account::ActiveModel {
        user_handle: Set(new.user_handle.to_owned()),
        display_name: Set(new.display_name.to_owned()),
        created_at: Set(Utc::now()),
        operator: Set(new.operator),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    insert_passkey(
        txn,
        account.id,
        new.credential_id,
        new.credential,
        new.label,
    )
    .await?;
    Ok(account.id)
}

async fn insert_passkey(
    txn: &impl ConnectionTrait,
    account_id: i64,
    credential_id: &str,
    credential: String,
    label: &str,
) -> Result<(), DbErr> {
    passkey::ActiveModel {
        account_id: Set(account_id),
        credential_id: Set(credential_id.to_owned()),
        credential: Set(credential),
        label: Set(label.to_owned()),
        created_at: Set(Utc::now()),
        last_used_at: Set(None),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    Ok(())
}
