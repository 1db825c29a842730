//! Staff sign-up from an invitation, passkey ceremonies as far as a server can check them
//! without an authenticator (the browser tests run whole ceremonies), sessions, sign-out.

use agora_app::domain::{CouncilSlug, Role};
use agora_app::store::staff::{self, NewStaff};
use agora_server::demo;
use agora_tests::{TestApp, cookie_set, set_cookies};
use sea_orm::{EntityTrait, PaginatorTrait};

async fn invite(app: &TestApp, role: Role, hours: i64) -> anyhow::Result<String> {
    let slug: CouncilSlug = demo::council()?.slug;
    Ok(staff::create_invitation(&app.db, &slug, role.into(), hours, None).await?)
}

async fn call(
    app: &TestApp,
    endpoint: &str,
    body: serde_json::Value,
) -> anyhow::Result<(u16, String)> {
    let response = app
        .client
        .post(app.url(&format!("/api/{endpoint}")))
        .json(&body)
        .send()
        .await?;
    Ok((response.status().as_u16(), response.text().await?))
}

async fn ceremonies(app: &TestApp) -> anyhow::Result<u64> {
    Ok(agora_app::store::entities::passkey_ceremony::Entity::find()
        .count(&app.db)
        .await?)
}

#[tokio::test]
async fn an_invitation_link_shows_the_council_and_role_and_the_passkey_form() -> anyhow::Result<()>
{
    let app = TestApp::with_demo().await?;
    let token = invite(&app, Role::Facilitator, 72).await?;
    let (status, html) = app.get(&format!("/invitation/{token}")).await?;
    assert_eq!(status, 200);
    assert!(html.contains(&demo::council()?.name), "{html}");
    assert!(html.contains("Animation"), "role shown in French");
    assert!(
        html.contains(r#"data-ceremony="sign_up""#) && html.contains("/js/passkey.js"),
        "the passkey form and its module are on the page"
    );
    assert!(html.contains(r#"name="display_name""#));
    assert!(html.contains("<noscript>"), "says passkeys need JavaScript");

    let (status, html) = app.get(&format!("/invitation/{}", "0".repeat(64))).await?;
    assert_eq!(status, 404, "{html}");
    Ok(())
}

#[tokio::test]
async fn expired_and_used_invitations_are_refused_with_a_translated_message() -> anyhow::Result<()>
{
    let app = TestApp::with_demo().await?;
    let expired = invite(&app, Role::Observer, 0).await?;
    let (status, html) = app.get(&format!("/invitation/{expired}")).await?;
    assert_eq!(status, 422);
    assert!(
        html.contains("Cette invitation a déjà servi ou a expiré"),
        "{html}"
    );

    let used = invite(&app, Role::Observer, 72).await?;
    let info = staff::invitation_by_token(&app.db, &used)
        .await?
        .ok_or_else(|| anyhow::anyhow!("invitation not found"))?;
    staff::complete_sign_up(
        &app.db,
        NewStaff {
            invitation_id: info.id,
            display_name: "Anne Martin",
            user_handle: "00000000-0000-4000-8000-000000000001",
            credential_id: "c0ffee",
            credential: "{}".into(),
            passkey_label: "1",
        },
    )
    .await?;
    let (status, body) = call(
        &app,
        "start_sign_up",
        serde_json::json!({ "token": used, "display_name": "Bob" }),
    )
    .await?;
    assert_eq!(status, 422);
    assert!(body.contains("error-invitation-unusable"), "{body}");
    assert_eq!(ceremonies(&app).await?, 0, "nothing was started");

    // A second sign-up on the same invitation cannot slip in after the first.
    let again = staff::complete_sign_up(
        &app.db,
        NewStaff {
            invitation_id: info.id,
            display_name: "Eve",
            user_handle: "00000000-0000-4000-8000-000000000002",
            credential_id: "bad",
            credential: "{}".into(),
            passkey_label: "1",
        },
    )
    .await;
    assert!(matches!(again, Err(staff::StaffError::InvitationUnusable)));
    Ok(())
}

#[tokio::test]
async fn sign_up_asks_for_a_discoverable_user_verified_passkey_for_this_site() -> anyhow::Result<()>
{
    let app = TestApp::with_demo().await?;
    let token = invite(&app, Role::Coordinator, 72).await?;

    let (status, body) = call(
        &app,
        "start_sign_up",
        serde_json::json!({ "token": token, "display_name": " x " }),
    )
    .await?;
    assert_eq!(status, 422);
    assert!(body.contains("error-name-too-short"), "{body}");
    assert_eq!(ceremonies(&app).await?, 0, "bad input starts nothing");

    let (status, body) = call(
        &app,
        "start_sign_up",
        serde_json::json!({ "token": token, "display_name": "Anne  Martin" }),
    )
    .await?;
    assert_eq!(status, 200, "{body}");
    let challenge: serde_json::Value = serde_json::from_str(&body)?;
    let options = &challenge["options"]["publicKey"];
    assert_eq!(options["rp"]["id"], "localhost");
    assert_eq!(options["user"]["name"], "Anne Martin");
    assert_eq!(options["authenticatorSelection"]["residentKey"], "required");
    assert_eq!(
        options["authenticatorSelection"]["userVerification"],
        "required"
    );
    assert_eq!(ceremonies(&app).await?, 1);

    // A made-up answer is refused, and the ceremony cannot be tried twice.
    let ceremony = challenge["ceremony"].clone();
    let forged = serde_json::json!({
        "id": "AAAA", "rawId": "AAAA", "type": "public-key", "extensions": {},
        "response": { "attestationObject": "AAAA", "clientDataJSON": "AAAA" }
    });
    let (status, body) = call(
        &app,
        "finish_sign_up",
        serde_json::json!({ "ceremony": ceremony, "credential": forged }),
    )
    .await?;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("error-passkey-failed"), "{body}");
    let (_, body) = call(
        &app,
        "finish_sign_up",
        serde_json::json!({ "ceremony": ceremony, "credential": forged }),
    )
    .await?;
    assert!(body.contains("error-ceremony-expired"), "{body}");
    assert_eq!(
        agora_app::store::entities::staff_account::Entity::find()
            .count(&app.db)
            .await?,
        0,
        "no account was created"
    );
    let info = staff::invitation_by_token(&app.db, &token).await?;
    assert_eq!(
        info.map(|i| i.status),
        Some(agora_app::domain::InvitationStatus::Usable),
        "the invitation was not used up"
    );
    Ok(())
}

#[tokio::test]
async fn sign_in_starts_a_discoverable_ceremony_without_autofill() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let (status, body) = call(&app, "start_sign_in", serde_json::json!({})).await?;
    assert_eq!(status, 200, "{body}");
    let challenge: serde_json::Value = serde_json::from_str(&body)?;
    let options = &challenge["options"];
    assert_eq!(options["publicKey"]["rpId"], "localhost");
    assert_eq!(options["publicKey"]["userVerification"], "required");
    assert!(
        options["publicKey"]["allowCredentials"]
            .as_array()
            .is_none_or(Vec::is_empty)
    );
    assert!(options["mediation"].is_null(), "{options}");
    Ok(())
}

#[tokio::test]
async fn a_session_shows_the_account_and_signing_out_ends_it() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let (status, html) = app.get("/compte").await?;
    assert_eq!(status, 200);
    assert!(html.contains("Vous n'êtes pas connecté·e."), "{html}");

    let token = invite(&app, Role::Coordinator, 72).await?;
    let info = staff::invitation_by_token(&app.db, &token)
        .await?
        .ok_or_else(|| anyhow::anyhow!("invitation not found"))?;
    let account = staff::complete_sign_up(
        &app.db,
        NewStaff {
            invitation_id: info.id,
            display_name: "Anne Martin",
            user_handle: "00000000-0000-4000-8000-000000000003",
            credential_id: "c0ffee",
            credential: "{}".into(),
            passkey_label: "1",
        },
    )
    .await?;
    let session = staff::open_session(&app.db, account).await?;
    let cookie = format!("agora_staff={session}");

    let (_, html) = app.get_with_cookie("/compte", Some(&cookie)).await?;
    assert!(html.contains("Anne Martin"), "{html}");
    assert!(html.contains("Coordination"), "{html}");
    assert!(html.contains(&demo::council()?.name));

    let out = app
        .client
        .post(app.url("/api/sign_out"))
        .header("accept", "text/html")
        .header("cookie", &cookie)
        .send()
        .await?;
    assert_eq!(out.status().as_u16(), 302);
    assert!(
        set_cookies(&out)
            .iter()
            .any(|c| c.starts_with("agora_staff=;") && c.contains("Max-Age=0")),
        "{:?}",
        set_cookies(&out)
    );
    let (_, html) = app.get_with_cookie("/compte", Some(&cookie)).await?;
    assert!(
        html.contains("Vous n'êtes pas connecté·e."),
        "the old cookie no longer works"
    );
    Ok(())
}

