//! Testimonies beyond the written form, through the real server: an audio message posted
//! from the form (heard by moderators only, written down, then deleted), bad recordings
//! refused beside their field with nothing stored, the council's local help beside the
//! crisis numbers, and testimonies in a plenary (linked to an assembly, chosen for the
//! screen from its console).

use agora_app::domain::testimony::AUDIO_MAX_BYTES;
use agora_app::domain::{CouncilSlug, Role};
use agora_app::store::entities::{assembly, testimony, testimony_audio};
use agora_server::demo;
use agora_tests::{TestApp, location};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use agora_tests::unescape;

/// A WebM recording as Chromium makes it, with the name of a phone in its metadata.
fn webm(packets: usize) -> Vec<u8> {
    agora_app::domain::audio::samples::webm(
        PHONE,
        &agora_app::domain::audio::samples::sound(packets),
    )
}

/// What a recorder may write into its file's metadata: never stored.
const PHONE: &str = "Téléphone de Claire Martin";

async fn count_audio(app: &TestApp) -> anyhow::Result<u64> {
    Ok(testimony_audio::Entity::find().count(&app.db).await?)
}

#[tokio::test]
async fn an_audio_message_is_heard_by_moderators_only_then_written_down_and_deleted()
-> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let recording = webm(160);
    let response = app
        .post_multipart(
            "/api/post_testimony",
            None,
            &[("slug", slug), ("college", "aidants"), ("public", "on")],
            Some(("audio", "message.webm", "audio/webm", recording.clone())),
        )
        .await?;
    assert!(location(&response).ends_with("/temoignages/suivi"));
    let (_, html) = app.follow(response, "").await?;
    assert!(
        unescape(&html).contains("Votre message audio est bien reçu"),
        "{html}"
    );
    let stored = testimony::Entity::find()
        .one(&app.db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the testimony"))?;
    assert_eq!(stored.audio_format.as_deref(), Some("webm"));
    assert!(stored.happened.is_empty() && stored.helped.is_empty() && stored.change.is_empty());
    assert_eq!(count_audio(&app).await?, 1);
    let audio = format!("/api/testimony_audio?slug={slug}&id={}", stored.id);

    // Nobody but the council's moderators hears it.
    let here = CouncilSlug::parse(slug)?;
    let (_, observer) = app
        .staff_member(&here, Role::Observer, "Olga Observe")
        .await?;
    for cookie in [None, Some(observer.as_str())] {
        let mut request = app.client.get(app.url(&audio));
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        let response = request.send().await?;
        assert!(
            response.status().is_client_error(),
            "{:?}",
            response.status()
        );
    }
    let (_, facilitator) = app.testimony_reader(&here, "Fanny Facilite").await?;
    let response = app
        .client
        .get(app.url(&audio))
        .header("cookie", &facilitator)
        .send()
        .await?;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok()),
        Some("audio/webm")
    );
    assert_eq!(
        response
            .headers()
            .get("cache-control")
            .and_then(|v| v.to_str().ok()),
        Some("no-store")
    );
    // The recording as recorded, less its metadata: same length, the sound kept, the
    // phone's name gone.
    let heard = response.bytes().await?.to_vec();
    assert_eq!(heard.len(), recording.len());
    assert!(!heard.windows(PHONE.len()).any(|w| w == PHONE.as_bytes()));
    assert_eq!(
        agora_app::domain::audio::clean(&recording).map(|(_, bytes)| bytes),
        Ok(heard)
    );
    let (_, html) = app
        .get_with_cookie(&format!("/{slug}/temoignages"), Some(&facilitator))
        .await?;
    assert!(
        html.contains(&format!(
            "<audio controls preload=\"none\" src=\"{}\"",
            audio.replace('&', "&amp;")
        )),
        "the player in the queue: {html}"
    );

    // Not published without its transcript; written down, published, and the voice deleted.
    let moderate = |happened: &'static str| {
        let (app, facilitator, id) = (&app, facilitator.clone(), stored.id.to_string());
        async move {
            let response = app
                .post_form(
                    "/api/moderate_testimony",
                    Some(&facilitator),
                    &[
                        ("slug", slug),
                        ("id", &id),
                        ("decision", "approve"),
                        ("happened", happened),
                    ],
                )
                .await?;
            let (_, html) = app.follow(response, &facilitator).await?;
            anyhow::Ok(unescape(&html))
        }
    };
    let html = moderate("  ").await?;
    assert!(
        html.contains("Écrivez d'abord ce que dit le message audio"),
        "{html}"
    );
    assert_eq!(count_audio(&app).await?, 1, "nothing changed");
    let html = moderate("Mon fils a attendu huit mois un rendez-vous au CMP.").await?;
    assert!(html.contains("La décision est enregistrée."), "{html}");
    assert_eq!(count_audio(&app).await?, 0, "the recording is deleted");
    let stored = testimony::Entity::find_by_id(stored.id)
        .one(&app.db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the testimony"))?;
    assert_eq!(stored.audio_format, None);
    let response = app
        .client
        .get(app.url(&audio))
        .header("cookie", &facilitator)
        .send()
        .await?;
    assert_eq!(response.status(), 404);
    let (_, html) = app.get(&format!("/{slug}/temoignages")).await?;
    assert!(html.contains("huit mois") && !html.contains("<audio"));

    // Another one, withdrawn by its author before any review: its recording goes with it.
    let response = app
        .post_multipart(
            "/api/post_testimony",
            None,
            &[("slug", slug)],
            Some((
                "audio",
                "voix.ogg",
                "audio/ogg",
                agora_app::domain::audio::samples::ogg_opus(
                    PHONE,
                    &agora_app::domain::audio::samples::sound(20),
                ),
            )),
        )
        .await?;
    let author = agora_tests::cookie_set(&response, "agora_testimony")
        .ok_or_else(|| anyhow::anyhow!("the private link's cookie"))?;
    assert_eq!(count_audio(&app).await?, 1);
    let response = app
        .post_form(
            "/api/testimony_author",
            Some(&author),
            &[("slug", slug), ("action", "withdraw")],
        )
        .await?;
    assert!(location(&response).ends_with("/temoignages"));
    assert_eq!(count_audio(&app).await?, 0);
    assert_eq!(testimony::Entity::find().count(&app.db).await?, 1);
    Ok(())
}

