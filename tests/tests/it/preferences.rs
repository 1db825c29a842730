//! Preferences: a cookie read by the server before the first paint, set by a form post.

use agora_server::demo;
use agora_tests::TestApp;

#[tokio::test]
async fn cookie_switches_language_and_html_classes() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let (_, html) = app
        .get_with_cookie("/", Some("agora_prefs=lang=en&text=large&contrast=high"))
        .await?;
    assert!(
        html.contains(r#"<html lang="en" class="text-large contrast-high""#),
        "{html}"
    );
    assert!(html.contains("Local mental health councils"));
    assert!(!html.contains("Les conseils locaux de santé mentale"));
    Ok(())
}

#[tokio::test]
async fn easy_read_switches_interface_and_content_and_shows_pictograms() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let council = demo::council()?;
    let first = council
        .findings
        .first()
        .ok_or_else(|| anyhow::anyhow!("no finding"))?;
    let path = format!("/{}", council.slug);

    let (_, plain) = app.get(&path).await?;
    assert!(plain.contains("Le diagnostic partagé"));
    assert!(!plain.contains("class=\"picto\""));

    let (_, easy) = app
        .get_with_cookie(&path, Some("agora_prefs=lang=fr&easy=1"))
        .await?;
    assert!(easy.contains(r#"class="easy-read""#));
    assert!(easy.contains("Ce que nous avons appris"), "easy UI string");
    assert!(!easy.contains("Le diagnostic partagé"));
    let easy_title = first.title.easy.replace('\'', "&#x27;");
    assert!(
        easy.contains(&first.title.easy) || easy.contains(&easy_title),
        "easy content"
    );
    assert!(
        easy.contains(r#"src="/pictos/stigma.svg""#),
        "pictograms beside key words"
    );
    Ok(())
}

#[tokio::test]
async fn plain_form_post_sets_the_cookie_and_returns_to_the_page() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let response = app
        .client
        .post(app.url("/api/save_preferences"))
        .header("accept", "text/html")
        .form(&[
            ("lang", "en"),
            ("easy", "1"),
            ("text", "larger"),
            ("return_to", "/a-propos"),
        ])
        .send()
        .await?;
    assert_eq!(response.status().as_u16(), 302);
    assert_eq!(
        response
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok()),
        Some("/a-propos")
    );
    let cookie = response
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(
        cookie.starts_with("agora_prefs=lang=en&easy=1&text=larger;"),
        "{cookie}"
    );
    assert!(cookie.contains("SameSite=Lax") && cookie.contains("Path=/"));
    Ok(())
}

#[tokio::test]
async fn form_post_never_redirects_off_site() -> anyhow::Result<()> {
    let app = TestApp::empty().await?;
    let response = app
        .client
        .post(app.url("/api/save_preferences"))
        .header("accept", "text/html")
        .form(&[("lang", "fr"), ("return_to", "//evil.example/")])
        .send()
        .await?;
    assert_eq!(
        response
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok()),
        Some("/")
    );
    Ok(())
}

#[tokio::test]
async fn unknown_values_are_refused_with_a_translated_message_and_no_cookie() -> anyhow::Result<()>
{
    let app = TestApp::empty().await?;
    let response = app
        .client
        .post(app.url("/api/save_preferences"))
        .form(&[("lang", "de")])
        .send()
        .await?;
    assert_eq!(response.status().as_u16(), 422);
    assert!(
        !agora_tests::set_cookies(&response)
            .iter()
            .any(|c| c.starts_with("agora_prefs=")),
        "no preferences cookie may be set"
    );
    let body = response.text().await?;
    assert!(body.contains("error-preferences"), "{body}");
    Ok(())
}

/// The form is rendered whole by the server (it posts without JavaScript); only its island
/// runs in the browser, and it receives the texts it may announce in the page's language.
#[tokio::test]
async fn preference_form_is_an_island_carrying_its_announcements() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    for (cookie, saved, other) in [
        (
            "agora_prefs=lang=fr",
            "Vos préférences sont enregistrées.",
            "It is saved.",
        ),
        (
            "agora_prefs=lang=en&easy=1",
            "It is saved.",
            "Vos préférences sont enregistrées.",
        ),
    ] {
        let (status, html) = app.get_with_cookie("/a-propos", Some(cookie)).await?;
        assert_eq!(status, 200);
        let island = html
            .split("<leptos-island")
            .nth(1)
            .ok_or_else(|| anyhow::anyhow!("no island in the page: {html}"))?;
        let island = island.split("</leptos-island>").next().unwrap_or_default();
        assert!(island.contains("PreferencesForm"), "{island}");
        assert!(
            island.contains(r#"<form method="post" action="/api/save_preferences""#),
            "{island}"
        );
        assert!(
            island.contains(r#"name="return_to" value="/a-propos""#),
            "{island}"
        );
        assert!(island.contains(saved), "{cookie}: {island}");
        assert!(!island.contains(other), "{cookie}: {island}");
    }
    Ok(())
}
