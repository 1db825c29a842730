//! Priority votes through the web, as a browser without JavaScript uses them: setting up a
//! vote, ranking with move buttons, reviewing, casting, the receipt, one-time codes on their
//! printed sheet, refusals beside their field with nothing stored, results hidden until the
//! vote ends, and the export that recounts to the published result.

use agora_app::domain::recount::BallotFile;
use agora_app::domain::tally::Weighting;
use agora_app::domain::{CouncilSlug, Role};
use agora_app::store::entities::{audit_event, ballot, ballot_code, vote};
use agora_app::store::votes;
use agora_server::demo;
use agora_tests::{TestApp, cookie_set, location};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};

/// Follows a plain form post's redirect with its flash cookie, as a browser does; the page
/// with its apostrophes unescaped, to compare with French text.
async fn follow(
    app: &TestApp,
    response: reqwest::Response,
    cookie: &str,
) -> anyhow::Result<(String, String)> {
    assert!(
        !location(&response).is_empty(),
        "a redirect: {}",
        response.status()
    );
    let (back, html) = app.follow(response, cookie).await?;
    Ok((back, html.replace("&#x27;", "'")))
}

/// Downloads a vote's export as a browser does from the results page's button: a plain
/// form POST (`Accept: text/html`, the page as `Referer`), which must come back as the
/// file, not as a redirect to the page. `cookie` "": nobody signed in.
async fn export(
    app: &TestApp,
    cookie: &str,
    slug: &str,
    id: i64,
    totals: &str,
) -> anyhow::Result<reqwest::Response> {
    let id = id.to_string();
    Ok(app
        .client
        .post(app.url("/api/export_vote"))
        .header("accept", "text/html")
        .header("referer", app.url(&format!("/{slug}/votes/{id}/resultats")))
        .header("cookie", cookie)
        .form(&[("slug", slug), ("id", &id), ("totals", totals)])
        .send()
        .await?)
}

/// The `<input …>` tag with this id ("" when there is none).
fn input<'a>(html: &'a str, id: &str) -> &'a str {
    let marker = format!(r#"id="{id}""#);
    html.find(&marker)
        .and_then(|at| {
            let start = html[..at].rfind('<')?;
            let end = at + html[at..].find('>')?;
            Some(&html[start..end])
        })
        .unwrap_or_default()
}

pub(crate) async fn findings(app: &TestApp) -> anyhow::Result<Vec<i64>> {
    use agora_app::store::entities::finding;
    Ok(finding::Entity::find()
        .order_by_asc(finding::Column::Position)
        .all(&app.db)
        .await?
        .into_iter()
        .map(|f| f.id)
        .take(3)
        .collect())
}

fn ballots_of(vote: i64) -> sea_orm::Select<ballot::Entity> {
    ballot::Entity::find().filter(ballot::Column::VoteId.eq(vote))
}

/// Creates and opens a vote through the forms; returns its id.
pub(super) async fn set_up(
    app: &TestApp,
    coordinator: &str,
    method: &str,
    integrity: &str,
) -> anyhow::Result<i64> {
    let slug = demo::slug();
    let ids = findings(app).await?;
    let keys: Vec<String> = ids.iter().map(|id| format!("findings[{id}]")).collect();
    let mut fields = vec![
        ("slug", slug),
        ("title", "Nos priorités"),
        ("method", method),
        ("integrity", integrity),
        ("colleges[usagers]", "on"),
        ("colleges[habitants]", "on"),
        ("opens_at", "2020-01-01T09:00"),
        ("closes_at", "2099-01-01T09:00"),
        ("max_points", "5"),
        ("max_points_per_candidate", "3"),
    ];
    fields.extend(keys.iter().map(|k| (k.as_str(), "on")));
    let created = app
        .post_form("/api/create_vote", Some(coordinator), &fields)
        .await?;
    assert_eq!(created.status().as_u16(), 302);
    let (page, html) = follow(app, created, coordinator).await?;
    assert!(html.contains("Le vote est créé"), "{html}");
    let id: i64 = page.rsplit('/').next().unwrap_or_default().parse()?;
    let opened = app
        .post_form(
            "/api/run_vote",
            Some(coordinator),
            &[
                ("slug", slug),
                ("vote", &id.to_string()),
                ("action", "open"),
            ],
        )
        .await?;
    let (_, html) = follow(app, opened, coordinator).await?;
    assert!(html.contains("Le vote est ouvert."), "{html}");
    Ok(id)
}

