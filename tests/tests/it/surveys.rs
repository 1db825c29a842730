//! Surveys in the store, on the real database: a survey written with every kind of question,
//! answered anonymously (the stored rows inspected for anything identifying), refused
//! whole when anything is wrong, one-per-person codes kept apart from the answers, and a
//! closed survey taking nothing.

use agora_app::domain::Wording;
use agora_app::domain::survey::{
    Answer, Profile, QuestionDraft, QuestionKind, SurveyState, answer_key,
};
use agora_app::store::entities::{survey_answer, survey_code, survey_response};
use agora_app::store::surveys::{self, NewSurvey, SubmitError, SurveyError, SurveyRefusal};
use agora_tests::TestApp;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Statement};
use std::collections::BTreeMap;

fn wording(plain: &str, easy: &str) -> Wording {
    Wording {
        plain: plain.into(),
        easy: easy.into(),
    }
}

fn question(kind: QuestionKind, prompt: &str, required: bool, options: &[&str]) -> QuestionDraft {
    QuestionDraft {
        kind,
        prompt: wording(prompt, ""),
        required,
        profile: None,
        options: options.iter().map(|o| wording(o, "")).collect(),
    }
}

/// A survey of the demo council with a profile question and one question of each kind.
async fn write_survey(app: &TestApp, one_per_person: bool) -> anyhow::Result<(i64, i64)> {
    let council_id = app.demo_council_id().await?;
    let mut college = question(
        QuestionKind::Single,
        "Vous êtes…",
        false,
        &["Usager", "Aidant", "Habitant"],
    );
    college.profile = Some(Profile::College);
    let id = surveys::create_survey(
        &app.db,
        &NewSurvey {
            council_id,
            title: wording("Votre santé mentale au quotidien", "Comment allez-vous ?"),
            intro: wording("Anonyme, cinq minutes.", "Personne ne saura qui a répondu."),
            one_per_person,
            sections: vec![
                (wording("Vous", "Vous"), vec![college]),
                (
                    wording("Les services", "Les aides"),
                    vec![
                        question(
                            QuestionKind::Single,
                            "Savez-vous où demander de l'aide ?",
                            true,
                            &["Oui", "Non"],
                        ),
                        question(
                            QuestionKind::Multiple,
                            "Qu'avez-vous déjà utilisé ?",
                            false,
                            &["CMP", "GEM", "Urgences"],
                        ),
                        question(QuestionKind::Scale, "Vous sentez-vous écouté ?", true, &[]),
                        question(
                            QuestionKind::LongText,
                            "Que faudrait-il changer ?",
                            false,
                            &[],
                        ),
                        question(
                            QuestionKind::Ranking,
                            "Classez ces priorités",
                            false,
                            &["Logement", "Emploi", "Soins"],
                        ),
                    ],
                ),
            ],
            by: None,
        },
    )
    .await?;
    Ok((council_id, id))
}

