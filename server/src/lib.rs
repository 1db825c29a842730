//! Agora's runtime: configuration, database preparation, the HTTP router and the server.
//! `router()` and `prepare_database()` are public so that integration tests boot the real thing.

pub mod config;
pub mod demo;
pub mod protection;
pub mod security;

use agora_app::api::StaffSetup;
use agora_app::{App, shell};
use agora_migrations::{Migrator, MigratorTrait};
use axum::body::Body;
use axum::extract::{FromRef, Request, State};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Router, middleware};
use config::Config;
use leptos::prelude::*;
use leptos_axum::{
    AxumRouteListing, LeptosRoutes, generate_route_list, handle_server_fns_with_context,
};
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
}

impl AppState {
    pub fn new(config: &Config, db: DatabaseConnection) -> anyhow::Result<Self> {
        Ok(Self {
            leptos_options: leptos_options(config),
            db,
            write_guard: Arc::new(WriteGuard::new(config.limits, &config.public_url)),
            staff: staff_setup(&config.public_url)?,
        })
    }
}

/// Passkeys are bound to the public URL: its host is the relying party id, and browsers
/// only answer ceremonies from that exact origin.
fn staff_setup(public_url: &str) -> anyhow::Result<StaffSetup> {
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
        secure_cookies: public_url.starts_with("https://"),
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
    Ok(db)
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
    let router = Router::new()
        .route(
            "/api/{*fn_name}",
            get(server_fn_handler).post(server_fn_handler),
        )
        .leptos_routes_with_context(
            &state,
            routes,
            move || {
                provide_context(db.clone());
                provide_context(staff.clone());
                security::set_page_policy();
            },
            {
                let options = state.leptos_options.clone();
                move || shell(options.clone())
            },
        )
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(
            move || {
                provide_context(fallback_db.clone());
                provide_context(fallback_staff.clone());
                security::set_page_policy();
            },
            shell,
        ))
        .layer(middleware::from_fn_with_state(
            state.write_guard.clone(),
            protection::guard_writes,
        ))
        .with_state(state);
    security::with_security_headers(router)
}

async fn server_fn_handler(
    State(state): State<AppState>,
    request: Request<Body>,
) -> impl IntoResponse {
    handle_server_fns_with_context(
        move || {
            provide_context(state.db.clone());
            provide_context(state.staff.clone());
        },
        request,
    )
    .await
}

/// Listens on the configured address until Ctrl-C.
pub async fn serve(config: &Config, db: DatabaseConnection) -> anyhow::Result<()> {
    let state = AppState::new(config, db)?;
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
