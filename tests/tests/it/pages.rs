//! The first screens, rendered by the server from the database.

use agora_server::demo;
use agora_tests::TestApp;

#[tokio::test]
async fn council_index_lists_the_demo_council_in_french() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let (status, html) = app.get("/").await?;
    assert_eq!(status, 200);
    assert!(html.contains(r#"<html lang="fr""#), "{html}");
    assert!(html.contains("Les conseils locaux de santé mentale"));
    let council = demo::council()?;
    assert!(html.contains(&council.name), "council name missing");
    assert!(html.contains(&format!("href=\"/{}\"", council.slug)));
    Ok(())
}

#[tokio::test]
async fn council_home_shows_its_name_colleges_and_findings() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let council = demo::council()?;
    let (status, html) = app.get(&format!("/{}", council.slug)).await?;
    assert_eq!(status, 200);
    assert!(html.contains(r#"lang="fr""#));
    assert!(
        html.contains(&format!("<h1 lang=\"fr\">{}</h1>", council.name)),
        "{html}"
    );
    assert!(
        html.contains("Usagers de la psychiatrie"),
        "default college names are translated"
    );
    for finding in &council.findings {
        assert!(
            html.contains(&escape(&finding.title.plain)),
            "missing {}",
            finding.title.plain
        );
    }
    assert!(html.contains("Lutter contre la stigmatisation"));
    // The crisis numbers are on every page.
    assert!(html.contains(r#"href="tel:3114""#));
    Ok(())
}

#[tokio::test]
async fn finding_page_shows_the_finding_of_that_council_only() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let council = demo::council()?;
    let findings = agora_app::store::findings_of_council(&app.db, &council.slug).await?;
    let first = findings
        .first()
        .ok_or_else(|| anyhow::anyhow!("no finding"))?;
    let (status, html) = app
        .get(&format!("/{}/constats/{}", council.slug, first.id))
        .await?;
    assert_eq!(status, 200);
    assert!(html.contains(&escape(&first.detail.plain)), "{html}");
    assert!(html.contains(&escape(&first.source)));

    let (status, html) = app
        .get(&format!("/{}/constats/999999", council.slug))
        .await?;
    assert_eq!(status, 404);
    assert!(html.contains("Page introuvable"));
    let (status, _) = app.get(&format!("/{}/constats/abc", council.slug)).await?;
    assert_eq!(status, 404);
    Ok(())
}

#[tokio::test]
async fn unknown_or_malformed_slugs_get_a_translated_404() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    for path in ["/clsm-inconnu", "/UPPER_case", "/x", "/rien/du/tout"] {
        let (status, html) = app.get(path).await?;
        assert_eq!(status, 404, "{path}");
        assert!(html.contains("Page introuvable"), "{path}: {html}");
        let (status, html) = app
            .get_with_cookie(path, Some("agora_prefs=lang=en"))
            .await?;
        assert_eq!(status, 404, "{path}");
        assert!(html.contains("Page not found"), "{path}");
    }
    Ok(())
}

#[tokio::test]
async fn about_page_holds_the_accessibility_statement_and_licence() -> anyhow::Result<()> {
    let app = TestApp::empty().await?;
    let (status, html) = app.get("/a-propos").await?;
    assert_eq!(status, 200);
    assert!(html.contains(r#"id="accessibilite""#));
    assert!(html.contains("AGPL"));
    assert!(html.contains("OpenMoji"));
    Ok(())
}

#[tokio::test]
async fn accessibility_statement_is_a_page_linked_from_every_footer() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    // The statement in its official structure, in French and in English.
    let (status, html) = app.get("/accessibilite").await?;
    assert_eq!(status, 200);
    let html = html.replace("&#x27;", "'");
    for section in [
        "Déclaration d'accessibilité",
        "État de conformité",
        "partiellement conforme",
        "Contenus non accessibles",
        "Établissement de cette déclaration d'accessibilité",
        "Retour d'information et contact",
        "Voies de recours",
        "Libre réponse 71120",
    ] {
        assert!(html.contains(section), "{section} missing");
    }
    let (_, html) = app
        .get_with_cookie("/accessibilite", Some("agora_prefs=lang=en"))
        .await?;
    assert!(html.contains("State of conformance") && html.contains("partially conformant"));
    // In easy-read the summary leads and the legal text is one click away.
    let (_, html) = app
        .get_with_cookie("/accessibilite", Some("agora_prefs=lang=fr&easy=1"))
        .await?;
    assert!(html.contains("Agora est-il facile à utiliser ?"), "{html}");
    assert!(html.contains(r#"<details class="statement-full">"#));

    // The footer of every page links to it, with the state of conformance.
    for path in [
        "/",
        "/a-propos",
        "/rejoindre",
        "/clsm-val-de-lisandre",
        "/nulle-part",
    ] {
        let (_, html) = app.get(path).await?;
        assert!(
            html.contains(r#"<a href="/accessibilite">Accessibilité : partiellement conforme</a>"#),
            "{path}: no link to the statement in the footer"
        );
    }
    Ok(())
}

#[tokio::test]
async fn empty_instance_says_so() -> anyhow::Result<()> {
    let app = TestApp::empty().await?;
    let (status, html) = app.get("/").await?;
    assert_eq!(status, 200);
    assert!(
        html.contains("Aucun conseil n&#x27;est encore hébergé ici.")
            || html.contains("Aucun conseil n'est encore hébergé ici."),
        "{html}"
    );
    Ok(())
}

/// The HTML escaping Leptos applies to text.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Many requests at once on every page: each must render (a panic while rendering the page
/// head once closed connections under load, which one-by-one tests did not show).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_render_under_concurrent_load() -> anyhow::Result<()> {
    let app = std::sync::Arc::new(TestApp::with_demo().await?);
    let council = demo::council()?;
    let findings = agora_app::store::findings_of_council(&app.db, &council.slug).await?;
    let finding = findings
        .first()
        .ok_or_else(|| anyhow::anyhow!("no finding"))?;
    let paths = vec![
        "/".to_owned(),
        "/a-propos".to_owned(),
        "/nulle-part".to_owned(),
        format!("/{}", council.slug),
        format!("/{}/constats/{}", council.slug, finding.id),
    ];
    let mut tasks = Vec::new();
    for worker in 0..8 {
        let app = app.clone();
        let paths = paths.clone();
        tasks.push(tokio::spawn(async move {
            let mut statuses = Vec::new();
            for i in 0..60 {
                let path = &paths[(worker + i) % paths.len()];
                let started = std::time::Instant::now();
                let (status, _) = app.get(path).await.map_err(|e| {
                    anyhow::anyhow!("GET {path} (request {i} of worker {worker}): {e}")
                })?;
                if started.elapsed() > std::time::Duration::from_secs(2) {
                    eprintln!("SLOW GET {path}: {:?}", started.elapsed());
                }
                statuses.push((path.clone(), status));
            }
            anyhow::Ok(statuses)
        }));
    }
    for task in tasks {
        for (path, status) in task.await?? {
            let expected = if path == "/nulle-part" { 404 } else { 200 };
            assert_eq!(status, expected, "{path}");
        }
    }
    Ok(())
}

/// Leptos turns resource loading off process-wide while it generates a route list
/// (leptos-rs/leptos#4773): a page whose data was first asked for in that window waited
/// forever. Here routers are built over and over, as when tests or instances start side by
/// side, while pages that load data are requested; every request must be answered.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_are_answered_while_other_routers_are_built() -> anyhow::Result<()> {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};

    let app = TestApp::with_demo().await?;
    let council = demo::council()?;
    let building = Arc::new(AtomicBool::new(true));
    let builder = {
        let building = building.clone();
        let state = app.state.clone();
        std::thread::spawn(move || {
            let mut built = 0u32;
            while building.load(Ordering::Relaxed) {
                drop(agora_server::router(state.clone()));
                built += 1;
            }
            built
        })
    };
    let mut outcome = Ok(());
    for i in 0..150 {
        let path = if i % 2 == 0 {
            format!("/{}", council.slug)
        } else {
            format!("/{}/constats/999999", council.slug)
        };
        // The bug waited forever; the bound is far above a loaded machine's slowest answer.
        let answer = tokio::time::timeout(std::time::Duration::from_secs(30), app.get(&path)).await;
        match answer {
            Ok(Ok((status, _))) if status == 200 || status == 404 => {}
            Ok(Ok((status, _))) => outcome = Err(anyhow::anyhow!("GET {path}: status {status}")),
            Ok(Err(error)) => outcome = Err(anyhow::anyhow!("GET {path} (request {i}): {error}")),
            Err(_) => {
                outcome = Err(anyhow::anyhow!(
                    "GET {path} (request {i}): no answer in 30 s"
                ))
            }
        }
        if outcome.is_err() {
            break;
        }
    }
    building.store(false, Ordering::Relaxed);
    let built = builder
        .join()
        .map_err(|_| anyhow::anyhow!("the router builder panicked"))?;
    assert!(built > 0, "no router was built during the requests");
    outcome
}