#[tokio::test]
async fn a_recording_of_the_wrong_kind_or_weight_is_refused_and_nothing_is_stored()
-> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let fields = [
        ("slug", slug),
        ("happened", "Ce que j'ai vécu."),
        ("pseudonym", "Lou"),
    ];
    let mut too_heavy = webm(10);
    too_heavy.resize(AUDIO_MAX_BYTES + 1, 7);
    let mut wav = b"RIFF\x24\0\0\0WAVEfmt ".to_vec();
    wav.extend([0; 400]);
    let recording = webm(10);
    for (file, message) in [
        (
            ("audio", "son.wav", "audio/wav", wav),
            "n'est pas un son que nous savons lire",
        ),
        (
            (
                "audio",
                "coupe.webm",
                "audio/webm",
                recording[..recording.len() / 2].to_vec(),
            ),
            "n'est pas un son que nous savons lire",
        ),
        (
            (
                "audio",
                "notes.txt",
                "audio/webm",
                b"Bonjour, ceci est un texte".to_vec(),
            ),
            "n'est pas un son que nous savons lire",
        ),
        (
            ("audio", "long.ogg", "audio/ogg", too_heavy),
            "Ce message audio est trop lourd",
        ),
    ] {
        let response = app
            .post_multipart("/api/post_testimony", None, &fields, Some(file))
            .await?;
        let (back, html) = app.follow(response, "").await?;
        assert!(back.ends_with("/temoignages/nouveau"));
        let html = unescape(&html);
        assert!(html.contains(message), "{html}");
        assert!(
            html.contains("aria-invalid=\"true\"") && html.contains("id=\"testimony-audio-error\""),
            "beside its field: {html}"
        );
        assert!(html.contains("Ce que j'ai vécu.") && html.contains("value=\"Lou\""));
        assert_eq!(testimony::Entity::find().count(&app.db).await?, 0);
        assert_eq!(count_audio(&app).await?, 0);
    }
    // Far beyond the limit: refused before it is read at all.
    let mut enormous = b"OggS".to_vec();
    enormous.resize(2 * AUDIO_MAX_BYTES + 1, 7);
    let response = app
        .post_multipart(
            "/api/post_testimony",
            None,
            &fields,
            Some(("audio", "enorme.ogg", "audio/ogg", enormous)),
        )
        .await?;
    assert_eq!(response.status(), 413);
    assert_eq!(testimony::Entity::find().count(&app.db).await?, 0);
    // Other forms keep their small limit.
    let response = app
        .post_form(
            "/api/testimony_author",
            None,
            &[("slug", slug), ("happened", &"x".repeat(100_000))],
        )
        .await?;
    assert_eq!(response.status(), 413);
    Ok(())
}