/// A staff member with two passkeys and two open sessions (two browsers).
async fn member_with_two_passkeys(app: &TestApp) -> anyhow::Result<(i64, String, String)> {
    use agora_app::store::entities::passkey;
    use sea_orm::{ActiveModelTrait, Set};
    let token = invite(app, Role::Facilitator, 72).await?;
    let info = staff::invitation_by_token(&app.db, &token)
        .await?
        .ok_or_else(|| anyhow::anyhow!("invitation not found"))?;
    let account = staff::complete_sign_up(
        &app.db,
        NewStaff {
            invitation_id: info.id,
            display_name: "Bob Durand",
            user_handle: "00000000-0000-4000-8000-000000000009",
            credential_id: "aa01",
            credential: "{}".into(),
            passkey_label: "1",
        },
    )
    .await?;
    passkey::ActiveModel {
        account_id: Set(account),
        credential_id: Set("aa02".into()),
        credential: Set("{}".into()),
        label: Set("2".into()),
        created_at: Set(chrono::Utc::now()),
        last_used_at: Set(None),
        ..Default::default()
    }
    .insert(&app.db)
    .await?;
    let first = format!(
        "agora_staff={}",
        staff::open_session(&app.db, account).await?
    );
    let second = format!(
        "agora_staff={}",
        staff::open_session(&app.db, account).await?
    );
    Ok((account, first, second))
}

