//! Attendance by college, never by person: a participant says they are there once; their
//! college is sealed and counted only with at least the council's minimum; the door count
//! is a facilitator's; an ended assembly's page shows the figure with the small-group rule,
//! and never one before it ends.

use super::live::open_room;
use agora_app::domain::{CouncilSlug, LiveState, Role};
use agora_app::store::entities::{
    attendance_count, attendance_participation, attendance_waiting, audit_event,
};
use agora_server::demo;
use agora_tests::{TestApp, location, unescape};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

/// Participant `n` says they are there, in `college`: where the form led, and that page.
async fn declare(
    app: &TestApp,
    room: i64,
    n: u8,
    college: &str,
) -> anyhow::Result<(String, String)> {
    let cookie = app.participant_cookie(n);
    let room = room.to_string();
    let response = app
        .post_form(
            "/api/declare_presence",
            Some(&cookie),
            &[
                ("slug", demo::slug()),
                ("assembly", &room),
                ("college", college),
            ],
        )
        .await?;
    anyhow::ensure!(response.status().as_u16() == 302, "{}", response.status());
    let (back, html) = app.follow(response, &cookie).await?;
    Ok((back, unescape(&html)))
}

/// (marks, sealed waiting, counted rows by (source, college, count)).
async fn rows(
    app: &TestApp,
    room: i64,
) -> anyhow::Result<(u64, Vec<Vec<u8>>, Vec<(String, String, i64)>)> {
    let marks = attendance_participation::Entity::find()
        .filter(attendance_participation::Column::AssemblyId.eq(room))
        .count(&app.db)
        .await?;
    let waiting = attendance_waiting::Entity::find()
        .filter(attendance_waiting::Column::AssemblyId.eq(room))
        .all(&app.db)
        .await?
        .into_iter()
        .map(|row| row.sealed)
        .collect();
    let mut counted: Vec<(String, String, i64)> = attendance_count::Entity::find()
        .filter(attendance_count::Column::AssemblyId.eq(room))
        .all(&app.db)
        .await?
        .into_iter()
        .map(|row| (row.source, row.college, row.count))
        .collect();
    counted.sort();
    Ok((marks, waiting, counted))
}

#[tokio::test]
async fn declarations_wait_sealed_until_enough_and_the_page_shows_only_what_hides_nobody()
-> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let (room, _) = open_room(&app).await?;
    let council = app.demo_council_id().await?;
    let live = format!("/{slug}/assemblees/{room}/direct");
    let page = format!("/{slug}/assemblees/{room}");

    // The live page offers the form; four declare: sealed, waiting, nothing counted.
    let (_, html) = app
        .get_with_cookie(&live, Some(&app.participant_cookie(1)))
        .await?;
    assert!(unescape(&html).contains("Je suis dans la salle"), "{html}");
    for (n, college) in [
        (1, "habitants"),
        (2, "habitants"),
        (3, "usagers"),
        (4, "habitants"),
    ] {
        let (back, html) = declare(&app, room, n, college).await?;
        assert_eq!(back, format!("{live}#presence"));
        assert!(
            html.contains("vous êtes compté parmi les présents"),
            "{html}"
        );
    }
    let (marks, waiting, counted) = rows(&app, room).await?;
    assert_eq!((marks, waiting.len()), (4, 4));
    assert!(
        counted.is_empty(),
        "nothing counted under the minimum: {counted:?}"
    );
    // Read as an attacker reads the database: no waiting row carries a college in clear,
    // no mark is the participant's key.
    for sealed in &waiting {
        for college in ["habitants", "usagers"] {
            assert!(
                !sealed
                    .windows(college.len())
                    .any(|w| w == college.as_bytes()),
                "a sealed declaration shows its college"
            );
        }
    }
    let voter = agora_app::store::room::voter_key(
        &agora_app::domain::ParticipantId::from_random([1; 16]),
        room,
    );
    let stored_marks: Vec<String> = attendance_participation::Entity::find()
        .all(&app.db)
        .await?
        .into_iter()
        .map(|row| row.voter)
        .collect();
    assert!(
        !stored_marks.contains(&voter),
        "the mark is not the voter key"
    );

    // Twice from one phone: told, nothing more stored. A college the council has not:
    // refused beside the field.
    let (_, html) = declare(&app, room, 1, "usagers").await?;
    assert!(
        html.contains("Vous êtes déjà compté parmi les présents."),
        "{html}"
    );
    let (_, html) = declare(&app, room, 9, "martiens").await?;
    assert!(
        html.contains("Choisissez un collège de la liste."),
        "{html}"
    );
    assert!(html.contains("aria-invalid=\"true\""), "{html}");
    assert_eq!(rows(&app, room).await?.0, 4);
    // The page of someone counted thanks them instead of offering the form again.
    let (_, html) = app
        .get_with_cookie(&live, Some(&app.participant_cookie(2)))
        .await?;
    let html = unescape(&html);
    assert!(html.contains("Merci : vous êtes compté"), "{html}");
    assert!(!html.contains("/api/declare_presence"), "{html}");

    // The fifth makes a group: all five counted together, nothing waits.
    declare(&app, room, 5, "usagers").await?;
    let (marks, waiting, counted) = rows(&app, room).await?;
    assert_eq!((marks, waiting.len()), (5, 0));
    assert_eq!(
        counted,
        [
            ("declared".to_owned(), "habitants".to_owned(), 3),
            ("declared".to_owned(), "usagers".to_owned(), 2)
        ]
    );
    // One more waits; while the assembly runs, its page shows no attendance at all.
    declare(&app, room, 6, "aidants").await?;
    let (_, html) = app.get(&page).await?;
    assert!(
        !unescape(&html).contains("Personnes présentes, par collège"),
        "{html}"
    );

    // Ended: the one waiting is counted; nobody declares any more; with 3 + 2 + 1 and a
    // minimum of 5, only the total is shown.
    agora_app::services::room::change_live_state(&app.db, council, room, LiveState::Closed, None)
        .await?;
    let (_, html) = declare(&app, room, 7, "habitants").await?;
    assert!(html.contains("L'assemblée est finie"), "{html}");
    let (_, html) = app.get(&page).await?;
    let html = unescape(&html);
    assert!(html.contains("Personnes présentes, par collège"), "{html}");
    assert!(html.contains("Seul le total est publié"), "{html}");
    assert!(html.contains("<td>6</td>"), "{html}");
    assert!(
        !html.contains("<td>3</td>") && !html.contains("<td>2</td>"),
        "{html}"
    );
    let (marks, waiting, counted) = rows(&app, room).await?;
    assert_eq!((marks, waiting.len(), counted.len()), (6, 0, 3));
    Ok(())
}

