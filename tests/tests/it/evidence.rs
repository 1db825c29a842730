//! Survey results behind a finding: linked by its council's coordinators only, among the
//! council's own opened or closed surveys; shown on the finding's public page only once the
//! survey is closed, and per question only where at least the council's minimum group
//! answered — read as a visitor would, by comparing what each page shows.

use agora_app::domain::survey::{QuestionDraft, QuestionKind, SurveyState, answer_key};
use agora_app::domain::{CouncilSlug, ObjectivePreset, Role, Wording};
use agora_app::store::entities::{finding, finding_evidence};
use agora_app::store::surveys::{self, NewSurvey};
use agora_app::store::{self, diagnosis};
use agora_server::demo;
use agora_tests::{TestApp, location};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use std::collections::BTreeMap;

use agora_tests::unescape;

fn wording(text: &str) -> Wording {
    Wording {
        plain: text.into(),
        easy: String::new(),
    }
}

/// The demo finding titled `title`.
async fn finding_titled(app: &TestApp, title: &str) -> anyhow::Result<i64> {
    finding::Entity::find()
        .filter(finding::Column::Title.eq(title))
        .one(&app.db)
        .await?
        .map(|f| f.id)
        .ok_or_else(|| anyhow::anyhow!("the finding {title}"))
}

/// A survey of `council` with two single-choice questions, the second optional; `everyone`
/// respondents answer the first, `some` of them the second. Opened, answered, closed when
/// `close`. Returns the two questions' ids.
async fn small_survey(
    app: &TestApp,
    council: i64,
    everyone: usize,
    some: usize,
    close: bool,
) -> anyhow::Result<(i64, i64)> {
    let key = app.seal_key();
    let single = |prompt: &str, required: bool| QuestionDraft {
        kind: QuestionKind::Single,
        prompt: wording(prompt),
        required,
        profile: None,
        options: vec![wording("Oui"), wording("Non")],
    };
    let id = surveys::create_survey(
        &app.db,
        &NewSurvey {
            council_id: council,
            title: wording("Enquête éclair sur la nuit"),
            intro: wording(""),
            one_per_person: false,
            sections: vec![(
                wording("La nuit"),
                vec![
                    single("Avez-vous déjà appelé le 3114 ?", true),
                    single("Avez-vous déjà attendu aux urgences la nuit ?", false),
                ],
            )],
            by: None,
        },
    )
    .await?;
    surveys::set_survey_state(&app.db, key, council, id, SurveyState::Open, None).await?;
    let view = surveys::survey_view(&app.db, council, id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the survey"))?;
    let questions: Vec<_> = view.questions().cloned().collect();
    let [first, second] = questions.as_slice() else {
        anyhow::bail!("two questions");
    };
    for n in 0..everyone {
        let mut form = BTreeMap::new();
        form.insert(answer_key(first.id, None), first.options[0].0.to_string());
        if n < some {
            form.insert(answer_key(second.id, None), second.options[1].0.to_string());
        }
        surveys::submit_response(&app.db, key, council, id, &form, "").await?;
    }
    if close {
        surveys::set_survey_state(&app.db, key, council, id, SurveyState::Closed, None).await?;
    }
    Ok((first.id, second.id))
}

async fn link(
    app: &TestApp,
    cookie: Option<&str>,
    finding: i64,
    question: i64,
    action: &str,
) -> anyhow::Result<reqwest::Response> {
    app.post_form(
        "/api/change_evidence",
        cookie,
        &[
            ("slug", demo::slug()),
            ("finding", &finding.to_string()),
            ("question", &question.to_string()),
            ("action", action),
        ],
    )
    .await
}

async fn linked(app: &TestApp) -> anyhow::Result<u64> {
    Ok(finding_evidence::Entity::find().count(&app.db).await?)
}

#[tokio::test]
async fn a_finding_shows_a_closed_surveys_figures_only_where_enough_people_answered()
-> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let council = app.demo_council_id().await?;
    let k = store::min_group_size(&app.db, council).await?;
    let here = CouncilSlug::parse(slug)?;
    let (_, coordinator) = app
        .staff_member(&here, Role::Coordinator, "Anne Martin")
        .await?;

    // The demo: the finding on crises rests on two questions of the closed survey.
    let crises = finding_titled(&app, demo::content::EVIDENCE.0).await?;
    let (status, html) = app.get(&format!("/{slug}/constats/{crises}")).await?;
    assert_eq!(status, 200);
    let html = unescape(&html);
    assert!(html.contains("Ce que disent les questionnaires"), "{html}");
    for prompt in demo::content::EVIDENCE.1 {
        assert!(html.contains(prompt), "{prompt}: {html}");
    }
    assert!(html.contains("42 réponses à cette question."), "{html}");

    // A small closed survey: k answered the first question, k - 1 the second.
    let (first, second) = small_survey(&app, council, k, k - 1, true).await?;
    let isolation = finding_titled(
        &app,
        "L'isolement social, accentué depuis la crise sanitaire, pèse sur la santé mentale des habitant·es",
    )
    .await?;
    let page = format!("/{slug}/constats/{isolation}");
    let (_, before) = app.get(&page).await?;
    assert!(!before.contains("Ce que disent les questionnaires"));
    for question in [first, second] {
        let response = link(&app, Some(&coordinator), isolation, question, "link").await?;
        assert!(
            location(&response).ends_with("#evidence-title"),
            "{}",
            location(&response)
        );
    }
    let html = unescape(&app.get(&page).await?.1);
    assert!(html.contains("Avez-vous déjà appelé le 3114 ?"), "{html}");
    assert!(
        html.contains(&format!("{k} réponses à cette question.")),
        "{html}"
    );
    // The question fewer than k answered: named, its figures withheld.
    assert!(html.contains("Avez-vous déjà attendu aux urgences la nuit ?"));
    assert!(
        html.contains(&format!(
            "Trop peu de personnes ont répondu à cette question pour montrer les résultats ici (moins de {k})."
        )),
        "{html}"
    );
    assert!(
        !html.contains(&format!("{} réponses à cette question.", k - 1)),
        "the small group's count: {html}"
    );
    assert!(
        !html.contains(&format!("{} (100 %)", k - 1)),
        "the small group's figures: {html}"
    );
    // In easy-read: one sentence per question, same rule.
    let (_, easy) = app
        .get_with_cookie(&page, Some("agora_prefs=lang=fr&easy=1"))
        .await?;
    let easy = unescape(&easy);
    assert!(
        easy.contains("La réponse choisie le plus souvent"),
        "{easy}"
    );
    assert!(easy.contains(&format!("Moins de {k} personnes ont répondu.")));

    // An open survey's question can be linked, but its results wait for the survey to close.
    let (open_first, _) = small_survey(&app, council, k, k, false).await?;
    let jobs = finding_titled(
        &app,
        "Trouver et garder un emploi reste très difficile pour les personnes vivant avec un trouble psychique",
    )
    .await?;
    link(&app, Some(&coordinator), jobs, open_first, "link").await?;
    let (_, html) = app.get(&format!("/{slug}/constats/{jobs}")).await?;
    assert!(
        !html.contains("Ce que disent les questionnaires")
            && !unescape(&html).contains("Avez-vous déjà appelé le 3114 ?"),
        "an open survey's results: {html}"
    );
    let (_, form) = app
        .get_with_cookie(
            &format!("/{slug}/diagnostic/constat/{jobs}"),
            Some(&coordinator),
        )
        .await?;
    let form = unescape(&form);
    assert!(
        form.contains("Questionnaire ouvert : résultats montrés quand il sera clos."),
        "{form}"
    );
    Ok(())
}

