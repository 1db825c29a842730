//! Security headers: every page, every other response.

use agora_server::demo;
use agora_tests::TestApp;

/// The value of `name=` in every `<script … nonce="…">` of the page.
fn script_nonces(html: &str) -> Vec<String> {
    html.split("<script")
        .skip(1)
        .filter_map(|tag| {
            let tag = tag.split('>').next()?;
            let start = tag.find("nonce=\"")? + "nonce=\"".len();
            let end = tag[start..].find('"')? + start;
            Some(tag[start..end].to_owned())
        })
        .collect()
}

#[tokio::test]
async fn every_page_has_a_policy_whose_nonce_is_the_one_on_its_scripts() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let council = demo::council()?;
    let findings = agora_app::store::findings_of_council(&app.db, &council.slug).await?;
    let finding = findings
        .first()
        .ok_or_else(|| anyhow::anyhow!("no finding"))?;
    let mut nonces = Vec::new();
    for path in [
        "/".to_owned(),
        "/a-propos".to_owned(),
        format!("/{}", council.slug),
        format!("/{}/constats/{}", council.slug, finding.id),
        format!("/{}/constats/999999", council.slug),
        "/nulle-part".to_owned(),
    ] {
        let response = app.client.get(app.url(&path)).send().await?;
        let headers = response.headers().clone();
        let html = response.text().await?;
        let header = |name: &str| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_owned()
        };
        let policy = header("content-security-policy");
        assert!(policy.contains("default-src 'self'"), "{path}: {policy}");
        assert!(
            policy.contains("frame-ancestors 'none'"),
            "{path}: {policy}"
        );
        assert!(policy.contains("'wasm-unsafe-eval'"), "{path}: {policy}");
        assert!(!policy.contains("'unsafe-inline'"), "{path}: {policy}");
        assert!(!policy.contains("'unsafe-eval'"), "{path}: {policy}");
        let scripts = script_nonces(&html);
        assert!(!scripts.is_empty(), "{path}: no script carries a nonce");
        for nonce in &scripts {
            assert!(
                policy.contains(&format!("'nonce-{nonce}'")),
                "{path}: script nonce {nonce} not in {policy}"
            );
        }
        assert_eq!(header("x-content-type-options"), "nosniff", "{path}");
        assert_eq!(header("referrer-policy"), "same-origin", "{path}");
        assert_eq!(header("x-frame-options"), "DENY", "{path}");
        nonces.push(scripts[0].clone());
    }
    nonces.sort();
    nonces.dedup();
    assert_eq!(nonces.len(), 6, "each response draws its own nonce");
    Ok(())
}

#[tokio::test]
async fn responses_that_are_not_pages_let_nothing_run() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let response = app
        .client
        .post(app.url("/api/save_preferences"))
        .header("accept", "application/json")
        .form(&[("lang", "en")])
        .send()
        .await?;
    assert_eq!(response.status().as_u16(), 200);
    let headers = response.headers();
    assert_eq!(
        headers
            .get("content-security-policy")
            .and_then(|v| v.to_str().ok()),
        Some(agora_server::security::RESOURCE_POLICY)
    );
    assert_eq!(
        headers
            .get("x-content-type-options")
            .and_then(|v| v.to_str().ok()),
        Some("nosniff")
    );
    Ok(())
}

