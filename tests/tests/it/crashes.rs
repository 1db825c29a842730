//! The server killed (`kill -9`) in the middle of a burst of ballots, then of survey
//! responses: started again on the same database, it holds every ballot and response it
//! acknowledged, none twice, and everyone who tries again gets a clear answer.
//!
//! The server runs in its own process (a benchmark's `serve-agora`, the code `agora serve`
//! runs) so that it can be killed without a chance to finish anything.

use agora_app::domain::survey::{QuestionDraft, QuestionKind, SurveyState};
use agora_app::domain::{ParticipantId, Wording};
use agora_app::store::entities::{
    ballot, ballot_waiting, survey_code, survey_response, survey_waiting, vote_participation,
};
use agora_app::store::surveys::{self, NewSurvey};
use agora_server::config::Config;
use agora_tests::bench::{Server, free_port, spawn_program, wait_listening};
use agora_tests::{cookie_set, fresh_database_url, location};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// Voters, and respondents, in each burst: enough that the kill lands mid-burst with
/// answers still in flight, few enough for a debug build on two cores.
const CROWD: usize = 240;

/// A database with the demo council, its seal key, and what a server on it needs.
struct Site {
    url: String,
    key_file: std::path::PathBuf,
    slug: String,
    council_id: i64,
    db: sea_orm::DatabaseConnection,
    /// Signs participant cookies as the server does (the same seal key).
    guard: agora_server::protection::WriteGuard,
    key: agora_app::store::seal::SealKey,
    _dir: tempfile::TempDir,
}

impl Site {
    async fn new() -> anyhow::Result<Self> {
        let dir = tempfile::tempdir()?;
        let url = fresh_database_url(&dir).await?;
        let key_file = dir.path().join("seal.key");
        let db = agora_server::prepare_database(&url).await?;
        let config = Config::from_lookup(|name| match name {
            "DATABASE_URL" => Some(url.clone()),
            "AGORA_SEAL_KEY_FILE" => Some(key_file.display().to_string()),
            _ => None,
        })?;
        let key = agora_server::open_seal_key(&config, &db).await?;
        agora_server::demo::seed(&db, &key).await?;
        let council = agora_app::store::entities::council::Entity::find()
            .one(&db)
            .await?
            .ok_or_else(|| anyhow::anyhow!("the demo council"))?;
        let guard =
            agora_server::protection::WriteGuard::new(&config.limits, &config.public_url, &key);
        Ok(Self {
            url,
            key_file,
            slug: council.slug,
            council_id: council.id,
            db,
            guard,
            key,
            _dir: dir,
        })
    }

    /// `agora serve` on this database, in a process of its own.
    async fn start(&self) -> anyhow::Result<Server> {
        let port = free_port()?;
        let child = spawn_program(
            std::path::Path::new(env!("CARGO_BIN_EXE_vote-bench")),
            &["serve-agora"],
            &[
                ("DATABASE_URL", self.url.clone()),
                ("AGORA_ADDRESS", format!("127.0.0.1:{port}")),
                ("AGORA_SEAL_KEY_FILE", self.key_file.display().to_string()),
                // The whole crowd comes from 127.0.0.1.
                ("AGORA_WRITE_LIMIT_ADDRESS", "1000000/1".into()),
                ("AGORA_NEW_PARTICIPANTS_ADDRESS", "1000000/1".into()),
            ],
        )?;
        let server = Server { child, port };
        wait_listening(port).await?;
        Ok(server)
    }

    fn participant(&self, n: usize) -> String {
        let mut bytes = [0u8; 16];
        bytes[..8].copy_from_slice(&(n as u64).to_le_bytes());
        bytes[15] = 0xc5;
        format!(
            "agora_participant={}",
            self.guard
                .participant_cookie(&ParticipantId::from_random(bytes))
        )
    }
}

/// What one form post got back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Answer {
    /// The confirmation (`saved-…` in the flash cookie).
    Saved,
    /// Refused with the expected "already" message.
    Already,
    /// Any other answer: a refusal that is not the expected one.
    Other(u16),
    /// No answer: the connection broke (the server was killed).
    Lost,
}

