//! Agora's schema: one migration set, written in the SeaQuery DSL, for SQLite and PostgreSQL.

pub use sea_orm_migration::prelude::*;

mod m20261123_000001_councils;
mod m20261123_000002_staff;
mod m20261123_000003_recovery_codes;
mod m20261123_000004_assemblies;
mod m20261124_000005_votes;
mod m20261124_000006_vote_colleges;
mod m20261124_000007_surveys;
mod m20261124_000008_survey_counts;
mod m20261124_000009_testimonies;
mod m20261124_000010_testimony_screen;
mod m20261124_000011_testimony_audio;
mod m20261124_000012_local_help;
mod m20261204_000013_unlinkable;
mod m20261204_000014_testimony_ids;
mod m20261205_000015_session_last_seen;
mod m20261205_000016_testimony_grant;
mod m20261205_000017_session_verified;
mod m20261205_000018_council_archived;
mod m20261205_000019_council_profile;
mod m20261205_000020_council_objectives;
mod m20261205_000021_operators;
mod m20261205_000022_college_details;
mod m20261205_000023_local_resources;
mod m20261205_000024_council_picto;
mod m20261205_000025_finding_evidence;
mod m20261205_000026_written_answers;
mod m20261205_000027_room_screen;
mod m20261205_000028_polls;
mod m20261206_000029_priorities;
mod m20261206_000030_action_programme;
mod m20261206_000031_attendance;
mod m20261206_000032_annual_report;
mod m20261206_000033_bodies;
mod m20261207_000034_minutes_documents;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261123_000001_councils::Migration),
            Box::new(m20261123_000002_staff::Migration),
            Box::new(m20261123_000003_recovery_codes::Migration),
            Box::new(m20261123_000004_assemblies::Migration),
            Box::new(m20261124_000005_votes::Migration),
            Box::new(m20261124_000006_vote_colleges::Migration),
            Box::new(m20261124_000007_surveys::Migration),
            Box::new(m20261124_000008_survey_counts::Migration),
            Box::new(m20261124_000009_testimonies::Migration),
            Box::new(m20261124_000010_testimony_screen::Migration),
            Box::new(m20261124_000011_testimony_audio::Migration),
            Box::new(m20261124_000012_local_help::Migration),
            Box::new(m20261204_000013_unlinkable::Migration),
            Box::new(m20261204_000014_testimony_ids::Migration),
            Box::new(m20261205_000015_session_last_seen::Migration),
            Box::new(m20261205_000016_testimony_grant::Migration),
            Box::new(m20261205_000017_session_verified::Migration),
            Box::new(m20261205_000018_council_archived::Migration),
            Box::new(m20261205_000019_council_profile::Migration),
            Box::new(m20261205_000020_council_objectives::Migration),
            Box::new(m20261205_000021_operators::Migration),
            Box::new(m20261205_000022_college_details::Migration),
            Box::new(m20261205_000023_local_resources::Migration),
            Box::new(m20261205_000024_council_picto::Migration),
            Box::new(m20261205_000025_finding_evidence::Migration),
            Box::new(m20261205_000026_written_answers::Migration),
            Box::new(m20261205_000027_room_screen::Migration),
            Box::new(m20261205_000028_polls::Migration),
            Box::new(m20261206_000029_priorities::Migration),
            Box::new(m20261206_000030_action_programme::Migration),
            Box::new(m20261206_000031_attendance::Migration),
            Box::new(m20261206_000032_annual_report::Migration),
            Box::new(m20261206_000033_bodies::Migration),
            Box::new(m20261207_000034_minutes_documents::Migration),
        ]
    }
}
