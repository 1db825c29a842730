//! Priority votes on the web: a council's votes, setting one up, the ballot in steps (fill
//! in, move findings up and down, review, cast) as plain form posts, the results, the
//! printed sheet of one-time codes, and the export of the anonymous ballots.
//!
//! A ballot being filled in travels between its steps in the flash cookie (HttpOnly, scoped
//! to the vote's page, read once), never in a URL: a shared tablet's history keeps nothing.

// A server function takes one argument per form field: a ballot has many.
#![allow(clippy::too_many_arguments)]

mod codes;
mod priorities;
mod results;
pub use codes::*;
pub use priorities::*;
pub use results::*;

use super::AppError;
use super::forms::PageFlash;
use crate::domain::vote::{BallotDraft, VoteInfo, VoteResults};
use crate::domain::{Assembly, College, Finding};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VotesPage {
    pub council_slug: String,
    pub council_name: String,
    /// Open and closed votes for everyone; drafts too for those who prepare them.
    pub votes: Vec<VoteInfo>,
    pub can_prepare: bool,
    /// What a new vote is set up from (empty unless `can_prepare`).
    pub findings: Vec<Finding>,
    pub colleges: Vec<College>,
    pub assemblies: Vec<Assembly>,
    pub flash: PageFlash,
}

/// Where a ballot stands between two form posts.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct BallotProgress {
    pub draft: BallotDraft,
    /// The voter asked to review it before casting.
    pub reviewing: bool,
    /// The move just made (`up-3`), so the page puts the focus back on it.
    pub moved: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VotePage {
    pub council_slug: String,
    pub council_name: String,
    pub vote: VoteInfo,
    /// The council's colleges, for their names.
    pub colleges: Vec<College>,
    /// This browser's participant has cast a ballot (open votes).
    pub voted: bool,
    pub step: BallotProgress,
    /// May open, close, reveal and print codes.
    pub can_run: bool,
    pub can_read_results: bool,
    /// For staff who run it: writes to this vote the rate limits refused (since the server
    /// started).
    pub refused_writes: Option<u64>,
    pub flash: PageFlash,
}

#[server(endpoint = "votes")]
pub async fn load_votes(slug: String) -> Result<VotesPage, AppError> {
    use crate::domain::Permission;
    let db = server::db()?;
    let crate::api::edge::CouncilRef {
        id: council_id,
        slug: council_slug,
        name: council_name,
        colleges,
        ..
    } = crate::api::edge::council(&db, &slug).await?;
    let can_prepare = server::allowed(&db, council_id, Permission::PrepareAssemblies)
        .await?
        .is_some();
    let votes =
        crate::store::votes::votes_of(&db, council_id, can_prepare, chrono::Utc::now()).await?;
    let (findings, colleges, assemblies) = if can_prepare {
        (
            crate::store::findings_of_council(&db, &council_slug).await?,
            crate::domain::offered_colleges(&colleges),
            // A vote's page is public: it may belong to an assembly open to all only.
            crate::store::assemblies::assemblies_of(
                &db,
                council_id,
                true,
                &crate::domain::body::Viewer::default(),
            )
            .await?,
        )
    } else {
        (Vec::new(), Vec::new(), Vec::new())
    };
    Ok(VotesPage {
        council_slug: slug,
        council_name,
        votes,
        can_prepare,
        findings,
        colleges,
        assemblies,
        flash: super::forms::take_page_flash()?,
    })
}

