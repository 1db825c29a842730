//! Testimonies in the store, on the real database: nothing shown before a moderator
//! approves; each surface (wall, projector, report) shows only what its author allowed, and
//! a change of consent applies at once; approval with redaction leaves no copy of the
//! original anywhere in the database; withdrawal through the private link deletes it from
//! every surface; bad input stores nothing.

use agora_app::domain::testimony::{Consent, Review, Story, Surface, redact};
use agora_app::store::entities::{finding, testimony};
use agora_app::store::testimonies::{
    self, Caps, Decision, NewTestimony, TestimonyError, TestimonyRefusal,
};
use agora_tests::TestApp;
use sea_orm::{ConnectionTrait, EntityTrait, PaginatorTrait, Statement};

const ORIGINAL: &str =
    "Au CMP de Saint-Amand, le Dr Lefèvre m'a écouté. Appelez-moi au 06 12 34 56 78.";

async fn council_id(app: &TestApp) -> anyhow::Result<i64> {
    app.demo_council_id().await
}

fn new(council_id: i64, consent: Consent) -> NewTestimony {
    NewTestimony {
        audio: None,
        council_id,
        finding_id: None,
        assembly_id: None,
        story: Story {
            happened: ORIGINAL.into(),
            helped: "Le groupe d'entraide.".into(),
            change: "Des rendez-vous plus tôt.".into(),
        },
        pseudonym: "Lou".into(),
        college: agora_app::domain::CollegeKey::parse("usagers"),
        consent,
    }
}

fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

async fn ids_on(app: &TestApp, council: i64, surface: Surface) -> anyhow::Result<Vec<i64>> {
    Ok(testimonies::shown_on(&app.db, council, surface)
        .await?
        .into_iter()
        .map(|t| t.id)
        .collect())
}

/// Every text column of every row of the database's tables, as one string, to look for a
/// text that must be gone.
async fn everything_stored(app: &TestApp) -> anyhow::Result<String> {
    let backend = app.db.get_database_backend();
    let rows = app
        .db
        .query_all_raw(Statement::from_string(
            backend,
            "SELECT happened, helped, change, coalesce(moderator_note, ''), coalesce(easy_summary, '') FROM testimony
             UNION ALL SELECT action, detail, '', '', '' FROM audit_event",
        ))
        .await?;
    let mut all = String::new();
    for row in rows {
        for i in 0..5 {
            let text: String = row.try_get_by_index(i)?;
            all.push_str(&text);
            all.push('\n');
        }
    }
    Ok(all)
}

#[tokio::test]
async fn nothing_is_shown_before_approval_and_each_surface_follows_its_consent()
-> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let council = council_id(&app).await?;
    let wall_only = Consent {
        public: true,
        ..Consent::default()
    };
    let projector_and_report = Consent {
        projector: true,
        report: true,
        ..Consent::default()
    };
    let (a, token_a) =
        testimonies::post(&app.db, new(council, wall_only), today(), Caps::default()).await?;
    let (b, _) = testimonies::post(
        &app.db,
        new(council, projector_and_report),
        today(),
        Caps::default(),
    )
    .await?;
    let (c, _) = testimonies::post(
        &app.db,
        new(council, Consent::default()),
        today(),
        Caps::default(),
    )
    .await?;
    for surface in [Surface::Wall, Surface::Projector, Surface::Report] {
        assert!(
            ids_on(&app, council, surface).await?.is_empty(),
            "nothing before approval"
        );
    }
    // All three, in no order within their month (the ids are random).
    let mut queue: Vec<i64> = testimonies::queue(&app.db, council, 0)
        .await?
        .0
        .iter()
        .map(|t| t.id)
        .collect();
    queue.sort_unstable();
    let mut posted = [a, b, c];
    posted.sort_unstable();
    assert_eq!(queue, posted);

    for id in [a, b, c] {
        let approve = Decision::Approve {
            story: Story {
                happened: "Le groupe m'a aidé.".into(),
                ..Story::default()
            },
            content_warning: String::new(),
            easy_summary: String::new(),
        };
        testimonies::moderate(&app.db, council, id, approve, None).await?;
    }
    assert!(testimonies::queue(&app.db, council, 0).await?.0.is_empty());
    assert_eq!(ids_on(&app, council, Surface::Wall).await?, [a]);
    assert_eq!(ids_on(&app, council, Surface::Projector).await?, [b]);
    assert_eq!(ids_on(&app, council, Surface::Report).await?, [b]);

    // The author takes the wall back and gives the report: at once.
    testimonies::set_consent(
        &app.db,
        &token_a,
        Consent {
            report: true,
            ..Consent::default()
        },
    )
    .await?;
    assert!(ids_on(&app, council, Surface::Wall).await?.is_empty());
    let mut report = ids_on(&app, council, Surface::Report).await?;
    report.sort_unstable();
    let mut both = vec![a, b];
    both.sort_unstable();
    assert_eq!(report, both);
    Ok(())
}

