//! Typed configuration, loaded once: defaults, then the environment (`AGORA_*`, `DATABASE_URL`).
//! Tests build the struct directly.

use std::net::SocketAddr;
use std::path::PathBuf;

pub const DEFAULT_ADDRESS: &str = "127.0.0.1:3000";
pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/agora.db?mode=rwc";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Clone)]
pub struct Config {
    /// Where to listen (`AGORA_ADDRESS`).
    pub address: SocketAddr,
    /// `sqlite://…` (default, embedded) or `postgres://…` (`DATABASE_URL`).
    pub database_url: String,
    /// The address people use to reach the site (`AGORA_PUBLIC_URL`); defaults to the
    /// listening address. Passkeys and QR codes will be derived from it.
    pub public_url: String,
    /// The folder cargo-leptos builds the site into (`AGORA_SITE_ROOT`).
    pub site_root: PathBuf,
    /// `text` (default) or `json` (`AGORA_LOG_FORMAT`).
    pub log_format: LogFormat,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("AGORA_ADDRESS {0:?} is not an address like 127.0.0.1:3000")]
    Address(String),
    #[error("DATABASE_URL must start with sqlite: or postgres://, got {0:?}")]
    DatabaseUrl(String),
    #[error("AGORA_PUBLIC_URL must start with http:// or https://, got {0:?}")]
    PublicUrl(String),
    #[error("AGORA_LOG_FORMAT must be text or json, got {0:?}")]
    LogFormat(String),
}

impl Config {
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|key| std::env::var(key).ok())
    }

    /// Reads settings through `lookup`, so that the rules are testable without the environment.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let raw_address = lookup("AGORA_ADDRESS").unwrap_or_else(|| DEFAULT_ADDRESS.to_owned());
        let address = raw_address
            .parse()
            .map_err(|_| ConfigError::Address(raw_address))?;
        let database_url =
            lookup("DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.to_owned());
        if !(database_url.starts_with("sqlite:")
            || database_url.starts_with("postgres://")
            || database_url.starts_with("postgresql://"))
        {
            return Err(ConfigError::DatabaseUrl(database_url));
        }
        let public_url = lookup("AGORA_PUBLIC_URL").unwrap_or_else(|| format!("http://{address}"));
        if !(public_url.starts_with("http://") || public_url.starts_with("https://")) {
            return Err(ConfigError::PublicUrl(public_url));
        }
        let site_root =
            PathBuf::from(lookup("AGORA_SITE_ROOT").unwrap_or_else(|| "target/site".into()));
        let log_format = match lookup("AGORA_LOG_FORMAT").as_deref() {
            None | Some("text") => LogFormat::Text,
            Some("json") => LogFormat::Json,
            Some(other) => return Err(ConfigError::LogFormat(other.to_owned())),
        };
        Ok(Self {
            address,
            database_url,
            public_url: public_url.trim_end_matches('/').to_owned(),
            site_root,
            log_format,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn load(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let env: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        Config::from_lookup(|key| env.get(key).cloned())
    }

    #[test]
    fn defaults_serve_sqlite_on_localhost_3000() {
        let config = load(&[]).map_err(|e| e.to_string());
        let config = config.as_ref().map(|c| {
            (
                c.address.to_string(),
                c.database_url.as_str(),
                c.public_url.as_str(),
            )
        });
        assert_eq!(
            config,
            Ok((
                "127.0.0.1:3000".into(),
                DEFAULT_DATABASE_URL,
                "http://127.0.0.1:3000"
            ))
        );
    }

    #[test]
    fn environment_overrides_defaults() {
        let config = load(&[
            ("AGORA_ADDRESS", "0.0.0.0:8080"),
            ("DATABASE_URL", "postgres://agora@localhost/agora"),
            ("AGORA_PUBLIC_URL", "https://agora.example.fr/"),
            ("AGORA_LOG_FORMAT", "json"),
        ]);
        assert!(matches!(
            config,
            Ok(Config { ref public_url, log_format: LogFormat::Json, .. }) if public_url == "https://agora.example.fr"
        ));
    }

    #[test]
    fn bad_values_are_refused_with_the_variable_named() {
        assert!(matches!(
            load(&[("AGORA_ADDRESS", "localhost")]),
            Err(ConfigError::Address(_))
        ));
        assert!(matches!(
            load(&[("DATABASE_URL", "mysql://x")]),
            Err(ConfigError::DatabaseUrl(_))
        ));
        assert!(matches!(
            load(&[("AGORA_PUBLIC_URL", "agora.fr")]),
            Err(ConfigError::PublicUrl(_))
        ));
        assert!(matches!(
            load(&[("AGORA_LOG_FORMAT", "xml")]),
            Err(ConfigError::LogFormat(_))
        ));
        let message = load(&[("AGORA_ADDRESS", "nope")])
            .err()
            .map(|e| e.to_string());
        assert!(message.is_some_and(|m| m.contains("AGORA_ADDRESS")));
    }
}
