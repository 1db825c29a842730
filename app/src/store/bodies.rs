//! The council's bodies, their members, the one-time passes that let members in and their
//! sessions (`domain::body`). Passes and session tokens are kept as SHA-256 hashes only: a
//! copy of the database lets nobody in. Every change is one transaction with its audit line.

use super::entities::{body, body_member, member_pass, member_session};
use super::staff::{hash_token, new_token, record_audit};
use crate::domain::body::{
    BODIES_MAX, Body, BodyFields, BodyKind, MEMBER_SESSION_DAYS, MEMBERS_MAX, Member, MemberFields,
    MemberRole, PASS_DAYS, PassKind, seats,
};
use crate::domain::{
    College, CollegeKey, RECOVERY_ALPHABET, RECOVERY_CODE_LENGTH, Wording, audit_detail,
    normalize_recovery_code, recovery_code_from,
};
use chrono::{Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, Set,
};

#[derive(Debug, thiserror::Error)]
pub enum BodyError {
    #[error("no such body or member in this council")]
    NotFound,
    /// The id of the rule refused (a Fluent id).
    #[error("refused: {0}")]
    Refused(&'static str),
    #[error(transparent)]
    Db(#[from] DbErr),
}

fn kind(raw: &str) -> BodyKind {
    BodyKind::parse(raw).unwrap_or(BodyKind::WorkingGroup)
}

fn college_key(raw: &str) -> Option<CollegeKey> {
    CollegeKey::parse(raw)
}

async fn member_rows(
    db: &impl ConnectionTrait,
    bodies: &[i64],
) -> Result<Vec<body_member::Model>, DbErr> {
    body_member::Entity::find()
        .filter(body_member::Column::BodyId.is_in(bodies.iter().copied()))
        .order_by_asc(body_member::Column::Id)
        .all(db)
        .await
}

fn body_from(row: body::Model, members: &[body_member::Model], colleges: &[College]) -> Body {
    let keys: Vec<CollegeKey> = members
        .iter()
        .filter(|m| m.body_id == row.id)
        .filter_map(|m| college_key(&m.college))
        .collect();
    Body {
        id: row.id,
        kind: kind(&row.kind),
        name: row.name,
        purpose: Wording {
            plain: row.purpose,
            easy: row.purpose_easy,
        },
        priority: row.priority_id,
        seats: seats(colleges, &keys),
    }
}

/// The council's bodies with their seats, steering committee first, then by name.
pub async fn bodies_of(
    db: &DatabaseConnection,
    council_id: i64,
    colleges: &[College],
) -> Result<Vec<Body>, DbErr> {
    let rows = body::Entity::find()
        .filter(body::Column::CouncilId.eq(council_id))
        .order_by_asc(body::Column::Name)
        .all(db)
        .await?;
    let ids: Vec<i64> = rows.iter().map(|b| b.id).collect();
    let members = member_rows(db, &ids).await?;
    let mut bodies: Vec<Body> = rows
        .into_iter()
        .map(|row| body_from(row, &members, colleges))
        .collect();
    bodies.sort_by_key(|b| BodyKind::ALL.iter().position(|k| *k == b.kind));
    Ok(bodies)
}

/// One body of the council.
pub async fn body_of(
    db: &DatabaseConnection,
    council_id: i64,
    id: i64,
    colleges: &[College],
) -> Result<Option<Body>, DbErr> {
    let Some(row) = body::Entity::find_by_id(id)
        .filter(body::Column::CouncilId.eq(council_id))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let members = member_rows(db, &[id]).await?;
    Ok(Some(body_from(row, &members, colleges)))
}

/// The body a meeting belongs to, as (id, name), when it is one of the council's; `None` for
/// a plenary.
pub async fn meeting_body(
    db: &impl ConnectionTrait,
    council_id: i64,
    body: Option<i64>,
) -> Result<Option<(i64, String)>, DbErr> {
    let Some(id) = body else {
        return Ok(None);
    };
    Ok(body::Entity::find_by_id(id)
        .filter(body::Column::CouncilId.eq(council_id))
        .one(db)
        .await?
        .map(|b| (b.id, b.name)))
}

/// The council a body belongs to.
pub async fn body_council(db: &impl ConnectionTrait, id: i64) -> Result<Option<i64>, DbErr> {
    Ok(body::Entity::find_by_id(id)
        .one(db)
        .await?
        .map(|b| b.council_id))
}

/// A body's members, chairs first; their contact only when `with_contact` (staff).
pub async fn members_of(
    db: &DatabaseConnection,
    body_id: i64,
    with_contact: bool,
) -> Result<Vec<Member>, DbErr> {
    let mut members: Vec<Member> = member_rows(db, &[body_id])
        .await?
        .into_iter()
        .filter_map(|row| {
            Some(Member {
                id: row.id,
                has_passkey: row.account_id.is_some(),
                fields: MemberFields {
                    college: college_key(&row.college)?,
                    role: MemberRole::parse(&row.role).unwrap_or(MemberRole::Member),
                    display_name: row.display_name,
                    organisation: row.organisation,
                    contact: if with_contact {
                        row.contact
                    } else {
                        String::new()
                    },
                },
            })
        })
        .collect();
    members.sort_by_key(|m| MemberRole::ALL.iter().position(|r| *r == m.fields.role));
    Ok(members)
}

/// Saves a body (a new one when `existing` is `None`); returns its id.
pub async fn save_body(
    db: &DatabaseConnection,
    council_id: i64,
    existing: Option<i64>,
    fields: &BodyFields,
    by: Option<i64>,
) -> Result<i64, BodyError> {
    let txn = super::begin_write(db).await?;
    let id = match existing {
        Some(id) => {
            let row = body::Entity::find_by_id(id)
                .filter(body::Column::CouncilId.eq(council_id))
                .one(&txn)
                .await?
                .ok_or(BodyError::NotFound)?;
            let mut row: body::ActiveModel = row.into();
            row.kind = Set(fields.kind.key().to_owned());
            row.name = Set(fields.name.clone());
            row.purpose = Set(fields.purpose.plain.clone());
            row.purpose_easy = Set(fields.purpose.easy.clone());
            row.priority_id = Set(fields.priority);
            row.update(&txn).await?;
            id
        }
        None => {
            let count = body::Entity::find()
                .filter(body::Column::CouncilId.eq(council_id))
                .count(&txn)
                .await?;
            if count >= BODIES_MAX as u64 {
                return Err(BodyError::Refused("error-bodies-full"));
            }
            body::ActiveModel {
                council_id: Set(council_id),
                kind: Set(fields.kind.key().to_owned()),
                name: Set(fields.name.clone()),
                purpose: Set(fields.purpose.plain.clone()),
                purpose_easy: Set(fields.purpose.easy.clone()),
                priority_id: Set(fields.priority),
                created_at: Set(Utc::now()),
                ..Default::default()
            }
            .insert(&txn)
            .await?
            .id
        }
    };
    record_audit(
        &txn,
        Some(council_id),
        by,
        "body-saved",
        &audit_detail(&[("body", &id.to_string()), ("kind", fields.kind.key())]),
    )
    .await?;
    txn.commit().await?;
    Ok(id)
}

async fn member_row(
    db: &impl ConnectionTrait,
    body_id: i64,
    member_id: i64,
) -> Result<body_member::Model, BodyError> {
    body_member::Entity::find_by_id(member_id)
        .filter(body_member::Column::BodyId.eq(body_id))
        .one(db)
        .await?
        .ok_or(BodyError::NotFound)
}

/// Saves a member of a body (a new one when `existing` is `None`); returns their id. The
/// caller checked that the body is the council's.
pub async fn save_member(
    db: &DatabaseConnection,
    council_id: i64,
    body_id: i64,
    existing: Option<i64>,
    fields: &MemberFields,
    by: Option<i64>,
) -> Result<i64, BodyError> {
    let txn = super::begin_write(db).await?;
    let id = match existing {
        Some(id) => {
            let mut row: body_member::ActiveModel = member_row(&txn, body_id, id).await?.into();
            row.display_name = Set(fields.display_name.clone());
            row.organisation = Set(fields.organisation.clone());
            row.college = Set(fields.college.as_str().to_owned());
            row.role = Set(fields.role.key().to_owned());
            row.contact = Set(fields.contact.clone());
            row.update(&txn).await?;
            id
        }
        None => {
            let count = body_member::Entity::find()
                .filter(body_member::Column::BodyId.eq(body_id))
                .count(&txn)
                .await?;
            if count >= MEMBERS_MAX as u64 {
                return Err(BodyError::Refused("error-members-full"));
            }
            body_member::ActiveModel {
                body_id: Set(body_id),
                display_name: Set(fields.display_name.clone()),
                organisation: Set(fields.organisation.clone()),
                college: Set(fields.college.as_str().to_owned()),
                role: Set(fields.role.key().to_owned()),
                contact: Set(fields.contact.clone()),
                account_id: Set(None),
                created_at: Set(Utc::now()),
                ..Default::default()
            }
            .insert(&txn)
            .await?
            .id
        }
    };
    // Which member, of which body: never their name (the audit log is read by staff, but
    // it outlives the member's removal).
    record_audit(
        &txn,
        Some(council_id),
        by,
        "member-saved",
        &audit_detail(&[("body", &body_id.to_string()), ("member", &id.to_string())]),
    )
    .await?;
    txn.commit().await?;
    Ok(id)
}

/// Removes a member: their passes and sessions go with them, at once.
pub async fn remove_member(
    db: &DatabaseConnection,
    council_id: i64,
    body_id: i64,
    member_id: i64,
    by: Option<i64>,
) -> Result<(), BodyError> {
    let txn = super::begin_write(db).await?;
    member_row(&txn, body_id, member_id).await?;
    member_session::Entity::delete_many()
        .filter(member_session::Column::MemberId.eq(member_id))
        .exec(&txn)
        .await?;
    member_pass::Entity::delete_many()
        .filter(member_pass::Column::MemberId.eq(member_id))
        .exec(&txn)
        .await?;
    body_member::Entity::delete_by_id(member_id)
        .exec(&txn)
        .await?;
    record_audit(
        &txn,
        Some(council_id),
        by,
        "member-removed",
        &audit_detail(&[
            ("body", &body_id.to_string()),
            ("member", &member_id.to_string()),
        ]),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// The secret a pass holds, in the form its hash is taken of: a link's token as it is, a
/// code as `normalize_recovery_code` writes it.
fn pass_secret(kind: PassKind) -> String {
    match kind {
        PassKind::Link => new_token(),
        PassKind::Code => {
            recovery_code_from(std::array::from_fn::<_, RECOVERY_CODE_LENGTH, _>(|_| {
                rand::random_range(0..RECOVERY_ALPHABET.len())
            }))
        }
    }
}

/// Issues a one-time pass for a member and returns its secret, to show once (a link's token
/// or a printed code). Earlier passes of the member that were never used stay valid until
/// they expire: a letter in the post may still be on its way.
pub async fn issue_pass(
    db: &DatabaseConnection,
    council_id: i64,
    body_id: i64,
    member_id: i64,
    kind: PassKind,
    by: Option<i64>,
) -> Result<String, BodyError> {
    let secret = pass_secret(kind);
    let now = Utc::now();
    let txn = super::begin_write(db).await?;
    member_row(&txn, body_id, member_id).await?;
    member_pass::ActiveModel {
        member_id: Set(member_id),
        kind: Set(kind.key().to_owned()),
        secret_hash: Set(hash_token(&secret)),
        created_at: Set(now),
        expires_at: Set(now + Duration::days(PASS_DAYS)),
        used_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    record_audit(
        &txn,
        Some(council_id),
        by,
        "member-pass",
        &audit_detail(&[
            ("body", &body_id.to_string()),
            ("member", &member_id.to_string()),
            ("kind", kind.key()),
        ]),
    )
    .await?;
    txn.commit().await?;
    Ok(secret)
}

/// Who a one-time pass let in: the member's session token (for their cookie) and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetIn {
    pub session: String,
    pub body_id: i64,
}

/// Uses a pass of the council: marks it used and opens the member's session, in one
/// transaction. A pass used, expired, of another kind or another council lets nobody in.
pub async fn redeem_pass(
    db: &DatabaseConnection,
    council_id: i64,
    kind: PassKind,
    typed: &str,
) -> Result<Option<LetIn>, DbErr> {
    let secret = match kind {
        PassKind::Link => Some(typed.trim().to_owned()),
        PassKind::Code => normalize_recovery_code(typed),
    };
    let Some(secret) = secret else {
        return Ok(None);
    };
    let now = Utc::now();
    let txn = super::begin_write(db).await?;
    let Some(pass) = member_pass::Entity::find()
        .filter(member_pass::Column::SecretHash.eq(hash_token(&secret)))
        .filter(member_pass::Column::Kind.eq(kind.key()))
        .one(&txn)
        .await?
    else {
        return Ok(None);
    };
    let Some(member) = body_member::Entity::find_by_id(pass.member_id)
        .one(&txn)
        .await?
    else {
        return Ok(None);
    };
    if body_council(&txn, member.body_id).await? != Some(council_id) {
        return Ok(None);
    }
    let claimed = member_pass::Entity::update_many()
        .col_expr(member_pass::Column::UsedAt, Expr::value(now))
        .filter(member_pass::Column::Id.eq(pass.id))
        .filter(member_pass::Column::UsedAt.is_null())
        .filter(member_pass::Column::ExpiresAt.gt(now))
        .exec(&txn)
        .await?;
    if claimed.rows_affected != 1 {
        return Ok(None);
    }
    let session = new_token();
    member_session::ActiveModel {
        member_id: Set(member.id),
        token_hash: Set(hash_token(&session)),
        created_at: Set(now),
        expires_at: Set(now + Duration::days(MEMBER_SESSION_DAYS)),
        revoked_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    record_audit(
        &txn,
        Some(council_id),
        None,
        "member-in",
        &audit_detail(&[
            ("body", &member.body_id.to_string()),
            ("member", &member.id.to_string()),
            ("kind", kind.key()),
        ]),
    )
    .await?;
    txn.commit().await?;
    Ok(Some(LetIn {
        session,
        body_id: member.body_id,
    }))
}

/// The member a session token belongs to (open, not expired), with their body and council.
pub async fn member_by_session(
    db: &impl ConnectionTrait,
    token: &str,
) -> Result<Option<(body_member::Model, i64)>, DbErr> {
    let Some(session) = member_session::Entity::find()
        .filter(member_session::Column::TokenHash.eq(hash_token(token)))
        .filter(member_session::Column::RevokedAt.is_null())
        .filter(member_session::Column::ExpiresAt.gt(Utc::now()))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let Some(member) = body_member::Entity::find_by_id(session.member_id)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let Some(council) = body_council(db, member.body_id).await? else {
        return Ok(None);
    };
    Ok(Some((member, council)))
}

/// Ends a member's session.
pub async fn close_member_session(db: &DatabaseConnection, token: &str) -> Result<(), DbErr> {
    member_session::Entity::update_many()
        .col_expr(member_session::Column::RevokedAt, Expr::value(Utc::now()))
        .filter(member_session::Column::TokenHash.eq(hash_token(token)))
        .exec(db)
        .await?;
    Ok(())
}

/// The council's bodies a viewer is a member of: by their member's session, and by their
/// passkey account when they signed in with one.
pub async fn bodies_of_viewer(
    db: &impl ConnectionTrait,
    council_id: i64,
    member_session: Option<&str>,
    account_id: Option<i64>,
) -> Result<Vec<i64>, DbErr> {
    let mut bodies = Vec::new();
    if let Some(token) = member_session
        && let Some((member, council)) = member_by_session(db, token).await?
        && council == council_id
    {
        bodies.push(member.body_id);
    }
    if let Some(account_id) = account_id {
        for member in body_member::Entity::find()
            .filter(body_member::Column::AccountId.eq(account_id))
            .all(db)
            .await?
        {
            if body_council(db, member.body_id).await? == Some(council_id)
                && !bodies.contains(&member.body_id)
            {
                bodies.push(member.body_id);
            }
        }
    }
    Ok(bodies)
}

/// A member's own passkey, to come in without a code from now on.
pub struct MemberPasskey<'a> {
    pub member_id: i64,
    pub display_name: &'a str,
    pub user_handle: &'a str,
    pub credential_id: &'a str,
    pub credential: String,
}

/// Gives a member an account of their own, with no role in any team, holding their first
/// passkey; the member is tied to it (`body_member.account_id`), so that signing in with the
/// passkey opens their bodies. Refused when the member already has one. One transaction,
/// with its audit line; the account's id.
pub async fn link_passkey(
    db: &DatabaseConnection,
    new: MemberPasskey<'_>,
) -> Result<i64, BodyError> {
    let txn = super::begin_write(db).await?;
    let member = body_member::Entity::find_by_id(new.member_id)
        .one(&txn)
        .await?
        .ok_or(BodyError::NotFound)?;
    if member.account_id.is_some() {
        return Err(BodyError::Refused("error-member-has-passkey"));
    }
    let council = body_council(&txn, member.body_id)
        .await?
        .ok_or(BodyError::NotFound)?;
    let account_id = super::staff::insert_account_with_passkey(
        &txn,
        super::staff::FirstPasskey {
            user_handle: new.user_handle,
            display_name: new.display_name,
            operator: false,
            credential_id: new.credential_id,
            credential: new.credential,
            label: "1",
        },
    )
    .await?;
    let mut linked: body_member::ActiveModel = member.clone().into();
    linked.account_id = Set(Some(account_id));
    linked.update(&txn).await?;
    record_audit(
        &txn,
        Some(council),
        Some(account_id),
        "member-passkey",
        &audit_detail(&[
            ("body", &member.body_id.to_string()),
            ("member", &member.id.to_string()),
        ]),
    )
    .await?;
    txn.commit().await?;
    Ok(account_id)
}

/// The bodies an account is a member of, in councils still hosted: (council slug, council
/// name, body id, body name), by council then body.
pub async fn bodies_of_account(
    db: &impl ConnectionTrait,
    account_id: i64,
) -> Result<Vec<(String, String, i64, String)>, DbErr> {
    use super::entities::council;
    let mut found = Vec::new();
    for member in body_member::Entity::find()
        .filter(body_member::Column::AccountId.eq(account_id))
        .all(db)
        .await?
    {
        let Some(body) = body::Entity::find_by_id(member.body_id).one(db).await? else {
            continue;
        };
        let Some(council) = council::Entity::find_by_id(body.council_id)
            .filter(council::Column::ArchivedAt.is_null())
            .one(db)
            .await?
        else {
            continue;
        };
        found.push((council.slug, council.name, body.id, body.name));
    }
    found.sort_by(|a, b| (&a.1, &a.3).cmp(&(&b.1, &b.3)));
    Ok(found)
}
