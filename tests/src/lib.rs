//! `TestApp`: the real Agora router on port 0 with a fresh database, for integration tests.
//!
//! The database is a new SQLite file in a temporary folder, or, when `TEST_DATABASE_URL`
//! names a PostgreSQL server (`postgres://user@host/db`), a new database created on it.

pub mod bench;

use agora_server::config::Config;
use agora_server::{AppState, prepare_database, router};
use anyhow::Context;
use sea_orm::{ConnectionTrait, Database, DatabaseConnection};
use std::net::SocketAddr;

pub struct TestApp {
    pub address: SocketAddr,
    pub db: DatabaseConnection,
    /// What the router was built with, for tests that build more routers on it.
    pub state: AppState,
    pub client: reqwest::Client,
    /// The SQLite file, if the database is one (none for PostgreSQL).
    sqlite_file: Option<std::path::PathBuf>,
    /// The database's URL (empty for an app made on another's connection).
    pub database_url: String,
    /// Keeps the SQLite file alive as long as the app.
    _dir: tempfile::TempDir,
}

/// A fresh, empty database URL: SQLite by default, PostgreSQL when `TEST_DATABASE_URL` is set.
pub async fn fresh_database_url(dir: &tempfile::TempDir) -> anyhow::Result<String> {
    match std::env::var("TEST_DATABASE_URL") {
        Ok(server) if !server.is_empty() => {
            let name = format!("agora_test_{:016x}", rand::random::<u64>());
            let admin = Database::connect(server.as_str())
                .await
                .context("TEST_DATABASE_URL")?;
            // Each test leaves its database behind (a test cannot drop it asynchronously
            // when it ends): the first test of a run drops the previous runs' ones, so that
            // a developer's server does not fill up run after run.
            static CLEARED: tokio::sync::OnceCell<()> = tokio::sync::OnceCell::const_new();
            CLEARED
                .get_or_try_init(|| async {
                    let names = admin
                        .query_all_raw(sea_orm::Statement::from_string(
                            admin.get_database_backend(),
                            "SELECT datname FROM pg_database WHERE datname LIKE 'agora\\_test\\_%'",
                        ))
                        .await?;
                    for row in names {
                        let old: String = row.try_get("", "datname")?;
                        admin
                            .execute_unprepared(&format!(
                                "DROP DATABASE IF EXISTS {old} WITH (FORCE)"
                            ))
                            .await?;
                    }
                    anyhow::Ok(())
                })
                .await?;
            admin
                .execute_unprepared(&format!("CREATE DATABASE {name}"))
                .await?;
            admin.close().await?;
            let base = server
                .rsplit_once('/')
                .map(|(base, _)| base)
                .unwrap_or(&server);
            Ok(format!("{base}/{name}"))
        }
        _ => Ok(format!(
            "sqlite://{}?mode=rwc",
            dir.path().join("agora.db").display()
        )),
    }
}

impl TestApp {
    /// The key this app seals waiting ballots and responses with.
    pub fn seal_key(&self) -> &agora_app::store::seal::SealKey {
        &self.state.seal_key
    }

    /// The SQLite file under the app (`None` on PostgreSQL), for tests that read its bytes.
    pub fn sqlite_file(&self) -> Option<&std::path::Path> {
        self.sqlite_file.as_deref()
    }

    /// An app on a fresh database holding the demo council.
    pub async fn with_demo() -> anyhow::Result<Self> {
        let app = Self::empty().await?;
        agora_server::demo::seed(&app.db, &app.state.seal_key).await?;
        Ok(app)
    }

    /// A second server on the database of `other` (a restart, or another instance).
    pub async fn on_database(other: &TestApp) -> anyhow::Result<Self> {
        let dir = tempfile::tempdir()?;
        let config = Config::from_lookup(|key| match key {
            "AGORA_ADDRESS" => Some("127.0.0.1:0".into()),
            _ => None,
        })?;
        // The same key, as every instance of one database must have.
        let mut app =
            Self::serve(dir, other.db.clone(), &config, other.state.seal_key.clone()).await?;
        app.sqlite_file.clone_from(&other.sqlite_file);
        Ok(app)
    }

