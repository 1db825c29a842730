//! The council's bodies: only coordinators write bodies and members; members come in
//! without a password, by a one-time code or link that works once and is kept only as a
//! hash; a members-only meeting is not there for anybody else — on every page, every form,
//! the join code, the calendar and the websocket — and the calendar files read back as a
//! calendar application reads them.

use agora_app::domain::{CouncilSlug, LiveState, Role};
use agora_app::store::entities::{
    assembly, body, body_member, member_pass, member_session, testimony,
};
use agora_server::demo;
use agora_tests::{TestApp, cookie_set, location, unescape};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};

/// (bodies, members, passes) stored, every council together.
async fn stored(app: &TestApp) -> anyhow::Result<(u64, u64, u64)> {
    Ok((
        body::Entity::find().count(&app.db).await?,
        body_member::Entity::find().count(&app.db).await?,
        member_pass::Entity::find().count(&app.db).await?,
    ))
}

fn body_form<'a>(changes: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut fields = vec![
        ("slug", demo::slug()),
        ("id", ""),
        ("kind", "working_group"),
        ("name", "Groupe de travail logement"),
        (
            "purpose",
            "Suivre l'accès au logement des personnes qui sortent d'hospitalisation.",
        ),
        ("purpose_easy", "Le groupe parle du logement."),
        ("priority", ""),
    ];
    for (name, value) in changes {
        if let Some(field) = fields.iter_mut().find(|(n, _)| n == name) {
            field.1 = value;
        }
    }
    fields
}

/// What sits between `start` and the next `<` in a page (a code, a link shown once).
fn shown_after(html: &str, start: &str) -> anyhow::Result<String> {
    let at = html
        .find(start)
        .ok_or_else(|| anyhow::anyhow!("{start} not in the page"))?;
    let rest = &html[at + start.len()..];
    Ok(rest.split('<').next().unwrap_or_default().trim().to_owned())
}

pub(super) struct Group {
    pub(super) id: i64,
    pub(super) coordinator: String,
    /// (member id, name) of Karim (usagers, co-host) and Denise (aidants).
    pub(super) karim: i64,
    pub(super) denise: i64,
}

