//! A meeting's minutes and the documents of bodies and meetings, as the facilitator, the
//! body's members and everyone else meet them: a draft built from what the meeting held,
//! published to members and read by nobody else on any route; the writer's HTML never
//! reaching a page; files taken only for what their first bytes prove, served with that
//! type, to whoever may see what holds them.

use super::bodies::{enter, issue, meeting, working_group};
use agora_app::domain::{CouncilSlug, Role};
use agora_app::store::entities::{assembly, document, minutes};
use agora_server::demo;
use agora_tests::{TestApp, cookie_set, header, location, unescape};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use serde_json::json;

/// The text inside the `<textarea id="{id}" …>` of a page, as typed.
fn textarea(html: &str, id: &str) -> anyhow::Result<String> {
    let at = html
        .find(&format!("<textarea id=\"{id}\""))
        .ok_or_else(|| anyhow::anyhow!("no {id} on the page"))?;
    let rest = &html[at..];
    let open = rest
        .find('>')
        .ok_or_else(|| anyhow::anyhow!("{id} opens"))?;
    let close = rest
        .find("</textarea>")
        .ok_or_else(|| anyhow::anyhow!("{id} closes"))?;
    Ok(unescape(&rest[open + 1..close]))
}

/// Saves a meeting's minutes through the editor's form.
async fn save(
    app: &TestApp,
    cookie: Option<&str>,
    assembly: &str,
    text: &str,
    easy: &str,
) -> anyhow::Result<reqwest::Response> {
    app.post_form(
        "/api/save_minutes",
        cookie,
        &[
            ("slug", demo::slug()),
            ("assembly", assembly),
            ("text", text),
            ("text_easy", easy),
        ],
    )
    .await
}

/// Publishes a meeting's stored minutes to `audience` through the editor's form.
async fn publish(
    app: &TestApp,
    cookie: &str,
    assembly: &str,
    audience: &str,
) -> anyhow::Result<reqwest::Response> {
    app.post_form(
        "/api/publish_minutes",
        Some(cookie),
        &[
            ("slug", demo::slug()),
            ("assembly", assembly),
            ("audience", audience),
        ],
    )
    .await
}

/// The first minutes stored.
async fn stored(app: &TestApp) -> anyhow::Result<minutes::Model> {
    minutes::Entity::find()
        .order_by_asc(minutes::Column::Id)
        .one(&app.db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("minutes are stored"))
}

