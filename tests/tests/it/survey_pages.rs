//! Answering a survey through the web, as a browser without JavaScript does: the form on
//! one page, a refusal beside its question with what was typed given back and nothing
//! stored, the thank-you page, and the stored rows.

use agora_app::domain::survey::QuestionKind;
use agora_app::store::entities::{survey, survey_answer, survey_response};
use agora_app::store::surveys;
use agora_server::demo;
use agora_tests::TestApp;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

#[tokio::test]
async fn a_respondent_answers_the_demo_survey_on_one_page_and_a_refusal_keeps_their_answers()
-> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let council_id = app.demo_council_id().await?;
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
    assert_eq!(surveys::waiting_count(&app.db, id).await?, 0);

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
    // Stored, sealed, until enough others join it (docs/privacy.md); its four answers are
    // written when it is mixed, in the closing tests.
    assert_eq!(surveys::waiting_count(&app.db, id).await?, 1);
    assert_eq!(stored().await?, (0, 0));

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
    let council_id = app.demo_council_id().await?;
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
    let ranking = q
        .iter()
        .find(|q| q.kind == agora_app::domain::survey::QuestionKind::Ranking)
        .ok_or_else(|| anyhow::anyhow!("the demo ranking"))?;
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
            // Carers put the second subject first: mean ranks that are not whole.
            let first = usize::from(college == aidant);
            form.insert(
                answer_key(ranking.id, Some(ranking.options[first].0)),
                "1".into(),
            );
            form.insert(
                answer_key(ranking.id, Some(ranking.options[1 - first].0)),
                "2".into(),
            );
            surveys::submit_response(&app.db, app.seal_key(), council_id, id, &form, "").await?;
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

    // The figures as a file: hidden like the page while the survey is open.
    let csv = format!("/api/survey_results_csv?slug={slug}&id={id}");
    assert_eq!(app.get(&csv).await?.0, 403);
    let (status, file) = app.get_with_cookie(&csv, Some(&observer)).await?;
    assert_eq!(status, 200);
    assert!(file.contains("Ensemble"), "{file}");
    // So is the easy-read summary.
    let summary = format!("{results}/facile");
    let (status, html) = app.get(&summary).await?;
    assert_eq!(status, 200);
    assert!(html.contains("Les résultats seront publiés quand le questionnaire sera fermé"));
    assert!(!html.contains("15 personnes ont répondu"));

    surveys::set_survey_state(
        &app.db,
        app.seal_key(),
        council_id,
        id,
        SurveyState::Closed,
        None,
    )
    .await?;
    let (_, html) = app.get(&results).await?;
    let html = html.replace("&#x27;", "'");
    assert!(html.contains("15 personnes ont répondu"), "{html}");
    assert!(
        html.contains("/api/survey_results_csv?slug="),
        "the download link"
    );
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

    // The easy-read summary: one sentence per question, in easy-read wording.
    assert!(html.contains(&format!("{summary}\"")), "the link to it");
    let (status, html) = app.get(&summary).await?;
    assert_eq!(status, 200);
    let html = html.replace("&#x27;", "'");
    assert!(html.contains("Les résultats en facile à lire"), "{html}");
    assert!(html.contains("15 personnes ont répondu"));
    let item = |question: &agora_app::domain::survey::SurveyQuestion| -> String {
        let start = html
            .find(&format!(">{}</h2>", question.prompt.pick(true)))
            .unwrap_or(0);
        // Up to the next question's card (or the end of the list).
        let end = html[start..]
            .find("<li class=\"card\"")
            .or_else(|| html[start..].find("</ol>"))
            .map_or(html.len(), |e| start + e);
        html[start..end].to_owned()
    };
    let choice = item(&q[2]);
    assert!(
        choice.contains("La réponse choisie le plus souvent"),
        "{choice}"
    );
    assert!(choice.contains(q[2].options[0].1.pick(true)), "{choice}");
    assert!(!choice.contains(q[2].options[1].1.pick(true)), "{choice}");
    assert!(
        choice.contains("8 personnes sur 15 ont choisi cette réponse."),
        "{choice}"
    );
    let scale = item(&q[4]);
    assert!(
        scale.contains("15 personnes sur 15 ont choisi cette réponse."),
        "{scale}"
    );
    // Nine put the first subject first (usagers and professionals), six the second.
    let ranked = item(ranking);
    assert!(ranked.contains(ranking.options[0].1.pick(true)), "{ranked}");
    assert!(
        ranked.contains("9 personnes sur 15 l'ont mis en premier."),
        "{ranked}"
    );
    let skipped = item(&q[1]);
    assert!(
        skipped.contains("Personne n'a répondu à cette question."),
        "{skipped}"
    );

    // The CSV says the same, under the same rule: a spreadsheet-ready file (byte-order
    // mark, semicolons in French), every group line standing for at least five people.
    let response = app.client.get(app.url(&csv)).send().await?;
    assert_eq!(
        response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok()),
        Some("text/csv; charset=utf-8")
    );
    let file = response.text().await?;
    let file = file
        .strip_prefix('\u{feff}')
        .ok_or_else(|| anyhow::anyhow!("a byte-order mark"))?;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(file.as_bytes());
    let header: Vec<String> = reader.headers()?.iter().map(str::to_owned).collect();
    assert_eq!(header[..4], ["N°", "Question", "Réponse", "Groupe"]);
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.map(|r| r.iter().map(str::to_owned).collect()))
        .collect::<Result<_, _>>()?;
    let choice = &q[2].prompt.plain;
    let lines = |group: &str| -> Vec<(String, String, String)> {
        rows.iter()
            .filter(|r| &r[1] == choice && r[3] == group)
            .map(|r| (r[4].clone(), r[5].clone(), r[6].clone()))
            .collect()
    };
    // Yes, no, and the third option nobody chose.
    let yes_no = |n: &str, yes: &str, no: &str| {
        [yes, no, "0"]
            .map(|count| (n.to_owned(), count.to_owned(), String::new()))
            .to_vec()
    };
    let without_percent = |lines: Vec<(String, String, String)>| -> Vec<(String, String, String)> {
        lines
            .into_iter()
            .map(|(n, c, _)| (n, c, String::new()))
            .collect()
    };
    assert_eq!(without_percent(lines("Ensemble")), yes_no("15", "8", "7"));
    assert_eq!(lines("Ensemble")[0].2, "53");
    let usagers = &q[0].options[0].1.plain;
    assert_eq!(without_percent(lines(usagers)), yes_no("7", "5", "2"));
    assert_eq!(
        without_percent(lines("Autres groupes")),
        yes_no("8", "3", "5")
    );
    let groups: std::collections::BTreeSet<&str> = rows.iter().map(|r| r[3].as_str()).collect();
    assert_eq!(
        groups,
        ["Autres groupes", "Ensemble", usagers.as_str()].into(),
        "no carers' or professionals' line"
    );
    for row in rows.iter().filter(|r| r[3] != "Ensemble") {
        assert!(row[4].parse::<usize>()? >= 5, "{row:?}");
    }
    // The ranking's mean ranks, with a decimal comma as French spreadsheets read them.
    let means: Vec<&str> = rows
        .iter()
        .map(|r| r[7].as_str())
        .filter(|m| !m.is_empty())
        .collect();
    assert!(!means.is_empty(), "the demo survey has a ranking question");
    for mean in means {
        let (whole, hundredths) = mean
            .split_once(',')
            .ok_or_else(|| anyhow::anyhow!("a decimal comma in {mean}"))?;
        assert!(
            whole.parse::<u32>().is_ok() && hundredths.len() == 2,
            "{mean}"
        );
    }

    // The reader picks the breakdown: none at all, or a profile nobody answered here (one
    // group only: no breakdown, said so).
    let (_, html) = app.get(&format!("{results}?par=none")).await?;
    assert!(html.contains("Sans détail par groupe."));
    assert!(!html.contains("(7 pers.)"));
    let (_, file) = app.get(&format!("{csv}&by=none")).await?;
    assert!(!file.contains("Autres groupes") && file.contains("Ensemble"));
    let age = q
        .iter()
        .find(|q| q.profile == Some(agora_app::domain::survey::Profile::AgeBand))
        .ok_or_else(|| anyhow::anyhow!("the age band question"))?;
    let (_, html) = app.get(&format!("{results}?par={}", age.id)).await?;
    assert!(html.contains("Pas de détail par groupe"), "{html}");
    assert!(
        html.contains(&format!("<option value=\"{}\" selected", age.id)),
        "{html}"
    );
    Ok(())
}