/// A working group with two members, made through the forms by a coordinator.
pub(super) async fn working_group(app: &TestApp) -> anyhow::Result<Group> {
    let slug = demo::slug();
    let here = CouncilSlug::parse(slug)?;
    let (_, coordinator) = app
        .staff_member(&here, Role::Coordinator, "Cora Pilote")
        .await?;
    let response = app
        .post_form("/api/save_body", Some(&coordinator), &body_form(&[]))
        .await?;
    assert_eq!(response.status().as_u16(), 302);
    let made = body::Entity::find()
        .order_by_desc(body::Column::Id)
        .one(&app.db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the body is stored"))?;
    assert_eq!(
        location(&response),
        format!("/{slug}/instances/{}", made.id)
    );
    let id = made.id.to_string();
    for (name, college, role, contact) in [
        ("Karim", "usagers", "cohost", "karim@example.org"),
        ("Denise", "aidants", "member", "06 12 34 56 78"),
    ] {
        let response = app
            .post_form(
                "/api/save_member",
                Some(&coordinator),
                &[
                    ("slug", slug),
                    ("body", &id),
                    ("display_name", name),
                    ("organisation", "GEM L'Envol"),
                    ("college", college),
                    ("role", role),
                    ("contact", contact),
                ],
            )
            .await?;
        assert_eq!(response.status().as_u16(), 302, "{name}");
    }
    let members = body_member::Entity::find()
        .filter(body_member::Column::BodyId.eq(made.id))
        .order_by_asc(body_member::Column::Id)
        .all(&app.db)
        .await?;
    let [karim, denise] = members.as_slice() else {
        anyhow::bail!("two members, not {}", members.len());
    };
    Ok(Group {
        id: made.id,
        coordinator,
        karim: karim.id,
        denise: denise.id,
    })
}

/// Issues a pass through the form and reads it off the body's page, shown once.
pub(super) async fn issue(
    app: &TestApp,
    group: &Group,
    member: i64,
    kind: &str,
) -> anyhow::Result<String> {
    let slug = demo::slug();
    let response = app
        .post_form(
            "/api/issue_member_pass",
            Some(&group.coordinator),
            &[
                ("slug", slug),
                ("body", &group.id.to_string()),
                ("member", &member.to_string()),
                ("kind", kind),
            ],
        )
        .await?;
    assert_eq!(response.status().as_u16(), 302);
    let (_, html) = app.follow(response, &group.coordinator).await?;
    match kind {
        "code" => shown_after(&html, "class=\"pass-code\"><strong>"),
        _ => {
            let link = shown_after(&html, "class=\"pass-link\"><code>")?;
            let path = link
                .split_once(&format!("/{slug}/membres/lien/"))
                .map(|(_, token)| token.to_owned())
                .ok_or_else(|| anyhow::anyhow!("a member's link: {link}"))?;
            Ok(path)
        }
    }
}

/// Uses a pass; returns the member's cookie when it let them in.
pub(super) async fn enter(
    app: &TestApp,
    endpoint: &str,
    field: &str,
    secret: &str,
) -> anyhow::Result<Option<String>> {
    let response = app
        .post_form(endpoint, None, &[("slug", demo::slug()), (field, secret)])
        .await?;
    assert_eq!(response.status().as_u16(), 302);
    Ok(cookie_set(&response, "agora_member"))
}

#[tokio::test]
async fn coordinators_set_up_a_working_group_and_members_come_in_once_by_code_or_link()
-> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let here = CouncilSlug::parse(slug)?;
    let (_, facilitator) = app
        .staff_member(&here, Role::Facilitator, "Fanny Anime")
        .await?;
    let other = app.other_council_coordinator().await?;
    let before = stored(&app).await?;

    // Nobody but a coordinator of this council writes a body; nothing is stored.
    for (who, cookie, status) in [
        ("anonymous", None, 401),
        ("coordinator of another council", Some(other.as_str()), 403),
        ("facilitator", Some(facilitator.as_str()), 403),
    ] {
        let response = app
            .post_form("/api/save_body", cookie, &body_form(&[]))
            .await?;
        assert_eq!(response.status().as_u16(), status, "{who}");
    }
    assert_eq!(stored(&app).await?, before);

    let group = working_group(&app).await?;
    let id = group.id.to_string();
    let page = format!("/{slug}/instances/{id}");

    // Bad input comes back beside its field, translated, nothing stored.
    let after = stored(&app).await?;
    for (fields, endpoint, message) in [
        (
            body_form(&[("kind", "board")]),
            "/api/save_body",
            "Choisissez une sorte d'instance dans la liste.",
        ),
        (
            body_form(&[("purpose_easy", "  ")]),
            "/api/save_body",
            "Ce champ est obligatoire.",
        ),
        (
            body_form(&[("priority", "999999")]),
            "/api/save_body",
            "Choisissez une des priorités adoptées par le conseil",
        ),
        (
            vec![
                ("slug", slug),
                ("body", id.as_str()),
                ("display_name", "Léa"),
                ("college", "martiens"),
                ("role", "member"),
            ],
            "/api/save_member",
            "Choisissez un collège de la liste.",
        ),
    ] {
        let response = app
            .post_form(endpoint, Some(&group.coordinator), &fields)
            .await?;
        assert_eq!(response.status().as_u16(), 302, "{message}");
        let (_, html) = app.follow(response, &group.coordinator).await?;
        assert!(unescape(&html).contains(message), "{message}: {html}");
    }
    assert_eq!(stored(&app).await?, after);

    // Anyone reads the seats per college; nobody but members and staff reads who sits.
    let (status, list) = app.get(&format!("/{slug}/instances")).await?;
    assert_eq!(status, 200);
    assert!(
        unescape(&list).contains("Groupe de travail logement"),
        "{list}"
    );
    let (status, public) = app.get(&page).await?;
    assert_eq!(status, 200);
    let public = unescape(&public);
    assert!(public.contains("Sièges par collège"), "{public}");
    for private in ["Karim", "Denise", "karim@example.org", "06 12 34 56 78"] {
        assert!(!public.contains(private), "{private} shown to the public");
    }
    let (_, staff_page) = app.get_with_cookie(&page, Some(&group.coordinator)).await?;
    assert!(unescape(&staff_page).contains("karim@example.org"));

    // A code and a link, each shown once; only their hashes are kept.
    let code = issue(&app, &group, group.karim, "code").await?;
    let token = issue(&app, &group, group.denise, "link").await?;
    assert_eq!(code.len(), 19, "xxxx-xxxx-xxxx-xxxx: {code}");
    let (_, again) = app.get_with_cookie(&page, Some(&group.coordinator)).await?;
    assert!(
        !again.contains(&code) && !again.contains(&token),
        "shown once"
    );
    for pass in member_pass::Entity::find().all(&app.db).await? {
        assert_ne!(pass.secret_hash, code);
        assert_ne!(pass.secret_hash, token);
        assert!(!pass.secret_hash.contains(&code.replace('-', "")));
    }

    // Opening the link's page (a mail scanner does) does not use it up.
    for _ in 0..2 {
        let (status, html) = app.get(&format!("/{slug}/membres/lien/{token}")).await?;
        assert_eq!(status, 200);
        assert!(html.contains("/api/enter_with_link"));
    }

    // The code typed any way (capitals, spaces) lets Karim in, once.
    let typed = format!(" {} ", code.to_uppercase().replace('-', " "));
    let karim = enter(&app, "/api/enter_with_code", "code", &typed)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the code lets Karim in"))?;
    assert_eq!(
        enter(&app, "/api/enter_with_code", "code", &code).await?,
        None,
        "a code works once"
    );
    let denise = enter(&app, "/api/enter_with_link", "token", &token)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the link lets Denise in"))?;
    assert_eq!(
        enter(&app, "/api/enter_with_link", "token", &token).await?,
        None,
        "a link works once"
    );
    // A guess, a link typed as a code, are refused the same way, with the reason.
    let response = app
        .post_form(
            "/api/enter_with_code",
            None,
            &[("slug", slug), ("code", &token)],
        )
        .await?;
    assert_eq!(cookie_set(&response, "agora_member"), None);
    let (_, html) = app.follow(response, "").await?;
    assert!(
        unescape(&html).contains("Ce code ou ce lien ne permet pas d'entrer"),
        "{html}"
    );
    // A session's token is not in the database either.
    let karim_token = karim.split_once('=').map(|(_, t)| t).unwrap_or_default();
    assert_eq!(
        member_session::Entity::find()
            .filter(member_session::Column::TokenHash.eq(karim_token))
            .count(&app.db)
            .await?,
        0
    );

    // Members read who sits, never the contacts; another council's pass does nothing here.
    let (_, as_member) = app.get_with_cookie(&page, Some(&karim)).await?;
    let as_member = unescape(&as_member);
    assert!(as_member.contains("Denise") && as_member.contains("Vous en êtes membre"));
    assert!(!as_member.contains("karim@example.org") && !as_member.contains("06 12 34"));
    for (who, cookie) in [
        ("member", karim.as_str()),
        ("facilitator", facilitator.as_str()),
    ] {
        let response = app
            .post_form(
                "/api/issue_member_pass",
                Some(cookie),
                &[
                    ("slug", slug),
                    ("body", &id),
                    ("member", &group.karim.to_string()),
                    ("kind", "code"),
                ],
            )
            .await?;
        assert!(
            [401, 403].contains(&response.status().as_u16()),
            "{who} issues no pass"
        );
    }

    // Removed, Denise's session lets her see nothing any more.
    let response = app
        .post_form(
            "/api/remove_member",
            Some(&group.coordinator),
            &[
                ("slug", slug),
                ("body", &id),
                ("member", &group.denise.to_string()),
            ],
        )
        .await?;
    assert_eq!(response.status().as_u16(), 302);
    let (_, html) = app.get_with_cookie(&page, Some(&denise)).await?;
    assert!(
        !unescape(&html).contains("Karim"),
        "removed, Denise reads no names"
    );
    Ok(())
}

