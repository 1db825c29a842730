//! Quick polls of a plenary as plain forms: the facilitator writes one, opens and closes it
//! and moderates the words of a cloud from the console; a participant answers from the live
//! page. Each change is a `poll-changed` room event, so that every screen redraws it.

// A form post's fields are a server function's arguments.
#![allow(clippy::too_many_arguments)]

use super::AppError;
use crate::domain::poll::{PollInfo, PollResults};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A poll as a page shows it: its results (nothing below the minimum group size), whether
/// this participant answered, and for staff the words waiting for moderation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PollView {
    pub poll: PollInfo,
    pub results: PollResults,
    pub answered: bool,
    /// Words of a cloud counted and waiting for a moderator, with their counts (staff only;
    /// empty for everyone else).
    pub words_to_review: Vec<(String, u64, crate::domain::poll::WordReview)>,
}

/// The facilitator writes a poll, ready to be opened.
#[server(endpoint = "create_poll")]
pub async fn create_poll(
    slug: String,
    assembly: String,
    kind: String,
    question: String,
    #[server(default)] question_easy: String,
    #[server(default)] options: String,
) -> Result<(), AppError> {
    let (db, account_id, id, back) = server::staff(&slug, &assembly).await?;
    let draft =
        match crate::domain::poll::PollDraft::check(&kind, &question, &question_easy, &options) {
            Ok(draft) => draft,
            Err(message) => {
                let field = match message {
                    "error-poll-kind" => "kind",
                    "error-poll-question" | "error-field-invalid" => "question",
                    _ => "options",
                };
                let echo = super::forms::FormEcho::new(
                    "poll-new",
                    Some(field),
                    message,
                    &[
                        ("kind", kind.as_str()),
                        ("question", question.as_str()),
                        ("question_easy", question_easy.as_str()),
                        ("options", options.as_str()),
                    ],
                );
                return super::forms::refuse(echo, &back);
            }
        };
    let poll = crate::store::room::polls::create(&db, id, &draft, chrono::Utc::now()).await?;
    server::changed(&db, id, poll, Some((account_id, "poll-created"))).await?;
    super::forms::done("saved-poll-created", &back)
}

/// Opens or closes a poll, or approves or keeps off the screen a word of its cloud.
#[server(endpoint = "poll_action")]
pub async fn poll_action(
    slug: String,
    assembly: String,
    poll: String,
    action: String,
    #[server(default)] word: String,
) -> Result<(), AppError> {
    use crate::domain::poll::{PollState, WordReview};
    use crate::store::room::polls::{self, PollError};
    let (db, account_id, id, back) = server::staff(&slug, &assembly).await?;
    let poll: i64 = poll
        .trim()
        .parse()
        .map_err(|_| AppError::NotFound.with_status())?;
    let (audit, notice) = match action.as_str() {
        "open" | "close" => {
            let to = if action == "open" {
                PollState::Open
            } else {
                PollState::Closed
            };
            let key = super::request::seal_key()?;
            match polls::change_state(&db, &key, id, poll, to).await {
                Ok(_) => {}
                Err(PollError::NotFound) => return Err(AppError::NotFound.with_status()),
                Err(PollError::Db(error)) => return Err(error.into()),
                Err(refused) => {
                    let echo = super::forms::FormEcho::new(
                        &format!("poll-{poll}"),
                        None,
                        server::message(&refused),
                        &[],
                    );
                    return super::forms::refuse(echo, &back);
                }
            }
            if action == "open" {
                ("poll-opened", "saved-poll-opened")
            } else {
                ("poll-closed", "saved-poll-closed")
            }
        }
        "approve-word" | "reject-word" => {
            polls::poll_in(&db, id, poll)
                .await?
                .ok_or_else(|| AppError::NotFound.with_status())?;
            let review = if action == "approve-word" {
                WordReview::Approved
            } else {
                WordReview::Rejected
            };
            if !polls::review_word(&db, poll, &word, review).await? {
                return Err(AppError::NotFound.with_status());
            }
            ("poll-word-reviewed", "saved-poll-word")
        }
        _ => return Err(AppError::NotFound.with_status()),
    };
    server::changed(&db, id, poll, Some((account_id, audit))).await?;
    super::forms::done(notice, &back)
}

