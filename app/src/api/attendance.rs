//! Attendance at an assembly, by college, never by person: participants say they are there
//! from the live page (their college sealed and counted in groups, `store::room::attendance`),
//! a facilitator counts at the door (`/{slug}/assemblees/{id}/presence`), and the assembly's
//! page shows the figure once it is over, with the small-group rule.

use super::AppError;
use super::forms::PageFlash;
use crate::domain::College;
use crate::domain::attendance::{AttendanceShown, AttendanceSource};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What a page shows of an assembly's attendance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendanceFigure {
    pub source: AttendanceSource,
    pub shown: AttendanceShown,
    pub min_group: usize,
}

/// `/{slug}/assemblees/{id}/presence`, for the facilitators.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendancePage {
    pub council_slug: String,
    pub council_name: String,
    pub assembly_id: i64,
    pub assembly_title: String,
    pub colleges: Vec<College>,
    /// The last door count, per college key.
    pub door: BTreeMap<String, usize>,
    /// What participants declared, counted so far, as shown (small-group rule).
    pub declared: Option<AttendanceShown>,
    /// Declarations sealed, waiting for enough others to be counted.
    pub waiting: u64,
    pub min_group: usize,
    pub flash: PageFlash,
}

#[server(endpoint = "attendance")]
pub async fn load_attendance(slug: String, id: String) -> Result<AttendancePage, AppError> {
    use crate::domain::Permission;
    use crate::store::room::attendance;
    let db = super::request::db()?;
    let call = super::edge::require(&db, &slug, Permission::ModerateLive).await?;
    let council = call.council;
    let assembly = super::edge::assembly_of(&db, council.id, &id).await?;
    server::settle(&db, assembly).await?;
    let title = crate::store::assemblies::assembly_in_council(&db, council.id, assembly, true)
        .await?
        .map(|a| a.title)
        .unwrap_or_default();
    let headcount = attendance::headcount(&db, assembly).await?;
    let declared = server::in_council_order(&council.colleges, &headcount.declared);
    Ok(AttendancePage {
        council_slug: slug,
        council_name: council.name,
        assembly_id: assembly,
        assembly_title: title,
        door: headcount.door.into_iter().collect(),
        declared: declared
            .iter()
            .any(|(_, n)| *n > 0)
            .then(|| crate::domain::attendance::shown(&declared, council.min_group)),
        waiting: attendance::waiting_count(&db, assembly).await?,
        min_group: council.min_group,
        colleges: council.colleges,
        flash: super::forms::take_page_flash()?,
    })
}

/// A participant says they are in the room, and in which college; once.
#[server(endpoint = "declare_presence")]
pub async fn declare_presence(
    slug: String,
    assembly: String,
    #[server(default)] college: String,
) -> Result<(), AppError> {
    use crate::store::room::attendance::{self, AttendanceError};
    let db = super::request::db()?;
    let council = super::edge::council(&db, &slug).await?;
    let id = super::edge::assembly_of(&db, council.id, &assembly).await?;
    let back = format!("/{slug}/assemblees/{id}/direct#presence");
    let participant = super::request::writer()?;
    let voter = crate::store::room::voter_key(&participant, id);
    let offered: Vec<String> = crate::domain::offered_colleges(&council.colleges)
        .into_iter()
        .map(|c| c.key.as_str().to_owned())
        .collect();
    let key = super::request::seal_key()?;
    let refused = |field: Option<&str>, message: &str| {
        super::forms::refuse(
            super::forms::FormEcho::new("presence", field, message, &[("college", &college)]),
            &back,
        )
    };
    match attendance::declare(&db, &key, id, &voter, college.trim(), &offered).await {
        Ok(_) => super::forms::done("saved-attendance-declared", &back),
        Err(AttendanceError::NotFound) => Err(AppError::NotFound.with_status()),
        Err(AttendanceError::Db(error)) => Err(error.into()),
        Err(AttendanceError::UnknownCollege) => {
            refused(Some("college"), "error-attendance-college")
        }
        Err(AttendanceError::DeclaredAlready) => refused(None, "error-attendance-already"),
        Err(AttendanceError::Closed) => refused(None, "error-attendance-closed"),
    }
}