/// Sets up a vote (a draft: nothing is asked of anyone until it is opened).
#[server(endpoint = "create_vote")]
pub async fn create_vote(
    slug: String,
    title: String,
    method: String,
    integrity: String,
    #[server(default)] findings: BTreeMap<String, String>,
    #[server(default)] colleges: BTreeMap<String, String>,
    opens_at: String,
    closes_at: String,
    #[server(default)] max_points: String,
    #[server(default)] max_points_per_candidate: String,
    #[server(default)] assembly: String,
) -> Result<(), AppError> {
    use crate::domain::Permission;
    use crate::domain::vote::{VoteFields, VoteForm};
    let db = server::db()?;
    let crate::api::edge::StaffCall {
        council: crate::api::edge::CouncilRef { id: council_id, .. },
        account_id: caller,
        ..
    } = crate::api::edge::require(&db, &slug, Permission::PrepareAssemblies).await?;
    let back = format!("/{slug}/votes");
    let chosen_findings = findings.keys().cloned().collect::<Vec<_>>().join(",");
    let chosen_colleges = colleges.keys().cloned().collect::<Vec<_>>().join(",");
    let values = [
        ("title", title.as_str()),
        ("method", method.as_str()),
        ("integrity", integrity.as_str()),
        ("findings", chosen_findings.as_str()),
        ("colleges", chosen_colleges.as_str()),
        ("opens_at", opens_at.as_str()),
        ("closes_at", closes_at.as_str()),
        ("max_points", max_points.as_str()),
        (
            "max_points_per_candidate",
            max_points_per_candidate.as_str(),
        ),
        ("assembly", assembly.as_str()),
    ];
    let form = VoteForm {
        title: &title,
        method: &method,
        integrity: &integrity,
        findings: findings.keys().map(String::as_str).collect(),
        colleges: colleges.keys().map(String::as_str).collect(),
        opens_at: &opens_at,
        closes_at: &closes_at,
        max_points: &max_points,
        max_points_per_candidate: &max_points_per_candidate,
    };
    let Some(fields) = super::forms::checked("vote", &values, &back, VoteFields::check(&form))?
    else {
        return Ok(());
    };
    match server::create(&db, council_id, caller, &fields, &assembly).await? {
        Ok(id) => super::forms::done("saved-vote-created", &format!("/{slug}/votes/{id}")),
        Err((field, message)) => super::forms::refuse(
            super::forms::FormEcho::new("vote", Some(field), message, &values),
            &back,
        ),
    }
}

#[server(endpoint = "vote")]
pub async fn load_vote(slug: String, id: String) -> Result<VotePage, AppError> {
    use crate::domain::Permission;
    let db = server::db()?;
    let crate::api::edge::CouncilRef {
        id: council_id,
        name: council_name,
        colleges,
        ..
    } = crate::api::edge::council(&db, &slug).await?;
    let access = crate::api::edge::caller_access(&db, council_id).await?;
    let can = |permission| access.is_some_and(|access| access.can(permission));
    let (can_prepare, can_run) = (
        can(Permission::PrepareAssemblies),
        can(Permission::ModerateLive),
    );
    let can_read_results = can(Permission::ReadResults);
    let vote = server::vote(&db, council_id, &id, can_prepare || can_run).await?;
    let participant = super::request::participant();
    let voted = match &participant {
        Some(participant) => crate::store::votes::has_voted(&db, vote.id, participant).await?,
        None => false,
    };
    let flash = super::forms::take_page_flash()?;
    let step = server::step_of(&flash, &vote);
    let refused_writes = can_run
        .then(|| super::request::refused_writes(crate::services::refused::Target::Vote(vote.id)));
    Ok(VotePage {
        refused_writes,
        council_slug: slug.clone(),
        council_name,
        colleges,
        vote,
        voted,
        step,
        can_run,
        can_read_results,
        flash,
    })
}

/// One step of filling in a ballot, without casting it: `step` is `review`, `edit` (back
/// from the review), or a move (`up-3`, `down-3`).
#[server(endpoint = "ballot_step")]
pub async fn ballot_step(
    slug: String,
    vote: String,
    step: String,
    #[server(default)] college: String,
    #[server(default)] code: String,
    #[server(default)] order: String,
    #[server(default)] approved: BTreeMap<String, String>,
    #[server(default)] points: BTreeMap<String, String>,
    #[server(default)] grade: BTreeMap<String, String>,
) -> Result<(), AppError> {
    let db = server::db()?;
    let setup = server::setup(&db, &slug, &vote).await?;
    let back = format!("/{slug}/votes/{}", setup.id);
    let (mut draft, problems) =
        server::read(&setup, &college, &code, &order, &approved, &points, &grade);
    let mut next = BallotProgress::default();
    match step.as_str() {
        "review" => {
            if let Some(problem) = problems.first() {
                return server::refuse_ballot(&draft, problem, &back);
            }
            next.reviewing = true;
        }
        "edit" => {}
        requested => {
            if draft.apply_move(requested).is_some() {
                next.moved = Some(requested.to_owned());
            }
        }
    }
    next.draft = draft;
    server::carry(&next, &back)
}