/// What a plain form post's answer says: its flash cookie names the confirmation, or the
/// refusal (base64 JSON naming its message id).
fn answer_of(response: &reqwest::Response, already: &str) -> Answer {
    use base64::Engine;
    let flash = cookie_set(response, "agora_flash").unwrap_or_default();
    let flash = flash.strip_prefix("agora_flash=").unwrap_or_default();
    if response.status().as_u16() == 302 && flash.starts_with("notice:saved-") {
        return Answer::Saved;
    }
    let refused = flash
        .strip_prefix("form:")
        .and_then(|encoded| {
            base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(encoded)
                .ok()
        })
        .and_then(|json| serde_json::from_slice::<serde_json::Value>(&json).ok());
    match refused {
        Some(echo) if echo["message"] == already && !location(response).is_empty() => {
            Answer::Already
        }
        _ => Answer::Other(response.status().as_u16()),
    }
}

/// Posts every form of `crowd` at once (spread over one second) to a server that is
/// killed once a third have been acknowledged; returns each one's answer.
async fn burst_killed_midway(
    server: &mut Server,
    path: &str,
    crowd: Vec<(String, Vec<(String, String)>)>,
    already: &'static str,
) -> anyhow::Result<Vec<Answer>> {
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(60))
        .build()?;
    let saved = Arc::new(AtomicUsize::new(0));
    let answered = Arc::new(AtomicUsize::new(0));
    let url = format!("http://127.0.0.1:{}{path}", server.port);
    let count = crowd.len();
    let mut tasks = Vec::with_capacity(count);
    for (i, (cookie, fields)) in crowd.into_iter().enumerate() {
        let (client, url) = (client.clone(), url.clone());
        let (saved, answered) = (saved.clone(), answered.clone());
        tasks.push(tokio::spawn(async move {
            tokio::time::sleep(Duration::from_micros(1_000_000 * i as u64 / count as u64)).await;
            let sent = client
                .post(url)
                .header("accept", "text/html")
                .header("cookie", cookie)
                .form(&fields)
                .send()
                .await;
            let answer = match sent {
                Ok(response) => answer_of(&response, already),
                Err(_) => Answer::Lost,
            };
            if answer == Answer::Saved {
                saved.fetch_add(1, Ordering::SeqCst);
            }
            answered.fetch_add(1, Ordering::SeqCst);
            answer
        }));
    }
    // The kill: SIGKILL, no shutdown, whatever is in flight.
    // (Or once every post has its answer, if too few were saved: the test then says so.)
    while saved.load(Ordering::SeqCst) < count / 3 && answered.load(Ordering::SeqCst) < count {
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    server.child.kill()?;
    server.child.wait()?;
    let mut answers = Vec::with_capacity(count);
    for task in tasks {
        answers.push(task.await?);
    }
    Ok(answers)
}

