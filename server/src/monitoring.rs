//! `/metrics`, in the Prometheus text format (docs/operations.md): live rooms and sockets,
//! events sent to rooms, ballots cast, writes refused and why. Figures only — never a
//! council, an assembly or a person — and answered to the machine itself only (a scraper on
//! the host, or through the reverse proxy's own rule), like `/health`.

use axum::extract::ConnectInfo;
use axum::http::{HeaderValue, StatusCode, header::CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use std::net::SocketAddr;
use std::sync::OnceLock;

pub const LIVE_SOCKETS: &str = "agora_live_sockets";
pub const LIVE_ROOMS: &str = "agora_live_rooms";
pub const LIVE_EVENTS: &str = "agora_live_events_total";
pub const BALLOTS: &str = agora_app::services::BALLOTS_METRIC;
pub const WRITES_REFUSED: &str = "agora_writes_refused_total";

static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();

/// Installs the process's recorder, once (several servers in one test process share it).
pub fn install() {
    HANDLE.get_or_init(|| {
        let handle = PrometheusBuilder::new().install_recorder().ok()?;
        metrics::describe_gauge!(LIVE_SOCKETS, "Live sockets open in this process");
        metrics::describe_gauge!(LIVE_ROOMS, "Rooms with at least one live socket here");
        metrics::describe_counter!(LIVE_EVENTS, "Events handed to this process's rooms");
        metrics::describe_counter!(BALLOTS, "Ballots taken by the ballot box");
        metrics::describe_counter!(WRITES_REFUSED, "Writes refused at the door, by reason");
        Some(handle)
    });
}

/// `GET /metrics`: the figures, to a client on this machine that came straight, not through
/// the reverse proxy (which is on the machine too, and says so with a forwarding header);
/// 404 to anyone else, as if there were none.
pub async fn metrics_page(
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: axum::http::HeaderMap,
) -> Response {
    let proxied = headers.contains_key("x-forwarded-for") || headers.contains_key("forwarded");
    let Some(Some(handle)) = HANDLE.get().filter(|_| peer.ip().is_loopback() && !proxied) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let mut response = handle.render().into_response();
    response.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
    );
    response
}
