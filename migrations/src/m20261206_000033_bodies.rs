//! The council's bodies (`domain::body`): the steering committee, the technical committee and
//! working groups, their members (with a contact only staff read), the one-time passes that
//! let a member in without a password (a link or a printed code: only their hashes are
//! kept), members' sessions, and which assemblies are a body's meetings and whether only its
//! members may see them.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Body::Table)
                    .col(pk_auto(Body::Id).big_integer())
                    .col(big_integer(Body::CouncilId))
                    // `steering`, `technical` or `working_group`.
                    .col(string_len(Body::Kind, 16))
                    .col(string_len(Body::Name, 200))
                    .col(text(Body::Purpose))
                    .col(text(Body::PurposeEasy))
                    // A working group may carry one of the council's adopted priorities.
                    .col(big_integer_null(Body::PriorityId))
                    .col(timestamp_with_time_zone(Body::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Body::Table, Body::CouncilId)
                            .to(Council::Table, Council::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Body::Table, Body::PriorityId)
                            .to(Priority::Table, Priority::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("body_council")
                    .table(Body::Table)
                    .col(Body::CouncilId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(BodyMember::Table)
                    .col(pk_auto(BodyMember::Id).big_integer())
                    .col(big_integer(BodyMember::BodyId))
                    .col(string_len(BodyMember::DisplayName, 120))
                    .col(string_len(BodyMember::Organisation, 200))
                    .col(string_len(BodyMember::College, 32))
                    // `chair`, `cohost` or `member`.
                    .col(string_len(BodyMember::Role, 16))
                    // How staff reach them (an e-mail, a phone, "via the GEM"): never shown
                    // to members or the public.
                    .col(string_len(BodyMember::Contact, 200))
                    // The passkey account they chose to sign in with, if any.
                    .col(big_integer_null(BodyMember::AccountId))
                    .col(timestamp_with_time_zone(BodyMember::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(BodyMember::Table, BodyMember::BodyId)
                            .to(Body::Table, Body::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(BodyMember::Table, BodyMember::AccountId)
                            .to(StaffAccount::Table, StaffAccount::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("body_member_body")
                    .table(BodyMember::Table)
                    .col(BodyMember::BodyId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(MemberPass::Table)
                    .col(pk_auto(MemberPass::Id).big_integer())
                    .col(big_integer(MemberPass::MemberId))
                    // `link` or `code`.
                    .col(string_len(MemberPass::Kind, 8))
                    .col(string_len_uniq(MemberPass::SecretHash, 64))
                    .col(timestamp_with_time_zone(MemberPass::CreatedAt))
                    .col(timestamp_with_time_zone(MemberPass::ExpiresAt))
                    .col(timestamp_with_time_zone_null(MemberPass::UsedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(MemberPass::Table, MemberPass::MemberId)
                            .to(BodyMember::Table, BodyMember::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(MemberSession::Table)
                    .col(pk_auto(MemberSession::Id).big_integer())
                    .col(big_integer(MemberSession::MemberId))
                    .col(string_len_uniq(MemberSession::TokenHash, 64))
                    .col(timestamp_with_time_zone(MemberSession::CreatedAt))
                    .col(timestamp_with_time_zone(MemberSession::ExpiresAt))
                    .col(timestamp_with_time_zone_null(MemberSession::RevokedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(MemberSession::Table, MemberSession::MemberId)
                            .to(BodyMember::Table, BodyMember::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // One column per statement: SQLite adds one column at a time. The body is checked by
        // the store (SQLite cannot add a foreign key to an existing table).
        manager
            .alter_table(
                Table::alter()
                    .table(Assembly::Table)
                    .add_column(big_integer_null(Assembly::BodyId))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Assembly::Table)
                    .add_column(boolean(Assembly::MembersOnly).default(false))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [Assembly::MembersOnly, Assembly::BodyId] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Assembly::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        for table in [
            MemberSession::Table.into_iden(),
            MemberPass::Table.into_iden(),
            BodyMember::Table.into_iden(),
            Body::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Council {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Priority {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum StaffAccount {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum Assembly {
    Table,
    BodyId,
    MembersOnly,
}

#[derive(DeriveIden)]
enum Body {
    Table,
    Id,
    CouncilId,
    Kind,
    Name,
    Purpose,
    PurposeEasy,
    PriorityId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum BodyMember {
    Table,
    Id,
    BodyId,
    DisplayName,
    Organisation,
    College,
    Role,
    Contact,
    AccountId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum MemberPass {
    Table,
    Id,
    MemberId,
    Kind,
    SecretHash,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum MemberSession {
    Table,
    Id,
    MemberId,
    TokenHash,
    CreatedAt,
    ExpiresAt,
    RevokedAt,
}
