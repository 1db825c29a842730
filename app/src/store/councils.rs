//! Queries on councils, their colleges and their findings.

use super::entities::{college, council, finding};
use crate::domain::{
    College, CollegeKey, Council, CouncilObjective, CouncilSlug, CouncilSummary, FindingFields,
    ObjectivePreset, Wording,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};
use std::collections::HashMap;

/// A council to create, with its colleges and its diagnosis.
#[derive(Debug, Clone)]
pub struct NewCouncil {
    pub slug: CouncilSlug,
    pub name: String,
    pub territory: String,
    pub description: Wording,
    pub colleges: Vec<College>,
    pub objectives: Vec<CouncilObjective>,
    /// Published at once (each uses one of `objectives`).
    pub findings: Vec<FindingFields>,
}

/// Creates a council with its colleges, objectives and findings in one transaction: all or
/// nothing.
pub async fn insert_council(db: &DatabaseConnection, new: &NewCouncil) -> Result<i64, DbErr> {
    let txn = crate::store::begin_write(db).await?;
    let created = council::ActiveModel {
        slug: Set(new.slug.to_string()),
        name: Set(new.name.clone()),
        territory: Set(new.territory.clone()),
        description: Set(new.description.plain.clone()),
        description_easy: Set(new.description.easy.clone()),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    for (position, college) in (0..).zip(&new.colleges) {
        college::ActiveModel {
            council_id: Set(created.id),
            key: Set(college.key.as_str().to_owned()),
            label: Set(college.label.clone()),
            position: Set(position),
            label_easy: Set(college.label_easy.clone()),
            picto: Set(college.picto.clone()),
            retired: Set(college.retired),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    super::diagnosis::insert_objectives(&txn, created.id, 0, &new.objectives).await?;
    super::diagnosis::insert_findings(&txn, created.id, &new.findings, true)
        .await
        .map_err(|error| match error {
            super::diagnosis::DiagnosisError::Db(error) => error,
            other => DbErr::Custom(other.to_string()),
        })?;
    txn.commit().await?;
    Ok(created.id)
}

pub async fn has_councils(db: &DatabaseConnection) -> Result<bool, DbErr> {
    Ok(council::Entity::find().count(db).await? > 0)
}

pub async fn list_councils(db: &DatabaseConnection) -> Result<Vec<CouncilSummary>, DbErr> {
    let counts: HashMap<i64, i64> = finding::Entity::find()
        .select_only()
        .column(finding::Column::CouncilId)
        .column_as(finding::Column::Id.count(), "n")
        .filter(finding::Column::Published.eq(true))
        .group_by(finding::Column::CouncilId)
        .into_tuple::<(i64, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    council::Entity::find()
        .filter(council::Column::ArchivedAt.is_null())
        .filter(council::Column::Listed.eq(true))
        .order_by_asc(council::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .map(|c| {
            Ok(CouncilSummary {
                slug: stored_slug(&c.slug)?,
                name: c.name,
                territory: c.territory,
                finding_count: counts.get(&c.id).copied().unwrap_or(0).unsigned_abs(),
            })
        })
        .collect()
}

/// A council as a request's edge sees it: its row id, what pages show of it, and the
/// smallest group its results show on their own; read once per request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CouncilRecord {
    pub id: i64,
    pub council: Council,
    pub min_group: usize,
}

/// The council a slug names, with its colleges in their order.
pub async fn council_record(
    db: &DatabaseConnection,
    slug: &CouncilSlug,
) -> Result<Option<CouncilRecord>, DbErr> {
    let Some(found) = council::Entity::find()
        .filter(council::Column::Slug.eq(slug.as_str()))
        .filter(council::Column::ArchivedAt.is_null())
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let colleges = colleges_of(db, found.id).await?;
    Ok(Some(CouncilRecord {
        id: found.id,
        min_group: usize::try_from(found.min_group_size)
            .unwrap_or(crate::domain::MIN_GROUP_DEFAULT as usize),
        council: Council {
            slug: stored_slug(&found.slug)?,
            name: found.name,
            territory: found.territory,
            description: Wording {
                plain: found.description,
                easy: found.description_easy,
            },
            colleges,
        },
    }))
}

/// The council's colleges in its order, retired ones too (they name past choices).
pub async fn colleges_of(
    db: &impl sea_orm::ConnectionTrait,
    council_id: i64,
) -> Result<Vec<College>, DbErr> {
    college::Entity::find()
        .filter(college::Column::CouncilId.eq(council_id))
        .order_by_asc(college::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .map(|c| {
            let key = CollegeKey::parse(&c.key)
                .ok_or_else(|| DbErr::Custom(format!("stored college key {:?}", c.key)))?;
            Ok(College {
                key,
                label: c.label,
                label_easy: c.label_easy,
                picto: c.picto.map(|p| crate::domain::pictogram(&p).to_owned()),
                retired: c.retired,
            })
        })
        .collect()
}

/// What pages show of the council a slug names.
pub async fn council_by_slug(
    db: &DatabaseConnection,
    slug: &CouncilSlug,
) -> Result<Option<Council>, DbErr> {
    Ok(council_record(db, slug).await?.map(|record| record.council))
}

fn stored_slug(raw: &str) -> Result<CouncilSlug, DbErr> {
    CouncilSlug::parse(raw).map_err(|e| DbErr::Custom(format!("stored slug {raw:?}: {e}")))
}

/// The council's minimum group size: breakdowns merge or hide smaller groups.
pub async fn min_group_size(
    db: &impl sea_orm::ConnectionTrait,
    council_id: i64,
) -> Result<usize, DbErr> {
    Ok(council::Entity::find_by_id(council_id)
        .one(db)
        .await?
        .and_then(|council| usize::try_from(council.min_group_size).ok())
        .unwrap_or(crate::domain::MIN_GROUP_DEFAULT as usize))
}

/// The year the council came to Agora: its first annual report.
pub async fn council_first_year(
    db: &impl sea_orm::ConnectionTrait,
    council_id: i64,
) -> Result<i32, DbErr> {
    Ok(council::Entity::find_by_id(council_id)
        .one(db)
        .await?
        .map_or(crate::domain::report::YEAR_FIRST, |council| {
            chrono::Datelike::year(&council.created_at)
        }))
}

/// The council's own help resources, one per line (none: only the national numbers).
pub async fn local_help(db: &DatabaseConnection, council_id: i64) -> Result<Vec<String>, DbErr> {
    Ok(council::Entity::find_by_id(council_id)
        .one(db)
        .await?
        .map(|council| {
            council
                .local_help
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default())
}

/// Sets the council's local help (already checked: `domain::parse_local_help`), in the
/// audit log.
pub async fn set_local_help(
    db: &DatabaseConnection,
    council_id: i64,
    lines: &[String],
    by: Option<i64>,
) -> Result<(), DbErr> {
    use sea_orm::{ActiveModelTrait, IntoActiveModel};
    let txn = super::begin_write(db).await?;
    let Some(row) = council::Entity::find_by_id(council_id).one(&txn).await? else {
        return Err(DbErr::RecordNotFound(format!("council {council_id}")));
    };
    let mut row = row.into_active_model();
    row.local_help = Set(lines.join("\n"));
    row.update(&txn).await?;
    super::staff::record_audit(
        &txn,
        Some(council_id),
        by,
        "council-local-help",
        &format!("lines={}", lines.len()),
    )
    .await?;
    txn.commit().await
}

/// Sets the council's minimum group size (already checked: `domain::parse_min_group_size`),
/// in the audit log with the size before and after.
pub async fn set_min_group_size(
    db: &DatabaseConnection,
    council_id: i64,
    size: u32,
    by: Option<i64>,
) -> Result<(), DbErr> {
    use sea_orm::{ActiveModelTrait, IntoActiveModel};
    let txn = super::begin_write(db).await?;
    let Some(row) = council::Entity::find_by_id(council_id).one(&txn).await? else {
        return Err(DbErr::RecordNotFound(format!("council {council_id}")));
    };
    let before = row.min_group_size;
    let mut row = row.into_active_model();
    row.min_group_size = Set(i32::try_from(size).unwrap_or(i32::MAX));
    row.update(&txn).await?;
    super::staff::record_audit(
        &txn,
        Some(council_id),
        by,
        "council-min-group",
        &format!("group={before}→{size}"),
    )
    .await?;
    txn.commit().await
}

/// Why the operator's change to the councils hosted was refused.
#[derive(Debug, thiserror::Error)]
pub enum HostingError {
    /// A rule on the name or territory, with its Fluent id.
    #[error("refused: {0}")]
    Refused(&'static str),
    /// Another council, in use or archived, has this address.
    #[error("slug taken")]
    SlugTaken,
    #[error("no such council")]
    NotFound,
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// Hosts a new council: its name and territory, the default colleges, the objectives of
/// `preset`, no findings yet (its coordinators write the diagnosis). Returns its id.
/// Recorded in the audit log.
pub async fn create_council(
    db: &DatabaseConnection,
    slug: &CouncilSlug,
    name: &str,
    territory: &str,
    preset: ObjectivePreset,
) -> Result<i64, HostingError> {
    use crate::domain::{COUNCIL_NAME_MAX, TERRITORY_MAX, clean_council_text};
    let name = clean_council_text(name, COUNCIL_NAME_MAX, true).map_err(HostingError::Refused)?;
    let territory =
        clean_council_text(territory, TERRITORY_MAX, false).map_err(HostingError::Refused)?;
    let taken = council::Entity::find()
        .filter(council::Column::Slug.eq(slug.as_str()))
        .count(db)
        .await?;
    if taken > 0 {
        return Err(HostingError::SlugTaken);
    }
    let new = NewCouncil {
        slug: slug.clone(),
        name,
        territory,
        description: Wording {
            plain: String::new(),
            easy: String::new(),
        },
        colleges: crate::domain::DEFAULT_COLLEGES
            .iter()
            .filter_map(|key| CollegeKey::parse(key))
            .map(College::new)
            .collect(),
        objectives: preset.council_objectives(),
        findings: Vec::new(),
    };
    // Two operators creating the same address at once: the unique index refuses the second.
    let id = insert_council(db, &new).await.map_err(|error| {
        if matches!(
            error.sql_err(),
            Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
        ) {
            HostingError::SlugTaken
        } else {
            HostingError::Db(error)
        }
    })?;
    crate::store::staff::record_audit(db, Some(id), None, "council-created", "").await?;
    Ok(id)
}

/// Archives a council (`archived`: true) or brings it back: archived, it is listed nowhere
/// and every page and function that names it answers 404; all it holds is kept.
pub async fn set_archived(
    db: &DatabaseConnection,
    slug: &CouncilSlug,
    archived: bool,
) -> Result<(), HostingError> {
    let txn = crate::store::begin_write(db).await?;
    let found = council::Entity::find()
        .filter(council::Column::Slug.eq(slug.as_str()))
        .one(&txn)
        .await?
        .ok_or(HostingError::NotFound)?;
    let id = found.id;
    let mut changed: council::ActiveModel = found.into();
    changed.archived_at = Set(archived.then(chrono::Utc::now));
    changed.update(&txn).await?;
    let action = if archived {
        "council-archived"
    } else {
        "council-restored"
    };
    crate::store::staff::record_audit(&txn, Some(id), None, action, "").await?;
    txn.commit().await?;
    Ok(())
}

/// A council as the operator sees it: in use or archived.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostedCouncil {
    pub slug: String,
    pub name: String,
    pub territory: String,
    pub archived: bool,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

/// Every council of the instance, archived ones too, by address.
pub async fn hosted_councils(db: &DatabaseConnection) -> Result<Vec<HostedCouncil>, DbErr> {
    Ok(council::Entity::find()
        .order_by_asc(council::Column::Slug)
        .all(db)
        .await?
        .into_iter()
        .map(|c| HostedCouncil {
            slug: c.slug,
            name: c.name,
            territory: c.territory,
            archived: c.archived_at.is_some(),
            created_at: c.created_at,
        })
        .collect())
}

/// What the council says of itself (`domain::CouncilProfile`).
pub async fn council_profile(
    db: &DatabaseConnection,
    council_id: i64,
) -> Result<Option<crate::domain::CouncilProfile>, DbErr> {
    Ok(council::Entity::find_by_id(council_id)
        .one(db)
        .await?
        .map(|c| crate::domain::CouncilProfile {
            name: c.name,
            territory: c.territory,
            description: Wording {
                plain: c.description,
                easy: c.description_easy,
            },
            chair: c.chair,
            co_host: c.co_host,
            contact: c.contact,
            listed: c.listed,
            picto: c.picto.map(|p| crate::domain::pictogram(&p).to_owned()),
        }))
}

/// Saves what the council says of itself (already checked: `CouncilProfile::check`), in the
/// audit log (without the texts).
pub async fn set_council_profile(
    db: &DatabaseConnection,
    council_id: i64,
    profile: &crate::domain::CouncilProfile,
    by: Option<i64>,
) -> Result<(), DbErr> {
    use sea_orm::IntoActiveModel;
    let txn = super::begin_write(db).await?;
    let Some(row) = council::Entity::find_by_id(council_id).one(&txn).await? else {
        return Err(DbErr::RecordNotFound(format!("council {council_id}")));
    };
    let mut row = row.into_active_model();
    row.name = Set(profile.name.clone());
    row.territory = Set(profile.territory.clone());
    row.description = Set(profile.description.plain.clone());
    row.description_easy = Set(profile.description.easy.clone());
    row.chair = Set(profile.chair.clone());
    row.co_host = Set(profile.co_host.clone());
    row.contact = Set(profile.contact.clone());
    row.listed = Set(profile.listed);
    row.picto = Set(profile
        .picto
        .as_deref()
        .map(|p| crate::domain::pictogram(p).to_owned()));
    row.update(&txn).await?;
    let listed = if profile.listed { "yes" } else { "no" };
    super::staff::record_audit(
        &txn,
        Some(council_id),
        by,
        "council-profile",
        &crate::domain::audit_detail(&[("listed", listed)]),
    )
    .await?;
    txn.commit().await
}

/// Why a change to a council's colleges was refused.
#[derive(Debug, thiserror::Error)]
pub enum CollegeError {
    /// A rule on the name, with its Fluent id.
    #[error("refused: {0}")]
    Refused(&'static str),
    #[error("no such college in this council")]
    NotFound,
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// What a coordinator writes of a college: its name (`None`: a default college's translated
/// name), its easy-read name and its pictogram (one of `PICTOGRAMS`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CollegeNames {
    pub label: Option<String>,
    pub label_easy: Option<String>,
    pub picto: Option<&'static str>,
}

/// Renames a college of the council (names already checked: `clean_college_label`). Its
/// key never changes.
pub async fn rename_college(
    db: &DatabaseConnection,
    council_id: i64,
    key: &str,
    names: CollegeNames,
    by: Option<i64>,
) -> Result<(), CollegeError> {
    let CollegeNames {
        label,
        label_easy,
        picto,
    } = names;
    let txn = super::begin_write(db).await?;
    let row = college::Entity::find()
        .filter(college::Column::CouncilId.eq(council_id))
        .filter(college::Column::Key.eq(key))
        .one(&txn)
        .await?
        .ok_or(CollegeError::NotFound)?;
    let is_default = crate::domain::DEFAULT_COLLEGES.contains(&key);
    if label.is_none() && !is_default {
        // Only a default college has a name without a label.
        return Err(CollegeError::Refused("error-college-label-short"));
    }
    let mut row: college::ActiveModel = row.into();
    row.label = Set(label);
    row.label_easy = Set(label_easy);
    row.picto = Set(picto.map(str::to_owned));
    row.update(&txn).await?;
    let detail = crate::domain::audit_detail(&[("college", key)]);
    super::staff::record_audit(&txn, Some(council_id), by, "college-renamed", &detail).await?;
    txn.commit().await?;
    Ok(())
}

/// Adds a college at the end of the council's list, its key made from its name
/// (`new_college_key`); returns the key.
pub async fn add_college(
    db: &DatabaseConnection,
    council_id: i64,
    label: &str,
    by: Option<i64>,
) -> Result<CollegeKey, CollegeError> {
    let txn = super::begin_write(db).await?;
    let existing = college::Entity::find()
        .filter(college::Column::CouncilId.eq(council_id))
        .all(&txn)
        .await?;
    let taken: Vec<&str> = existing.iter().map(|c| c.key.as_str()).collect();
    let key = crate::domain::new_college_key(label, &taken);
    let position = existing.iter().map(|c| c.position).max().unwrap_or(-1) + 1;
    college::ActiveModel {
        council_id: Set(council_id),
        key: Set(key.as_str().to_owned()),
        label: Set(Some(label.to_owned())),
        position: Set(position),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let detail = crate::domain::audit_detail(&[("college", key.as_str())]);
    super::staff::record_audit(&txn, Some(council_id), by, "college-added", &detail).await?;
    txn.commit().await?;
    Ok(key)
}

/// Moves a college one place up (`up`) or down in the council's order; at either end,
/// nothing moves.
pub async fn move_college(
    db: &DatabaseConnection,
    council_id: i64,
    key: &str,
    up: bool,
    by: Option<i64>,
) -> Result<(), CollegeError> {
    let txn = super::begin_write(db).await?;
    let rows = college::Entity::find()
        .filter(college::Column::CouncilId.eq(council_id))
        .order_by_asc(college::Column::Position)
        .all(&txn)
        .await?;
    let at = rows
        .iter()
        .position(|c| c.key == key)
        .ok_or(CollegeError::NotFound)?;
    let other = if up { at.checked_sub(1) } else { Some(at + 1) };
    let Some(other) = other.filter(|other| *other < rows.len()) else {
        return Ok(());
    };
    let (a, b) = (rows[at].clone(), rows[other].clone());
    // Positions are exchanged, so the list stays in one order whatever else moved.
    let (position_a, position_b) = (a.position, b.position);
    let mut a: college::ActiveModel = a.into();
    a.position = Set(position_b);
    a.update(&txn).await?;
    let mut b: college::ActiveModel = b.into();
    b.position = Set(position_a);
    b.update(&txn).await?;
    let detail = crate::domain::audit_detail(&[("college", key)]);
    super::staff::record_audit(&txn, Some(council_id), by, "college-moved", &detail).await?;
    txn.commit().await?;
    Ok(())
}

/// The council's first steps (`domain::FirstSteps`), read from what it holds.
pub async fn first_steps(
    db: &DatabaseConnection,
    council_id: i64,
) -> Result<crate::domain::FirstSteps, DbErr> {
    use super::entities::{assembly, audit_event, invitation, staff_role};
    let profile = council::Entity::find_by_id(council_id)
        .one(db)
        .await?
        .is_some_and(|c| !c.description.trim().is_empty());
    let colleges = audit_event::Entity::find()
        .filter(audit_event::Column::CouncilId.eq(council_id))
        .filter(audit_event::Column::Action.starts_with("college-"))
        .count(db)
        .await?
        > 0;
    let findings = finding::Entity::find()
        .filter(finding::Column::CouncilId.eq(council_id))
        .filter(finding::Column::Published.eq(true))
        .count(db)
        .await?
        > 0;
    let members = staff_role::Entity::find()
        .filter(staff_role::Column::CouncilId.eq(council_id))
        .count(db)
        .await?;
    let invited = invitation::Entity::find()
        .filter(invitation::Column::CouncilId.eq(council_id))
        .count(db)
        .await?;
    let assembly = assembly::Entity::find()
        .filter(assembly::Column::CouncilId.eq(council_id))
        .count(db)
        .await?
        > 0;
    Ok(crate::domain::FirstSteps {
        profile,
        colleges,
        findings,
        // The first coordinator came by an invitation too: one more member or invitation.
        team: members > 1 || invited > 1,
        assembly,
    })
}

/// Retires a college (`retired`: no longer offered on forms; still named in past results and
/// exports) or offers it again. The last college offered cannot be retired.
pub async fn set_college_retired(
    db: &DatabaseConnection,
    council_id: i64,
    key: &str,
    retired: bool,
    by: Option<i64>,
) -> Result<(), CollegeError> {
    let txn = super::begin_write(db).await?;
    let rows = college::Entity::find()
        .filter(college::Column::CouncilId.eq(council_id))
        .all(&txn)
        .await?;
    let row = rows
        .iter()
        .find(|c| c.key == key)
        .cloned()
        .ok_or(CollegeError::NotFound)?;
    if retired && rows.iter().filter(|c| !c.retired && c.key != key).count() == 0 {
        return Err(CollegeError::Refused("error-college-last"));
    }
    let mut row: college::ActiveModel = row.into();
    row.retired = Set(retired);
    row.update(&txn).await?;
    let detail = crate::domain::audit_detail(&[("college", key)]);
    let action = if retired {
        "college-retired"
    } else {
        "college-restored"
    };
    super::staff::record_audit(&txn, Some(council_id), by, action, &detail).await?;
    txn.commit().await?;
    Ok(())
}
