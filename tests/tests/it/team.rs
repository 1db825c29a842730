//! The team page, invitations from the web and the audit log, and who may reach them.

use agora_app::domain::{CouncilSlug, Role};
use agora_app::store::staff;
use agora_server::demo;
use agora_tests::{TestApp, cookie_set, set_cookies};

/// The demo council, and a second one whose staff must get nothing in the first.
async fn two_councils() -> anyhow::Result<(TestApp, CouncilSlug, CouncilSlug)> {
    let app = TestApp::with_demo().await?;
    let mut other = demo::council()?;
    other.slug = CouncilSlug::parse("clsm-autre-rive")?;
    other.name = "CLSM de l'Autre Rive".into();
    agora_app::store::insert_council(&app.db, &other).await?;
    Ok((app, demo::council()?.slug, other.slug))
}

#[tokio::test]
async fn only_coordinators_of_the_council_reach_its_team_invitations_and_log() -> anyhow::Result<()>
{
    let (app, here, elsewhere) = two_councils().await?;
    let callers = [
        ("anonymous", None, 401),
        (
            "coordinator of another council",
            Some(
                app.staff_member(&elsewhere, Role::Coordinator, "Carla Autre")
                    .await?
                    .1,
            ),
            403,
        ),
        (
            "facilitator",
            Some(
                app.staff_member(&here, Role::Facilitator, "Fanny Anime")
                    .await?
                    .1,
            ),
            403,
        ),
        (
            "observer",
            Some(
                app.staff_member(&here, Role::Observer, "Olivier Lit")
                    .await?
                    .1,
            ),
            403,
        ),
        (
            "coordinator",
            Some(
                app.staff_member(&here, Role::Coordinator, "Anne Martin")
                    .await?
                    .1,
            ),
            200,
        ),
    ];
    for (who, cookie, expected) in callers {
        for page in ["equipe", "journal"] {
            let path = format!("/{here}/{page}");
            let (status, html) = app.get_with_cookie(&path, cookie.as_deref()).await?;
            assert_eq!(status, expected, "{who} on {path}");
            if expected == 401 {
                assert!(html.contains("Connectez-vous pour faire cela."), "{html}");
            }
            if expected == 403 {
                assert!(
                    html.contains("Votre rôle dans ce conseil ne permet pas"),
                    "{html}"
                );
            }
        }
        let mut invite = app.client.post(app.url("/api/invite_staff")).form(&[
            ("slug", here.as_str()),
            ("role", "observer"),
            ("hours", "24"),
        ]);
        if let Some(cookie) = &cookie {
            invite = invite.header("cookie", cookie);
        }
        let response = invite.send().await?;
        assert_eq!(response.status().as_u16(), expected, "{who} inviting");
    }
    let pending = staff::pending_invitations(
        &app.db,
        agora_app::store::council_record(&app.db, &here)
            .await?
            .map(|record| record.id)
            .unwrap_or_default(),
    )
    .await?;
    assert_eq!(
        pending
            .iter()
            .filter(|invitation| invitation.access.role == Role::Observer)
            .count(),
        1,
        "only the coordinator's invitation was created"
    );
    Ok(())
}

