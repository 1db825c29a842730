//! Server functions: read input, validate it through `domain`, call `store`, map the result.

mod councils;
mod error;
mod preferences;

pub use councils::{
    CouncilHome, FindingPage, ListCouncils, LoadCouncilHome, LoadFindingPage, list_councils,
    load_council_home, load_finding_page,
};
pub use error::AppError;
pub use preferences::{SavePreferences, save_preferences};