/// A facilitator's door count, per college (`counts[college]`): replaces the last one.
#[server(endpoint = "save_door_count")]
pub async fn save_door_count(
    slug: String,
    assembly: String,
    #[server(default)] counts: BTreeMap<String, String>,
) -> Result<(), AppError> {
    use crate::domain::Permission;
    use crate::domain::attendance::parse_door_count;
    let db = super::request::db()?;
    let call = super::edge::require(&db, &slug, Permission::ModerateLive).await?;
    let council = &call.council;
    let id = super::edge::assembly_of(&db, council.id, &assembly).await?;
    let back = format!("/{slug}/assemblees/{id}/presence");
    let values: Vec<(String, String)> = counts
        .iter()
        .map(|(college, raw)| (format!("counts[{college}]"), raw.clone()))
        .collect();
    let echoed: Vec<(&str, &str)> = values
        .iter()
        .map(|(name, raw)| (name.as_str(), raw.as_str()))
        .collect();
    let mut counted = Vec::new();
    // Every college of the council, in its order, retired ones too (a count typed before
    // one was retired stays its own); a name the council has not is not a college.
    for (college, raw) in &counts {
        if !council.colleges.iter().any(|c| c.key.as_str() == college) {
            return Err(AppError::NotFound.with_status());
        }
        match parse_door_count(raw, "count") {
            Ok(n) => counted.push((college.clone(), n)),
            Err(error) => {
                let field = format!("counts[{college}]");
                return super::forms::refuse(
                    super::forms::FormEcho::new("door", Some(&field), error.message, &echoed),
                    &back,
                );
            }
        }
    }
    crate::store::room::attendance::set_door_count(
        &db,
        council.id,
        id,
        &counted,
        Some(call.account_id),
    )
    .await?;
    super::forms::done("saved-attendance-counted", &back)
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use super::AttendanceFigure;
    use crate::api::AppError;
    use crate::domain::College;
    use crate::domain::attendance::shown;
    use sea_orm::DatabaseConnection;

    /// People per college in the council's order, every college named (0 when none).
    pub fn in_council_order(
        colleges: &[College],
        counts: &[(String, usize)],
    ) -> Vec<(String, usize)> {
        let mut ordered: Vec<(String, usize)> = colleges
            .iter()
            .map(|c| {
                let key = c.key.as_str().to_owned();
                let n = counts
                    .iter()
                    .filter(|(k, _)| *k == key)
                    .map(|(_, n)| n)
                    .sum();
                (key, n)
            })
            .collect();
        // A college since removed from the council still counts, after the others.
        for (key, n) in counts {
            if !ordered.iter().any(|(k, _)| k == key) {
                ordered.push((key.clone(), *n));
            }
        }
        ordered
    }

    /// Counts what waits, sealed, once the assembly is over (nobody declares any more).
    pub async fn settle(db: &DatabaseConnection, assembly: i64) -> Result<(), AppError> {
        let key = crate::api::request::seal_key()?;
        crate::store::room::attendance::mix(db, &key, assembly).await?;
        Ok(())
    }

    /// The figure an ended assembly is known by, as pages show it; `None` before it ends
    /// or when nobody was counted.
    pub async fn figure(
        db: &DatabaseConnection,
        colleges: &[College],
        min_group: usize,
        assembly: i64,
        ended: bool,
    ) -> Result<Option<AttendanceFigure>, AppError> {
        if !ended {
            return Ok(None);
        }
        settle(db, assembly).await?;
        let headcount = crate::store::room::attendance::headcount(db, assembly).await?;
        Ok(headcount.chosen().map(|(source, counts)| AttendanceFigure {
            source,
            shown: shown(&in_council_order(colleges, counts), min_group),
            min_group,
        }))
    }
}