#[tokio::test]
async fn approval_with_redaction_leaves_no_copy_of_the_original() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let council = council_id(&app).await?;
    let (id, token) = testimonies::post(
        &app.db,
        new(
            council,
            Consent {
                public: true,
                ..Consent::default()
            },
        ),
        today(),
        Caps::default(),
    )
    .await?;
    assert!(
        everything_stored(&app).await?.contains("Lefèvre"),
        "kept until approval"
    );
    let redacted = redact(ORIGINAL, &["Lefèvre", "Saint-Amand"]);
    assert_eq!(
        redacted,
        "Au CMP de […], le Dr […] m'a écouté. Appelez-moi au […]."
    );
    testimonies::moderate(
        &app.db,
        council,
        id,
        Decision::Approve {
            story: Story {
                happened: redacted.clone(),
                helped: "Le groupe d'entraide.".into(),
                change: "Des rendez-vous plus tôt.".into(),
            },
            content_warning: "Parle d'hospitalisation".into(),
            easy_summary: "Lou a été écouté au CMP.".into(),
        },
        None,
    )
    .await?;
    let stored = everything_stored(&app).await?;
    for original in ["Lefèvre", "Saint-Amand", "06 12 34 56 78"] {
        assert!(!stored.contains(original), "{original} still stored");
    }
    let (_, seen) = testimonies::by_token(&app.db, &token).await?;
    assert_eq!(seen.review, Review::Approved);
    assert_eq!(seen.story.happened, redacted);
    assert_eq!(
        seen.content_warning.as_deref(),
        Some("Parle d'hospitalisation")
    );
    let wall = testimonies::shown_on(&app.db, council, Surface::Wall).await?;
    assert_eq!(wall.len(), 1);
    assert_eq!(wall[0].story.happened, redacted);
    assert_eq!(
        wall[0].posted.1,
        today().format("%m").to_string().parse::<u32>()?
    );
    Ok(())
}

#[tokio::test]
async fn withdrawal_deletes_the_testimony_from_every_surface() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let council = council_id(&app).await?;
    let everywhere = Consent {
        public: true,
        projector: true,
        report: true,
    };
    let (id, token) =
        testimonies::post(&app.db, new(council, everywhere), today(), Caps::default()).await?;
    let (other, _) =
        testimonies::post(&app.db, new(council, everywhere), today(), Caps::default()).await?;
    for testimony in [id, other] {
        let approve = Decision::Approve {
            story: Story {
                happened: "Publié.".into(),
                ..Story::default()
            },
            content_warning: String::new(),
            easy_summary: String::new(),
        };
        testimonies::moderate(&app.db, council, testimony, approve, None).await?;
    }
    testimonies::withdraw(&app.db, &token).await?;
    for surface in [Surface::Wall, Surface::Projector, Surface::Report] {
        assert_eq!(ids_on(&app, council, surface).await?, [other]);
    }
    assert!(
        testimony::Entity::find_by_id(id)
            .one(&app.db)
            .await?
            .is_none()
    );
    // The link is spent: nothing to see, nothing to withdraw twice.
    assert!(matches!(
        testimonies::by_token(&app.db, &token).await,
        Err(TestimonyError::NotFound)
    ));
    assert!(matches!(
        testimonies::withdraw(&app.db, &token).await,
        Err(TestimonyError::NotFound)
    ));
    Ok(())
}

