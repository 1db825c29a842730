//! Staff accounts, invitations, passkeys, sessions, ceremonies and the audit log.
//! Tokens handed out (invitation links, session cookies) are stored as SHA-256 hashes: a
//! copy of the database does not let anyone sign in.

mod audit;
mod ceremonies;
mod invitations;
mod members;
mod passkeys;
mod recovery;
mod sessions;
pub use audit::*;
pub use ceremonies::*;
pub use invitations::*;
pub use members::*;
pub use passkeys::*;
pub use recovery::*;
pub use sessions::*;

use super::entities::{
    audit_event, council, invitation, passkey, passkey_ceremony, staff_account, staff_role,
    staff_session,
};
use crate::domain::{Access, CEREMONY_MINUTES, CouncilSlug, InvitationStatus, Role, SESSION_HOURS};
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
