//! Secret ballots and anonymous responses against whoever holds the database itself
//! (docs/privacy.md, "threat model"): ballots and responses are cast in a known order,
//! then every order the database offers is tried — SQLite's row numbers, the bytes of the
//! file and of its write-ahead log, PostgreSQL's `ctid` and `xmin`, the ids — to put them
//! back in that order or to tie them to the record of who voted or which code was used.
//! Each attack must do no better than chance once the vote or survey has ended, and no
//! better than a group of the council's minimum size while it is open.

use agora_app::domain::ParticipantId;
use agora_app::domain::survey::{QuestionDraft, QuestionKind, SurveyState, answer_key};
use agora_app::domain::tally::{Choice, Integrity, Method};
use agora_app::domain::vote::VoteState;
use agora_app::domain::{MIN_GROUP_DEFAULT, Wording};
use agora_app::store::entities::finding;
use agora_app::store::surveys::{self, NewSurvey};
use agora_app::store::votes::{self, NewVote, Voter};
use agora_tests::TestApp;
use chrono::{Duration, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, Statement};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Voters in the attacked vote: enough for Kendall's tau to tell an order from chance
/// (its spread is about 0.1 for 40 items; the bound below is five times that).
const VOTERS: usize = 40;
const CHANCE: f64 = 0.5;

/// Kendall's tau between the recovered order and the true one: `order[i]` is the true
/// position of the i-th item recovered. 1 is the true order, -1 its reverse, 0 chance.
fn kendall_tau(order: &[usize]) -> f64 {
    let (mut concordant, mut discordant) = (0i64, 0i64);
    for i in 0..order.len() {
        for j in i + 1..order.len() {
            if order[i] < order[j] {
                concordant += 1;
            } else {
                discordant += 1;
            }
        }
    }
    let pairs = (concordant + discordant).max(1) as f64;
    (concordant - discordant) as f64 / pairs
}

/// The n-th of the 120 rankings of five candidates, as the box stores it: each voter's
/// ballot is told apart by its ranking alone.
fn ranking(n: usize) -> Choice {
    let mut left: Vec<usize> = (0..5).collect();
    let mut rest = n;
    let mut groups = Vec::new();
    for size in (1..=5).rev() {
        let factorial: usize = (1..size).product();
        groups.push(vec![left.remove(rest / factorial)]);
        rest %= factorial;
    }
    Choice::Ranking(groups)
}

fn stored(choice: &Choice) -> anyhow::Result<String> {
    Ok(serde_json::to_string(choice)?)
}

/// Every occurrence of `needle` in `haystack`, as byte offsets.
pub(crate) fn offsets(haystack: &[u8], needle: &[u8]) -> Vec<usize> {
    haystack
        .windows(needle.len())
        .enumerate()
        .filter(|(_, window)| *window == needle)
        .map(|(at, _)| at)
        .collect()
}

/// The SQLite file and its write-ahead log, as bytes (empty for PostgreSQL).
pub(crate) fn sqlite_bytes(app: &TestApp) -> anyhow::Result<(Vec<u8>, Vec<u8>)> {
    let Some(file) = app.sqlite_file() else {
        return Ok((Vec::new(), Vec::new()));
    };
    let wal = std::fs::read(format!("{}-wal", file.display())).unwrap_or_default();
    Ok((std::fs::read(file)?, wal))
}

/// The write-ahead log's transactions: for each commit, the bytes of the pages it wrote.
fn wal_commits(wal: &[u8]) -> Vec<Vec<u8>> {
    let mut commits = Vec::new();
    let Some(size) = wal.get(8..12) else {
        return commits;
    };
    let page = u32::from_be_bytes([size[0], size[1], size[2], size[3]]) as usize;
    let mut current = Vec::new();
    let mut at = 32;
    while at + 24 + page <= wal.len() {
        let header = &wal[at..at + 24];
        current.extend_from_slice(&wal[at + 24..at + 24 + page]);
        if header[4..8] != [0, 0, 0, 0] {
            commits.push(std::mem::take(&mut current));
        }
        at += 24 + page;
    }
    commits
}