/// Casts a ballot: its rules checked again, then stored secretly (see store::votes).
#[server(endpoint = "cast_ballot")]
pub async fn cast_ballot(
    slug: String,
    vote: String,
    #[server(default)] college: String,
    #[server(default)] code: String,
    #[server(default)] order: String,
    #[server(default)] approved: BTreeMap<String, String>,
    #[server(default)] points: BTreeMap<String, String>,
    #[server(default)] grade: BTreeMap<String, String>,
) -> Result<(), AppError> {
    use crate::domain::tally::Integrity;
    use crate::store::votes::CastError;
    let db = server::db()?;
    let setup = server::setup(&db, &slug, &vote).await?;
    let back = format!("/{slug}/votes/{}", setup.id);
    let (draft, problems) =
        server::read(&setup, &college, &code, &order, &approved, &points, &grade);
    if let Some(problem) = problems.first() {
        return server::refuse_ballot(&draft, problem, &back);
    }
    let participant = super::request::writer()?;
    let request = crate::store::votes::CastRequest {
        vote_id: setup.id,
        voter: match setup.integrity {
            Integrity::Open => crate::store::votes::CastVoter::Participant(participant),
            Integrity::Strict => crate::store::votes::CastVoter::Code(draft.code.clone()),
        },
        college: draft.college.clone(),
        choice: draft.choice(setup.rules.method),
    };
    let outcome = server::ballot_box()?.cast(request).await;
    let (field, message) = match outcome {
        Ok(()) => return super::forms::done("saved-ballot-cast", &back),
        Err(CastError::NotFound) => return Err(AppError::NotFound.with_status()),
        Err(CastError::Db(error)) => return Err(error.into()),
        Err(CastError::Unavailable) => return Err(AppError::Unavailable.with_status()),
        Err(CastError::NotOpen) => (None, "error-vote-not-open"),
        Err(CastError::AlreadyVoted) => (None, "error-ballot-already"),
        Err(CastError::CodeNotValid) => (Some("code"), "error-ballot-code-not-valid"),
        Err(CastError::WrongVoter | CastError::Invalid(_)) => (None, "error-ballot-invalid"),
    };
    let problem = crate::domain::vote::BallotProblem {
        field: field.unwrap_or_default().to_owned(),
        message,
    };
    server::refuse_ballot(&draft, &problem, &back)
}

