//! Attendance at an assembly, by college (`domain::attendance`). A participant's college is
//! as secret as a poll answer: written sealed beside the record that they declared, and
//! counted only when the council's minimum group size wait — or whatever waits once the
//! assembly is closed — in a transaction of its own (`mix`). The door count is written
//! whole by a facilitator, with its audit line.

use crate::domain::LiveState;
use crate::domain::attendance::{AttendanceSource, Headcount};
use crate::domain::audit_detail;
use crate::store::entities::{
    assembly, attendance_count, attendance_participation, attendance_waiting,
};
use crate::store::seal::SealKey;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    PaginatorTrait, QueryFilter, Set,
};
use std::collections::BTreeMap;

#[derive(Debug, thiserror::Error)]
pub enum AttendanceError {
    #[error("no such assembly")]
    NotFound,
    #[error("declared already")]
    DeclaredAlready,
    /// The assembly is over: nobody arrives any more.
    #[error("closed")]
    Closed,
    #[error("not a college of this council")]
    UnknownCollege,
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// What is stored of a participant's declaration: a hash of their key in the assembly, set
/// apart from their poll answers and supports by its own suffix.
pub fn participation_mark(voter: &str, assembly_id: i64) -> String {
    crate::store::staff::hash_token(&format!("{voter}:here:{assembly_id}"))
}

/// Whether this participant said they were there.
pub async fn has_declared(
    db: &impl ConnectionTrait,
    assembly_id: i64,
    voter: &str,
) -> Result<bool, DbErr> {
    Ok(attendance_participation::Entity::find()
        .filter(attendance_participation::Column::AssemblyId.eq(assembly_id))
        .filter(attendance_participation::Column::Voter.eq(participation_mark(voter, assembly_id)))
        .count(db)
        .await?
        > 0)
}

/// A participant says they are there, in `college` (one of `colleges`, the council's
/// offered ones): the mark and the sealed college in one transaction; then counts the
/// waiting ones if enough wait. Returns how many that counted (0: this one waits, sealed).
pub async fn declare(
    db: &DatabaseConnection,
    key: &SealKey,
    assembly_id: i64,
    voter: &str,
    college: &str,
    colleges: &[String],
) -> Result<usize, AttendanceError> {
    if !colleges.iter().any(|c| c == college) {
        return Err(AttendanceError::UnknownCollege);
    }
    let txn = crate::store::begin_write(db).await?;
    let room = assembly::Entity::find_by_id(assembly_id)
        .one(&txn)
        .await?
        .ok_or(AttendanceError::NotFound)?;
    if room.live_state == LiveState::Closed.key() {
        return Err(AttendanceError::Closed);
    }
    // The primary key refuses a second declaration, even one sent at the same instant.
    attendance_participation::ActiveModel {
        assembly_id: Set(assembly_id),
        voter: Set(participation_mark(voter, assembly_id)),
    }
    .insert(&txn)
    .await
    .map_err(|_| AttendanceError::DeclaredAlready)?;
    attendance_waiting::ActiveModel {
        id: Set(format!("{:032x}", rand::random::<u128>())),
        assembly_id: Set(assembly_id),
        sealed: Set(key.seal(college.as_bytes())?),
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(mix(db, key, assembly_id).await?)
}

/// Counts the assembly's waiting declarations once at least the council's minimum group
/// size wait (or whatever waits, once the assembly is closed), in a transaction of their
/// own. Returns how many were counted.
pub async fn mix(db: &DatabaseConnection, key: &SealKey, assembly_id: i64) -> Result<usize, DbErr> {
    let Some(room) = assembly::Entity::find_by_id(assembly_id).one(db).await? else {
        return Ok(0);
    };
    let min_group = crate::store::min_group_size(db, room.council_id).await?;
    let txn = crate::store::begin_write(db).await?;
    // Locked first: two mixers never count the same declarations.
    let Some(room) = crate::store::locked_for_mixing(assembly::Entity::find_by_id(assembly_id))
        .one(&txn)
        .await?
    else {
        return Ok(0);
    };
    let closed = room.live_state == LiveState::Closed.key();
    let waiting = attendance_waiting::Entity::find()
        .filter(attendance_waiting::Column::AssemblyId.eq(assembly_id))
        .all(&txn)
        .await?;
    if waiting.is_empty() || !closed && waiting.len() < min_group {
        return Ok(0);
    }
    let mut added: BTreeMap<String, i64> = BTreeMap::new();
    for sealed in &waiting {
        let opened = key.open(&sealed.sealed).ok_or_else(|| {
            DbErr::Custom(format!(
                "a waiting declaration of assembly {assembly_id} does not open with this server's seal key"
            ))
        })?;
        let college = String::from_utf8(opened).map_err(|e| DbErr::Custom(e.to_string()))?;
        *added.entry(college).or_default() += 1;
    }
    for (college, count) in added {
        add_count(
            &txn,
            assembly_id,
            AttendanceSource::Declared,
            &college,
            count,
        )
        .await?;
    }
    let ids: Vec<String> = waiting.into_iter().map(|w| w.id).collect();
    let counted = ids.len();
    for chunk in ids.chunks(500) {
        attendance_waiting::Entity::delete_many()
            .filter(attendance_waiting::Column::Id.is_in(chunk.to_vec()))
            .exec(&txn)
            .await?;
    }
    txn.commit().await?;
    Ok(counted)
}

async fn add_count(
    db: &impl ConnectionTrait,
    assembly_id: i64,
    source: AttendanceSource,
    college: &str,
    count: i64,
) -> Result<(), DbErr> {
    let id = (assembly_id, source.key().to_owned(), college.to_owned());
    match attendance_count::Entity::find_by_id(id).one(db).await? {
        Some(known) => {
            let total = known.count + count;
            let mut changed: attendance_count::ActiveModel = known.into();
            changed.count = Set(total);
            changed.update(db).await?;
        }
        None => {
            attendance_count::ActiveModel {
                assembly_id: Set(assembly_id),
                source: Set(source.key().to_owned()),
                college: Set(college.to_owned()),
                count: Set(count),
            }
            .insert(db)
            .await?;
        }
    }
    Ok(())
}

/// A facilitator's door count replaces the last one whole: people per college.
pub async fn set_door_count(
    db: &DatabaseConnection,
    council_id: i64,
    assembly_id: i64,
    counts: &[(String, usize)],
    by: Option<i64>,
) -> Result<(), DbErr> {
    let txn = crate::store::begin_write(db).await?;
    attendance_count::Entity::delete_many()
        .filter(attendance_count::Column::AssemblyId.eq(assembly_id))
        .filter(attendance_count::Column::Source.eq(AttendanceSource::Door.key()))
        .exec(&txn)
        .await?;
    for (college, count) in counts.iter().filter(|(_, n)| *n > 0) {
        add_count(
            &txn,
            assembly_id,
            AttendanceSource::Door,
            college,
            i64::try_from(*count).unwrap_or(i64::MAX),
        )
        .await?;
    }
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    let detail = audit_detail(&[
        ("assembly", &assembly_id.to_string()),
        ("count", &total.to_string()),
    ]);
    crate::store::staff::record_audit(&txn, Some(council_id), by, "attendance-counted", &detail)
        .await?;
    txn.commit().await
}

/// The assembly's counted attendance from each source, per college (those still waiting,
/// sealed, are in none).
pub async fn headcount(db: &impl ConnectionTrait, assembly_id: i64) -> Result<Headcount, DbErr> {
    let rows = attendance_count::Entity::find()
        .filter(attendance_count::Column::AssemblyId.eq(assembly_id))
        .all(db)
        .await?;
    let of = |source: AttendanceSource| {
        rows.iter()
            .filter(|row| row.source == source.key())
            .map(|row| (row.college.clone(), usize::try_from(row.count).unwrap_or(0)))
            .collect()
    };
    Ok(Headcount {
        door: of(AttendanceSource::Door),
        declared: of(AttendanceSource::Declared),
    })
}

/// How many declarations wait, sealed, to be counted.
pub async fn waiting_count(db: &impl ConnectionTrait, assembly_id: i64) -> Result<u64, DbErr> {
    attendance_waiting::Entity::find()
        .filter(attendance_waiting::Column::AssemblyId.eq(assembly_id))
        .count(db)
        .await
}