/// The order in which known texts (each with its true position) first stand in the SQLite
/// file's bytes, and in its log's: what someone reading the raw file would recover.
fn byte_orders(
    app: &TestApp,
    position: &HashMap<String, usize>,
) -> anyhow::Result<Vec<(String, Vec<usize>)>> {
    let (file, wal) = sqlite_bytes(app)?;
    let mut orders = Vec::new();
    for (name, bytes) in [("file bytes", &file), ("log bytes", &wal)] {
        let mut found: Vec<(usize, usize)> = position
            .iter()
            .filter_map(|(text, at)| offsets(bytes, text.as_bytes()).first().map(|o| (*o, *at)))
            .collect();
        found.sort_unstable();
        if found.len() > 1 {
            orders.push((name.to_owned(), found.into_iter().map(|(_, t)| t).collect()));
        }
    }
    Ok(orders)
}

/// Whether a SQLite table still has the hidden row numbers that keep the order of arrival.
async fn has_row_numbers(app: &TestApp, table: &str) -> bool {
    app.db
        .query_all_raw(Statement::from_string(
            DbBackend::Sqlite,
            format!("SELECT rowid FROM {table} LIMIT 1"),
        ))
        .await
        .is_ok()
}

/// One column of every row of a query, as text.
async fn texts(app: &TestApp, sql: &str, column: &str) -> anyhow::Result<Vec<String>> {
    let rows = app
        .db
        .query_all_raw(Statement::from_string(app.db.get_database_backend(), sql))
        .await?;
    rows.iter()
        .map(|row| row.try_get::<String>("", column).map_err(Into::into))
        .collect()
}

/// `(page,item)` of a PostgreSQL `ctid`, to sort by.
fn ctid(text: &str) -> (u64, u64) {
    let inner = text.trim_matches(|c| c == '(' || c == ')');
    let (page, item) = inner.split_once(',').unwrap_or(("0", "0"));
    (page.parse().unwrap_or(0), item.parse().unwrap_or(0))
}

async fn demo_council(app: &TestApp) -> anyhow::Result<(i64, Vec<i64>)> {
    let council = app.demo_council().await?;
    let findings = finding::Entity::find()
        .filter(finding::Column::CouncilId.eq(council.id))
        .all(&app.db)
        .await?
        .into_iter()
        .take(5)
        .map(|f| f.id)
        .collect();
    Ok((council.id, findings))
}

/// Every order the database offers of a vote's ballots, each as the true positions of the
/// ballots in the order recovered (ballots are known by their ranking).
async fn ballot_orders(
    app: &TestApp,
    vote: i64,
    position: &HashMap<String, usize>,
) -> anyhow::Result<Vec<(String, Vec<usize>)>> {
    let known = |choice: &str| position.get(choice).copied();
    let mut orders = Vec::new();
    let by_id = texts(
        app,
        &format!("SELECT choice FROM ballot WHERE vote_id = {vote} ORDER BY id"),
        "choice",
    )
    .await?;
    orders.push(("id".into(), by_id.iter().filter_map(|c| known(c)).collect()));
    match app.db.get_database_backend() {
        DbBackend::Sqlite => {
            // No row number to order by: the table has none.
            assert!(
                !has_row_numbers(app, "ballot").await,
                "SQLite keeps row numbers"
            );
            orders.extend(byte_orders(app, position)?);
        }
        DbBackend::Postgres => {
            let rows = app
                .db
                .query_all_raw(Statement::from_string(
                    DbBackend::Postgres,
                    format!(
                        "SELECT choice, ctid::text AS c, xmin::text AS x FROM ballot \
                         WHERE vote_id = {vote}"
                    ),
                ))
                .await?;
            let mut by_ctid = Vec::new();
            let mut by_xmin = Vec::new();
            for row in &rows {
                let choice: String = row.try_get("", "choice")?;
                let at: String = row.try_get("", "c")?;
                let xmin: String = row.try_get("", "x")?;
                if let Some(true_at) = known(&choice) {
                    by_ctid.push((ctid(&at), true_at));
                    by_xmin.push((xmin.parse::<u64>().unwrap_or(0), ctid(&at), true_at));
                }
            }
            by_ctid.sort_unstable();
            by_xmin.sort_unstable();
            orders.push(("ctid".into(), by_ctid.into_iter().map(|(_, t)| t).collect()));
            orders.push((
                "xmin".into(),
                by_xmin.into_iter().map(|(_, _, t)| t).collect(),
            ));
        }
        _ => {}
    }
    Ok(orders)
}

