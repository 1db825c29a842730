//! Answering a survey through the web, as a browser without JavaScript does: the form on
//! one page, a refusal beside its question with what was typed given back and nothing
//! stored, the thank-you page, and the stored rows.

use agora_app::domain::survey::QuestionKind;
use agora_app::store::entities::{council, survey, survey_answer, survey_response};
use agora_app::store::surveys;
use agora_server::demo;
use agora_tests::TestApp;
use sea_orm::{EntityTrait, PaginatorTrait};

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
    assert_eq!(survey_response::Entity::find().count(&app.db).await?, 0);

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
    assert_eq!(survey_response::Entity::find().count(&app.db).await?, 1);
    assert_eq!(survey_answer::Entity::find().count(&app.db).await?, 4);

    // Unknown surveys and drafts are found by nobody.
    assert_eq!(
        app.get(&format!("/{slug}/questionnaires/9999")).await?.0,
        404
    );
    Ok(())
}
