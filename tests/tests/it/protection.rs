//! Writes from other sites, oversized bodies and floods are refused, in the visitor's
//! language, before anything is stored; the participant cookie is set on the first write.

use agora_tests::{TestApp, set_cookies};
use std::time::Duration;

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
    let write = |cookie: String| {
        app.client
            .post(app.url("/api/save_preferences"))
            .header("cookie", cookie)
            .form(&[("lang", "en")])
            .send()
    };
    let participant = app.participant_cookie(1);
    // The quota's burst is accepted, then writes are refused. On a busy machine a write may
    // come back before the burst ends, so count up to the first refusal.
    let mut accepted = 0;
    let refused = loop {
        let response = write(participant.clone()).await?;
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
    assert_eq!(
        write(app.participant_cookie(2)).await?.status().as_u16(),
        200
    );

    // A write comes back every third of a second: the participant is soon allowed again.
    let mut waited = Duration::ZERO;
    while write(participant.clone()).await?.status().as_u16() == 429 {
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
    // The id, and the server's signature of it.
    let (id, tag) = value.split_once('.').unwrap_or_default();
    assert_eq!((id.len(), tag.len()), (32, 32), "{cookie}");
    assert!(
        value.bytes().all(|b| b.is_ascii_hexdigit() || b == b'.'),
        "{cookie}"
    );
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

/// The attack: a client declares a form body, sends a few bytes and then nothing, holding
/// the connection and its buffer (slowloris). It is answered, refused, once the body read
/// time is up, and nothing is stored.
#[tokio::test]
async fn a_body_that_trickles_is_refused_when_its_time_is_up() -> anyhow::Result<()> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let app = TestApp::empty_with(&[("AGORA_BODY_READ_SECONDS", "1")]).await?;
    let mut socket = tokio::net::TcpStream::connect(app.address).await?;
    let head = format!(
        "POST /api/save_preferences HTTP/1.1\r\nHost: {}\r\nAccept: text/html\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 400\r\n\r\nlang=",
        app.address
    );
    socket.write_all(head.as_bytes()).await?;
    let started = std::time::Instant::now();
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(20), async {
        let mut buffer = [0u8; 4096];
        loop {
            let read = socket.read(&mut buffer).await?;
            answer.extend_from_slice(&buffer[..read]);
            if read == 0 || String::from_utf8_lossy(&answer).contains("</html>") {
                return anyhow::Ok(());
            }
        }
    })
    .await??;
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("La connexion est trop lente"), "{answer}");
    assert!(!answer.contains("agora_prefs="), "nothing set: {answer}");
    assert!(started.elapsed() < Duration::from_secs(10));
    Ok(())
}