#[tokio::test]
async fn a_coordinator_writes_a_survey_question_by_question_previews_opens_and_closes_it()
-> anyhow::Result<()> {
    use agora_app::domain::{CouncilSlug, Role};
    use agora_app::store::entities::{audit_event, survey_question};
    use agora_tests::location;
    use sea_orm::QueryOrder;
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let here = CouncilSlug::parse(slug)?;
    let (_, coordinator) = app
        .staff_member(&here, Role::Coordinator, "Anne Martin")
        .await?;
    let (_, facilitator) = app
        .staff_member(&here, Role::Facilitator, "Paul Facile")
        .await?;
    let list = format!("/{slug}/questionnaires");
    let (_, html) = app.get_with_cookie(&list, Some(&coordinator)).await?;
    assert!(html.contains("/api/create_survey"));
    let (_, html) = app.get(&list).await?;
    assert!(
        !html.contains("/api/create_survey"),
        "the form is for coordinators"
    );
    let response = app
        .post_form(
            "/api/create_survey",
            Some(&facilitator),
            &[("slug", slug), ("title", "Pas pour moi")],
        )
        .await?;
    assert_eq!(response.status().as_u16(), 403);

    // A title is needed; then the draft is created and the editor opens.
    let response = app
        .post_form(
            "/api/create_survey",
            Some(&coordinator),
            &[("slug", slug), ("title", "  "), ("intro", "Cinq minutes.")],
        )
        .await?;
    let (_, html) = app.follow(response, &coordinator).await?;
    assert!(html.contains("Donnez un titre au questionnaire"), "{html}");
    assert!(
        html.contains("Cinq minutes."),
        "what was typed is given back"
    );
    let response = app
        .post_form(
            "/api/create_survey",
            Some(&coordinator),
            &[
                ("slug", slug),
                ("title", "Les jeunes et la santé mentale"),
                ("title_easy", "Les jeunes"),
            ],
        )
        .await?;
    let editor = location(&response);
    assert!(editor.ends_with("/modifier"), "{editor}");
    let id = editor
        .trim_end_matches("/modifier")
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_owned();
    let (_, html) = app.follow(response, &coordinator).await?;
    assert!(html.contains("Le brouillon est créé"));

    // A choice question with one option is refused beside its field, typed text kept.
    let add = |fields: Vec<(&'static str, String)>| {
        let mut all = vec![("slug", slug.to_owned()), ("survey", id.clone())];
        all.extend(fields);
        all
    };
    let post = |fields: Vec<(&'static str, String)>| {
        let fields = add(fields);
        let app = &app;
        let coordinator = coordinator.clone();
        async move {
            let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let response = app
                .post_form("/api/add_survey_question", Some(&coordinator), &refs)
                .await?;
            let (_, html) = app.follow(response, &coordinator).await?;
            anyhow::Ok(html.replace("&#x27;", "'"))
        }
    };
    let html = post(vec![
        ("section", "Vous".into()),
        ("kind", "single".into()),
        ("prompt", "Votre âge ?".into()),
        ("options", "Moins de 18 ans".into()),
    ])
    .await?;
    assert!(html.contains("Proposez de 2 à 20 choix"), "{html}");
    assert!(html.contains("Moins de 18 ans") && html.contains("Votre âge ?"));

    // "Check readability" stores nothing: the form comes back as typed, each wording
    // measured, where the address's fragment lands.
    let long = "Quelles sont, selon vous, les principales difficultés rencontrées par les jeunes de votre territoire en matière d'accès aux dispositifs de prévention ?";
    let fields = add(vec![
        ("section", "Votre avis".into()),
        ("kind", "long-text".into()),
        ("prompt", long.into()),
        (
            "prompt_easy",
            "Qu'est-ce qui est difficile pour les jeunes ?".into(),
        ),
        ("check", "1".into()),
    ]);
    let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let response = app
        .post_form("/api/add_survey_question", Some(&coordinator), &refs)
        .await?;
    assert!(location(&response).ends_with("/modifier#readability-check"));
    let (_, html) = app.follow(response, &coordinator).await?;
    let html = html.replace("&#x27;", "'");
    assert!(
        html.contains("Rien n'est enregistré"),
        "{}",
        &html[html.find("<main").unwrap_or(0)..]
    );
    assert!(html.contains(long), "the text given back");
    assert!(
        html.contains("id=\"readability-check\""),
        "where the address lands"
    );
    // Each wording's measure is under its field.
    let measures = &html[html.find("id=\"question-prompt\"").unwrap_or(0)..];
    let plain = measures
        .find("Lisibilité : Difficile à lire")
        .unwrap_or(usize::MAX);
    let easy = measures
        .find("Lisibilité : Facile à lire")
        .unwrap_or(usize::MAX);
    assert!(
        plain < easy && easy < usize::MAX,
        "both measured, in order: {html}"
    );
    assert_eq!(
        survey_question::Entity::find()
            .filter(survey_question::Column::SurveyId.eq(id.parse::<i64>()?))
            .count(&app.db)
            .await?,
        0,
        "nothing stored"
    );
    let html = post(vec![
        ("section", "Vous".into()),
        ("kind", "single".into()),
        ("prompt", "Votre âge ?".into()),
        ("prompt_easy", "Quel âge avez-vous ?".into()),
        ("profile", "age-band".into()),
        (
            "options",
            "Moins de 18 ans | Moins de 18\n18 à 25 ans".into(),
        ),
    ])
    .await?;
    assert!(html.contains("La question est ajoutée"), "{html}");
    // The readability of each question is shown while writing.
    assert!(html.contains("Lisibilité : Facile à lire."), "{html}");
    let html = post(vec![
        ("section", "Votre avis".into()),
        ("kind", "long-text".into()),
        (
            "prompt",
            "Quelles sont, selon vous, les principales difficultés rencontrées par les jeunes de votre territoire en matière d'accès aux dispositifs de prévention et de prise en charge en santé mentale ?"
                .into(),
        ),
        ("required", "on".into()),
    ])
    .await?;
    assert!(html.contains("Lisibilité : Difficile à lire"), "{html}");
    assert!(html.contains("Pas de version facile à lire"));
    assert!(
        !html.contains("Faire connaître"),
        "a draft has nothing to share"
    );

    // Preview: staff only while it is a draft.
    let answer = format!("/{slug}/questionnaires/{id}");
    assert_eq!(app.get(&answer).await?.0, 404);
    let (status, html) = app.get_with_cookie(&answer, Some(&coordinator)).await?;
    assert_eq!(status, 200);
    assert!(html.contains("Aperçu"), "{html}");
    assert!(
        !html.contains("Envoyer mes réponses"),
        "a preview sends nothing"
    );

    // A question removed; then opened: the public answers; questions no longer change.
    let survey_id: i64 = id.parse()?;
    let questions = survey_question::Entity::find()
        .filter(survey_question::Column::SurveyId.eq(survey_id))
        .order_by_asc(survey_question::Column::Position)
        .all(&app.db)
        .await?;
    assert_eq!(questions.len(), 2);
    let run = |action: &'static str, question: Option<i64>| {
        let app = &app;
        let coordinator = coordinator.clone();
        let id = id.clone();
        async move {
            let question = question.map(|q| q.to_string()).unwrap_or_default();
            let response = app
                .post_form(
                    "/api/run_survey",
                    Some(&coordinator),
                    &[
                        ("slug", slug),
                        ("survey", &id),
                        ("action", action),
                        ("question", &question),
                    ],
                )
                .await?;
            let (_, html) = app.follow(response, &coordinator).await?;
            anyhow::Ok(html.replace("&#x27;", "'"))
        }
    };
    let html = run("remove", Some(questions[0].id)).await?;
    assert!(html.contains("La question est retirée"));
    let html = run("open", None).await?;
    assert!(
        html.contains("Le questionnaire est ouvert aux réponses"),
        "{html}"
    );
    assert_eq!(app.get(&answer).await?.0, 200);
    // Open: its public link and the link's QR code, to put on a poster.
    assert!(html.contains("Faire connaître le questionnaire"), "{html}");
    let shown = format!("{answer}</a>");
    assert!(html.contains(&shown), "the link in words: {html}");
    assert!(html.contains("<svg"), "the QR code: {html}");
    let html = post(vec![
        ("section", "Vous".into()),
        ("kind", "scale".into()),
        ("prompt", "Ça va ?".into()),
    ])
    .await?;
    assert!(html.contains("ses questions ne changent plus"), "{html}");
    let html = run("close", None).await?;
    assert!(html.contains("Le questionnaire est fermé"));
    assert!(
        !html.contains("Faire connaître"),
        "closed: nothing to share"
    );
    let actions: Vec<String> = audit_event::Entity::find()
        .all(&app.db)
        .await?
        .into_iter()
        .map(|e| e.action)
        .filter(|a| a.starts_with("survey-") && !a.starts_with("survey-codes"))
        .collect();
    // The demo's own surveys come first (created, opened, closed by the seed).
    let mine: Vec<&str> = actions
        .iter()
        .rev()
        .take(6)
        .rev()
        .map(String::as_str)
        .collect();
    assert_eq!(
        mine,
        [
            "survey-created",
            "survey-question-added",
            "survey-question-added",
            "survey-question-removed",
            "survey-opened",
            "survey-closed",
        ]
    );
    Ok(())
}

