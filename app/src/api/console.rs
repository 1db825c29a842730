//! The facilitator console and the projector as plain pages and forms: the moderation
//! queue, the approved questions, the agenda and the room's settings, each action one
//! form post applied through the same room commands as the websocket (so the same rules,
//! the same stored and broadcast events, the same audit lines).

// A form post's fields are a server function's arguments.
#![allow(clippy::too_many_arguments)]

use super::AppError;
use super::forms::PageFlash;
use crate::domain::JoinCode;
use crate::live::RoomState;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsolePage {
    pub council_slug: String,
    pub council_name: String,
    /// The room's sequence number the page shows, for the island that follows it.
    pub seq: i64,
    pub room: RoomState,
    /// The council's colleges (key, its own label if renamed), to name testimonies' authors.
    pub colleges: Vec<crate::domain::College>,
    /// The testimonies whose authors accept the projector, and the one on it.
    pub testimonies: Vec<crate::domain::testimony::Testimony>,
    pub testimony_on_screen: Option<i64>,
    /// The assembly's quick polls, with the words of their clouds to moderate.
    pub polls: Vec<super::PollView>,
    pub flash: PageFlash,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectorPage {
    pub council_slug: String,
    pub council_name: String,
    /// The room's sequence number the page shows, for the island that follows it.
    pub seq: i64,
    pub room: RoomState,
    pub join_code: JoinCode,
    pub join_link: String,
    pub qr_svg: String,
    /// The council's colleges, to name who asked the question on screen.
    pub colleges: Vec<crate::domain::College>,
    /// What the screen shows when it is neither the join code nor a question.
    pub slide: Option<Slide>,
}

/// What the room's screen shows when the facilitator put on it the agenda item under way,
/// a testimony or a vote: read when the screen is drawn, and again each time the room
/// moves (`room_slide`), never carried by the room's events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Slide {
    /// The item under way (with its summary), or the whole agenda when none is.
    Agenda {
        current: Option<crate::domain::AgendaItem>,
        titles: Vec<String>,
    },
    /// `None` once it may no longer be shown (consent taken back, withdrawn).
    Testimony {
        testimony: Option<crate::domain::testimony::Testimony>,
        colleges: Vec<crate::domain::College>,
    },
    /// A quick poll: its question, then its results.
    Poll { poll: Box<super::PollView> },
    /// A black screen.
    Pause,
    /// Its turnout while it takes ballots, its first places once its results are public.
    Vote {
        vote: crate::domain::vote::VoteInfo,
        results: Option<crate::domain::vote::VoteResults>,
        ballots: u64,
        min_group: usize,
    },
}

#[server(endpoint = "console")]
pub async fn load_console(slug: String, id: String) -> Result<ConsolePage, AppError> {
    use crate::domain::Permission;
    let db = super::request::db()?;
    let crate::api::edge::StaffCall {
        council:
            crate::api::edge::CouncilRef {
                id: council_id,
                name: council_name,
                ..
            },
        ..
    } = crate::api::edge::require(&db, &slug, Permission::ModerateLive).await?;
    let assembly = crate::api::edge::assembly_of(&db, council_id, &id).await?;
    let (seq, room) = crate::services::room::snapshot(&db, assembly, true)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    use crate::store::testimonies::{on_screen, shown_on};
    let testimonies = shown_on(
        &db,
        council_id,
        crate::domain::testimony::Surface::Projector,
    )
    .await
    .map_err(AppError::from)?;
    let testimony_on_screen = on_screen(&db, council_id)
        .await
        .map_err(AppError::from)?
        .map(|t| t.id);
    let colleges = crate::api::edge::council(&db, &slug).await?.colleges;
    let polls = super::poll_server::poll_views(&db, council_id, assembly, None, true, true).await?;
    Ok(ConsolePage {
        polls,
        colleges,
        testimonies,
        testimony_on_screen,
        council_slug: slug,
        council_name,
        seq,
        room,
        flash: super::forms::take_page_flash()?,
    })
}

/// The projector's page is public: it shows only what the room shows everyone.
#[server(endpoint = "projector")]
pub async fn load_projector(slug: String, id: String) -> Result<ProjectorPage, AppError> {
    let db = super::request::db()?;
    let crate::api::edge::CouncilRef {
        id: council_id,
        name: council_name,
        colleges,
        min_group,
        ..
    } = crate::api::edge::council(&db, &slug).await?;
    let assembly = crate::api::edge::assembly_of(&db, council_id, &id).await?;
    let (seq, room) = crate::services::room::snapshot(&db, assembly, false)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    let published = crate::store::assemblies::assembly_in_council(&db, council_id, assembly, false)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    let join_link = super::assemblies::join_link_of(&published)?;
    let slide = server::slide(
        &db,
        council_id,
        min_group,
        &colleges,
        &published,
        room.screen,
    )
    .await?;
    Ok(ProjectorPage {
        council_slug: slug,
        slide,
        council_name,
        colleges,
        seq,
        qr_svg: super::assemblies::qr_svg_of(&join_link)?,
        join_link,
        join_code: published.join_code,
        room,
    })
}

