//! Agora's runtime: configuration, database preparation, the HTTP router and the server.
//! `router()` and `prepare_database()` are public so that integration tests boot the real thing.

pub mod backup;
pub mod config;
pub mod demo;
pub mod live;
pub mod monitoring;
pub mod precompress;
pub mod protection;
pub mod security;

use agora_app::api::StaffSetup;
use agora_app::domain::CookiePolicy;
use agora_app::store::seal::{self, SealKey};
use agora_app::{App, shell};
use agora_migrations::{Migrator, MigratorTrait};
use axum::extract::{FromRef, State};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Router, middleware};
use config::Config;
use leptos::prelude::*;
use leptos_axum::{AxumRouteListing, LeptosRoutes, generate_route_list};
use protection::WriteGuard;
use sea_orm::DatabaseConnection;
use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};

/// What every request handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: DatabaseConnection,
    pub write_guard: Arc<WriteGuard>,
    pub staff: StaffSetup,
    /// The live rooms of this process.
    pub live: Arc<live::Hub>,
    /// Where this process's ballots are cast, together when they arrive together.
    pub ballot_box: agora_app::services::BallotBox,
    /// Seals ballots and survey responses while they wait to be mixed (`open_seal_key`).
    pub seal_key: SealKey,
    /// How cookies are named and flagged: `Secure` and prefixed under https.
    pub cookies: CookiePolicy,
    /// What a council may hold of testimonies waiting for a moderator.
    pub testimony_caps: agora_app::store::testimonies::Caps,
}

impl AppState {
    pub fn new(config: &Config, db: DatabaseConnection, seal_key: SealKey) -> anyhow::Result<Self> {
        monitoring::install();
        Ok(Self {
            seal_key: seal_key.clone(),
            cookies: CookiePolicy::for_url(&config.public_url),
            testimony_caps: config.limits.testimonies,
            leptos_options: leptos_options(config),
            write_guard: Arc::new(WriteGuard::new(
                &config.limits,
                &config.public_url,
                &seal_key,
            )),
            staff: staff_setup(config)?,
            live: Arc::new(live::Hub::new(
                db.clone(),
                live::SocketCaps {
                    per_address: config.limits.sockets_per_address,
                    per_room: config.limits.sockets_per_room,
                },
            )),
            ballot_box: agora_app::services::BallotBox::start(db.clone(), seal_key),
            db,
        })
    }
}

/// Passkeys are bound to the public URL: its host is the relying party id, and browsers
/// only answer ceremonies from that exact origin.
fn staff_setup(config: &Config) -> anyhow::Result<StaffSetup> {
    let public_url = config.public_url.as_str();
    let origin = webauthn_rs::prelude::Url::parse(public_url)?;
    let rp_id = origin
        .host_str()
        .ok_or_else(|| anyhow::anyhow!("AGORA_PUBLIC_URL {public_url:?} has no host"))?
        .to_owned();
    let webauthn = webauthn_rs::WebauthnBuilder::new(&rp_id, &origin)?
        .rp_name("Agora")
        .build()?;
    Ok(StaffSetup {
        webauthn: Arc::new(webauthn),
        public_url: public_url.to_owned(),
        session_idle: chrono::Duration::from_std(config.staff_idle)?,
    })
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// Connects and applies every pending migration.
pub async fn prepare_database(url: &str) -> anyhow::Result<DatabaseConnection> {
    let db = agora_app::store::connect(url).await?;
    Migrator::up(&db, None).await?;
    // A fresh pool for the app: a SQLite connection opened before a migration changed a
    // table was seen to return that table's rows without the new column (intermittently,
    // on `INSERT … RETURNING`).
    db.close().await?;
    Ok(agora_app::store::connect(url).await?)
}

/// The key that seals waiting ballots and responses, read from `config.seal_key_file` or,
/// on first start, drawn and written there (readable by its owner only); checked against
/// the fingerprint the database recorded, so that a server never starts with a key that
/// cannot open what waits.
pub async fn open_seal_key(config: &Config, db: &DatabaseConnection) -> anyhow::Result<SealKey> {
    let path = &config.seal_key_file;
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            if let Some(folder) = path.parent().filter(|f| !f.as_os_str().is_empty()) {
                std::fs::create_dir_all(folder)?;
            }
            let bytes = SealKey::generate().to_vec();
            write_private(path, &bytes).map_err(|e| {
                anyhow::anyhow!("cannot write the seal key {}: {e}", path.display())
            })?;
            tracing::info!(path = %path.display(), "seal key created");
            bytes
        }
        Err(error) => anyhow::bail!("cannot read the seal key {}: {error}", path.display()),
    };
    let key = SealKey::from_bytes(&bytes).ok_or_else(|| {
        anyhow::anyhow!(
            "the seal key {} must hold exactly {} bytes",
            path.display(),
            seal::KEY_BYTES
        )
    })?;
    seal::check_key(db, &key).await?;
    Ok(key)
}

