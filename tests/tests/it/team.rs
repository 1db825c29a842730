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
            .filter(|(role, _)| *role == Role::Observer)
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
