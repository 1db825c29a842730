//! Surveys at scale, against the real server in a child process:
//! - **results**: the results page of a closed survey of 30 questions (three of them
//!   profile questions) answered by N respondents (default 20,000, so 30 × N answers less
//!   the skipped ones), read 100 times one after the other; and the same with the
//!   breakdown by each profile;
//! - **submissions**: R responses per second (default 500) for S seconds (default 10) to an
//!   open survey of the same 30 questions, each a plain form post as a browser without
//!   JavaScript sends it; lost = acknowledged but not in the database afterwards.
//!
//! `cargo run --release -p agora-tests --bin survey-bench -- [N] [R] [S]`
//! On SQLite (a file in a temporary folder), and on PostgreSQL too when
//! `BENCH_DATABASE_URL` names a server (a fresh database is created on it). The per-address
//! write limit is lifted, as in vote-bench: every respondent here shares 127.0.0.1.

use agora_app::domain::Wording;
use agora_app::domain::survey::{Answer, Profile, QuestionDraft, QuestionKind, SurveyState};
use agora_app::store::entities::{survey_answer, survey_response};
use agora_app::store::surveys::{self, NewSurvey};
use agora_tests::bench::{Server, free_port, percentile, serve_agora, spawn, wait_listening};
use anyhow::Context;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set, TransactionTrait};
use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    if args.first().map(String::as_str) == Some("serve-agora") {
        return runtime.block_on(serve_agora());
    }
    let number = |i: usize, default: usize| -> anyhow::Result<usize> {
        Ok(args
            .get(i)
            .map(|a| a.parse())
            .transpose()?
            .unwrap_or(default))
    };
    runtime.block_on(run(number(0, 20_000)?, number(1, 500)?, number(2, 10)?))
}

fn wording(plain: &str) -> Wording {
    Wording {
        plain: plain.to_owned(),
        easy: plain.to_owned(),
    }
}

/// Thirty questions: three profiles (college, commune, age band), then single choices,
/// multiple choices, scales, rankings and texts.
fn questions() -> Vec<QuestionDraft> {
    let options = |n: usize| (1..=n).map(|i| wording(&format!("Option {i}"))).collect();
    let mut list = vec![
        (QuestionKind::Single, Some(Profile::College), 6),
        (QuestionKind::Single, Some(Profile::Commune), 8),
        (QuestionKind::Single, Some(Profile::AgeBand), 5),
    ];
    list.extend([(QuestionKind::Single, None, 4); 9]);
    list.extend([(QuestionKind::Multiple, None, 6); 6]);
    list.extend([(QuestionKind::Scale, None, 0); 6]);
    list.extend([(QuestionKind::Ranking, None, 5); 3]);
    list.extend([(QuestionKind::ShortText, None, 0); 2]);
    list.push((QuestionKind::LongText, None, 0));
    list.into_iter()
        .enumerate()
        .map(|(i, (kind, profile, n))| QuestionDraft {
            kind,
            prompt: wording(&format!("Question {}", i + 1)),
            required: false,
            profile,
            options: options(n),
        })
        .collect()
}

/// Respondent `n`'s answers, varied with `n` (some questions skipped, as people do).
fn answers(
    questions: &[agora_app::domain::survey::SurveyQuestion],
    n: usize,
) -> BTreeMap<i64, Answer> {
    let mut answers = BTreeMap::new();
    for (i, question) in questions.iter().enumerate() {
        let seed = n.wrapping_mul(2_654_435_761).wrapping_add(i * 40_503) >> 7;
        if question.profile.is_none() && seed.is_multiple_of(11) {
            continue;
        }
        let option = |k: usize| question.options[(seed + k) % question.options.len()].0;
        let answer = match question.kind {
            QuestionKind::Single => Answer::Single(option(0)),
            QuestionKind::Multiple => {
                let mut ticked = vec![option(0)];
                if seed.is_multiple_of(3) {
                    ticked.push(option(1));
                }
                ticked.sort_by_key(|o| question.options.iter().position(|(x, _)| x == o));
                Answer::Multiple(ticked)
            }
            QuestionKind::Scale => Answer::Scale(1 + (seed % 5) as u8),
            QuestionKind::Ranking => Answer::Ranking(vec![option(0), option(1), option(2)]),
            QuestionKind::ShortText | QuestionKind::LongText => {
                if !seed.is_multiple_of(4) {
                    continue;
                }
                Answer::Text(format!("Réponse écrite numéro {n}"))
            }
        };
        answers.insert(question.id, answer);
    }
    answers
}