#[tokio::test]
async fn a_coordinator_sets_up_a_vote_and_a_refusal_comes_back_beside_its_field()
-> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let here = CouncilSlug::parse(slug)?;
    let (_, coordinator) = app
        .staff_member(&here, Role::Coordinator, "Anne Martin")
        .await?;
    let before = vote::Entity::find().count(&app.db).await?;
    let ids = findings(&app).await?;
    let first = format!("findings[{}]", ids[0]);
    let refused = app
        .post_form(
            "/api/create_vote",
            Some(&coordinator),
            &[
                ("slug", slug),
                ("title", "Priorités de printemps"),
                ("method", "schulze"),
                ("integrity", "open"),
                (&first, "on"),
                ("colleges[usagers]", "on"),
                ("opens_at", "2027-03-01T18:00"),
                ("closes_at", "2027-03-01T20:00"),
            ],
        )
        .await?;
    let (back, html) = follow(&app, refused, &coordinator).await?;
    assert_eq!(back, format!("/{slug}/votes"));
    assert!(
        html.contains("Choisissez au moins deux constats."),
        "{html}"
    );
    assert!(
        html.contains("Priorités de printemps"),
        "what was typed is kept"
    );
    assert_eq!(
        vote::Entity::find().count(&app.db).await?,
        before,
        "nothing stored"
    );

    // Participants cannot set up votes; the page does not offer it to them either.
    let (_, public) = app.get(&format!("/{slug}/votes")).await?;
    assert!(!public.contains("Préparer un nouveau vote"));
    let forbidden = app
        .post_form("/api/create_vote", None, &[("slug", slug), ("title", "x")])
        .await?;
    assert!(!location(&forbidden).contains("/votes/"));
    assert_eq!(vote::Entity::find().count(&app.db).await?, before);

    let id = set_up(&app, &coordinator, "schulze", "open").await?;
    let actions: Vec<String> = audit_event::Entity::find()
        .order_by_asc(audit_event::Column::Id)
        .all(&app.db)
        .await?
        .into_iter()
        .filter(|e| e.detail.contains(&format!("vote={id}")))
        .map(|e| e.action)
        .collect();
    assert_eq!(actions, vec!["vote-created", "vote-opened"]);
    Ok(())
}