/// The attack from the issue: a script posts ballots to an open vote in a loop, with no
/// cookie, or with a made-up one each time, hoping each request counts as a new voter.
/// New participants are counted per address: past the limit, nothing more is stored.
#[tokio::test]
async fn a_cookie_less_loop_adds_no_more_ballots_than_new_participants_allowed_per_address()
-> anyhow::Result<()> {
    use agora_app::store::entities::{ballot, ballot_waiting, vote_participation};
    use sea_orm::{EntityTrait, PaginatorTrait};
    let app = TestApp::empty_with(&[("AGORA_NEW_PARTICIPANTS_ADDRESS", "4/600")]).await?;
    agora_server::demo::seed(&app.db, app.seal_key()).await?;
    let slug = agora_server::demo::slug();
    let council = app.demo_council_id().await?;
    let open = agora_app::store::entities::vote::Entity::find()
        .all(&app.db)
        .await?
        .into_iter()
        .find(|v| v.council_id == council && v.integrity == "open" && v.method == "schulze")
        .ok_or_else(|| anyhow::anyhow!("the demo's open ranking vote"))?;
    let vote_id = open.id.to_string();
    let stored = || async {
        anyhow::Ok(
            ballot::Entity::find().count(&app.db).await?
                + ballot_waiting::Entity::find().count(&app.db).await?,
        )
    };
    let participations =
        || async { anyhow::Ok(vote_participation::Entity::find().count(&app.db).await?) };
    let (ballots_before, voters_before) = (stored().await?, participations().await?);
    let mut statuses = Vec::new();
    for attempt in 0..10u8 {
        let mut request = app
            .client
            .post(app.url("/api/cast_ballot"))
            .header("referer", app.url(&format!("/{slug}/votes/{vote_id}")))
            .form(&[
                ("slug", slug),
                ("vote", vote_id.as_str()),
                ("order", "0,1,2,3,4"),
                ("college", "habitants"),
            ]);
        if attempt % 2 == 1 {
            // A made-up participant: 32 hex digits, as the cookie once was.
            request = request.header(
                "cookie",
                format!("agora_participant={:032x}", 1000 + u128::from(attempt)),
            );
        }
        statuses.push(request.send().await?.status().as_u16());
    }
    let added = participations().await? - voters_before;
    assert_eq!(
        added, 4,
        "one voter per new participant allowed: {statuses:?}"
    );
    assert!(stored().await? - ballots_before <= 4);
    assert_eq!(
        statuses.iter().filter(|s| **s == 429).count(),
        6,
        "{statuses:?}"
    );
    // The staff who run the vote see that it is being hammered: a count, nothing else.
    let here = agora_app::domain::CouncilSlug::parse(slug)?;
    let (_, facilitator) = app
        .staff_member(&here, agora_app::domain::Role::Facilitator, "Fanny Anime")
        .await?;
    let (_, html) = app
        .get_with_cookie(&format!("/{slug}/votes/{vote_id}"), Some(&facilitator))
        .await?;
    assert!(
        html.contains("6 envois ont été refusés par les limites anti-abus"),
        "{html}"
    );
    let (_, public) = app.get(&format!("/{slug}/votes/{vote_id}")).await?;
    assert!(!public.contains("limites anti-abus"), "staff only");
    Ok(())
}

/// Behind the TLS proxy every connection comes from the proxy. Its `X-Forwarded-For` names
/// the client, so one client's flood is refused and another's writes pass; a client that
/// is not the proxy cannot pick its address with the same header.
#[tokio::test]
async fn behind_a_trusted_proxy_limits_count_each_client_and_nobody_else_can_pretend()
-> anyhow::Result<()> {
    let write = |app: &TestApp, forwarded_for: &'static str| {
        app.client
            .post(app.url("/api/save_preferences"))
            .header("x-forwarded-for", forwarded_for)
            .form(&[("lang", "fr")])
            .send()
    };
    let proxied = TestApp::empty_with(&[
        ("AGORA_WRITE_LIMIT_ADDRESS", "2/600"),
        ("AGORA_TRUSTED_PROXIES", "127.0.0.1"),
    ])
    .await?;
    let mut flood = Vec::new();
    for _ in 0..3 {
        flood.push(write(&proxied, "198.51.100.7").await?.status().as_u16());
    }
    assert_eq!(flood, [200, 200, 429], "one client's quota");
    assert_eq!(
        write(&proxied, "203.0.113.20").await?.status().as_u16(),
        200,
        "another client behind the same proxy is not held back"
    );
    // A client that writes a header naming someone else is still counted as itself: the
    // proxy appends the address it saw, and that is what is read.
    assert_eq!(
        write(&proxied, "203.0.113.99, 198.51.100.7")
            .await?
            .status()
            .as_u16(),
        429
    );

    // Not configured as a proxy: the header is anyone's to write, and is ignored.
    let direct = TestApp::empty_with(&[("AGORA_WRITE_LIMIT_ADDRESS", "2/600")]).await?;
    let mut pretending = Vec::new();
    for forwarded_for in ["192.0.2.1", "192.0.2.2", "192.0.2.3"] {
        pretending.push(write(&direct, forwarded_for).await?.status().as_u16());
    }
    assert_eq!(pretending, [200, 200, 429]);
    Ok(())
}