#[tokio::test]
async fn a_facilitator_counts_at_the_door_and_the_small_college_is_never_uncovered()
-> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let here = CouncilSlug::parse(slug)?;
    let (room, facilitator) = open_room(&app).await?;
    let council = app.demo_council_id().await?;
    let room_s = room.to_string();
    let presence = format!("/{slug}/assemblees/{room}/presence");
    let other = app.other_council_coordinator().await?;
    let (_, observer) = app.staff_member(&here, Role::Observer, "Odile Lit").await?;
    let count = |habitants: &'static str| {
        vec![
            ("slug", slug),
            ("assembly", room_s.as_str()),
            ("counts[habitants]", habitants),
            ("counts[usagers]", "8"),
            ("counts[elus]", "3"),
            ("counts[aidants]", ""),
        ]
    };
    // Only the council's facilitators and coordinators count, and read the page.
    for (who, cookie, status) in [
        ("anonymous", None, 401),
        ("observer", Some(observer.as_str()), 403),
        ("coordinator of another council", Some(other.as_str()), 403),
    ] {
        let response = app
            .post_form("/api/save_door_count", cookie, &count("20"))
            .await?;
        assert_eq!(response.status().as_u16(), status, "{who}");
        let (status, _) = app.get_with_cookie(&presence, cookie).await?;
        assert_ne!(status, 200, "{who}");
    }
    // A count that is not a number comes back beside its college; a college the council
    // has not is nothing; both store nothing.
    let response = app
        .post_form("/api/save_door_count", Some(&facilitator), &count("vingt"))
        .await?;
    assert_eq!(location(&response), presence);
    let (_, html) = app.follow(response, &facilitator).await?;
    let html = unescape(&html);
    assert!(
        html.contains("Écrivez un nombre entier de personnes"),
        "{html}"
    );
    assert!(html.contains("value=\"vingt\""), "{html}");
    let mut odd = count("20");
    odd.push(("counts[martiens]", "4"));
    let response = app
        .post_form("/api/save_door_count", Some(&facilitator), &odd)
        .await?;
    assert_eq!(response.status().as_u16(), 404);
    assert!(rows(&app, room).await?.2.is_empty());

    let audited = audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq("attendance-counted"))
        .count(&app.db)
        .await?;
    let response = app
        .post_form("/api/save_door_count", Some(&facilitator), &count("20"))
        .await?;
    let (_, html) = app.follow(response, &facilitator).await?;
    assert!(unescape(&html).contains("Comptage enregistré."), "{html}");
    let (_, _, counted) = rows(&app, room).await?;
    assert_eq!(
        counted,
        [
            ("door".to_owned(), "elus".to_owned(), 3),
            ("door".to_owned(), "habitants".to_owned(), 20),
            ("door".to_owned(), "usagers".to_owned(), 8),
        ]
    );
    let audited_after = audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq("attendance-counted"))
        .count(&app.db)
        .await?;
    assert_eq!(audited_after, audited + 1);

    // Ended: 20 inhabitants shown on their own; the three elected officials merged with the
    // smallest college shown (8), so that the total (31) minus what is shown is 11, not 3.
    agora_app::services::room::change_live_state(&app.db, council, room, LiveState::Closed, None)
        .await?;
    let (_, html) = app.get(&format!("/{slug}/assemblees/{room}")).await?;
    let html = unescape(&html);
    assert!(html.contains("Compté à l'entrée par l'équipe."), "{html}");
    for figure in ["<td>20</td>", "<td>11</td>", "<td>31</td>"] {
        assert!(html.contains(figure), "{figure}: {html}");
    }
    assert!(
        !html.contains("<td>3</td>") && !html.contains("<td>8</td>"),
        "{html}"
    );
    assert!(html.contains("Autres collèges"), "{html}");
    Ok(())
}