#[tokio::test]
async fn written_answers_reach_the_results_only_as_a_moderator_edited_them() -> anyhow::Result<()> {
    use agora_app::domain::survey::{QuestionKind, SurveyState, answer_key};
    use agora_app::domain::{CouncilSlug, Role};
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let here = CouncilSlug::parse(slug)?;
    let (_, coordinator) = app
        .staff_member(&here, Role::Coordinator, "Anne Martin")
        .await?;
    let council_id = app.demo_council_id().await?;
    let id = survey::Entity::find()
        .one(&app.db)
        .await?
        .map(|s| s.id)
        .ok_or_else(|| anyhow::anyhow!("the demo survey"))?;
    let view = surveys::survey_view(&app.db, council_id, id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("its view"))?;
    let required: Vec<_> = view.questions().filter(|q| q.required).cloned().collect();
    let long = view
        .questions()
        .find(|q| q.kind == QuestionKind::LongText)
        .ok_or_else(|| anyhow::anyhow!("a long text"))?
        .clone();
    for text in [
        "Le Dr Lemoine du CMP m'a beaucoup aidé.",
        "Rien à dire, sauf que Mme Petit au 12 rue des Lilas crie la nuit.",
    ] {
        let mut form = std::collections::BTreeMap::new();
        for q in &required {
            let value = match q.kind {
                QuestionKind::Scale => "3".to_owned(),
                _ => q.options[0].0.to_string(),
            };
            form.insert(answer_key(q.id, None), value);
        }
        form.insert(answer_key(long.id, None), text.to_owned());
        surveys::submit_response(&app.db, app.seal_key(), council_id, id, &form, "").await?;
    }
    surveys::set_survey_state(
        &app.db,
        app.seal_key(),
        council_id,
        id,
        SurveyState::Closed,
        None,
    )
    .await?;
    let results = format!("/{slug}/questionnaires/{id}/resultats");
    let (_, html) = app.get(&results).await?;
    assert!(
        !html.contains("Lemoine") && !html.contains("Lilas"),
        "nothing before review"
    );

    // The moderator sees both, edits the first (the name goes), withholds the second.
    let editor = format!("/{slug}/questionnaires/{id}/modifier");
    let (_, html) = app.get_with_cookie(&editor, Some(&coordinator)).await?;
    let html = html.replace("&#x27;", "'");
    assert!(html.contains("Le Dr Lemoine du CMP") && html.contains("rue des Lilas"));
    // The page names each answer by a handle of its own, never by its response's id (two
    // answers of one person would share it and could be read together).
    let responses = agora_app::store::entities::survey_response::Entity::find()
        .all(&app.db)
        .await?;
    assert!(!responses.is_empty());
    for response in &responses {
        assert!(!html.contains(&response.id), "a response id on the page");
    }
    let pending =
        surveys::written_answers(&app.db, app.seal_key(), council_id, id, "pending").await?;
    assert_eq!(pending.len(), 2);
    assert!(pending.iter().all(|w| html.contains(&w.handle)));
    let survey_id = id.to_string();
    for (written, decision, text) in [
        (
            &pending[0],
            "publish",
            "Un médecin du CMP m'a beaucoup aidé.",
        ),
        (&pending[1], "withhold", ""),
    ] {
        let response = app
            .post_form(
                "/api/review_survey_text",
                Some(&coordinator),
                &[
                    ("slug", slug),
                    ("survey", &survey_id),
                    ("answer", &written.handle),
                    ("decision", decision),
                    ("text", text),
                ],
            )
            .await?;
        assert_eq!(response.status().as_u16(), 302);
    }
    let (_, html) = app.get(&results).await?;
    let html = html.replace("&#x27;", "'");
    assert!(
        html.contains("Un médecin du CMP m'a beaucoup aidé."),
        "{html}"
    );
    assert!(!html.contains("Lemoine") && !html.contains("Lilas"));
    // Neither original is kept anywhere.
    let stored: Vec<String> = survey_answer::Entity::find()
        .all(&app.db)
        .await?
        .into_iter()
        .map(|a| a.value)
        .collect();
    assert!(
        stored
            .iter()
            .all(|v| !v.contains("Lemoine") && !v.contains("Lilas"))
    );
    assert!(
        surveys::written_answers(&app.db, app.seal_key(), council_id, id, "pending")
            .await?
            .is_empty()
    );
    Ok(())
}