/// Every way a visitor might reach an assembly; each must answer as for no assembly.
async fn reachable(
    app: &TestApp,
    room: &assembly::Model,
    cookie: Option<&str>,
) -> anyhow::Result<Vec<String>> {
    let slug = demo::slug();
    let id = room.id.to_string();
    let mut open = Vec::new();
    for path in [
        format!("/{slug}/assemblees/{id}"),
        format!("/{slug}/assemblees/{id}/direct"),
        format!("/{slug}/assemblees/{id}/projection"),
        format!("/api/assembly_questions_json?slug={slug}&id={id}"),
        format!("/api/assembly_questions_csv?slug={slug}&id={id}"),
    ] {
        let (status, _) = app.get_with_cookie(&path, cookie).await?;
        if status != 404 {
            open.push(format!("{path}: {status}"));
        }
    }
    for (endpoint, fields) in [
        (
            "/api/ask_question",
            vec![
                ("body", "Qui vient à la réunion privée ?"),
                ("first_name", ""),
                ("college", ""),
            ],
        ),
        ("/api/support_question", vec![("question", "1")]),
        ("/api/answer_poll", vec![("poll", "1"), ("answer", "0")]),
        ("/api/declare_presence", vec![("college", "usagers")]),
    ] {
        let mut all = vec![("slug", slug), ("assembly", id.as_str())];
        all.extend(fields);
        let response = app.post_form(endpoint, cookie, &all).await?;
        if response.status().as_u16() != 404 {
            open.push(format!("{endpoint}: {}", response.status()));
        }
    }
    // The join code leads nowhere.
    let response = app
        .get_raw(&format!("/j/{}", room.join_code), cookie)
        .await?;
    if location(&response).contains("/assemblees/") {
        open.push(format!("/j/{}: {}", room.join_code, location(&response)));
    }
    // Nor does the websocket open.
    let mut request =
        tokio_tungstenite::tungstenite::client::IntoClientRequest::into_client_request(format!(
            "ws://{}/live/{id}",
            app.address
        ))?;
    if let Some(cookie) = cookie {
        request.headers_mut().insert("cookie", cookie.parse()?);
    }
    match tokio_tungstenite::connect_async(request).await {
        Err(tokio_tungstenite::tungstenite::Error::Http(response))
            if response.status().as_u16() == 404 => {}
        Ok(_) => open.push("/live: opened".into()),
        Err(other) => open.push(format!("/live: {other}")),
    }
    // Nor do the lists name it.
    for path in [
        format!("/{slug}/assemblees"),
        format!("/{slug}/agenda"),
        format!("/api/calendar_ics?slug={slug}"),
        format!("/{slug}/instances/{}", room.body_id.unwrap_or_default()),
    ] {
        let (_, html) = app.get_with_cookie(&path, cookie).await?;
        if unescape(&html).contains(&room.title) {
            open.push(format!("{path} names it"));
        }
    }
    Ok(open)
}