#[tokio::test]
async fn the_author_edits_only_when_asked_and_bad_input_stores_nothing() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let council = council_id(&app).await?;
    let (id, token) = testimonies::post(
        &app.db,
        new(council, Consent::default()),
        today(),
        Caps::default(),
    )
    .await?;
    let story = Story {
        happened: "Mieux dit.".into(),
        ..Story::default()
    };
    assert!(matches!(
        testimonies::edit_by_author(&app.db, &token, &story).await,
        Err(TestimonyError::Refused(_, TestimonyRefusal::NotEditable))
    ));
    // Asking for changes needs a note for the author.
    assert!(matches!(
        testimonies::moderate(
            &app.db,
            council,
            id,
            Decision::AskChanges { note: " ".into() },
            None
        )
        .await,
        Err(TestimonyError::Refused(
            "note",
            TestimonyRefusal::NoteNeeded
        ))
    ));
    testimonies::moderate(
        &app.db,
        council,
        id,
        Decision::AskChanges {
            note: "Pouvez-vous retirer le nom du médecin ?".into(),
        },
        None,
    )
    .await?;
    let (_, seen) = testimonies::by_token(&app.db, &token).await?;
    assert_eq!(seen.review, Review::ChangesAsked);
    assert_eq!(
        seen.moderator_note.as_deref(),
        Some("Pouvez-vous retirer le nom du médecin ?")
    );
    testimonies::edit_by_author(&app.db, &token, &story).await?;
    let (_, seen) = testimonies::by_token(&app.db, &token).await?;
    assert_eq!(
        (seen.review, seen.story.happened.as_str()),
        (Review::Pending, "Mieux dit.")
    );
    assert_eq!(seen.moderator_note, None);

    // Refused whole: empty, too long, a finding of no council; nothing more stored.
    let before = testimony::Entity::find().count(&app.db).await?;
    let mut empty = new(council, Consent::default());
    empty.story = Story::default();
    assert!(matches!(
        testimonies::post(&app.db, empty, today(), Caps::default()).await,
        Err(TestimonyError::Refused(
            "happened",
            TestimonyRefusal::Rule("error-testimony-empty")
        ))
    ));
    let mut long = new(council, Consent::default());
    long.story.change = "x".repeat(agora_app::domain::testimony::PART_MAX + 1);
    assert!(matches!(
        testimonies::post(&app.db, long, today(), Caps::default()).await,
        Err(TestimonyError::Refused(
            "change",
            TestimonyRefusal::Rule("error-testimony-too-long")
        ))
    ));
    let mut elsewhere = new(council, Consent::default());
    let last_finding = finding::Entity::find()
        .all(&app.db)
        .await?
        .iter()
        .map(|f| f.id)
        .max()
        .unwrap_or(0);
    elsewhere.finding_id = Some(last_finding + 1000);
    assert!(matches!(
        testimonies::post(&app.db, elsewhere, today(), Caps::default()).await,
        Err(TestimonyError::Refused(
            "finding",
            TestimonyRefusal::UnknownLink
        ))
    ));
    assert_eq!(testimony::Entity::find().count(&app.db).await?, before);
    Ok(())
}