/// Posts a plain form as a browser would, then opens the page it comes back to.
async fn post_and_follow(
    app: &TestApp,
    endpoint: &str,
    cookie: &str,
    form: &[(&str, &str)],
) -> anyhow::Result<String> {
    let response = app
        .client
        .post(app.url(&format!("/api/{endpoint}")))
        .header("accept", "text/html")
        .header("cookie", cookie)
        .form(form)
        .send()
        .await?;
    assert_eq!(response.status().as_u16(), 302);
    let flash = cookie_set(&response, "agora_flash").unwrap_or_default();
    let (_, html) = app
        .get_with_cookie("/compte", Some(&format!("{cookie}; {flash}")))
        .await?;
    Ok(html)
}

#[tokio::test]
async fn a_passkey_can_be_removed_but_never_the_last_one() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let (account, cookie, _) = member_with_two_passkeys(&app).await?;
    let ids: Vec<String> = staff::passkeys_of(&app.db, account)
        .await?
        .iter()
        .map(|p| p.id.to_string())
        .collect();
    let (_, html) = app.get_with_cookie("/compte", Some(&cookie)).await?;
    assert!(
        html.contains("Clé d'accès n° 1") && html.contains("Clé d'accès n° 2"),
        "{html}"
    );

    let html = post_and_follow(&app, "revoke_passkey", &cookie, &[("passkey", &ids[0])]).await?;
    assert!(html.contains("La clé d'accès est supprimée."), "{html}");
    assert!(!html.contains("Clé d'accès n° 1"), "{html}");

    let html = post_and_follow(&app, "revoke_passkey", &cookie, &[("passkey", &ids[1])]).await?;
    assert!(html.contains("C'est votre seule clé d'accès"), "{html}");
    assert_eq!(staff::passkeys_of(&app.db, account).await?.len(), 1);

    // Someone else's passkey, or no session: refused.
    let anonymous = app
        .client
        .post(app.url("/api/revoke_passkey"))
        .form(&[("passkey", ids[1].as_str())])
        .send()
        .await?;
    assert_eq!(anonymous.status().as_u16(), 401);
    Ok(())
}