#[tokio::test]
async fn a_participant_ranks_with_move_buttons_reviews_and_casts_once() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let here = CouncilSlug::parse(slug)?;
    let (_, coordinator) = app
        .staff_member(&here, Role::Coordinator, "Anne Martin")
        .await?;
    let id = set_up(&app, &coordinator, "schulze", "open").await?;
    let page = format!("/{slug}/votes/{id}");
    let vote_id = id.to_string();

    let (status, html) = app.get(&page).await?;
    assert_eq!(status, 200);
    assert!(html.contains(r#"name="order" value="0,1,2""#), "{html}");
    assert!(html.contains("Monter"));
    // An open vote says where people vote what it protects against, and what does.
    assert!(
        html.contains("Ce vote compte un bulletin par navigateur"),
        "{html}"
    );

    // Moving the third finding up: the ballot comes back in its new order, the focus on
    // the button pressed. Nothing is stored yet.
    let moved = app
        .post_form(
            "/api/ballot_step",
            None,
            &[
                ("slug", slug),
                ("vote", &vote_id),
                ("order", "0,1,2"),
                ("college", "usagers"),
                ("step", "up-2"),
            ],
        )
        .await?;
    let participant = cookie_set(&moved, "agora_participant").unwrap_or_default();
    let (back, html) = follow(&app, moved, &participant).await?;
    assert_eq!(back, page);
    assert!(html.contains(r#"name="order" value="0,2,1""#), "{html}");
    let focused = html
        .split("<button")
        .find(|button| button.contains("autofocus"))
        .unwrap_or_default();
    assert!(focused.contains(r#"id="move-up-2""#), "{focused}");
    assert_eq!(ballots_of(id).count(&app.db).await?, 0);

    // Review, then cast.
    let review = app
        .post_form(
            "/api/ballot_step",
            Some(&participant),
            &[
                ("slug", slug),
                ("vote", &vote_id),
                ("order", "2,0,1"),
                ("college", "usagers"),
                ("step", "review"),
            ],
        )
        .await?;
    let (_, html) = follow(&app, review, &participant).await?;
    assert!(html.contains("Relisez votre bulletin"), "{html}");
    assert!(
        html.contains("Collège : Usagers de la psychiatrie"),
        "{html}"
    );
    assert!(html.contains("Mettre mon bulletin dans l'urne"));
    assert_eq!(
        ballots_of(id).count(&app.db).await?,
        0,
        "reviewing stores nothing"
    );

    let cast = app
        .post_form(
            "/api/cast_ballot",
            Some(&participant),
            &[
                ("slug", slug),
                ("vote", &vote_id),
                ("order", "2,0,1"),
                ("college", "usagers"),
            ],
        )
        .await?;
    let (_, html) = follow(&app, cast, &participant).await?;
    assert!(
        html.contains("A voté : votre bulletin est dans l'urne"),
        "{html}"
    );
    // The ballot waits, sealed, to be mixed with others (docs/privacy.md).
    assert_eq!(votes::waiting_count(&app.db, id).await?, 1);
    assert_eq!(ballots_of(id).count(&app.db).await?, 0);

    // The same browser again: told it has voted; a second ballot is refused.
    let (_, html) = app.get_with_cookie(&page, Some(&participant)).await?;
    assert!(
        html.contains("Vous avez déjà voté depuis ce navigateur"),
        "{html}"
    );
    let again = app
        .post_form(
            "/api/cast_ballot",
            Some(&participant),
            &[("slug", slug), ("vote", &vote_id), ("order", "0,1,2")],
        )
        .await?;
    let (_, html) = follow(&app, again, &participant).await?;
    assert!(
        html.contains("Vous avez déjà voté : un seul bulletin"),
        "{html}"
    );
    assert_eq!(votes::waiting_count(&app.db, id).await?, 1);
    // Closed: the one ballot goes into the box, as it was cast.
    app.post_form(
        "/api/run_vote",
        Some(&coordinator),
        &[("slug", slug), ("vote", &vote_id), ("action", "close")],
    )
    .await?;
    let stored = ballots_of(id).all(&app.db).await?;
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].college, "usagers");
    assert_eq!(stored[0].choice, r#"{"ranking":[[2],[0],[1]]}"#);
    assert_eq!(votes::waiting_count(&app.db, id).await?, 0);
    Ok(())
}

#[tokio::test]
async fn strict_votes_take_printed_codes_once_and_refuse_bad_ballots_whole() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let here = CouncilSlug::parse(slug)?;
    let (_, coordinator) = app
        .staff_member(&here, Role::Coordinator, "Anne Martin")
        .await?;
    let (_, facilitator) = app
        .staff_member(&here, Role::Facilitator, "Yanis Roux")
        .await?;
    let id = set_up(&app, &coordinator, "dots", "strict").await?;
    let vote_id = id.to_string();

    let issued = app
        .post_form(
            "/api/issue_ballot_codes",
            Some(&facilitator),
            &[("slug", slug), ("vote", &vote_id), ("count", "3")],
        )
        .await?;
    let (sheet, html) = follow(&app, issued, &facilitator).await?;
    assert_eq!(sheet, format!("/{slug}/votes/{id}/codes"));
    let codes: Vec<String> = html
        .split(r#"<strong class="code">"#)
        .skip(1)
        .filter_map(|rest| rest.split('<').next())
        .map(str::to_owned)
        .collect();
    assert_eq!(codes.len(), 3, "{html}");
    let (_, again) = app.get_with_cookie(&sheet, Some(&facilitator)).await?;
    assert!(!again.contains(&codes[0]), "codes are shown once");
    let hashes = ballot_code::Entity::find()
        .filter(ballot_code::Column::VoteId.eq(id))
        .all(&app.db)
        .await?;
    assert!(
        hashes
            .iter()
            .all(|row| !row.code_hash.contains(&codes[0][..5]))
    );

    // Every ballot from one browser: the tablet lent at the entrance, each voter with a code.
    let tablet = app.participant_cookie(7);
    let cast = |code: String, points: Vec<(&'static str, &'static str)>| {
        let app = &app;
        let vote_id = vote_id.clone();
        let tablet = tablet.clone();
        async move {
            let mut fields = vec![
                ("slug", slug.to_owned()),
                ("vote", vote_id),
                ("code", code),
                ("college", "habitants".to_owned()),
            ];
            fields.extend(points.into_iter().map(|(k, v)| (k, v.to_owned())));
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let response = app
                .post_form("/api/cast_ballot", Some(&tablet), &fields)
                .await?;
            follow(app, response, &tablet).await
        }
    };

    // Over the total: refused beside the points, the ballot given back, the code unused.
    let (_, html) = cast(
        codes[0].clone(),
        vec![("points[0]", "3"), ("points[1]", "3")],
    )
    .await?;
    assert!(
        html.contains("Vous donnez plus de points que vous n'en avez"),
        "{html}"
    );
    assert!(html.contains(r#"name="points[1]""#) && html.contains(r#"value="3""#));
    assert_eq!(ballots_of(id).count(&app.db).await?, 0);

    let (_, html) = cast(
        codes[0].to_lowercase(),
        vec![("points[0]", "3"), ("points[2]", "2")],
    )
    .await?;
    assert!(
        html.contains("A voté"),
        "codes are typed in any case: {html}"
    );
    // A used code and an unknown one get the same refusal: a found code card does not
    // tell whether its owner voted.
    let (_, used) = cast(codes[0].clone(), vec![("points[1]", "1")]).await?;
    let (_, unknown) = cast("ZZZZZ-ZZZZZ".into(), vec![("points[1]", "1")]).await?;
    for html in [&used, &unknown] {
        assert!(
            html.contains("Ce code n'est pas valable pour ce vote"),
            "{html}"
        );
        assert!(!html.contains("déjà servi :"), "{html}");
    }
    let (_, html) = cast(String::new(), vec![("points[1]", "1")]).await?;
    assert!(html.contains("Tapez le code de vote"), "{html}");
    assert_eq!(votes::waiting_count(&app.db, id).await?, 1);
    app.post_form(
        "/api/run_vote",
        Some(&facilitator),
        &[("slug", slug), ("vote", &vote_id), ("action", "close")],
    )
    .await?;
    let stored = ballots_of(id).all(&app.db).await?;
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].choice, r#"{"points":[[0,3],[2,2]]}"#);
    Ok(())
}

#[tokio::test]
async fn results_stay_hidden_until_the_end_then_the_export_recounts_to_them() -> anyhow::Result<()>
{
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let here = CouncilSlug::parse(slug)?;
    let (_, coordinator) = app
        .staff_member(&here, Role::Coordinator, "Anne Martin")
        .await?;
    let id = set_up(&app, &coordinator, "approval", "open").await?;
    let vote_id = id.to_string();
    // Six residents approve finding 0; two usagers approve finding 2.
    for (college, approved) in [("habitants", "approved[0]"); 6]
        .into_iter()
        .chain([("usagers", "approved[2]"); 2])
    {
        let response = app
            .post_form(
                "/api/cast_ballot",
                None,
                &[
                    ("slug", slug),
                    ("vote", &vote_id),
                    ("college", college),
                    (approved, "on"),
                ],
            )
            .await?;
        assert_eq!(response.status().as_u16(), 302);
    }
    let results = format!("/{slug}/votes/{id}/resultats");
    let (_, html) = app.get(&results).await?;
    assert!(
        html.contains("Les résultats seront publiés à la clôture"),
        "{html}"
    );
    assert!(!html.contains("8 bulletins"));
    // The projector shows only what is public, and fetches itself again until the close.
    let projector = format!("/{slug}/votes/{id}/projection");
    // By the `FollowedScreen` island, which fetches the screen's body again in place; never
    // a timed `<meta refresh>` (WCAG 2.2.1).
    let refresh = "followed-screen";
    let body = format!("/api/vote_screen_body?slug={slug}&id={id}");
    let (_, html) = app.get_with_cookie(&projector, Some(&coordinator)).await?;
    assert!(html.contains("Les résultats seront publiés à la clôture"));
    assert!(!html.contains("8 bulletins"), "staff or not, public only");
    assert!(html.contains(refresh), "{html}");
    assert!(
        html.contains(&format!("/api/vote_screen_body?slug={slug}&amp;id={id}")),
        "{html}"
    );
    assert!(!html.contains("http-equiv=\"refresh\""), "{html}");
    // The body the island fetches shows no more than the page, to staff or anyone.
    for cookie in [Some(coordinator.as_str()), None] {
        let (status, fetched) = app.get_with_cookie(&body, cookie).await?;
        assert_eq!(status, 200);
        let fetched: String = serde_json::from_str(&fetched)?;
        assert!(
            fetched.contains("Les résultats seront publiés à la clôture"),
            "{fetched}"
        );
        assert!(!fetched.contains("5 bulletins") && !fetched.contains("8 bulletins"));
    }
    let (_, html) = app.get_with_cookie(&results, Some(&coordinator)).await?;
    assert!(
        html.contains("visibles par l'équipe seulement")
            || html.contains("visibles par l&#x27;équipe seulement")
    );
    // Staff see the provisional count, which moves by whole groups of five (the minimum
    // group size): five ballots counted, three waiting to be mixed.
    assert!(html.contains("5 bulletins"), "staff see them: {html}");
    assert!(!html.contains("8 bulletins"), "{html}");
    assert!(html.contains("Bulletins en attente : 3"), "{html}");

    // Revealed: everyone sees them; the export waits for the end.
    let refused = export(&app, &coordinator, slug, id, "").await?;
    assert_eq!(refused.status(), 422, "no export while the vote is open");
    // A link (a GET) exports nothing: a prefetch or a crawler must not write the audit log.
    let (status, _) = app
        .get_with_cookie(
            &format!("/api/export_vote?slug={slug}&id={id}"),
            Some(&coordinator),
        )
        .await?;
    assert!(status >= 400, "{status}");
    app.post_form(
        "/api/run_vote",
        Some(&coordinator),
        &[("slug", slug), ("vote", &vote_id), ("action", "reveal")],
    )
    .await?;
    let (_, html) = app.get(&results).await?;
    assert!(html.contains("5 bulletins"), "{html}");
    let (_, html) = app.get(&projector).await?;
    assert!(html.contains("5 bulletins") && html.contains(refresh));
    // A projector loaded before the reveal shows it at its next fetch, without a reload.
    let (_, fetched) = app.get(&body).await?;
    assert!(serde_json::from_str::<String>(&fetched)?.contains("5 bulletins"));
    app.post_form(
        "/api/run_vote",
        Some(&coordinator),
        &[("slug", slug), ("vote", &vote_id), ("action", "close")],
    )
    .await?;
    let (_, html) = app.get(&projector).await?;
    assert!(html.contains("8 bulletins"));
    assert!(
        !html.contains(refresh),
        "a closed vote's results stay still"
    );
    let (_, html) = app.get(&results).await?;
    let html = html.replace("&#x27;", "'");
    // Two usagers are fewer than the minimum group of five, and the six residents alone
    // would give them away by subtraction: everyone is one group, no result per college,
    // and no equal-colleges count: no college stands on its own (docs/privacy.md).
    assert!(
        html.contains("Autres collèges, regroupés pour qu'aucun groupe de moins de 5 votants"),
        "{html}"
    );
    assert!(
        html.contains("trop peu de votants dans chaque collège"),
        "{html}"
    );
    assert!(!html.contains("Habitants ("), "no residents' own result");
    assert!(
        !html.contains("Usagers de la psychiatrie ("),
        "no usagers' own result"
    );
    assert!(
        html.contains(
            "La comparaison entre collèges demande au moins deux collèges d'au moins 5 votants"
        ),
        "{html}"
    );
    assert!(!html.contains("Chaque collège pèse autant"), "{html}");

    let anonymous = export(&app, "", slug, id, "").await?;
    assert_eq!(anonymous.status(), 401, "staff only");
    let response = export(&app, &coordinator, slug, id, "").await?;
    assert_eq!(response.status(), 200);
    assert!(
        agora_tests::header(&response, "content-disposition")
            .contains("attachment; filename=\"bulletins-vote-"),
        "{:?}",
        response.headers()
    );
    assert_eq!(agora_tests::header(&response, "cache-control"), "no-store");
    let file: BallotFile = serde_json::from_str(&response.text().await?)?;
    assert_eq!(file.ballots.len(), 8);
    let raw = file.recount(Some(Weighting::Raw))?;
    let equal = file.recount(Some(Weighting::EqualColleges))?;
    // The published tables, in order: raw first, equal colleges second.
    let tables: Vec<&str> = html.split(r#"<table class="standing">"#).skip(1).collect();
    let first_row = |table: &str| -> String {
        table
            .split(r#"<th scope="row" lang="fr">"#)
            .nth(1)
            .and_then(|rest| rest.split('<').next())
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(first_row(tables[0]), raw.ranking[0][0], "raw winner");
    // The file names no small college: everyone is the merged college, as on the page, so
    // the equal-colleges recount weighs nobody, as the page publishes no such count.
    assert!(
        file.ballots.iter().all(|b| b.college == "*"),
        "{:?}",
        file.ballots
    );
    assert_eq!(tables.len(), 1, "the raw table only");
    assert!(
        equal.ranking.iter().flatten().count() == raw.ranking.iter().flatten().count()
            && equal.ranking.len() == 1,
        "every finding ties at zero: {:?}",
        equal.ranking
    );
    // Totals per pair exist for ranked votes only: asked of an approval vote, refused.
    assert!(
        !html.contains(r#"value="pairwise""#),
        "no button for them here"
    );
    let refused = export(&app, &coordinator, slug, id, "pairwise").await?;
    assert_eq!(refused.status(), 422);
    Ok(())
}

/// A ranked vote's totals per pair: no ranking in them, and the same result, figures and
/// all, with either weighting, as the ballot file (docs/recount.md).
#[tokio::test]
async fn a_ranked_vote_s_totals_per_pair_recount_to_its_result_without_any_ranking()
-> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let here = CouncilSlug::parse(slug)?;
    let (_, coordinator) = app
        .staff_member(&here, Role::Coordinator, "Anne Martin")
        .await?;
    let id = set_up(&app, &coordinator, "schulze", "open").await?;
    let vote_id = id.to_string();
    // Six residents rank 0, 1, 2; six usagers 2, 0, 1; one resident an unusual 1, 2, 0.
    for (college, order) in [("habitants", "0,1,2"); 6]
        .into_iter()
        .chain([("usagers", "2,0,1"); 6])
        .chain([("habitants", "1,2,0")])
    {
        let response = app
            .post_form(
                "/api/cast_ballot",
                None,
                &[
                    ("slug", slug),
                    ("vote", &vote_id),
                    ("college", college),
                    ("order", order),
                ],
            )
            .await?;
        assert_eq!(response.status().as_u16(), 302);
    }
    app.post_form(
        "/api/run_vote",
        Some(&coordinator),
        &[("slug", slug), ("vote", &vote_id), ("action", "close")],
    )
    .await?;
    let (_, html) = app
        .get_with_cookie(&format!("/{slug}/votes/{id}/resultats"), Some(&coordinator))
        .await?;
    assert!(
        html.contains(r#"action="/api/export_vote""#)
            && html.contains(r#"name="totals" value="pairwise""#),
        "the button: {html}"
    );
    let response = export(&app, &coordinator, slug, id, "").await?;
    assert_eq!(response.status(), 200);
    let ballots: BallotFile = serde_json::from_str(&response.text().await?)?;
    assert_eq!(ballots.ballots.len(), 13);
    let response = export(&app, &coordinator, slug, id, "pairwise").await?;
    assert!(
        agora_tests::header(&response, "content-disposition").contains("totaux-par-paire"),
        "{:?}",
        response.headers()
    );
    let text = response.text().await?;
    assert!(!text.contains("ranking"), "no ballot: {text}");
    let totals: BallotFile = serde_json::from_str(&text)?;
    assert!(totals.ballots.is_empty());
    let colleges = totals.pairwise.clone().unwrap_or_default();
    assert_eq!(
        colleges.values().map(|t| t.ballots).sum::<u64>(),
        13,
        "{colleges:?}"
    );
    for weighting in [Weighting::Raw, Weighting::EqualColleges] {
        assert_eq!(
            totals.recount(Some(weighting))?,
            ballots.recount(Some(weighting))?
        );
    }
    Ok(())
}

#[tokio::test]
async fn a_majority_judgment_ballot_asks_a_grade_for_each_finding_and_can_be_changed_after_review()
-> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let here = CouncilSlug::parse(slug)?;
    let (_, coordinator) = app
        .staff_member(&here, Role::Coordinator, "Anne Martin")
        .await?;
    let id = set_up(&app, &coordinator, "majority-judgment", "open").await?;
    let vote_id = id.to_string();
    let page = format!("/{slug}/votes/{id}");
    let (_, html) = app.get(&page).await?;
    // One radio group per finding, five grades each.
    assert_eq!(html.matches(r#"name="grade[0]""#).count(), 5, "{html}");
    assert!(html.contains("Priorité absolue") && html.contains("Pas prioritaire"));

    // A finding left without a grade: refused beside it, the grades given kept, nothing stored.
    let review = |grades: Vec<(&'static str, &'static str)>, step: &'static str| {
        let app = &app;
        let vote_id = vote_id.clone();
        async move {
            let mut fields = vec![
                ("slug", slug.to_owned()),
                ("vote", vote_id),
                ("step", step.to_owned()),
            ];
            fields.extend(grades.into_iter().map(|(k, v)| (k, v.to_owned())));
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let response = app.post_form("/api/ballot_step", None, &fields).await?;
            follow(app, response, "").await
        }
    };
    let (_, html) = review(vec![("grade[0]", "0"), ("grade[2]", "4")], "review").await?;
    assert!(
        html.contains("Choisissez une mention pour ce constat."),
        "{html}"
    );
    assert!(html.contains(r#"id="ballot-grade-1-error""#));
    assert!(
        input(&html, "ballot-grade-2-4").contains("checked"),
        "{html}"
    );
    assert!(!input(&html, "ballot-grade-2-3").contains("checked"));
    assert_eq!(ballots_of(id).count(&app.db).await?, 0);

    // Complete, reviewed, then "Modifier": back to the ballot with every grade kept.
    let (_, html) = review(
        vec![("grade[0]", "0"), ("grade[1]", "2"), ("grade[2]", "4")],
        "review",
    )
    .await?;
    assert!(html.contains("Relisez votre bulletin"), "{html}");
    assert!(html.contains("Priorité moyenne"));
    let (_, html) = review(
        vec![("grade[0]", "0"), ("grade[1]", "2"), ("grade[2]", "4")],
        "edit",
    )
    .await?;
    assert!(!html.contains("Relisez votre bulletin"));
    assert!(
        input(&html, "ballot-grade-1-2").contains("checked"),
        "{html}"
    );
    assert_eq!(
        ballots_of(id).count(&app.db).await?,
        0,
        "reviewing stores nothing"
    );
    Ok(())
}

/// The demo's closed vote (issue 21): three élus and two of the care college are too few to
/// be shown apart. The page, the projector and the public ballot file all merge them, and
/// the file recounts to the published equal-colleges result.
#[tokio::test]
async fn the_public_ballot_file_merges_the_colleges_the_page_merges() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let (_, coordinator) = app
        .staff_member(&CouncilSlug::parse(slug)?, Role::Coordinator, "Anne Martin")
        .await?;
    let closed = vote::Entity::find()
        .filter(vote::Column::State.eq("closed"))
        .one(&app.db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the demo's closed vote"))?;
    let (_, html) = app
        .get(&format!("/{slug}/votes/{}/resultats", closed.id))
        .await?;
    let html = html.replace("&#x27;", "'");
    assert!(html.contains("Autres collèges, regroupés"), "{html}");
    assert!(!html.contains("Élus ("), "no élus' own result");
    let response = export(&app, &coordinator, slug, closed.id, "").await?;
    let file: BallotFile = serde_json::from_str(&response.text().await?)?;
    let mut per_college: std::collections::BTreeMap<String, usize> = Default::default();
    for ballot in &file.ballots {
        *per_college.entry(ballot.college.clone()).or_default() += 1;
    }
    assert_eq!(
        per_college.into_iter().collect::<Vec<_>>(),
        [
            ("*".to_owned(), 5),
            ("aidants".to_owned(), 6),
            ("habitants".to_owned(), 24),
            ("professionnels".to_owned(), 11),
            ("usagers".to_owned(), 8),
        ]
    );
    let equal = file.recount(Some(Weighting::EqualColleges))?;
    let tables: Vec<&str> = html.split(r#"<table class="standing">"#).skip(1).collect();
    let first_row = tables[1]
        .split(r#"<th scope="row" lang="fr">"#)
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .unwrap_or_default()
        .to_owned();
    assert!(
        equal.ranking[0].contains(&first_row),
        "{first_row}: {:?}",
        equal.ranking
    );
    Ok(())
}

/// A vote's projection is a room screen: none of the site around it, and only the first
/// five places (ties kept), where the results page has every finding.
#[tokio::test]
async fn the_vote_projection_shows_the_first_places_on_a_bare_screen() -> anyhow::Result<()> {
    use agora_app::domain::ParticipantId;
    use agora_app::domain::tally::{Choice, Integrity, Method};
    use agora_app::domain::vote::VoteState;
    use agora_app::store::votes::{NewVote, Voter};
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let council_id = app.demo_council_id().await?;
    let all: Vec<i64> = agora_app::store::entities::finding::Entity::find()
        .order_by_asc(agora_app::store::entities::finding::Column::Position)
        .all(&app.db)
        .await?
        .into_iter()
        .map(|f| f.id)
        .collect();
    assert_eq!(all.len(), 12);
    let colleges = vec!["habitants".to_owned()];
    let now = chrono::Utc::now();
    let id = votes::create_vote(
        &app.db,
        NewVote {
            council_id,
            assembly_id: None,
            title: "Tous les constats",
            colleges: &colleges,
            method: Method::Approval,
            integrity: Integrity::Open,
            findings: &all,
            max_points: 0,
            max_points_per_candidate: 0,
            opens_at: now - chrono::Duration::days(1),
            closes_at: now + chrono::Duration::hours(1),
            by: None,
        },
    )
    .await?;
    votes::set_state(&app.db, council_id, id, VoteState::Open, None).await?;
    // Ballot n approves the first 12 - n findings: three share the first place, then one
    // finding per place.
    for n in 0..10 {
        let participant = ParticipantId::from_random(rand::random());
        let choice = Choice::Approval((0..12 - n).collect());
        votes::cast(
            &app.db,
            app.seal_key(),
            id,
            Voter::Participant(&participant),
            "habitants",
            choice,
            now,
        )
        .await?;
    }
    votes::set_state(&app.db, council_id, id, VoteState::Closed, None).await?;
    votes::mix(&app.db, app.seal_key(), id, now).await?;
    let places = |html: &str| html.matches(r#"<td class="place">"#).count();
    let (status, full) = app.get(&format!("/{slug}/votes/{id}/resultats")).await?;
    assert_eq!(status, 200);
    let (status, screen) = app.get(&format!("/{slug}/votes/{id}/projection")).await?;
    assert_eq!(status, 200);
    assert!(
        !screen.contains(r#"<header class="site-header""#)
            && screen.contains(r#"<p class="room-crisis""#)
    );
    let tables = full.matches(r#"<table class="standing">"#).count();
    assert!(tables >= 1);
    assert_eq!(places(&full), 12 * tables, "{full}");
    assert_eq!(places(&screen), 5 * tables, "{screen}");
    assert!(
        screen.contains("Les 5 premiers sur 12 constats."),
        "{screen}"
    );
    Ok(())
}

/// The room goes from the assembly to the ballot: the assembly's page and its live page list
/// its published votes, with "vote now" while one takes ballots; a draft is not listed.
#[tokio::test]
async fn an_assemblys_pages_offer_its_votes_and_never_a_draft() -> anyhow::Result<()> {
    use agora_app::domain::tally::{Integrity, Method};
    use agora_app::store::votes::NewVote;
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let council_id = app.demo_council_id().await?;
    let open = vote::Entity::find()
        .filter(vote::Column::State.eq("open"))
        .one(&app.db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the demo's open vote"))?;
    let Some(assembly) = open.assembly_id else {
        anyhow::bail!("the demo's open vote belongs to its assembly");
    };
    let colleges = vec!["habitants".to_owned()];
    let now = chrono::Utc::now();
    votes::create_vote(
        &app.db,
        NewVote {
            council_id,
            assembly_id: Some(assembly),
            title: "Brouillon de vote secret",
            colleges: &colleges,
            method: Method::Approval,
            integrity: Integrity::Open,
            findings: &findings(&app).await?,
            max_points: 0,
            max_points_per_candidate: 0,
            opens_at: now,
            closes_at: now + chrono::Duration::days(1),
            by: None,
        },
    )
    .await?;
    for page in [
        format!("/{slug}/assemblees/{assembly}"),
        format!("/{slug}/assemblees/{assembly}/direct"),
    ] {
        let (status, html) = app.get(&page).await?;
        assert_eq!(status, 200, "{page}");
        assert!(
            html.contains("Les votes de cette assemblée"),
            "{page}: {html}"
        );
        assert!(html.contains(&open.title), "{page}");
        assert!(
            html.contains(&format!(
                r#"<a href="/{slug}/votes/{}" class="button">Voter maintenant</a>"#,
                open.id
            )),
            "{page}: {html}"
        );
        assert!(!html.contains("Brouillon de vote secret"), "{page}");
    }
    Ok(())
}