/// Pages and files requested at the same time keep their own headers. A file used to be
/// served inside whatever reactive owner its worker thread last ran, and took (moved) that
/// page's response headers: the page lost its policy — shown unstyled, its script blocked —
/// and a file carried another request's headers, `Set-Cookie` included.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_pages_and_files_never_exchange_headers() -> anyhow::Result<()> {
    let site = tempfile::tempdir()?;
    std::fs::create_dir_all(site.path().join("pkg"))?;
    std::fs::write(site.path().join("pkg/agora.css"), "body { color: black; }")?;
    let root = site.path().display().to_string();
    let app = TestApp::empty_with(&[("AGORA_SITE_ROOT", root.as_str())]).await?;
    demo::seed(&app.db, app.seal_key()).await?;
    let app = std::sync::Arc::new(app);
    let slug = demo::slug();
    let mut tasks = Vec::new();
    for worker in 0..16 {
        let app = app.clone();
        tasks.push(tokio::spawn(async move {
            let mut faults = Vec::new();
            for i in 0..40 {
                let path = if (worker + i) % 2 == 0 {
                    "/pkg/agora.css".to_owned()
                } else {
                    format!("/{slug}")
                };
                let response = app.client.get(app.url(&path)).send().await?;
                let status = response.status().as_u16();
                let policy = agora_tests::header(&response, "content-security-policy");
                let cookies = response.headers().get_all("set-cookie").iter().count();
                let body = response.text().await?;
                let ok = if path.ends_with(".css") {
                    status == 200
                        && body.starts_with("body")
                        && policy == agora_server::security::RESOURCE_POLICY
                        && cookies == 0
                } else {
                    let nonces = script_nonces(&body);
                    status == 200
                        && !nonces.is_empty()
                        && nonces
                            .iter()
                            .all(|nonce| policy.contains(&format!("'nonce-{nonce}'")))
                };
                if !ok {
                    faults.push(format!("{path}: {status} {policy}"));
                }
            }
            anyhow::Ok(faults)
        }));
    }
    let mut faults = Vec::new();
    for task in tasks {
        faults.extend(task.await??);
    }
    assert!(
        faults.is_empty(),
        "{} of 640: {:?}",
        faults.len(),
        &faults[..faults.len().min(5)]
    );
    Ok(())
}

/// GETs `path` accepting `accepted` encodings (a success expected): the encoding it came
/// in, and its bytes as sent.
async fn fetched(
    app: &TestApp,
    path: &str,
    accepted: &str,
) -> anyhow::Result<(Option<String>, Vec<u8>)> {
    let response = app
        .client
        .get(app.url(path))
        .header("accept-encoding", accepted)
        .send()
        .await?;
    assert_eq!(response.status().as_u16(), 200, "{path}");
    let encoding = response
        .headers()
        .get("content-encoding")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    Ok((encoding, response.bytes().await?.to_vec()))
}

/// Pages travel compressed when the browser accepts it: the first-load budget of a phone on
/// a slow network is counted in compressed bytes.
#[tokio::test]
async fn pages_are_sent_compressed_to_browsers_that_accept_it() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    for (accepted, expected) in [
        ("br, gzip", Some("br")),
        ("gzip", Some("gzip")),
        ("identity", None),
    ] {
        let (encoding, _) = fetched(&app, &format!("/{}", demo::slug()), accepted).await?;
        assert_eq!(encoding.as_deref(), expected, "accept-encoding: {accepted}");
    }
    Ok(())
}

/// Pages, compressed as they are rendered, go out at brotli quality 5 rather than
/// tower-http's default 4: on a phone's first visit they count against the 200-KiB budget,
/// and the assembly page had come to its last bytes (docs/PERFORMANCE.md).
#[tokio::test]
async fn pages_are_compressed_better_than_at_the_fastest_quality() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    for path in [format!("/{}", demo::slug()), "/a-propos".to_owned()] {
        let (encoding, sent) = fetched(&app, &path, "br").await?;
        assert_eq!(encoding.as_deref(), Some("br"), "{path}");
        let mut html = Vec::new();
        brotli::BrotliDecompress(&mut sent.as_slice(), &mut html)?;
        let fastest = brotli::enc::BrotliEncoderParams {
            quality: 4,
            ..Default::default()
        };
        let mut at_four = Vec::new();
        brotli::BrotliCompress(&mut html.as_slice(), &mut at_four, &fastest)?;
        assert!(
            sent.len() < at_four.len(),
            "{path}: {} bytes sent, {} at quality 4",
            sent.len(),
            at_four.len()
        );
    }
    Ok(())
}