/// Everyone tries again on the restarted server: who was told "saved" must now be told
/// "already"; who got no answer is either saved now or told "already".
async fn everyone_tries_again(
    server: &Server,
    path: &str,
    crowd: &[(String, Vec<(String, String)>)],
    before: &[Answer],
    already: &'static str,
) -> anyhow::Result<usize> {
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()?;
    let mut saved_late = 0;
    for (n, ((cookie, fields), first)) in crowd.iter().zip(before).enumerate() {
        let response = client
            .post(format!("http://127.0.0.1:{}{path}", server.port))
            .header("accept", "text/html")
            .header("cookie", cookie)
            .form(fields)
            .send()
            .await?;
        let again = answer_of(&response, already);
        match (first, again) {
            (Answer::Saved, Answer::Already) => {}
            (Answer::Lost | Answer::Other(_), Answer::Already) => {}
            (Answer::Lost | Answer::Other(_), Answer::Saved) => saved_late += 1,
            (first, again) => {
                anyhow::bail!("person {n}: first {first:?}, then {again:?} on trying again")
            }
        }
    }
    Ok(saved_late)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_killed_mid_vote_keeps_every_acknowledged_ballot_once() -> anyhow::Result<()> {
    let site = Site::new().await?;
    let vote = agora_tests::bench::open_approval_vote(&site.db, site.council_id).await?;
    let crowd: Vec<(String, Vec<(String, String)>)> = (0..CROWD)
        .map(|n| {
            let fields = vec![
                ("slug".to_owned(), site.slug.clone()),
                ("vote".to_owned(), vote.to_string()),
                ("college".to_owned(), "habitants".to_owned()),
                (format!("approved[{}]", n % 10), "on".to_owned()),
            ];
            (site.participant(n), fields)
        })
        .collect();
    let mut server = site.start().await?;
    let first = burst_killed_midway(&mut server, "/api/cast_ballot", crowd.clone(), "").await?;
    let saved = first.iter().filter(|a| **a == Answer::Saved).count();
    let lost = first.iter().filter(|a| **a == Answer::Lost).count();
    assert!(saved >= CROWD / 3, "{first:?}");
    assert!(lost > 0, "the kill landed after the burst: {first:?}");

    let server = site.start().await?;
    println!("ballots: {saved} saved, {lost} without an answer when the server was killed");
    let saved_late = everyone_tries_again(
        &server,
        "/api/cast_ballot",
        &crowd,
        &first,
        "error-ballot-already",
    )
    .await?;
    // Every voter now has exactly one ballot: the box holds the crowd, no more.
    let in_box = ballot::Entity::find()
        .filter(ballot::Column::VoteId.eq(vote))
        .count(&site.db)
        .await?;
    let waiting = ballot_waiting::Entity::find()
        .filter(ballot_waiting::Column::VoteId.eq(vote))
        .count(&site.db)
        .await?;
    let voters = vote_participation::Entity::find()
        .filter(vote_participation::Column::VoteId.eq(vote))
        .count(&site.db)
        .await?;
    assert_eq!(
        (in_box + waiting, voters),
        (CROWD as u64, CROWD as u64),
        "saved before the kill {saved}, no answer {lost}, saved on trying again {saved_late}"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_killed_mid_survey_keeps_every_acknowledged_response_once() -> anyhow::Result<()> {
    let site = Site::new().await?;
    let wording = |text: &str| Wording {
        plain: text.to_owned(),
        easy: text.to_owned(),
    };
    let survey = surveys::create_survey(
        &site.db,
        &NewSurvey {
            council_id: site.council_id,
            title: wording("Votre avis sur la soirée"),
            intro: wording(""),
            one_per_person: true,
            sections: vec![(
                wording("Partie"),
                vec![QuestionDraft {
                    kind: QuestionKind::Single,
                    prompt: wording("La soirée vous a-t-elle servi ?"),
                    required: true,
                    profile: None,
                    options: vec![wording("Oui"), wording("Non")],
                }],
            )],
            by: None,
        },
    )
    .await?;
    let codes = surveys::issue_survey_codes(&site.db, site.council_id, survey, CROWD, None).await?;
    surveys::set_survey_state(
        &site.db,
        &site.key,
        site.council_id,
        survey,
        SurveyState::Open,
        None,
    )
    .await?;
    let view = surveys::survey_view(&site.db, site.council_id, survey)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the survey"))?;
    let question = view
        .questions()
        .next()
        .ok_or_else(|| anyhow::anyhow!("its question"))?
        .clone();
    let crowd: Vec<(String, Vec<(String, String)>)> = codes
        .iter()
        .enumerate()
        .map(|(n, code)| {
            let fields = vec![
                ("slug".to_owned(), site.slug.clone()),
                ("survey".to_owned(), survey.to_string()),
                ("code".to_owned(), code.clone()),
                (
                    format!("q[q{}]", question.id),
                    question.options[n % 2].0.to_string(),
                ),
            ];
            (site.participant(10_000 + n), fields)
        })
        .collect();
    let mut server = site.start().await?;
    let first = burst_killed_midway(&mut server, "/api/submit_survey", crowd.clone(), "").await?;
    let saved = first.iter().filter(|a| **a == Answer::Saved).count();
    assert!(saved >= CROWD / 3, "{first:?}");
    assert!(
        first.contains(&Answer::Lost),
        "the kill landed after the burst"
    );

    let server = site.start().await?;
    println!(
        "responses: {saved} saved, {} without an answer when the server was killed",
        first.iter().filter(|a| **a == Answer::Lost).count()
    );
    // A used code is refused with the same words as a mistyped one (so that a found code
    // card says nothing of its owner): that is the "already" of a survey.
    let saved_late = everyone_tries_again(
        &server,
        "/api/submit_survey",
        &crowd,
        &first,
        "error-survey-code-not-valid",
    )
    .await?;
    let responses = survey_response::Entity::find()
        .filter(survey_response::Column::SurveyId.eq(survey))
        .count(&site.db)
        .await?
        + survey_waiting::Entity::find()
            .filter(survey_waiting::Column::SurveyId.eq(survey))
            .count(&site.db)
            .await?;
    let used = survey_code::Entity::find()
        .filter(survey_code::Column::SurveyId.eq(survey))
        .filter(survey_code::Column::Used.eq(true))
        .count(&site.db)
        .await?;
    assert_eq!(
        (responses, used),
        (CROWD as u64, CROWD as u64),
        "saved before the kill {saved}, saved on trying again {saved_late}"
    );
    Ok(())
}
