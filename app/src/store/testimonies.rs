//! Testimonies in the database: posted with a private link (only its hash kept), moderated
//! (approval replaces the text with the moderator's redacted one: the original is gone),
//! shown only on the surfaces their consent allows, withdrawn (deleted) by their author.

use super::entities::{assembly, finding, testimony, testimony_audio};
use super::staff::{hash_token, new_token, record_audit};
use crate::domain::CollegeKey;
use crate::domain::testimony::{
    AudioFormat, Consent, NOTE_MAX, Refusal, Review, Story, Surface, Testimony, check_post,
};
use chrono::Datelike;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, QueryOrder, Set,
};

/// Why the store refuses a change to a testimony; the api layer says it in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TestimonyRefusal {
    /// A rule of `domain::testimony`, with that rule's message id.
    Rule(&'static str),
    /// A finding or an assembly of another council, or none.
    UnknownLink,
    /// The author may edit only when a moderator asked for changes.
    NotEditable,
    NoteTooLong,
    /// A spoken testimony is approved only with its words written down.
    TranscriptNeeded,
    /// Asking for changes without saying which.
    NoteNeeded,
    /// Not approved, or not consented to the projector.
    NotForScreen,
    /// The council already holds `Caps::waiting` testimonies waiting for a moderator.
    QueueFull,
    /// Keeping this recording would take the council's waiting recordings past
    /// `Caps::audio_bytes`.
    AudioFull,
}

/// What a council may hold of testimonies not yet moderated, whoever posts them: a script
/// that gets past the per-participant and per-address brakes still cannot fill the
/// database or bury the moderators (`AGORA_TESTIMONIES_WAITING`, `AGORA_TESTIMONY_AUDIO_MIB`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Caps {
    /// Testimonies waiting for a moderator (pending, or back from their author).
    pub waiting: u64,
    /// Bytes of recordings kept, all waiting for a decision (a decision drops them).
    pub audio_bytes: u64,
}

impl Default for Caps {
    fn default() -> Self {
        Caps {
            waiting: 300,
            audio_bytes: 200 * 1024 * 1024,
        }
    }
}

fn waiting_reviews() -> [&'static str; 2] {
    [Review::Pending.key(), Review::ChangesAsked.key()]
}

/// Refuses a new testimony that would take the council past `caps`; run inside the write
/// transaction that stores it, so two posts cannot both take the last place on SQLite (on
/// PostgreSQL, concurrent posts may pass it by a few: a brake, not a count).
async fn within_caps(
    txn: &sea_orm::DatabaseTransaction,
    council_id: i64,
    audio: usize,
    caps: Caps,
) -> Result<(), TestimonyError> {
    use sea_orm::sea_query::{Expr, ExprTrait, Func, Query};
    use sea_orm::{ConnectionTrait, PaginatorTrait};
    let waiting = testimony::Entity::find()
        .filter(testimony::Column::CouncilId.eq(council_id))
        .filter(testimony::Column::Review.is_in(waiting_reviews()))
        .count(txn)
        .await?;
    if waiting >= caps.waiting {
        return Err(TestimonyError::Refused(
            "happened",
            TestimonyRefusal::QueueFull,
        ));
    }
    if audio == 0 {
        return Ok(());
    }
    let length = Func::cust("LENGTH").arg(Expr::col((
        testimony_audio::Entity,
        testimony_audio::Column::Bytes,
    )));
    let query = Query::select()
        .expr(Func::coalesce([
            Expr::from(Func::sum(length)),
            Expr::val(0i64),
        ]))
        .from(testimony_audio::Entity)
        .inner_join(
            testimony::Entity,
            Expr::col((testimony::Entity, testimony::Column::Id)).equals((
                testimony_audio::Entity,
                testimony_audio::Column::TestimonyId,
            )),
        )
        .and_where(Expr::col((testimony::Entity, testimony::Column::CouncilId)).eq(council_id))
        .to_owned();
    let kept: i64 = match txn.query_one(&query).await? {
        Some(row) => row.try_get_by_index(0)?,
        None => 0,
    };
    let after = u64::try_from(kept).unwrap_or(0) + audio as u64;
    if after > caps.audio_bytes {
        return Err(TestimonyError::Refused(
            "audio",
            TestimonyRefusal::AudioFull,
        ));
    }
    Ok(())
}

