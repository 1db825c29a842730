//! sea-orm entities, one module per table.

pub mod agenda_item;
pub mod assembly;
pub mod audit_event;
pub mod ballot;
pub mod ballot_code;
pub mod college;
pub mod council;
pub mod finding;
pub mod invitation;
pub mod passkey;
pub mod passkey_ceremony;
pub mod question;
pub mod question_vote;
pub mod recovery_code;
pub mod room_event;
pub mod staff_account;
pub mod staff_role;
pub mod staff_session;
pub mod vote;
pub mod vote_candidate;
pub mod vote_participation;
