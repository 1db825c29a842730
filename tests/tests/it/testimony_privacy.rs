//! A testimony against whoever holds a copy of the database or the access log
//! (docs/privacy.md, "Testimony"): a withdrawn or deleted testimony and a recording once
//! decided on leave no bytes in the SQLite file or its write-ahead log; a recording keeps
//! none of its file's metadata; ids and dates do not give the order testimonies came in;
//! the private link's token is in one request's address at most.

use super::privacy::{offsets, sqlite_bytes};
use agora_app::domain::audio::samples;
use agora_app::domain::{Access, CouncilSlug, Role};
use agora_app::store::entities::testimony;
use agora_server::demo;
use agora_tests::{TestApp, cookie_set, location};
use chrono::Datelike;
use sea_orm::{EntityTrait, QueryOrder};

/// Whether the SQLite file or its log still holds `text` anywhere (false on PostgreSQL,
/// whose files this test cannot read: docs/privacy.md says what vacuum keeps there).
fn on_disk(app: &TestApp, text: &str) -> anyhow::Result<bool> {
    let (file, wal) = sqlite_bytes(app)?;
    Ok(!offsets(&file, text.as_bytes()).is_empty() || !offsets(&wal, text.as_bytes()).is_empty())
}

async fn post(
    app: &TestApp,
    happened: &str,
    recording: Option<Vec<u8>>,
) -> anyhow::Result<(String, i64)> {
    let slug = demo::slug();
    let response = app
        .post_multipart(
            "/api/post_testimony",
            None,
            &[("slug", slug), ("happened", happened), ("public", "on")],
            recording.map(|bytes| ("audio", "message.webm", "audio/webm", bytes)),
        )
        .await?;
    assert_eq!(location(&response), format!("/{slug}/temoignages/suivi"));
    let author = cookie_set(&response, "agora_testimony")
        .ok_or_else(|| anyhow::anyhow!("the private link's cookie"))?;
    let token = author.trim_start_matches("agora_testimony=");
    let id = testimony::Entity::find()
        .all(&app.db)
        .await?
        .into_iter()
        .find(|t| t.happened == happened)
        .map(|t| t.id)
        .ok_or_else(|| anyhow::anyhow!("the testimony"))?;
    assert!(!token.is_empty());
    Ok((author, id))
}

#[tokio::test]
async fn what_is_withdrawn_deleted_or_decided_leaves_no_bytes_in_the_file_or_its_log()
-> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let sqlite = app.sqlite_file().is_some();
    let slug = demo::slug();
    let here = CouncilSlug::parse(slug)?;
    let (_, facilitator) = app.testimony_reader(&here, "Fanny Facilite").await?;
    let sound = samples::sound(40);
    // Sound bytes no other row holds: a packet of the recording.
    let voice = sound[17].clone();

    // Withdrawn by its author, text and recording.
    let withdrawn = "Retiré : Jeanne Valadon, rue des Lilas";
    let (author, _) = post(&app, withdrawn, Some(samples::webm("Jeanne", &sound))).await?;
    assert!(
        !sqlite || on_disk(&app, withdrawn)?,
        "the attack finds it before"
    );
    let response = app
        .post_form(
            "/api/testimony_author",
            Some(&author),
            &[("slug", slug), ("action", "withdraw")],
        )
        .await?;
    assert!(location(&response).ends_with("/temoignages"));
    assert!(!on_disk(&app, withdrawn)?, "the withdrawn text");
    let (file, wal) = sqlite_bytes(&app)?;
    assert!(
        offsets(&file, &voice).is_empty() && offsets(&wal, &voice).is_empty(),
        "the withdrawn recording"
    );

    // Deleted by a moderator once published.
    let deleted = "Supprimé : Paul Ricard, foyer des Cèdres";
    let (_, id) = post(&app, deleted, None).await?;
    let response = app
        .post_form(
            "/api/moderate_testimony",
            Some(&facilitator),
            &[
                ("slug", slug),
                ("id", &id.to_string()),
                ("decision", "approve"),
                ("happened", deleted),
            ],
        )
        .await?;
    assert!(response.status().is_redirection());
    // Without the box ticked: refused, nothing deleted.
    let response = app
        .post_form(
            "/api/delete_testimony",
            Some(&facilitator),
            &[("slug", slug), ("id", &id.to_string())],
        )
        .await?;
    let (_, html) = app.follow(response, &facilitator).await?;
    assert!(html.contains("Cochez la case pour confirmer"), "{html}");
    assert!(
        testimony::Entity::find_by_id(id)
            .one(&app.db)
            .await?
            .is_some()
    );
    // An observer may not delete.
    let (_, observer) = app
        .staff_member(&here, Role::Observer, "Olga Observe")
        .await?;
    let response = app
        .post_form(
            "/api/delete_testimony",
            Some(&observer),
            &[("slug", slug), ("id", &id.to_string()), ("confirm", "on")],
        )
        .await?;
    assert!(response.status().is_client_error(), "{}", response.status());
    let response = app
        .post_form(
            "/api/delete_testimony",
            Some(&facilitator),
            &[("slug", slug), ("id", &id.to_string()), ("confirm", "on")],
        )
        .await?;
    let (_, html) = app.follow(response, &facilitator).await?;
    assert!(html.contains("Le témoignage est effacé."), "{html}");
    assert!(
        testimony::Entity::find_by_id(id)
            .one(&app.db)
            .await?
            .is_none()
    );
    assert!(!on_disk(&app, deleted)?, "the deleted text");
    let (_, audit) = app
        .get_with_cookie(&format!("/{slug}/journal"), Some(&facilitator))
        .await?;
    assert!(
        !audit.contains("Paul Ricard"),
        "the log says that, not what"
    );

    // Approved as redacted: the original names are gone from the disk too.
    let original = "Original : le Dr Fabien Lenoir de Saint-Amand";
    let (_, id) = post(&app, original, None).await?;
    let response = app
        .post_form(
            "/api/moderate_testimony",
            Some(&facilitator),
            &[
                ("slug", slug),
                ("id", &id.to_string()),
                ("decision", "approve"),
                ("happened", "Original : le Dr […] de […]"),
            ],
        )
        .await?;
    assert!(response.status().is_redirection());
    assert!(!on_disk(&app, "Fabien Lenoir")?, "the redacted original");
    Ok(())
}

