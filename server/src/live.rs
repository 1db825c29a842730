//! Live rooms: one websocket per client and assembly (protocol in docs/live-protocol.md),
//! and the hub that hands every client of a room each event in sequence order.
//!
//! A command is stored with its event and sequence number before anyone hears of it
//! (`agora_app::services::room::apply`); the hub then broadcasts the frames serialised once.
//! A client that cannot keep up loses its place in the broadcast buffer and gets a fresh
//! snapshot instead of a silent gap; the room never waits for it.

use agora_app::domain::{ParticipantId, Preferences};
use agora_app::live::{ClientMessage, PROTOCOL_VERSION, ServerMessage};
use agora_app::services::room::{self, Actor, Refusal};
use agora_app::store::room::{self as stored, StoredEvent};
use axum::extract::ws::{Message, Utf8Bytes, WebSocket, WebSocketUpgrade};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use futures_util::{Sink, SinkExt, Stream, StreamExt};
use sea_orm::DatabaseConnection;
use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::broadcast;

use crate::AppState;

/// Events a socket may fall behind before it is given a snapshot instead.
const ROOM_BUFFER: usize = 256;
/// Events replayed to a reconnecting client before a snapshot is cheaper.
const REPLAY_MAX: u64 = 512;
/// Events a room's catch-up reads at once; a room this far behind (it cannot happen in a
/// plenary) is caught up over several notifications.
const CATCH_UP_MAX: u64 = 10_000;
/// A client that does not say hello in time, or cannot take a frame in time, is let go.
const HELLO_TIMEOUT: Duration = Duration::from_secs(10);
/// A socket is pinged this often; one that has sent nothing, not even the pong browsers
/// answer by themselves, for `IDLE_TIMEOUT` is gone (its network dropped without a word)
/// and is let go, with its place in the counts. The room sends the ping through its
/// broadcast (`PING` as sequence number): one timer per room, none per socket.
const PING_EVERY: Duration = Duration::from_secs(30);
const PING: i64 = i64::MIN;
const IDLE_TIMEOUT: Duration = Duration::from_secs(90);
/// How often a staff socket checks that its session still runs the room, besides when
/// this process hears of a change: a session ended on another instance, or expired.
pub const RECHECK: Duration = Duration::from_secs(30);
const SEND_TIMEOUT: Duration = Duration::from_secs(10);
/// The longest a rate-limited client goes unread at once, well within `IDLE_TIMEOUT` (a limit
/// counted in hours is waited out a pause at a time, a refusal each).
const PAUSE_MAX: Duration = Duration::from_secs(5);
/// A command is a small JSON object; anything bigger is refused by the socket itself.
const MAX_MESSAGE_BYTES: usize = 8 * 1024;

/// One event's frames, shared by every socket of the room.
#[derive(Debug)]
pub struct Frames {
    pub seq: i64,
    public: Utf8Bytes,
    staff: Utf8Bytes,
}

struct Room {
    sender: broadcast::Sender<Arc<Frames>>,
    /// The last sequence number handed to the broadcast; events go out in order only.
    delivered: tokio::sync::Mutex<i64>,
}

/// The rooms of this process.
pub struct Hub {
    db: DatabaseConnection,
    rooms: Mutex<HashMap<i64, Arc<Room>>>,
    /// Moves on whenever staff access may have changed in this process: staff sockets
    /// watch it and check their session again (`Publisher::staff_access_changed`).
    staff_access: tokio::sync::watch::Sender<u64>,
    /// Sockets open now, per address and per room, and the most each may hold.
    sockets: Mutex<SocketCounts>,
    caps: SocketCaps,
}

impl Hub {
    pub fn new(db: DatabaseConnection, caps: SocketCaps) -> Self {
        Self {
            db,
            rooms: Mutex::new(HashMap::new()),
            staff_access: tokio::sync::watch::Sender::new(0),
            sockets: Mutex::new(SocketCounts::default()),
            caps,
        }
    }

    async fn room(&self, assembly: i64) -> Result<Arc<Room>, sea_orm::DbErr> {
        if let Some(room) = self
            .rooms
            .lock()
            .ok()
            .and_then(|rooms| rooms.get(&assembly).cloned())
        {
            return Ok(room);
        }
        let last = stored::last_seq(&self.db, assembly).await?;
        let mut rooms = self
            .rooms
            .lock()
            .map_err(|_| sea_orm::DbErr::Custom("room table poisoned".into()))?;
        Ok(rooms
            .entry(assembly)
            .or_insert_with(|| {
                let room = Arc::new(Room {
                    sender: broadcast::channel(ROOM_BUFFER).0,
                    delivered: tokio::sync::Mutex::new(last),
                });
                ping_while_open(Arc::downgrade(&room));
                room
            })
            .clone())
    }

