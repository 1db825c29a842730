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