#[tokio::test]
async fn a_stored_recording_names_no_phone_no_software_and_no_date() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let phone = "iPhone de Claire Martin";
    let sound = samples::sound(30);
    for recording in [
        samples::webm(phone, &sound),
        samples::ogg_opus(phone, &sound),
        samples::mp4(phone, &sound),
    ] {
        post(&app, &format!("Voix {}", recording.len()), Some(recording)).await?;
    }
    let stored = agora_app::store::entities::testimony_audio::Entity::find()
        .all(&app.db)
        .await?;
    assert_eq!(stored.len(), 3);
    for row in &stored {
        assert!(offsets(&row.bytes, phone.as_bytes()).is_empty());
        assert!(
            !offsets(&row.bytes, &sound[11]).is_empty(),
            "the voice kept"
        );
    }
    assert!(!on_disk(&app, phone)?, "nowhere in the file or its log");
    Ok(())
}

#[tokio::test]
async fn neither_ids_nor_dates_give_the_order_testimonies_came_in() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let mut posted = Vec::new();
    for n in 0..12 {
        posted.push(post(&app, &format!("Témoignage numéro {n}"), None).await?.1);
    }
    // Twelve random ids come in rising order once in 12! (about 1 in 479 million).
    let mut sorted = posted.clone();
    sorted.sort_unstable();
    assert_ne!(posted, sorted, "ids follow the order of posting");
    // In the table's own order (on SQLite, the row number is the id) they are shuffled too.
    let by_row: Vec<i64> = testimony::Entity::find()
        .order_by_asc(testimony::Column::Id)
        .all(&app.db)
        .await?
        .into_iter()
        .map(|t| t.id)
        .collect();
    assert_ne!(by_row, posted);
    // A month, not a day.
    for row in testimony::Entity::find().all(&app.db).await? {
        assert_eq!(row.posted_on.day(), 1, "{}", row.posted_on);
    }
    Ok(())
}

#[tokio::test]
async fn a_private_link_is_in_one_address_at_most_and_the_cookie_is_private() -> anyhow::Result<()>
{
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let (author, _) = post(&app, "Le lien reste privé.", None).await?;
    let token = author.trim_start_matches("agora_testimony=").to_owned();
    // Opening the link: one request, then a token-free address.
    let opened = app
        .get_raw(&format!("/{slug}/temoignages/suivi/{token}"), None)
        .await?;
    assert_eq!(opened.status().as_u16(), 303);
    assert!(!location(&opened).contains(&token));
    let line = agora_tests::set_cookies(&opened)
        .into_iter()
        .find(|c| c.starts_with("agora_testimony="))
        .ok_or_else(|| anyhow::anyhow!("the cookie"))?;
    assert!(
        line.contains("HttpOnly") && line.contains("SameSite=Lax"),
        "{line}"
    );
    assert!(
        !line.contains("Max-Age") && !line.contains("Expires"),
        "gone when the browser closes: {line}"
    );
    assert_eq!(
        agora_tests::header(&opened, "cache-control"),
        "no-store",
        "{:?}",
        opened.headers()
    );
    // Every address the author's pages lead to is free of it.
    let (_, html) = app
        .get_with_cookie(&format!("/{slug}/temoignages/suivi"), Some(&author))
        .await?;
    for attribute in ["href=\"", "action=\"", "src=\""] {
        for at in offsets(html.as_bytes(), attribute.as_bytes()) {
            let value: String = html[at + attribute.len()..]
                .chars()
                .take_while(|c| *c != '"')
                .collect();
            assert!(!value.contains(&token), "{attribute}{value}");
        }
    }
    // A link that is not a token sets nothing.
    let forged = app
        .get_raw(&format!("/{slug}/temoignages/suivi/not-a-token"), None)
        .await?;
    assert_eq!(forged.status().as_u16(), 303);
    assert!(cookie_set(&forged, "agora_testimony").is_none());
    Ok(())
}