    /// Hands a stored event to the room's clients. Events reach the broadcast in sequence
    /// order: one that overtook an earlier one (two commands committed close together)
    /// makes the hub read what is missing from the database first.
    pub async fn publish(&self, event: StoredEvent) {
        let Ok(room) = self.room(event.assembly).await else {
            return;
        };
        let mut delivered = room.delivered.lock().await;
        if event.seq <= *delivered {
            return;
        }
        if event.seq == *delivered + 1 {
            send(&room, &event);
            *delivered = event.seq;
            return;
        }
        self.catch_up_locked(&room, event.assembly, &mut delivered)
            .await;
    }

    /// Reads and broadcasts whatever the database holds beyond what this process delivered
    /// (events stored by another instance, or overtaken ones).
    pub async fn catch_up(&self, assembly: i64) {
        let Ok(room) = self.room(assembly).await else {
            return;
        };
        let mut delivered = room.delivered.lock().await;
        self.catch_up_locked(&room, assembly, &mut delivered).await;
    }

    async fn catch_up_locked(&self, room: &Room, assembly: i64, delivered: &mut i64) {
        match stored::events_since(&self.db, assembly, *delivered, CATCH_UP_MAX).await {
            Ok(Some(events)) => {
                for event in events {
                    send(room, &event);
                    *delivered = event.seq;
                }
            }
            Ok(None) => tracing::warn!(assembly, "room events not contiguous in the database"),
            Err(error) => tracing::error!(%error, assembly, "room catch-up failed"),
        }
    }

    /// After a notification from another instance: catches up a room this process serves,
    /// unless it already delivered `seq`. Rooms nobody here listens to are left alone.
    pub async fn heard(&self, assembly: i64, seq: i64) {
        let room = self
            .rooms
            .lock()
            .ok()
            .and_then(|rooms| rooms.get(&assembly).cloned());
        let Some(room) = room else {
            return;
        };
        let mut delivered = room.delivered.lock().await;
        if seq > *delivered {
            self.catch_up_locked(&room, assembly, &mut delivered).await;
        }
    }

    /// Catches up every room this process serves (after the relay lost its connection:
    /// notifications sent meanwhile are gone, the database is not).
    pub async fn catch_up_all(&self) {
        let assemblies: Vec<i64> = self
            .rooms
            .lock()
            .map(|rooms| rooms.keys().copied().collect())
            .unwrap_or_default();
        for assembly in assemblies {
            self.catch_up(assembly).await;
        }
    }

    /// Forgets rooms nobody listens to any more.
    fn release(&self, assembly: i64) {
        if let Ok(mut rooms) = self.rooms.lock()
            && rooms
                .get(&assembly)
                .is_some_and(|room| room.sender.receiver_count() == 0)
        {
            rooms.remove(&assembly);
        }
    }
}

impl room::Publisher for Hub {
    fn publish(
        &self,
        event: StoredEvent,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send + '_>> {
        Box::pin(Hub::publish(self, event))
    }

    fn staff_access_changed(&self) {
        self.staff_access.send_modify(|generation| *generation += 1);
    }
}

/// Sends the room's ping every `PING_EVERY` for as long as the room is in use.
fn ping_while_open(room: std::sync::Weak<Room>) {
    let ping = Arc::new(Frames {
        seq: PING,
        public: Utf8Bytes::from_static(""),
        staff: Utf8Bytes::from_static(""),
    });
    tokio::spawn(async move {
        let mut every =
            tokio::time::interval_at(tokio::time::Instant::now() + PING_EVERY, PING_EVERY);
        loop {
            every.tick().await;
            let Some(room) = room.upgrade() else {
                return;
            };
            let _ = room.sender.send(ping.clone());
        }
    });
}

fn send(room: &Room, event: &StoredEvent) {
    let frames = Frames {
        seq: event.seq,
        public: Utf8Bytes::from(event.public.clone()),
        staff: Utf8Bytes::from(event.frame(true).to_owned()),
    };
    // No receiver is not an error: nobody is connected right now.
    let _ = room.sender.send(Arc::new(frames));
    metrics::counter!(crate::monitoring::LIVE_EVENTS).increment(1);
}

