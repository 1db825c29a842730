//! Typed configuration, loaded once: defaults, then the environment (`AGORA_*`, `DATABASE_URL`).
//! Tests build the struct directly.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

pub const DEFAULT_ADDRESS: &str = "127.0.0.1:3000";
pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/agora.db?mode=rwc";

/// Every `AGORA_*` variable Agora reads. Any other name starting with `AGORA_` stops the
/// start: a misspelt limit would otherwise leave the default in place without a word.
pub const VARIABLES: &[&str] = &[
    "AGORA_ADDRESS",
    "AGORA_PUBLIC_URL",
    "AGORA_SITE_ROOT",
    "AGORA_LOG_FORMAT",
    "AGORA_MAX_BODY_BYTES",
    "AGORA_BODY_READ_SECONDS",
    "AGORA_WRITE_LIMIT_ADDRESS",
    "AGORA_WRITE_LIMIT_PARTICIPANT",
    "AGORA_NEW_PARTICIPANTS_ADDRESS",
    "AGORA_TESTIMONIES_WAITING",
    "AGORA_TESTIMONY_AUDIO_MIB",
    "AGORA_SOCKETS_PER_ADDRESS",
    "AGORA_SOCKETS_PER_ROOM",
    "AGORA_TRUSTED_PROXIES",
    "AGORA_STAFF_IDLE_MINUTES",
    "AGORA_SEAL_KEY_FILE",
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

/// At most `writes` writes in any window of `per`, refilled evenly (a token bucket).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimit {
    pub writes: u32,
    pub per: Duration,
}

impl RateLimit {
    /// `"600/60"`: 600 writes per 60 seconds.
    pub fn parse(text: &str) -> Option<Self> {
        let (writes, seconds) = text.trim().split_once('/')?;
        let writes: u32 = writes.trim().parse().ok().filter(|n| *n > 0)?;
        let seconds: u64 = seconds.trim().parse().ok().filter(|n| *n > 0)?;
        Some(Self {
            writes,
            per: Duration::from_secs(seconds),
        })
    }
}

