//! Assemblies and their agenda: what coordinators prepare and everyone reads. Every change is
//! one transaction with its audit line.

use super::entities::{agenda_item, assembly, council};
use super::staff::record_audit;
use crate::domain::body::Viewer;
use crate::domain::{
    AgendaItem, AgendaItemFields, Assembly, AssemblyFields, JOIN_ALPHABET, JOIN_CODE_LENGTH,
    JoinCode, LiveState, LocalMoment, Wording, audit_detail,
};
use chrono::{DateTime, Datelike, NaiveDateTime, TimeZone, Timelike, Utc};
use chrono_tz::Tz;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, QueryOrder, Set,
};

/// Why a change was refused; anything else is a database error.
/// Why the store refuses a change to an assembly; the api layer says it in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssemblyRefusal {
    /// A rule of `domain::assembly` (the live part's states), with that rule's message id.
    Rule(&'static str),
    /// Not a `YYYY-MM-DDTHH:MM` time.
    DateInvalid,
    /// A time the council's clocks skip (the spring change).
    DateSkipped,
    /// An assembly whose live part is open stays published.
    UnpublishLive,
}

#[derive(Debug, thiserror::Error)]
pub enum AssemblyError {
    #[error("no such assembly or agenda item in this council")]
    NotFound,
    #[error("refused: {0:?}")]
    Refused(AssemblyRefusal),
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// The council's time zone; an unknown name falls back to metropolitan France.
pub async fn council_zone(db: &impl ConnectionTrait, council_id: i64) -> Result<Tz, DbErr> {
    Ok(council::Entity::find_by_id(council_id)
        .one(db)
        .await?
        .and_then(|council| council.time_zone.parse().ok())
        .unwrap_or(chrono_tz::Europe::Paris))
}

/// A `YYYY-MM-DDTHH:MM` typed in `zone`, in UTC. A time skipped by a clock change is refused;
/// one that happens twice (the autumn change) is taken at its first occurrence.
pub fn to_utc(local: &str, zone: Tz) -> Result<DateTime<Utc>, AssemblyError> {
    let naive = NaiveDateTime::parse_from_str(local, "%Y-%m-%dT%H:%M")
        .map_err(|_| AssemblyError::Refused(AssemblyRefusal::DateInvalid))?;
    zone.from_local_datetime(&naive)
        .earliest()
        .map(|at| at.with_timezone(&Utc))
        .ok_or(AssemblyError::Refused(AssemblyRefusal::DateSkipped))
}

pub fn local_moment(at: DateTime<Utc>, zone: Tz) -> LocalMoment {
    let local = at.with_timezone(&zone);
    LocalMoment {
        year: local.year(),
        month: local.month(),
        day: local.day(),
        weekday: local.weekday().number_from_monday(),
        hour: local.hour(),
        minute: local.minute(),
    }
}

fn new_join_code() -> JoinCode {
    JoinCode::from_positions(std::array::from_fn::<_, JOIN_CODE_LENGTH, _>(|_| {
        rand::random_range(0..JOIN_ALPHABET.len())
    }))
}

/// Whose meeting an assembly is: a body of the council, open to all or to its members only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MeetingOf {
    pub body: i64,
    pub members_only: bool,
}

