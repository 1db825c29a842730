//! Answering a survey through the web, as a browser without JavaScript does: the form on
//! one page, a refusal beside its question with what was typed given back and nothing
//! stored, the thank-you page, and the stored rows.

use agora_app::domain::survey::QuestionKind;
use agora_app::store::entities::{council, survey, survey_answer, survey_response};
use agora_app::store::surveys;
use agora_server::demo;
use agora_tests::TestApp;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

#[tokio::test]
async fn a_respondent_answers_the_demo_survey_on_one_page_and_a_refusal_keeps_their_answers()
-> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let council_id = council::Entity::find()
        .one(&app.db)
        .await?
        .map(|c| c.id)
        .ok_or_else(|| anyhow::anyhow!("the council"))?;
    let id = survey::Entity::find()
        .one(&app.db)
        .await?
        .map(|s| s.id)
        .ok_or_else(|| anyhow::anyhow!("the demo survey"))?;
    let view = surveys::survey_view(&app.db, council_id, id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("its view"))?;
    let page = format!("/{slug}/questionnaires/{id}");

    // Found from the council's page; every question on one page, numbered.
    let (_, home) = app.get(&format!("/{slug}")).await?;
    assert!(home.contains(&format!(r#"href="{page}""#)), "{home}");
    let (status, html) = app.get(&page).await?;
    assert_eq!(status, 200);
    let total = view.questions().count();
    assert!(html.contains(&format!("Question {total} sur {total}")));
    let required = view
        .questions()
        .find(|q| q.required && q.kind == QuestionKind::Single)
        .ok_or_else(|| anyhow::anyhow!("a required single choice"))?
        .clone();
    let scale = view
        .questions()
        .find(|q| q.kind == QuestionKind::Scale)
        .ok_or_else(|| anyhow::anyhow!("a scale"))?
        .clone();
    let long = view
        .questions()
        .find(|q| q.kind == QuestionKind::LongText)
        .ok_or_else(|| anyhow::anyhow!("a long text"))?
        .clone();
    let places = view
        .questions()
        .find(|q| q.kind == QuestionKind::Multiple)
        .ok_or_else(|| anyhow::anyhow!("a multiple choice"))?
        .clone();
    // Keys start with a letter: `q[12-34]` would be read as a list index and refused.
    let place_field = format!("q[q{}-{}]", places.id, places.options[1].0);
    assert!(html.contains(&format!(r#"name="q[q{}]""#, required.id)));
    assert!(html.contains(&format!(r#"name="{place_field}""#)));
    assert!(html.contains(r#"maxlength="2000""#));

    // The required choice left out (a browser would have stopped it; a tampered form is
    // not): refused beside that question, the rest given back, nothing stored.
    let typed = "Des permanences le soir au CMP.";
    let scale_field = format!("q[q{}]", scale.id);
    let long_field = format!("q[q{}]", long.id);
    let survey_id = id.to_string();
    let response = app
        .post_form(
            "/api/submit_survey",
            None,
            &[
                ("slug", slug),
                ("survey", &survey_id),
                (&scale_field, "4"),
                (&long_field, typed),
            ],
        )
        .await?;
    let (back, html) = app.follow(response, "").await?;
    assert_eq!(back, page);
    let html = html.replace("&#x27;", "'");
    assert!(html.contains("Cette question attend une réponse"), "{html}");
    assert!(html.contains(&format!(r#"id="q-{}-error""#, required.id)));
    assert!(html.contains(&format!(r#"aria-describedby="q-{}-error""#, required.id)));
    assert!(html.contains(typed), "the long answer given back");
    let scale_four = format!(r#"id="q-{}-4""#, scale.id);
    let at = html.find(&scale_four).unwrap_or_default();
    let tag_end = at + html[at..].find('>').unwrap_or_default();
    assert!(
        html[at..tag_end].contains("checked"),
        "the scale given back: {}",
        &html[at..tag_end]
    );
    let stored = || async {
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
        anyhow::Ok((ids.len(), answers))
    };
    assert_eq!(stored().await?, (0, 0));

    // Complete: stored, and the page thanks without showing the form again.
    let choice = required.options[0].0.to_string();
    let required_field = format!("q[q{}]", required.id);
    let response = app
        .post_form(
            "/api/submit_survey",
            None,
            &[
                ("slug", slug),
                ("survey", &survey_id),
                (&required_field, &choice),
                (&place_field, "on"),
                (&scale_field, "4"),
                (&long_field, typed),
            ],
        )
        .await?;
    let (_, html) = app.follow(response, "").await?;
    assert!(html.contains("Merci, vos réponses sont envoyées"), "{html}");
    assert!(!html.contains("/api/submit_survey"));
    assert_eq!(stored().await?, (1, 4));

    // Unknown surveys and drafts are found by nobody.
    assert_eq!(
        app.get(&format!("/{slug}/questionnaires/9999")).await?.0,
        404
    );
    Ok(())
}

#[tokio::test]
async fn results_are_public_once_closed_and_never_show_a_group_under_the_minimum()
-> anyhow::Result<()> {
    use agora_app::domain::survey::{SurveyState, answer_key};
    use agora_app::domain::{CouncilSlug, Role};
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let council_id = council::Entity::find()
        .one(&app.db)
        .await?
        .map(|c| c.id)
        .ok_or_else(|| anyhow::anyhow!("the council"))?;
    let id = survey::Entity::find()
        .one(&app.db)
        .await?
        .map(|s| s.id)
        .ok_or_else(|| anyhow::anyhow!("the demo survey"))?;
    let view = surveys::survey_view(&app.db, council_id, id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("its view"))?;
    let q: Vec<_> = view.questions().cloned().collect();
    // q[0] is the college profile, q[2] the required choice, q[4] the required scale.
    let (usager, aidant, pro) = (q[0].options[0].0, q[0].options[1].0, q[0].options[2].0);
    let today = chrono::Utc::now().date_naive();
    // Seven usagers, six carers, two professionals (fewer than five).
    for (college, count, yes) in [(usager, 7, 5), (aidant, 6, 1), (pro, 2, 2)] {
        for n in 0..count {
            let mut form = std::collections::BTreeMap::new();
            form.insert(answer_key(q[0].id, None), college.to_string());
            let choice = if n < yes {
                q[2].options[0].0
            } else {
                q[2].options[1].0
            };
            form.insert(answer_key(q[2].id, None), choice.to_string());
            form.insert(answer_key(q[4].id, None), "3".into());
            surveys::submit_response(&app.db, council_id, id, &form, "", today).await?;
        }
    }
    let results = format!("/{slug}/questionnaires/{id}/resultats");
    let (status, html) = app.get(&results).await?;
    assert_eq!(status, 200);
    assert!(html.contains("Les résultats seront publiés quand le questionnaire sera fermé"));
    assert!(!html.contains("15 personnes ont répondu"));
    let here = CouncilSlug::parse(slug)?;
    let (_, observer) = app
        .staff_member(&here, Role::Observer, "Olga Observe")
        .await?;
    let (_, html) = app.get_with_cookie(&results, Some(&observer)).await?;
    assert!(html.contains("Résultats provisoires"), "{html}");
    assert!(html.contains("15 personnes ont répondu"));

    surveys::set_survey_state(&app.db, council_id, id, SurveyState::Closed, None).await?;
    let (_, html) = app.get(&results).await?;
    let html = html.replace("&#x27;", "'");
    assert!(html.contains("15 personnes ont répondu"), "{html}");
    // The required choice: 8 yes of 15 (7 no), the whole, in words, with its share.
    assert!(
        html.contains("8 (53 %)") && html.contains("7 (47 %)"),
        "{html}"
    );
    // By college: usagers (7) shown; the carers (6) would be shown, but the two
    // professionals alone would give themselves away by subtraction, so the carers join
    // them in "Autres groupes" (8).
    assert!(html.contains("(7 pers.)") && html.contains("Autres groupes"));
    assert!(html.contains("(8 pers.)"));
    assert!(!html.contains("(2 pers.)") && !html.contains("(6 pers.)"));
    // Written answers are never listed.
    assert!(html.contains("Les réponses écrites sont lues par l'équipe"));
    Ok(())
}
