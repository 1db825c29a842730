//! Persistence (server only): sea-orm entities and the queries the api layer calls.

pub mod assemblies;
pub mod bodies;
mod connect;
mod councils;
pub mod diagnosis;
pub mod documents;
pub mod entities;
pub mod minutes;
pub mod priorities;
pub mod programme;
pub mod report;
pub mod resources;
pub mod room;
pub mod seal;
pub mod staff;
pub mod surveys;
pub mod testimonies;
pub mod votes;

pub use connect::{
    begin_read, begin_write, connect, forget_history, locked_for_mixing,
    locked_for_mixing_unless_busy, refuses_writes, sqlite_file_path,
};
pub use councils::{
    CollegeError, CollegeNames, CouncilRecord, HostedCouncil, HostingError, NewCouncil,
    add_college, colleges_of, council_by_slug, council_first_year, council_profile, council_record,
    create_council, first_steps, has_councils, hosted_councils, insert_council, list_councils,
    local_help, min_group_size, move_college, rename_college, set_archived, set_college_retired,
    set_council_profile, set_local_help, set_min_group_size,
};
pub use diagnosis::{finding_in_council, findings_of_council};