#[tokio::test]
async fn a_coordinator_invites_from_the_team_page_and_sees_the_link_once() -> anyhow::Result<()> {
    let (app, here, _) = two_councils().await?;
    let cookie = app
        .staff_member(&here, Role::Coordinator, "Anne Martin")
        .await?
        .1;
    let team = format!("/{here}/equipe");

    let posted = app
        .client
        .post(app.url("/api/invite_staff"))
        .header("accept", "text/html")
        .header("cookie", &cookie)
        .form(&[
            ("slug", here.as_str()),
            ("role", "facilitator"),
            ("hours", "48"),
        ])
        .send()
        .await?;
    assert_eq!(posted.status().as_u16(), 302);
    assert_eq!(
        posted
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok()),
        Some(team.as_str())
    );
    let flash = set_cookies(&posted)
        .into_iter()
        .find(|c| c.starts_with("agora_flash="))
        .ok_or_else(|| anyhow::anyhow!("no flash cookie"))?;
    assert!(
        flash.contains("HttpOnly") && flash.contains(&format!("Path={team}")),
        "{flash}"
    );
    let flash = flash.split(';').next().unwrap_or_default().to_owned();

    let page = app
        .client
        .get(app.url(&team))
        .header("cookie", format!("{cookie}; {flash}"))
        .send()
        .await?;
    assert!(
        set_cookies(&page)
            .iter()
            .any(|c| c.starts_with("agora_flash=;") && c.contains("Max-Age=0")),
        "the flash is cleared once shown"
    );
    let html = page.text().await?;
    let link_start = html
        .find("/invitation/")
        .ok_or_else(|| anyhow::anyhow!("no link on the page: {html}"))?;
    let token: String = html[link_start + "/invitation/".len()..]
        .chars()
        .take_while(char::is_ascii_hexdigit)
        .collect();
    assert_eq!(token.len(), 64);
    assert!(
        html.contains("valable jusqu'au"),
        "the invitation is listed as pending: {html}"
    );

    let (status, invitation) = app.get(&format!("/invitation/{token}")).await?;
    assert_eq!(status, 200);
    assert!(
        invitation.contains("Animation"),
        "the link invites a facilitator"
    );

    let (_, log) = app
        .get_with_cookie(&format!("/{here}/journal"), Some(&cookie))
        .await?;
    assert!(log.contains("Invitation créée"), "{log}");
    assert!(log.contains("Anne Martin"), "{log}");
    assert!(
        log.contains("rôle : Animation · lien valable 48 h"),
        "the detail is translated: {log}"
    );

    // Bad input: a translated refusal, shown on the page, and no invitation.
    let refused = app
        .client
        .post(app.url("/api/invite_staff"))
        .header("accept", "text/html")
        .header("cookie", &cookie)
        .form(&[
            ("slug", here.as_str()),
            ("role", "facilitator"),
            ("hours", "9999"),
        ])
        .send()
        .await?;
    assert_eq!(refused.status().as_u16(), 302);
    let flash =
        cookie_set(&refused, "agora_flash").ok_or_else(|| anyhow::anyhow!("no flash cookie"))?;
    let (_, html) = app
        .get_with_cookie(&team, Some(&format!("{cookie}; {flash}")))
        .await?;
    assert!(
        html.contains("La durée doit être un nombre d'heures entre 1 et 720."),
        "{html}"
    );
    Ok(())
}