/// The same answers as the form fields a browser posts.
fn form(answers: &BTreeMap<i64, Answer>) -> Vec<(String, String)> {
    let key = |question: i64, option: Option<i64>| {
        format!(
            "q[{}]",
            agora_app::domain::survey::answer_key(question, option)
        )
    };
    let mut fields = Vec::new();
    for (question, answer) in answers {
        match answer {
            Answer::Single(option) => fields.push((key(*question, None), option.to_string())),
            Answer::Scale(point) => fields.push((key(*question, None), point.to_string())),
            Answer::Text(text) => fields.push((key(*question, None), text.clone())),
            Answer::Multiple(options) => {
                for option in options {
                    fields.push((key(*question, Some(*option)), "on".to_owned()));
                }
            }
            Answer::Ranking(order) => {
                for (rank, option) in order.iter().enumerate() {
                    fields.push((key(*question, Some(*option)), (rank + 1).to_string()));
                }
            }
        }
    }
    fields
}

struct Prepared {
    url: String,
    slug: String,
    closed: i64,
    open: i64,
    profiles: Vec<i64>,
    open_questions: Vec<agora_app::domain::survey::SurveyQuestion>,
    _dir: tempfile::TempDir,
}

/// The demo council with two surveys of the same thirty questions: one answered by
/// `respondents` and closed (its rows written in bulk, as a mix writes them),
/// one open.
async fn prepare(server: Option<&str>, respondents: usize) -> anyhow::Result<Prepared> {
    use agora_app::store::entities::council;
    let dir = tempfile::tempdir()?;
    let url = agora_tests::bench::fresh_database(server, &dir).await?;
    let db = agora_server::prepare_database(&url).await?;
    let key = agora_tests::bench::seal_key(&url, &db).await?;
    agora_server::demo::seed(&db, &key).await?;
    let council = council::Entity::find()
        .one(&db)
        .await?
        .context("demo council")?;
    let mut ids = Vec::new();
    for title in ["Banc d'essai (clos)", "Banc d'essai (ouvert)"] {
        let id = surveys::create_survey(
            &db,
            &NewSurvey {
                council_id: council.id,
                title: wording(title),
                intro: wording(""),
                one_per_person: false,
                sections: vec![(wording("Partie"), questions())],
                by: None,
            },
        )
        .await?;
        surveys::set_survey_state(&db, &key, council.id, id, SurveyState::Open, None).await?;
        ids.push(id);
    }
    let view = surveys::survey_view(&db, council.id, ids[0])
        .await?
        .context("survey")?;
    let questions: Vec<_> = view.questions().cloned().collect();
    let open_questions: Vec<_> = surveys::survey_view(&db, council.id, ids[1])
        .await?
        .context("survey")?
        .questions()
        .cloned()
        .collect();
    for chunk in (0..respondents).collect::<Vec<_>>().chunks(500) {
        let txn = db.begin().await?;
        let mut responses = Vec::new();
        let mut rows = Vec::new();
        for n in chunk {
            let id = format!("{:032x}", rand::random::<u128>());
            for (question, answer) in answers(&questions, *n) {
                rows.push(survey_answer::ActiveModel {
                    response_id: Set(id.clone()),
                    question_id: Set(question),
                    review: Set(matches!(answer, Answer::Text(_)).then(|| "pending".to_owned())),
                    value: Set(serde_json::to_string(&answer)?),
                });
            }
            responses.push(survey_response::ActiveModel {
                id: Set(id),
                survey_id: Set(ids[0]),
            });
        }
        survey_response::Entity::insert_many(responses)
            .exec(&txn)
            .await?;
        // Within the bind-parameter limits of both databases.
        for rows in rows.chunks(2000) {
            survey_answer::Entity::insert_many(rows.to_vec())
                .exec(&txn)
                .await?;
        }
        txn.commit().await?;
    }
    // Closing counts the answers once, for the whole and for each profile, and keeps them.
    let closing = Instant::now();
    surveys::set_survey_state(&db, &key, council.id, ids[0], SurveyState::Closed, None).await?;
    println!(
        "{}: closing the survey of {respondents} respondents (counting and keeping its results) took {:.2} s\n",
        if server.is_some() {
            "PostgreSQL"
        } else {
            "SQLite"
        },
        closing.elapsed().as_secs_f64()
    );
    db.close().await?;
    Ok(Prepared {
        url,
        slug: council.slug,
        closed: ids[0],
        open: ids[1],
        profiles: questions
            .iter()
            .filter(|q| q.profile.is_some())
            .map(|q| q.id)
            .collect(),
        open_questions,
        _dir: dir,
    })
}

