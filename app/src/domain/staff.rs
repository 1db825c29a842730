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
    /// The council's own settings (the minimum group size…).
    ConfigureCouncil,
    PrepareAssemblies,
    ModerateLive,
    ReadResults,
    /// Testimonies as their authors wrote them (before moderation) and their recordings:
    /// the moderation queue, moderating, deleting. Coordinators hold it; a facilitator only
    /// when a coordinator grants it, so a facilitator can run a plenary without it.
    ReadTestimony,
    /// What the council decided and does about it: the priorities adopted after a vote (and
    /// the action programme that follows them). Coordinators only.
    RecordDecisions,
    /// The council's bodies (steering and technical committees, working groups), their
    /// members and the passes that let members in. Coordinators only.
    ManageBodies,
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

/// What a staff member may do in one council: their role, and whether a coordinator let
/// them read and moderate testimony (meaningful for facilitators only: coordinators always
/// may, observers change nothing).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Access {
    pub role: Role,
    pub reads_testimony: bool,
}

impl From<Role> for Access {
    fn from(role: Role) -> Self {
        Access::of(role)
    }
}

impl Access {
    /// A role without the testimony grant.
    pub fn of(role: Role) -> Self {
        Access {
            role,
            reads_testimony: false,
        }
    }

    /// A role with the testimony grant where it means something (a facilitator's).
    pub fn reading_testimony(role: Role) -> Self {
        Access {
            role,
            reads_testimony: true,
        }
        .normalized()
    }

    /// As stored: the grant kept only where it adds something, so that a coordinator
    /// demoted to observer does not carry a grant that would come back with a promotion.
    pub fn normalized(self) -> Self {
        Access {
            role: self.role,
            reads_testimony: self.reads_testimony && self.role == Role::Facilitator,
        }
    }

    pub fn can(self, permission: Permission) -> bool {
        self.role.can(permission)
            || (permission == Permission::ReadTestimony
                && self.role == Role::Facilitator
                && self.reads_testimony)
    }
}

/// How long an invitation link works, unless the inviter says otherwise.
pub const INVITATION_HOURS: i64 = 72;
/// How long a staff sign-in lasts before the passkey is asked for again.
pub const SESSION_HOURS: i64 = 12;
/// How long a proof that a staff member is there (a passkey asked for again, a recovery
/// code, signing in) allows changes that outlast the session: adding a passkey, renewing
/// recovery codes, inviting, removing or changing a member of the team.
pub const STEP_UP_MINUTES: i64 = 10;

/// Whether a session verified at `verified_at` (seconds since the epoch; `None`: never)
/// still allows such a change at `now`.
pub fn verified_recently(verified_at: Option<i64>, now: i64) -> bool {
    verified_at.is_some_and(|at| at <= now && now - at < STEP_UP_MINUTES * 60)
}

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

/// How many recovery codes a staff member gets at sign-up.
pub const RECOVERY_CODE_COUNT: usize = 8;
/// Letters and digits that cannot be mistaken for one another (no 0/o, 1/l/i).
pub const RECOVERY_ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";

/// Symbols in a recovery code: 16 of 31 is about 79 bits, beyond offline guessing even
/// though only a fast hash (SHA-256) of each code is stored.
pub const RECOVERY_CODE_LENGTH: usize = 16;

/// A recovery code from positions in `RECOVERY_ALPHABET` (drawn uniformly by the caller),
/// written `xxxx-xxxx-xxxx-xxxx` to be copied by hand.
pub fn recovery_code_from(positions: [usize; RECOVERY_CODE_LENGTH]) -> String {
    let symbols: Vec<char> = positions
        .iter()
        .map(|p| char::from(RECOVERY_ALPHABET[p % RECOVERY_ALPHABET.len()]))
        .collect();
    grouped(&symbols)
}