#[derive(Debug, thiserror::Error)]
pub enum TestimonyError {
    /// The field at fault and why.
    #[error("refused: {1:?}")]
    Refused(&'static str, TestimonyRefusal),
    #[error("no such testimony")]
    NotFound,
    #[error(transparent)]
    Db(#[from] DbErr),
}

impl From<Refusal> for TestimonyError {
    fn from(refusal: Refusal) -> Self {
        TestimonyError::Refused(refusal.field, TestimonyRefusal::Rule(refusal.message))
    }
}

/// What someone posts.
pub struct NewTestimony {
    pub council_id: i64,
    pub finding_id: Option<i64>,
    pub assembly_id: Option<i64>,
    pub story: Story,
    /// Empty: anonymous.
    pub pseudonym: String,
    pub college: Option<CollegeKey>,
    pub consent: Consent,
    /// A recorded message instead of (or beside) the text, its format checked by
    /// `domain::testimony::check_audio`.
    pub audio: Option<(AudioFormat, Vec<u8>)>,
}

fn view(model: testimony::Model) -> Testimony {
    Testimony {
        id: model.id,
        pseudonym: model.pseudonym,
        college: model.college,
        story: Story {
            happened: model.happened,
            helped: model.helped,
            change: model.change,
        },
        consent: Consent {
            public: model.consent_public,
            projector: model.consent_projector,
            report: model.consent_report,
        },
        review: Review::parse(&model.review).unwrap_or(Review::Pending),
        moderator_note: model.moderator_note,
        content_warning: model.content_warning,
        easy_summary: model.easy_summary,
        posted: (model.posted_on.year(), model.posted_on.month()),
        finding_id: model.finding_id,
        assembly_id: model.assembly_id,
        audio: model.audio_format.as_deref().and_then(AudioFormat::parse),
    }
}

/// Stores a testimony, pending, and returns its id and the private link's token (shown
/// once to its author; only its hash is kept).
pub async fn post(
    db: &DatabaseConnection,
    new: NewTestimony,
    today: chrono::NaiveDate,
    caps: Caps,
) -> Result<(i64, String), TestimonyError> {
    let (story, pseudonym) = check_post(&new.story, &new.pseudonym, new.audio.is_some())?;
    // A link to a finding or an assembly of another council is refused, not followed.
    if let Some(id) = new.finding_id {
        let found = finding::Entity::find_by_id(id).one(db).await?;
        if found.is_none_or(|f| f.council_id != new.council_id) {
            return Err(TestimonyError::Refused(
                "finding",
                TestimonyRefusal::UnknownLink,
            ));
        }
    }
    if let Some(id) = new.assembly_id {
        let found = assembly::Entity::find_by_id(id).one(db).await?;
        // A draft assembly is not there yet for the public.
        // Nor is a members-only meeting, whose page nobody else may open.
        if found.is_none_or(|a| {
            a.council_id != new.council_id || a.published_at.is_none() || a.members_only
        }) {
            return Err(TestimonyError::Refused(
                "assembly",
                TestimonyRefusal::UnknownLink,
            ));
        }
    }
    let token = new_token();
    let txn = super::begin_write(db).await?;
    let audio = new.audio.as_ref().map_or(0, |(_, bytes)| bytes.len());
    within_caps(&txn, new.council_id, audio, caps).await?;
    let stored = testimony::ActiveModel {
        id: Set(random_id()),
        council_id: Set(new.council_id),
        finding_id: Set(new.finding_id),
        assembly_id: Set(new.assembly_id),
        pseudonym: Set(pseudonym),
        college: Set(new.college.map(|c| c.as_str().to_owned())),
        happened: Set(story.happened),
        helped: Set(story.helped),
        change: Set(story.change),
        consent_public: Set(new.consent.public),
        consent_projector: Set(new.consent.projector),
        consent_report: Set(new.consent.report),
        review: Set(Review::Pending.key().to_owned()),
        moderator_note: Set(None),
        content_warning: Set(None),
        easy_summary: Set(None),
        token_hash: Set(hash_token(&token)),
        // The month alone: pages show no more, and a day would point at the access log's
        // lines of that day.
        posted_on: Set(today.with_day(1).unwrap_or(today)),
        audio_format: Set(new
            .audio
            .as_ref()
            .map(|(format, _)| format.key().to_owned())),
    }
    .insert(&txn)
    .await?;
    if let Some((_, bytes)) = new.audio {
        testimony_audio::ActiveModel {
            testimony_id: Set(stored.id),
            bytes: Set(bytes),
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok((stored.id, token))
}

/// A testimony's id: random, so that neither the id nor the table's order (on SQLite, the
/// id is the row number) tells in what order testimonies came, which the access log's
/// times would tie to addresses. Below 2^53: exact as a number anywhere.
fn random_id() -> i64 {
    i64::try_from(rand::random::<u64>() >> 11).unwrap_or(0) + 1
}

async fn find_by_token(
    db: &impl sea_orm::ConnectionTrait,
    token: &str,
) -> Result<testimony::Model, TestimonyError> {
    testimony::Entity::find()
        .filter(testimony::Column::TokenHash.eq(hash_token(token)))
        .one(db)
        .await?
        .ok_or(TestimonyError::NotFound)
}

/// The testimony behind a private link, with its council's id.
pub async fn by_token(
    db: &DatabaseConnection,
    token: &str,
) -> Result<(i64, Testimony), TestimonyError> {
    let model = find_by_token(db, token).await?;
    Ok((model.council_id, view(model)))
}

/// The author changes who may see their testimony; it applies at once on every surface.
pub async fn set_consent(
    db: &DatabaseConnection,
    token: &str,
    consent: Consent,
) -> Result<(), TestimonyError> {
    let model = find_by_token(db, token).await?;
    let mut active: testimony::ActiveModel = model.into();
    active.consent_public = Set(consent.public);
    active.consent_projector = Set(consent.projector);
    active.consent_report = Set(consent.report);
    active.update(db).await?;
    Ok(())
}

/// The author edits their testimony after a moderator asked them to: it waits for a
/// moderator again.
pub async fn edit_by_author(
    db: &DatabaseConnection,
    token: &str,
    story: &Story,
) -> Result<(), TestimonyError> {
    let model = find_by_token(db, token).await?;
    if Review::parse(&model.review) != Some(Review::ChangesAsked) {
        return Err(TestimonyError::Refused(
            "story",
            TestimonyRefusal::NotEditable,
        ));
    }
    let (story, _) = check_post(story, "", model.audio_format.is_some())?;
    let mut active: testimony::ActiveModel = model.into();
    active.happened = Set(story.happened);
    active.helped = Set(story.helped);
    active.change = Set(story.change);
    active.review = Set(Review::Pending.key().to_owned());
    active.moderator_note = Set(None);
    active.update(db).await?;
    Ok(())
}

/// The author withdraws their testimony: it is deleted, so it leaves every page, the
/// projector and every export at once. The audit log keeps that it happened, not what it said.
pub async fn withdraw(db: &DatabaseConnection, token: &str) -> Result<(), TestimonyError> {
    let txn = super::begin_write(db).await?;
    let model = find_by_token(&txn, token).await?;
    // The recording first: it points at the testimony.
    testimony_audio::Entity::delete_by_id(model.id)
        .exec(&txn)
        .await?;
    testimony::Entity::delete_by_id(model.id).exec(&txn).await?;
    record_audit(
        &txn,
        Some(model.council_id),
        None,
        "testimony-withdrawn",
        &format!("testimony {}", model.id),
    )
    .await?;
    txn.commit().await?;
    // The deleted text's pages leave the write-ahead log too (`secure_delete` zeroes them
    // in the file itself).
    super::forget_history(db).await;
    Ok(())
}

/// A moderator deletes testimony `id` of `council_id` for good, whatever its review: from
/// every page, the projector and the exports, with its recording. The audit log keeps that
/// it happened, and who did it, not what it said.
pub async fn delete(
    db: &DatabaseConnection,
    council_id: i64,
    id: i64,
    by: Option<i64>,
) -> Result<(), TestimonyError> {
    use super::entities::testimony_on_screen;
    let txn = super::begin_write(db).await?;
    testimony::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .filter(|t| t.council_id == council_id)
        .ok_or(TestimonyError::NotFound)?;
    testimony_audio::Entity::delete_by_id(id).exec(&txn).await?;
    testimony_on_screen::Entity::delete_many()
        .filter(testimony_on_screen::Column::TestimonyId.eq(id))
        .exec(&txn)
        .await?;
    testimony::Entity::delete_by_id(id).exec(&txn).await?;
    record_audit(
        &txn,
        Some(council_id),
        by,
        "testimony-deleted",
        &format!("testimony {id}"),
    )
    .await?;
    txn.commit().await?;
    super::forget_history(db).await;
    Ok(())
}

/// What a moderator decides.
pub enum Decision {
    /// Publish, as the moderator edited it (names and identifying details removed): the
    /// edited text replaces the original, which is not kept.
    Approve {
        story: Story,
        content_warning: String,
        easy_summary: String,
    },
    /// Ask the author, through their private link, to change something.
    AskChanges { note: String },
    /// Do not publish; the author sees why through their private link.
    Reject { note: String },
}

/// One page (from 0) of the testimonies waiting for a moderator (pending, or back from
/// their author), oldest month first (within a month, in no order: the table keeps none),
/// `domain::testimony::QUEUE_PAGE` at a time; and how many wait in all.
pub async fn queue(
    db: &DatabaseConnection,
    council_id: i64,
    page: u64,
) -> Result<(Vec<Testimony>, u64), TestimonyError> {
    use sea_orm::PaginatorTrait;
    let pages = testimony::Entity::find()
        .filter(testimony::Column::CouncilId.eq(council_id))
        .filter(testimony::Column::Review.is_in(waiting_reviews()))
        .order_by_asc(testimony::Column::PostedOn)
        .order_by_asc(testimony::Column::Id)
        .paginate(db, crate::domain::testimony::QUEUE_PAGE);
    let total = pages.num_items().await?;
    let items = pages.fetch_page(page).await?;
    Ok((items.into_iter().map(view).collect(), total))
}

fn note(text: &str, field: &'static str) -> Result<Option<String>, TestimonyError> {
    let text = text.trim();
    if text.chars().count() > NOTE_MAX {
        return Err(TestimonyError::Refused(
            field,
            TestimonyRefusal::NoteTooLong,
        ));
    }
    Ok(Some(text.to_owned()).filter(|t| !t.is_empty()))
}

/// A moderator's decision on testimony `id` of `council_id`, audit-logged without its text.
pub async fn moderate(
    db: &DatabaseConnection,
    council_id: i64,
    id: i64,
    decision: Decision,
    by: Option<i64>,
) -> Result<(), TestimonyError> {
    let txn = super::begin_write(db).await?;
    let model = testimony::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .filter(|t| t.council_id == council_id)
        .ok_or(TestimonyError::NotFound)?;
    let spoken = model.audio_format.is_some();
    let mut active: testimony::ActiveModel = model.into();
    // A decision that ends the review ends the recording's use: a voice identifies its
    // speaker more surely than any name, so it is not kept once written down or refused.
    let mut drop_audio = false;
    let action = match decision {
        Decision::Approve {
            story,
            content_warning,
            easy_summary,
        } => {
            if spoken && story.parts().iter().all(|(_, text)| text.trim().is_empty()) {
                return Err(TestimonyError::Refused(
                    "happened",
                    TestimonyRefusal::TranscriptNeeded,
                ));
            }
            let (story, _) = check_post(&story, "", false)?;
            drop_audio = true;
            active.happened = Set(story.happened);
            active.helped = Set(story.helped);
            active.change = Set(story.change);
            active.content_warning = Set(note(&content_warning, "warning")?);
            active.easy_summary = Set(note(&easy_summary, "summary")?);
            active.moderator_note = Set(None);
            active.review = Set(Review::Approved.key().to_owned());
            "testimony-approved"
        }
        Decision::AskChanges { note: text } => {
            let Some(text) = note(&text, "note")? else {
                return Err(TestimonyError::Refused(
                    "note",
                    TestimonyRefusal::NoteNeeded,
                ));
            };
            active.moderator_note = Set(Some(text));
            active.review = Set(Review::ChangesAsked.key().to_owned());
            "testimony-changes-asked"
        }
        Decision::Reject { note: text } => {
            // Never to be published: nothing of what was told is kept, only the team's
            // word to its author (who may then delete the rest from their private page).
            drop_audio = true;
            active.happened = Set(String::new());
            active.helped = Set(String::new());
            active.change = Set(String::new());
            active.pseudonym = Set(None);
            active.moderator_note = Set(note(&text, "note")?);
            active.review = Set(Review::Rejected.key().to_owned());
            "testimony-rejected"
        }
    };
    if drop_audio && spoken {
        active.audio_format = Set(None);
        testimony_audio::Entity::delete_by_id(id).exec(&txn).await?;
    }
    active.update(&txn).await?;
    record_audit(
        &txn,
        Some(council_id),
        by,
        action,
        &format!("testimony {id}"),
    )
    .await?;
    txn.commit().await?;
    // An approval replaces the original text, a refusal erases it and a decision drops the
    // recording: none of them stays in the write-ahead log.
    super::forget_history(db).await;
    Ok(())
}

/// Testimonies a moderator has decided on (approved or not), newest month first: what a
/// moderator may still delete.
pub async fn decided(
    db: &DatabaseConnection,
    council_id: i64,
) -> Result<Vec<Testimony>, TestimonyError> {
    Ok(testimony::Entity::find()
        .filter(testimony::Column::CouncilId.eq(council_id))
        .filter(testimony::Column::Review.is_in([Review::Approved.key(), Review::Rejected.key()]))
        .order_by_desc(testimony::Column::PostedOn)
        .order_by_asc(testimony::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(view)
        .collect())
}

/// The approved testimonies of `council_id` whose authors allow `surface`, newest month first.
pub async fn shown_on(
    db: &DatabaseConnection,
    council_id: i64,
    surface: Surface,
) -> Result<Vec<Testimony>, TestimonyError> {
    let consent = match surface {
        Surface::Wall => testimony::Column::ConsentPublic,
        Surface::Projector => testimony::Column::ConsentProjector,
        Surface::Report => testimony::Column::ConsentReport,
    };
    Ok(testimony::Entity::find()
        .filter(testimony::Column::CouncilId.eq(council_id))
        .filter(testimony::Column::Review.eq(Review::Approved.key()))
        .filter(consent.eq(true))
        .order_by_desc(testimony::Column::PostedOn)
        .order_by_asc(testimony::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(view)
        // The consent checked again on the domain's rule, so that the two cannot drift.
        .filter(|t| t.consent.allows(surface))
        .collect())
}

/// Testimony `id` of the council if it may be shown on a projector now: approved, and its
/// author allows the projector (`None` otherwise, or when it is another council's).
pub async fn projectable(
    db: &impl ConnectionTrait,
    council_id: i64,
    id: i64,
) -> Result<Option<Testimony>, DbErr> {
    Ok(testimony::Entity::find_by_id(id)
        .filter(testimony::Column::CouncilId.eq(council_id))
        .one(db)
        .await?
        .map(view)
        .filter(|t| t.review == Review::Approved && t.consent.allows(Surface::Projector)))
}

/// A facilitator shows testimony `id` on the council's projector (`None` empties it). Only
/// an approved testimony whose author allows the projector may be shown.
pub async fn put_on_screen(
    db: &DatabaseConnection,
    council_id: i64,
    id: Option<i64>,
    by: Option<i64>,
) -> Result<(), TestimonyError> {
    use super::entities::testimony_on_screen;
    let txn = super::begin_write(db).await?;
    testimony_on_screen::Entity::delete_by_id(council_id)
        .exec(&txn)
        .await?;
    if let Some(id) = id {
        let model = testimony::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .filter(|t| t.council_id == council_id)
            .ok_or(TestimonyError::NotFound)?;
        let shown = view(model);
        if shown.review != Review::Approved || !shown.consent.allows(Surface::Projector) {
            return Err(TestimonyError::Refused(
                "screen",
                TestimonyRefusal::NotForScreen,
            ));
        }
        testimony_on_screen::ActiveModel {
            council_id: Set(council_id),
            testimony_id: Set(id),
        }
        .insert(&txn)
        .await?;
    }
    record_audit(
        &txn,
        Some(council_id),
        by,
        "testimony-on-screen",
        &id.map_or_else(|| "none".to_owned(), |id| format!("testimony {id}")),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// The testimony on the council's projector, if any — and only while it is still approved
/// and its author still allows the projector (a consent taken back empties the screen at
/// its next reading).
pub async fn on_screen(
    db: &DatabaseConnection,
    council_id: i64,
) -> Result<Option<Testimony>, TestimonyError> {
    use super::entities::testimony_on_screen;
    let Some(row) = testimony_on_screen::Entity::find_by_id(council_id)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    Ok(testimony::Entity::find_by_id(row.testimony_id)
        .one(db)
        .await?
        .map(view)
        .filter(|t| t.review == Review::Approved && t.consent.allows(Surface::Projector)))
}

/// The recording of testimony `id` of `council_id`, while one is kept (for its moderators).
pub async fn audio_of(
    db: &DatabaseConnection,
    council_id: i64,
    id: i64,
) -> Result<Option<(AudioFormat, Vec<u8>)>, TestimonyError> {
    let Some(format) = testimony::Entity::find_by_id(id)
        .one(db)
        .await?
        .filter(|t| t.council_id == council_id)
        .and_then(|t| t.audio_format.as_deref().and_then(AudioFormat::parse))
    else {
        return Ok(None);
    };
    Ok(testimony_audio::Entity::find_by_id(id)
        .one(db)
        .await?
        .map(|row| (format, row.bytes)))
}