/// A complete, valid form for the survey (the ids read from its view).
async fn good_form(
    app: &TestApp,
    council_id: i64,
    id: i64,
) -> anyhow::Result<BTreeMap<String, String>> {
    let view = surveys::survey_view(&app.db, council_id, id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the survey"))?;
    let q: Vec<_> = view.questions().cloned().collect();
    let mut form = BTreeMap::new();
    form.insert(answer_key(q[0].id, None), q[0].options[0].0.to_string());
    form.insert(answer_key(q[1].id, None), q[1].options[1].0.to_string());
    form.insert(answer_key(q[2].id, Some(q[2].options[0].0)), "on".into());
    form.insert(answer_key(q[3].id, None), "4".into());
    form.insert(
        answer_key(q[4].id, None),
        "Plus de permanences le soir, par exemple avec Mme Durand.".into(),
    );
    form.insert(answer_key(q[5].id, Some(q[5].options[2].0)), "1".into());
    Ok(form)
}

/// The responses to survey `id` and their answers (the demo has surveys of its own).
async fn responses(app: &TestApp, id: i64) -> anyhow::Result<(u64, u64)> {
    let ids: Vec<String> = survey_response::Entity::find()
        .filter(survey_response::Column::SurveyId.eq(id))
        .all(&app.db)
        .await?
        .into_iter()
        .map(|r| r.id)
        .collect();
    let answers = survey_answer::Entity::find()
        .filter(survey_answer::Column::ResponseId.is_in(ids.clone()))
        .count(&app.db)
        .await?;
    Ok((ids.len() as u64, answers))
}

/// The columns of a table, as the database has them.
async fn columns(app: &TestApp, table: &str) -> anyhow::Result<Vec<String>> {
    let backend = app.db.get_database_backend();
    let row = app
        .db
        .query_one_raw(Statement::from_string(
            backend,
            format!("SELECT * FROM {table} LIMIT 1"),
        ))
        .await?
        .ok_or_else(|| anyhow::anyhow!("a row in {table}"))?;
    let mut names = row.column_names();
    names.sort();
    Ok(names)
}

#[tokio::test]
async fn an_anonymous_response_stores_the_answers_and_nothing_about_who_sent_them()
-> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let (council_id, id) = write_survey(&app, false).await?;
    let form = good_form(&app, council_id, id).await?;
    // A draft takes no answer.
    assert!(matches!(
        surveys::submit_response(&app.db, app.seal_key(), council_id, id, &form, "").await,
        Err(SubmitError::NotOpen)
    ));
    surveys::set_survey_state(
        &app.db,
        app.seal_key(),
        council_id,
        id,
        SurveyState::Open,
        None,
    )
    .await?;
    // Sent twice: both wait, sealed, until enough others join them or the survey closes.
    for _ in 0..2 {
        surveys::submit_response(&app.db, app.seal_key(), council_id, id, &form, "").await?;
    }
    assert_eq!(responses(&app, id).await?, (0, 0));
    assert_eq!(surveys::waiting_count(&app.db, id).await?, 2);
    // Waiting, a response is a random id, the survey and its answers sealed: nothing else.
    assert_eq!(
        columns(&app, "survey_waiting").await?,
        ["id", "sealed", "survey_id"]
    );
    surveys::set_survey_state(
        &app.db,
        app.seal_key(),
        council_id,
        id,
        SurveyState::Closed,
        None,
    )
    .await?;
    assert_eq!(responses(&app, id).await?, (2, 12));
    assert_eq!(surveys::waiting_count(&app.db, id).await?, 0);

    // A response is a random id and the survey; an answer, its response, its
    // question, its value and (free text) its review state. Nothing else exists to hold an
    // address, a browser, a participant or a time.
    assert_eq!(columns(&app, "survey_response").await?, ["id", "survey_id"]);
    assert_eq!(
        columns(&app, "survey_answer").await?,
        ["question_id", "response_id", "review", "value"]
    );
    let ids: Vec<String> = survey_response::Entity::find()
        .filter(survey_response::Column::SurveyId.eq(id))
        .all(&app.db)
        .await?
        .into_iter()
        .map(|r| r.id)
        .collect();
    // Each response from anyone is another random id.
    assert_eq!(ids.len(), 2);
    assert_ne!(ids[0], ids[1]);
    for response in &ids {
        assert_eq!(response.len(), 32);
        assert!(response.chars().all(|c| c.is_ascii_hexdigit()));
        let answers = survey_answer::Entity::find()
            .filter(survey_answer::Column::ResponseId.eq(response.clone()))
            .all(&app.db)
            .await?;
        let reviews: Vec<Option<&str>> = answers.iter().map(|a| a.review.as_deref()).collect();
        assert_eq!(
            reviews.iter().filter(|r| **r == Some("pending")).count(),
            1,
            "the free text waits for a moderator: {reviews:?}"
        );
        let stored = surveys::answers_of(&app.db, id).await?;
        assert!(
            stored[response]
                .values()
                .any(|(a, _)| *a == Answer::Scale(4))
        );
    }

    // Closed: nothing more.
    assert!(matches!(
        surveys::submit_response(&app.db, app.seal_key(), council_id, id, &form, "").await,
        Err(SubmitError::NotOpen)
    ));
    assert!(matches!(
        surveys::set_survey_state(
            &app.db,
            app.seal_key(),
            council_id,
            id,
            SurveyState::Open,
            None
        )
        .await,
        Err(SurveyError::Refused(_, SurveyRefusal::State))
    ));
    assert_eq!(responses(&app, id).await?.0, 2);
    Ok(())
}