/// A participant answers an open poll, once.
#[server(endpoint = "answer_poll")]
pub async fn answer_poll(
    slug: String,
    assembly: String,
    poll: String,
    #[server(default)] answer: String,
) -> Result<(), AppError> {
    use crate::store::room::polls::{self, PollError};
    let db = super::request::db()?;
    let council = crate::api::edge::council(&db, &slug).await?;
    let id = crate::api::edge::assembly_of(&db, council.id, &assembly).await?;
    let back = format!("/{slug}/assemblees/{id}/direct#sondage-{}", poll.trim());
    let poll: i64 = poll
        .trim()
        .parse()
        .map_err(|_| AppError::NotFound.with_status())?;
    let participant = super::request::writer()?;
    let voter = crate::store::room::voter_key(&participant, id);
    let key = super::request::seal_key()?;
    match polls::answer(&db, &key, id, poll, &voter, &answer).await {
        Ok(counted) => {
            if counted > 0 {
                server::changed(&db, id, poll, None).await?;
            }
            super::forms::done("saved-poll-answered", &back)
        }
        Err(PollError::NotFound) => Err(AppError::NotFound.with_status()),
        Err(PollError::Db(error)) => Err(error.into()),
        Err(refused) => {
            let echo = super::forms::FormEcho::new(
                &format!("poll-{poll}"),
                Some("answer"),
                server::message(&refused),
                &[("answer", answer.as_str())],
            );
            super::forms::refuse(echo, &back)
        }
    }
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use super::PollView;
    use crate::api::AppError;
    use crate::domain::poll::{PollResults, WordReview};
    use crate::store::room::polls::{self, PollError};
    use sea_orm::DatabaseConnection;

    /// The database, the facilitator's account, the assembly and the console's address.
    pub async fn staff(
        slug: &str,
        assembly: &str,
    ) -> Result<(DatabaseConnection, i64, i64, String), AppError> {
        use crate::domain::Permission;
        let db = crate::api::request::db()?;
        let crate::api::edge::StaffCall {
            council: crate::api::edge::CouncilRef { id: council_id, .. },
            account_id,
            ..
        } = crate::api::edge::require(&db, slug, Permission::ModerateLive).await?;
        let id = crate::api::edge::assembly_of(&db, council_id, assembly).await?;
        let back = format!("/{slug}/assemblees/{id}/animation#sondages");
        Ok((db, account_id, id, back))
    }

    /// The Fluent id of a refusal.
    pub fn message(refused: &PollError) -> &'static str {
        match refused {
            PollError::Rule(id) => id,
            PollError::AnsweredAlready => "error-poll-answered",
            PollError::NotOpen => "error-poll-not-open",
            PollError::NotFound | PollError::Db(_) => "error-internal",
        }
    }

    /// Stores the poll's change in its room and hands it to the live rooms.
    pub async fn changed(
        db: &DatabaseConnection,
        assembly: i64,
        poll: i64,
        audit: Option<(i64, &'static str)>,
    ) -> Result<(), AppError> {
        if let Some(event) = crate::services::room::poll_changed(db, assembly, poll, audit).await? {
            crate::api::assemblies::publish(event).await;
        }
        Ok(())
    }

    /// The assembly's polls as a page shows them: `voter` (a participant's key in the
    /// assembly) to say which they answered; `staff` for the words waiting for moderation;
    /// `ready` to keep the polls not yet put to the room.
    pub async fn poll_views(
        db: &DatabaseConnection,
        council_id: i64,
        assembly: i64,
        voter: Option<&str>,
        staff: bool,
        ready: bool,
    ) -> Result<Vec<PollView>, AppError> {
        use crate::domain::poll::PollState;
        let min_group = crate::store::min_group_size(db, council_id).await? as u64;
        let mut views = Vec::new();
        for poll in polls::polls_of_assembly(db, assembly).await? {
            if poll.state == PollState::Ready && !ready {
                continue;
            }
            views.push(view(db, poll, min_group, voter, staff).await?);
        }
        Ok(views)
    }

    /// The polls put to the room, as the participant of this request sees them.
    pub async fn participant_polls(
        db: &DatabaseConnection,
        council_id: i64,
        assembly: i64,
    ) -> Result<Vec<PollView>, AppError> {
        let voter = crate::api::request::participant()
            .map(|participant| crate::store::room::voter_key(&participant, assembly));
        poll_views(db, council_id, assembly, voter.as_deref(), false, false).await
    }

    pub async fn view(
        db: &DatabaseConnection,
        poll: crate::domain::poll::PollInfo,
        min_group: u64,
        voter: Option<&str>,
        staff: bool,
    ) -> Result<PollView, AppError> {
        let counts = polls::counts(db, poll.id).await?;
        let answered = match voter {
            Some(voter) => polls::answered(db, poll.id, voter).await?,
            None => false,
        };
        let words_to_review = if staff {
            counts
                .iter()
                .filter_map(|c| {
                    c.review
                        .filter(|r| *r != WordReview::Approved)
                        .map(|r| (c.key.clone(), c.count, r))
                })
                .collect()
        } else {
            Vec::new()
        };
        Ok(PollView {
            results: PollResults::of(&poll, &counts, min_group),
            poll,
            answered,
            words_to_review,
        })
    }
}
