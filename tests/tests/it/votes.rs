//! Votes in the store, on a real database: ballots are secret by construction, one per
//! participant or per code, and a refused ballot leaves nothing behind.

use agora_app::domain::ParticipantId;
use agora_app::domain::tally::Integrity;
use agora_app::domain::tally::{self, Choice, Method, Weighting};
use agora_app::domain::vote::VoteState;
use agora_app::store::entities::{ballot, ballot_code, finding, vote_participation};
use agora_app::store::votes::{self, CastError, NewVote, Voter};
use agora_tests::TestApp;
use chrono::{Duration, Utc};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

/// The demo council's id and three of its findings.
async fn demo(app: &TestApp) -> anyhow::Result<(i64, Vec<i64>)> {
    let council = app.demo_council().await?;
    let findings = finding::Entity::find()
        .filter(finding::Column::CouncilId.eq(council.id))
        .all(&app.db)
        .await?
        .into_iter()
        .take(3)
        .map(|f| f.id)
        .collect();
    Ok((council.id, findings))
}

async fn open_vote(
    app: &TestApp,
    method: Method,
    integrity: Integrity,
) -> anyhow::Result<(i64, i64)> {
    let (council, findings) = demo(app).await?;
    let id = votes::create_vote(
        &app.db,
        NewVote {
            council_id: council,
            assembly_id: None,
            title: "Nos priorités 2027",
            colleges: &["usagers".to_owned(), "elus".to_owned()],
            method,
            integrity,
            findings: &findings,
            max_points: 5,
            max_points_per_candidate: 3,
            opens_at: Utc::now() - Duration::hours(1),
            closes_at: Utc::now() + Duration::hours(1),
            by: None,
        },
    )
    .await?;
    votes::set_state(&app.db, council, id, VoteState::Open, None).await?;
    Ok((council, id))
}

/// The ballots stored (in the box or waiting to be mixed) and the voters recorded.
async fn counts(app: &TestApp, vote: i64) -> anyhow::Result<(u64, u64)> {
    let ballots = ballot::Entity::find()
        .filter(ballot::Column::VoteId.eq(vote))
        .count(&app.db)
        .await?
        + votes::waiting_count(&app.db, vote).await?;
    let participations = vote_participation::Entity::find()
        .filter(vote_participation::Column::VoteId.eq(vote))
        .count(&app.db)
        .await?;
    Ok((ballots, participations))
}

#[tokio::test]
async fn one_ballot_per_participant_kept_apart_from_who_cast_it() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let (council, vote) = open_vote(&app, Method::Approval, Integrity::Open).await?;
    let lea = ParticipantId::from_random([1; 16]);
    let marc = ParticipantId::from_random([2; 16]);
    let now = Utc::now();
    votes::cast(
        &app.db,
        app.seal_key(),
        vote,
        Voter::Participant(&lea),
        "usagers",
        Choice::Approval(vec![0, 2]),
        now,
    )
    .await?;
    votes::cast(
        &app.db,
        app.seal_key(),
        vote,
        Voter::Participant(&marc),
        "aidants",
        Choice::Approval(vec![2]),
        now,
    )
    .await?;

    // Twice: refused, nothing more stored.
    let again = votes::cast(
        &app.db,
        app.seal_key(),
        vote,
        Voter::Participant(&lea),
        "usagers",
        Choice::Approval(vec![1]),
        now,
    )
    .await;
    assert!(matches!(again, Err(CastError::AlreadyVoted)), "{again:?}");
    // A ballot that breaks the rules: refused, and its voter is not marked as having voted.
    let bad = votes::cast(
        &app.db,
        app.seal_key(),
        vote,
        Voter::Participant(&ParticipantId::from_random([3; 16])),
        "élus",
        Choice::Approval(vec![0, 0]),
        now,
    )
    .await;
    assert!(matches!(bad, Err(CastError::Invalid(_))), "{bad:?}");
    assert_eq!(counts(&app, vote).await?, (2, 2));

    // Closed: the two waiting ballots go into the box.
    votes::set_state(&app.db, council, vote, VoteState::Closed, None).await?;
    votes::mix(&app.db, app.seal_key(), vote, Utc::now()).await?;
    // What a ballot row holds: a random id, the vote, the college, the choices.
    let rows = ballot::Entity::find()
        .filter(ballot::Column::VoteId.eq(vote))
        .all(&app.db)
        .await?;
    for row in &rows {
        assert_eq!(row.id.len(), 32);
        assert!(row.id.chars().all(|c| c.is_ascii_hexdigit()));
        assert!(!row.choice.contains(lea.as_str()) && !row.choice.contains(marc.as_str()));
    }
    // The participation rows hold hashes, neither the cookie nor anything of the ballot.
    for row in vote_participation::Entity::find().all(&app.db).await? {
        assert_eq!(row.voter.len(), 64);
        assert!(!row.voter.contains(lea.as_str()));
        assert!(rows.iter().all(|b| b.id != row.voter));
    }

    let counted = tally::tally(
        &votes::rules_of(
            &app.db,
            &agora_app::store::entities::vote::Entity::find_by_id(vote)
                .one(&app.db)
                .await?
                .ok_or_else(|| anyhow::anyhow!("vote"))?,
        )
        .await?,
        Weighting::Raw,
        &votes::ballots(&app.db, vote).await?,
    );
    assert_eq!(counted.ranking, vec![vec![2], vec![0], vec![1]]);
    Ok(())
}