/// Creates an unpublished assembly with a fresh join code; returns its id. `meeting`: a
/// body's meeting (the body must be the council's); `None`: an open plenary.
pub async fn create_assembly(
    db: &DatabaseConnection,
    council_id: i64,
    fields: &AssemblyFields,
    meeting: Option<MeetingOf>,
    by: Option<i64>,
) -> Result<i64, AssemblyError> {
    if let Some(meeting) = meeting
        && crate::store::bodies::body_council(db, meeting.body).await? != Some(council_id)
    {
        return Err(AssemblyError::NotFound);
    }
    let zone = council_zone(db, council_id).await?;
    let starts_at = to_utc(&fields.starts_at, zone)?;
    // 31^6 codes: a clash is rare, but a code must lead to one assembly only.
    let mut code = new_join_code();
    while assembly::Entity::find()
        .filter(assembly::Column::JoinCode.eq(code.as_str()))
        .one(db)
        .await?
        .is_some()
    {
        code = new_join_code();
    }
    let txn = crate::store::begin_write(db).await?;
    let created = assembly::ActiveModel {
        council_id: Set(council_id),
        title: Set(fields.title.clone()),
        starts_at: Set(starts_at),
        place: Set(fields.place.clone()),
        accessibility: Set(fields.accessibility.clone()),
        join_code: Set(code.as_str().to_owned()),
        published_at: Set(None),
        live_state: Set(LiveState::Before.key().to_owned()),
        premoderation: Set(true),
        questions_open: Set(true),
        current_item_id: Set(None),
        highlighted_question_id: Set(None),
        screen: Set(None),
        screen_id: Set(None),
        last_seq: Set(0),
        created_at: Set(Utc::now()),
        body_id: Set(meeting.map(|m| m.body)),
        members_only: Set(meeting.is_some_and(|m| m.members_only)),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let id = created.id.to_string();
    record_audit(
        &txn,
        Some(council_id),
        by,
        "assembly-created",
        &audit_detail(&[("assembly", &id)]),
    )
    .await?;
    txn.commit().await?;
    Ok(created.id)
}

async fn assembly_row(
    db: &impl ConnectionTrait,
    council_id: i64,
    id: i64,
) -> Result<assembly::Model, AssemblyError> {
    assembly::Entity::find_by_id(id)
        .filter(assembly::Column::CouncilId.eq(council_id))
        .one(db)
        .await?
        .ok_or(AssemblyError::NotFound)
}

pub async fn update_assembly(
    db: &DatabaseConnection,
    council_id: i64,
    id: i64,
    fields: &AssemblyFields,
    by: Option<i64>,
) -> Result<(), AssemblyError> {
    let zone = council_zone(db, council_id).await?;
    let starts_at = to_utc(&fields.starts_at, zone)?;
    let txn = crate::store::begin_write(db).await?;
    let row = assembly_row(&txn, council_id, id).await?;
    let mut row: assembly::ActiveModel = row.into();
    row.title = Set(fields.title.clone());
    row.starts_at = Set(starts_at);
    row.place = Set(fields.place.clone());
    row.accessibility = Set(fields.accessibility.clone());
    row.update(&txn).await?;
    record_audit(
        &txn,
        Some(council_id),
        by,
        "assembly-updated",
        &audit_detail(&[("assembly", &id.to_string())]),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Publishes (or takes back) an assembly: only published ones are seen by the public.
pub async fn set_published(
    db: &DatabaseConnection,
    council_id: i64,
    id: i64,
    published: bool,
    by: Option<i64>,
) -> Result<(), AssemblyError> {
    let txn = crate::store::begin_write(db).await?;
    let row = assembly_row(&txn, council_id, id).await?;
    if !published && LiveState::parse(&row.live_state) == Some(LiveState::Open) {
        return Err(AssemblyError::Refused(AssemblyRefusal::UnpublishLive));
    }
    let mut row: assembly::ActiveModel = row.into();
    row.published_at = Set(published.then(Utc::now));
    row.update(&txn).await?;
    let action = if published {
        "assembly-published"
    } else {
        "assembly-unpublished"
    };
    record_audit(
        &txn,
        Some(council_id),
        by,
        action,
        &audit_detail(&[("assembly", &id.to_string())]),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

async fn to_domain(
    db: &impl ConnectionTrait,
    row: assembly::Model,
    zone: Tz,
) -> Result<Assembly, DbErr> {
    let agenda = agenda_item::Entity::find()
        .filter(agenda_item::Column::AssemblyId.eq(row.id))
        .order_by_asc(agenda_item::Column::Position)
        .order_by_asc(agenda_item::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|item| AgendaItem {
            id: item.id,
            title: item.title,
            summary: Wording {
                plain: item.summary,
                easy: item.summary_easy,
            },
        })
        .collect();
    Ok(Assembly {
        id: row.id,
        title: row.title,
        starts: local_moment(row.starts_at, zone),
        place: row.place,
        accessibility: row.accessibility,
        join_code: JoinCode::parse(&row.join_code).unwrap_or_else(new_join_code),
        published: row.published_at.is_some(),
        live: LiveState::parse(&row.live_state).unwrap_or(LiveState::Before),
        premoderation: row.premoderation,
        questions_open: row.questions_open,
        current_item: row.current_item_id,
        agenda,
        body: row.body_id,
        members_only: row.members_only,
        starts_unix: row.starts_at.timestamp(),
    })
}

/// One assembly of a council with its agenda; drafts only when `with_drafts`.
pub async fn assembly_in_council(
    db: &DatabaseConnection,
    council_id: i64,
    id: i64,
    with_drafts: bool,
) -> Result<Option<Assembly>, DbErr> {
    let Some(row) = assembly::Entity::find_by_id(id)
        .filter(assembly::Column::CouncilId.eq(council_id))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    if row.published_at.is_none() && !with_drafts {
        return Ok(None);
    }
    let zone = council_zone(db, council_id).await?;
    Ok(Some(to_domain(db, row, zone).await?))
}

/// A council's assemblies and its bodies' meetings that `viewer` may see, soonest
/// last-to-come first (upcoming and recent at the top).
pub async fn assemblies_of(
    db: &DatabaseConnection,
    council_id: i64,
    with_drafts: bool,
    viewer: &Viewer,
) -> Result<Vec<Assembly>, DbErr> {
    let mut query = assembly::Entity::find().filter(assembly::Column::CouncilId.eq(council_id));
    if !with_drafts {
        query = query.filter(assembly::Column::PublishedAt.is_not_null());
    }
    let rows = query
        .order_by_desc(assembly::Column::StartsAt)
        .order_by_desc(assembly::Column::Id)
        .all(db)
        .await?;
    let zone = council_zone(db, council_id).await?;
    let mut assemblies = Vec::with_capacity(rows.len());
    for row in rows {
        if viewer.may_see(row.body_id, row.members_only) {
            assemblies.push(to_domain(db, row, zone).await?);
        }
    }
    Ok(assemblies)
}

/// Where a join code leads: the council's slug and the assembly, if it is published and
/// open to all (a members-only meeting is reached from its body's page, never by a code).
pub async fn assembly_by_join_code(
    db: &DatabaseConnection,
    code: &JoinCode,
) -> Result<Option<(String, i64)>, DbErr> {
    let Some(row) = assembly::Entity::find()
        .filter(assembly::Column::JoinCode.eq(code.as_str()))
        .filter(assembly::Column::PublishedAt.is_not_null())
        .filter(assembly::Column::MembersOnly.eq(false))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    Ok(council::Entity::find_by_id(row.council_id)
        .one(db)
        .await?
        .map(|council| (council.slug, row.id)))
}

/// Adds an item at the end of the agenda.
pub async fn add_agenda_item(
    db: &DatabaseConnection,
    council_id: i64,
    assembly_id: i64,
    fields: &AgendaItemFields,
    by: Option<i64>,
) -> Result<i64, AssemblyError> {
    let txn = crate::store::begin_write(db).await?;
    assembly_row(&txn, council_id, assembly_id).await?;
    let last = agenda_item::Entity::find()
        .filter(agenda_item::Column::AssemblyId.eq(assembly_id))
        .order_by_desc(agenda_item::Column::Position)
        .one(&txn)
        .await?
        .map_or(-1, |item| item.position);
    let item = agenda_item::ActiveModel {
        assembly_id: Set(assembly_id),
        position: Set(last + 1),
        title: Set(fields.title.clone()),
        summary: Set(fields.summary.clone()),
        summary_easy: Set(fields.summary_easy.clone()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    agenda_audit(&txn, council_id, by, assembly_id, "agenda-item-added").await?;
    txn.commit().await?;
    Ok(item.id)
}

async fn agenda_audit(
    txn: &impl ConnectionTrait,
    council_id: i64,
    by: Option<i64>,
    assembly_id: i64,
    action: &str,
) -> Result<(), DbErr> {
    record_audit(
        txn,
        Some(council_id),
        by,
        action,
        &audit_detail(&[("assembly", &assembly_id.to_string())]),
    )
    .await
}

async fn item_row(
    txn: &impl ConnectionTrait,
    council_id: i64,
    assembly_id: i64,
    item_id: i64,
) -> Result<agenda_item::Model, AssemblyError> {
    assembly_row(txn, council_id, assembly_id).await?;
    agenda_item::Entity::find_by_id(item_id)
        .filter(agenda_item::Column::AssemblyId.eq(assembly_id))
        .one(txn)
        .await?
        .ok_or(AssemblyError::NotFound)
}

pub async fn update_agenda_item(
    db: &DatabaseConnection,
    council_id: i64,
    assembly_id: i64,
    item_id: i64,
    fields: &AgendaItemFields,
    by: Option<i64>,
) -> Result<(), AssemblyError> {
    let txn = crate::store::begin_write(db).await?;
    let mut item: agenda_item::ActiveModel = item_row(&txn, council_id, assembly_id, item_id)
        .await?
        .into();
    item.title = Set(fields.title.clone());
    item.summary = Set(fields.summary.clone());
    item.summary_easy = Set(fields.summary_easy.clone());
    item.update(&txn).await?;
    agenda_audit(&txn, council_id, by, assembly_id, "agenda-item-updated").await?;
    txn.commit().await?;
    Ok(())
}

/// Removes an item; the assembly's current item moves on if it was this one.
pub async fn remove_agenda_item(
    db: &DatabaseConnection,
    council_id: i64,
    assembly_id: i64,
    item_id: i64,
    by: Option<i64>,
) -> Result<(), AssemblyError> {
    let txn = crate::store::begin_write(db).await?;
    item_row(&txn, council_id, assembly_id, item_id).await?;
    agenda_item::Entity::delete_by_id(item_id)
        .exec(&txn)
        .await?;
    assembly::Entity::update_many()
        .col_expr(
            assembly::Column::CurrentItemId,
            Expr::value(Option::<i64>::None),
        )
        .filter(assembly::Column::Id.eq(assembly_id))
        .filter(assembly::Column::CurrentItemId.eq(item_id))
        .exec(&txn)
        .await?;
    agenda_audit(&txn, council_id, by, assembly_id, "agenda-item-removed").await?;
    txn.commit().await?;
    Ok(())
}

/// Swaps an item with its neighbour (`up` towards the start); at either end nothing moves.
pub async fn move_agenda_item(
    db: &DatabaseConnection,
    council_id: i64,
    assembly_id: i64,
    item_id: i64,
    up: bool,
    by: Option<i64>,
) -> Result<(), AssemblyError> {
    let txn = crate::store::begin_write(db).await?;
    item_row(&txn, council_id, assembly_id, item_id).await?;
    let mut items = agenda_item::Entity::find()
        .filter(agenda_item::Column::AssemblyId.eq(assembly_id))
        .order_by_asc(agenda_item::Column::Position)
        .order_by_asc(agenda_item::Column::Id)
        .all(&txn)
        .await?;
    let Some(index) = items.iter().position(|item| item.id == item_id) else {
        return Err(AssemblyError::NotFound);
    };
    let other = if up {
        index.checked_sub(1)
    } else {
        Some(index + 1).filter(|i| *i < items.len())
    };
    if let Some(other) = other {
        items.swap(index, other);
        // Renumbered from 0: positions stay dense whatever happened before.
        for (position, item) in (0..).zip(items) {
            if item.position != position {
                let mut item: agenda_item::ActiveModel = item.into();
                item.position = Set(position);
                item.update(&txn).await?;
            }
        }
        agenda_audit(&txn, council_id, by, assembly_id, "agenda-item-moved").await?;
    }
    txn.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_times_convert_in_the_councils_zone_across_clock_changes() {
        let paris = chrono_tz::Europe::Paris;
        let winter = to_utc("2027-01-15T18:30", paris).ok();
        assert_eq!(
            winter.map(|at| at.to_rfc3339()).as_deref(),
            Some("2027-01-15T17:30:00+00:00")
        );
        let summer = to_utc("2027-07-15T18:30", paris).ok();
        assert_eq!(
            summer.map(|at| at.to_rfc3339()).as_deref(),
            Some("2027-07-15T16:30:00+00:00")
        );
        let reunion = to_utc("2027-07-15T18:30", chrono_tz::Indian::Reunion).ok();
        assert_eq!(
            reunion.map(|at| at.to_rfc3339()).as_deref(),
            Some("2027-07-15T14:30:00+00:00")
        );
        // 28 March 2027, 02:30 does not exist in Paris.
        assert!(matches!(
            to_utc("2027-03-28T02:30", paris),
            Err(AssemblyError::Refused(AssemblyRefusal::DateSkipped))
        ));
        // 31 October 2027, 02:30 happens twice: the first one.
        let twice = to_utc("2027-10-31T02:30", paris).ok();
        assert_eq!(
            twice.map(|at| at.to_rfc3339()).as_deref(),
            Some("2027-10-31T00:30:00+00:00")
        );
        let back = local_moment(to_utc("2027-01-15T18:30", paris).unwrap_or_default(), paris);
        assert_eq!(back.input_value(), "2027-01-15T18:30");
        assert_eq!(back.weekday, 5, "a Friday");
    }
}