/// PostgreSQL's transaction ids of a table's rows for one vote or survey.
async fn xmins(app: &TestApp, table: &str, filter: &str) -> anyhow::Result<Vec<String>> {
    texts(
        app,
        &format!("SELECT xmin::text AS x FROM {table} WHERE {filter}"),
        "x",
    )
    .await
}

#[tokio::test]
async fn a_copy_of_the_database_neither_orders_the_ballots_nor_ties_them_to_their_voters()
-> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let key = app.seal_key();
    let (council, findings) = demo_council(&app).await?;
    let k = agora_app::store::min_group_size(&app.db, council).await?;
    assert_eq!(k, MIN_GROUP_DEFAULT as usize);
    let now = Utc::now();
    let vote = votes::create_vote(
        &app.db,
        NewVote {
            council_id: council,
            assembly_id: None,
            title: "Nos priorités",
            colleges: &["usagers".to_owned(), "habitants".to_owned()],
            method: Method::Schulze,
            integrity: Integrity::Open,
            findings: &findings,
            max_points: 0,
            max_points_per_candidate: 0,
            opens_at: now - Duration::hours(1),
            closes_at: now + Duration::hours(1),
            by: None,
        },
    )
    .await?;
    votes::set_state(&app.db, council, vote, VoteState::Open, None).await?;

    // Cast one by one, in a known order: the i-th voter ranks the i-th way.
    let mut position = HashMap::new();
    let mut box_sizes = Vec::new();
    for i in 0..VOTERS + 2 {
        let choice = ranking(i);
        position.insert(stored(&choice)?, i);
        let voter = ParticipantId::from_random([i as u8 + 1; 16]);
        let college = if i % 3 == 0 { "usagers" } else { "habitants" };
        votes::cast(
            &app.db,
            key,
            vote,
            Voter::Participant(&voter),
            college,
            choice,
            now,
        )
        .await?;
        box_sizes.push(votes::ballots(&app.db, vote).await?.len());
    }

    // While the vote is open, ballots reach the box k at a time, never one by one: the
    // provisional count cannot be differenced ballot by ballot.
    for (cast, size) in box_sizes.iter().enumerate() {
        assert_eq!(*size, (cast + 1) / k * k, "box after {} ballots", cast + 1);
    }
    // The two ballots still waiting are nowhere in clear, in the file or in its log.
    let (file, wal) = sqlite_bytes(&app)?;
    for late in [VOTERS, VOTERS + 1] {
        let choice = stored(&ranking(late))?;
        assert!(
            offsets(&file, choice.as_bytes()).is_empty(),
            "waiting ballot in the file"
        );
        assert!(
            offsets(&wal, choice.as_bytes()).is_empty(),
            "waiting ballot in the log"
        );
    }
    // Neither the log's transactions nor PostgreSQL's transaction ids tie a ballot to
    // fewer than k others, nor to the record of a voter.
    let voters = texts(
        &app,
        &format!("SELECT voter FROM vote_participation WHERE vote_id = {vote}"),
        "voter",
    )
    .await?;
    for commit in wal_commits(&wal) {
        let ballots = position
            .keys()
            .filter(|c| !offsets(&commit, c.as_bytes()).is_empty())
            .count();
        let voters_there = voters
            .iter()
            .filter(|v| !offsets(&commit, v.as_bytes()).is_empty())
            .count();
        assert!(
            ballots == 0 || ballots >= k,
            "a log commit with {ballots} ballots"
        );
        assert!(
            ballots == 0 || voters_there == 0,
            "ballots and voters in one commit"
        );
    }
    if app.db.get_database_backend() == DbBackend::Postgres {
        let ballot_xmins = xmins(&app, "ballot", &format!("vote_id = {vote}")).await?;
        let mut groups: BTreeMap<&str, usize> = BTreeMap::new();
        for x in &ballot_xmins {
            *groups.entry(x.as_str()).or_default() += 1;
        }
        assert!(groups.values().all(|n| *n >= k), "{groups:?}");
        let voter_xmins: HashSet<String> =
            xmins(&app, "vote_participation", &format!("vote_id = {vote}"))
                .await?
                .into_iter()
                .collect();
        assert!(
            ballot_xmins.iter().all(|x| !voter_xmins.contains(x)),
            "a ballot written in a voter's transaction"
        );
    }

    // Closed: the whole box is mixed once more, and no order it offers is better than chance.
    votes::set_state(&app.db, council, vote, VoteState::Closed, None).await?;
    votes::mix(&app.db, key, vote, Utc::now()).await?;
    assert_eq!(votes::ballots(&app.db, vote).await?.len(), VOTERS + 2);
    let orders = ballot_orders(&app, vote, &position).await?;
    for (name, order) in &orders {
        assert!(
            order.len() >= VOTERS,
            "{name}: {} ballots found",
            order.len()
        );
        let tau = kendall_tau(order);
        assert!(
            tau.abs() < CHANCE,
            "ordered by {name}, tau = {tau:.2}: {order:?}"
        );
    }
    if app.db.get_database_backend() == DbBackend::Postgres {
        let ballot_xmins: HashSet<String> = xmins(&app, "ballot", &format!("vote_id = {vote}"))
            .await?
            .into_iter()
            .collect();
        assert_eq!(ballot_xmins.len(), 1, "one transaction for the whole box");
    }
    Ok(())
}