/// A facilitator runs rooms; reading what people confided is a grant of its own. Tried as
/// a facilitator without it would: every route that shows or changes a testimony not yet
/// published, or plays a recording, refuses them; the room's screen still works. Once a
/// coordinator ticks the box on the team page, the same session reads the queue.
#[tokio::test]
async fn a_facilitator_without_the_grant_runs_the_room_but_reads_no_testimony() -> anyhow::Result<()>
{
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let here = CouncilSlug::parse(slug)?;
    let (fanny, facilitator) = app
        .staff_member(&here, Role::Facilitator, "Fanny Anime")
        .await?;
    let (_, coordinator) = app
        .staff_member(&here, Role::Coordinator, "Anne Martin")
        .await?;
    let secret = "Confié : mon voisin Marcel Dupuis, au CMP de Lisandre";
    let sound = samples::sound(20);
    let (_, id) = post(&app, secret, Some(samples::webm("Marcel", &sound))).await?;
    let id = id.to_string();

    // The testimonies page: no queue, no decided list, but the screen's controls.
    let (status, html) = app
        .get_with_cookie(&format!("/{slug}/temoignages"), Some(&facilitator))
        .await?;
    assert_eq!(status, 200);
    assert!(!html.contains("Marcel Dupuis"), "the queue is not shown");
    assert!(
        html.contains("id=\"ecran-title\""),
        "the screen's controls are"
    );
    // Nor the recording, a moderation, a deletion.
    let (status, _) = app
        .get_with_cookie(
            &format!("/api/testimony_audio?slug={slug}&id={id}"),
            Some(&facilitator),
        )
        .await?;
    assert_eq!(status, 403, "the recording");
    for (path, fields) in [
        (
            "/api/moderate_testimony",
            vec![("decision", "approve"), ("happened", "Réécrit")],
        ),
        ("/api/delete_testimony", vec![("confirm", "on")]),
    ] {
        let mut form = vec![("slug", slug), ("id", id.as_str())];
        form.extend(fields);
        let response = app.post_form(path, Some(&facilitator), &form).await?;
        assert_eq!(response.status().as_u16(), 403, "{path}");
    }
    let stored = testimony::Entity::find_by_id(id.parse::<i64>()?)
        .one(&app.db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("still there"))?;
    assert_eq!(stored.happened, secret, "nothing changed");
    // The room goes on: the facilitator clears the screen.
    let response = app
        .post_form(
            "/api/show_testimony",
            Some(&facilitator),
            &[("slug", slug), ("id", "")],
        )
        .await?;
    assert!(response.status().is_redirection(), "{}", response.status());

    // A coordinator grants it: the same session reads the queue and hears the recording.
    let response = app
        .post_form(
            "/api/change_staff",
            Some(&coordinator),
            &[
                ("slug", slug),
                ("member", &fanny.to_string()),
                ("action", "role"),
                ("role", "facilitator"),
                ("testimony", "yes"),
            ],
        )
        .await?;
    let (_, html) = app.follow(response, &coordinator).await?;
    assert!(html.contains("lit les témoignages"), "{html}");
    let (_, html) = app
        .get_with_cookie(&format!("/{slug}/temoignages"), Some(&facilitator))
        .await?;
    assert!(html.contains("Marcel Dupuis"), "the queue is shown now");
    let (status, _) = app
        .get_with_cookie(
            &format!("/api/testimony_audio?slug={slug}&id={id}"),
            Some(&facilitator),
        )
        .await?;
    assert_eq!(status, 200, "the recording");
    // Taken back: refused again at once.
    let response = app
        .post_form(
            "/api/change_staff",
            Some(&coordinator),
            &[
                ("slug", slug),
                ("member", &fanny.to_string()),
                ("action", "role"),
                ("role", "facilitator"),
            ],
        )
        .await?;
    assert!(response.status().is_redirection());
    let (status, _) = app
        .get_with_cookie(
            &format!("/api/testimony_audio?slug={slug}&id={id}"),
            Some(&facilitator),
        )
        .await?;
    assert_eq!(status, 403, "the grant taken back");

    // An invitation made with the box ticked carries the grant to the account it makes.
    let response = app
        .post_form(
            "/api/invite_staff",
            Some(&coordinator),
            &[
                ("slug", slug),
                ("role", "facilitator"),
                ("hours", "24"),
                ("testimony", "yes"),
            ],
        )
        .await?;
    assert!(response.status().is_redirection());
    let council = app.demo_council_id().await?;
    let pending = agora_app::store::staff::pending_invitations(&app.db, council).await?;
    assert!(
        pending
            .iter()
            .any(|invitation| invitation.access == Access::reading_testimony(Role::Facilitator)),
        "{pending:?}"
    );
    Ok(())
}
