//! The fictional demo council, created by `agora seed-demo` and by `agora serve --demo`.

mod content;

use agora_app::domain::{College, CollegeKey, CouncilSlug, DEFAULT_COLLEGES, Objective, Wording};
use agora_app::store::{NewCouncil, NewFinding, council_by_slug, insert_council};
use sea_orm::DatabaseConnection;

pub struct DemoCouncil {
    pub slug: &'static str,
    pub name: &'static str,
    pub territory: &'static str,
    pub description: &'static str,
    pub description_easy: &'static str,
    pub findings: &'static [DemoFinding],
}

pub struct DemoFinding {
    pub objective: Objective,
    pub title: &'static str,
    pub title_easy: &'static str,
    pub summary: &'static str,
    pub summary_easy: &'static str,
    pub detail: &'static str,
    pub detail_easy: &'static str,
    pub source: &'static str,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Seeded {
    Created,
    AlreadyThere,
}

/// The demo council's slug, for tests and documentation.
pub fn slug() -> &'static str {
    content::COUNCIL.slug
}

pub fn council() -> anyhow::Result<NewCouncil> {
    let demo = &content::COUNCIL;
    let wording = |plain: &str, easy: &str| Wording {
        plain: plain.to_owned(),
        easy: easy.to_owned(),
    };
    Ok(NewCouncil {
        slug: CouncilSlug::parse(demo.slug)?,
        name: demo.name.to_owned(),
        territory: demo.territory.to_owned(),
        description: wording(demo.description, demo.description_easy),
        colleges: DEFAULT_COLLEGES
            .iter()
            .filter_map(|key| CollegeKey::parse(key))
            .map(|key| College { key, label: None })
            .collect(),
        findings: demo
            .findings
            .iter()
            .map(|f| NewFinding {
                objective: f.objective,
                title: wording(f.title, f.title_easy),
                summary: wording(f.summary, f.summary_easy),
                detail: wording(f.detail, f.detail_easy),
                source: f.source.to_owned(),
            })
            .collect(),
    })
}

/// Creates the demo council unless a council with its slug exists.
pub async fn seed(db: &DatabaseConnection) -> anyhow::Result<Seeded> {
    let council = council()?;
    if council_by_slug(db, &council.slug).await?.is_some() {
        return Ok(Seeded::AlreadyThere);
    }
    let council_id = insert_council(db, &council).await?;
    seed_assembly(db, council_id).await?;
    Ok(Seeded::Created)
}

/// A published assembly three weeks ahead, with its agenda, so that every screen of the
/// plenary has something to show.
async fn seed_assembly(db: &DatabaseConnection, council_id: i64) -> anyhow::Result<i64> {
    use agora_app::domain::{AgendaItemFields, AssemblyFields};
    use agora_app::store::assemblies;
    let day = chrono::Utc::now().date_naive() + chrono::Duration::days(21);
    let fields = AssemblyFields::check(
        content::ASSEMBLY_TITLE,
        &format!("{}T18:30", day.format("%Y-%m-%d")),
        content::ASSEMBLY_PLACE,
        content::ASSEMBLY_ACCESSIBILITY,
    )
    .map_err(|error| anyhow::anyhow!("demo assembly: {error:?}"))?;
    let id = assemblies::create_assembly(db, council_id, &fields, None).await?;
    for (title, summary, easy) in content::AGENDA {
        let item = AgendaItemFields::check(title, summary, easy)
            .map_err(|error| anyhow::anyhow!("demo agenda: {error:?}"))?;
        assemblies::add_agenda_item(db, council_id, id, &item, None).await?;
    }
    assemblies::set_published(db, council_id, id, true, None).await?;
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_council_is_well_formed() {
        let council = council().map_err(|e| e.to_string());
        assert!(council.is_ok(), "{council:?}");
        let Ok(council) = council else { return };
        assert_eq!(council.colleges.len(), 6);
        assert!((10..=14).contains(&council.findings.len()));
        for objective in Objective::ALL {
            assert!(
                council.findings.iter().any(|f| f.objective == objective),
                "no finding for {objective:?}"
            );
        }
        for f in &council.findings {
            for w in [&f.title, &f.summary, &f.detail] {
                assert!(
                    !w.plain.trim().is_empty() && !w.easy.trim().is_empty(),
                    "{}",
                    f.title.plain
                );
            }
            assert!(f.title.plain.chars().count() <= 200);
        }
    }
}