#[tokio::test]
async fn a_copy_of_the_database_neither_orders_the_responses_nor_ties_them_to_their_codes()
-> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let key = app.seal_key();
    let (council, _) = demo_council(&app).await?;
    let k = agora_app::store::min_group_size(&app.db, council).await?;
    let wording = |text: &str| Wording {
        plain: text.into(),
        easy: String::new(),
    };
    let id = surveys::create_survey(
        &app.db,
        &NewSurvey {
            council_id: council,
            title: wording("Ce qui vous aiderait"),
            intro: wording(""),
            one_per_person: true,
            sections: vec![(
                wording("Vos idées"),
                vec![QuestionDraft {
                    kind: QuestionKind::LongText,
                    prompt: wording("Qu'est-ce qui vous aiderait ?"),
                    required: true,
                    profile: None,
                    options: Vec::new(),
                }],
            )],
            by: None,
        },
    )
    .await?;
    let codes = surveys::issue_survey_codes(&app.db, council, id, VOTERS + 2, None).await?;
    surveys::set_survey_state(&app.db, key, council, id, SurveyState::Open, None).await?;
    let question = surveys::survey_view(&app.db, council, id)
        .await?
        .and_then(|view| view.questions().next().map(|q| q.id))
        .ok_or_else(|| anyhow::anyhow!("the question"))?;
    // The i-th respondent writes the i-th answer; answers are stored as JSON.
    let answer = |i: usize| format!("Réponse numéro {i:03} pour le test");
    let mut position = HashMap::new();
    let mut counted = Vec::new();
    for (i, code) in codes.iter().enumerate() {
        let form = BTreeMap::from([(answer_key(question, None), answer(i))]);
        surveys::submit_response(&app.db, key, council, id, &form, code).await?;
        position.insert(answer(i), i);
        counted.push(
            texts(
                &app,
                &format!("SELECT id FROM survey_response WHERE survey_id = {id}"),
                "id",
            )
            .await?
            .len(),
        );
    }
    for (sent, n) in counted.iter().enumerate() {
        assert_eq!(*n, (sent + 1) / k * k, "responses after {} sent", sent + 1);
    }
    let (file, wal) = sqlite_bytes(&app)?;
    for late in [VOTERS, VOTERS + 1] {
        assert!(
            offsets(&file, answer(late).as_bytes()).is_empty(),
            "waiting response in the file"
        );
        assert!(
            offsets(&wal, answer(late).as_bytes()).is_empty(),
            "waiting response in the log"
        );
    }
    if app.db.get_database_backend() == DbBackend::Postgres {
        let code_xmins: HashSet<String> =
            xmins(&app, "survey_code", &format!("survey_id = {id} AND used"))
                .await?
                .into_iter()
                .collect();
        let response_xmins = xmins(&app, "survey_response", &format!("survey_id = {id}")).await?;
        assert!(
            response_xmins.iter().all(|x| !code_xmins.contains(x)),
            "a response written in the transaction that used its code"
        );
    }

    surveys::set_survey_state(&app.db, key, council, id, SurveyState::Closed, None).await?;
    // Every order of the answers, as the database keeps them.
    let known = |value: &str| {
        position
            .iter()
            .find(|(text, _)| value.contains(text.as_str()))
            .map(|(_, at)| *at)
    };
    let mut orders: Vec<(String, Vec<usize>)> = Vec::new();
    let by_id = texts(
        &app,
        &format!(
            "SELECT a.value AS v FROM survey_answer a JOIN survey_response r \
             ON r.id = a.response_id WHERE r.survey_id = {id} ORDER BY r.id"
        ),
        "v",
    )
    .await?;
    orders.push(("id".into(), by_id.iter().filter_map(|v| known(v)).collect()));
    match app.db.get_database_backend() {
        DbBackend::Sqlite => {
            assert!(
                !has_row_numbers(&app, "survey_answer").await,
                "answers keep SQLite row numbers"
            );
            assert!(
                !has_row_numbers(&app, "survey_response").await,
                "responses keep SQLite row numbers"
            );
            orders.extend(byte_orders(&app, &position)?);
        }
        DbBackend::Postgres => {
            for table in ["survey_answer", "survey_response"] {
                let column = if table == "survey_answer" {
                    "value"
                } else {
                    "id"
                };
                let rows = app
                    .db
                    .query_all_raw(Statement::from_string(
                        DbBackend::Postgres,
                        format!(
                            "SELECT a.value AS v, t.ctid::text AS c FROM {table} t \
                             JOIN survey_answer a ON a.{} = t.{column} \
                             JOIN survey_response r ON r.id = a.response_id \
                             WHERE r.survey_id = {id}",
                            if table == "survey_answer" {
                                "value"
                            } else {
                                "response_id"
                            }
                        ),
                    ))
                    .await?;
                let mut found = Vec::new();
                for row in &rows {
                    let value: String = row.try_get("", "v")?;
                    let at: String = row.try_get("", "c")?;
                    if let Some(true_at) = known(&value) {
                        found.push((ctid(&at), true_at));
                    }
                }
                found.sort_unstable();
                orders.push((
                    format!("{table} ctid"),
                    found.into_iter().map(|(_, t)| t).collect(),
                ));
            }
            let response_xmins: HashSet<String> =
                xmins(&app, "survey_response", &format!("survey_id = {id}"))
                    .await?
                    .into_iter()
                    .collect();
            assert_eq!(
                response_xmins.len(),
                1,
                "one transaction for all the responses"
            );
        }
        _ => {}
    }
    for (name, order) in &orders {
        assert!(
            order.len() >= VOTERS,
            "{name}: {} answers found",
            order.len()
        );
        let tau = kendall_tau(order);
        assert!(
            tau.abs() < CHANCE,
            "ordered by {name}, tau = {tau:.2}: {order:?}"
        );
    }
    Ok(())
}

