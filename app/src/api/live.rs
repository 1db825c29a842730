//! The participant's live page as plain forms: read the approved questions (reload to
//! refresh), ask one, support one. The same commands as the websocket, so the same rules,
//! the same stored events, and every connected screen hears of them.

use super::AppError;
use super::forms::PageFlash;
use crate::domain::{College, LiveState, QuestionOrder};
use crate::live::Feed;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LivePage {
    pub council_slug: String,
    pub council_name: String,
    pub title: String,
    pub live: LiveState,
    pub questions_open: bool,
    pub premoderation: bool,
    /// The room as a participant sees it, at the sequence number the page is drawn at.
    pub feed: Feed,
    pub order: QuestionOrder,
    /// The questions this participant supports already.
    pub supported: Vec<i64>,
    /// Whether this browser carries a participant cookie.
    pub identified: bool,
    pub colleges: Vec<College>,
    /// The published votes attached to the assembly: when one opens, the room votes from here.
    pub votes: Vec<crate::domain::vote::VoteInfo>,
    /// The quick polls put to the room, with whether this participant answered each.
    pub polls: Vec<super::PollView>,
    /// This participant already said they are in the room.
    pub declared_present: bool,
    pub flash: PageFlash,
}

/// `order` is `recentes` for newest first; anything else sorts by support.
#[server(endpoint = "live_page")]
pub async fn load_live_page(slug: String, id: String, order: String) -> Result<LivePage, AppError> {
    let db = super::request::db()?;
    let council = crate::api::edge::council(&db, &slug).await?;
    let assembly = crate::api::edge::assembly_of(&db, council.id, &id).await?;
    let (seq, room) = crate::services::room::snapshot(&db, assembly, false)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    let order = if order == "recentes" {
        QuestionOrder::Newest
    } else {
        QuestionOrder::Votes
    };
    let participant = super::request::participant();
    let supported = match &participant {
        Some(participant) => {
            let voter = crate::store::room::voter_key(participant, assembly);
            crate::store::room::supported_by(&db, assembly, &voter).await?
        }
        None => Vec::new(),
    };
    let votes =
        crate::store::votes::votes_of_assembly(&db, council.id, assembly, chrono::Utc::now())
            .await?;
    let polls = super::poll_server::participant_polls(&db, council.id, assembly).await?;
    let declared_present = match &participant {
        Some(participant) => {
            let voter = crate::store::room::voter_key(participant, assembly);
            crate::store::room::attendance::has_declared(&db, assembly, &voter).await?
        }
        None => false,
    };
    Ok(LivePage {
        declared_present,
        polls,
        votes,
        council_slug: slug,
        council_name: council.name,
        title: room.title.clone(),
        live: room.live,
        questions_open: room.questions_open,
        premoderation: room.premoderation,
        feed: Feed::from_room(seq, room),
        order,
        supported,
        identified: participant.is_some(),
        colleges: council.colleges,
        flash: super::forms::take_page_flash()?,
    })
}

#[server(endpoint = "ask_question")]
pub async fn ask_question(
    slug: String,
    assembly: String,
    body: String,
    first_name: String,
    college: String,
) -> Result<(), AppError> {
    use crate::live::ClientMessage;
    let (assembly, back) = server::room_path(&slug, &assembly)?;
    let command = ClientMessage::Ask {
        reference: None,
        body: body.clone(),
        first_name: Some(first_name.clone()),
        college: Some(college.clone()),
    };
    let values = [
        ("body", body.as_str()),
        ("first_name", first_name.as_str()),
        ("college", college.as_str()),
    ];
    match server::apply(&slug, assembly, &command).await? {
        Ok(pending) => super::forms::done(
            if pending {
                "saved-question-pending"
            } else {
                "saved-question-published"
            },
            &back,
        ),
        Err(message) => super::forms::refuse(
            super::forms::FormEcho::new("ask", Some("body"), message, &values),
            &back,
        ),
    }
}

#[server(endpoint = "support_question")]
pub async fn support_question(
    slug: String,
    assembly: String,
    question: String,
) -> Result<(), AppError> {
    use crate::live::ClientMessage;
    let (assembly, back) = server::room_path(&slug, &assembly)?;
    let question: i64 = question
        .parse()
        .map_err(|_| AppError::NotFound.with_status())?;
    let command = ClientMessage::Upvote {
        reference: None,
        question,
    };
    match server::apply(&slug, assembly, &command).await? {
        Ok(_) => super::forms::done("saved-supported", &back),
        Err(message) => super::forms::refuse(
            super::forms::FormEcho::new("support", None, message, &[]),
            &back,
        ),
    }
}

#[cfg(feature = "ssr")]
mod server {
    use crate::api::AppError;
    use crate::live::ClientMessage;
    use crate::services::room::{self, Actor, Refusal};

    pub fn room_path(slug: &str, assembly: &str) -> Result<(i64, String), AppError> {
        let id: i64 = assembly
            .trim()
            .parse()
            .map_err(|_| AppError::NotFound.with_status())?;
        Ok((id, format!("/{slug}/assemblees/{id}/direct")))
    }

    /// Applies a participant's command: `Ok(Ok(pending))` when stored (and published),
    /// `Ok(Err(message id))` when refused by the room's rules.
    pub async fn apply(
        slug: &str,
        assembly: i64,
        command: &ClientMessage,
    ) -> Result<Result<bool, &'static str>, AppError> {
        let db = crate::api::request::db()?;
        let council = crate::api::edge::council(&db, slug).await?;
        crate::api::edge::assembly_of(&db, council.id, &assembly.to_string()).await?;
        let participant = crate::api::request::writer()?;
        let actor = Actor::Participant {
            voter: crate::store::room::voter_key(&participant, assembly),
        };
        match room::apply(&db, assembly, &actor, command).await {
            Ok(applied) => {
                crate::api::assemblies::publish(applied.event).await;
                Ok(Ok(applied.waiting))
            }
            Err(Refusal::NotFound) => Err(AppError::NotFound.with_status()),
            Err(Refusal::Db(error)) => Err(error.into()),
            Err(refused) => Ok(Err(refused.code_and_message().1)),
        }
    }
}
