//! A member of a body; `contact` is for staff only.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "body_member")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub body_id: i64,
    pub display_name: String,
    pub organisation: String,
    pub college: String,
    /// `MemberRole::key`.
    pub role: String,
    pub contact: String,
    /// The passkey account they sign in with, if they chose one.
    pub account_id: Option<i64>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
