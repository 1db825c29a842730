//! Staff sessions: opened, closed, and who a session cookie belongs to with their roles.

use super::*;

/// Opens a session and returns its token, for the cookie; only its hash is kept. Opening one
/// follows a proof that its owner is there (a passkey, a recovery code), so it starts
/// verified.
pub async fn open_session(db: &DatabaseConnection, account_id: i64) -> Result<String, DbErr> {
    let token = new_token();
    let now = Utc::now();
    staff_session::ActiveModel {
        token_hash: Set(hash_token(&token)),
        account_id: Set(account_id),
        created_at: Set(now),
        expires_at: Set(now + Duration::hours(SESSION_HOURS)),
        revoked_at: Set(None),
        last_seen_at: Set(Some(now)),
        verified_at: Set(Some(now)),
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
    /// Hosts councils on the instance (and reads none of them for that).
    pub operator: bool,
    /// When this session last proved its owner was there (`verify_session`).
    pub verified_at: Option<chrono::DateTime<Utc>>,
}

impl StaffMember {
    /// Whether the session proved its owner was there recently enough for a change that
    /// would outlast it (a passkey, recovery codes, the team).
    pub fn verified_recently(&self) -> bool {
        crate::domain::verified_recently(
            self.verified_at.map(|at| at.timestamp()),
            Utc::now().timestamp(),
        )
    }
}

/// Notes that the session `token` belongs to `account_id` and has just proved its owner is
/// there (a passkey asked for again, or a recovery code). Returns whether it did.
pub async fn verify_session(
    db: &DatabaseConnection,
    token: &str,
    account_id: i64,
) -> Result<bool, DbErr> {
    let now = Utc::now();
    let marked = staff_session::Entity::update_many()
        .col_expr(staff_session::Column::VerifiedAt, Expr::value(now))
        .filter(staff_session::Column::TokenHash.eq(hash_token(token)))
        .filter(staff_session::Column::AccountId.eq(account_id))
        .filter(staff_session::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    if marked.rows_affected == 1 {
        record_audit(db, None, Some(account_id), "step-up", "").await?;
    }
    Ok(marked.rows_affected == 1)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CouncilRole {
    pub council_id: i64,
    pub council_slug: String,
    pub council_name: String,
    pub role: Role,
    /// A coordinator let them read and moderate testimony (facilitators).
    pub reads_testimony: bool,
}

impl CouncilRole {
    pub fn access(&self) -> crate::domain::Access {
        crate::domain::Access {
            role: self.role,
            reads_testimony: self.reads_testimony,
        }
        .normalized()
    }
}

/// A session unused this long ends (`AGORA_STAFF_IDLE_MINUTES`), unless told otherwise.
pub const STAFF_IDLE_DEFAULT: Duration = Duration::hours(2);

/// How often a session in use notes it: one small write a minute at most, not one per page.
const SEEN_EVERY: Duration = Duration::minutes(1);

/// The staff member a session token belongs to, if the session is open, not expired and
/// not left unused for longer than `idle` (then it is ended here). Counts as a use of the
/// session: it stays open for `idle` from now.
pub async fn staff_by_session(
    db: &DatabaseConnection,
    token: &str,
    idle: Duration,
) -> Result<Option<StaffMember>, DbErr> {
    member_of_session(db, token, idle, true).await
}

/// The same, without counting as a use: an open live console checking that its session
/// still runs the room does not keep a forgotten session alive.
pub async fn session_member(
    db: &DatabaseConnection,
    token: &str,
    idle: Duration,
) -> Result<Option<StaffMember>, DbErr> {
    member_of_session(db, token, idle, false).await
}

async fn member_of_session(
    db: &DatabaseConnection,
    token: &str,
    idle: Duration,
    used: bool,
) -> Result<Option<StaffMember>, DbErr> {
    let now = Utc::now();
    let Some(session) = staff_session::Entity::find()
        .filter(staff_session::Column::TokenHash.eq(hash_token(token)))
        .filter(staff_session::Column::RevokedAt.is_null())
        .filter(staff_session::Column::ExpiresAt.gt(now))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let seen = session.last_seen_at.unwrap_or(session.created_at);
    if now - seen > idle {
        staff_session::ActiveModel {
            id: Set(session.id),
            revoked_at: Set(Some(now)),
            ..Default::default()
        }
        .update(db)
        .await?;
        record_audit(db, None, Some(session.account_id), "session-idle", "").await?;
        return Ok(None);
    }
    if used && now - seen > SEEN_EVERY {
        staff_session::ActiveModel {
            id: Set(session.id),
            last_seen_at: Set(Some(now)),
            ..Default::default()
        }
        .update(db)
        .await?;
    }
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
            reads_testimony: role.reads_testimony,
        });
    }
    Ok(Some(StaffMember {
        account_id: account.id,
        display_name: account.display_name,
        roles,
        operator: account.operator,
        verified_at: session.verified_at,
    }))
}

/// Ends every open session of an account (all its browsers); returns how many.
pub async fn close_all_sessions(db: &DatabaseConnection, account_id: i64) -> Result<u64, DbErr> {
    let closed = end_sessions(db, account_id).await?;
    record_audit(
        db,
        None,
        Some(account_id),
        "sign-out-everywhere",
        &crate::domain::audit_detail(&[("sessions", &closed.to_string())]),
    )
    .await?;
    Ok(closed)
}

/// Revokes every open session of an account, inside the caller's transaction or not;
/// returns how many. The caller writes the audit line that says why.
pub(super) async fn end_sessions(db: &impl ConnectionTrait, account_id: i64) -> Result<u64, DbErr> {
    Ok(staff_session::Entity::update_many()
        .col_expr(staff_session::Column::RevokedAt, Expr::value(Utc::now()))
        .filter(staff_session::Column::AccountId.eq(account_id))
        .filter(staff_session::Column::RevokedAt.is_null())
        .exec(db)
        .await?
        .rows_affected)
}