#[tokio::test]
async fn two_supports_of_one_participant_share_nothing_in_the_database() -> anyhow::Result<()> {
    use agora_app::live::ClientMessage;
    use agora_app::services::room::{self, Actor};
    use agora_app::store::entities::{assembly, question, question_vote};
    let app = TestApp::with_demo().await?;
    let room_row = assembly::Entity::find()
        .one(&app.db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("demo assembly"))?;
    let (staff, _) = app
        .staff_member(
            &agora_app::domain::CouncilSlug::parse(agora_server::demo::slug())?,
            agora_app::domain::Role::Facilitator,
            "Fanny Anime",
        )
        .await?;
    agora_app::services::room::change_live_state(
        &app.db,
        room_row.council_id,
        room_row.id,
        agora_app::domain::LiveState::Open,
        Some(staff),
    )
    .await?;
    let participant = ParticipantId::from_random([9; 16]);
    let voter = agora_app::store::room::voter_key(&participant, room_row.id);
    let me = Actor::Participant {
        voter: voter.clone(),
    };
    let facilitator = Actor::Staff { account_id: staff };
    let premoderation = ClientMessage::Premoderation {
        on: false,
        reference: None,
    };
    room::apply(&app.db, room_row.id, &facilitator, &premoderation).await?;
    for body in ["Et les transports ?", "Et le logement ?"] {
        let ask = ClientMessage::Ask {
            body: body.into(),
            first_name: None,
            college: None,
            reference: None,
        };
        room::apply(
            &app.db,
            room_row.id,
            &Actor::Participant {
                voter: "x".repeat(64),
            },
            &ask,
        )
        .await?;
    }
    let questions: Vec<i64> = question::Entity::find()
        .filter(question::Column::AssemblyId.eq(room_row.id))
        .all(&app.db)
        .await?
        .into_iter()
        .map(|q| q.id)
        .collect();
    for q in &questions {
        let upvote = ClientMessage::Upvote {
            question: *q,
            reference: None,
        };
        room::apply(&app.db, room_row.id, &me, &upvote).await?;
    }
    let marks: Vec<String> = question_vote::Entity::find()
        .all(&app.db)
        .await?
        .into_iter()
        .map(|v| v.voter)
        .collect();
    assert_eq!(marks.len(), 2);
    assert_ne!(marks[0], marks[1], "one person's supports share a value");
    assert!(marks.iter().all(|m| *m != voter), "the voter key is stored");
    // The participant still finds what they support.
    let mut supported = agora_app::store::room::supported_by(&app.db, room_row.id, &voter).await?;
    supported.sort_unstable();
    let mut expected = questions.clone();
    expected.sort_unstable();
    assert_eq!(supported, expected);
    Ok(())
}