#[tokio::test]
async fn a_response_with_any_problem_is_refused_whole() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let (council_id, id) = write_survey(&app, false).await?;
    surveys::set_survey_state(
        &app.db,
        app.seal_key(),
        council_id,
        id,
        SurveyState::Open,
        None,
    )
    .await?;
    let good = good_form(&app, council_id, id).await?;
    let view = surveys::survey_view(&app.db, council_id, id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the survey"))?;
    let q: Vec<_> = view.questions().cloned().collect();
    let broken: Vec<(BTreeMap<String, String>, i64, &str)> = vec![
        {
            let mut f = good.clone();
            f.remove(&answer_key(q[1].id, None));
            (f, q[1].id, "error-answer-required")
        },
        {
            let mut f = good.clone();
            f.insert(answer_key(q[4].id, None), "x".repeat(2001));
            (f, q[4].id, "error-answer-too-long")
        },
        {
            let mut f = good.clone();
            f.insert(answer_key(q[1].id, None), "999999".into());
            (f, q[1].id, "error-answer-unknown-option")
        },
    ];
    for (form, question, message) in broken {
        match surveys::submit_response(&app.db, app.seal_key(), council_id, id, &form, "").await {
            Err(SubmitError::Invalid(problems)) => {
                assert_eq!(problems.len(), 1, "{problems:?}");
                assert_eq!(
                    (problems[0].question, problems[0].message),
                    (question, message)
                );
            }
            other => panic!("expected a refusal, got {other:?}"),
        }
    }
    assert_eq!(responses(&app, id).await?, (0, 0), "nothing half-written");
    assert_eq!(
        surveys::waiting_count(&app.db, id).await?,
        0,
        "nothing waits"
    );
    Ok(())
}

#[tokio::test]
async fn one_per_person_codes_are_used_once_and_kept_apart_from_the_answers() -> anyhow::Result<()>
{
    let app = TestApp::with_demo().await?;
    let (council_id, id) = write_survey(&app, true).await?;
    let codes = surveys::issue_survey_codes(&app.db, council_id, id, 3, None).await?;
    assert_eq!(codes.len(), 3);
    surveys::set_survey_state(
        &app.db,
        app.seal_key(),
        council_id,
        id,
        SurveyState::Open,
        None,
    )
    .await?;
    let form = good_form(&app, council_id, id).await?;
    let submit = |code: String| {
        let form = form.clone();
        let (db, key) = (app.db.clone(), app.seal_key().clone());
        async move { surveys::submit_response(&db, &key, council_id, id, &form, &code).await }
    };
    assert!(matches!(
        submit(String::new()).await,
        Err(SubmitError::CodeMissing)
    ));
    assert!(matches!(
        submit("ABCDE-FGHJK".into()).await,
        Err(SubmitError::CodeNotValid)
    ));
    // As typed on a phone: lower case, no dash.
    submit(codes[0].to_lowercase().replace('-', "")).await?;
    // Used and unknown codes get the same answer: whoever finds a code card cannot
    // learn whether its owner has answered.
    assert!(matches!(
        submit(codes[0].clone()).await,
        Err(SubmitError::CodeNotValid)
    ));
    // A refused response does not use up its code.
    let mut broken = form.clone();
    broken.clear();
    assert!(matches!(
        surveys::submit_response(&app.db, app.seal_key(), council_id, id, &broken, &codes[1]).await,
        Err(SubmitError::Invalid(_))
    ));
    submit(codes[1].clone()).await?;
    assert_eq!(surveys::waiting_count(&app.db, id).await?, 2);

    // Only hashes, a used flag, the survey: nothing to join to a response.
    assert_eq!(
        columns(&app, "survey_code").await?,
        ["code_hash", "survey_id", "used"]
    );
    let stored = survey_code::Entity::find().all(&app.db).await?;
    assert_eq!(stored.iter().filter(|c| c.used).count(), 2);
    for code in &codes {
        let plain = code.replace('-', "");
        assert!(stored.iter().all(|c| !c.code_hash.contains(&plain)));
    }
    // Codes are for one-per-person surveys that are not closed.
    let (_, open_survey) = write_survey(&app, false).await?;
    assert!(matches!(
        surveys::issue_survey_codes(&app.db, council_id, open_survey, 3, None).await,
        Err(SurveyError::Refused(_, SurveyRefusal::CodesNotAsked))
    ));
    Ok(())
}

