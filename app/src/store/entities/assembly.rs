use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "assembly")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub council_id: i64,
    pub title: String,
    pub starts_at: ChronoDateTimeUtc,
    pub place: String,
    pub accessibility: String,
    #[sea_orm(unique)]
    pub join_code: String,
    pub published_at: Option<ChronoDateTimeUtc>,
    pub live_state: String,
    pub premoderation: bool,
    pub questions_open: bool,
    pub current_item_id: Option<i64>,
    pub highlighted_question_id: Option<i64>,
    /// What the screen shows when it is neither the join code nor a question
    /// (`domain::ScreenKind`), and the testimony or vote it shows.
    pub screen: Option<String>,
    pub screen_id: Option<i64>,
    pub last_seq: i64,
    pub created_at: ChronoDateTimeUtc,
    /// The body whose meeting it is; `None`: the council's open plenary.
    pub body_id: Option<i64>,
    /// Only the body's members (and staff who run rooms) may see it.
    pub members_only: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