#[tokio::test]
async fn a_strict_vote_takes_each_printed_code_once() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let (council, vote) = open_vote(&app, Method::Schulze, Integrity::Strict).await?;
    let codes = votes::issue_codes(&app.db, council, vote, 3, None).await?;
    assert_eq!(codes.len(), 3);
    // Only hashes are stored.
    for row in ballot_code::Entity::find().all(&app.db).await? {
        assert!(
            codes
                .iter()
                .all(|code| !row.code_hash.contains(&code.replace('-', "")))
        );
    }
    let now = Utc::now();
    let ranking = || Choice::Ranking(vec![vec![1], vec![0, 2]]);
    // Typed in lower case with a space: still the code.
    let typed = codes[0].to_lowercase().replace('-', " ");
    votes::cast(
        &app.db,
        app.seal_key(),
        vote,
        Voter::Code(&typed),
        "habitants",
        ranking(),
        now,
    )
    .await?;
    let reused = votes::cast(
        &app.db,
        app.seal_key(),
        vote,
        Voter::Code(&codes[0]),
        "habitants",
        ranking(),
        now,
    )
    .await;
    assert!(matches!(reused, Err(CastError::CodeNotValid)), "{reused:?}");
    let unknown = votes::cast(
        &app.db,
        app.seal_key(),
        vote,
        Voter::Code("ZZZZZ-ZZZZZ"),
        "habitants",
        ranking(),
        now,
    )
    .await;
    assert!(
        matches!(unknown, Err(CastError::CodeNotValid)),
        "{unknown:?}"
    );
    // A participant cookie is not a code.
    let cookie = votes::cast(
        &app.db,
        app.seal_key(),
        vote,
        Voter::Participant(&ParticipantId::from_random([9; 16])),
        "",
        ranking(),
        now,
    )
    .await;
    assert!(matches!(cookie, Err(CastError::WrongVoter)), "{cookie:?}");
    // A bad ballot does not use up its code.
    let bad = votes::cast(
        &app.db,
        app.seal_key(),
        vote,
        Voter::Code(&codes[1]),
        "",
        Choice::Ranking(vec![vec![7]]),
        now,
    )
    .await;
    assert!(matches!(bad, Err(CastError::Invalid(_))), "{bad:?}");
    votes::cast(
        &app.db,
        app.seal_key(),
        vote,
        Voter::Code(&codes[1]),
        "",
        ranking(),
        now,
    )
    .await?;
    assert_eq!(counts(&app, vote).await?, (2, 0));
    Ok(())
}

