//! Writes from other sites, oversized bodies and floods are refused, in the visitor's
//! language, before anything is stored; the participant cookie is set on the first write.

use agora_tests::{TestApp, set_cookies};
use std::time::Duration;

const PARTICIPANT: &str = "agora_participant=0123456789abcdef0123456789abcdef";

#[tokio::test]
async fn form_posts_from_another_site_are_refused_and_change_nothing() -> anyhow::Result<()> {
    let app = TestApp::empty().await?;
    let post = |origin: String| {
        app.client
            .post(app.url("/api/save_preferences"))
            .header("accept", "text/html")
            .header("origin", origin)
            .header("cookie", "agora_prefs=lang=en")
            .form(&[("lang", "fr"), ("easy", "1"), ("return_to", "/")])
            .send()
    };

    let refused = post("https://evil.example".into()).await?;
    assert_eq!(refused.status().as_u16(), 403);
    assert!(set_cookies(&refused).is_empty(), "nothing may be set");
    let page = refused.text().await?;
    assert!(page.contains(r#"<html lang="en""#), "{page}");
    assert!(
        page.contains("This form was sent from another website"),
        "{page}"
    );

    let accepted = post(format!("http://{}", app.address)).await?;
    assert_eq!(accepted.status().as_u16(), 302);
    assert!(
        set_cookies(&accepted)
            .iter()
            .any(|c| c.starts_with("agora_prefs=lang=fr&easy=1;"))
    );
    Ok(())
}

#[tokio::test]
async fn oversized_bodies_are_refused_with_a_translated_message() -> anyhow::Result<()> {
    let app = TestApp::empty_with(&[("AGORA_MAX_BODY_BYTES", "2048")]).await?;
    let long = "x".repeat(4096);
    let plain = app
        .client
        .post(app.url("/api/save_preferences"))
        .header("accept", "text/html")
        .form(&[("lang", "fr"), ("return_to", long.as_str())])
        .send()
        .await?;
    assert_eq!(plain.status().as_u16(), 413);
    assert!(set_cookies(&plain).is_empty(), "nothing may be set");
    let page = plain.text().await?;
    assert!(
        page.contains("Ce que vous avez envoyé est trop long"),
        "{page}"
    );

    // Called from a page's script, the refusal is the server function's own error type.
    let from_script = app
        .client
        .post(app.url("/api/save_preferences"))
        .form(&[("lang", "fr"), ("return_to", long.as_str())])
        .send()
        .await?;
    assert_eq!(from_script.status().as_u16(), 413);
    let body = from_script.text().await?;
    assert!(body.contains("error-too-large"), "{body}");

    // Sent without a declared length (chunked), the body is cut off all the same.
    let stream = futures_stream(long.clone().into_bytes());
    let chunked = app
        .client
        .post(app.url("/api/save_preferences"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(reqwest::Body::wrap_stream(stream))
        .send()
        .await?;
    assert_eq!(chunked.status().as_u16(), 413);
    assert!(
        set_cookies(&chunked)
            .iter()
            .all(|c| !c.starts_with("agora_prefs="))
    );
    Ok(())
}

fn futures_stream(
    bytes: Vec<u8>,
) -> impl futures_util::Stream<Item = Result<Vec<u8>, std::io::Error>> + Send + 'static {
    let chunks: Vec<_> = bytes.chunks(512).map(|c| Ok(c.to_vec())).collect();
    futures_util::stream::iter(chunks)
}

#[tokio::test]
async fn writes_beyond_a_participants_quota_are_refused_then_allowed_again() -> anyhow::Result<()> {
    let app = TestApp::empty_with(&[("AGORA_WRITE_LIMIT_PARTICIPANT", "3/1")]).await?;
    let write = |cookie: &'static str| {
        app.client
            .post(app.url("/api/save_preferences"))
            .header("cookie", cookie)
            .form(&[("lang", "en")])
            .send()
    };
    // The quota's burst is accepted, then writes are refused. On a busy machine a write may
    // come back before the burst ends, so count up to the first refusal.
    let mut accepted = 0;
    let refused = loop {
        let response = write(PARTICIPANT).await?;
        if response.status().as_u16() == 429 {
            break response;
        }
        assert_eq!(response.status().as_u16(), 200);
        accepted += 1;
        assert!(accepted < 50, "a participant is never refused");
    };
    assert!(accepted >= 3, "the burst of three was accepted: {accepted}");
    assert!(refused.headers().get("retry-after").is_some());
    let body = refused.text().await?;
    assert!(body.contains("error-rate-limited"), "{body}");

    // Another participant on the same address is not held back.
    let other = "agora_participant=fedcba9876543210fedcba9876543210";
    assert_eq!(write(other).await?.status().as_u16(), 200);

    // A write comes back every third of a second: the participant is soon allowed again.
    let mut waited = Duration::ZERO;
    while write(PARTICIPANT).await?.status().as_u16() == 429 {
        assert!(waited < Duration::from_secs(30), "never allowed again");
        tokio::time::sleep(Duration::from_millis(50)).await;
        waited += Duration::from_millis(50);
    }
    Ok(())
}

#[tokio::test]
async fn writes_beyond_an_addresss_quota_are_refused_whatever_the_cookie() -> anyhow::Result<()> {
    let app = TestApp::empty_with(&[("AGORA_WRITE_LIMIT_ADDRESS", "2/60")]).await?;
    let mut statuses = Vec::new();
    for _ in 0..3 {
        // No cookie: each write looks like a new participant, the address still counts.
        let response = app
            .client
            .post(app.url("/api/save_preferences"))
            .header("accept", "text/html")
            .header("cookie", "agora_prefs=lang=fr&easy=1")
            .form(&[("lang", "fr")])
            .send()
            .await?;
        statuses.push(response.status().as_u16());
        if response.status().as_u16() == 429 {
            let page = response.text().await?;
            assert!(
                page.contains("Vous allez trop vite"),
                "easy-read French: {page}"
            );
        }
    }
    assert_eq!(statuses, [302, 302, 429]);
    Ok(())
}

#[tokio::test]
async fn the_participant_cookie_is_set_on_the_first_write_only() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let page = app.client.get(app.url("/")).send().await?;
    assert!(
        set_cookies(&page)
            .iter()
            .all(|c| !c.starts_with("agora_participant=")),
        "reading never marks a browser"
    );

    let first = app
        .client
        .post(app.url("/api/save_preferences"))
        .form(&[("lang", "fr")])
        .send()
        .await?;
    let cookie = set_cookies(&first)
        .into_iter()
        .find(|c| c.starts_with("agora_participant="))
        .ok_or_else(|| anyhow::anyhow!("no participant cookie on the first write"))?;
    let value = cookie
        .trim_start_matches("agora_participant=")
        .split(';')
        .next()
        .unwrap_or_default()
        .to_owned();
    assert_eq!(value.len(), 32, "{cookie}");
    assert!(value.bytes().all(|b| b.is_ascii_hexdigit()), "{cookie}");
    for attribute in ["HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(cookie.contains(attribute), "{attribute} missing: {cookie}");
    }
    assert!(
        !cookie.contains("Secure"),
        "served over http here: {cookie}"
    );

    let again = app
        .client
        .post(app.url("/api/save_preferences"))
        .header("cookie", format!("agora_participant={value}"))
        .form(&[("lang", "fr")])
        .send()
        .await?;
    assert!(
        set_cookies(&again)
            .iter()
            .all(|c| !c.starts_with("agora_participant=")),
        "a known participant keeps its identifier"
    );
    Ok(())
}