async fn start(prepared: &Prepared) -> anyhow::Result<(Server, reqwest::Client)> {
    let port = free_port()?;
    let server = Server {
        child: spawn(
            &["serve-agora"],
            &[
                ("DATABASE_URL", prepared.url.clone()),
                ("AGORA_ADDRESS", format!("127.0.0.1:{port}")),
                ("AGORA_WRITE_LIMIT_ADDRESS", "1000000/1".into()),
                // Every simulated voter is a new participant from this one address.
                ("AGORA_NEW_PARTICIPANTS_ADDRESS", "1000000/1".into()),
            ],
        )?,
        port,
    };
    wait_listening(port).await?;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(60))
        .build()?;
    Ok((server, client))
}

/// Reads `path` 100 times one after the other (after 3 unmeasured reads); the times in ms.
async fn read_times(client: &reqwest::Client, url: &str) -> anyhow::Result<Vec<f64>> {
    let mut times = Vec::new();
    for i in 0..103 {
        let sent = Instant::now();
        let response = client.get(url).send().await?;
        anyhow::ensure!(
            response.status().is_success(),
            "{url}: {}",
            response.status()
        );
        let body = response.text().await?;
        anyhow::ensure!(body.contains("<svg"), "{url}: no chart");
        if i >= 3 {
            times.push(sent.elapsed().as_secs_f64() * 1000.0);
        }
    }
    Ok(times)
}

async fn results(database: &str, prepared: &Prepared, respondents: usize) -> anyhow::Result<()> {
    let (server, client) = start(prepared).await?;
    let base = format!(
        "http://127.0.0.1:{}/{}/questionnaires/{}/resultats",
        server.port, prepared.slug, prepared.closed
    );
    let mut pages = vec![("default".to_owned(), base.clone())];
    for (i, profile) in prepared.profiles.iter().enumerate() {
        pages.push((
            format!("profile {}", i + 1),
            format!("{base}?par={profile}"),
        ));
    }
    for (name, url) in pages {
        let times = read_times(&client, &url).await?;
        println!(
            "| {database} | {respondents} | {name} | {:.1} | {:.1} | {:.1} | {} |",
            percentile(&times, 0.5),
            percentile(&times, 0.99),
            percentile(&times, 1.0),
            server.rss_kib()? / 1024,
        );
    }
    Ok(())
}

