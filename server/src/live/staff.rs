//! Staff on a live socket: who may run the room, and the checks that close a staff
//! socket once its session ends or its member no longer runs the room.

use super::{AppState, Client};
use agora_app::domain::Permission;

/// The staff account of an open session whose role may run live rooms of `council`.
/// `used`: opening a console is a use of the session; its later checks are not.
pub(super) async fn runs_room(
    state: &AppState,
    token: &str,
    council: i64,
    used: bool,
) -> Option<i64> {
    use agora_app::store::staff::{session_member, staff_by_session};
    let idle = state.staff.session_idle;
    let member = if used {
        staff_by_session(&state.db, token, idle).await
    } else {
        session_member(&state.db, token, idle).await
    };
    member
        .ok()
        .flatten()
        .filter(|member| {
            member
                .roles
                .iter()
                .any(|r| r.council_id == council && r.access().can(Permission::ModerateLive))
        })
        .map(|member| member.account_id)
}

/// What a staff socket watches: news that staff access changed in this process, and its
/// own timer for changes made elsewhere.
pub(super) struct StaffWatch {
    pub(super) access: tokio::sync::watch::Receiver<u64>,
    pub(super) recheck: tokio::time::Interval,
}

/// Resolves when a staff socket should check its session again; never for a participant.
pub(super) async fn staff_check_due(watch: &mut Option<StaffWatch>) {
    match watch {
        Some(watch) => {
            tokio::select! {
                _ = watch.access.changed() => {}
                _ = watch.recheck.tick() => {}
            }
        }
        None => std::future::pending().await,
    }
}

/// Whether a staff socket's session is still open and still runs its room.
pub(super) async fn still_staff(state: &AppState, client: &Client) -> bool {
    match &client.session {
        Some((token, council)) => runs_room(state, token, *council, false).await.is_some(),
        None => true,
    }
}

/// Whether the socket's cookies may enter a members-only meeting of `body`: staff who run
/// the council's rooms, or a member of the body (by their member's session, or by the
/// passkey account they signed in with). Checked before the upgrade, as the pages are.
pub(super) async fn may_enter_meeting(
    state: &AppState,
    cookies: &str,
    council: i64,
    body: Option<i64>,
) -> bool {
    use agora_app::domain::Cookie;
    let staff_token = state
        .cookies
        .read(cookies, Cookie::Staff)
        .filter(|token| !token.is_empty());
    let mut account = None;
    if let Some(token) = staff_token {
        if runs_room(state, token, council, false).await.is_some() {
            return true;
        }
        account =
            agora_app::store::staff::session_member(&state.db, token, state.staff.session_idle)
                .await
                .ok()
                .flatten()
                .map(|member| member.account_id);
    }
    let member_token = state
        .cookies
        .read(cookies, Cookie::Member)
        .filter(|token| !token.is_empty());
    let viewer = agora_app::domain::body::Viewer {
        runs_rooms: false,
        bodies: agora_app::store::bodies::bodies_of_viewer(
            &state.db,
            council,
            member_token,
            account,
        )
        .await
        .unwrap_or_default(),
    };
    viewer.may_see(body, true)
}
