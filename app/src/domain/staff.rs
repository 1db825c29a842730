//! Staff of a council and what each role may do. Participants are never staff: they stay
//! anonymous. A staff member holds one role per council they work for.

use serde::{Deserialize, Serialize};

/// Ordered from the widest role to the narrowest, as team lists show them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Role {
    /// Everything in the council: prepares assemblies, invites staff, reads the audit log.
    Coordinator,
    /// Runs and moderates live plenaries, sees moderation queues.
    Facilitator,
    /// Reads results.
    Observer,
}

/// What a staff action needs; checked by every protected server function.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    InviteStaff,
    ReadAuditLog,
    PrepareAssemblies,
    ModerateLive,
    ReadResults,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Coordinator, Role::Facilitator, Role::Observer];

    pub fn key(self) -> &'static str {
        match self {
            Role::Coordinator => "coordinator",
            Role::Facilitator => "facilitator",
            Role::Observer => "observer",
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|role| role.key() == key)
    }

    pub fn can(self, permission: Permission) -> bool {
        use Permission::*;
        match self {
            Role::Coordinator => true,
            Role::Facilitator => matches!(permission, ModerateLive | ReadResults),
            Role::Observer => matches!(permission, ReadResults),
        }
    }

    /// The Fluent id of the role's name.
    pub fn message_id(self) -> &'static str {
        match self {
            Role::Coordinator => "role-coordinator",
            Role::Facilitator => "role-facilitator",
            Role::Observer => "role-observer",
        }
    }
}

/// How long an invitation link works, unless the inviter says otherwise.
pub const INVITATION_HOURS: i64 = 72;
/// How long a staff sign-in lasts before the passkey is asked for again.
pub const SESSION_HOURS: i64 = 12;
/// How long a passkey ceremony (the browser's prompt) may take.
pub const CEREMONY_MINUTES: i64 = 5;

/// Where an invitation stands at a given moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum InvitationStatus {
    Usable,
    Used,
    Expired,
}

impl InvitationStatus {
    /// Times are seconds since the epoch; a used invitation stays used after it expires.
    pub fn at(now: i64, expires_at: i64, used: bool) -> Self {
        if used {
            InvitationStatus::Used
        } else if now >= expires_at {
            InvitationStatus::Expired
        } else {
            InvitationStatus::Usable
        }
    }
}

/// A staff member's name as typed at sign-up: trimmed, 2 to 100 characters, no control
/// characters. Returns the Fluent id of the problem otherwise.
pub fn clean_display_name(raw: &str) -> Result<String, &'static str> {
    let name = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let length = name.chars().count();
    if length < 2 {
        Err("error-name-too-short")
    } else if length > 100 {
        Err("error-name-too-long")
    } else if name.chars().any(char::is_control) {
        Err("error-name-invalid")
    } else {
        Ok(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_keys_round_trip_and_unknown_keys_are_refused() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.key()), Some(role));
        }
        assert_eq!(Role::parse("admin"), None);
        assert_eq!(Role::parse("Coordinator"), None);
    }

    #[test]
    fn coordinators_can_everything_facilitators_moderate_observers_read() {
        use Permission::*;
        let all = [
            InviteStaff,
            ReadAuditLog,
            PrepareAssemblies,
            ModerateLive,
            ReadResults,
        ];
        assert!(all.iter().all(|p| Role::Coordinator.can(*p)));
        let facilitator: Vec<_> = all.iter().filter(|p| Role::Facilitator.can(**p)).collect();
        assert_eq!(facilitator, [&ModerateLive, &ReadResults]);
        let observer: Vec<_> = all.iter().filter(|p| Role::Observer.can(**p)).collect();
        assert_eq!(observer, [&ReadResults]);
    }

    #[test]
    fn invitations_expire_at_their_deadline_and_stay_used() {
        assert_eq!(
            InvitationStatus::at(99, 100, false),
            InvitationStatus::Usable
        );
        assert_eq!(
            InvitationStatus::at(100, 100, false),
            InvitationStatus::Expired
        );
        assert_eq!(InvitationStatus::at(50, 100, true), InvitationStatus::Used);
        assert_eq!(InvitationStatus::at(500, 100, true), InvitationStatus::Used);
    }

    #[test]
    fn display_names_are_tidied_and_bounded() {
        assert_eq!(
            clean_display_name("  Anne   Martin "),
            Ok("Anne Martin".into())
        );
        assert_eq!(clean_display_name(" a "), Err("error-name-too-short"));
        assert_eq!(
            clean_display_name(&"é".repeat(101)),
            Err("error-name-too-long")
        );
        assert_eq!(clean_display_name(&"é".repeat(100)), Ok("é".repeat(100)));
        assert_eq!(clean_display_name("An\u{7}ne"), Err("error-name-invalid"));
    }
}
