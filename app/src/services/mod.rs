//! Services: what runs beside the requests (tasks, channels, caches) in front of the
//! store, which stays persistence only.

pub mod ballot_box;
pub mod refused;
pub mod room;

pub use ballot_box::{BALLOTS_METRIC, BallotBox};
pub use refused::RefusedWrites;
