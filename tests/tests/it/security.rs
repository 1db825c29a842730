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