    /// An app on a fresh, migrated, empty database.
    pub async fn empty() -> anyhow::Result<Self> {
        Self::empty_with(&[]).await
    }

    /// An app on a fresh, empty database, with these settings as if from the environment.
    pub async fn empty_with(settings: &[(&str, &str)]) -> anyhow::Result<Self> {
        let dir = tempfile::tempdir()?;
        let url = fresh_database_url(&dir).await?;
        let db = prepare_database(&url).await?;
        let key_file = dir.path().join("seal.key");
        let config = Config::from_lookup(|key| match key {
            "AGORA_ADDRESS" => Some("127.0.0.1:0".into()),
            "DATABASE_URL" => Some(url.clone()),
            "AGORA_SEAL_KEY_FILE" => Some(key_file.display().to_string()),
            _ => settings
                .iter()
                .find(|(name, _)| *name == key)
                .map(|(_, value)| (*value).to_owned()),
        })?;
        let seal_key = agora_server::open_seal_key(&config, &db).await?;
        let sqlite_file = url
            .starts_with("sqlite:")
            .then(|| dir.path().join("agora.db"));
        let mut app = Self::serve(dir, db, &config, seal_key).await?;
        app.sqlite_file = sqlite_file;
        app.database_url = url;
        Ok(app)
    }

    /// An app on the database at `url` as it stands (a restored backup, say), migrated, with
    /// the seal key it was used with.
    pub async fn on_url(
        url: &str,
        seal_key: agora_app::store::seal::SealKey,
    ) -> anyhow::Result<Self> {
        let dir = tempfile::tempdir()?;
        let db = prepare_database(url).await?;
        let config = Config::from_lookup(|key| match key {
            "AGORA_ADDRESS" => Some("127.0.0.1:0".into()),
            "DATABASE_URL" => Some(url.to_owned()),
            _ => None,
        })?;
        let mut app = Self::serve(dir, db, &config, seal_key).await?;
        app.database_url = url.to_owned();
        Ok(app)
    }

    /// An app on a connection the test opened itself (one the database refuses writes on,
    /// say), with the seal key of the app that made the database.
    pub async fn on_connection(
        db: DatabaseConnection,
        seal_key: agora_app::store::seal::SealKey,
    ) -> anyhow::Result<Self> {
        let dir = tempfile::tempdir()?;
        let config = Config::from_lookup(|key| match key {
            "AGORA_ADDRESS" => Some("127.0.0.1:0".into()),
            _ => None,
        })?;
        Self::serve(dir, db, &config, seal_key).await
    }

    async fn serve(
        dir: tempfile::TempDir,
        db: DatabaseConnection,
        config: &Config,
        seal_key: agora_app::store::seal::SealKey,
    ) -> anyhow::Result<Self> {
        let state = AppState::new(config, db.clone(), seal_key)?;
        agora_server::live::start_relay(state.live.clone(), &state.db);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let address = listener.local_addr()?;
        let served = router(state.clone());
        tokio::spawn(async move {
            let _ = axum_serve(listener, served).await;
        });
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            // Only for a request that never ends: a loaded machine answers far sooner.
            .timeout(std::time::Duration::from_secs(60))
            .build()?;
        Ok(Self {
            address,
            db,
            state,
            client,
            sqlite_file: None,
            database_url: String::new(),
            _dir: dir,
        })
    }

    /// Participant number `n`'s cookie (`agora_participant=…`), signed as this server signs
    /// them: the same `n`, the same participant.
    pub fn participant_cookie(&self, n: u8) -> String {
        let id = agora_app::domain::ParticipantId::from_random([n; 16]);
        format!(
            "agora_participant={}",
            self.state.write_guard.participant_cookie(&id)
        )
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }

    /// GET `path`; returns the status and the body.
    pub async fn get(&self, path: &str) -> anyhow::Result<(u16, String)> {
        self.get_with_cookie(path, None).await
    }

    pub async fn get_with_cookie(
        &self,
        path: &str,
        cookie: Option<&str>,
    ) -> anyhow::Result<(u16, String)> {
        let mut request = self.client.get(self.url(path));
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        let response = request.send().await?;
        Ok((response.status().as_u16(), response.text().await?))
    }