/// Writes a new file only its owner may read (the seal key).
fn write_private(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)?.write_all(bytes)
}

pub fn leptos_options(config: &Config) -> LeptosOptions {
    LeptosOptions::builder()
        .output_name("agora")
        .site_root(config.site_root.to_string_lossy().into_owned())
        .site_pkg_dir("pkg")
        .site_addr(config.address)
        .build()
}

/// The app's routes, found once per process. Leptos finds them by rendering the app with
/// data loading switched off for the whole process (leptos-rs/leptos#4773): a page that
/// starts loading its data meanwhile, in another router of the same process, never gets it.
/// Finding them once, before the first router serves, closes that window.
fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// The whole application: pages, server functions and static files.
pub fn router(state: AppState) -> Router {
    let routes = route_list();
    let db = state.db.clone();
    let fallback_db = state.db.clone();
    let staff = state.staff.clone();
    let fallback_staff = state.staff.clone();
    let publisher: Arc<dyn agora_app::services::room::Publisher> = state.live.clone();
    let fallback_publisher = publisher.clone();
    let ballot_box = state.ballot_box.clone();
    let seal_key = state.seal_key.clone();
    let cookies = state.cookies;
    let testimony_caps = state.testimony_caps;
    let refused = state.write_guard.refused.clone();
    let not_found = leptos_axum::file_and_error_handler_with_context::<AppState, _>(
        move || {
            provide_context(fallback_db.clone());
            provide_context(fallback_staff.clone());
            provide_context(fallback_publisher.clone());
            provide_context(cookies);
            security::set_page_policy();
        },
        shell,
    );
    let router = Router::new()
        .route("/live/{assembly}", get(live::socket))
        .route("/j", get(join_by_query))
        .route("/j/{code}", get(join_by_path))
        .route("/health", get(health))
        .route("/metrics", get(monitoring::metrics_page))
        .route("/{slug}/temoignages/suivi/{token}", get(open_private_link))
        // Also registers every server function at its own path (`/api/…`), with these
        // contexts: the pages' and the server functions' are the same.
        .leptos_routes_with_context(
            &state,
            routes,
            move || {
                provide_context(db.clone());
                provide_context(staff.clone());
                provide_context(publisher.clone());
                provide_context(ballot_box.clone());
                provide_context(seal_key.clone());
                provide_context(cookies);
                provide_context(testimony_caps);
                provide_context(refused.clone());
                security::set_page_policy();
            },
            {
                let options = state.leptos_options.clone();
                move || shell(options.clone())
            },
        )
        // Files are served by `ServeDir` before anything reactive runs. Leptos's own file
        // handler serves them inside whatever reactive owner its thread last ran and moves
        // that page's response headers (its policy, its cookies) onto the file: see
        // `concurrent_pages_and_files_never_exchange_headers`. Unknown paths get the 404 page.
        .fallback_service(
            tower_http::services::ServeDir::new(&*state.leptos_options.site_root)
                .precompressed_br()
                .not_found_service(axum::handler::Handler::with_state(not_found, state.clone())),
        )
        .layer(middleware::from_fn_with_state(
            state.write_guard.clone(),
            protection::guard_writes,
        ))
        .with_state(state)
        // Text, scripts and the wasm travel compressed (brotli, else gzip): the first-load
        // budget of a phone on a slow network is counted in compressed bytes. The site's
        // files are compressed ahead (`precompress`); pages are compressed as they are
        // rendered, at quality 5 rather than tower-http's 4: 5.8 % smaller pages for about
        // 0.1 ms more per page (docs/PERFORMANCE.md, "Compressing pages").
        .layer(
            tower_http::compression::CompressionLayer::new()
                .quality(tower_http::CompressionLevel::Precise(5)),
        );
    security::with_security_headers(router, cookies.is_secure())
}

