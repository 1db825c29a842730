//! A council's shared diagnosis: its objectives, its findings (drafts and published), and
//! the spreadsheet waiting to be imported. Every change is one transaction, in the audit
//! log without its texts.

use super::entities::{
    council, council_objective, finding, finding_import, testimony, vote_candidate,
};
use crate::domain::{
    CouncilObjective, CouncilSlug, Finding, FindingFields, ObjectiveKey, ObjectivePreset,
    SourceKind, Wording,
};
use sea_orm::QuerySelect;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, RelationTrait, Set, sea_query::JoinType,
};

/// Why a change to the diagnosis was refused.
#[derive(Debug, thiserror::Error)]
pub enum DiagnosisError {
    /// A rule, with its Fluent id.
    #[error("refused: {0}")]
    Refused(&'static str),
    #[error("not in this council")]
    NotFound,
    #[error(transparent)]
    Db(#[from] DbErr),
}

// ── Objectives ─────────────────────────────────────────────────────────────────────────

/// The council's objectives in its order.
pub async fn objectives_of(
    db: &impl ConnectionTrait,
    council_id: i64,
) -> Result<Vec<CouncilObjective>, DbErr> {
    council_objective::Entity::find()
        .filter(council_objective::Column::CouncilId.eq(council_id))
        .order_by_asc(council_objective::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .map(to_objective)
        .collect()
}

fn to_objective(row: council_objective::Model) -> Result<CouncilObjective, DbErr> {
    Ok(CouncilObjective {
        key: ObjectiveKey::parse(&row.key)
            .ok_or_else(|| DbErr::Custom(format!("stored objective {:?}", row.key)))?,
        label: row.label,
        label_easy: row.label_easy,
        picto: crate::domain::pictogram(&row.picto).to_owned(),
    })
}

/// Writes a council's objectives in order (a new council's, or a preset's).
pub(super) async fn insert_objectives(
    txn: &impl ConnectionTrait,
    council_id: i64,
    first_position: i32,
    objectives: &[CouncilObjective],
) -> Result<(), DbErr> {
    for (position, objective) in (first_position..).zip(objectives) {
        council_objective::ActiveModel {
            council_id: Set(council_id),
            key: Set(objective.key.as_str().to_owned()),
            label: Set(objective.label.clone()),
            label_easy: Set(objective.label_easy.clone()),
            picto: Set(crate::domain::pictogram(&objective.picto).to_owned()),
            position: Set(position),
            ..Default::default()
        }
        .insert(txn)
        .await?;
    }
    Ok(())
}

/// How many findings use each objective key of the council.
async fn objectives_in_use(
    txn: &impl ConnectionTrait,
    council_id: i64,
) -> Result<Vec<String>, DbErr> {
    finding::Entity::find()
        .select_only()
        .column(finding::Column::Objective)
        .filter(finding::Column::CouncilId.eq(council_id))
        .distinct()
        .into_tuple::<String>()
        .all(txn)
        .await
}

/// Takes a preset's objectives: those the council lacks are added in the preset's order;
/// those it has that no finding uses and the preset does not hold are removed; an objective
/// a finding uses always stays (after the preset's), so no finding loses its objective.
pub async fn apply_objective_preset(
    db: &DatabaseConnection,
    council_id: i64,
    preset: ObjectivePreset,
    by: Option<i64>,
) -> Result<(), DbErr> {
    let txn = super::begin_write(db).await?;
    let used = objectives_in_use(&txn, council_id).await?;
    let current = council_objective::Entity::find()
        .filter(council_objective::Column::CouncilId.eq(council_id))
        .order_by_asc(council_objective::Column::Position)
        .all(&txn)
        .await?;
    let wanted = preset.council_objectives();
    let in_preset = |key: &str| wanted.iter().any(|o| o.key.as_str() == key);
    let mut position = 0;
    for objective in &wanted {
        match current.iter().find(|row| row.key == objective.key.as_str()) {
            Some(row) => {
                let mut row: council_objective::ActiveModel = row.clone().into();
                row.position = Set(position);
                row.update(&txn).await?;
            }
            None => {
                insert_objectives(&txn, council_id, position, std::slice::from_ref(objective))
                    .await?
            }
        }
        position += 1;
    }
    for row in current.into_iter().filter(|row| !in_preset(&row.key)) {
        if used.contains(&row.key) {
            let mut row: council_objective::ActiveModel = row.into();
            row.position = Set(position);
            row.update(&txn).await?;
            position += 1;
        } else {
            council_objective::Entity::delete_by_id(row.id)
                .exec(&txn)
                .await?;
        }
    }
    let detail = crate::domain::audit_detail(&[("preset", preset.key())]);
    super::staff::record_audit(&txn, Some(council_id), by, "objectives-preset", &detail).await?;
    txn.commit().await
}

/// What a coordinator changes of an objective: its names (`None`: the preset's translated
/// name; a council's own objective needs one) and its pictogram.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObjectiveChange {
    pub label: Option<String>,
    pub label_easy: Option<String>,
    pub picto: &'static str,
}

pub async fn change_objective(
    db: &DatabaseConnection,
    council_id: i64,
    key: &str,
    change: ObjectiveChange,
    by: Option<i64>,
) -> Result<(), DiagnosisError> {
    let txn = super::begin_write(db).await?;
    let row = objective_row(&txn, council_id, key).await?;
    let preset = ObjectiveKey::parse(key).is_some_and(|k| k.is_preset());
    if change.label.is_none() && !preset {
        return Err(DiagnosisError::Refused("error-objective-label-short"));
    }
    let mut row: council_objective::ActiveModel = row.into();
    row.label = Set(change.label);
    row.label_easy = Set(change.label_easy);
    row.picto = Set(change.picto.to_owned());
    row.update(&txn).await?;
    let detail = crate::domain::audit_detail(&[("objective", key)]);
    super::staff::record_audit(&txn, Some(council_id), by, "objective-changed", &detail).await?;
    txn.commit().await?;
    Ok(())
}

async fn objective_row(
    txn: &impl ConnectionTrait,
    council_id: i64,
    key: &str,
) -> Result<council_objective::Model, DiagnosisError> {
    council_objective::Entity::find()
        .filter(council_objective::Column::CouncilId.eq(council_id))
        .filter(council_objective::Column::Key.eq(key))
        .one(txn)
        .await?
        .ok_or(DiagnosisError::NotFound)
}

/// Adds an objective of the council's own at the end, its key made from its name.
pub async fn add_objective(
    db: &DatabaseConnection,
    council_id: i64,
    label: &str,
    by: Option<i64>,
) -> Result<ObjectiveKey, DbErr> {
    let txn = super::begin_write(db).await?;
    let existing = council_objective::Entity::find()
        .filter(council_objective::Column::CouncilId.eq(council_id))
        .all(&txn)
        .await?;
    let taken: Vec<&str> = existing.iter().map(|o| o.key.as_str()).collect();
    let key = crate::domain::new_objective_key(label, &taken);
    let position = existing.iter().map(|o| o.position).max().unwrap_or(-1) + 1;
    let objective = CouncilObjective {
        key: key.clone(),
        label: Some(label.to_owned()),
        label_easy: None,
        picto: crate::domain::PICTOGRAMS[0].to_owned(),
    };
    insert_objectives(&txn, council_id, position, &[objective]).await?;
    let detail = crate::domain::audit_detail(&[("objective", key.as_str())]);
    super::staff::record_audit(&txn, Some(council_id), by, "objective-added", &detail).await?;
    txn.commit().await?;
    Ok(key)
}

/// Removes an objective no finding uses (one in use is refused: its findings would lose it).
pub async fn remove_objective(
    db: &DatabaseConnection,
    council_id: i64,
    key: &str,
    by: Option<i64>,
) -> Result<(), DiagnosisError> {
    let txn = super::begin_write(db).await?;
    let row = objective_row(&txn, council_id, key).await?;
    if objectives_in_use(&txn, council_id)
        .await?
        .iter()
        .any(|used| used == key)
    {
        return Err(DiagnosisError::Refused("error-objective-in-use"));
    }
    council_objective::Entity::delete_by_id(row.id)
        .exec(&txn)
        .await?;
    let detail = crate::domain::audit_detail(&[("objective", key)]);
    super::staff::record_audit(&txn, Some(council_id), by, "objective-removed", &detail).await?;
    txn.commit().await?;
    Ok(())
}

/// Moves an objective one place up or down; at either end nothing moves.
pub async fn move_objective(
    db: &DatabaseConnection,
    council_id: i64,
    key: &str,
    up: bool,
    by: Option<i64>,
) -> Result<(), DiagnosisError> {
    let txn = super::begin_write(db).await?;
    let rows = council_objective::Entity::find()
        .filter(council_objective::Column::CouncilId.eq(council_id))
        .order_by_asc(council_objective::Column::Position)
        .all(&txn)
        .await?;
    let at = rows
        .iter()
        .position(|o| o.key == key)
        .ok_or(DiagnosisError::NotFound)?;
    let other = if up { at.checked_sub(1) } else { Some(at + 1) };
    let Some(other) = other.filter(|other| *other < rows.len()) else {
        return Ok(());
    };
    let (a, b) = (rows[at].clone(), rows[other].clone());
    let (position_a, position_b) = (a.position, b.position);
    let mut a: council_objective::ActiveModel = a.into();
    a.position = Set(position_b);
    a.update(&txn).await?;
    let mut b: council_objective::ActiveModel = b.into();
    b.position = Set(position_a);
    b.update(&txn).await?;
    let detail = crate::domain::audit_detail(&[("objective", key)]);
    super::staff::record_audit(&txn, Some(council_id), by, "objective-moved", &detail).await?;
    txn.commit().await?;
    Ok(())
}

// ── Findings ───────────────────────────────────────────────────────────────────────────

/// The council's published findings in diagnosis order: what the public sees and votes on.
pub async fn findings_of_council(
    db: &DatabaseConnection,
    slug: &CouncilSlug,
) -> Result<Vec<Finding>, DbErr> {
    finding::Entity::find()
        .join(JoinType::InnerJoin, finding::Relation::Council.def())
        .filter(council::Column::Slug.eq(slug.as_str()))
        .filter(council::Column::ArchivedAt.is_null())
        .filter(finding::Column::Published.eq(true))
        .order_by_asc(finding::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .map(to_finding)
        .collect()
}

/// Every finding of the council, drafts too, in diagnosis order: the editor's list.
pub async fn all_findings(db: &DatabaseConnection, council_id: i64) -> Result<Vec<Finding>, DbErr> {
    finding::Entity::find()
        .filter(finding::Column::CouncilId.eq(council_id))
        .order_by_asc(finding::Column::Position)
        .order_by_asc(finding::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(to_finding)
        .collect()
}

/// One published finding, only if it belongs to the council named in the URL.
pub async fn finding_in_council(
    db: &DatabaseConnection,
    slug: &CouncilSlug,
    id: i64,
) -> Result<Option<Finding>, DbErr> {
    finding::Entity::find_by_id(id)
        .join(JoinType::InnerJoin, finding::Relation::Council.def())
        .filter(council::Column::Slug.eq(slug.as_str()))
        .filter(council::Column::ArchivedAt.is_null())
        .filter(finding::Column::Published.eq(true))
        .one(db)
        .await?
        .map(to_finding)
        .transpose()
}

/// One finding of the council, draft or published: the editor's.
pub async fn staff_finding(
    db: &DatabaseConnection,
    council_id: i64,
    id: i64,
) -> Result<Option<Finding>, DbErr> {
    finding::Entity::find_by_id(id)
        .filter(finding::Column::CouncilId.eq(council_id))
        .one(db)
        .await?
        .map(to_finding)
        .transpose()
}

fn to_finding(f: finding::Model) -> Result<Finding, DbErr> {
    let objective = ObjectiveKey::parse(&f.objective)
        .ok_or_else(|| DbErr::Custom(format!("stored objective {:?}", f.objective)))?;
    Ok(Finding {
        id: f.id,
        objective,
        title: Wording {
            plain: f.title,
            easy: f.title_easy,
        },
        summary: Wording {
            plain: f.summary,
            easy: f.summary_easy,
        },
        detail: Wording {
            plain: f.detail,
            easy: f.detail_easy,
        },
        source: f.source,
        source_kind: SourceKind::from_key(&f.source_kind).unwrap_or_default(),
        source_year: f.source_year,
        published: f.published,
    })
}

/// Whether `key` is one of the council's objectives (read inside the writing transaction,
/// so an objective removed meanwhile is not used).
async fn has_objective(
    txn: &impl ConnectionTrait,
    council_id: i64,
    key: &ObjectiveKey,
) -> Result<bool, DbErr> {
    Ok(council_objective::Entity::find()
        .filter(council_objective::Column::CouncilId.eq(council_id))
        .filter(council_objective::Column::Key.eq(key.as_str()))
        .count(txn)
        .await?
        > 0)
}

fn finding_row(council_id: i64, fields: &FindingFields) -> finding::ActiveModel {
    finding::ActiveModel {
        council_id: Set(council_id),
        objective: Set(fields.objective.as_str().to_owned()),
        title: Set(fields.title.plain.clone()),
        title_easy: Set(fields.title.easy.clone()),
        summary: Set(fields.summary.plain.clone()),
        summary_easy: Set(fields.summary.easy.clone()),
        detail: Set(fields.detail.plain.clone()),
        detail_easy: Set(fields.detail.easy.clone()),
        source: Set(fields.source.clone()),
        source_kind: Set(fields.source_kind.key().to_owned()),
        source_year: Set(fields.source_year),
        ..Default::default()
    }
}

/// Adds findings at the end of the council's diagnosis, published or as drafts; all or
/// none. Returns their ids.
pub(super) async fn insert_findings(
    txn: &impl ConnectionTrait,
    council_id: i64,
    findings: &[FindingFields],
    published: bool,
) -> Result<Vec<i64>, DiagnosisError> {
    let last = finding::Entity::find()
        .select_only()
        .column_as(finding::Column::Position.max(), "last")
        .filter(finding::Column::CouncilId.eq(council_id))
        .into_tuple::<Option<i32>>()
        .one(txn)
        .await?
        .flatten()
        .unwrap_or(-1);
    let mut ids = Vec::with_capacity(findings.len());
    for (position, fields) in (last + 1..).zip(findings) {
        if !has_objective(txn, council_id, &fields.objective).await? {
            return Err(DiagnosisError::Refused("error-finding-objective-unknown"));
        }
        let mut row = finding_row(council_id, fields);
        row.position = Set(position);
        row.published = Set(published);
        ids.push(row.insert(txn).await?.id);
    }
    Ok(ids)
}

/// A coordinator writes a new finding: a draft until published.
pub async fn add_finding(
    db: &DatabaseConnection,
    council_id: i64,
    fields: &FindingFields,
    by: Option<i64>,
) -> Result<i64, DiagnosisError> {
    let txn = super::begin_write(db).await?;
    let ids = insert_findings(&txn, council_id, std::slice::from_ref(fields), false).await?;
    let id = ids.first().copied().ok_or(DiagnosisError::NotFound)?;
    let detail = crate::domain::audit_detail(&[("finding", &id.to_string())]);
    super::staff::record_audit(&txn, Some(council_id), by, "finding-added", &detail).await?;
    txn.commit().await?;
    Ok(id)
}

pub(super) async fn finding_of(
    txn: &impl ConnectionTrait,
    council_id: i64,
    id: i64,
) -> Result<finding::Model, DiagnosisError> {
    finding::Entity::find_by_id(id)
        .filter(finding::Column::CouncilId.eq(council_id))
        .one(txn)
        .await?
        .ok_or(DiagnosisError::NotFound)
}

/// Rewrites a finding (its place and whether it is published stay).
pub async fn edit_finding(
    db: &DatabaseConnection,
    council_id: i64,
    id: i64,
    fields: &FindingFields,
    by: Option<i64>,
) -> Result<(), DiagnosisError> {
    let txn = super::begin_write(db).await?;
    let current = finding_of(&txn, council_id, id).await?;
    if !has_objective(&txn, council_id, &fields.objective).await? {
        return Err(DiagnosisError::Refused("error-finding-objective-unknown"));
    }
    let mut row = finding_row(council_id, fields);
    row.id = Set(current.id);
    row.position = Set(current.position);
    row.published = Set(current.published);
    row.update(&txn).await?;
    let detail = crate::domain::audit_detail(&[("finding", &id.to_string())]);
    super::staff::record_audit(&txn, Some(council_id), by, "finding-edited", &detail).await?;
    txn.commit().await?;
    Ok(())
}

/// Publishes or withdraws findings of the council (`ids`; all its drafts when `None`).
/// A withdrawn finding stays in the votes that already offered it.
pub async fn set_published(
    db: &DatabaseConnection,
    council_id: i64,
    ids: Option<&[i64]>,
    published: bool,
    by: Option<i64>,
) -> Result<u64, DiagnosisError> {
    let txn = super::begin_write(db).await?;
    let mut update = finding::Entity::update_many()
        .col_expr(finding::Column::Published, published.into())
        .filter(finding::Column::CouncilId.eq(council_id))
        .filter(finding::Column::Published.eq(!published));
    if let Some(ids) = ids {
        for id in ids {
            finding_of(&txn, council_id, *id).await?;
        }
        update = update.filter(finding::Column::Id.is_in(ids.iter().copied()));
    }
    let changed = update.exec(&txn).await?.rows_affected;
    let action = if published {
        "findings-published"
    } else {
        "findings-withdrawn"
    };
    let detail = crate::domain::audit_detail(&[("count", &changed.to_string())]);
    super::staff::record_audit(&txn, Some(council_id), by, action, &detail).await?;
    txn.commit().await?;
    Ok(changed)
}

/// Moves a finding one place up or down in the diagnosis.
pub async fn move_finding(
    db: &DatabaseConnection,
    council_id: i64,
    id: i64,
    up: bool,
    by: Option<i64>,
) -> Result<(), DiagnosisError> {
    let txn = super::begin_write(db).await?;
    let rows = finding::Entity::find()
        .filter(finding::Column::CouncilId.eq(council_id))
        .order_by_asc(finding::Column::Position)
        .order_by_asc(finding::Column::Id)
        .all(&txn)
        .await?;
    let at = rows
        .iter()
        .position(|f| f.id == id)
        .ok_or(DiagnosisError::NotFound)?;
    let other = if up { at.checked_sub(1) } else { Some(at + 1) };
    let Some(other) = other.filter(|other| *other < rows.len()) else {
        return Ok(());
    };
    // Every position is rewritten from the list's order: an import's equal positions, if
    // any, cannot make two findings swap into the same place.
    let mut order: Vec<i64> = rows.iter().map(|f| f.id).collect();
    order.swap(at, other);
    for (position, id) in (0..).zip(order) {
        finding::Entity::update_many()
            .col_expr(
                finding::Column::Position,
                sea_orm::sea_query::Expr::value(position),
            )
            .filter(finding::Column::Id.eq(id))
            .exec(&txn)
            .await?;
    }
    let detail = crate::domain::audit_detail(&[("finding", &id.to_string())]);
    super::staff::record_audit(&txn, Some(council_id), by, "finding-moved", &detail).await?;
    txn.commit().await?;
    Ok(())
}

/// Deletes a finding nothing refers to; one a vote offered or a testimony supports is
/// refused (withdraw it instead: results and testimonies keep naming it).
pub async fn delete_finding(
    db: &DatabaseConnection,
    council_id: i64,
    id: i64,
    by: Option<i64>,
) -> Result<(), DiagnosisError> {
    let txn = super::begin_write(db).await?;
    finding_of(&txn, council_id, id).await?;
    let in_votes = vote_candidate::Entity::find()
        .filter(vote_candidate::Column::FindingId.eq(id))
        .count(&txn)
        .await?;
    let in_testimonies = testimony::Entity::find()
        .filter(testimony::Column::FindingId.eq(id))
        .count(&txn)
        .await?;
    if in_votes + in_testimonies > 0 {
        return Err(DiagnosisError::Refused("error-finding-in-use"));
    }
    finding::Entity::delete_by_id(id).exec(&txn).await?;
    let detail = crate::domain::audit_detail(&[("finding", &id.to_string())]);
    super::staff::record_audit(&txn, Some(council_id), by, "finding-deleted", &detail).await?;
    txn.commit().await?;
    Ok(())
}

// ── Import ─────────────────────────────────────────────────────────────────────────────

/// A spreadsheet read and checked, waiting for its coordinator to confirm.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingImport {
    pub file_name: String,
    pub findings: Vec<FindingFields>,
}

/// Keeps a checked file for its preview, in place of the council's previous one.
pub async fn hold_import(
    db: &DatabaseConnection,
    council_id: i64,
    file_name: &str,
    findings: &[FindingFields],
) -> Result<(), DbErr> {
    let json = serde_json::to_string(findings).map_err(|e| DbErr::Custom(e.to_string()))?;
    let txn = super::begin_write(db).await?;
    finding_import::Entity::delete_many()
        .filter(finding_import::Column::CouncilId.eq(council_id))
        .exec(&txn)
        .await?;
    finding_import::ActiveModel {
        council_id: Set(council_id),
        file_name: Set(file_name.chars().take(200).collect()),
        findings: Set(json),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    txn.commit().await
}

/// The file waiting for the council's confirmation, if any.
pub async fn pending_import(
    db: &impl ConnectionTrait,
    council_id: i64,
) -> Result<Option<PendingImport>, DbErr> {
    let Some(row) = finding_import::Entity::find()
        .filter(finding_import::Column::CouncilId.eq(council_id))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let findings = serde_json::from_str(&row.findings)
        .map_err(|e| DbErr::Custom(format!("stored import: {e}")))?;
    Ok(Some(PendingImport {
        file_name: row.file_name,
        findings,
    }))
}

/// Imports the waiting file's findings as drafts (all or none) and forgets the file; or,
/// `confirm` false, forgets it. Returns how many were imported.
pub async fn settle_import(
    db: &DatabaseConnection,
    council_id: i64,
    confirm: bool,
    by: Option<i64>,
) -> Result<usize, DiagnosisError> {
    let txn = super::begin_write(db).await?;
    let pending = pending_import(&txn, council_id)
        .await?
        .ok_or(DiagnosisError::NotFound)?;
    finding_import::Entity::delete_many()
        .filter(finding_import::Column::CouncilId.eq(council_id))
        .exec(&txn)
        .await?;
    let count = if confirm {
        insert_findings(&txn, council_id, &pending.findings, false).await?;
        let detail = crate::domain::audit_detail(&[("count", &pending.findings.len().to_string())]);
        super::staff::record_audit(&txn, Some(council_id), by, "findings-imported", &detail)
            .await?;
        pending.findings.len()
    } else {
        0
    };
    txn.commit().await?;
    Ok(count)
}

mod evidence;
pub use evidence::*;