/// What one request, one address and one participant may send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Largest request body accepted (`AGORA_MAX_BODY_BYTES`).
    pub max_body_bytes: usize,
    /// Writes from one network address (`AGORA_WRITE_LIMIT_ADDRESS`). Generous: a whole
    /// assembly room often shares the venue's one public address.
    pub per_address: RateLimit,
    /// Writes from one participant (`AGORA_WRITE_LIMIT_PARTICIPANT`).
    pub per_participant: RateLimit,
    /// New participants from one address (`AGORA_NEW_PARTICIPANTS_ADDRESS`): a browser's
    /// first write, or a script's that drops or forges the cookie. Enough for a plenary
    /// arriving at once through a venue's one address; a bound on a script's fresh
    /// identities (and so on its ballots in an open vote).
    pub new_participants_per_address: RateLimit,
    /// Connections from these addresses are a reverse proxy's (`AGORA_TRUSTED_PROXIES`,
    /// comma-separated): their `X-Forwarded-For` / `Forwarded` names the client. Nobody
    /// else's is read.
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// Live sockets open at once from one address (`AGORA_SOCKETS_PER_ADDRESS`): a room of
    /// phones behind a venue's one address fits; a script opening sockets does not.
    pub sockets_per_address: usize,
    /// Live sockets open at once in one room (`AGORA_SOCKETS_PER_ROOM`).
    pub sockets_per_room: usize,
    /// The longest a request may take to send its body (`AGORA_BODY_READ_SECONDS`): a
    /// client that trickles bytes would otherwise hold a connection and its memory for
    /// ever. Long enough for a five-minute recording over a slow phone connection.
    pub body_read_timeout: Duration,
    /// What a council holds of testimonies not moderated yet (`AGORA_TESTIMONIES_WAITING`,
    /// default 300; `AGORA_TESTIMONY_AUDIO_MIB`, recordings kept, default 200 MiB).
    pub testimonies: agora_app::store::testimonies::Caps,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_body_bytes: 64 * 1024,
            per_address: RateLimit {
                writes: 600,
                per: Duration::from_secs(60),
            },
            per_participant: RateLimit {
                writes: 30,
                per: Duration::from_secs(60),
            },
            body_read_timeout: Duration::from_secs(120),
            new_participants_per_address: RateLimit {
                writes: 300,
                per: Duration::from_secs(600),
            },
            trusted_proxies: Vec::new(),
            sockets_per_address: 1000,
            sockets_per_room: 20_000,
            testimonies: agora_app::store::testimonies::Caps::default(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Config {
    /// Where to listen (`AGORA_ADDRESS`).
    pub address: SocketAddr,
    /// `sqlite://…` (default, embedded) or `postgres://…` (`DATABASE_URL`).
    pub database_url: String,
    /// The address people use to reach the site (`AGORA_PUBLIC_URL`); defaults to the
    /// listening address, as `localhost` when that is a loopback address. Passkeys are bound
    /// to it (its host is the relying party id); QR codes will be derived from it.
    pub public_url: String,
    /// The folder cargo-leptos builds the site into (`AGORA_SITE_ROOT`).
    pub site_root: PathBuf,
    /// `text` (default) or `json` (`AGORA_LOG_FORMAT`).
    pub log_format: LogFormat,
    pub limits: Limits,
    /// How long a staff session may go unused before it ends (`AGORA_STAFF_IDLE_MINUTES`,
    /// 5 to 720, default 120); sessions end after 12 hours in any case.
    pub staff_idle: Duration,
    /// The key that seals ballots and survey responses while they wait to be mixed
    /// (`AGORA_SEAL_KEY_FILE`; docs/privacy.md): created on first start, kept outside the
    /// database. Defaults to `seal.key` beside the SQLite file, `data/seal.key` otherwise;
    /// several instances on one PostgreSQL must share one.
    pub seal_key_file: PathBuf,
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
    #[error("AGORA_MAX_BODY_BYTES must be a number of bytes above 1024, got {0:?}")]
    MaxBody(String),
    #[error("{0} must be like 600/60 (writes per seconds), got {1:?}")]
    RateLimit(&'static str, String),
    #[error("AGORA_BODY_READ_SECONDS must be a number of seconds from 1 to 3600, got {0:?}")]
    BodyReadTimeout(String),
    #[error("AGORA_TRUSTED_PROXIES must be IP addresses separated by commas, got {0:?}")]
    TrustedProxies(String),
    #[error("{0} must be a number above 0, got {1:?}")]
    Count(&'static str, String),
    #[error("AGORA_STAFF_IDLE_MINUTES must be a number of minutes from 5 to 720, got {0:?}")]
    StaffIdle(String),
    #[error("{name} is not an Agora setting{}; the settings are listed in the README", match suggestion { Some(known) => format!(" (did you mean {known}?)"), None => String::new() })]
    Unknown {
        name: String,
        suggestion: Option<&'static str>,
    },
}

impl Config {
    pub fn from_env() -> Result<Self, ConfigError> {
        check_names(std::env::vars_os().filter_map(|(name, _)| name.into_string().ok()))?;
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
        // StaffSetup need a domain name, never an IP address: on this machine, `localhost`.
        let public_url = lookup("AGORA_PUBLIC_URL").unwrap_or_else(|| match address {
            SocketAddr::V4(v4) if v4.ip().is_loopback() => {
                format!("http://localhost:{}", v4.port())
            }
            SocketAddr::V6(v6) if v6.ip().is_loopback() => {
                format!("http://localhost:{}", v6.port())
            }
            _ => format!("http://{address}"),
        });
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
        let mut limits = Limits::default();
        if let Some(raw) = lookup("AGORA_MAX_BODY_BYTES") {
            limits.max_body_bytes = raw
                .trim()
                .parse()
                .ok()
                .filter(|n| *n > 1024)
                .ok_or(ConfigError::MaxBody(raw))?;
        }
        if let Some(raw) = lookup("AGORA_BODY_READ_SECONDS") {
            let seconds = raw
                .trim()
                .parse()
                .ok()
                .filter(|s| (1..=3600).contains(s))
                .ok_or(ConfigError::BodyReadTimeout(raw))?;
            limits.body_read_timeout = Duration::from_secs(seconds);
        }
        for (key, slot) in [
            ("AGORA_WRITE_LIMIT_ADDRESS", &mut limits.per_address),
            ("AGORA_WRITE_LIMIT_PARTICIPANT", &mut limits.per_participant),
            (
                "AGORA_NEW_PARTICIPANTS_ADDRESS",
                &mut limits.new_participants_per_address,
            ),
        ] {
            if let Some(raw) = lookup(key) {
                *slot = RateLimit::parse(&raw).ok_or(ConfigError::RateLimit(key, raw))?;
            }
        }
        let positive = |key: &'static str| -> Result<Option<u64>, ConfigError> {
            lookup(key)
                .map(|raw| {
                    raw.trim()
                        .parse::<u64>()
                        .ok()
                        .filter(|n| *n > 0)
                        .ok_or(ConfigError::Count(key, raw))
                })
                .transpose()
        };
        if let Some(waiting) = positive("AGORA_TESTIMONIES_WAITING")? {
            limits.testimonies.waiting = waiting;
        }
        if let Some(mib) = positive("AGORA_TESTIMONY_AUDIO_MIB")? {
            limits.testimonies.audio_bytes = mib.saturating_mul(1024 * 1024);
        }
        for (key, slot) in [
            ("AGORA_SOCKETS_PER_ADDRESS", &mut limits.sockets_per_address),
            ("AGORA_SOCKETS_PER_ROOM", &mut limits.sockets_per_room),
        ] {
            if let Some(raw) = lookup(key) {
                *slot = raw
                    .trim()
                    .parse()
                    .ok()
                    .filter(|n| *n > 0)
                    .ok_or(ConfigError::Count(key, raw))?;
            }
        }
        if let Some(raw) = lookup("AGORA_TRUSTED_PROXIES") {
            limits.trusted_proxies = raw
                .split(',')
                .map(str::trim)
                .filter(|part| !part.is_empty())
                .map(str::parse)
                .collect::<Result<_, _>>()
                .map_err(|_| ConfigError::TrustedProxies(raw.clone()))?;
        }
        let staff_idle = match lookup("AGORA_STAFF_IDLE_MINUTES") {
            None => Duration::from_secs(120 * 60),
            Some(raw) => raw
                .trim()
                .parse::<u64>()
                .ok()
                .filter(|m| (5..=720).contains(m))
                .map(|m| Duration::from_secs(m * 60))
                .ok_or(ConfigError::StaffIdle(raw))?,
        };
        let seal_key_file = lookup("AGORA_SEAL_KEY_FILE")
            .map(PathBuf::from)
            .unwrap_or_else(|| default_seal_key_file(&database_url));
        Ok(Self {
            seal_key_file,
            address,
            database_url,
            public_url: public_url.trim_end_matches('/').to_owned(),
            site_root,
            log_format,
            limits,
            staff_idle,
        })
    }
}

/// Refuses any `AGORA_*` name that is not one of [`VARIABLES`], naming the closest one.
pub fn check_names(names: impl IntoIterator<Item = String>) -> Result<(), ConfigError> {
    for name in names {
        if name.starts_with("AGORA_") && !VARIABLES.contains(&name.as_str()) {
            let suggestion = VARIABLES
                .iter()
                .map(|known| (strsim::damerau_levenshtein(&name, known), *known))
                .min()
                .filter(|(distance, _)| *distance <= 4)
                .map(|(_, known)| known);
            return Err(ConfigError::Unknown { name, suggestion });
        }
    }
    Ok(())
}

/// `seal.key` in the SQLite file's folder, `data/seal.key` for PostgreSQL or an in-memory
/// database.
fn default_seal_key_file(database_url: &str) -> PathBuf {
    let sqlite_file = database_url
        .strip_prefix("sqlite://")
        .or_else(|| database_url.strip_prefix("sqlite:"))
        .and_then(|rest| rest.split('?').next())
        .filter(|path| !path.is_empty() && *path != ":memory:");
    match sqlite_file.and_then(|file| std::path::Path::new(file).parent()) {
        Some(folder) => folder.join("seal.key"),
        None => PathBuf::from("data/seal.key"),
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
                "http://localhost:3000"
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
    fn limits_default_to_generous_per_address_and_tighter_per_participant() {
        let limits = load(&[]).map(|c| c.limits).ok();
        assert_eq!(limits, Some(Limits::default()));
        let limits = load(&[
            ("AGORA_MAX_BODY_BYTES", "4096"),
            ("AGORA_WRITE_LIMIT_ADDRESS", "100/10"),
            ("AGORA_WRITE_LIMIT_PARTICIPANT", " 3 / 1 "),
            ("AGORA_BODY_READ_SECONDS", "15"),
            ("AGORA_NEW_PARTICIPANTS_ADDRESS", "20/60"),
            ("AGORA_TRUSTED_PROXIES", "127.0.0.1, ::1"),
            ("AGORA_SOCKETS_PER_ADDRESS", "50"),
            ("AGORA_SOCKETS_PER_ROOM", "400"),
            ("AGORA_TESTIMONIES_WAITING", "40"),
            ("AGORA_TESTIMONY_AUDIO_MIB", "3"),
        ])
        .map(|c| c.limits)
        .ok();
        assert_eq!(
            limits,
            Some(Limits {
                max_body_bytes: 4096,
                per_address: RateLimit {
                    writes: 100,
                    per: Duration::from_secs(10)
                },
                per_participant: RateLimit {
                    writes: 3,
                    per: Duration::from_secs(1)
                },
                body_read_timeout: Duration::from_secs(15),
                new_participants_per_address: RateLimit {
                    writes: 20,
                    per: Duration::from_secs(60)
                },
                trusted_proxies: vec![
                    std::net::IpAddr::from([127, 0, 0, 1]),
                    std::net::IpAddr::from(std::net::Ipv6Addr::LOCALHOST)
                ],
                sockets_per_address: 50,
                sockets_per_room: 400,
                testimonies: agora_app::store::testimonies::Caps {
                    waiting: 40,
                    audio_bytes: 3 * 1024 * 1024,
                },
            })
        );
        assert!(load(&[("AGORA_TESTIMONIES_WAITING", "0")]).is_err());
        assert!(load(&[("AGORA_TESTIMONY_AUDIO_MIB", "lots")]).is_err());
    }

    #[test]
    fn the_seal_key_lives_beside_the_sqlite_file_unless_told() {
        let file = |pairs: &[(&str, &str)]| load(pairs).map(|c| c.seal_key_file).ok();
        assert_eq!(file(&[]), Some(PathBuf::from("data/seal.key")));
        assert_eq!(
            file(&[("DATABASE_URL", "sqlite:///srv/clsm/agora.db?mode=rwc")]),
            Some(PathBuf::from("/srv/clsm/seal.key"))
        );
        assert_eq!(
            file(&[("DATABASE_URL", "postgres://agora@db/agora")]),
            Some(PathBuf::from("data/seal.key"))
        );
        assert_eq!(
            file(&[("AGORA_SEAL_KEY_FILE", "/etc/agora/seal.key")]),
            Some(PathBuf::from("/etc/agora/seal.key"))
        );
    }

    #[test]
    fn every_variable_read_is_listed_and_every_listed_one_is_read() {
        let read = std::cell::RefCell::new(Vec::new());
        let _ = Config::from_lookup(|key| {
            read.borrow_mut().push(key.to_owned());
            None
        });
        let mut read = read.into_inner();
        read.retain(|key| key.starts_with("AGORA_"));
        read.sort();
        read.dedup();
        let mut listed: Vec<String> = VARIABLES.iter().map(|v| (*v).to_owned()).collect();
        listed.sort();
        assert_eq!(read, listed);
    }

    #[test]
    fn a_misspelt_setting_stops_the_start_and_names_the_right_one() {
        let names = |list: &[&str]| list.iter().map(|n| (*n).to_owned()).collect::<Vec<_>>();
        assert!(check_names(names(&["PATH", "DATABASE_URL", "AGORA_ADDRESS"])).is_ok());
        let message = check_names(names(&["HOME", "AGORA_WRITE_LIMIT_ADRESS"]))
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            message.as_deref(),
            Some(
                "AGORA_WRITE_LIMIT_ADRESS is not an Agora setting (did you mean \
                 AGORA_WRITE_LIMIT_ADDRESS?); the settings are listed in the README"
            )
        );
        assert!(matches!(
            check_names(names(&["AGORA_SOCKET_PER_ROOM"])),
            Err(ConfigError::Unknown {
                suggestion: Some("AGORA_SOCKETS_PER_ROOM"),
                ..
            })
        ));
        assert!(matches!(
            check_names(names(&["AGORA_SOMETHING_ELSE_ENTIRELY"])),
            Err(ConfigError::Unknown {
                suggestion: None,
                ..
            })
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
        assert!(matches!(
            load(&[("AGORA_MAX_BODY_BYTES", "12")]),
            Err(ConfigError::MaxBody(_))
        ));
        for bad in ["4", "721", "deux heures"] {
            assert!(
                matches!(
                    load(&[("AGORA_STAFF_IDLE_MINUTES", bad)]),
                    Err(ConfigError::StaffIdle(_))
                ),
                "{bad}"
            );
        }
        assert_eq!(
            load(&[("AGORA_STAFF_IDLE_MINUTES", "45")])
                .map(|c| c.staff_idle)
                .ok(),
            Some(Duration::from_secs(45 * 60))
        );
        assert!(matches!(
            load(&[("AGORA_SOCKETS_PER_ROOM", "0")]),
            Err(ConfigError::Count("AGORA_SOCKETS_PER_ROOM", _))
        ));
        assert!(matches!(
            load(&[("AGORA_TRUSTED_PROXIES", "127.0.0.1, nginx")]),
            Err(ConfigError::TrustedProxies(_))
        ));
        for bad in ["0", "3601", "soon", "-5"] {
            assert!(
                matches!(
                    load(&[("AGORA_BODY_READ_SECONDS", bad)]),
                    Err(ConfigError::BodyReadTimeout(_))
                ),
                "{bad}"
            );
        }
        for bad in ["", "10", "0/60", "10/0", "ten/60", "10/-1"] {
            assert!(
                matches!(
                    load(&[("AGORA_WRITE_LIMIT_PARTICIPANT", bad)]),
                    Err(ConfigError::RateLimit("AGORA_WRITE_LIMIT_PARTICIPANT", _))
                ),
                "{bad}"
            );
        }
        let message = load(&[("AGORA_ADDRESS", "nope")])
            .err()
            .map(|e| e.to_string());
        assert!(message.is_some_and(|m| m.contains("AGORA_ADDRESS")));
    }
}
