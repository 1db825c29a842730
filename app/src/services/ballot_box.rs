//! The ballot box of a process: a service (tokio tasks and a channel) in front of the
//! store. Ballots posted at the same moment are cast together in one transaction
//! (`store::votes::cast_batch`), then mixed (`store::votes::mix`) before their voters are
//! answered; the rules of the votes seen are kept in memory.

use crate::store::seal::SealKey;
use crate::store::votes::{
    BATCH_MAX, BallotSetup, CastError, CastRequest, ballot_setup, cast_batch, mix,
};
use chrono::Utc;
use sea_orm::{DatabaseConnection, DbErr};
use std::collections::HashMap;

/// The count of ballots taken, as `/metrics` names it (the server installs the recorder).
pub const BALLOTS_METRIC: &str = "agora_ballots_total";

/// Casts ballots as soon as a task is free (one on SQLite, four on PostgreSQL). A lone
/// ballot waits for nothing; a crowd shares commits.
#[derive(Clone)]
pub struct BallotBox {
    sender: tokio::sync::mpsc::Sender<(
        CastRequest,
        tokio::sync::oneshot::Sender<Result<(), CastError>>,
    )>,
    /// The rules of the votes seen, by council slug and vote: they never change once a
    /// vote is open (only its state does, and that is read with each batch).
    setups: std::sync::Arc<std::sync::Mutex<HashMap<(String, i64), BallotSetup>>>,
    key: SealKey,
}

impl BallotBox {
    /// Starts the task that casts what the box receives (on the current tokio runtime).
    pub fn start(db: DatabaseConnection, key: SealKey) -> Self {
        let (sender, receiver) = tokio::sync::mpsc::channel::<(
            CastRequest,
            tokio::sync::oneshot::Sender<Result<(), CastError>>,
        )>(4 * BATCH_MAX);
        // SQLite has one writer: one task. PostgreSQL takes concurrent transactions, and
        // a batch's round trips overlap with the next one's.
        let workers = match db.get_database_backend() {
            sea_orm::DbBackend::Postgres => 4,
            _ => 1,
        };
        let receiver = std::sync::Arc::new(tokio::sync::Mutex::new(receiver));
        for _ in 0..workers {
            let (db, receiver, key) = (db.clone(), receiver.clone(), key.clone());
            tokio::spawn(async move {
                loop {
                    let batch = {
                        let mut receiver = receiver.lock().await;
                        let Some(first) = receiver.recv().await else {
                            return;
                        };
                        let mut batch = vec![first];
                        while batch.len() < BATCH_MAX {
                            match receiver.try_recv() {
                                Ok(next) => batch.push(next),
                                Err(_) => break,
                            }
                        }
                        batch
                    };
                    let (requests, answers): (Vec<_>, Vec<_>) = batch.into_iter().unzip();
                    let (size, started) = (requests.len(), std::time::Instant::now());
                    let mut votes: Vec<i64> = requests.iter().map(|r| r.vote_id).collect();
                    votes.sort_unstable();
                    votes.dedup();
                    let now = Utc::now();
                    let cast = cast_batch(&db, &key, requests, now).await;
                    tracing::debug!(
                        size,
                        took_ms = started.elapsed().as_millis(),
                        "ballots cast together"
                    );
                    match cast {
                        Ok(outcomes) => {
                            // Stored; mixed when enough wait, before the voters hear of it,
                            // so that an acknowledged ballot's mix is done (unless another
                            // mix of the vote is at work: they wait, sealed, for the next).
                            // A failure here loses nothing: the ballots wait for the next mix.
                            for vote in votes {
                                if let Err(error) = mix(&db, &key, vote, now).await {
                                    tracing::error!(%error, vote, "mixing ballots");
                                }
                            }
                            for (answer, outcome) in answers.into_iter().zip(outcomes) {
                                let _ = answer.send(outcome);
                            }
                        }
                        Err(error) => {
                            // One error for the whole batch, told to each voter: what kind of
                            // failure it was must survive the copy.
                            let unavailable = crate::store::refuses_writes(&error);
                            if unavailable {
                                tracing::warn!(%error, "casting a batch of ballots");
                            } else {
                                tracing::error!(%error, "casting a batch of ballots");
                            }
                            for answer in answers {
                                let _ = answer.send(Err(if unavailable {
                                    CastError::Unavailable
                                } else {
                                    CastError::Db(DbErr::Custom(error.to_string()))
                                }));
                            }
                        }
                    }
                }
            });
        }
        Self {
            sender,
            setups: std::sync::Arc::default(),
            key,
        }
    }

    /// The key that seals the ballots waiting to be mixed.
    pub fn key(&self) -> &SealKey {
        &self.key
    }

    /// The ballot rules of vote `vote_id` of the council `slug` (not a draft), read from the
    /// database the first time only.
    pub async fn setup(
        &self,
        db: &DatabaseConnection,
        slug: &str,
        vote_id: i64,
    ) -> Result<Option<BallotSetup>, DbErr> {
        let key = (slug.to_owned(), vote_id);
        if let Some(known) = self.setups.lock().ok().and_then(|s| s.get(&key).cloned()) {
            return Ok(Some(known));
        }
        let Ok(council_slug) = crate::domain::CouncilSlug::parse(slug) else {
            return Ok(None);
        };
        let Some(council) = crate::store::council_record(db, &council_slug).await? else {
            return Ok(None);
        };
        let setup = ballot_setup(db, council.id, vote_id).await?;
        if let (Some(setup), Ok(mut setups)) = (&setup, self.setups.lock()) {
            setups.insert(key, setup.clone());
        }
        Ok(setup)
    }

    /// Casts one ballot with whatever else arrives at the same moment.
    pub async fn cast(&self, request: CastRequest) -> Result<(), CastError> {
        let (answer, outcome) = tokio::sync::oneshot::channel();
        self.sender
            .send((request, answer))
            .await
            .map_err(|_| CastError::Db(DbErr::Custom("the ballot box is closed".into())))?;
        let cast = outcome
            .await
            .map_err(|_| CastError::Db(DbErr::Custom("the ballot box is closed".into())))?;
        if cast.is_ok() {
            metrics::counter!(BALLOTS_METRIC).increment(1);
        }
        cast
    }
}
