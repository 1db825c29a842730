//! Recovery codes: issued, renewed, counted and spent once.

use super::*;

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
    use crate::store::entities::recovery_code;
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
    use crate::store::entities::recovery_code;
    recovery_code::Entity::find()
        .filter(recovery_code::Column::AccountId.eq(account_id))
        .filter(recovery_code::Column::UsedAt.is_null())
        .count(db)
        .await
}

pub(super) async fn insert_recovery_codes(
    txn: &DatabaseTransaction,
    account_id: i64,
) -> Result<Vec<String>, DbErr> {
    use crate::domain::{RECOVERY_ALPHABET, RECOVERY_CODE_COUNT, recovery_code_from};
    use crate::store::entities::recovery_code;
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
    spend_recovery_code(db, typed, None).await
}

/// Spends a recovery code of `account_id` only (a signed-in member proving it is them):
/// whether it was one of theirs, valid and unused. Another account's code is left as it is.
pub async fn use_own_recovery_code(
    db: &DatabaseConnection,
    account_id: i64,
    typed: &str,
) -> Result<bool, DbErr> {
    Ok(spend_recovery_code(db, typed, Some(account_id))
        .await?
        .is_some())
}

async fn spend_recovery_code(
    db: &DatabaseConnection,
    typed: &str,
    owner: Option<i64>,
) -> Result<Option<i64>, DbErr> {
    use crate::store::entities::recovery_code;
    let Some(code) = crate::domain::normalize_recovery_code(typed) else {
        return Ok(None);
    };
    let hash = hash_token(&code);
    let mut spend = recovery_code::Entity::update_many()
        .col_expr(recovery_code::Column::UsedAt, Expr::value(Utc::now()))
        .filter(recovery_code::Column::CodeHash.eq(hash.clone()))
        .filter(recovery_code::Column::UsedAt.is_null());
    if let Some(account_id) = owner {
        spend = spend.filter(recovery_code::Column::AccountId.eq(account_id));
    }
    let spent = spend.exec(db).await?;
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