/// The site's own files go out as compressed once, at brotli's highest quality, by the
/// server at start-up (`precompress`): the bytes sent are that file's, not a faster
/// on-the-fly compression (which stays for gzip and for files not yet compressed).
#[tokio::test]
async fn site_files_are_sent_as_compressed_ahead_at_the_highest_quality() -> anyhow::Result<()> {
    let site = tempfile::tempdir()?;
    std::fs::create_dir_all(site.path().join("pkg"))?;
    // Text-like bytes with little repetition: brotli's levels give different results on it.
    let mut seed = 7u32;
    let wasm: Vec<u8> = (0..200_000)
        .map(|_| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            b"agora assemblee voter question temoignage "[(seed >> 16) as usize % 42]
        })
        .collect();
    std::fs::write(site.path().join("pkg/agora.wasm"), &wasm)?;
    let written = agora_server::precompress::precompress(site.path())?;
    assert_eq!(written, vec![site.path().join("pkg/agora.wasm.br")]);
    let ahead = std::fs::read(&written[0])?;
    let root = site.path().display().to_string();
    let app = TestApp::empty_with(&[("AGORA_SITE_ROOT", root.as_str())]).await?;
    for (accepted, expected) in [
        ("br, gzip", Some("br")),
        ("gzip", Some("gzip")),
        ("identity", None),
    ] {
        let (encoding, body) = fetched(&app, "/pkg/agora.wasm", accepted).await?;
        assert_eq!(encoding.as_deref(), expected, "accept-encoding: {accepted}");
        match expected {
            Some("br") => assert_eq!(body, ahead, "the file compressed ahead"),
            None => assert_eq!(body, wasm),
            _ => assert!(body.len() < wasm.len()),
        }
    }
    Ok(())
}