    /// GET `path` with a cookie header if given; the response as it is (a redirect not
    /// followed).
    pub async fn get_raw(
        &self,
        path: &str,
        cookie: Option<&str>,
    ) -> anyhow::Result<reqwest::Response> {
        let mut request = self.client.get(self.url(path));
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        Ok(request.send().await?)
    }

    /// POSTs a form as a browser without JavaScript does (`Accept: text/html`), with a
    /// cookie header if given; the answer is not followed.
    pub async fn post_form(
        &self,
        path: &str,
        cookie: Option<&str>,
        fields: &[(&str, &str)],
    ) -> anyhow::Result<reqwest::Response> {
        let mut request = self
            .client
            .post(self.url(path))
            .header("accept", "text/html")
            .form(fields);
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        Ok(request.send().await?)
    }

    /// POSTs a `multipart/form-data` form as a browser without JavaScript does, its text
    /// fields and, if given, one file `(field, file name, media type, bytes)`.
    pub async fn post_multipart(
        &self,
        path: &str,
        cookie: Option<&str>,
        fields: &[(&str, &str)],
        file: Option<(&str, &str, &str, Vec<u8>)>,
    ) -> anyhow::Result<reqwest::Response> {
        let mut form = reqwest::multipart::Form::new();
        for (name, value) in fields {
            form = form.text((*name).to_owned(), (*value).to_owned());
        }
        if let Some((name, file_name, mime, bytes)) = file {
            let part = reqwest::multipart::Part::bytes(bytes)
                .file_name(file_name.to_owned())
                .mime_str(mime)?;
            form = form.part(name.to_owned(), part);
        }
        let mut request = self
            .client
            .post(self.url(path))
            .header("accept", "text/html")
            .multipart(form);
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        Ok(request.send().await?)
    }

    /// Follows a plain form post's redirect as a browser does, with the cookies it set (the
    /// flash, a testimony's private link…) added to `cookie`: where it led, and that page.
    pub async fn follow(
        &self,
        response: reqwest::Response,
        cookie: &str,
    ) -> anyhow::Result<(String, String)> {
        let back = location(&response);
        let cookie = std::iter::once(cookie.to_owned())
            .chain(set_cookies(&response).into_iter().filter_map(|line| {
                let pair = line.split(';').next().unwrap_or_default();
                (!pair.ends_with('=')).then(|| pair.to_owned())
            }))
            .filter(|pair| !pair.is_empty())
            .collect::<Vec<_>>()
            .join("; ");
        let (_, html) = self.get_with_cookie(&back, Some(&cookie)).await?;
        Ok((back, html))
    }

    /// The demo council's row (`with_demo`), found by its slug.
    pub async fn demo_council(&self) -> anyhow::Result<agora_app::store::entities::council::Model> {
        use agora_app::store::entities::council;
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        council::Entity::find()
            .filter(council::Column::Slug.eq(agora_server::demo::slug()))
            .one(&self.db)
            .await?
            .context("the demo council")
    }

    /// The demo council's id.
    pub async fn demo_council_id(&self) -> anyhow::Result<i64> {
        Ok(self.demo_council().await?.id)
    }

    /// A second council, `clsm-ailleurs`, and the session cookie of its coordinator: who
    /// tries, from another council, what only this council's staff may do.
    pub async fn other_council_coordinator(&self) -> anyhow::Result<String> {
        let elsewhere = agora_app::domain::CouncilSlug::parse("clsm-ailleurs")?;
        agora_app::store::create_council(
            &self.db,
            &elsewhere,
            "CLSM Ailleurs",
            "",
            agora_app::domain::ObjectivePreset::National,
        )
        .await?;
        let (_, cookie) = self
            .staff_member(
                &elsewhere,
                agora_app::domain::Role::Coordinator,
                "Olga Ailleurs",
            )
            .await?;
        Ok(cookie)
    }

    /// A staff member of `council` with `role`, signed up from an invitation (the passkey
    /// is a placeholder: the browser tests run real ceremonies) and signed in: their account
    /// id and session cookie (`agora_staff=…`).
    pub async fn staff_member(
        &self,
        council: &agora_app::domain::CouncilSlug,
        role: agora_app::domain::Role,
        name: &str,
    ) -> anyhow::Result<(i64, String)> {
        staff_member(&self.db, council, agora_app::domain::Access::of(role), name).await
    }