fn grouped(symbols: &[char]) -> String {
    symbols
        .chunks(4)
        .map(|chunk| chunk.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// A code as typed (any case, spaces or dashes anywhere) in its stored form, or `None` when
/// it cannot be a recovery code.
pub fn normalize_recovery_code(typed: &str) -> Option<String> {
    let symbols: Vec<char> = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let valid = symbols.len() == RECOVERY_CODE_LENGTH
        && symbols
            .iter()
            .all(|c| c.is_ascii() && RECOVERY_ALPHABET.contains(&(*c as u8)));
    valid.then(|| grouped(&symbols))
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

/// What the audit log records beside an action, as `key=value` facts joined by `; `
/// (stored as text so that new kinds of facts need no migration). Keys and values are
/// identifiers, numbers or labels the server wrote, never free text typed by someone.
pub fn audit_detail(facts: &[(&str, &str)]) -> String {
    facts
        .iter()
        .map(|(key, value)| format!("{key}={value}"))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The facts of a stored audit detail, in order; a part without `=` is kept whole as the
/// value of an empty key, so older or unexpected details still show.
pub fn audit_facts(detail: &str) -> Vec<(String, String)> {
    detail
        .split(';')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| match part.split_once('=') {
            Some((key, value)) => (key.trim().to_owned(), value.trim().to_owned()),
            None => (String::new(), part.to_owned()),
        })
        .collect()
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
            ConfigureCouncil,
            PrepareAssemblies,
            ModerateLive,
            ReadResults,
            ReadTestimony,
        ];
        assert!(all.iter().all(|p| Role::Coordinator.can(*p)));
        let facilitator: Vec<_> = all.iter().filter(|p| Role::Facilitator.can(**p)).collect();
        assert_eq!(facilitator, [&ModerateLive, &ReadResults]);
        let observer: Vec<_> = all.iter().filter(|p| Role::Observer.can(**p)).collect();
        assert_eq!(observer, [&ReadResults]);
    }

    #[test]
    fn only_a_granted_facilitator_reads_testimony_beside_coordinators() {
        use Permission::*;
        assert!(!Access::of(Role::Facilitator).can(ReadTestimony));
        assert!(Access::of(Role::Facilitator).can(ModerateLive));
        assert!(Access::reading_testimony(Role::Facilitator).can(ReadTestimony));
        assert!(Access::of(Role::Coordinator).can(ReadTestimony));
        // An observer changes nothing, so the grant means nothing for one and is not kept.
        let observer = Access {
            role: Role::Observer,
            reads_testimony: true,
        };
        assert!(!observer.can(ReadTestimony));
        assert!(!observer.normalized().reads_testimony);
        assert!(!Access::reading_testimony(Role::Coordinator).reads_testimony);
    }

    #[test]
    fn a_proof_of_presence_allows_lasting_changes_for_ten_minutes_only() {
        assert!(!verified_recently(None, 1_000));
        assert!(verified_recently(Some(1_000), 1_000));
        assert!(verified_recently(
            Some(1_000),
            1_000 + STEP_UP_MINUTES * 60 - 1
        ));
        assert!(!verified_recently(
            Some(1_000),
            1_000 + STEP_UP_MINUTES * 60
        ));
        // A proof dated in the future (a clock moved back) proves nothing.
        assert!(!verified_recently(Some(2_000), 1_000));
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
    fn recovery_codes_read_back_however_they_are_typed() {
        let code = recovery_code_from([0, 1, 2, 3, 4, 5, 6, 7, 23, 24, 25, 26, 27, 28, 29, 30]);
        assert_eq!(code, "abcd-efgh-2345-6789");
        assert_eq!(
            normalize_recovery_code(" ABCD EFGH 2345 6789 "),
            Some(code.clone())
        );
        assert_eq!(normalize_recovery_code("abcdefgh-23456789"), Some(code));
        for wrong in [
            "",
            "abcd-efgh-2345-678",
            "abcd-efgh-2345-67899",
            "abcd-efgh-2345-678o",
            "abcd-efgh-2345-6781",
            "abcd-efgh-2345-678é",
        ] {
            assert_eq!(normalize_recovery_code(wrong), None, "{wrong}");
        }
    }

    #[test]
    fn audit_details_read_back_as_the_facts_written() {
        let detail = audit_detail(&[("role", "facilitator"), ("hours", "48")]);
        assert_eq!(detail, "role=facilitator; hours=48");
        assert_eq!(
            audit_facts(&detail),
            [
                ("role".to_owned(), "facilitator".to_owned()),
                ("hours".to_owned(), "48".to_owned())
            ]
        );
        assert!(audit_facts("").is_empty());
        assert_eq!(audit_detail(&[]), "");
        assert_eq!(
            audit_facts("passkey"),
            [(String::new(), "passkey".to_owned())]
        );
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
