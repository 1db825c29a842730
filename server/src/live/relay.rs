//! With PostgreSQL, several instances serve one database: each hears, through
//! `LISTEN agora_room`, the events the others store, and hands them to its own rooms.

use super::Hub;
use agora_app::store::room as stored;
use sea_orm::DatabaseConnection;
use std::sync::Arc;
use std::time::Duration;

/// With PostgreSQL, relays the events other instances store to this process's rooms
/// (`LISTEN agora_room`): a client of any instance sees every event of its room. With
/// SQLite there is one instance and nothing to relay.
pub fn start_relay(hub: Arc<Hub>, db: &DatabaseConnection) {
    if db.get_database_backend() != sea_orm::DbBackend::Postgres {
        return;
    }
    let pool = db.get_postgres_connection_pool().clone();
    tokio::spawn(async move {
        loop {
            if let Err(error) = relay(&hub, &pool).await {
                tracing::warn!(%error, "room relay lost its connection; listening again");
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    });
}

async fn relay(hub: &Hub, pool: &sea_orm::sqlx::PgPool) -> Result<(), sea_orm::sqlx::Error> {
    let mut listener = sea_orm::sqlx::postgres::PgListener::connect_with(pool).await?;
    listener.listen(stored::ROOM_CHANNEL).await?;
    // Whatever was announced while nobody listened is in the database.
    hub.catch_up_all().await;
    loop {
        match listener.try_recv().await? {
            Some(notification) => {
                let heard = notification
                    .payload()
                    .split_once(':')
                    .and_then(|(assembly, seq)| Some((assembly.parse().ok()?, seq.parse().ok()?)));
                if let Some((assembly, seq)) = heard {
                    hub.heard(assembly, seq).await;
                }
            }
            // The connection dropped and came back: notifications may have been lost.
            None => hub.catch_up_all().await,
        }
    }
}
