//! Server functions: read input, validate it through `domain`, call `store`, map the result.

mod councils;
mod error;
mod preferences;
#[cfg(feature = "ssr")]
mod request;
mod staff;
mod team;

pub use councils::{
    CouncilHome, FindingPage, ListCouncils, LoadCouncilHome, LoadFindingPage, list_councils,
    load_council_home, load_finding_page,
};
pub use error::AppError;
pub use preferences::{SavePreferences, save_preferences};
#[cfg(feature = "ssr")]
pub use staff::StaffSetup;
pub use staff::{
    AccountView, LoadAccount, PasskeyView, RevokePasskey, SignOutEverywhere, load_account,
    revoke_passkey, sign_out_everywhere,
};
pub use staff::{
    CurrentStaff, FinishSignIn, FinishSignUp, InvitationView, LoadInvitation, STAFF_COOKIE,
    SignInChallenge, SignOut, SignUpChallenge, StaffRoleView, StaffView, StartSignIn, StartSignUp,
    current_staff, finish_sign_in, finish_sign_up, load_invitation, sign_out, start_sign_in,
    start_sign_up,
};
pub use staff::{FinishAddPasskey, StartAddPasskey, finish_add_passkey, start_add_passkey};
pub use staff::{
    LoadSignInNotice, SignInWithRecoveryCode, SignedUp, load_sign_in_notice,
    sign_in_with_recovery_code,
};
pub use staff::{RenewRecoveryCodes, renew_recovery_codes};
pub use team::{
    AuditLine, AuditLogPage, FLASH_COOKIE, InviteOutcome, InviteStaff, LoadAuditLog, LoadTeamPage,
    TeamPage, invite_staff, load_audit_log, load_team_page,
};