#[tokio::test]
async fn the_councils_local_help_is_shown_beside_the_crisis_numbers() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let here = CouncilSlug::parse(slug)?;
    let form = format!("/{slug}/temoignages/nouveau");
    let (_, html) = app.get(&form).await?;
    assert!(!html.contains("Près de chez vous"), "none set yet");

    let (_, coordinator) = app
        .staff_member(&here, Role::Coordinator, "Claire Coordonne")
        .await?;
    let save = |text: String| {
        let (app, coordinator) = (&app, coordinator.clone());
        async move {
            let response = app
                .post_form(
                    "/api/save_local_help",
                    Some(&coordinator),
                    &[("slug", slug), ("local_help", &text)],
                )
                .await?;
            let (_, html) = app.follow(response, &coordinator).await?;
            anyhow::Ok(unescape(&html))
        }
    };
    let lines = "CMP de Saint-Amand : 03 21 00 00 00, du lundi au vendredi\n\nGEM L'Envol, 12 rue des Tilleuls";
    let html = save(lines.to_owned()).await?;
    assert!(html.contains("GEM L'Envol"), "{html}");
    // Nine lines: refused beside the field, given back, nothing changed.
    let nine = (1..=9)
        .map(|n| format!("Ressource {n}"))
        .collect::<Vec<_>>()
        .join("\n");
    let html = save(nine).await?;
    assert!(html.contains("Il y a trop de lignes"), "{html}");
    assert!(html.contains("Ressource 9"));
    let (_, html) = app.get(&form).await?;
    let html = unescape(&html);
    assert!(html.contains("Près de chez vous"), "{html}");
    assert!(html.contains("<li>CMP de Saint-Amand : 03 21 00 00 00, du lundi au vendredi</li>"));
    assert!(html.contains("<li>GEM L'Envol, 12 rue des Tilleuls</li>"));
    assert!(!html.contains("Ressource 9"));
    // A facilitator may not change it.
    let (_, facilitator) = app.testimony_reader(&here, "Fanny Facilite").await?;
    let response = app
        .post_form(
            "/api/save_local_help",
            Some(&facilitator),
            &[("slug", slug), ("local_help", "Autre chose")],
        )
        .await?;
    assert!(response.status().is_client_error());
    let (_, html) = app.get(&form).await?;
    assert!(!html.contains("Autre chose"));
    Ok(())
}