/// One moderation or steering action from the console: `action` names it, the other
/// fields are read when it needs them (`question`, `item`, an edited `body`, a `reason`).
#[server(endpoint = "console_action")]
pub async fn console_action(
    slug: String,
    assembly: String,
    action: String,
    #[server(default)] question: String,
    #[server(default)] item: String,
    #[server(default)] body: String,
    #[server(default)] reason: String,
    #[server(default)] answer: String,
    #[server(default)] answer_easy: String,
    #[server(default)] what: String,
    #[server(default)] target: String,
) -> Result<(), AppError> {
    use crate::domain::Permission;
    use crate::live::ClientMessage;
    use crate::services::room::{self, Actor, Refusal};
    let db = super::request::db()?;
    let crate::api::edge::StaffCall {
        council: crate::api::edge::CouncilRef { id: council_id, .. },
        account_id,
        ..
    } = crate::api::edge::require(&db, &slug, Permission::ModerateLive).await?;
    let id = crate::api::edge::assembly_of(&db, council_id, &assembly).await?;
    let back = format!("/{slug}/assemblees/{id}/animation");
    let number = |raw: &str| raw.trim().parse::<i64>().ok();
    let question_id = number(&question);
    let needs_question = || question_id.ok_or_else(|| AppError::NotFound.with_status());
    let text = |raw: &str| Some(raw.to_owned()).filter(|t| !t.trim().is_empty());
    let command = match action.as_str() {
        "approve" => ClientMessage::Approve {
            reference: None,
            question: needs_question()?,
            body: text(&body),
        },
        "reject" => ClientMessage::Reject {
            reference: None,
            question: needs_question()?,
            reason: text(&reason),
        },
        "answered" | "unanswered" => ClientMessage::Answered {
            reference: None,
            question: needs_question()?,
            answered: action == "answered",
        },
        "pin" | "unpin" => ClientMessage::Pin {
            reference: None,
            question: needs_question()?,
            pinned: action == "pin",
        },
        "answer" => ClientMessage::Answer {
            reference: None,
            question: needs_question()?,
            answer: answer.clone(),
            easy: text(&answer_easy),
        },
        "highlight" => ClientMessage::Highlight {
            reference: None,
            question: Some(needs_question()?),
        },
        "unhighlight" => ClientMessage::Highlight {
            reference: None,
            question: None,
        },
        "show" => ClientMessage::Show {
            reference: None,
            screen: crate::domain::Screen {
                what: crate::domain::ScreenKind::parse(&what)
                    .ok_or_else(|| AppError::NotFound.with_status())?,
                id: number(&target),
            },
        },
        "agenda" => ClientMessage::Agenda {
            reference: None,
            item: number(&item).ok_or_else(|| AppError::NotFound.with_status())?,
        },
        "premoderation-on" | "premoderation-off" => ClientMessage::Premoderation {
            reference: None,
            on: action == "premoderation-on",
        },
        "questions-open" | "questions-close" => ClientMessage::Questions {
            reference: None,
            open: action == "questions-open",
        },
        _ => return Err(AppError::NotFound.with_status()),
    };
    match room::apply(&db, id, &Actor::Staff { account_id }, &command).await {
        Ok(applied) => {
            super::assemblies::publish(applied.event).await;
            super::forms::done("saved-console", &back)
        }
        Err(Refusal::NotFound) => Err(AppError::NotFound.with_status()),
        Err(Refusal::Db(error)) => Err(error.into()),
        Err(refused) => {
            let form = question_id.map_or_else(|| "room".to_owned(), |q| format!("q-{q}"));
            let message = refused.code_and_message().1;
            let field = match action.as_str() {
                "approve" => Some("body"),
                "answer" if message == "error-written-answer-easy-too-long" => Some("answer_easy"),
                "answer" => Some("answer"),
                _ => None,
            };
            let echo = super::forms::FormEcho::new(
                &form,
                field,
                message,
                &[
                    ("body", body.as_str()),
                    ("reason", reason.as_str()),
                    ("answer", answer.as_str()),
                    ("answer_easy", answer_easy.as_str()),
                ],
            );
            super::forms::refuse(echo, &back)
        }
    }
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use super::Slide;
    use crate::api::AppError;
    use crate::domain::{Assembly, College, Screen, ScreenKind};
    use sea_orm::DatabaseConnection;

    /// The slide of `screen` in assembly `published` of the council, as everyone may see it.
    pub async fn slide(
        db: &DatabaseConnection,
        council_id: i64,
        min_group: usize,
        colleges: &[College],
        published: &Assembly,
        screen: Screen,
    ) -> Result<Option<Slide>, AppError> {
        Ok(match (screen.what, screen.id) {
            (ScreenKind::Agenda, _) => Some(Slide::Agenda {
                current: published
                    .agenda
                    .iter()
                    .find(|item| Some(item.id) == published.current_item)
                    .cloned(),
                titles: published.agenda.iter().map(|i| i.title.clone()).collect(),
            }),
            (ScreenKind::Testimony, Some(id)) => Some(Slide::Testimony {
                testimony: crate::store::testimonies::projectable(db, council_id, id).await?,
                colleges: colleges.to_vec(),
            }),
            (ScreenKind::Vote, Some(id)) => {
                let vote =
                    crate::api::votes::server::vote(db, council_id, &id.to_string(), false).await?;
                let results = if vote.results_public() {
                    if vote.ended {
                        crate::api::votes::server::settle(db, vote.id).await?;
                    }
                    let ballots = crate::store::votes::ballots(db, vote.id).await?;
                    Some(crate::domain::vote::results(
                        &vote.rules(),
                        &vote.colleges,
                        &ballots,
                        min_group,
                    ))
                } else {
                    None
                };
                let ballots = crate::store::votes::ballot_count(db, vote.id).await?
                    + crate::store::votes::waiting_count(db, vote.id).await?;
                Some(Slide::Vote {
                    vote,
                    results,
                    ballots,
                    min_group,
                })
            }
            (ScreenKind::Poll, Some(id)) => {
                match crate::store::room::polls::poll_in(db, published.id, id).await? {
                    Some(poll) => Some(Slide::Poll {
                        poll: Box::new(
                            crate::api::poll_server::view(db, poll, min_group as u64, None, false)
                                .await?,
                        ),
                    }),
                    None => None,
                }
            }
            (ScreenKind::Pause, _) => Some(Slide::Pause),
            _ => None,
        })
    }
}
