//! sea-orm entities, one module per table.

pub mod college;
pub mod council;
pub mod finding;