/// Staff run a vote: `open`, `close`, `reveal` or `hide` (the results before closing).
#[server(endpoint = "run_vote")]
pub async fn run_vote(slug: String, vote: String, action: String) -> Result<(), AppError> {
    use crate::domain::Permission;
    use crate::domain::vote::VoteState;
    use crate::store::votes::{self, VoteError};
    let db = server::db()?;
    let crate::api::edge::StaffCall {
        council: crate::api::edge::CouncilRef { id: council_id, .. },
        account_id: caller,
        ..
    } = crate::api::edge::require(&db, &slug, Permission::ModerateLive).await?;
    let id = crate::api::edge::id(&vote)?;
    let back = format!("/{slug}/votes/{id}");
    let by = Some(caller);
    let done = match action.as_str() {
        "open" => votes::set_state(&db, council_id, id, VoteState::Open, by).await,
        "close" => match votes::set_state(&db, council_id, id, VoteState::Closed, by).await {
            // Closed: whatever waits goes into the box, mixed with all of it.
            Ok(()) => votes::mix(&db, &server::seal_key()?, id, chrono::Utc::now())
                .await
                .map(|_| ())
                .map_err(VoteError::Db),
            refused => refused,
        },
        "reveal" => votes::set_revealed(&db, council_id, id, true, by).await,
        "hide" => votes::set_revealed(&db, council_id, id, false, by).await,
        _ => Err(VoteError::Refused("error-vote-state")),
    };
    match done {
        Ok(()) => {
            // The assembly's room hears of it (a vote offered on phones the moment it opens,
            // its results the moment they are public). The vote's change is already kept:
            // a room that missed this event still shows the vote right in its next snapshot.
            match crate::services::room::vote_changed(&db, id).await {
                Ok(Some(event)) => super::assemblies::publish(event).await,
                Ok(None) => {}
                Err(error) => tracing::warn!(%error, vote = id, "vote change not told to its room"),
            }
            super::forms::done(&format!("saved-vote-{action}"), &back)
        }
        Err(VoteError::NotFound | VoteError::UnknownFinding | VoteError::UnknownAssembly) => {
            Err(AppError::NotFound.with_status())
        }
        Err(VoteError::Refused(message)) => super::forms::refuse(
            super::forms::FormEcho::new("run", None, message, &[]),
            &back,
        ),
        Err(VoteError::Db(error)) => Err(error.into()),
    }
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use super::BallotProgress;
    use crate::api::AppError;
    use crate::api::forms::{FormEcho, PageFlash};
    use crate::domain::vote::{
        BallotDraft, BallotForm, BallotProblem, BallotSetting, VoteFields, VoteInfo,
    };
    use sea_orm::DatabaseConnection;
    use std::collections::BTreeMap;

    pub use crate::api::edge::caller_allowed as allowed;
    pub use crate::api::request::{db, seal_key};

    /// The vote named in the URL, if it is the council's (a draft only for `staff`).
    pub async fn vote(
        db: &DatabaseConnection,
        council_id: i64,
        id: &str,
        staff: bool,
    ) -> Result<VoteInfo, AppError> {
        let id = crate::api::edge::id(id)?;
        crate::store::votes::vote_info(db, council_id, id, staff, chrono::Utc::now())
            .await?
            .ok_or_else(|| AppError::NotFound.with_status())
    }

    pub async fn create(
        db: &DatabaseConnection,
        council_id: i64,
        caller: i64,
        fields: &VoteFields,
        assembly: &str,
    ) -> Result<Result<i64, (&'static str, &'static str)>, AppError> {
        use crate::store::assemblies::{AssemblyError, council_zone, to_utc};
        use crate::store::votes::{NewVote, VoteError, create_vote};
        let zone = council_zone(db, council_id).await?;
        let time = |local: &str, field: &'static str| match to_utc(local, zone) {
            Ok(at) => Ok(at),
            Err(AssemblyError::Refused(why)) => Err((field, why.message_id())),
            Err(_) => Err((field, "error-date-invalid")),
        };
        let opens_at = match time(&fields.opens_at, "opens_at") {
            Ok(at) => at,
            Err(refusal) => return Ok(Err(refusal)),
        };
        let closes_at = match time(&fields.closes_at, "closes_at") {
            Ok(at) if at > opens_at => at,
            Ok(_) => return Ok(Err(("closes_at", "error-vote-closes-before"))),
            Err(refusal) => return Ok(Err(refusal)),
        };
        let assembly_id = match assembly.trim() {
            "" => None,
            raw => match raw.parse::<i64>() {
                Ok(id) => Some(id),
                Err(_) => return Ok(Err(("assembly", "error-vote-assembly"))),
            },
        };
        let colleges: Vec<String> = fields
            .colleges
            .iter()
            .map(|c| c.as_str().to_owned())
            .collect();
        // Only the council's own colleges, and not a retired one.
        let offered =
            crate::domain::offered_colleges(&crate::store::colleges_of(db, council_id).await?);
        if !colleges
            .iter()
            .all(|key| offered.iter().any(|c| c.key.as_str() == key))
        {
            return Ok(Err(("colleges", "error-vote-college-unknown")));
        }
        let created = create_vote(
            db,
            NewVote {
                council_id,
                assembly_id,
                title: &fields.title,
                colleges: &colleges,
                method: fields.method,
                integrity: fields.integrity,
                findings: &fields.findings,
                max_points: fields.max_points,
                max_points_per_candidate: fields.max_points_per_candidate,
                opens_at,
                closes_at,
                by: Some(caller),
            },
        )
        .await;
        match created {
            Ok(id) => Ok(Ok(id)),
            Err(VoteError::UnknownFinding) => Ok(Err(("findings", "error-vote-findings"))),
            Err(VoteError::UnknownAssembly) => Ok(Err(("assembly", "error-vote-assembly"))),
            Err(VoteError::Db(error)) => Err(error.into()),
            Err(error @ (VoteError::NotFound | VoteError::Refused(_))) => Err(AppError::internal(
                "unexpected refusal creating a vote",
                error,
            )),
        }
    }

    pub fn ballot_box() -> Result<crate::services::BallotBox, AppError> {
        leptos::prelude::use_context::<crate::services::BallotBox>()
            .ok_or_else(|| AppError::unwired("BallotBox"))
    }

    /// An ended vote's box, mixed whole with whatever still waits (once; then a read).
    pub async fn settle(db: &DatabaseConnection, vote_id: i64) -> Result<(), AppError> {
        crate::store::votes::mix(db, &seal_key()?, vote_id, chrono::Utc::now()).await?;
        Ok(())
    }

    /// A vote's results as they stand: an ended vote's box settled first. The caller decides
    /// who may see them.
    pub async fn results(
        db: &DatabaseConnection,
        vote: &VoteInfo,
        min_group: usize,
    ) -> Result<crate::domain::vote::VoteResults, AppError> {
        if vote.ended {
            settle(db, vote.id).await?;
        }
        let ballots = crate::store::votes::ballots(db, vote.id).await?;
        Ok(crate::domain::vote::results(
            &vote.rules(),
            &vote.colleges,
            &ballots,
            min_group,
        ))
    }

    /// The ballot rules of the vote named in the URL (not a draft), if it is the council's:
    /// read once per process by the ballot box.
    pub async fn setup(
        db: &DatabaseConnection,
        slug: &str,
        id: &str,
    ) -> Result<crate::store::votes::BallotSetup, AppError> {
        let id = crate::api::edge::id(id)?;
        ballot_box()?
            .setup(db, slug, id)
            .await?
            .ok_or_else(|| AppError::NotFound.with_status())
    }

    /// Reads a posted ballot against its vote.
    pub fn read(
        vote: &crate::store::votes::BallotSetup,
        college: &str,
        code: &str,
        order: &str,
        approved: &BTreeMap<String, String>,
        points: &BTreeMap<String, String>,
        grades: &BTreeMap<String, String>,
    ) -> (BallotDraft, Vec<BallotProblem>) {
        let setting = BallotSetting {
            rules: &vote.rules,
            colleges: &vote.colleges,
            integrity: vote.integrity,
        };
        BallotDraft::read(
            &setting,
            &BallotForm {
                college,
                code,
                order,
                approved,
                points,
                grades,
            },
        )
    }

    /// Back to the ballot with the reason beside its field and the ballot as it was.
    pub fn refuse_ballot(
        draft: &BallotDraft,
        problem: &BallotProblem,
        back: &str,
    ) -> Result<(), AppError> {
        let draft =
            serde_json::to_string(draft).map_err(|e| AppError::internal("serialising state", e))?;
        let field = (!problem.field.is_empty()).then_some(problem.field.as_str());
        crate::api::forms::refuse(
            FormEcho::new("ballot", field, problem.message, &[("draft", &draft)]),
            back,
        )
    }

    /// Carries a ballot to its next step.
    pub fn carry(step: &BallotProgress, back: &str) -> Result<(), AppError> {
        let json =
            serde_json::to_string(step).map_err(|e| AppError::internal("serialising state", e))?;
        crate::api::forms::carry(&json, back)
    }

    /// The ballot the page shows: the step carried over, what a refusal gave back, or a
    /// fresh one.
    pub fn step_of(flash: &PageFlash, vote: &VoteInfo) -> BallotProgress {
        let fresh = || BallotProgress {
            draft: BallotDraft {
                order: crate::domain::vote::initial_order(vote.candidates.len()),
                ..BallotDraft::default()
            },
            ..BallotProgress::default()
        };
        if let Some(step) = flash
            .carried
            .as_deref()
            .and_then(|json| serde_json::from_str::<BallotProgress>(json).ok())
        {
            return step;
        }
        flash
            .refusal("ballot")
            .and_then(|echo| echo.values.get("draft"))
            .and_then(|json| serde_json::from_str::<BallotDraft>(json).ok())
            .map(|draft| BallotProgress {
                draft,
                ..BallotProgress::default()
            })
            .unwrap_or_else(fresh)
    }
}