#[tokio::test]
async fn nothing_is_cast_outside_the_voting_time_or_once_closed() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let (council, vote) = open_vote(&app, Method::Dots, Integrity::Open).await?;
    let someone = ParticipantId::from_random([5; 16]);
    let points = || Choice::Points(vec![(0, 3), (1, 2)]);
    let late = votes::cast(
        &app.db,
        app.seal_key(),
        vote,
        Voter::Participant(&someone),
        "",
        points(),
        Utc::now() + Duration::hours(2),
    )
    .await;
    assert!(matches!(late, Err(CastError::NotOpen)), "{late:?}");
    votes::set_state(&app.db, council, vote, VoteState::Closed, None).await?;
    let closed = votes::cast(
        &app.db,
        app.seal_key(),
        vote,
        Voter::Participant(&someone),
        "",
        points(),
        Utc::now(),
    )
    .await;
    assert!(matches!(closed, Err(CastError::NotOpen)), "{closed:?}");
    assert_eq!(counts(&app, vote).await?, (0, 0));
    // Findings of no council cannot be voted on.
    let refused = votes::create_vote(
        &app.db,
        NewVote {
            council_id: council,
            assembly_id: None,
            title: "Hors sujet",
            colleges: &[],
            method: Method::Approval,
            integrity: Integrity::Open,
            findings: &[999_999],
            max_points: 0,
            max_points_per_candidate: 0,
            opens_at: Utc::now(),
            closes_at: Utc::now() + Duration::hours(1),
            by: None,
        },
    )
    .await;
    assert!(matches!(refused, Err(votes::VoteError::UnknownFinding)));
    Ok(())
}

#[tokio::test]
async fn the_exported_file_recounts_to_the_published_result_with_either_weighting()
-> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let now = Utc::now();
    for method in [Method::Schulze, Method::Dots, Method::MajorityJudgment] {
        let (council, vote) = open_vote(&app, method, Integrity::Open).await?;
        let choices = match method {
            Method::Schulze => vec![
                Choice::Ranking(vec![vec![2], vec![0, 1]]),
                Choice::Ranking(vec![vec![1], vec![2]]),
                Choice::Ranking(vec![vec![2], vec![1], vec![0]]),
            ],
            Method::Dots => vec![
                Choice::Points(vec![(0, 3), (2, 2)]),
                Choice::Points(vec![(1, 3)]),
                Choice::Points(vec![(1, 1), (2, 1)]),
            ],
            _ => vec![
                Choice::Grades(vec![(0, 0), (1, 2), (2, 4)]),
                Choice::Grades(vec![(0, 1), (1, 1)]),
                Choice::Grades(vec![(0, 3), (1, 0), (2, 0)]),
            ],
        };
        for (i, (choice, college)) in choices
            .into_iter()
            .zip(["usagers", "usagers", "élus"])
            .enumerate()
        {
            let voter = ParticipantId::from_random([u8::try_from(i)? + 10; 16]);
            votes::cast(
                &app.db,
                app.seal_key(),
                vote,
                Voter::Participant(&voter),
                college,
                choice,
                now,
            )
            .await?;
        }
        let row = agora_app::store::entities::vote::Entity::find_by_id(vote)
            .one(&app.db)
            .await?
            .ok_or_else(|| anyhow::anyhow!("vote"))?;
        let rules = votes::rules_of(&app.db, &row).await?;
        let stored = votes::ballots(&app.db, vote).await?;
        // The file as published (JSON), read back and recounted.
        let file = votes::export(&app.db, council, vote, None).await?;
        let published = serde_json::to_string(&file)?;
        let read: agora_app::domain::recount::BallotFile = serde_json::from_str(&published)?;
        for weighting in [Weighting::Raw, Weighting::EqualColleges] {
            let counted = tally::tally(&rules, weighting, &stored);
            let expected: Vec<Vec<String>> = counted
                .ranking
                .iter()
                .map(|group| group.iter().map(|&c| read.candidates[c].clone()).collect())
                .collect();
            let recounted = read.recount(Some(weighting)).map(|r| r.ranking);
            assert_eq!(
                recounted,
                Ok(expected),
                "{method:?} {weighting:?}: {published}"
            );
        }
    }
    Ok(())
}

