//! One module per screen.

mod about;
mod council;
mod finding;
mod index;
mod not_found;

pub use about::About;
pub use council::CouncilPage;
pub use finding::FindingDetail;
pub use index::CouncilIndex;
pub use not_found::NotFound;
