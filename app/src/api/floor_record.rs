//! What stays of a plenary's questions once the room empties: the approved questions with
//! the facilitators' written answers, on the assembly's page and as CSV or JSON files.
//! Never who asked: a first name given in the room stays in the room (docs/decisions.md).

use super::AppError;
use crate::api::sheet::{Csv, CsvFile};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One approved question as the record keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordedQuestion {
    /// Its place in the record, in the order the questions were asked (1 first).
    pub number: usize,
    /// The agenda item it was asked under.
    pub agenda_item: Option<String>,
    pub question: String,
    /// The college the asker chose to name (its key), if any.
    pub college: Option<String>,
    pub votes: i64,
    pub answered: bool,
    pub answer: Option<String>,
    pub answer_easy: Option<String>,
}

/// An assembly's questions and answers: what the JSON file holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FloorRecord {
    pub assembly: i64,
    pub title: String,
    pub council: String,
    pub questions: Vec<RecordedQuestion>,
    /// The closed quick polls and their results (counts only; nothing below the minimum
    /// group size, no word a moderator did not approve).
    #[serde(default)]
    pub polls: Vec<RecordedPoll>,
}

/// A closed quick poll as the record keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordedPoll {
    pub question: String,
    pub question_easy: Option<String>,
    pub kind: crate::domain::poll::PollKind,
    pub results: crate::domain::poll::PollResults,
}

/// The questions and answers as JSON, for anyone who may read the assembly's page.
#[server(endpoint = "assembly_questions_json", input = leptos::server_fn::codec::GetUrl)]
pub async fn assembly_questions_json(slug: String, id: String) -> Result<FloorRecord, AppError> {
    let db = super::request::db()?;
    let (record, _) = server::record(&db, &slug, &id).await?;
    super::request::offer_download(&format!("questions-assemblee-{}.json", record.assembly))?;
    Ok(record)
}

/// The same as CSV, in the reader's language, colleges named as the council names them.
#[server(endpoint = "assembly_questions_csv", input = leptos::server_fn::codec::GetUrl, output = Csv)]
pub async fn assembly_questions_csv(slug: String, id: String) -> Result<CsvFile, AppError> {
    let db = super::request::db()?;
    let (record, colleges) = server::record(&db, &slug, &id).await?;
    let lang = crate::i18n::request_preferences().lang;
    let file = server::record_csv(&record, &colleges, lang)
        .map_err(|e| AppError::internal("writing CSV", e))?;
    super::request::offer_download(&format!("questions-assemblee-{}.csv", record.assembly))?;
    Ok(file)
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use super::{FloorRecord, RecordedQuestion};
    use crate::api::AppError;
    use crate::api::sheet::{CsvFile, Sheet};
    use crate::domain::{College, Lang};
    use sea_orm::DatabaseConnection;

    /// The record of a published assembly of the council `slug` (404 for any other).
    pub async fn record(
        db: &DatabaseConnection,
        slug: &str,
        id: &str,
    ) -> Result<(FloorRecord, Vec<College>), AppError> {
        let council = crate::api::edge::council(db, slug).await?;
        let assembly = crate::api::edge::assembly_of(db, council.id, id).await?;
        let (_, room) = crate::services::room::snapshot(db, assembly, false)
            .await?
            .ok_or_else(|| AppError::NotFound.with_status())?;
        let mut record = of_room(council.name, room);
        record.polls =
            crate::api::poll_server::poll_views(db, council.id, assembly, None, false, false)
                .await?
                .into_iter()
                .filter(|view| view.poll.state == crate::domain::poll::PollState::Closed)
                .map(|view| super::RecordedPoll {
                    question: view.poll.question,
                    question_easy: view.poll.question_easy,
                    kind: view.poll.kind,
                    results: view.results,
                })
                .collect();
        Ok((record, council.colleges))
    }

    /// The approved questions of a room's state, oldest first, without their askers' names.
    pub fn of_room(council: String, room: crate::live::RoomState) -> FloorRecord {
        let mut questions = room.questions;
        questions.sort_by_key(|q| q.id);
        let item_title = |id: Option<i64>| {
            room.agenda
                .iter()
                .find(|item| Some(item.id) == id)
                .map(|item| item.title.clone())
        };
        FloorRecord {
            assembly: room.assembly,
            title: room.title.clone(),
            council,
            questions: questions
                .into_iter()
                .enumerate()
                .map(|(index, q)| RecordedQuestion {
                    number: index + 1,
                    agenda_item: item_title(q.agenda_item),
                    question: q.body,
                    college: q.college,
                    votes: q.votes,
                    answered: q.answered,
                    answer: q.answer,
                    answer_easy: q.answer_easy,
                })
                .collect(),
            polls: Vec::new(),
        }
    }

    /// One line per question; participants' words, so every cell is made inert.
    pub fn record_csv(
        record: &FloorRecord,
        colleges: &[College],
        lang: Lang,
    ) -> Result<CsvFile, csv::Error> {
        let text = |id: &str| crate::i18n::message(lang, false, id, None);
        let mut out = Sheet::new(lang);
        out.row(
            [
                "record-csv-number",
                "record-csv-item",
                "record-csv-question",
                "record-csv-college",
                "record-csv-votes",
                "record-csv-answered",
                "record-csv-answer",
                "record-csv-answer-easy",
            ]
            .map(text),
        )?;
        for q in &record.questions {
            let college = q
                .college
                .as_ref()
                .map(|key| crate::api::sheet::college_name(colleges, key, lang));
            out.row([
                q.number.to_string(),
                q.agenda_item.clone().unwrap_or_default(),
                q.question.clone(),
                college.unwrap_or_default(),
                q.votes.to_string(),
                text(if q.answered {
                    "record-csv-yes"
                } else {
                    "record-csv-no"
                }),
                q.answer.clone().unwrap_or_default(),
                q.answer_easy.clone().unwrap_or_default(),
            ])?;
        }
        out.finish()
    }
}
