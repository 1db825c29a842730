//! Invitations to join a council's team, and the sign-up they lead to.

use super::*;

/// Creates an invitation and returns its token, to be sent as a link; only its hash is kept.
pub async fn create_invitation(
    db: &DatabaseConnection,
    slug: &CouncilSlug,
    access: Access,
    hours: i64,
    invited_by: Option<i64>,
) -> Result<String, StaffError> {
    let council = council::Entity::find()
        .filter(council::Column::Slug.eq(slug.as_str()))
        .filter(council::Column::ArchivedAt.is_null())
        .one(db)
        .await?
        .ok_or(StaffError::UnknownCouncil)?;
    let Access {
        role,
        reads_testimony,
    } = access.normalized();
    let token = new_token();
    let now = Utc::now();
    let txn = crate::store::begin_write(db).await?;
    invitation::ActiveModel {
        token_hash: Set(hash_token(&token)),
        council_id: Set(Some(council.id)),
        role: Set(role.key().to_owned()),
        invited_by: Set(invited_by),
        created_at: Set(now),
        expires_at: Set(now + Duration::hours(hours)),
        used_at: Set(None),
        reads_testimony: Set(reads_testimony),
        operator: Set(false),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    record_audit(
        &txn,
        Some(council.id),
        invited_by,
        "invite",
        &crate::domain::audit_detail(&access_facts(
            access.normalized(),
            &[("hours", &hours.to_string())],
        )),
    )
    .await?;
    txn.commit().await?;
    Ok(token)
}

/// Creates an invitation to become a platform operator (hosting councils) and returns its
/// token; only its hash is kept. Printed by `agora invite --operator`, or made by another
/// operator.
pub async fn create_operator_invitation(
    db: &DatabaseConnection,
    hours: i64,
    invited_by: Option<i64>,
) -> Result<String, DbErr> {
    let token = new_token();
    let now = Utc::now();
    let txn = crate::store::begin_write(db).await?;
    invitation::ActiveModel {
        token_hash: Set(hash_token(&token)),
        council_id: Set(None),
        role: Set("operator".to_owned()),
        invited_by: Set(invited_by),
        created_at: Set(now),
        expires_at: Set(now + Duration::hours(hours)),
        used_at: Set(None),
        reads_testimony: Set(false),
        operator: Set(true),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let detail = crate::domain::audit_detail(&[("hours", &hours.to_string())]);
    record_audit(&txn, None, invited_by, "invite-operator", &detail).await?;
    txn.commit().await?;
    Ok(token)
}

/// What an invitation leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Joins {
    /// A council's team, with this role.
    Council { id: i64, name: String, role: Role },
    /// The instance's operators.
    Operator,
}

/// What the sign-up page shows about an invitation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvitationInfo {
    pub id: i64,
    pub joins: Joins,
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
    let joins = match (found.operator, found.council_id) {
        (true, _) => Joins::Operator,
        (false, Some(council_id)) => {
            let council = council::Entity::find_by_id(council_id)
                .one(db)
                .await?
                .ok_or_else(|| DbErr::RecordNotFound("invitation's council".into()))?;
            let role = Role::parse(&found.role)
                .ok_or_else(|| DbErr::Custom(format!("stored role {:?}", found.role)))?;
            Joins::Council {
                id: council.id,
                name: council.name,
                role,
            }
        }
        (false, None) => return Err(DbErr::Custom("an invitation to no council".into())),
    };
    Ok(Some(InvitationInfo {
        id: found.id,
        joins,
        status: InvitationStatus::at(
            Utc::now().timestamp(),
            found.expires_at.timestamp(),
            found.used_at.is_some(),
        ),
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
    let account_id = insert_account_with_passkey(
        &txn,
        FirstPasskey {
            user_handle: staff.user_handle,
            display_name: staff.display_name,
            operator: invite.operator,
            credential_id: staff.credential_id,
            credential: staff.credential,
            label: staff.passkey_label,
        },
    )
    .await?;
    // An operator's invitation names no council: they get no role in one.
    if let (false, Some(council_id)) = (invite.operator, invite.council_id) {
        staff_role::ActiveModel {
            account_id: Set(account_id),
            council_id: Set(council_id),
            role: Set(invite.role.clone()),
            reads_testimony: Set(invite.reads_testimony),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    record_audit(
        &txn,
        invite.council_id,
        Some(account_id),
        "sign-up",
        &crate::domain::audit_detail(&[("role", &invite.role)]),
    )
    .await?;
    txn.commit().await?;
    Ok(account_id)
}

/// An access as audit facts: the role, and the testimony grant when there is one.
pub(super) fn access_facts<'a>(
    access: Access,
    more: &[(&'a str, &'a str)],
) -> Vec<(&'a str, &'a str)> {
    let mut facts = vec![("role", access.role.key())];
    if access.reads_testimony {
        facts.push(("testimony", "yes"));
    }
    facts.extend_from_slice(more);
    facts
}