#[tokio::test]
async fn a_private_meeting_s_minutes_are_drafted_from_it_and_read_by_its_members_only()
-> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let here = CouncilSlug::parse(slug)?;
    let group = working_group(&app).await?;
    let (facilitator_id, facilitator) = app
        .staff_member(&here, Role::Facilitator, "Fanny Anime")
        .await?;
    let (_, observer) = app
        .staff_member(&here, Role::Observer, "Omar Observe")
        .await?;
    let other = app.other_council_coordinator().await?;
    let code = issue(&app, &group, group.karim, "code").await?;
    let karim = enter(&app, "/api/enter_with_code", "code", &code)
        .await?
        .ok_or_else(|| anyhow::anyhow!("Karim comes in"))?;
    let room = meeting(
        &app,
        &group,
        "Réunion privée du groupe logement",
        true,
        facilitator_id,
    )
    .await?;
    let id = room.id.to_string();

    // The meeting runs: Karim asks, the facilitator approves and answers; a poll is put
    // to the room, Karim answers it (one answer: under the council's minimum group size).
    let mut member = super::live::Client::connect(&app, room.id, Some(&karim), None).await?;
    member.until("snapshot").await?;
    let mut staff = super::live::Client::connect(&app, room.id, Some(&facilitator), None).await?;
    staff.until("snapshot").await?;
    member
        .send(json!({"type": "ask", "ref": "q1", "body": "Quand visite-t-on la résidence ?"}))
        .await?;
    member.until("ack").await?;
    let asked = staff.until("question-asked").await?;
    let question = asked["event"]["question"]["id"]
        .as_i64()
        .ok_or_else(|| anyhow::anyhow!("a question id: {asked}"))?;
    staff
        .send(json!({"type": "approve", "ref": "a", "question": question}))
        .await?;
    staff.until("ack").await?;
    staff
        .send(json!({"type": "answer", "ref": "w", "question": question,
            "answer": "Le 2 avril, avec le bailleur.", "easy": "Le 2 avril."}))
        .await?;
    staff.until("ack").await?;
    let response = app
        .post_form(
            "/api/create_poll",
            Some(&facilitator),
            &[
                ("slug", slug),
                ("assembly", &id),
                ("kind", "choice"),
                ("question", "Quel jour pour la visite ?"),
                ("options", "Mardi\nJeudi"),
            ],
        )
        .await?;
    assert_eq!(response.status().as_u16(), 302);
    let poll = agora_app::store::entities::poll::Entity::find()
        .order_by_desc(agora_app::store::entities::poll::Column::Id)
        .one(&app.db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the poll"))?
        .id
        .to_string();
    for action in ["open"] {
        let response = app
            .post_form(
                "/api/poll_action",
                Some(&facilitator),
                &[
                    ("slug", slug),
                    ("assembly", &id),
                    ("poll", &poll),
                    ("action", action),
                    ("word", ""),
                ],
            )
            .await?;
        assert_eq!(response.status().as_u16(), 302, "{action}");
    }
    let karim_in_room = format!("{karim}; {}", app.participant_cookie(21));
    let response = app
        .post_form(
            "/api/answer_poll",
            Some(&karim_in_room),
            &[
                ("slug", slug),
                ("assembly", &id),
                ("poll", &poll),
                ("answer", "1"),
            ],
        )
        .await?;
    assert_eq!(response.status().as_u16(), 302);
    let response = app
        .post_form(
            "/api/poll_action",
            Some(&facilitator),
            &[
                ("slug", slug),
                ("assembly", &id),
                ("poll", &poll),
                ("action", "close"),
                ("word", ""),
            ],
        )
        .await?;
    assert_eq!(response.status().as_u16(), 302);

    // Nobody but the staff who run rooms opens the editor or writes minutes.
    let editor = format!("/{slug}/assemblees/{id}/compte-rendu/modifier");
    let reader = format!("/{slug}/assemblees/{id}/compte-rendu");
    for (who, cookie, status) in [
        ("anonymous", None, 401),
        ("member", Some(karim.as_str()), 401),
        ("observer", Some(observer.as_str()), 403),
        ("another council", Some(other.as_str()), 403),
    ] {
        let response = save(&app, cookie, &id, "# Volé", "Volé").await?;
        assert_eq!(response.status().as_u16(), status, "{who} saves");
        let (status, html) = app.get_with_cookie(&editor, cookie).await?;
        assert!(
            !html.contains("minutes-text"),
            "{who} sees the editor ({status})"
        );
    }
    assert_eq!(minutes::Entity::find().count(&app.db).await?, 0);

    // The draft holds what the meeting held, in French; nothing is stored until saved.
    let (status, html) = app.get_with_cookie(&editor, Some(&facilitator)).await?;
    assert_eq!(status, 200);
    let draft = textarea(&html, "minutes-text")?;
    for expected in [
        "jeudi 11 mars 2027 à 18 h 30, Maison des associations, salle 2",
        "## Ordre du jour",
        "## Présences",
        "- Quand visite-t-on la résidence ?",
        "Réponse : Le 2 avril, avec le bailleur.",
        "**Quel jour pour la visite ?** (1 réponse)",
        "Trop peu de réponses pour les montrer",
        "## Décisions",
    ] {
        assert!(draft.contains(expected), "{expected} in\n{draft}");
    }
    // One answer is under the minimum: the draft does not say which option it was.
    assert!(!draft.contains("Jeudi : 1"), "{draft}");
    let easy = textarea(&html, "minutes-text-easy")?;
    assert!(easy.contains("Ce que nous avons décidé"), "{easy}");
    assert!(easy.contains("Réponse : Le 2 avril."), "{easy}");
    assert_eq!(minutes::Entity::find().count(&app.db).await?, 0);

    // Saved with a line of the writer's HTML, still a draft: nobody outside the staff reads it.
    let text = format!("{draft}\n- Visite le 2 avril.\n\n<script>alert(1)</script>\n");
    let response = save(&app, Some(&facilitator), &id, &text, "").await?;
    assert_eq!(location(&response), editor);
    let row = stored(&app).await?;
    assert_eq!(row.audience, "draft");
    assert!(row.published_at.is_none());
    let (status, _) = app.get_with_cookie(&reader, Some(&karim)).await?;
    assert_eq!(status, 404, "a draft is not for members");

    // Publishing is refused without the easy-read version, and for everyone (the meeting
    // is private); nothing changes.
    let response = publish(&app, &facilitator, &id, "members").await?;
    let (_, html) = app.follow(response, &facilitator).await?;
    assert!(
        unescape(&html).contains("Écrivez la version facile à lire avant de publier."),
        "{html}"
    );
    let response = save(&app, Some(&facilitator), &id, &text, &easy).await?;
    assert_eq!(response.status().as_u16(), 302);
    let response = publish(&app, &facilitator, &id, "public").await?;
    let (_, html) = app.follow(response, &facilitator).await?;
    assert!(
        unescape(&html).contains("La réunion est réservée aux membres : son compte rendu aussi."),
        "{html}"
    );
    let row = stored(&app).await?;
    assert_eq!(row.audience, "draft");

    let response = publish(&app, &facilitator, &id, "members").await?;
    assert_eq!(response.status().as_u16(), 302);
    let row = stored(&app).await?;
    assert_eq!(row.audience, "members");
    assert!(row.published_at.is_some());

    // Karim reads them — none of the writer's HTML — and finds them in his body's archive.
    let (status, html) = app.get_with_cookie(&reader, Some(&karim)).await?;
    assert_eq!(status, 200);
    assert!(html.contains("<h2>Ordre du jour</h2>"), "{html}");
    // Under their body, in the page's trail.
    assert!(
        html.contains(&format!("href=\"/{slug}/instances/{}\"", group.id))
            && unescape(&html).contains("Groupe de travail logement"),
        "{html}"
    );
    assert!(html.contains("Visite le 2 avril."), "{html}");
    assert!(!html.contains("<script>alert"), "{html}");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    let body_page = format!("/{slug}/instances/{}", group.id);
    let (_, html) = app.get_with_cookie(&body_page, Some(&karim)).await?;
    assert!(html.contains(&reader), "the archive lists them");

    // Everyone else: the minutes are nowhere, the page, the archive, the meeting's page.
    let visitor = app.participant_cookie(7);
    for (who, cookie) in [
        ("anonymous", None),
        ("participant", Some(visitor.as_str())),
        ("observer", Some(observer.as_str())),
        ("another council", Some(other.as_str())),
    ] {
        let (status, html) = app.get_with_cookie(&reader, cookie).await?;
        assert_eq!(status, 404, "{who} reads the minutes");
        assert!(!html.contains("Visite le 2 avril"), "{who}");
        let (_, html) = app.get_with_cookie(&body_page, cookie).await?;
        assert!(!html.contains(&reader), "{who} finds them in the archive");
    }

    // A meeting open to all whose minutes are for members: the meeting is there for
    // everyone, its minutes only for the members (the minutes' own rule, not the meeting's).
    let open = meeting(
        &app,
        &group,
        "Réunion ouverte du groupe logement",
        false,
        facilitator_id,
    )
    .await?;
    let open_id = open.id.to_string();
    let open_reader = format!("/{slug}/assemblees/{open_id}/compte-rendu");
    let response = save(
        &app,
        Some(&facilitator),
        &open_id,
        "## Décisions\n\n- Une permanence au GEM le samedi.",
        "Le GEM ouvre le samedi.",
    )
    .await?;
    assert_eq!(response.status().as_u16(), 302);
    let response = publish(&app, &facilitator, &open_id, "members").await?;
    assert_eq!(response.status().as_u16(), 302);
    for (who, cookie) in [
        ("anonymous", None),
        ("participant", Some(visitor.as_str())),
        ("observer", Some(observer.as_str())),
    ] {
        let (status, _) = app
            .get_with_cookie(&format!("/{slug}/assemblees/{open_id}"), cookie)
            .await?;
        assert_eq!(status, 200, "{who} sees the open meeting");
        let (status, html) = app.get_with_cookie(&open_reader, cookie).await?;
        assert_eq!(status, 404, "{who} reads members' minutes");
        assert!(!html.contains("permanence au GEM"), "{who}");
        let (_, html) = app.get_with_cookie(&body_page, cookie).await?;
        assert!(!html.contains(&open_reader), "{who} finds them listed");
    }
    let (status, html) = app.get_with_cookie(&open_reader, Some(&karim)).await?;
    assert_eq!(status, 200);
    assert!(html.contains("permanence au GEM"), "{html}");
    let response = publish(&app, &facilitator, &open_id, "public").await?;
    assert_eq!(response.status().as_u16(), 302);
    let (status, html) = app.get(&open_reader).await?;
    assert_eq!(status, 200, "published to everyone");
    assert!(html.contains("permanence au GEM"), "{html}");

    // A plenary has no members to publish to.
    let plenary = assembly::Entity::find()
        .filter(assembly::Column::BodyId.is_null())
        .filter(assembly::Column::PublishedAt.is_not_null())
        .one(&app.db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the demo's plenary"))?;
    let plenary_id = plenary.id.to_string();
    let response = save(
        &app,
        Some(&facilitator),
        &plenary_id,
        "## Ordre du jour\n\n1. Bilan",
        "Nous avons parlé du bilan.",
    )
    .await?;
    assert_eq!(response.status().as_u16(), 302);
    let response = publish(&app, &facilitator, &plenary_id, "members").await?;
    let (_, html) = app.follow(response, &facilitator).await?;
    assert!(
        unescape(&html).contains("Une assemblée plénière n'a pas de membres"),
        "{html}"
    );
    let response = publish(&app, &facilitator, &plenary_id, "public").await?;
    assert_eq!(response.status().as_u16(), 302);
    let (status, html) = app
        .get(&format!("/{slug}/assemblees/{plenary_id}/compte-rendu"))
        .await?;
    assert_eq!(status, 200);
    assert!(html.contains("Bilan"), "{html}");
    Ok(())
}

/// A tiny but real PDF: what its first bytes must say.
const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

#[tokio::test]
async fn documents_are_checked_at_the_door_and_served_only_to_who_may_see_them()
-> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let here = CouncilSlug::parse(slug)?;
    let group = working_group(&app).await?;
    let body = group.id.to_string();
    let (facilitator_id, facilitator) = app
        .staff_member(&here, Role::Facilitator, "Fanny Anime")
        .await?;
    let (_, observer) = app
        .staff_member(&here, Role::Observer, "Omar Observe")
        .await?;
    let other = app.other_council_coordinator().await?;
    let code = issue(&app, &group, group.denise, "code").await?;
    let denise = enter(&app, "/api/enter_with_code", "code", &code)
        .await?
        .ok_or_else(|| anyhow::anyhow!("Denise comes in"))?;
    let upload = |holder: &'static str,
                  id: String,
                  title: &'static str,
                  members_only: bool,
                  name: &'static str,
                  bytes: Vec<u8>,
                  cookie: Option<String>| {
        let app = &app;
        async move {
            let mut fields = vec![("slug", slug), (holder, id.as_str()), ("title", title)];
            if members_only {
                fields.push(("members_only", "on"));
            }
            app.post_multipart(
                "/api/upload_document",
                cookie.as_deref(),
                &fields,
                Some(("file", name, "application/pdf", bytes)),
            )
            .await
        }
    };

    // Only staff who run rooms upload; bad files are refused beside the field, translated,
    // and nothing is stored.
    for (who, cookie, status) in [
        ("anonymous", None, 401),
        ("member", Some(denise.clone()), 401),
        ("observer", Some(observer.clone()), 403),
        ("another council", Some(other.clone()), 403),
    ] {
        let response = upload(
            "body",
            body.clone(),
            "Diagnostic",
            false,
            "d.pdf",
            PDF.to_vec(),
            cookie,
        )
        .await?;
        assert_eq!(response.status().as_u16(), status, "{who}");
    }
    let heavy = [
        PDF,
        &vec![b' '; agora_app::domain::document::DOCUMENT_MAX_BYTES],
    ]
    .concat();
    for (title, name, bytes, message) in [
        (
            "Rapport",
            "rapport.pdf",
            b"<html><script>alert(1)</script></html>".to_vec(),
            "Ce type de fichier n'est pas accepté",
        ),
        ("Rapport", "vide.pdf", Vec::new(), "Choisissez un fichier."),
        ("Rapport", "lourd.pdf", heavy, "Ce fichier dépasse 10 Mo."),
        ("", "rapport.pdf", PDF.to_vec(), "Ce champ est obligatoire"),
    ] {
        let response = upload(
            "body",
            body.clone(),
            title,
            false,
            name,
            bytes,
            Some(facilitator.clone()),
        )
        .await?;
        assert_eq!(response.status().as_u16(), 302, "{name}");
        let (_, html) = app.follow(response, &facilitator).await?;
        assert!(unescape(&html).contains(message), "{message} in {html}");
    }
    assert_eq!(document::Entity::find().count(&app.db).await?, 0);

    // A public document of the body, one for its members, one of its private meeting.
    let response = upload(
        "body",
        body.clone(),
        "Diagnostic territorial (version facile)",
        false,
        "diag.pdf",
        PDF.to_vec(),
        Some(facilitator.clone()),
    )
    .await?;
    assert_eq!(
        location(&response),
        format!("/{slug}/instances/{body}#documents")
    );
    let response = upload(
        "body",
        body.clone(),
        "Liste des contacts du groupe",
        true,
        "contacts.pdf",
        PDF.to_vec(),
        Some(facilitator.clone()),
    )
    .await?;
    assert_eq!(response.status().as_u16(), 302);
    let room = meeting(&app, &group, "Réunion privée", true, facilitator_id).await?;
    let response = upload(
        "assembly",
        room.id.to_string(),
        "Diaporama de la réunion",
        false,
        "slides.pdf",
        PDF.to_vec(),
        Some(facilitator.clone()),
    )
    .await?;
    assert_eq!(response.status().as_u16(), 302);
    let stored = document::Entity::find()
        .order_by_asc(document::Column::Id)
        .all(&app.db)
        .await?;
    let [open, members, slides] = stored.as_slice() else {
        anyhow::bail!("three documents, not {}", stored.len());
    };
    assert_eq!(open.file_name, "diagnostic-territorial-version-facile.pdf");
    assert_eq!(open.bytes, PDF, "kept as sent");
    assert_eq!(slides.body_id, Some(group.id));

    let file = |id: i64| format!("/api/document_file?slug={slug}&id={id}");
    // The open one, to anyone, as a PDF that is never sniffed and where nothing runs.
    let response = app.get_raw(&file(open.id), None).await?;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(header(&response, "content-type"), "application/pdf");
    assert_eq!(header(&response, "x-content-type-options"), "nosniff");
    assert!(header(&response, "content-security-policy").starts_with("default-src 'none'"));
    assert_eq!(
        header(&response, "content-disposition"),
        "inline; filename=\"diagnostic-territorial-version-facile.pdf\""
    );
    assert_eq!(response.bytes().await?.as_ref(), PDF);

    // The members' ones: the member and staff who run rooms; for anyone else there is none.
    let visitor = app.participant_cookie(9);
    for document in [members, slides] {
        for (who, cookie, status) in [
            ("member", Some(denise.as_str()), 200),
            ("facilitator", Some(facilitator.as_str()), 200),
            ("anonymous", None, 404),
            ("participant", Some(visitor.as_str()), 404),
            ("observer", Some(observer.as_str()), 404),
            ("another council", Some(other.as_str()), 404),
        ] {
            let response = app.get_raw(&file(document.id), cookie).await?;
            assert_eq!(
                response.status().as_u16(),
                status,
                "{who} reads {}",
                document.title
            );
        }
    }
    // Nor do the pages name them to outsiders.
    let (_, html) = app.get(&format!("/{slug}/instances/{body}")).await?;
    assert!(html.contains("Diagnostic territorial"), "{html}");
    assert!(!html.contains("Liste des contacts"), "{html}");
    let (_, html) = app
        .get_with_cookie(&format!("/{slug}/instances/{body}"), Some(&denise))
        .await?;
    assert!(html.contains("Liste des contacts"), "{html}");

    // Removing: staff of this council only.
    let remove = |id: i64| {
        vec![
            ("slug", slug.to_owned()),
            ("id", id.to_string()),
            ("back", format!("/{slug}/instances/{body}")),
        ]
    };
    let fields = remove(open.id);
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    for (who, cookie) in [
        ("member", Some(denise.as_str())),
        ("observer", Some(observer.as_str())),
        ("another council", Some(other.as_str())),
    ] {
        let response = app
            .post_form("/api/remove_document", cookie, &fields)
            .await?;
        assert!(
            [401, 403].contains(&response.status().as_u16()),
            "{who}: {}",
            response.status()
        );
    }
    assert_eq!(document::Entity::find().count(&app.db).await?, 3);
    let response = app
        .post_form("/api/remove_document", Some(&facilitator), &fields)
        .await?;
    assert_eq!(location(&response), format!("/{slug}/instances/{body}"));
    let response = app.get_raw(&file(open.id), None).await?;
    assert_eq!(response.status().as_u16(), 404);
    assert_eq!(document::Entity::find().count(&app.db).await?, 2);

    // A `back` that leaves the council's pages, or would break the redirect's header, is
    // not followed: the removal lands on the council's bodies.
    let left: Vec<i64> = document::Entity::find()
        .all(&app.db)
        .await?
        .iter()
        .map(|d| d.id)
        .collect();
    for (id, back) in left.into_iter().zip([
        format!("/{slug}/instances\r\nSet-Cookie: agora_member=forged"),
        "/autre-clsm/instances".to_owned(),
    ]) {
        let id = id.to_string();
        let fields = [("slug", slug), ("id", id.as_str()), ("back", back.as_str())];
        let response = app
            .post_form("/api/remove_document", Some(&facilitator), &fields)
            .await?;
        assert_eq!(
            location(&response),
            format!("/{slug}/instances"),
            "{back:?}"
        );
        assert!(cookie_set(&response, "agora_member").is_none(), "{back:?}");
    }
    assert_eq!(document::Entity::find().count(&app.db).await?, 0);
    Ok(())
}