#[tokio::test]
async fn signing_out_everywhere_ends_every_session_of_the_account() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let (_, first, second) = member_with_two_passkeys(&app).await?;
    let response = app
        .client
        .post(app.url("/api/sign_out_everywhere"))
        .header("accept", "text/html")
        .header("cookie", &first)
        .send()
        .await?;
    assert_eq!(response.status().as_u16(), 302);
    for cookie in [&first, &second] {
        let (_, html) = app.get_with_cookie("/compte", Some(cookie)).await?;
        assert!(html.contains("Vous n'êtes pas connecté·e."), "{html}");
    }
    Ok(())
}

#[tokio::test]
async fn a_recovery_code_signs_in_once_and_only_its_hash_is_kept() -> anyhow::Result<()> {
    use agora_app::store::entities::recovery_code;
    let app = TestApp::with_demo().await?;
    let (account, _, _) = member_with_two_passkeys(&app).await?;
    let codes = staff::issue_recovery_codes(&app.db, account).await?;
    assert_eq!(codes.len(), agora_app::domain::RECOVERY_CODE_COUNT);
    let stored = recovery_code::Entity::find().all(&app.db).await?;
    assert_eq!(stored.len(), codes.len());
    for row in &stored {
        assert_eq!(row.code_hash.len(), 64);
        assert!(
            codes
                .iter()
                .all(|code| !row.code_hash.contains(code.as_str()))
        );
    }

    let post = |code: String| {
        app.client
            .post(app.url("/api/sign_in_with_recovery_code"))
            .header("accept", "text/html")
            .form(&[("code", code)])
            .send()
    };
    // Typed in capitals with spaces: still the same code.
    let typed = codes[0].to_uppercase().replace('-', " ");
    let first = post(typed).await?;
    assert_eq!(first.status().as_u16(), 302);
    assert_eq!(
        first
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok()),
        Some("/compte")
    );
    let session =
        cookie_set(&first, "agora_staff").ok_or_else(|| anyhow::anyhow!("no session cookie"))?;
    let (_, html) = app.get_with_cookie("/compte", Some(&session)).await?;
    assert!(html.contains("Bob Durand"), "{html}");

    let again = post(codes[0].clone()).await?;
    assert_eq!(
        again
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok()),
        Some("/connexion")
    );
    assert!(
        set_cookies(&again)
            .iter()
            .all(|c| !c.starts_with("agora_staff=")),
        "a spent code opens nothing"
    );
    let flash =
        cookie_set(&again, "agora_flash").ok_or_else(|| anyhow::anyhow!("no flash cookie"))?;
    let (_, html) = app.get_with_cookie("/connexion", Some(&flash)).await?;
    assert!(
        html.contains("Ce code de secours n'est pas valable ou a déjà servi."),
        "{html}"
    );
    Ok(())
}

