//! A testimony as posted, then as a moderator left it: once approved, its texts are the
//! redacted ones and the original is gone. The private link is kept as a hash only.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "testimony")]
pub struct Model {
    /// Random (`store::testimonies`), not a sequence.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: i64,
    pub council_id: i64,
    pub finding_id: Option<i64>,
    pub assembly_id: Option<i64>,
    pub pseudonym: Option<String>,
    pub college: Option<String>,
    pub happened: String,
    pub helped: String,
    pub change: String,
    pub consent_public: bool,
    pub consent_projector: bool,
    pub consent_report: bool,
    /// `domain::testimony::Review` key.
    pub review: String,
    pub moderator_note: Option<String>,
    pub content_warning: Option<String>,
    pub easy_summary: Option<String>,
    #[sea_orm(unique)]
    pub token_hash: String,
    /// The first day of the month it was posted in.
    pub posted_on: ChronoDate,
    /// `domain::testimony::AudioFormat` key while a recording waits in `testimony_audio`.
    pub audio_format: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