#[tokio::test]
async fn ballots_cast_together_are_each_judged_alone_and_one_participant_counts_once()
-> anyhow::Result<()> {
    use agora_app::store::votes::{CastRequest, CastVoter};
    let app = TestApp::with_demo().await?;
    let (_, vote) = open_vote(&app, Method::Approval, Integrity::Open).await?;
    let request = |who: u8, choice: Choice| CastRequest {
        vote_id: vote,
        voter: CastVoter::Participant(ParticipantId::from_random([who; 16])),
        college: "usagers".into(),
        choice,
    };
    let outcomes = votes::cast_batch(
        &app.db,
        app.seal_key(),
        vec![
            request(1, Choice::Approval(vec![0])),
            // The same participant twice in one batch: the second is refused.
            request(1, Choice::Approval(vec![1])),
            // A broken ballot among good ones: refused alone.
            request(2, Choice::Approval(vec![7])),
            request(3, Choice::Approval(vec![2])),
            CastRequest {
                voter: CastVoter::Code("ABCDE-FGHJK".into()),
                ..request(4, Choice::Approval(vec![0]))
            },
        ],
        Utc::now(),
    )
    .await?;
    let kinds: Vec<String> = outcomes
        .iter()
        .map(|o| match o {
            Ok(()) => "ok".to_owned(),
            Err(CastError::AlreadyVoted) => "already".to_owned(),
            Err(CastError::Invalid(_)) => "invalid".to_owned(),
            Err(CastError::WrongVoter) => "wrong voter".to_owned(),
            Err(other) => format!("{other}"),
        })
        .collect();
    assert_eq!(kinds, ["ok", "already", "invalid", "ok", "wrong voter"]);
    assert_eq!(counts(&app, vote).await?, (2, 2));
    // And again in a later batch: the first participant is known.
    let later = votes::cast_batch(
        &app.db,
        app.seal_key(),
        vec![request(1, Choice::Approval(vec![2]))],
        Utc::now(),
    )
    .await?;
    assert!(matches!(later[..], [Err(CastError::AlreadyVoted)]));
    assert_eq!(counts(&app, vote).await?, (2, 2));
    Ok(())
}

/// Two instances on PostgreSQL: while one mixes a vote's ballots (its row locked for
/// mixing), the other goes on casting them and answering its voters at once. It must
/// neither wait to record a ballot (the ballot's key to its vote) nor queue behind the mix
/// to start its own: the ballots the mix did not see wait, sealed, for the next one.
#[tokio::test]
async fn ballots_are_cast_and_answered_while_another_instance_mixes() -> anyhow::Result<()> {
    use agora_app::domain::{CouncilSlug, Role};
    use agora_app::store::entities::vote;
    let app = TestApp::with_demo().await?;
    if app.sqlite_file().is_some() {
        return Ok(()); // SQLite has one writer: a mix there holds every writer by design.
    }
    let slug = agora_server::demo::slug();
    let (_, coordinator) = app
        .staff_member(&CouncilSlug::parse(slug)?, Role::Coordinator, "Anne Martin")
        .await?;
    let vote_id = super::vote_pages::set_up(&app, &coordinator, "approval", "open").await?;
    let id = vote_id.to_string();
    let ballot = [
        ("slug", slug),
        ("vote", id.as_str()),
        ("college", "usagers"),
        ("approved[0]", "on"),
    ];
    let mixer = agora_app::store::begin_write(&app.db).await?;
    let held = agora_app::store::locked_for_mixing(vote::Entity::find_by_id(vote_id))
        .one(&mixer)
        .await?;
    anyhow::ensure!(held.is_some(), "the other instance holds the vote");
    // More than a group (5 in the demo council): the last ballots find a mix due.
    for n in 1..=6u8 {
        let started = std::time::Instant::now();
        let cast = tokio::time::timeout(
            std::time::Duration::from_secs(5),
            app.post_form(
                "/api/cast_ballot",
                Some(&app.participant_cookie(n)),
                &ballot,
            ),
        )
        .await
        .map_err(|_| anyhow::anyhow!("ballot {n} waited for the other instance's mix"))??;
        assert_eq!(cast.status().as_u16(), 302, "ballot {n}");
        assert!(
            started.elapsed() < std::time::Duration::from_secs(2),
            "ballot {n} took {:?}",
            started.elapsed()
        );
    }
    mixer.rollback().await?;
    // Nothing was lost meanwhile, and the next mix takes what waits.
    assert_eq!(votes::waiting_count(&app.db, vote_id).await?, 6);
    let mixed = votes::mix(&app.db, app.seal_key(), vote_id, Utc::now()).await?;
    assert_eq!(mixed, 6);
    assert_eq!(votes::waiting_count(&app.db, vote_id).await?, 0);
    assert_eq!(counts(&app, vote_id).await?, (6, 6));
    Ok(())
}