    /// The same with a testimony grant: a facilitator whom a coordinator let read and
    /// moderate testimony.
    pub async fn testimony_reader(
        &self,
        council: &agora_app::domain::CouncilSlug,
        name: &str,
    ) -> anyhow::Result<(i64, String)> {
        let access =
            agora_app::domain::Access::reading_testimony(agora_app::domain::Role::Facilitator);
        staff_member(&self.db, council, access, name).await
    }
}

/// A platform operator (`agora invite --operator`), signed up and signed in as
/// [`staff_member`] is: their account id and session cookie.
pub async fn operator(db: &DatabaseConnection, name: &str) -> anyhow::Result<(i64, String)> {
    use agora_app::store::staff::{self, NewStaff};
    let token = staff::create_operator_invitation(db, 72, None).await?;
    let info = staff::invitation_by_token(db, &token)
        .await?
        .context("invitation not found")?;
    let handle = format!("{:032x}", rand::random::<u128>());
    let account = staff::complete_sign_up(
        db,
        NewStaff {
            invitation_id: info.id,
            display_name: name,
            user_handle: &handle,
            credential_id: &handle,
            credential: "{}".into(),
            passkey_label: "1",
        },
    )
    .await?;
    let session = staff::open_session(db, account).await?;
    Ok((account, format!("agora_staff={session}")))
}

/// [`TestApp::staff_member`] on any database.
pub async fn staff_member(
    db: &DatabaseConnection,
    council: &agora_app::domain::CouncilSlug,
    access: impl Into<agora_app::domain::Access>,
    name: &str,
) -> anyhow::Result<(i64, String)> {
    use agora_app::store::staff::{self, NewStaff};
    let token = staff::create_invitation(db, council, access.into(), 72, None).await?;
    let info = staff::invitation_by_token(db, &token)
        .await?
        .context("invitation not found")?;
    let handle = format!("{:032x}", rand::random::<u128>());
    let account = staff::complete_sign_up(
        db,
        NewStaff {
            invitation_id: info.id,
            display_name: name,
            user_handle: &handle,
            credential_id: &handle,
            credential: "{}".into(),
            passkey_label: "1",
        },
    )
    .await?;
    let session = staff::open_session(db, account).await?;
    Ok((account, format!("agora_staff={session}")))
}

async fn axum_serve(listener: tokio::net::TcpListener, app: axum::Router) -> std::io::Result<()> {
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .await
}

/// The value of a response's header `name` ("" when it has none).
pub fn header(response: &reqwest::Response, name: &str) -> String {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// Where a redirect leads ("" when it is not one).
pub fn location(response: &reqwest::Response) -> String {
    header(response, "location")
}

/// The `name=value` pair a response sets for cookie `name`, unless it only clears it.
pub fn cookie_set(response: &reqwest::Response, name: &str) -> Option<String> {
    let prefix = format!("{name}=");
    set_cookies(response)
        .into_iter()
        .filter(|cookie| cookie.starts_with(&prefix) && !cookie.starts_with(&format!("{prefix};")))
        .map(|cookie| cookie.split(';').next().unwrap_or_default().to_owned())
        .next()
}

/// What a plain form post's answer leaves for the page it leads to (its flash cookie: the
/// confirmation, or the refusal and what was typed), read as that page reads it.
pub fn form_answer(response: &reqwest::Response) -> agora_app::api::PageFlash {
    agora_app::api::page_flash_of(
        cookie_set(response, "agora_flash")
            .and_then(|cookie| cookie.strip_prefix("agora_flash=").map(str::to_owned)),
    )
}

/// Every `Set-Cookie` header of a response.
pub fn set_cookies(response: &reqwest::Response) -> Vec<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok().map(str::to_owned))
        .collect()
}

/// A page's HTML with the entities the renderer writes for apostrophes, quotes and
/// ampersands turned back into text, so that assertions read as the page does.
pub fn unescape(html: &str) -> String {
    html.replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}