/// A testimony's private link: its token goes into an HttpOnly cookie and the browser on to
/// the token-free `/{slug}/temoignages/suivi`, so that only this one request carries it and
/// the pages after it (their addresses, the access log's lines, a `Referer`) do not. The
/// token is checked there, not here: a wrong link leads to the same "not found" either way.
async fn open_private_link(
    State(state): State<AppState>,
    axum::extract::Path((slug, token)): axum::extract::Path<(String, String)>,
) -> axum::response::Response {
    use agora_app::api::private_link_token;
    use agora_app::domain::Cookie;
    use axum::http::{HeaderValue, StatusCode, header};
    let Ok(slug) = agora_app::domain::CouncilSlug::parse(&slug) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let mut response =
        axum::response::Redirect::to(&format!("/{slug}/temoignages/suivi")).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Some(cookie) = private_link_token(&token).and_then(|token| {
        HeaderValue::from_str(&state.cookies.set(Cookie::TestimonyLink, token)).ok()
    }) {
        headers.append(header::SET_COOKIE, cookie);
    }
    response
}

/// `/j/ABC234` (the QR code's link): to the assembly that code opens.
/// `/health`, for a load balancer or a monitoring probe: 200 `ok` when the database answers
/// a query within two seconds, 503 otherwise. It says nothing else (no version, no figures).
async fn health(State(state): State<AppState>) -> axum::response::Response {
    use axum::response::IntoResponse;
    use sea_orm::ConnectionTrait;
    let probe = tokio::time::timeout(
        std::time::Duration::from_secs(2),
        state.db.execute_unprepared("SELECT 1"),
    )
    .await;
    match probe {
        Ok(Ok(_)) => (axum::http::StatusCode::OK, "ok").into_response(),
        Ok(Err(error)) => {
            tracing::warn!(%error, "health: the database does not answer");
            (
                axum::http::StatusCode::SERVICE_UNAVAILABLE,
                "database unavailable",
            )
                .into_response()
        }
        Err(_) => {
            tracing::warn!("health: the database took more than two seconds");
            (
                axum::http::StatusCode::SERVICE_UNAVAILABLE,
                "database unavailable",
            )
                .into_response()
        }
    }
}

async fn join_by_path(
    State(state): State<AppState>,
    axum::extract::Path(code): axum::extract::Path<String>,
) -> axum::response::Response {
    join(&state, &code).await
}

/// `/j?code=abc-234` (the form of `/rejoindre`, which works without JavaScript).
async fn join_by_query(
    State(state): State<AppState>,
    axum::extract::Query(query): axum::extract::Query<std::collections::HashMap<String, String>>,
) -> axum::response::Response {
    join(&state, query.get("code").map_or("", String::as_str)).await
}

/// To the assembly's page, or back to `/rejoindre` saying that the code matched nothing
/// (with what was typed, reduced to letters, digits and dashes, so it needs no escaping).
async fn join(state: &AppState, typed: &str) -> axum::response::Response {
    use axum::response::Redirect;
    let found = match agora_app::domain::JoinCode::parse(typed) {
        Some(code) => agora_app::store::assemblies::assembly_by_join_code(&state.db, &code).await,
        None => Ok(None),
    };
    match found {
        Ok(Some((slug, id))) => Redirect::to(&format!("/{slug}/assemblees/{id}")).into_response(),
        Ok(None) => {
            let shown: String = typed
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
                .take(16)
                .collect();
            let shown = if shown.is_empty() { "-".into() } else { shown };
            Redirect::to(&format!("/rejoindre?code={shown}")).into_response()
        }
        Err(error) => {
            tracing::error!(%error, "join code lookup failed");
            axum::http::StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// Listens on the configured address until Ctrl-C.
pub async fn serve(
    config: &Config,
    db: DatabaseConnection,
    seal_key: SealKey,
) -> anyhow::Result<()> {
    let state = AppState::new(config, db, seal_key)?;
    live::start_relay(state.live.clone(), &state.db);
    let site_root = config.site_root.clone();
    tokio::task::spawn_blocking(move || match precompress::precompress(&site_root) {
        Ok(written) => tracing::info!(files = written.len(), "site files compressed ahead"),
        Err(error) => tracing::warn!(%error, "site files not compressed ahead"),
    });
    let listener = tokio::net::TcpListener::bind(config.address).await?;
    let address = listener.local_addr()?;
    tracing::info!(%address, "listening");
    println!(
        "Agora is running: open {}  (listening on {address})",
        config.public_url
    );
    axum::serve(
        listener,
        router(state).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await?;
    Ok(())
}