/// The stylesheet is written into each page (one round trip fewer on a slow phone link),
/// allowed by that page's nonce and nothing wider: no `'unsafe-inline'` for styles.
#[tokio::test]
async fn the_inline_stylesheet_carries_the_page_nonce() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let response = app.client.get(app.url("/")).send().await?;
    let policy = agora_tests::header(&response, "content-security-policy");
    let html = response.text().await?;
    let style = html
        .split("<style nonce=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .ok_or_else(|| anyhow::anyhow!("no inline stylesheet with a nonce"))?;
    assert!(
        policy.contains(&format!("style-src 'self' 'nonce-{style}';")),
        "{policy}"
    );
    assert!(!policy.contains("unsafe-inline"));
    assert!(
        html.contains(".skip-link"),
        "the stylesheet's rules are in the page"
    );
    assert!(
        !html.contains(r#"<link rel="stylesheet""#),
        "no second fetch"
    );
    Ok(())
}

/// Every cookie line of a response.
fn cookie_lines(response: &reqwest::Response) -> Vec<String> {
    agora_tests::set_cookies(response)
}

/// Served at an https address (behind the TLS proxy passkeys need): browsers are told to
/// keep to https (HSTS), every cookie is `Secure` and carries the prefix browsers enforce,
/// and a cookie planted without the prefix (by a sibling subdomain, or over plain http) is
/// not read. Served over plain http (a laptop, these tests), none of it: browsers would
/// refuse the prefixes there.
#[tokio::test]
async fn over_https_every_cookie_is_secure_and_prefixed_and_browsers_keep_to_https()
-> anyhow::Result<()> {
    use agora_app::domain::{CouncilSlug, Role};
    let app = TestApp::empty_with(&[("AGORA_PUBLIC_URL", "https://agora.example.fr")]).await?;
    demo::seed(&app.db, app.seal_key()).await?;
    let slug = demo::slug();
    let page = app.get_raw(&format!("/{slug}"), None).await?;
    assert_eq!(
        agora_tests::header(&page, "strict-transport-security"),
        agora_server::security::HSTS
    );

    // A testimony posted without JavaScript sets three cookies: the participant, the
    // private link and the flash.
    let posted = app
        .post_multipart(
            "/api/post_testimony",
            None,
            &[("slug", slug), ("happened", "Un accueil attentif.")],
            None,
        )
        .await?;
    let lines = cookie_lines(&posted);
    for name in [
        "__Host-agora_participant=",
        "__Host-agora_testimony=",
        "__Secure-agora_flash=",
    ] {
        assert!(
            lines.iter().any(|line| line.starts_with(name)),
            "{name} in {lines:?}"
        );
    }
    let preferences = app
        .post_form(
            "/api/save_preferences",
            None,
            &[("lang", "en"), ("return_to", "/")],
        )
        .await?;
    let more = cookie_lines(&preferences);
    assert!(
        more.iter()
            .any(|l| l.starts_with("__Host-agora_prefs=lang=en;"))
    );
    for line in lines.iter().chain(&more) {
        assert!(line.ends_with("; Secure"), "{line}");
        if line.starts_with("__Host-") {
            assert!(
                line.contains("; Path=/;") && !line.contains("Domain="),
                "{line}"
            );
        } else {
            assert!(line.starts_with("__Secure-"), "{line}");
        }
    }

    // Read under the prefixed name only.
    let (_, planted) = app
        .get_with_cookie(&format!("/{slug}"), Some("agora_prefs=lang=en"))
        .await?;
    assert!(
        planted.contains(r#"<html lang="fr""#),
        "a planted cookie is ignored"
    );
    let (_, chosen) = app
        .get_with_cookie(&format!("/{slug}"), Some("__Host-agora_prefs=lang=en"))
        .await?;
    assert!(chosen.contains(r#"<html lang="en""#));
    let here = CouncilSlug::parse(slug)?;
    let (_, session) = app.staff_member(&here, Role::Observer, "Odile").await?;
    let export = format!("/api/testimonies_report_csv?slug={slug}");
    let (status, _) = app.get_with_cookie(&export, Some(&session)).await?;
    assert_eq!(status, 401, "a bare staff cookie is not a session here");
    let prefixed = format!("__Host-{session}");
    let (status, _) = app.get_with_cookie(&export, Some(&prefixed)).await?;
    assert_eq!(status, 200);

    // Plain http: no HSTS, bare names, no `Secure`.
    let plain = TestApp::with_demo().await?;
    let page = plain.get_raw(&format!("/{slug}"), None).await?;
    assert_eq!(agora_tests::header(&page, "strict-transport-security"), "");
    let posted = plain
        .post_multipart(
            "/api/post_testimony",
            None,
            &[("slug", slug), ("happened", "Un accueil attentif.")],
            None,
        )
        .await?;
    for line in cookie_lines(&posted) {
        assert!(
            line.starts_with("agora_") && !line.contains("Secure"),
            "{line}"
        );
    }
    Ok(())
}

/// Nothing but the site's own files may be kept by a cache: a page can hold a code shown
/// once, a staff member's view or an author's private page, and an export holds results.
/// The attack: the next person at a library computer opens the browser's cache or history.
#[tokio::test]
async fn pages_and_exports_are_never_stored_by_a_cache_but_files_may_be() -> anyhow::Result<()> {
    use agora_app::domain::{CouncilSlug, Role};
    let site = tempfile::tempdir()?;
    std::fs::create_dir_all(site.path().join("pkg"))?;
    std::fs::write(site.path().join("pkg/agora.css"), "body { color: black; }")?;
    let root = site.path().display().to_string();
    let app = TestApp::empty_with(&[("AGORA_SITE_ROOT", root.as_str())]).await?;
    demo::seed(&app.db, app.seal_key()).await?;
    let slug = demo::slug();
    let here = CouncilSlug::parse(slug)?;
    let (_, coordinator) = app.staff_member(&here, Role::Coordinator, "Claire").await?;
    for path in [
        "/".to_owned(),
        format!("/{slug}"),
        "/compte".to_owned(),
        format!("/{slug}/equipe"),
        format!("/{slug}/temoignages"),
        format!("/{slug}/temoignages/suivi"),
        format!("/{slug}/reglages"),
        format!("/api/testimonies_report_csv?slug={slug}"),
        "/page-qui-n-existe-pas".to_owned(),
    ] {
        let response = app.get_raw(&path, Some(&coordinator)).await?;
        assert_eq!(
            agora_tests::header(&response, "cache-control"),
            "no-store",
            "{path}: {}",
            response.status()
        );
    }
    let posted = app
        .post_form(
            "/api/save_preferences",
            None,
            &[("lang", "en"), ("return_to", "/")],
        )
        .await?;
    assert_eq!(agora_tests::header(&posted, "cache-control"), "no-store");
    let file = app.get_raw("/pkg/agora.css", None).await?;
    assert_eq!(file.status(), 200);
    assert_eq!(agora_tests::header(&file, "cache-control"), "");
    Ok(())
}