/// The form a coordinator posts to schedule a meeting of the body `body`.
fn meeting_form<'a>(
    slug: &'a str,
    body: &'a str,
    title: &'a str,
    members_only: bool,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("slug", slug),
        ("body", body),
        ("title", title),
        ("starts_at", "2027-03-11T18:30"),
        ("place", "Maison des associations, salle 2"),
        ("accessibility", "Salle de plain-pied. Boucle magnétique."),
        ("members_only", if members_only { "on" } else { "" }),
    ]
}

/// A meeting of `group` on 11 March 2027, scheduled and published by its coordinator, its
/// room opened by `facilitator`; as stored then.
pub(super) async fn meeting(
    app: &TestApp,
    group: &Group,
    title: &str,
    members_only: bool,
    facilitator: i64,
) -> anyhow::Result<assembly::Model> {
    let slug = demo::slug();
    let body = group.id.to_string();
    let response = app
        .post_form(
            "/api/schedule_meeting",
            Some(&group.coordinator),
            &meeting_form(slug, &body, title, members_only),
        )
        .await?;
    anyhow::ensure!(response.status().as_u16() == 302, "{}", response.status());
    let room = assembly::Entity::find()
        .order_by_desc(assembly::Column::Id)
        .one(&app.db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the meeting is stored"))?;
    let response = app
        .post_form(
            "/api/publish_assembly",
            Some(&group.coordinator),
            &[
                ("slug", slug),
                ("assembly", &room.id.to_string()),
                ("publish", "1"),
            ],
        )
        .await?;
    anyhow::ensure!(response.status().as_u16() == 302, "{}", response.status());
    agora_app::services::room::change_live_state(
        &app.db,
        room.council_id,
        room.id,
        LiveState::Open,
        Some(facilitator),
    )
    .await?;
    assembly::Entity::find_by_id(room.id)
        .one(&app.db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the meeting"))
}

#[tokio::test]
async fn a_members_only_meeting_is_nowhere_for_anyone_else_and_the_calendar_reads_back()
-> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let here = CouncilSlug::parse(slug)?;
    let group = working_group(&app).await?;
    let id = group.id.to_string();
    let (facilitator_id, facilitator) = app
        .staff_member(&here, Role::Facilitator, "Fanny Anime")
        .await?;
    let (_, observer) = app
        .staff_member(&here, Role::Observer, "Omar Observe")
        .await?;
    let other = app.other_council_coordinator().await?;

    // A second body, whose member must not see the group's private meeting.
    let response = app
        .post_form(
            "/api/save_body",
            Some(&group.coordinator),
            &body_form(&[("kind", "technical"), ("name", "Comité technique")]),
        )
        .await?;
    assert_eq!(response.status().as_u16(), 302);
    let technical = location(&response)
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_owned();
    let response = app
        .post_form(
            "/api/save_member",
            Some(&group.coordinator),
            &[
                ("slug", slug),
                ("body", &technical),
                ("display_name", "Paul"),
                ("college", "professionnels"),
                ("role", "member"),
            ],
        )
        .await?;
    assert_eq!(response.status().as_u16(), 302);
    let paul = body_member::Entity::find()
        .filter(body_member::Column::DisplayName.eq("Paul"))
        .one(&app.db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("Paul"))?;
    let paul_group = Group {
        id: paul.body_id,
        coordinator: group.coordinator.clone(),
        karim: paul.id,
        denise: paul.id,
    };
    let paul_code = issue(&app, &paul_group, paul.id, "code").await?;
    let paul = enter(&app, "/api/enter_with_code", "code", &paul_code)
        .await?
        .ok_or_else(|| anyhow::anyhow!("Paul comes in"))?;
    let karim_code = issue(&app, &group, group.karim, "code").await?;
    let karim = enter(&app, "/api/enter_with_code", "code", &karim_code)
        .await?
        .ok_or_else(|| anyhow::anyhow!("Karim comes in"))?;

    // Scheduling: coordinators only; bad input refused beside its field, nothing stored.
    let form = meeting_form(slug, &id, "Réunion de mars", true);
    let rooms_before = assembly::Entity::find().count(&app.db).await?;
    for (who, cookie) in [
        ("anonymous", None),
        ("member", Some(karim.as_str())),
        ("facilitator", Some(facilitator.as_str())),
        ("another council", Some(other.as_str())),
    ] {
        let response = app
            .post_form("/api/schedule_meeting", cookie, &form)
            .await?;
        assert!(
            [401, 403].contains(&response.status().as_u16()),
            "{who}: {}",
            response.status()
        );
    }
    let mut bad = form.clone();
    bad[3].1 = "le 11 mars";
    let response = app
        .post_form("/api/schedule_meeting", Some(&group.coordinator), &bad)
        .await?;
    let (_, html) = app.follow(response, &group.coordinator).await?;
    assert!(
        unescape(&html).contains("Cette date n'est pas valable"),
        "{html}"
    );
    assert_eq!(assembly::Entity::find().count(&app.db).await?, rooms_before);

    let mut rooms = Vec::new();
    for (title, members_only) in [
        ("Réunion privée du groupe logement", true),
        ("Réunion ouverte du groupe logement", false),
    ] {
        let room = meeting(&app, &group, title, members_only, facilitator_id).await?;
        assert_eq!(room.body_id, Some(group.id));
        assert_eq!(room.members_only, members_only);
        rooms.push(room);
    }
    let [private, open] = rooms.as_slice() else {
        anyhow::bail!("two meetings");
    };
    // Its members find the meeting under their body, in the page's trail.
    let (_, html) = app
        .get_with_cookie(&format!("/{slug}/assemblees/{}", private.id), Some(&karim))
        .await?;
    assert!(
        html.contains(&format!("href=\"/{slug}/instances/{}\"", group.id))
            && unescape(&html).contains("Groupe de travail logement"),
        "{html}"
    );

    // The attack, on every route: nobody but its members and room staff reaches it.
    let visitor = app.participant_cookie(7);
    for (who, cookie) in [
        ("anonymous", None),
        ("participant", Some(visitor.as_str())),
        ("member of another body", Some(paul.as_str())),
        ("observer", Some(observer.as_str())),
        ("coordinator of another council", Some(other.as_str())),
    ] {
        let open_ways = reachable(&app, private, cookie).await?;
        assert!(open_ways.is_empty(), "{who} reaches it: {open_ways:?}");
    }
    // The meeting open to all is there for everyone, with its join code.
    let (status, html) = app.get(&format!("/{slug}/assemblees/{}", open.id)).await?;
    assert_eq!(status, 200);
    assert!(html.contains(&open.join_code[..3]));
    let response = app.get_raw(&format!("/j/{}", open.join_code), None).await?;
    assert_eq!(
        location(&response),
        format!("/{slug}/assemblees/{}", open.id)
    );

    // Its member and the facilitator come in, ask and see the question live.
    let (status, html) = app
        .get_with_cookie(&format!("/{slug}/assemblees/{}", private.id), Some(&karim))
        .await?;
    assert_eq!(status, 200);
    assert!(unescape(&html).contains("réservée aux membres"), "{html}");
    assert!(
        !html.contains(&private.join_code),
        "no join code to hand out"
    );
    let mut member = super::live::Client::connect(&app, private.id, Some(&karim), None).await?;
    member.until("snapshot").await?;
    let mut staff =
        super::live::Client::connect(&app, private.id, Some(&facilitator), None).await?;
    staff.until("snapshot").await?;
    member
        .send(serde_json::json!({"type": "ask", "ref": "q1", "body": "Quand visite-t-on la résidence ?"}))
        .await?;
    member.until("ack").await?;
    let asked = staff.until("question-asked").await?;
    assert_eq!(
        asked["event"]["question"]["body"],
        "Quand visite-t-on la résidence ?"
    );

    // No testimony hangs on it: testimonies are public once approved.
    let testimonies = testimony::Entity::find().count(&app.db).await?;
    let response = app
        .post_multipart(
            "/api/post_testimony",
            Some(&visitor),
            &[
                ("slug", slug),
                (
                    "happened",
                    "J'étais à la réunion du groupe logement, c'était utile.",
                ),
                ("assembly", &private.id.to_string()),
                ("public", "on"),
            ],
            None,
        )
        .await?;
    assert_eq!(response.status().as_u16(), 302);
    assert_eq!(testimony::Entity::find().count(&app.db).await?, testimonies);

    // The calendars: the member's has both meetings, the public's only the open one; each
    // parses back as a calendar application reads it, at the right time.
    let ics = |cookie: Option<String>, body: bool| {
        let app = &app;
        let path = if body {
            format!("/api/calendar_ics?slug={slug}&body={id}")
        } else {
            format!("/api/calendar_ics?slug={slug}")
        };
        async move {
            let response = app.get_raw(&path, cookie.as_deref()).await?;
            assert_eq!(response.status().as_u16(), 200);
            assert!(
                agora_tests::header(&response, "content-type").starts_with("text/calendar"),
                "content type"
            );
            let text = response.text().await?;
            let parsed: icalendar::Calendar = text
                .parse()
                .map_err(|e| anyhow::anyhow!("the file parses: {e}\n{text}"))?;
            anyhow::Ok(parsed)
        }
    };
    use icalendar::{Component, EventLike};
    let summaries = |calendar: &icalendar::Calendar| -> Vec<String> {
        calendar
            .events()
            .filter_map(|event| event.get_summary().map(str::to_owned))
            .collect()
    };
    let public = ics(None, true).await?;
    assert_eq!(
        summaries(&public),
        vec!["Réunion ouverte du groupe logement — Groupe de travail logement".to_owned()]
    );
    let members = ics(Some(karim.clone()), true).await?;
    assert_eq!(summaries(&members).len(), 2, "{:?}", summaries(&members));
    let whole = ics(None, false).await?;
    assert!(
        summaries(&whole)
            .iter()
            .any(|s| s.starts_with("Réunion ouverte")),
        "the council's calendar holds the open meeting"
    );
    assert!(!summaries(&whole).iter().any(|s| s.contains("privée")));
    let event = public
        .events()
        .next()
        .ok_or_else(|| anyhow::anyhow!("one event"))?;
    // 18:30 in Paris in March is 17:30 UTC.
    let starts = match event.get_start() {
        Some(icalendar::DatePerhapsTime::DateTime(icalendar::CalendarDateTime::Utc(at))) => at,
        other => anyhow::bail!("a UTC start, not {other:?}"),
    };
    assert_eq!(starts.to_rfc3339(), "2027-03-11T17:30:00+00:00");
    assert_eq!(
        event.get_location(),
        Some("Maison des associations, salle 2")
    );
    assert_eq!(
        event.get_uid().map(str::to_owned),
        Some(format!(
            "assembly-{}@{}",
            open.id,
            event
                .get_uid()
                .and_then(|u| u.split('@').nth(1))
                .unwrap_or("")
        ))
    );
    Ok(())
}

/// A JSON call to a server function, with a cookie: (status, body).
async fn call_json(
    app: &TestApp,
    endpoint: &str,
    cookie: Option<&str>,
    body: serde_json::Value,
) -> anyhow::Result<(u16, String)> {
    let mut request = app
        .client
        .post(app.url(&format!("/api/{endpoint}")))
        .json(&body);
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    let response = request.send().await?;
    Ok((response.status().as_u16(), response.text().await?))
}

#[tokio::test]
async fn a_member_s_passkey_is_theirs_alone_and_opens_their_bodies_once_made() -> anyhow::Result<()>
{
    use agora_app::store::entities::{passkey, staff_account};
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let group = working_group(&app).await?;
    let code = issue(&app, &group, group.karim, "code").await?;
    let karim = enter(&app, "/api/enter_with_code", "code", &code)
        .await?
        .ok_or_else(|| anyhow::anyhow!("Karim comes in"))?;
    let code = issue(&app, &group, group.denise, "code").await?;
    let denise = enter(&app, "/api/enter_with_code", "code", &code)
        .await?
        .ok_or_else(|| anyhow::anyhow!("Denise comes in"))?;
    let accounts = staff_account::Entity::find().count(&app.db).await?;
    let page = format!("/{slug}/instances/{}", group.id);

    // The body's page offers a passkey to its member in by code, to nobody else.
    let (_, html) = app.get_with_cookie(&page, Some(&karim)).await?;
    assert!(html.contains("data-ceremony=\"member_passkey\""), "{html}");
    let (_, html) = app.get_with_cookie(&page, None).await?;
    assert!(!html.contains("member_passkey"));

    // Without a member's session there is nothing to start.
    let (status, body) =
        call_json(&app, "start_member_passkey", None, serde_json::json!({})).await?;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("error-member-session"), "{body}");

    // Karim starts; Denise cannot finish his ceremony, nor can a forged credential; no
    // account is made.
    let (status, body) = call_json(
        &app,
        "start_member_passkey",
        Some(&karim),
        serde_json::json!({}),
    )
    .await?;
    assert_eq!(status, 200, "{body}");
    let started: serde_json::Value = serde_json::from_str(&body)?;
    assert_eq!(
        started["options"]["publicKey"]["user"]["name"], "Karim",
        "{started}"
    );
    let forged = serde_json::json!({
        "id": "AAAA", "rawId": "AAAA", "type": "public-key", "extensions": {},
        "response": { "attestationObject": "AAAA", "clientDataJSON": "AAAA" }
    });
    let (status, body) = call_json(
        &app,
        "finish_member_passkey",
        Some(&denise),
        serde_json::json!({ "ceremony": started["ceremony"], "credential": forged }),
    )
    .await?;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("error-member-session"), "{body}");
    let (_, body) = call_json(
        &app,
        "start_member_passkey",
        Some(&karim),
        serde_json::json!({}),
    )
    .await?;
    let again: serde_json::Value = serde_json::from_str(&body)?;
    let (status, body) = call_json(
        &app,
        "finish_member_passkey",
        Some(&karim),
        serde_json::json!({ "ceremony": again["ceremony"], "credential": forged }),
    )
    .await?;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("error-passkey-failed"), "{body}");
    assert_eq!(
        staff_account::Entity::find().count(&app.db).await?,
        accounts
    );

    // Once the passkey is kept (as a real ceremony ends: the browser test runs one), Karim's
    // account has no team role, opens his body and nothing else, and cannot make a second.
    let account = agora_app::store::bodies::link_passkey(
        &app.db,
        agora_app::store::bodies::MemberPasskey {
            member_id: group.karim,
            display_name: "Karim",
            user_handle: "5a1b9c1e-0000-4000-8000-000000000001",
            credential_id: "c0ffee",
            credential: "{}".to_owned(),
        },
    )
    .await?;
    assert_eq!(
        passkey::Entity::find()
            .filter(passkey::Column::AccountId.eq(account))
            .count(&app.db)
            .await?,
        1
    );
    let twice = agora_app::store::bodies::link_passkey(
        &app.db,
        agora_app::store::bodies::MemberPasskey {
            member_id: group.karim,
            display_name: "Karim",
            user_handle: "5a1b9c1e-0000-4000-8000-000000000002",
            credential_id: "c0ffe2",
            credential: "{}".to_owned(),
        },
    )
    .await;
    assert!(
        matches!(
            twice,
            Err(agora_app::store::bodies::BodyError::Refused(
                "error-member-has-passkey"
            ))
        ),
        "{twice:?}"
    );
    let session = agora_app::store::staff::open_session(&app.db, account).await?;
    let signed_in = format!("agora_staff={session}");
    let (_, html) = app.get_with_cookie("/compte", Some(&signed_in)).await?;
    assert!(
        html.contains(&page),
        "the account leads to his body: {html}"
    );
    let (_, html) = app.get_with_cookie(&page, Some(&signed_in)).await?;
    assert!(unescape(&html).contains("Vous en êtes membre"), "{html}");
    assert!(html.contains("Denise"), "members read the members");
    assert!(
        !html.contains("member_passkey"),
        "no second passkey offered"
    );
    for (endpoint, fields) in [
        ("/api/save_body", body_form(&[])),
        (
            "/api/schedule_meeting",
            vec![("slug", slug), ("body", "1"), ("title", "Volée")],
        ),
    ] {
        let response = app.post_form(endpoint, Some(&signed_in), &fields).await?;
        assert_eq!(response.status().as_u16(), 403, "{endpoint}: no team role");
    }
    Ok(())
}
