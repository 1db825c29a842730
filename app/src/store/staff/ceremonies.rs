//! Passkey ceremonies in progress: their state kept between the two halves.

use super::*;

/// A passkey ceremony waiting for the browser's answer.
pub struct Ceremony {
    pub state: String,
    pub invitation_id: Option<i64>,
    pub display_name: Option<String>,
}

pub async fn save_ceremony(
    db: &DatabaseConnection,
    kind: &str,
    state: String,
    invitation_id: Option<i64>,
    display_name: Option<String>,
) -> Result<String, DbErr> {
    let id = new_token();
    // Expired ceremonies of anyone are dropped here, so the table stays small.
    passkey_ceremony::Entity::delete_many()
        .filter(passkey_ceremony::Column::ExpiresAt.lt(Utc::now()))
        .exec(db)
        .await?;
    passkey_ceremony::ActiveModel {
        id: Set(id.clone()),
        kind: Set(kind.to_owned()),
        state: Set(state),
        invitation_id: Set(invitation_id),
        display_name: Set(display_name),
        expires_at: Set(Utc::now() + Duration::minutes(CEREMONY_MINUTES)),
    }
    .insert(db)
    .await?;
    Ok(id)
}

/// Takes a ceremony out of the store: each can be finished once, before it expires.
pub async fn take_ceremony(
    db: &DatabaseConnection,
    id: &str,
    kind: &str,
) -> Result<Option<Ceremony>, DbErr> {
    let Some(found) = passkey_ceremony::Entity::find_by_id(id.to_owned())
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let deleted = passkey_ceremony::Entity::delete_by_id(id.to_owned())
        .exec(db)
        .await?;
    let usable = deleted.rows_affected == 1 && found.kind == kind && found.expires_at > Utc::now();
    Ok(usable.then_some(Ceremony {
        state: found.state,
        invitation_id: found.invitation_id,
        display_name: found.display_name,
    }))
}