#[tokio::test]
async fn only_the_councils_coordinators_link_and_only_its_own_countable_questions()
-> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let council = app.demo_council_id().await?;
    let here = CouncilSlug::parse(slug)?;
    let (_, coordinator) = app
        .staff_member(&here, Role::Coordinator, "Anne Martin")
        .await?;
    let jobs = finding_titled(
        &app,
        "Trouver et garder un emploi reste très difficile pour les personnes vivant avec un trouble psychique",
    )
    .await?;
    let choices = diagnosis::evidence_choices(&app.db, council).await?;
    let Some(choice) = choices.first() else {
        anyhow::bail!("the demo's surveys offer questions");
    };
    let before = linked(&app).await?;

    // Nobody else: anonymous, a facilitator, an observer, another council's coordinator.
    let elsewhere = CouncilSlug::parse("clsm-autre")?;
    let other_council = store::create_council(
        &app.db,
        &elsewhere,
        "CLSM Autre",
        "",
        ObjectivePreset::National,
    )
    .await?;
    let other = app
        .staff_member(&elsewhere, Role::Coordinator, "Carla Autre")
        .await?
        .1;
    let facilitator = app
        .staff_member(&here, Role::Facilitator, "Fanny Anime")
        .await?
        .1;
    let observer = app
        .staff_member(&here, Role::Observer, "Olivier Lit")
        .await?
        .1;
    for (who, cookie, status) in [
        ("anonymous", None, 401),
        ("coordinator of another council", Some(other.as_str()), 403),
        ("facilitator", Some(facilitator.as_str()), 403),
        ("observer", Some(observer.as_str()), 403),
    ] {
        let response = link(&app, cookie, jobs, choice.question_id, "link").await?;
        assert_eq!(response.status().as_u16(), status, "{who}");
        let (got, _) = app
            .get_with_cookie(&format!("/{slug}/diagnostic/constat/{jobs}"), cookie)
            .await?;
        assert_eq!(got, status, "{who} on the form");
    }
    assert_eq!(linked(&app).await?, before);

    // Questions that are not this council's countable ones: refused, nothing stored.
    let refused = |response: reqwest::Response| {
        let app = &app;
        let coordinator = coordinator.clone();
        async move {
            let (_, html) = app.follow(response, &coordinator).await?;
            anyhow::Ok(unescape(&html))
        }
    };
    let (other_question, _) = small_survey(&app, other_council, 1, 0, true).await?;
    let html = refused(link(&app, Some(&coordinator), jobs, other_question, "link").await?).await?;
    assert!(
        html.contains("Cette question ne peut pas être reliée"),
        "another council's: {html}"
    );
    let free_text = surveys::survey_view(&app.db, council, choice.survey_id)
        .await?
        .and_then(|s| s.questions().find(|q| q.kind.is_text()).map(|q| q.id))
        .ok_or_else(|| anyhow::anyhow!("a free-text question"))?;
    let html = refused(link(&app, Some(&coordinator), jobs, free_text, "link").await?).await?;
    assert!(
        html.contains("Cette question ne peut pas être reliée"),
        "free text"
    );
    let draft = surveys::create_survey(
        &app.db,
        &NewSurvey {
            council_id: council,
            title: wording("Brouillon"),
            intro: wording(""),
            one_per_person: false,
            sections: vec![(
                wording("Partie"),
                vec![QuestionDraft {
                    kind: QuestionKind::Single,
                    prompt: wording("Question en brouillon ?"),
                    required: true,
                    profile: None,
                    options: vec![wording("Oui"), wording("Non")],
                }],
            )],
            by: None,
        },
    )
    .await?;
    let draft_question = surveys::survey_view(&app.db, council, draft)
        .await?
        .and_then(|s| s.questions().next().map(|q| q.id))
        .ok_or_else(|| anyhow::anyhow!("the draft's question"))?;
    let html = refused(link(&app, Some(&coordinator), jobs, draft_question, "link").await?).await?;
    assert!(
        html.contains("Cette question ne peut pas être reliée"),
        "a draft's"
    );
    let html = refused(
        app.post_form(
            "/api/change_evidence",
            Some(&coordinator),
            &[
                ("slug", slug),
                ("finding", &jobs.to_string()),
                ("question", ""),
                ("action", "link"),
            ],
        )
        .await?,
    )
    .await?;
    assert!(
        html.contains("Choisissez une question dans la liste."),
        "{html}"
    );
    assert_eq!(linked(&app).await?, before);

    // Linked once, not twice; six at most; unlinked, then not found.
    for choice in choices.iter().take(6) {
        let response = link(&app, Some(&coordinator), jobs, choice.question_id, "link").await?;
        assert_eq!(response.status().as_u16(), 302);
    }
    assert_eq!(linked(&app).await?, before + 6);
    let html =
        refused(link(&app, Some(&coordinator), jobs, choice.question_id, "link").await?).await?;
    assert!(html.contains("déjà reliée"), "{html}");
    let Some(seventh) = choices.get(6) else {
        anyhow::bail!("the demo's surveys offer at least seven questions");
    };
    let html =
        refused(link(&app, Some(&coordinator), jobs, seventh.question_id, "link").await?).await?;
    assert!(html.contains("6 questions au plus"), "{html}");
    assert_eq!(linked(&app).await?, before + 6);
    link(&app, Some(&coordinator), jobs, choice.question_id, "unlink").await?;
    assert_eq!(linked(&app).await?, before + 5);
    let again = link(&app, Some(&coordinator), jobs, choice.question_id, "unlink").await?;
    assert_eq!(again.status().as_u16(), 404);
    // Another council's finding through this council's address: not found.
    let care = agora_app::domain::ObjectiveKey::parse("care")
        .ok_or_else(|| anyhow::anyhow!("the care objective"))?;
    let fields = agora_app::domain::FindingFields::check(
        &agora_app::domain::TypedFinding {
            objective: "care".into(),
            title: "Autre constat".into(),
            summary: "Texte.".into(),
            ..Default::default()
        },
        &[(care, Vec::new())],
    )
    .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let theirs = diagnosis::add_finding(&app.db, other_council, &fields, None)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let response = link(&app, Some(&coordinator), theirs, choice.question_id, "link").await?;
    assert_eq!(response.status().as_u16(), 404);
    assert_eq!(linked(&app).await?, before + 5);
    Ok(())
}