#[tokio::test]
async fn recovery_codes_are_renewed_from_the_account_page_shown_once_and_the_old_ones_die()
-> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let (account, session, _) = member_with_two_passkeys(&app).await?;
    let old = staff::issue_recovery_codes(&app.db, account).await?;
    assert_eq!(
        staff::use_recovery_code(&app.db, &old[0]).await?,
        Some(account)
    );
    let (_, page) = app.get_with_cookie("/compte", Some(&session)).await?;
    assert!(page.contains("Il vous reste 7 codes de secours."), "{page}");

    let renew = |cookie: Option<String>| {
        let mut request = app
            .client
            .post(app.url("/api/renew_recovery_codes"))
            .header("accept", "text/html")
            .header("content-type", "application/x-www-form-urlencoded");
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        request.send()
    };
    let anonymous = renew(None).await?;
    assert_eq!(anonymous.status().as_u16(), 401);
    assert_eq!(staff::unused_recovery_codes(&app.db, account).await?, 7);

    let renewed = renew(Some(session.clone())).await?;
    assert_eq!(renewed.status().as_u16(), 302);
    let flash =
        cookie_set(&renewed, "agora_flash").ok_or_else(|| anyhow::anyhow!("no flash cookie"))?;
    let (_, page) = app
        .get_with_cookie("/compte", Some(&format!("{session}; {flash}")))
        .await?;
    let shown: Vec<String> = page
        .split("<code>")
        .skip(1)
        .filter_map(|rest| rest.split("</code>").next())
        .map(str::to_owned)
        .collect();
    assert_eq!(
        shown.len(),
        agora_app::domain::RECOVERY_CODE_COUNT,
        "{page}"
    );
    assert!(shown.iter().all(|code| !old.contains(code)));
    assert!(page.contains("Il vous reste 8 codes de secours."), "{page}");
    let (_, again) = app.get_with_cookie("/compte", Some(&session)).await?;
    assert!(!again.contains(&shown[0]), "new codes show once");

    assert_eq!(staff::use_recovery_code(&app.db, &old[1]).await?, None);
    assert_eq!(
        staff::use_recovery_code(&app.db, &shown[3]).await?,
        Some(account)
    );
    Ok(())
}

/// The session row of `account`.
async fn session_of(
    app: &TestApp,
    account: i64,
) -> anyhow::Result<agora_app::store::entities::staff_session::Model> {
    use agora_app::store::entities::staff_session;
    use sea_orm::{ColumnTrait, QueryFilter};
    staff_session::Entity::find()
        .filter(staff_session::Column::AccountId.eq(account))
        .one(&app.db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the session"))
}

/// Makes `account`'s session look last used `minutes` ago.
async fn last_used(app: &TestApp, account: i64, minutes: i64) -> anyhow::Result<()> {
    use agora_app::store::entities::staff_session;
    use sea_orm::{ActiveModelTrait, Set};
    let mut row: staff_session::ActiveModel = session_of(app, account).await?.into();
    row.last_seen_at = Set(Some(
        chrono::Utc::now() - chrono::Duration::minutes(minutes),
    ));
    row.update(&app.db).await?;
    Ok(())
}

/// The attack: a session cookie left on a library computer, or copied, is used hours later.
/// A session unused for longer than the idle limit is ended at its next use and opens
/// nothing; one in use stays open, noting its use at most once a minute.
#[tokio::test]
async fn a_session_left_unused_past_the_idle_limit_ends() -> anyhow::Result<()> {
    let app = TestApp::empty_with(&[("AGORA_STAFF_IDLE_MINUTES", "30")]).await?;
    demo::seed(&app.db, app.seal_key()).await?;
    let here = CouncilSlug::parse(demo::slug())?;
    let (account, cookie) = app.staff_member(&here, Role::Observer, "Odile").await?;

    // Used 20 minutes ago: still open, and this use is noted.
    last_used(&app, account, 20).await?;
    let (_, html) = app.get_with_cookie("/compte", Some(&cookie)).await?;
    assert!(html.contains("Odile"), "{html}");
    let seen = session_of(&app, account)
        .await?
        .last_seen_at
        .unwrap_or_default();
    assert!(chrono::Utc::now() - seen < chrono::Duration::minutes(1));

    // Unused for 31 minutes: ended at this use, for good.
    last_used(&app, account, 31).await?;
    let (_, html) = app.get_with_cookie("/compte", Some(&cookie)).await?;
    assert!(!html.contains("Odile"), "{html}");
    assert!(session_of(&app, account).await?.revoked_at.is_some());
    last_used(&app, account, 0).await?;
    let (_, html) = app.get_with_cookie("/compte", Some(&cookie)).await?;
    assert!(!html.contains("Odile"), "an ended session stays ended");
    Ok(())
}