#[tokio::test]
async fn a_coordinator_sets_the_minimum_group_size_that_vote_results_then_use() -> anyhow::Result<()>
{
    use agora_app::store::entities::{audit_event, council};
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let (app, here, other) = two_councils().await?;
    let (_, coordinator) = app
        .staff_member(&here, Role::Coordinator, "Anne Martin")
        .await?;
    let (_, facilitator) = app
        .staff_member(&here, Role::Facilitator, "Paul Facile")
        .await?;
    let (_, elsewhere) = app
        .staff_member(&other, Role::Coordinator, "Rita Rive")
        .await?;
    let page = format!("/{}/reglages", here.as_str());
    let stored = || async {
        anyhow::Ok(
            council::Entity::find()
                .filter(council::Column::Slug.eq(here.as_str()))
                .one(&app.db)
                .await?
                .map(|c| c.min_group_size),
        )
    };

    // Only the council's coordinators reach the page and the form.
    assert_eq!(app.get(&page).await?.0, 401);
    assert_eq!(app.get_with_cookie(&page, Some(&facilitator)).await?.0, 403);
    assert_eq!(app.get_with_cookie(&page, Some(&elsewhere)).await?.0, 403);
    for cookie in [None, Some(facilitator.as_str()), Some(elsewhere.as_str())] {
        let response = app
            .post_form(
                "/api/save_settings",
                cookie,
                &[("slug", here.as_str()), ("min_group_size", "3")],
            )
            .await?;
        assert!(matches!(response.status().as_u16(), 401 | 403));
    }
    assert_eq!(stored().await?, Some(5));

    let (status, html) = app.get_with_cookie(&page, Some(&coordinator)).await?;
    assert_eq!(status, 200);
    assert!(html.contains(r#"name="min_group_size""#) && html.contains(r#"value="5""#));

    // Out of bounds or not a number: refused beside the field, what was typed kept.
    for typed in ["2", "51", "cinq"] {
        let response = app
            .post_form(
                "/api/save_settings",
                Some(&coordinator),
                &[("slug", here.as_str()), ("min_group_size", typed)],
            )
            .await?;
        let (_, html) = app.follow(response, &coordinator).await?;
        assert!(
            html.contains("Indiquez un nombre entier de 3 à 50"),
            "{html}"
        );
        assert!(html.contains(&format!(r#"value="{typed}""#)));
        assert!(html.contains(r#"aria-invalid="true""#));
        assert_eq!(stored().await?, Some(5), "nothing changed for {typed}");
    }

    let response = app
        .post_form(
            "/api/save_settings",
            Some(&coordinator),
            &[("slug", here.as_str()), ("min_group_size", " 8 ")],
        )
        .await?;
    let (_, html) = app.follow(response, &coordinator).await?;
    assert!(html.contains("Les réglages sont enregistrés"), "{html}");
    assert!(html.contains(r#"value="8""#));
    assert_eq!(stored().await?, Some(8));
    let logged = audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq("council-min-group"))
        .all(&app.db)
        .await?;
    assert_eq!(logged.len(), 1);
    assert_eq!(logged[0].detail, "group=5→8");
    let (_, journal) = app
        .get_with_cookie(&format!("/{}/journal", here.as_str()), Some(&coordinator))
        .await?;
    assert!(journal.contains("Taille minimale des groupes changée"));
    assert!(journal.contains("taille : 5→8"));

    // The demo's closed vote: 54 ballots, its colleges now measured against 8.
    let (_, results) = app
        .get(&format!("/{}/votes/2/resultats", here.as_str()))
        .await?;
    assert!(
        results.contains("aucun groupe de moins de 8 votants"),
        "the merged colleges name the new size"
    );
    Ok(())
}

/// A coordinator's form post to the team page, followed as a browser does: the page it
/// comes back to, apostrophes unescaped.
async fn team_post(
    app: &TestApp,
    coordinator: &str,
    path: &str,
    fields: &[(&str, &str)],
) -> anyhow::Result<String> {
    let response = app.post_form(path, Some(coordinator), fields).await?;
    assert_eq!(response.status().as_u16(), 302, "{path} {fields:?}");
    let (back, html) = app.follow(response, coordinator).await?;
    assert!(back.ends_with("/equipe"), "{back}");
    Ok(html.replace("&#x27;", "'"))
}

/// The attack the issue names: a staff member who leaves keeps their session. Removed by a
/// coordinator, their cookie is nobody's on every staff page and export, at once; the last
/// coordinator cannot be removed (nor demoted) from the web, and nobody else may remove
/// anyone.
#[tokio::test]
async fn a_removed_member_is_nobody_on_every_route_at_once() -> anyhow::Result<()> {
    let (app, here, elsewhere) = two_councils().await?;
    let slug = here.as_str();
    let (anne, coordinator) = app
        .staff_member(&here, Role::Coordinator, "Anne Martin")
        .await?;
    let (bea, leaving) = app
        .staff_member(&here, Role::Coordinator, "Béa Départ")
        .await?;
    let (_, facilitator) = app
        .staff_member(&here, Role::Facilitator, "Fanny Anime")
        .await?;
    let (carla, other_council) = app
        .staff_member(&elsewhere, Role::Coordinator, "Carla Autre")
        .await?;
    let routes = [
        format!("/{slug}/equipe"),
        format!("/{slug}/journal"),
        format!("/{slug}/reglages"),
        format!("/api/testimonies_report_csv?slug={slug}"),
    ];
    for route in &routes {
        let (status, _) = app.get_with_cookie(route, Some(&leaving)).await?;
        assert_eq!(status, 200, "before: {route}");
    }

    // Nobody but a coordinator of this council may remove anyone.
    for (who, cookie) in [("facilitator", &facilitator), ("elsewhere", &other_council)] {
        let refused = app
            .post_form(
                "/api/change_staff",
                Some(cookie),
                &[
                    ("slug", slug),
                    ("member", &bea.to_string()),
                    ("action", "remove"),
                ],
            )
            .await?;
        assert_eq!(refused.status().as_u16(), 403, "{who}");
    }
    // Nor reach a member of another council through this one.
    let crossing = app
        .post_form(
            "/api/change_staff",
            Some(&coordinator),
            &[
                ("slug", slug),
                ("member", &carla.to_string()),
                ("action", "remove"),
            ],
        )
        .await?;
    assert_eq!(crossing.status().as_u16(), 404);
    let there = staff::council_members(
        &app.db,
        agora_app::store::council_record(&app.db, &elsewhere)
            .await?
            .map(|record| record.id)
            .unwrap_or_default(),
    )
    .await?;
    assert_eq!(there.len(), 1, "Carla is still on her team");

    let html = team_post(
        &app,
        &coordinator,
        "/api/change_staff",
        &[
            ("slug", slug),
            ("member", &bea.to_string()),
            ("action", "remove"),
        ],
    )
    .await?;
    assert!(
        html.contains("La personne est retirée de l'équipe"),
        "{html}"
    );
    assert!(!html.contains("Béa Départ"), "no longer listed: {html}");
    for route in &routes {
        let (status, body) = app.get_with_cookie(route, Some(&leaving)).await?;
        assert!(status == 401 || status == 403, "after: {route} {status}");
        assert!(!body.contains("Anne Martin"), "{route}");
    }
    let token = leaving.trim_start_matches("agora_staff=");
    assert!(
        staff::staff_by_session(&app.db, token, staff::STAFF_IDLE_DEFAULT)
            .await?
            .is_none()
    );
    let (_, log) = app
        .get_with_cookie(&format!("/{slug}/journal"), Some(&coordinator))
        .await?;
    let log = log.replace("&#x27;", "'");
    assert!(log.contains("Personne retirée de l'équipe"), "{log}");
    assert!(log.contains("Béa Départ"), "{log}");

    // Anne is now the last coordinator: she can neither leave nor step down from the web.
    for fields in [
        [("action", "remove"), ("role", "")],
        [("action", "role"), ("role", "observer")],
    ] {
        let mut all = vec![("slug", slug)];
        let anne_id = anne.to_string();
        all.push(("member", &anne_id));
        all.extend(fields);
        let html = team_post(&app, &coordinator, "/api/change_staff", &all).await?;
        assert!(
            html.contains("C'est la dernière personne qui coordonne ce conseil"),
            "{html}"
        );
    }
    let (status, _) = app
        .get_with_cookie(&format!("/{slug}/equipe"), Some(&coordinator))
        .await?;
    assert_eq!(status, 200, "Anne is still a coordinator");
    Ok(())
}

#[tokio::test]
async fn a_coordinator_changes_a_role_and_cancels_an_invitation_whose_link_then_fails()
-> anyhow::Result<()> {
    let (app, here, _) = two_councils().await?;
    let slug = here.as_str();
    let (_, coordinator) = app
        .staff_member(&here, Role::Coordinator, "Anne Martin")
        .await?;
    let (fanny, facilitator) = app
        .staff_member(&here, Role::Facilitator, "Fanny Anime")
        .await?;
    let html = team_post(
        &app,
        &coordinator,
        "/api/change_staff",
        &[
            ("slug", slug),
            ("member", &fanny.to_string()),
            ("action", "role"),
            ("role", "observer"),
        ],
    )
    .await?;
    assert!(html.contains("Le rôle est changé"), "{html}");
    let token = facilitator.trim_start_matches("agora_staff=");
    let roles: Vec<Role> = staff::staff_by_session(&app.db, token, staff::STAFF_IDLE_DEFAULT)
        .await?
        .map(|member| member.roles.into_iter().map(|r| r.role).collect())
        .unwrap_or_default();
    assert_eq!(
        roles,
        [Role::Observer],
        "her session holds the new role at once"
    );
    // A role that does not exist: refused, translated, nothing changed.
    let html = team_post(
        &app,
        &coordinator,
        "/api/change_staff",
        &[
            ("slug", slug),
            ("member", &fanny.to_string()),
            ("action", "role"),
            ("role", "admin"),
        ],
    )
    .await?;
    assert!(html.contains("Ce rôle n'existe pas"), "{html}");

    let link = staff::create_invitation(&app.db, &here, Role::Facilitator.into(), 72, None).await?;
    let council = agora_app::store::council_record(&app.db, &here)
        .await?
        .map(|record| record.id)
        .unwrap_or_default();
    let pending = staff::pending_invitations(&app.db, council).await?;
    let invitation = pending
        .first()
        .ok_or_else(|| anyhow::anyhow!("the invitation"))?;
    let (status, _) = app.get(&format!("/invitation/{link}")).await?;
    assert_eq!(status, 200);
    let html = team_post(
        &app,
        &coordinator,
        "/api/cancel_invitation",
        &[("slug", slug), ("invitation", &invitation.id.to_string())],
    )
    .await?;
    assert!(html.contains("L'invitation est annulée"), "{html}");
    assert!(html.contains("Aucune invitation en attente"), "{html}");
    let info = staff::invitation_by_token(&app.db, &link)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the invitation row"))?;
    assert_ne!(info.status, agora_app::domain::InvitationStatus::Usable);
    Ok(())
}

/// A session cookie stolen from a coordinator (an unlocked computer, a copied cookie): with
/// it the thief reads what its owner reads, but every change that would outlast the session
/// (a passkey of their own, new recovery codes, an invitation for themself, removing the
/// owner) is refused until someone proves again to be the owner: with one of the owner's
/// recovery codes, never another account's.
#[tokio::test]
async fn a_stolen_session_cannot_make_itself_a_lasting_way_in() -> anyhow::Result<()> {
    use agora_app::store::entities::{invitation, passkey_ceremony, staff_session};
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, sea_query::Expr};
    let (app, here, _) = two_councils().await?;
    let slug = here.as_str();
    let (anne, stolen) = app
        .staff_member(&here, Role::Coordinator, "Anne Martin")
        .await?;
    let (bea, _) = app
        .staff_member(&here, Role::Coordinator, "Béa Autre")
        .await?;
    let anne_codes = staff::issue_recovery_codes(&app.db, anne).await?;
    let bea_codes = staff::issue_recovery_codes(&app.db, bea).await?;
    // The owner proved to be there eleven minutes ago, when signing in.
    staff_session::Entity::update_many()
        .col_expr(
            staff_session::Column::VerifiedAt,
            Expr::value(chrono::Utc::now() - chrono::Duration::minutes(11)),
        )
        .filter(staff_session::Column::AccountId.eq(anne))
        .exec(&app.db)
        .await?;

    // Reading still works.
    let (status, html) = app
        .get_with_cookie(&format!("/{slug}/equipe"), Some(&stolen))
        .await?;
    assert_eq!(status, 200);
    assert!(
        html.contains("Confirmez que c"),
        "the page asks for a proof"
    );
    // Every lasting change is refused, translated, and stores nothing.
    let invitations = invitation::Entity::find().count(&app.db).await?;
    let html = team_post(
        &app,
        &stolen,
        "/api/invite_staff",
        &[("slug", slug), ("role", "coordinator"), ("hours", "720")],
    )
    .await?;
    assert!(html.contains("Confirmez d'abord que c'est vous"), "{html}");
    assert_eq!(
        invitation::Entity::find().count(&app.db).await?,
        invitations
    );
    for fields in [
        vec![("action", "remove")],
        vec![("action", "role"), ("role", "observer")],
    ] {
        let mut form = vec![("slug", slug), ("member", "0")];
        let bea = bea.to_string();
        form[1].1 = &bea;
        form.extend(fields);
        let html = team_post(&app, &stolen, "/api/change_staff", &form).await?;
        assert!(html.contains("Confirmez d'abord que c'est vous"), "{html}");
    }
    let team = staff::council_members(&app.db, app.demo_council_id().await?).await?;
    assert!(
        team.iter()
            .any(|m| m.account_id == bea && m.access.role == Role::Coordinator),
        "Béa is still a coordinator"
    );
    let response = app
        .post_form("/api/renew_recovery_codes", Some(&stolen), &[])
        .await?;
    let (_, html) = app.follow(response, &stolen).await?;
    assert!(html.contains("Confirmez d"), "{html}");
    assert_eq!(staff::unused_recovery_codes(&app.db, anne).await?, 8);
    let ceremonies = passkey_ceremony::Entity::find().count(&app.db).await?;
    let response = app
        .client
        .post(app.url("/api/start_add_passkey"))
        .header("cookie", &stolen)
        .send()
        .await?;
    assert_eq!(response.status().as_u16(), 422, "adding a passkey");
    assert!(response.text().await?.contains("step-up-needed"));
    assert_eq!(
        passkey_ceremony::Entity::find().count(&app.db).await?,
        ceremonies,
        "no ceremony was started"
    );

    // Another account's recovery code proves nothing, and is not spent.
    let response = app
        .post_form(
            "/api/step_up_with_recovery_code",
            Some(&stolen),
            &[
                ("code", &bea_codes[0]),
                ("back", &format!("/{slug}/equipe")),
            ],
        )
        .await?;
    let (_, html) = app.follow(response, &stolen).await?;
    assert!(html.contains("code de secours n"), "{html}");
    assert_eq!(staff::unused_recovery_codes(&app.db, bea).await?, 8);
    // The owner's own code does; for ten minutes the changes go through.
    let response = app
        .post_form(
            "/api/step_up_with_recovery_code",
            Some(&stolen),
            &[
                ("code", &anne_codes[0]),
                ("back", &format!("/{slug}/equipe")),
            ],
        )
        .await?;
    let (back, html) = app.follow(response, &stolen).await?;
    assert!(back.ends_with("/equipe"), "{back}");
    assert!(html.contains("confirmé"), "{html}");
    assert!(
        !html.contains("Confirmez que c"),
        "the proof is not asked again"
    );
    let html = team_post(
        &app,
        &stolen,
        "/api/invite_staff",
        &[("slug", slug), ("role", "observer"), ("hours", "24")],
    )
    .await?;
    assert!(html.contains("/invitation/"), "{html}");
    Ok(())
}
