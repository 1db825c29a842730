//! The fictional demo council, created by `agora seed-demo` and by `agora serve --demo`.

pub mod content;

use agora_app::domain::{
    College, CollegeKey, CouncilSlug, DEFAULT_COLLEGES, FindingFields, ObjectiveKey,
    ObjectivePreset, SourceKind, Wording,
};
use agora_app::store::seal::SealKey;
use agora_app::store::{NewCouncil, council_by_slug};
use sea_orm::DatabaseConnection;

pub struct DemoCouncil {
    pub slug: &'static str,
    pub name: &'static str,
    pub territory: &'static str,
    pub description: &'static str,
    pub description_easy: &'static str,
    pub chair: &'static str,
    pub co_host: &'static str,
    pub contact: &'static str,
    pub findings: &'static [DemoFinding],
}

pub struct DemoFinding {
    /// A key of the national preset.
    pub objective: &'static str,
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
            .map(College::new)
            .collect(),
        objectives: ObjectivePreset::National.council_objectives(),
        findings: demo
            .findings
            .iter()
            .map(|f| {
                Ok(FindingFields {
                    objective: ObjectiveKey::parse(f.objective)
                        .ok_or_else(|| anyhow::anyhow!("demo objective {}", f.objective))?,
                    title: wording(f.title, f.title_easy),
                    summary: wording(f.summary, f.summary_easy),
                    detail: wording(f.detail, f.detail_easy),
                    source: f.source.to_owned(),
                    source_kind: source_kind(f.source),
                    source_year: source_year(f.source),
                })
            })
            .collect::<anyhow::Result<_>>()?,
    })
}

/// What the demo's sources rest on, read from how they are written: surveys are figures,
/// interviews and testimony are words, both when both are named.
fn source_kind(source: &str) -> SourceKind {
    let lower = source.to_lowercase();
    let figures = ["questionnaire", "enquête", "réponses", "bilan", "données"]
        .iter()
        .any(|word| lower.contains(word));
    let words = ["entretien", "témoignage", "groupe", "rencontre"]
        .iter()
        .any(|word| lower.contains(word));
    match (figures, words) {
        (true, true) => SourceKind::Mixed,
        (true, false) => SourceKind::Quantitative,
        (false, true) => SourceKind::Qualitative,
        (false, false) => SourceKind::Unsaid,
    }
}

/// The latest year a demo source names.
fn source_year(source: &str) -> Option<i32> {
    source
        .split(|c: char| !c.is_ascii_digit())
        .filter(|run| run.len() == 4)
        .filter_map(|run| run.parse::<i32>().ok())
        .filter(|year| agora_app::domain::SOURCE_YEARS.contains(year))
        .max()
}

/// Creates the demo council unless a council with its slug exists: hosted, then set up,
/// through the functions the operator's and the coordinator's pages call.
pub async fn seed(db: &DatabaseConnection, key: &SealKey) -> anyhow::Result<Seeded> {
    use agora_app::domain::CouncilProfile;
    use agora_app::store::{create_council, diagnosis, set_council_profile};
    let council = council()?;
    if council_by_slug(db, &council.slug).await?.is_some() {
        return Ok(Seeded::AlreadyThere);
    }
    let demo = &content::COUNCIL;
    let council_id = create_council(
        db,
        &council.slug,
        &council.name,
        &council.territory,
        ObjectivePreset::National,
    )
    .await
    .map_err(|error| anyhow::anyhow!("hosting the demo council: {error}"))?;
    let profile = CouncilProfile::check(
        demo.name,
        demo.territory,
        demo.description,
        demo.description_easy,
        demo.chair,
        demo.co_host,
        demo.contact,
        true,
    )
    .map_err(|(field, why)| anyhow::anyhow!("the demo's profile: {field}: {why}"))?;
    set_council_profile(db, council_id, &profile, None).await?;
    for finding in &council.findings {
        diagnosis::add_finding(db, council_id, finding, None)
            .await
            .map_err(|error| anyhow::anyhow!("a demo finding: {error}"))?;
    }
    diagnosis::set_published(db, council_id, None, true, None)
        .await
        .map_err(|error| anyhow::anyhow!("publishing the demo's findings: {error}"))?;
    for [
        kind,
        name,
        description,
        easy,
        address,
        hours,
        phone,
        website,
        access,
    ] in content::RESOURCES
    {
        let fields = agora_app::domain::ResourceFields::check(
            kind,
            name,
            description,
            easy,
            address,
            hours,
            phone,
            website,
            access,
        )
        .map_err(|e| anyhow::anyhow!("the demo's resource {name}: {} {}", e.field, e.message))?;
        agora_app::store::resources::save_resource(db, council_id, None, &fields, None)
            .await
            .map_err(|error| anyhow::anyhow!("a demo resource: {error}"))?;
    }
    let assembly = seed_assembly(db, council_id).await?;
    seed_bodies(db, council_id).await?;
    seed_votes(db, key, council_id, assembly).await?;
    seed_survey(db, key, council_id, content::SURVEY_TITLE).await?;
    let closed = seed_closed_survey(db, key, council_id).await?;
    seed_evidence(db, council_id, closed).await?;
    Ok(Seeded::Created)
}

