//! A council's team as its coordinators manage it: who holds which role, and the
//! invitations not used yet. Removing someone, changing their role or cancelling an
//! invitation is one transaction with its audit line; removing someone also ends every
//! session of their account, so that a person who leaves loses access at once.

use super::*;

/// A member of a council's team.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub account_id: i64,
    pub display_name: String,
    pub access: Access,
}

/// An invitation of a council not used yet and not expired.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingInvitation {
    pub id: i64,
    pub access: Access,
    pub expires_at: chrono::DateTime<Utc>,
}

/// Who asks for a change of the team: a coordinator from the team page (never leaving the
/// council without a coordinator), or the platform's operator from the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TeamChange {
    Coordinator(i64),
    Operator,
}

impl TeamChange {
    fn by(self) -> Option<i64> {
        match self {
            TeamChange::Coordinator(account) => Some(account),
            TeamChange::Operator => None,
        }
    }
}

/// Why a change of the team was refused.
#[derive(Debug, thiserror::Error)]
pub enum TeamError {
    #[error("no such member or invitation in this council")]
    NotFound,
    /// The council would be left without a coordinator (only a coordinator can invite).
    #[error("the last coordinator")]
    LastCoordinator,
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// The staff of a council, coordinators first, then by name.
pub async fn council_members(
    db: &DatabaseConnection,
    council_id: i64,
) -> Result<Vec<Member>, DbErr> {
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
            members.push(Member {
                account_id: account.id,
                display_name: account.display_name,
                access: Access {
                    role: parsed,
                    reads_testimony: role.reads_testimony,
                }
                .normalized(),
            });
        }
    }
    members.sort_by(|a, b| (a.access.role, &a.display_name).cmp(&(b.access.role, &b.display_name)));
    Ok(members)
}

/// Invitations of a council not used yet and not expired, soonest deadline first.
pub async fn pending_invitations(
    db: &DatabaseConnection,
    council_id: i64,
) -> Result<Vec<PendingInvitation>, DbErr> {
    Ok(invitation::Entity::find()
        .filter(invitation::Column::CouncilId.eq(council_id))
        .filter(invitation::Column::UsedAt.is_null())
        .filter(invitation::Column::ExpiresAt.gt(Utc::now()))
        .order_by_asc(invitation::Column::ExpiresAt)
        .all(db)
        .await?
        .into_iter()
        .filter_map(|i| {
            Role::parse(&i.role).map(|role| PendingInvitation {
                id: i.id,
                access: Access {
                    role,
                    reads_testimony: i.reads_testimony,
                }
                .normalized(),
                expires_at: i.expires_at,
            })
        })
        .collect())
}

/// The role row of `account_id` in the council, and whether the council keeps another
/// coordinator without it.
async fn role_row(
    txn: &DatabaseTransaction,
    council_id: i64,
    account_id: i64,
) -> Result<(staff_role::Model, bool, String), TeamError> {
    let rows = staff_role::Entity::find()
        .filter(staff_role::Column::CouncilId.eq(council_id))
        .all(txn)
        .await?;
    let coordinator = Role::Coordinator.key();
    let others = rows
        .iter()
        .filter(|r| r.account_id != account_id && r.role == coordinator)
        .count();
    let row = rows
        .into_iter()
        .find(|r| r.account_id == account_id)
        .ok_or(TeamError::NotFound)?;
    // Staff are named in the audit log (participants never are).
    let name = staff_account::Entity::find_by_id(account_id)
        .one(txn)
        .await?
        .map(|account| account.display_name)
        .unwrap_or_default();
    Ok((row, others > 0, name))
}

/// Takes `account_id` off the council's team and ends every session of the account, in one
/// transaction: from the next request on, and on any open live socket at its next check,
/// the person is nobody here. A coordinator cannot remove the council's last coordinator
/// (themself included); the operator can.
pub async fn remove_member(
    db: &DatabaseConnection,
    council_id: i64,
    account_id: i64,
    change: TeamChange,
) -> Result<(), TeamError> {
    let txn = crate::store::begin_write(db).await?;
    let (row, another_coordinator, name) = role_row(&txn, council_id, account_id).await?;
    if row.role == Role::Coordinator.key()
        && !another_coordinator
        && matches!(change, TeamChange::Coordinator(_))
    {
        return Err(TeamError::LastCoordinator);
    }
    staff_role::Entity::delete_by_id(row.id).exec(&txn).await?;
    let ended = end_sessions(&txn, account_id).await?;
    let detail = crate::domain::audit_detail(&[
        ("member", &name),
        ("role", &row.role),
        ("sessions", &ended.to_string()),
    ]);
    record_audit(
        &txn,
        Some(council_id),
        change.by(),
        "staff-removed",
        &detail,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Gives `account_id` another role in the council, or grants or takes back reading
/// testimony. A coordinator cannot make the council's last coordinator anything else; the
/// operator can.
pub async fn change_role(
    db: &DatabaseConnection,
    council_id: i64,
    account_id: i64,
    access: Access,
    change: TeamChange,
) -> Result<(), TeamError> {
    let access = access.normalized();
    let role = access.role;
    let txn = crate::store::begin_write(db).await?;
    let (row, another_coordinator, name) = role_row(&txn, council_id, account_id).await?;
    if row.role == role.key() && row.reads_testimony == access.reads_testimony {
        return Ok(());
    }
    if row.role == Role::Coordinator.key()
        && !another_coordinator
        && matches!(change, TeamChange::Coordinator(_))
    {
        return Err(TeamError::LastCoordinator);
    }
    let from = row.role.clone();
    let mut changed: staff_role::ActiveModel = row.into();
    changed.role = Set(role.key().to_owned());
    changed.reads_testimony = Set(access.reads_testimony);
    changed.update(&txn).await?;
    let mut facts = vec![("member", name.as_str()), ("from", from.as_str())];
    facts.extend(super::invitations::access_facts(access, &[]));
    let detail = crate::domain::audit_detail(&facts);
    record_audit(
        &txn,
        Some(council_id),
        change.by(),
        "staff-role-changed",
        &detail,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Cancels invitations of the council not used yet (`Some(id)`: that one; `None`: all of
/// them): their links stop working at once. Returns how many were cancelled.
pub async fn cancel_invitations(
    db: &DatabaseConnection,
    council_id: i64,
    which: Option<i64>,
    change: TeamChange,
) -> Result<u64, TeamError> {
    let now = Utc::now();
    let txn = crate::store::begin_write(db).await?;
    let mut cancel = invitation::Entity::update_many()
        .col_expr(invitation::Column::ExpiresAt, Expr::value(now))
        .filter(invitation::Column::CouncilId.eq(council_id))
        .filter(invitation::Column::UsedAt.is_null())
        .filter(invitation::Column::ExpiresAt.gt(now));
    if let Some(id) = which {
        cancel = cancel.filter(invitation::Column::Id.eq(id));
    }
    let cancelled = cancel.exec(&txn).await?.rows_affected;
    if which.is_some() && cancelled == 0 {
        return Err(TeamError::NotFound);
    }
    let detail = crate::domain::audit_detail(&[("invitations", &cancelled.to_string())]);
    record_audit(
        &txn,
        Some(council_id),
        change.by(),
        "invitations-cancelled",
        &detail,
    )
    .await?;
    txn.commit().await?;
    Ok(cancelled)
}