/// The attack: one code card, eight submissions sent at the same instant (two phones, a
/// script), for each of six codes. Exactly one response per code may go in; on PostgreSQL
/// a read-then-mark let several read the code as unused before any marked it (one round in
/// five took two responses).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_code_sent_many_times_at_once_takes_one_response() -> anyhow::Result<()> {
    const ROUNDS: usize = 6;
    let app = TestApp::with_demo().await?;
    let (council_id, id) = write_survey(&app, true).await?;
    let codes = surveys::issue_survey_codes(&app.db, council_id, id, ROUNDS, None).await?;
    surveys::set_survey_state(
        &app.db,
        app.seal_key(),
        council_id,
        id,
        SurveyState::Open,
        None,
    )
    .await?;
    let form = good_form(&app, council_id, id).await?;
    let mut taken_per_code = Vec::new();
    for code in &codes {
        let start = std::sync::Arc::new(tokio::sync::Barrier::new(8));
        let mut tasks = tokio::task::JoinSet::new();
        for _ in 0..8 {
            let (db, key, form, code) = (
                app.db.clone(),
                app.seal_key().clone(),
                form.clone(),
                code.clone(),
            );
            let start = start.clone();
            tasks.spawn(async move {
                start.wait().await;
                surveys::submit_response(&db, &key, council_id, id, &form, &code).await
            });
        }
        let mut taken = 0;
        while let Some(outcome) = tasks.join_next().await {
            match outcome? {
                Ok(()) => taken += 1,
                Err(SubmitError::CodeNotValid) => {}
                Err(other) => panic!("expected the code to be refused, got {other:?}"),
            }
        }
        taken_per_code.push(taken);
    }
    assert_eq!(taken_per_code, [1; ROUNDS], "one code, one response");
    let (responses, _) = responses(&app, id).await?;
    assert_eq!(
        responses + surveys::waiting_count(&app.db, id).await?,
        ROUNDS as u64,
        "one response per code stored, mixed or waiting"
    );
    Ok(())
}

#[tokio::test]
async fn a_survey_is_written_whole_or_not_at_all() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let council_id = app.demo_council_id().await?;
    let stored = || async {
        anyhow::Ok((
            agora_app::store::entities::survey::Entity::find()
                .count(&app.db)
                .await?,
            agora_app::store::entities::survey_question::Entity::find()
                .count(&app.db)
                .await?,
        ))
    };
    let before = stored().await?;
    let mut bad = question(QuestionKind::Single, "Un seul choix ?", false, &["Oui"]);
    bad.profile = None;
    let refused = surveys::create_survey(
        &app.db,
        &NewSurvey {
            council_id,
            title: wording("Questionnaire", ""),
            intro: wording("", ""),
            one_per_person: false,
            sections: vec![(
                wording("Partie", ""),
                vec![question(QuestionKind::Scale, "Ça va ?", true, &[]), bad],
            )],
            by: None,
        },
    )
    .await;
    match refused {
        Err(SurveyError::Refused(field, message)) => {
            assert_eq!(
                (field.as_str(), message),
                (
                    "q0.1.options",
                    SurveyRefusal::Rule("error-question-options-count")
                )
            );
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(stored().await?, before, "nothing stored");
    Ok(())
}

#[tokio::test]
async fn the_database_counts_the_same_results_as_counting_every_response() -> anyhow::Result<()> {
    use agora_app::domain::survey::{AnswerCounts, tally, tally_counts};
    let app = TestApp::with_demo().await?;
    // The demo's closed survey: 42 responses, colleges of every size.
    let closed = agora_app::store::entities::survey::Entity::find()
        .filter(agora_app::store::entities::survey::Column::State.eq("closed"))
        .one(&app.db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the demo's closed survey"))?;
    let view = surveys::survey_view(&app.db, closed.council_id, closed.id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the survey"))?;
    let responses: Vec<BTreeMap<i64, Answer>> = surveys::answers_of(&app.db, closed.id)
        .await?
        .into_values()
        .map(|answers| answers.into_iter().map(|(q, (a, _))| (q, a)).collect())
        .collect();
    assert_eq!(responses.len(), 42);
    let mut profiles: Vec<Option<i64>> = view
        .questions()
        .filter(|q| q.profile.is_some())
        .map(|q| Some(q.id))
        .collect();
    assert!(profiles.len() >= 2, "the demo asks more than one profile");
    profiles.push(None);
    for by in profiles {
        let mut counted = surveys::answer_counts(&app.db, &view, by).await?;
        let mut expected = AnswerCounts::of(&view, &responses, by);
        for counts in [&mut counted, &mut expected] {
            counts.answers.sort();
            counts.by_group.sort();
        }
        assert_eq!(counted, expected, "by {by:?}");
        assert_eq!(
            tally_counts(&view, &counted, by, 5),
            tally(&view, &responses, by, 5),
            "by {by:?}"
        );
        // Closing counted them once and kept them: the kept counts are these.
        let mut kept = surveys::results_counts(&app.db, &view, by).await?;
        kept.answers.sort();
        kept.by_group.sort();
        assert_eq!(kept, counted, "by {by:?}");
    }
    let kept = agora_app::store::entities::survey_closed_count::Entity::find()
        .filter(agora_app::store::entities::survey_closed_count::Column::SurveyId.eq(closed.id))
        .count(&app.db)
        .await?;
    let profiles = view.questions().filter(|q| q.profile.is_some()).count() as u64;
    assert_eq!(kept, 1 + profiles, "the whole and each profile");
    Ok(())
}