/// Two votes: one open now (ranking, counted by Schulze) for the coming assembly, and one
/// closed, with ballots from every college, so that the results pages have something to
/// show — including a difference between the raw and the equal-colleges counts.
async fn seed_votes(
    db: &DatabaseConnection,
    key: &SealKey,
    council_id: i64,
    assembly: i64,
) -> anyhow::Result<()> {
    use agora_app::domain::tally::{Choice, Integrity, Method};
    use agora_app::domain::vote::VoteState;
    use agora_app::domain::{DEFAULT_COLLEGES, ParticipantId};
    use agora_app::store::entities::finding;
    use agora_app::store::votes::{self, NewVote, Voter};
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    let findings: Vec<i64> = finding::Entity::find()
        .filter(finding::Column::CouncilId.eq(council_id))
        .order_by_asc(finding::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .map(|f| f.id)
        .take(5)
        .collect();
    let colleges: Vec<String> = DEFAULT_COLLEGES.iter().map(|c| (*c).to_owned()).collect();
    let now = chrono::Utc::now();
    let open = votes::create_vote(
        db,
        NewVote {
            council_id,
            assembly_id: Some(assembly),
            title: content::VOTE_OPEN_TITLE,
            colleges: &colleges,
            method: Method::Schulze,
            integrity: Integrity::Open,
            findings: &findings,
            max_points: 0,
            max_points_per_candidate: 0,
            opens_at: now - chrono::Duration::hours(1),
            closes_at: now + chrono::Duration::days(21),
            by: None,
        },
    )
    .await?;
    votes::set_state(db, council_id, open, VoteState::Open, None).await?;
    let closed = votes::create_vote(
        db,
        NewVote {
            council_id,
            assembly_id: None,
            title: content::VOTE_CLOSED_TITLE,
            colleges: &colleges,
            method: Method::Approval,
            integrity: Integrity::Open,
            findings: &findings,
            max_points: 0,
            max_points_per_candidate: 0,
            opens_at: now - chrono::Duration::days(30),
            closes_at: now + chrono::Duration::hours(1),
            by: None,
        },
    )
    .await?;
    votes::set_state(db, council_id, closed, VoteState::Open, None).await?;
    // Many residents favour the first findings; fewer usagers and carers the last ones.
    for (college, count, approved) in content::VOTE_CLOSED_BALLOTS {
        for n in 0..*count {
            let participant = ParticipantId::from_random(rand::random());
            let choice = Choice::Approval(
                approved
                    .iter()
                    .copied()
                    .filter(|&c| c < findings.len() && (n % 3 != 0 || c != approved[0]))
                    .collect(),
            );
            votes::cast(
                db,
                key,
                closed,
                Voter::Participant(&participant),
                college,
                choice,
                now,
            )
            .await?;
        }
    }
    votes::set_state(db, council_id, closed, VoteState::Closed, None).await?;
    votes::mix(db, key, closed, now).await?;
    seed_priorities(db, council_id, closed, &findings).await
}

/// What the autumn consultation became: the steering committee's priorities.
async fn seed_priorities(
    db: &DatabaseConnection,
    council_id: i64,
    vote_id: i64,
    findings: &[i64],
) -> anyhow::Result<()> {
    use agora_app::domain::Wording;
    use agora_app::domain::priority::PriorityDraft;
    use agora_app::store::priorities::{self, PriorityScope};
    let scope = PriorityScope {
        council_id,
        vote_id,
        by: None,
    };
    let today = chrono::Utc::now().date_naive();
    for ((title, title_easy), (reason, reason_easy), positions) in content::PRIORITIES_ADOPTED {
        let draft = PriorityDraft {
            title: Wording {
                plain: (*title).to_owned(),
                easy: (*title_easy).to_owned(),
            },
            reason: Wording {
                plain: (*reason).to_owned(),
                easy: (*reason_easy).to_owned(),
            },
            findings: positions
                .iter()
                .filter_map(|&p| findings.get(p).copied())
                .collect(),
            decided_on: today,
            decided_by: content::PRIORITIES_DECIDED_BY.to_owned(),
        };
        priorities::add(db, scope, &draft).await?;
    }
    seed_actions(db, council_id, vote_id).await
}

/// The roadmap's first actions, under way, one per adopted priority.
async fn seed_actions(
    db: &DatabaseConnection,
    council_id: i64,
    vote_id: i64,
) -> anyhow::Result<()> {
    use agora_app::domain::action::{ActionDraft, ActionStatus, UpdateDraft};
    use agora_app::store::{priorities, programme};
    let wording = |(plain, easy): &(&str, &str)| Wording {
        plain: (*plain).to_owned(),
        easy: (*easy).to_owned(),
    };
    let today = chrono::Utc::now().date_naive();
    let adopted = priorities::of_vote(db, vote_id).await?;
    for (priority, (title, summary, lead, partners, budget, update)) in
        adopted.iter().zip(content::ACTIONS)
    {
        let draft = ActionDraft {
            title: wording(title),
            summary: wording(summary),
            priority: Some(priority.id),
            objective: None,
            lead: (*lead).to_owned(),
            partners: (*partners).to_owned(),
            public: String::new(),
            budget: *budget,
            funder: budget.map(|_| "ARS".to_owned()).unwrap_or_default(),
            starts_on: today - chrono::Duration::days(60),
            ends_on: None,
        };
        let id = programme::save_action(db, council_id, None, &draft, None).await?;
        let news = UpdateDraft {
            on: today - chrono::Duration::days(10),
            text: wording(update),
            status: Some(ActionStatus::UnderWay),
        };
        programme::add_update(db, council_id, id, &news, None).await?;
    }
    Ok(())
}

/// An open survey for the diagnosis, with profile questions and every kind of question.
async fn seed_survey(
    db: &DatabaseConnection,
    key: &SealKey,
    council_id: i64,
    title: (&str, &str),
) -> anyhow::Result<i64> {
    use agora_app::domain::survey::{QuestionDraft, SurveyState};
    use agora_app::store::surveys::{self, NewSurvey};
    let wording = |(plain, easy): (&str, &str)| Wording {
        plain: plain.to_owned(),
        easy: easy.to_owned(),
    };
    let question =
        |(kind, prompt, required, profile, options): content::DemoQuestion| QuestionDraft {
            kind,
            prompt: wording(prompt),
            required,
            profile,
            options: options.iter().map(|o| wording(*o)).collect(),
        };
    let id = surveys::create_survey(
        db,
        &NewSurvey {
            council_id,
            title: wording(title),
            intro: wording(content::SURVEY_INTRO),
            one_per_person: false,
            sections: content::SURVEY_SECTIONS
                .iter()
                .map(|(title, questions)| {
                    (
                        wording(*title),
                        questions.iter().map(|q| question(*q)).collect(),
                    )
                })
                .collect(),
            by: None,
        },
    )
    .await
    .map_err(|error| anyhow::anyhow!("demo survey: {error}"))?;
    surveys::set_survey_state(db, key, council_id, id, SurveyState::Open, None)
        .await
        .map_err(|error| anyhow::anyhow!("demo survey: {error}"))?;
    Ok(id)
}

/// The closed survey's questions on knowing where to turn, linked to the finding on crises
/// (`content::EVIDENCE`), so that its public page shows what the survey found.
async fn seed_evidence(
    db: &DatabaseConnection,
    council_id: i64,
    survey: i64,
) -> anyhow::Result<()> {
    use agora_app::store::diagnosis;
    let (finding_title, prompts) = content::EVIDENCE;
    let finding = diagnosis::all_findings(db, council_id)
        .await?
        .into_iter()
        .find(|f| f.title.plain == finding_title)
        .ok_or_else(|| anyhow::anyhow!("the demo's finding on crises"))?;
    for prompt in prompts {
        let question = diagnosis::evidence_choices(db, council_id)
            .await?
            .into_iter()
            .find(|q| q.survey_id == survey && q.prompt.plain == *prompt)
            .ok_or_else(|| anyhow::anyhow!("the demo's survey question {prompt}"))?;
        diagnosis::link_evidence(db, council_id, finding.id, question.question_id, None)
            .await
            .map_err(|error| anyhow::anyhow!("linking the demo's evidence: {error}"))?;
    }
    Ok(())
}

/// The same survey, answered by 42 people and closed, so that its results page shows
/// figures and a breakdown by college (with small colleges merged).
async fn seed_closed_survey(
    db: &DatabaseConnection,
    key: &SealKey,
    council_id: i64,
) -> anyhow::Result<i64> {
    use agora_app::domain::survey::{QuestionKind, SurveyState, answer_key};
    use agora_app::store::surveys;
    let id = seed_survey(db, key, council_id, content::SURVEY_CLOSED_TITLE).await?;
    let view = surveys::survey_view(db, council_id, id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("demo survey"))?;
    let questions: Vec<_> = view.questions().cloned().collect();
    // Per college (by its option's position): how many answered.
    for (college, count) in content::SURVEY_CLOSED_RESPONSES {
        for n in 0..*count {
            let mut form = std::collections::BTreeMap::new();
            for (i, question) in questions.iter().enumerate() {
                let pick = |k: usize| question.options[(n + k) % question.options.len()].0;
                match question.kind {
                    QuestionKind::Single if question.profile.is_some() && i == 0 => {
                        form.insert(
                            answer_key(question.id, None),
                            question.options[*college].0.to_string(),
                        );
                    }
                    QuestionKind::Single => {
                        form.insert(answer_key(question.id, None), pick(*college).to_string());
                    }
                    QuestionKind::Multiple => {
                        form.insert(answer_key(question.id, Some(pick(0))), "on".into());
                    }
                    QuestionKind::Scale => {
                        form.insert(
                            answer_key(question.id, None),
                            (1 + (n + college) % 5).to_string(),
                        );
                    }
                    QuestionKind::Ranking => {
                        form.insert(answer_key(question.id, Some(pick(*college))), "1".into());
                    }
                    QuestionKind::LongText => {
                        // A few written answers, waiting for a moderator.
                        if let Some(text) = content::SURVEY_CLOSED_TEXTS
                            .get(n)
                            .filter(|_| *college == 0)
                        {
                            form.insert(answer_key(question.id, None), (*text).to_owned());
                        }
                    }
                    QuestionKind::ShortText => {}
                }
            }
            surveys::submit_response(db, key, council_id, id, &form, "")
                .await
                .map_err(|error| anyhow::anyhow!("demo survey response: {error}"))?;
        }
    }
    surveys::set_survey_state(db, key, council_id, id, SurveyState::Closed, None)
        .await
        .map_err(|error| anyhow::anyhow!("demo survey: {error}"))?;
    Ok(id)
}

/// The council's steering committee and a working group, with their members: the seats per
/// college show the finding the council started from (few seats for usagers and carers).
async fn seed_bodies(db: &DatabaseConnection, council_id: i64) -> anyhow::Result<()> {
    use agora_app::domain::body::{BodyFields, BodyForm, MemberFields, MemberForm};
    use agora_app::store::bodies;
    let colleges = agora_app::store::colleges_of(db, council_id).await?;
    for (kind, name, purpose, purpose_easy, members) in content::BODIES {
        let fields = BodyFields::check(
            &BodyForm {
                kind,
                name,
                purpose,
                purpose_easy,
                priority: "",
            },
            &[],
        )
        .map_err(|error| anyhow::anyhow!("demo body: {error:?}"))?;
        let body = bodies::save_body(db, council_id, None, &fields, None).await?;
        for (display_name, organisation, college, role) in *members {
            let member = MemberFields::check(
                &MemberForm {
                    display_name,
                    organisation,
                    college,
                    role,
                    contact: "",
                },
                &colleges,
            )
            .map_err(|error| anyhow::anyhow!("demo member {display_name}: {error:?}"))?;
            bodies::save_member(db, council_id, body, None, &member, None).await?;
        }
    }
    Ok(())
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
    let id = assemblies::create_assembly(db, council_id, &fields, None, None).await?;
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
    fn demo_sources_say_their_kind_and_latest_year() {
        assert_eq!(
            source_kind("Questionnaire habitant·es, 2025 (412 réponses) ; entretiens"),
            SourceKind::Mixed
        );
        assert_eq!(source_kind("Enquête, 2024"), SourceKind::Quantitative);
        assert_eq!(
            source_kind("Entretiens avec des aidant·es"),
            SourceKind::Qualitative
        );
        assert_eq!(source_year("bilan du relogement 2023–2025"), Some(2025));
        assert_eq!(source_year("412 réponses"), None);
        let council = council().map_err(|e| e.to_string());
        assert!(
            council.is_ok_and(|c| c.findings.iter().all(|f| f.source_year.is_some())),
            "every demo finding names its year"
        );
    }

    #[test]
    fn demo_council_is_well_formed() {
        let council = council().map_err(|e| e.to_string());
        assert!(council.is_ok(), "{council:?}");
        let Ok(council) = council else { return };
        assert_eq!(council.colleges.len(), 6);
        assert!((10..=14).contains(&council.findings.len()));
        for objective in &council.objectives {
            assert!(
                council
                    .findings
                    .iter()
                    .any(|f| f.objective == objective.key),
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