#[tokio::test]
async fn a_one_per_person_survey_gets_its_codes_on_a_sheet_shown_once_and_each_answers_once()
-> anyhow::Result<()> {
    use agora_app::domain::survey::{QuestionDraft, SurveyState, answer_key};
    use agora_app::domain::{CouncilSlug, Role, Wording};
    use agora_app::store::surveys::NewSurvey;
    use agora_tests::cookie_set;
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let here = CouncilSlug::parse(slug)?;
    let (_, coordinator) = app
        .staff_member(&here, Role::Coordinator, "Anne Martin")
        .await?;
    let council_id = app.demo_council_id().await?;
    let wording = |plain: &str| Wording {
        plain: plain.into(),
        easy: String::new(),
    };
    let id = surveys::create_survey(
        &app.db,
        &NewSurvey {
            council_id,
            title: wording("Une voix par personne"),
            intro: wording(""),
            one_per_person: true,
            sections: vec![(
                wording("Partie"),
                vec![QuestionDraft {
                    kind: QuestionKind::Scale,
                    prompt: wording("Ça va ?"),
                    required: true,
                    profile: None,
                    options: Vec::new(),
                }],
            )],
            by: None,
        },
    )
    .await?;
    surveys::set_survey_state(
        &app.db,
        app.seal_key(),
        council_id,
        id,
        SurveyState::Open,
        None,
    )
    .await?;
    let survey_id = id.to_string();
    let (_, editor) = app
        .get_with_cookie(
            &format!("/{slug}/questionnaires/{id}/modifier"),
            Some(&coordinator),
        )
        .await?;
    assert!(editor.contains("/api/issue_survey_codes"));
    // Out of bounds: refused beside the field.
    let response = app
        .post_form(
            "/api/issue_survey_codes",
            Some(&coordinator),
            &[("slug", slug), ("survey", &survey_id), ("count", "0")],
        )
        .await?;
    let (_, html) = app.follow(response, &coordinator).await?;
    assert!(
        html.contains("Indiquez un nombre de codes entre 1 et 100"),
        "{html}"
    );
    let response = app
        .post_form(
            "/api/issue_survey_codes",
            Some(&coordinator),
            &[("slug", slug), ("survey", &survey_id), ("count", "2")],
        )
        .await?;
    let flash = cookie_set(&response, "agora_flash").unwrap_or_default();
    let (sheet, html) = app.follow(response, &coordinator).await?;
    assert!(sheet.ends_with("/codes"), "{sheet}");
    let codes: Vec<String> = html
        .split(r#"<strong class="code">"#)
        .skip(1)
        .filter_map(|rest| rest.split('<').next())
        .map(str::to_owned)
        .collect();
    assert_eq!(codes.len(), 2, "{html}");
    assert!(!flash.is_empty());
    let (_, again) = app.get_with_cookie(&sheet, Some(&coordinator)).await?;
    assert!(!again.contains(r#"<strong class="code">"#), "shown once");

    // A code answers once, typed in lower case.
    let scale = surveys::survey_view(&app.db, council_id, id)
        .await?
        .and_then(|v| v.questions().next().map(|q| q.id))
        .ok_or_else(|| anyhow::anyhow!("the question"))?;
    let field = format!("q[{}]", answer_key(scale, None));
    for expected in [
        "Merci, vos réponses sont envoyées",
        "Ce code n'est pas valable",
    ] {
        let code = codes[0].to_lowercase();
        let response = app
            .post_form(
                "/api/submit_survey",
                None,
                &[
                    ("slug", slug),
                    ("survey", &survey_id),
                    ("code", &code),
                    (&field, "4"),
                ],
            )
            .await?;
        let (_, html) = app.follow(response, "").await?;
        assert!(html.replace("&#x27;", "'").contains(expected), "{html}");
    }
    Ok(())
}
