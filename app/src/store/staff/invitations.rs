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
        council_id: Set(council.id),
        role: Set(role.key().to_owned()),
        invited_by: Set(invited_by),
        created_at: Set(now),
        expires_at: Set(now + Duration::hours(hours)),
        used_at: Set(None),
        reads_testimony: Set(reads_testimony),
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
        reads_testimony: Set(invite.reads_testimony),
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