#[tokio::test]
async fn a_testimony_about_an_assembly_is_chosen_for_the_screen_from_its_console()
-> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let here = CouncilSlug::parse(slug)?;
    let council = app.demo_council_id().await?;
    let plenary = assembly::Entity::find()
        .filter(assembly::Column::CouncilId.eq(council))
        .filter(assembly::Column::PublishedAt.is_not_null())
        .one(&app.db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the demo assembly"))?
        .id;

    // The live page leads to the form with the assembly chosen.
    let (_, html) = app
        .get(&format!("/{slug}/assemblees/{plenary}/direct"))
        .await?;
    let testify = format!("/{slug}/temoignages/nouveau?assemblee={plenary}");
    assert!(html.contains(&testify), "{html}");
    let (_, html) = app.get(&testify).await?;
    assert!(
        html.contains(&format!("<option value=\"{plenary}\" selected")),
        "{html}"
    );

    // An assembly that is not (yet) public is refused, nothing stored.
    let response = app
        .post_multipart(
            "/api/post_testimony",
            None,
            &[
                ("slug", slug),
                ("happened", "Brouillon."),
                ("assembly", "999999"),
            ],
            None,
        )
        .await?;
    let (_, html) = app.follow(response, "").await?;
    assert!(
        unescape(&html).contains("n'existe pas dans ce conseil"),
        "{html}"
    );
    assert_eq!(testimony::Entity::find().count(&app.db).await?, 0);

    let posted = |text: &'static str, assembly: String| {
        let app = &app;
        async move {
            let response = app
                .post_multipart(
                    "/api/post_testimony",
                    None,
                    &[
                        ("slug", slug),
                        ("happened", text),
                        ("assembly", &assembly),
                        ("projector", "on"),
                    ],
                    None,
                )
                .await?;
            assert!(location(&response).ends_with("/temoignages/suivi"));
            anyhow::Ok(())
        }
    };
    posted("Un témoignage d'un autre jour.", String::new()).await?;
    posted("Sur l'assemblée plénière.", plenary.to_string()).await?;
    // In the order they were posted (the ids are random).
    let mut ids: Vec<(i64, Option<i64>)> = testimony::Entity::find()
        .all(&app.db)
        .await?
        .into_iter()
        .map(|t| (t.id, t.assembly_id))
        .collect();
    ids.sort_by_key(|(_, assembly)| assembly.is_some());
    assert_eq!(ids[1].1, Some(plenary));
    let (_, facilitator) = app.testimony_reader(&here, "Fanny Facilite").await?;
    for (id, _) in &ids {
        let text = if *id == ids[0].0 {
            "Un témoignage d'un autre jour."
        } else {
            "Sur l'assemblée plénière."
        };
        let response = app
            .post_form(
                "/api/moderate_testimony",
                Some(&facilitator),
                &[
                    ("slug", slug),
                    ("id", &id.to_string()),
                    ("decision", "approve"),
                    ("happened", text),
                ],
            )
            .await?;
        assert!(response.status().is_redirection());
    }

    // The console lists them, this assembly's first; showing one leads back to the console.
    let console = format!("/{slug}/assemblees/{plenary}/animation");
    let (status, html) = app.get_with_cookie(&console, Some(&facilitator)).await?;
    assert_eq!(status, 200);
    let html = unescape(&html);
    let here_first = html.find("Sur l'assemblée plénière.").unwrap_or(usize::MAX);
    let other = html.find("Un témoignage d'un autre jour.").unwrap_or(0);
    assert!(here_first < other, "this assembly's first: {html}");
    assert!(html.contains("sur cette assemblée"));
    let response = app
        .post_form(
            "/api/show_testimony",
            Some(&facilitator),
            &[
                ("slug", slug),
                ("id", &ids[1].0.to_string()),
                ("from", &plenary.to_string()),
            ],
        )
        .await?;
    assert_eq!(location(&response), format!("{console}#ecran-title"));
    let (_, html) = app.follow(response, &facilitator).await?;
    assert!(unescape(&html).contains("L'écran est mis à jour."));
    let (_, html) = app.get(&format!("/{slug}/temoignages/ecran")).await?;
    assert!(unescape(&html).contains("Sur l'assemblée plénière."));
    Ok(())
}