#[tokio::test]
async fn the_seal_key_is_kept_private_and_a_server_with_another_key_does_not_start()
-> anyhow::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let app = TestApp::empty().await?;
    let dir = tempfile::tempdir()?;
    let config_with = |file: std::path::PathBuf| {
        agora_server::config::Config::from_lookup(move |key| match key {
            "AGORA_SEAL_KEY_FILE" => Some(file.display().to_string()),
            _ => None,
        })
    };
    // A new key file is drawn on first start, readable by its owner only.
    let other = dir.path().join("keys/other.key");
    let refused = agora_server::open_seal_key(&config_with(other.clone())?, &app.db).await;
    let mode = std::fs::metadata(&other)?.permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "{mode:o}");
    assert_eq!(std::fs::read(&other)?.len(), 32);
    // But this database's waiting ballots were sealed with the first key: refused, and the
    // database still knows only the first.
    let message = refused.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(message.contains("AGORA_SEAL_KEY_FILE"), "{message}");
    let stored = agora_app::store::entities::seal_key::Entity::find()
        .all(&app.db)
        .await?;
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].fingerprint, app.seal_key().fingerprint());
    // A key file of the wrong length is refused with its name.
    let short = dir.path().join("short.key");
    std::fs::write(&short, [1u8; 16])?;
    let message = agora_server::open_seal_key(&config_with(short)?, &app.db)
        .await
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        message.contains("short.key") && message.contains("32"),
        "{message}"
    );
    Ok(())
}
