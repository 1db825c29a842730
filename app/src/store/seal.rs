//! The seal on what waits to be mixed: a ballot or a survey response is written, sealed,
//! in the same transaction as the record of its voter (or the use of its code), and stays
//! sealed until enough others wait with it to go into the box together (docs/privacy.md).
//! Whoever holds a copy of the database sees which voter came when and a sealed blob
//! beside it, never what the blob says: the key is kept outside the database.

use aes_gcm::aead::{Aead, KeyInit};
use aes_gcm::{Aes256Gcm, Nonce};
use sea_orm::{DatabaseConnection, DbErr, EntityTrait, Set};
use sha2::{Digest, Sha256};

use super::entities::seal_key;

/// A key's length in bytes (AES-256).
pub const KEY_BYTES: usize = 32;
const NONCE_BYTES: usize = 12;

/// The key that seals waiting ballots and responses; `Debug` shows its fingerprint only.
#[derive(Clone)]
pub struct SealKey {
    cipher: Aes256Gcm,
    fingerprint: String,
    /// The key's bytes, for `derive` only.
    bytes: [u8; KEY_BYTES],
}

impl std::fmt::Debug for SealKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SealKey({})", self.fingerprint)
    }
}

impl SealKey {
    /// The key made of these 32 bytes; `None` for any other length.
    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        let cipher = Aes256Gcm::new_from_slice(bytes).ok()?;
        let digest = Sha256::digest([b"agora seal key:".as_slice(), bytes].concat());
        Some(Self {
            cipher,
            fingerprint: super::staff::to_hex(&digest),
            bytes: bytes.try_into().ok()?,
        })
    }

    /// A key of its own for `purpose` (signing participant cookies…), drawn from this one:
    /// every instance of one database, and a restart, derive the same, and none of them
    /// tells anything of this key or of another purpose's.
    pub fn derive(&self, purpose: &str) -> [u8; KEY_BYTES] {
        let input = [
            b"agora derived key:".as_slice(),
            purpose.as_bytes(),
            b":",
            &self.bytes,
        ]
        .concat();
        Sha256::digest(input).into()
    }

    /// 32 fresh random bytes, for a new key file.
    pub fn generate() -> [u8; KEY_BYTES] {
        rand::random()
    }

    /// What names the key in the database without giving it away.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// `plain` sealed: a random nonce, then the ciphertext and its tag.
    pub fn seal(&self, plain: &[u8]) -> Result<Vec<u8>, DbErr> {
        let nonce_bytes: [u8; NONCE_BYTES] = rand::random();
        let nonce = Nonce::from(nonce_bytes);
        let mut sealed = nonce_bytes.to_vec();
        sealed.extend(
            self.cipher
                .encrypt(&nonce, plain)
                .map_err(|_| DbErr::Custom("sealing failed".into()))?,
        );
        Ok(sealed)
    }

    /// What `seal` sealed with this key; `None` if it was sealed with another or altered.
    pub fn open(&self, sealed: &[u8]) -> Option<Vec<u8>> {
        let (nonce, ciphertext) = sealed.split_at_checked(NONCE_BYTES)?;
        let nonce: [u8; NONCE_BYTES] = nonce.try_into().ok()?;
        self.cipher.decrypt(&Nonce::from(nonce), ciphertext).ok()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SealKeyError {
    #[error(
        "this database's waiting ballots and responses were sealed with another key \
         (fingerprint {stored}); start every instance with the same AGORA_SEAL_KEY_FILE"
    )]
    Mismatch { stored: String },
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// Records the key's fingerprint in a new database, or checks that it is the one recorded:
/// a server started with another key could not open what waits to be mixed.
pub async fn check_key(db: &DatabaseConnection, key: &SealKey) -> Result<(), SealKeyError> {
    let txn = super::begin_write(db).await?;
    let stored = seal_key::Entity::find().all(&txn).await?;
    if let Some(other) = stored.iter().find(|row| row.fingerprint != key.fingerprint) {
        return Err(SealKeyError::Mismatch {
            stored: other.fingerprint.clone(),
        });
    }
    if stored.is_empty() {
        seal_key::Entity::insert(seal_key::ActiveModel {
            fingerprint: Set(key.fingerprint.clone()),
        })
        .exec_without_returning(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_keys_are_stable_and_apart_from_each_other() -> Result<(), DbErr> {
        let key = SealKey::from_bytes(&[7; KEY_BYTES]).ok_or(DbErr::Custom("key".into()))?;
        let again = SealKey::from_bytes(&[7; KEY_BYTES]).ok_or(DbErr::Custom("key".into()))?;
        let other = SealKey::from_bytes(&[8; KEY_BYTES]).ok_or(DbErr::Custom("key".into()))?;
        assert_eq!(key.derive("participant"), again.derive("participant"));
        assert_ne!(key.derive("participant"), key.derive("other"));
        assert_ne!(key.derive("participant"), other.derive("participant"));
        assert_ne!(key.derive("participant"), [7; KEY_BYTES]);
        Ok(())
    }

    #[test]
    fn what_is_sealed_opens_with_its_key_only() -> Result<(), DbErr> {
        let key = SealKey::from_bytes(&[7; KEY_BYTES]).ok_or(DbErr::Custom("key".into()))?;
        let other = SealKey::from_bytes(&[8; KEY_BYTES]).ok_or(DbErr::Custom("key".into()))?;
        let sealed = key.seal(b"usagers: [2, 0, 1]")?;
        assert_eq!(
            key.open(&sealed).as_deref(),
            Some(&b"usagers: [2, 0, 1]"[..])
        );
        assert_eq!(other.open(&sealed), None);
        assert!(
            !sealed.windows(7).any(|w| w == b"usagers"),
            "nothing in clear"
        );
        // Two seals of the same ballot differ: equal ballots cannot be told apart.
        assert_ne!(key.seal(b"same")?, key.seal(b"same")?);
        let mut altered = sealed.clone();
        if let Some(last) = altered.last_mut() {
            *last ^= 1;
        }
        assert_eq!(key.open(&altered), None);
        assert_eq!(key.open(&sealed[..5]), None);
        assert!(SealKey::from_bytes(&[1; 16]).is_none());
        assert_ne!(key.fingerprint(), other.fingerprint());
        Ok(())
    }
}