/// Who is on the other end of a socket.
struct Client {
    /// Where it connects from (the client behind a trusted proxy).
    address: Option<IpAddr>,
    actor: Actor,
    participant: Option<ParticipantId>,
    staff: bool,
    prefs: Preferences,
    /// A staff socket's session token and council, to check again while it is open.
    session: Option<(String, i64)>,
}

/// The query of the socket's address.
#[derive(serde::Deserialize)]
pub struct SocketQuery {
    /// `participant`: the connection acts as a participant even for a signed-in staff member
    /// (the participants' page), so that it supports questions as that page's forms do.
    vue: Option<String>,
}

/// `GET /live/{assembly}`: upgrades to the room's websocket. Refused before the upgrade: a
/// page of another site (its `Origin` is not ours), an unknown or unpublished assembly, a
/// members-only meeting for anyone but its members and the staff who run rooms.
pub async fn socket(
    State(state): State<AppState>,
    Path(assembly): Path<String>,
    Query(query): Query<SocketQuery>,
    axum::extract::ConnectInfo(peer): axum::extract::ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    upgrade: WebSocketUpgrade,
) -> Response {
    let Ok(assembly) = assembly.parse::<i64>() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    if !crate::protection::same_origin(&headers) {
        return StatusCode::FORBIDDEN.into_response();
    }
    let audience = match stored::audience_of(&state.db, assembly).await {
        Ok(Some(audience)) => audience,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => {
            tracing::error!(%error, "live socket lookup failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    // A place among the sockets of this address and this room, held until it closes.
    let address = state.write_guard.client_address(peer.ip(), &headers);
    let Some(slot) = state.live.take_slot(address, assembly) else {
        return StatusCode::TOO_MANY_REQUESTS.into_response();
    };
    let cookies = headers
        .get(header::COOKIE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let council = audience.council_id;
    // A members-only meeting is not there for anybody else: the same 404 as no room.
    if audience.members_only && !may_enter_meeting(&state, &cookies, council, audience.body).await {
        return StatusCode::NOT_FOUND.into_response();
    }
    let prefs = Preferences::from_cookie_header(&cookies, state.cookies);
    let as_participant = query.vue.as_deref() == Some("participant");
    let token = state
        .cookies
        .read(&cookies, agora_app::domain::Cookie::Staff)
        .filter(|token| !token.is_empty() && !as_participant);
    let staff_account = match token {
        Some(token) => runs_room(&state, token, council, true).await,
        None => None,
    };
    let session = staff_account
        .and(token)
        .map(|token| (token.to_owned(), council));
    let participant = state.write_guard.participant_of(&headers);
    let client = match (staff_account, &participant) {
        (Some(account_id), _) => Client {
            address: Some(address),
            actor: Actor::Staff { account_id },
            participant: participant.clone(),
            staff: true,
            prefs,
            session,
        },
        (None, Some(id)) => Client {
            address: Some(address),
            actor: Actor::Participant {
                voter: stored::voter_key(id, assembly),
            },
            participant: participant.clone(),
            staff: false,
            prefs,
            session: None,
        },
        // Without a participant cookie (the page sets one) the socket may read but each
        // upvote is tied to this connection only.
        (None, None) => {
            let id = ParticipantId::from_random(rand::random());
            Client {
                address: Some(address),
                actor: Actor::Participant {
                    voter: stored::voter_key(&id, assembly),
                },
                participant: Some(id),
                staff: false,
                prefs,
                session: None,
            }
        }
    };
    upgrade
        .read_buffer_size(4 * 1024)
        .write_buffer_size(0)
        .max_write_buffer_size(256 * 1024)
        .max_message_size(MAX_MESSAGE_BYTES)
        .max_frame_size(MAX_MESSAGE_BYTES)
        .on_upgrade(move |socket| async move {
            let _slot = slot;
            run(socket, state, assembly, client).await;
        })
}

fn text(message: &ServerMessage) -> Message {
    Message::Text(Utf8Bytes::from(
        serde_json::to_string(message).unwrap_or_default(),
    ))
}

fn translated(prefs: Preferences, id: &str) -> String {
    agora_app::i18n::message(prefs.lang, prefs.easy_read, id, None)
}

/// Sends one frame; false when the client is gone or did not take it in time.
async fn deliver<S: Sink<Message> + Unpin>(sink: &mut S, message: Message) -> bool {
    let mut send = std::pin::pin!(sink.send(message));
    // Nearly always the socket takes the frame at once (nothing is buffered): then no timer
    // is armed. Only a client whose socket is full waits, and for `SEND_TIMEOUT` at most.
    if let Some(sent) = futures_util::FutureExt::now_or_never(&mut send) {
        return sent.is_ok();
    }
    matches!(tokio::time::timeout(SEND_TIMEOUT, send).await, Ok(Ok(())))
}

/// Sends the room as it is now; the sequence number it stands at, if sent.
async fn send_snapshot<S: Sink<Message> + Unpin>(
    sink: &mut S,
    db: &DatabaseConnection,
    assembly: i64,
    staff: bool,
) -> Option<i64> {
    let (seq, room) = room::snapshot(db, assembly, staff).await.ok()??;
    let message = text(&ServerMessage::Snapshot {
        v: PROTOCOL_VERSION,
        seq,
        room,
    });
    deliver(sink, message).await.then_some(seq)
}

async fn run(socket: WebSocket, state: AppState, assembly: i64, client: Client) {
    let (sink, incoming) = socket.split();
    converse(sink, incoming, &state, assembly, &client).await;
}

/// One client's conversation with a room, from its `hello` to its close. It is driven by any
/// stream of incoming messages and any sink for outgoing ones (the websocket's two halves in
/// service), so that a test can play a conversation without a network.
async fn converse<S, I>(
    mut sink: S,
    mut incoming: I,
    state: &AppState,
    assembly: i64,
    client: &Client,
) where
    S: Sink<Message> + Unpin,
    I: Stream<Item = Result<Message, axum::Error>> + Unpin,
{
    let hub = state.live.clone();
    // The database work below is boxed: awaited inline, its futures would be part of this
    // connection's task for as long as the connection lives (kilobytes per idle socket).
    let Ok(room) = Box::pin(hub.room(assembly)).await else {
        return;
    };
    // Subscribed before the snapshot or the replay is read: nothing can fall in between
    // (what arrives twice is skipped by its sequence number).
    let mut events = room.sender.subscribe();

    // The first message must be `hello`.
    let since = match tokio::time::timeout(HELLO_TIMEOUT, incoming.next()).await {
        Ok(Some(Ok(Message::Text(frame)))) => match serde_json::from_str(frame.as_str()) {
            Ok(ClientMessage::Hello { v, since }) if v == PROTOCOL_VERSION => since,
            // An older page (open since before an upgrade) is told to reload, in words.
            Ok(ClientMessage::Hello { .. }) => {
                let refused = refusal(client, None, "version", "error-live-version");
                let _ = deliver(&mut sink, refused).await;
                return;
            }
            _ => {
                let refused = refusal(client, None, "protocol", "error-live-message");
                let _ = deliver(&mut sink, refused).await;
                return;
            }
        },
        _ => return,
    };
    let replay = match since {
        Some(since) => Box::pin(stored::events_since(&state.db, assembly, since, REPLAY_MAX))
            .await
            .ok()
            .flatten()
            .map(|missed| (since, missed)),
        None => None,
    };
    let mut last_sent = match replay {
        Some((since, missed)) => {
            let mut last = since;
            for event in missed {
                let frame = Utf8Bytes::from(event.frame(client.staff).to_owned());
                if !deliver(&mut sink, Message::Text(frame)).await {
                    return;
                }
                last = event.seq;
            }
            last
        }
        None => match Box::pin(send_snapshot(&mut sink, &state.db, assembly, client.staff)).await {
            Some(seq) => seq,
            None => return,
        },
    };

    // Staff sockets only (participants hold no timer of their own: memory per idle
    // socket is what a large room costs).
    let mut watch = client.session.as_ref().map(|_| StaffWatch {
        access: hub.staff_access.subscribe(),
        recheck: tokio::time::interval_at(tokio::time::Instant::now() + RECHECK, RECHECK),
    });
    let mut last_heard = tokio::time::Instant::now();
    // Set while a rate-limited client is not read (no timer otherwise: see above).
    let mut pause: Option<Pin<Box<tokio::time::Sleep>>> = None;
    loop {
        tokio::select! {
            // A staff socket whose session ended, or whose member no longer runs the room,
            // is told so and closed: it was receiving what only staff see.
            () = staff_check_due(&mut watch) => {
                if !Box::pin(still_staff(state, client)).await {
                    let ended = refusal(client, None, "session-ended", "error-live-session-ended");
                    let _ = deliver(&mut sink, ended).await;
                    break;
                }
            }
            received = events.recv() => match received {
                // The room's ping: a socket silent for too long is gone; the others are
                // pinged (browsers answer by themselves), so that a dead one falls silent.
                Ok(frames) if frames.seq == PING => {
                    if last_heard.elapsed() >= IDLE_TIMEOUT
                        || !deliver(&mut sink, Message::Ping(Default::default())).await
                    {
                        break;
                    }
                }
                Ok(frames) => {
                    if frames.seq <= last_sent {
                        continue;
                    }
                    let frame = if client.staff { &frames.staff } else { &frames.public };
                    if !deliver(&mut sink, Message::Text(frame.clone())).await {
                        break;
                    }
                    last_sent = frames.seq;
                }
                Err(broadcast::error::RecvError::Lagged(_)) => {
                    match Box::pin(send_snapshot(&mut sink, &state.db, assembly, client.staff)).await {
                        Some(seq) => last_sent = seq,
                        None => break,
                    }
                }
                Err(broadcast::error::RecvError::Closed) => break,
            },
            () = paused(&mut pause), if pause.is_some() => pause = None,
            message = incoming.next(), if pause.is_none() => {
                let frame = match message.inspect(|_| last_heard = tokio::time::Instant::now()) {
                    Some(Ok(Message::Text(frame))) => frame,
                    // No command is binary: it is answered as a text that is not one.
                    Some(Ok(Message::Binary(_))) => Utf8Bytes::default(),
                    Some(Ok(_)) => continue,
                    Some(Err(_)) | None => break,
                };
                let (answer, wait) = Box::pin(command(state, assembly, client, frame.as_str())).await;
                if !deliver(&mut sink, answer).await {
                    break;
                }
                // A client over its limit is not read again until the limit lets a frame
                // through: what it sends meanwhile waits in its own socket (and soon blocks
                // it) instead of costing the room a refusal each.
                if let Some(wait) = wait {
                    pause = Some(Box::pin(tokio::time::sleep(wait.min(PAUSE_MAX))));
                }
            }
        }
    }
    drop(events);
    hub.release(assembly);
}

/// How long until a participant's socket may send again, when one more frame now would be
/// over a limit. Every frame counts, whatever it says, against the same limits as form posts
/// (which count before their body is read): the participant's own, and its address's (a
/// script opening many sockets gets no fresh quota with each). Staff are not limited.
fn over_limit(state: &AppState, client: &Client) -> Option<Duration> {
    if client.staff {
        return None;
    }
    let guard = &state.write_guard;
    client
        .participant
        .as_ref()
        .and_then(|participant| guard.participant_write(participant).err())
        .or_else(|| {
            client
                .address
                .and_then(|address| guard.address_write(address).err())
        })
}

/// Until a pause ends; never, without one.
async fn paused(pause: &mut Option<Pin<Box<tokio::time::Sleep>>>) {
    match pause {
        Some(pause) => pause.await,
        None => std::future::pending().await,
    }
}

fn refusal(client: &Client, reference: Option<String>, code: &str, message: &str) -> Message {
    text(&ServerMessage::Error {
        reference,
        code: code.to_owned(),
        message: translated(client.prefs, message),
    })
}

/// Applies one command from a socket and answers `ack` or `error`; the event itself reaches
/// every socket of the room, this one included, through the hub. A frame refused by a rate
/// limit comes with how long until the limit lets one through.
async fn command(
    state: &AppState,
    assembly: i64,
    client: &Client,
    frame: &str,
) -> (Message, Option<Duration>) {
    let message = serde_json::from_str::<ClientMessage>(frame);
    let reference = message
        .as_ref()
        .ok()
        .and_then(|message| message.reference().map(str::to_owned));
    if let Some(wait) = over_limit(state, client) {
        let refused = refusal(client, reference, "rate-limited", "error-rate-limited");
        return (refused, Some(wait));
    }
    let Ok(message) = message else {
        return (
            refusal(client, None, "protocol", "error-live-message"),
            None,
        );
    };
    let answer = match room::apply(&state.db, assembly, &client.actor, &message).await {
        Ok(applied) => {
            state.live.publish(applied.event).await;
            text(&ServerMessage::Ack {
                reference,
                question: applied.question,
            })
        }
        Err(refused) => {
            if let Refusal::Db(error) = &refused {
                tracing::error!(%error, "live command failed");
            }
            let (code, message) = refused.code_and_message();
            refusal(client, reference, code, message)
        }
    };
    (answer, None)
}

mod relay;
mod slots;
mod staff;
pub use relay::start_relay;
use slots::SocketCounts;
pub use slots::{SocketCaps, SocketSlot};
use staff::{StaffWatch, may_enter_meeting, runs_room, staff_check_due, still_staff};

#[cfg(test)]
mod tests;
