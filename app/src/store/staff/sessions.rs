//! Staff sessions: opened, closed, and who a session cookie belongs to with their roles.

use super::*;

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