async fn submissions(
    database: &str,
    prepared: &Prepared,
    rate: usize,
    seconds: usize,
) -> anyhow::Result<()> {
    let (server, client) = start(prepared).await?;
    let url = Arc::new(format!(
        "http://127.0.0.1:{}/api/submit_survey",
        server.port
    ));
    let total = rate * seconds;
    let open = prepared.open.to_string();
    let start = Instant::now();
    let gap = 1.0 / rate as f64;
    let mut tasks = Vec::with_capacity(total);
    for n in 0..total {
        let mut fields = vec![
            ("slug".to_owned(), prepared.slug.clone()),
            ("survey".to_owned(), open.clone()),
        ];
        fields.extend(form(&answers(&prepared.open_questions, n)));
        let client = client.clone();
        let url = url.clone();
        let due = start + Duration::from_secs_f64(gap * n as f64);
        tasks.push(tokio::spawn(async move {
            tokio::time::sleep_until(due.into()).await;
            let sent = Instant::now();
            let answer = client
                .post(url.as_str())
                .header("accept", "text/html")
                .form(&fields)
                .send()
                .await;
            let took = sent.elapsed().as_secs_f64() * 1000.0;
            match answer {
                Ok(response) => (
                    Some(took),
                    agora_tests::bench::confirmed(&response, "saved-survey-sent"),
                ),
                Err(_) => (None, false),
            }
        }));
    }
    let (mut times, mut refused, mut failed) = (Vec::new(), 0, 0);
    for task in tasks {
        match task.await? {
            (Some(took), true) => times.push(took),
            (Some(_), false) => refused += 1,
            (None, _) => failed += 1,
        }
    }
    let elapsed = start.elapsed().as_secs_f64();
    let db = sea_orm::Database::connect(prepared.url.as_str()).await?;
    // Mixed among the responses, or sealed and waiting for their group (docs/privacy.md).
    let stored = survey_response::Entity::find()
        .filter(survey_response::Column::SurveyId.eq(prepared.open))
        .count(&db)
        .await? as usize
        + agora_app::store::entities::survey_waiting::Entity::find()
            .filter(agora_app::store::entities::survey_waiting::Column::SurveyId.eq(prepared.open))
            .count(&db)
            .await? as usize;
    db.close().await?;
    let lost = times.len().saturating_sub(stored);
    println!(
        "| {database} | {rate} | {seconds} | {total} | {} | {refused} | {failed} | {lost} | {stored} | {:.1} | {:.1} | {:.1} | {:.1} | {} |",
        times.len(),
        percentile(&times, 0.5),
        percentile(&times, 0.99),
        percentile(&times, 1.0),
        elapsed,
        server.rss_kib()? / 1024,
    );
    Ok(())
}

async fn run(respondents: usize, rate: usize, seconds: usize) -> anyhow::Result<()> {
    let mut databases = vec![("SQLite", None)];
    if let Ok(server) = std::env::var("BENCH_DATABASE_URL")
        && !server.is_empty()
    {
        databases.push(("PostgreSQL", Some(server)));
    }
    let mut prepared = Vec::new();
    for (name, server) in &databases {
        let started = Instant::now();
        prepared.push((*name, prepare(server.as_deref(), respondents).await?));
        eprintln!(
            "{name}: prepared in {:.0} s",
            started.elapsed().as_secs_f64()
        );
    }
    println!(
        "Results page of a closed survey of 30 questions, read 100 times one after the other."
    );
    println!();
    println!("| database | respondents | breakdown | p50 ms | p99 ms | max ms | server RSS MiB |");
    println!("|---|---:|---|---:|---:|---:|---:|");
    for (name, p) in &prepared {
        results(name, p, respondents).await?;
    }
    println!();
    println!(
        "Responses of 30 questions sent at an even rate, each a plain form post; times from sending to the server's answer."
    );
    println!();
    println!(
        "| database | per second | seconds | sent | acknowledged | refused | failed | lost | stored | p50 ms | p99 ms | max ms | all answered after s | server RSS MiB |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (name, p) in &prepared {
        submissions(name, p, rate, seconds).await?;
    }
    Ok(())
}