/// Tried as a script that gets past the per-participant brake (a fresh, valid participant
/// for every post): the council's queue stops at `AGORA_TESTIMONIES_WAITING` and its kept
/// recordings at `AGORA_TESTIMONY_AUDIO_MIB`, with a translated refusal and nothing stored;
/// the moderators read the queue a page at a time.
#[tokio::test]
async fn a_flood_of_testimonies_stops_at_the_councils_caps_and_the_queue_is_paged()
-> anyhow::Result<()> {
    use agora_app::domain::audio::samples;
    use agora_app::domain::testimony::QUEUE_PAGE;
    use agora_app::store::entities::testimony_audio;
    let app = TestApp::empty_with(&[
        ("AGORA_TESTIMONIES_WAITING", "45"),
        ("AGORA_TESTIMONY_AUDIO_MIB", "1"),
    ])
    .await?;
    agora_server::demo::seed(&app.db, app.seal_key()).await?;
    let slug = agora_server::demo::slug();
    let council = council_id(&app).await?;
    let waiting = || async {
        let (_, total) = testimonies::queue(&app.db, council, 0).await?;
        anyhow::Ok(total)
    };
    let mut participant = 0u8;
    let mut post = |happened: String, recording: Option<Vec<u8>>| {
        participant += 1;
        let cookie = app.participant_cookie(participant);
        let app = &app;
        async move {
            let response = app
                .post_multipart(
                    "/api/post_testimony",
                    Some(&cookie),
                    &[("slug", slug), ("happened", &happened), ("public", "on")],
                    recording.map(|bytes| ("audio", "message.webm", "audio/webm", bytes)),
                )
                .await?;
            let (back, html) = app.follow(response, &cookie).await?;
            anyhow::Ok((back, html.replace("&#x27;", "'")))
        }
    };

    // Recordings: about 360 kB each; the third would take the council past 1 MiB.
    let sound = samples::sound(3000);
    for n in 0..2 {
        let (back, _) = post(
            format!("Message vocal {n}"),
            Some(samples::webm("x", &sound)),
        )
        .await?;
        assert!(back.ends_with("/temoignages/suivi"), "{back}");
    }
    let recordings = testimony_audio::Entity::find().count(&app.db).await?;
    let (back, html) = post("Un de trop".into(), Some(samples::webm("x", &sound))).await?;
    assert!(back.ends_with("/temoignages/nouveau"), "{back}");
    assert!(html.contains("beaucoup de messages vocaux"), "{html}");
    assert_eq!(
        testimony_audio::Entity::find().count(&app.db).await?,
        recordings
    );
    assert!(
        !testimony::Entity::find()
            .all(&app.db)
            .await?
            .iter()
            .any(|t| t.happened == "Un de trop"),
        "nothing half-stored"
    );

    // Texts: up to the cap, then refused.
    let before = waiting().await?;
    assert!(before < 45, "the demo holds {before}");
    for n in before..45 {
        let (back, _) = post(format!("Témoignage n° {n}"), None).await?;
        assert!(back.ends_with("/temoignages/suivi"), "{back}");
    }
    assert_eq!(waiting().await?, 45);
    let (back, html) = post("Le quarante-sixième".into(), None).await?;
    assert!(back.ends_with("/temoignages/nouveau"), "{back}");
    assert!(html.contains("Beaucoup de témoignages attendent"), "{html}");
    assert_eq!(waiting().await?, 45, "nothing stored");

    // The moderators' page holds one page of the queue, and links to the next.
    let here = agora_app::domain::CouncilSlug::parse(slug)?;
    let (_, coordinator) = app
        .staff_member(&here, agora_app::domain::Role::Coordinator, "Anne Martin")
        .await?;
    let (status, html) = app
        .get_with_cookie(&format!("/{slug}/temoignages"), Some(&coordinator))
        .await?;
    assert_eq!(status, 200);
    assert!(html.contains("name=\"decision\""), "the queue is shown");
    let forms = html.matches("/api/moderate_testimony").count() as u64;
    assert_eq!(forms, QUEUE_PAGE, "one page of {QUEUE_PAGE}");
    assert!(html.contains("45 témoignages attendent"), "{html}");
    assert!(html.contains("?page=2"), "a link to the next page");
    let (_, last) = app
        .get_with_cookie(&format!("/{slug}/temoignages?page=3"), Some(&coordinator))
        .await?;
    assert_eq!(
        last.matches("/api/moderate_testimony").count() as u64,
        45 - 2 * QUEUE_PAGE
    );
    assert!(last.contains("Page 3 sur 3"), "{last}");
    Ok(())
}

/// A testimony the team will not publish keeps nothing of what its author told: read from
/// the raw tables after the refusal, the text and the pseudonym are gone; the author still
/// reads the team's word through their private link, and may delete the rest.
#[tokio::test]
async fn a_refused_testimony_keeps_nothing_of_what_was_told() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let council = council_id(&app).await?;
    let mut told = new(council, Consent::default());
    told.pseudonym = "Lou Secret".into();
    let (id, token) = testimonies::post(&app.db, told, today(), Caps::default()).await?;
    assert!(
        everything_stored(&app).await?.contains("Lefèvre"),
        "the attack finds it before"
    );
    let reject = Decision::Reject {
        note: "Il nomme un soignant : nous ne pouvons pas le publier.".into(),
    };
    testimonies::moderate(&app.db, council, id, reject, None).await?;
    let stored = everything_stored(&app).await?;
    for original in ["Lefèvre", "Saint-Amand", "06 12 34 56 78", "entraide"] {
        assert!(!stored.contains(original), "{original} still stored");
    }
    let row = testimony::Entity::find_by_id(id)
        .one(&app.db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the refused testimony"))?;
    assert_eq!(row.pseudonym, None);
    let (_, seen) = testimonies::by_token(&app.db, &token).await?;
    assert_eq!(seen.review, Review::Rejected);
    assert_eq!(
        seen.moderator_note.as_deref(),
        Some("Il nomme un soignant : nous ne pouvons pas le publier.")
    );
    Ok(())
}
