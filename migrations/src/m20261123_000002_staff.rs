//! Staff: accounts that sign in with passkeys, their roles per council, invitations,
//! sessions, passkey ceremonies in progress, and the audit log of staff actions.
//! Secrets (invitation and session tokens) are stored as SHA-256 hashes only.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(StaffAccount::Table)
                    .col(pk_auto(StaffAccount::Id).big_integer())
                    // The WebAuthn user handle: random, never shown, never reused.
                    .col(string_len_uniq(StaffAccount::UserHandle, 36))
                    .col(string_len(StaffAccount::DisplayName, 100))
                    .col(timestamp_with_time_zone(StaffAccount::CreatedAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(StaffRole::Table)
                    .col(pk_auto(StaffRole::Id).big_integer())
                    .col(big_integer(StaffRole::AccountId))
                    .col(big_integer(StaffRole::CouncilId))
                    .col(string_len(StaffRole::Role, 16))
                    .foreign_key(
                        ForeignKey::create()
                            .from(StaffRole::Table, StaffRole::AccountId)
                            .to(StaffAccount::Table, StaffAccount::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(StaffRole::Table, StaffRole::CouncilId)
                            .to(Council::Table, Council::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("staff_role_account_council")
                    .table(StaffRole::Table)
                    .col(StaffRole::AccountId)
                    .col(StaffRole::CouncilId)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Invitation::Table)
                    .col(pk_auto(Invitation::Id).big_integer())
                    .col(string_len_uniq(Invitation::TokenHash, 64))
                    .col(big_integer(Invitation::CouncilId))
                    .col(string_len(Invitation::Role, 16))
                    .col(big_integer_null(Invitation::InvitedBy))
                    .col(timestamp_with_time_zone(Invitation::CreatedAt))
                    .col(timestamp_with_time_zone(Invitation::ExpiresAt))
                    .col(timestamp_with_time_zone_null(Invitation::UsedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Invitation::Table, Invitation::CouncilId)
                            .to(Council::Table, Council::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Passkey::Table)
                    .col(pk_auto(Passkey::Id).big_integer())
                    .col(big_integer(Passkey::AccountId))
                    .col(string_len_uniq(Passkey::CredentialId, 1400))
                    // webauthn-rs's `Passkey`, as JSON: public key, counter, backup state.
                    .col(text(Passkey::Credential))
                    .col(string_len(Passkey::Label, 100))
                    .col(timestamp_with_time_zone(Passkey::CreatedAt))
                    .col(timestamp_with_time_zone_null(Passkey::LastUsedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Passkey::Table, Passkey::AccountId)
                            .to(StaffAccount::Table, StaffAccount::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(StaffSession::Table)
                    .col(pk_auto(StaffSession::Id).big_integer())
                    .col(string_len_uniq(StaffSession::TokenHash, 64))
                    .col(big_integer(StaffSession::AccountId))
                    .col(timestamp_with_time_zone(StaffSession::CreatedAt))
                    .col(timestamp_with_time_zone(StaffSession::ExpiresAt))
                    .col(timestamp_with_time_zone_null(StaffSession::RevokedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(StaffSession::Table, StaffSession::AccountId)
                            .to(StaffAccount::Table, StaffAccount::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(PasskeyCeremony::Table)
                    .col(string_len(PasskeyCeremony::Id, 64).primary_key())
                    .col(string_len(PasskeyCeremony::Kind, 16))
                    .col(text(PasskeyCeremony::State))
                    .col(big_integer_null(PasskeyCeremony::InvitationId))
                    .col(string_len_null(PasskeyCeremony::DisplayName, 100))
                    .col(timestamp_with_time_zone(PasskeyCeremony::ExpiresAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(AuditEvent::Table)
                    .col(pk_auto(AuditEvent::Id).big_integer())
                    .col(big_integer_null(AuditEvent::CouncilId))
                    .col(big_integer_null(AuditEvent::AccountId))
                    .col(string_len(AuditEvent::Action, 64))
                    .col(text(AuditEvent::Detail))
                    .col(timestamp_with_time_zone(AuditEvent::At))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("audit_event_council_at")
                    .table(AuditEvent::Table)
                    .col(AuditEvent::CouncilId)
                    .col(AuditEvent::At)
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            AuditEvent::Table.into_iden(),
            PasskeyCeremony::Table.into_iden(),
            StaffSession::Table.into_iden(),
            Passkey::Table.into_iden(),
            Invitation::Table.into_iden(),
            StaffRole::Table.into_iden(),
            StaffAccount::Table.into_iden(),
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
enum StaffAccount {
    Table,
    Id,
    UserHandle,
    DisplayName,
    CreatedAt,
}

#[derive(DeriveIden)]
enum StaffRole {
    Table,
    Id,
    AccountId,
    CouncilId,
    Role,
}

#[derive(DeriveIden)]
enum Invitation {
    Table,
    Id,
    TokenHash,
    CouncilId,
    Role,
    InvitedBy,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum Passkey {
    Table,
    Id,
    AccountId,
    CredentialId,
    Credential,
    Label,
    CreatedAt,
    LastUsedAt,
}

#[derive(DeriveIden)]
enum StaffSession {
    Table,
    Id,
    TokenHash,
    AccountId,
    CreatedAt,
    ExpiresAt,
    RevokedAt,
}

#[derive(DeriveIden)]
enum PasskeyCeremony {
    Table,
    Id,
    Kind,
    State,
    InvitationId,
    DisplayName,
    ExpiresAt,
}

#[derive(DeriveIden)]
enum AuditEvent {
    Table,
    Id,
    CouncilId,
    AccountId,
    Action,
    Detail,
    At,
}
