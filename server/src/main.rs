//! The `agora` command: serve, migrate, seed-demo, invite, staff, recount.

use agora_app::domain::recount::BallotFile;
use agora_app::domain::tally::Weighting;
use agora_app::domain::{Access, CouncilSlug, INVITATION_HOURS, Role};
use agora_app::store::staff::{StaffError, create_invitation};
use agora_server::config::{Config, LogFormat};
use agora_server::{demo, prepare_database, serve};
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "agora",
    version,
    about = "Agora, the participation platform of local mental health councils"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Apply migrations, then serve the site (the default).
    Serve {
        /// Create the demo council first if the database holds no council.
        #[arg(long)]
        demo: bool,
    },
    /// Apply pending database migrations and exit.
    Migrate,
    /// Create the fictional demo council (skipped if it already exists).
    SeedDemo,
    /// Print a one-time sign-up link for a council's staff (the first coordinator, say).
    Invite {
        /// The council's slug, as in its address.
        #[arg(
            long,
            required_unless_present = "operator",
            conflicts_with = "operator"
        )]
        council: Option<String>,
        /// coordinator, facilitator or observer.
        #[arg(long, value_parser = parse_role, required_unless_present = "operator", conflicts_with = "operator")]
        role: Option<Role>,
        /// Invite a platform operator instead: they host councils from /exploitation
        /// (create, archive, restore, invite each one's first coordinator), with no role in
        /// any council.
        #[arg(long)]
        operator: bool,
        /// How long the link works.
        #[arg(long, default_value_t = INVITATION_HOURS, value_parser = clap::value_parser!(i64).range(1..=720))]
        hours: i64,
        /// Let a facilitator read and moderate testimony (coordinators always can).
        #[arg(long)]
        reads_testimony: bool,
    },
    /// Host councils on this instance: create one, list them, archive or restore one.
    Council {
        #[command(subcommand)]
        action: CouncilAction,
    },
    /// See and change a council's team: for an operator, when no coordinator can.
    Staff {
        #[command(subcommand)]
        action: StaffAction,
    },
    /// Write a backup of the database to a new file while the site serves: a SQLite copy
    /// (checked whole), or a PostgreSQL custom-format dump (pg_dump). The seal key is not in
    /// it: back it up apart (docs/operations.md).
    Backup {
        /// The file to write; never overwritten.
        #[arg(long)]
        to: std::path::PathBuf,
    },
    /// Restore a backup into the empty database DATABASE_URL names, the site stopped (no
    /// SQLite file there yet; a PostgreSQL database with no table of ours). The migrations
    /// then apply as at every start.
    Restore {
        /// A file `agora backup` wrote.
        #[arg(long)]
        from: std::path::PathBuf,
    },
    /// Recount the anonymous ballots a vote exported (docs/recount.md), offline: prints the
    /// result as JSON; exit code 2 for a malformed file.
    Recount {
        /// The exported ballots (JSON).
        file: std::path::PathBuf,
        /// raw or equal-colleges; the file's own weighting otherwise.
        #[arg(long, value_parser = parse_weighting)]
        weighting: Option<Weighting>,
    },
}

#[derive(Subcommand)]
enum CouncilAction {
    /// Host a new council (default colleges, no findings yet); then invite its first
    /// coordinator with `agora invite --council SLUG --role coordinator`.
    Create {
        /// Its address on this site: lower-case letters, digits and hyphens (clsm-…).
        #[arg(long)]
        slug: String,
        #[arg(long)]
        name: String,
        /// Communes, neighbourhoods: as people would name it.
        #[arg(long, default_value = "")]
        territory: String,
        /// Its objectives to start with: national (the five of the national framework) or
        /// ars-occitanie (the five of the ARS Occitanie specifications).
        #[arg(long, default_value = "national", value_parser = parse_preset)]
        objectives: agora_app::domain::ObjectivePreset,
    },
    /// Every council hosted, archived ones too: slug, state, creation day, name.
    List,
    /// Stop hosting a council: listed nowhere, its pages answer 404, everything kept.
    Archive {
        #[arg(long)]
        slug: String,
    },
    /// Host an archived council again, as it was.
    Restore {
        #[arg(long)]
        slug: String,
    },
}

fn parse_preset(raw: &str) -> Result<agora_app::domain::ObjectivePreset, String> {
    agora_app::domain::ObjectivePreset::from_key(raw)
        .ok_or_else(|| format!("{raw:?}: national or ars-occitanie"))
}

/// `agora council …`, on the database.
async fn councils(db: &sea_orm::DatabaseConnection, action: CouncilAction) -> anyhow::Result<()> {
    use agora_app::store::{HostingError, create_council, hosted_councils, set_archived};
    let parse = |slug: &str| {
        CouncilSlug::parse(slug)
            .map_err(|error| anyhow::anyhow!("{slug:?} is not a council address: {error}"))
    };
    let refused = |error: HostingError, slug: &str| match error {
        HostingError::Refused(id) => anyhow::anyhow!(
            "{}",
            agora_app::i18n::message(agora_app::domain::Lang::En, false, id, None)
        ),
        HostingError::SlugTaken => {
            anyhow::anyhow!("another council (in use or archived) has the address {slug:?}")
        }
        HostingError::NotFound => anyhow::anyhow!("no council has the address {slug:?}"),
        HostingError::Db(error) => error.into(),
    };
    match action {
        CouncilAction::Create {
            slug,
            name,
            territory,
            objectives,
        } => {
            let parsed = parse(&slug)?;
            create_council(db, &parsed, &name, &territory, objectives)
                .await
                .map_err(|error| refused(error, &slug))?;
            println!("Council {slug} created. Invite its first coordinator:");
            println!("  agora invite --council {slug} --role coordinator");
        }
        CouncilAction::List => {
            for council in hosted_councils(db).await? {
                println!(
                    "{}\t{}\t{}\t{}",
                    council.slug,
                    if council.archived {
                        "archived"
                    } else {
                        "hosted"
                    },
                    council.created_at.format("%Y-%m-%d"),
                    council.name
                );
            }
        }
        CouncilAction::Archive { slug } => {
            set_archived(db, &parse(&slug)?, true)
                .await
                .map_err(|error| refused(error, &slug))?;
            println!("Council {slug} archived: listed nowhere, its pages answer 404, all kept.");
        }
        CouncilAction::Restore { slug } => {
            set_archived(db, &parse(&slug)?, false)
                .await
                .map_err(|error| refused(error, &slug))?;
            println!("Council {slug} hosted again.");
        }
    }
    Ok(())
}

#[derive(Subcommand)]
enum StaffAction {
    /// List the council's team (account id, role, name) and its pending invitations.
    List {
        #[arg(long)]
        council: String,
    },
    /// Take someone off the council's team and end every session of their account; the
    /// last coordinator too (invite a new one with `agora invite`).
    Remove {
        #[arg(long)]
        council: String,
        /// The account id, as `agora staff list` shows it.
        #[arg(long)]
        account: i64,
    },
    /// Cancel every invitation of the council not used yet: their links stop working.
    RevokeInvitations {
        #[arg(long)]
        council: String,
    },
}

/// `agora staff …`, on the database.
async fn staff(db: &sea_orm::DatabaseConnection, action: StaffAction) -> anyhow::Result<()> {
    use agora_app::store::staff::{self, TeamChange, TeamError};
    let council_id = |slug: String| async move {
        let parsed = CouncilSlug::parse(&slug)
            .map_err(|_| anyhow::anyhow!("{slug:?} is not a council slug"))?;
        agora_app::store::council_record(db, &parsed)
            .await?
            .map(|record| record.id)
            .ok_or_else(|| anyhow::anyhow!("no council has the slug {slug:?}"))
    };
    match action {
        StaffAction::List { council } => {
            let id = council_id(council).await?;
            for member in staff::council_members(db, id).await? {
                println!(
                    "{}\t{}\t{}",
                    member.account_id,
                    access_key(member.access),
                    member.display_name
                );
            }
            for invitation in staff::pending_invitations(db, id).await? {
                println!(
                    "invitation {}\t{}\tuntil {}",
                    invitation.id,
                    access_key(invitation.access),
                    invitation.expires_at.format("%Y-%m-%d %H:%M UTC")
                );
            }
        }
        StaffAction::Remove { council, account } => {
            let id = council_id(council.clone()).await?;
            match staff::remove_member(db, id, account, TeamChange::Operator).await {
                Ok(()) => println!("Account {account} removed from {council}; its sessions ended."),
                Err(TeamError::NotFound) => {
                    anyhow::bail!("account {account} is not on the team of {council}")
                }
                Err(other) => return Err(other.into()),
            }
        }
        StaffAction::RevokeInvitations { council } => {
            let id = council_id(council.clone()).await?;
            let cancelled = staff::cancel_invitations(db, id, None, TeamChange::Operator).await?;
            println!("{cancelled} invitation(s) of {council} cancelled.");
        }
    }
    Ok(())
}

fn parse_weighting(key: &str) -> Result<Weighting, String> {
    match key {
        "raw" => Ok(Weighting::Raw),
        "equal-colleges" => Ok(Weighting::EqualColleges),
        _ => Err("expected raw or equal-colleges".to_owned()),
    }
}

/// `agora recount`: needs no configuration and no database.
fn recount(file: &std::path::Path, weighting: Option<Weighting>) -> i32 {
    let counted = std::fs::read_to_string(file)
        .map_err(|error| format!("{}: {error}", file.display()))
        .and_then(|text| {
            serde_json::from_str::<BallotFile>(&text)
                .map_err(|error| format!("{}: not a ballot file: {error}", file.display()))
        })
        .and_then(|ballots| {
            ballots
                .recount(weighting)
                .map_err(|error| error.to_string())
        })
        .and_then(|result| serde_json::to_string(&result).map_err(|error| error.to_string()));
    match counted {
        Ok(json) => {
            println!("{json}");
            0
        }
        Err(problem) => {
            eprintln!("agora recount: {problem}");
            2
        }
    }
}

fn parse_role(key: &str) -> Result<Role, String> {
    Role::parse(key).ok_or_else(|| "expected coordinator, facilitator or observer".to_owned())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let command = Cli::parse()
        .command
        .unwrap_or(Command::Serve { demo: false });
    // Recounting needs no configuration and no database: anyone may run it on a file.
    if let Command::Recount { file, weighting } = &command {
        std::process::exit(recount(file, *weighting));
    }
    let config = Config::from_env()?;
    init_logs(&config);
    // A restore writes the database before anything opens it.
    if let Command::Restore { from } = &command {
        agora_server::backup::restore(from, &config.database_url).await?;
        prepare_database(&config.database_url).await?;
        println!(
            "Restored {} into {}; migrations applied. Put the seal key back beside it \
             (AGORA_SEAL_KEY_FILE) before starting the site.",
            from.display(),
            redact(&config.database_url)
        );
        return Ok(());
    }
    let db = prepare_database(&config.database_url).await?;
    let seal_key = agora_server::open_seal_key(&config, &db).await?;
    match command {
        Command::Serve { demo: seed } => {
            if seed && !agora_app::store::has_councils(&db).await? {
                demo::seed(&db, &seal_key).await?;
                tracing::info!("demo council created");
            }
            serve(&config, db, seal_key).await
        }
        Command::Migrate => {
            println!("Migrations applied to {}", redact(&config.database_url));
            Ok(())
        }
        Command::Invite {
            operator: true,
            hours,
            ..
        } => {
            let token =
                agora_app::store::staff::create_operator_invitation(&db, hours, None).await?;
            println!("{}/invitation/{token}", config.public_url);
            eprintln!("One-time link for a platform operator, valid {hours} h. Send it privately.");
            Ok(())
        }
        Command::Invite {
            council: Some(council),
            role: Some(role),
            hours,
            reads_testimony,
            ..
        } => {
            let slug = CouncilSlug::parse(&council)
                .map_err(|_| anyhow::anyhow!("{council:?} is not a council slug"))?;
            let access = Access {
                role,
                reads_testimony,
            };
            let token = match create_invitation(&db, &slug, access, hours, None).await {
                Ok(token) => token,
                Err(StaffError::UnknownCouncil) => {
                    anyhow::bail!("no council has the slug {council:?}")
                }
                Err(other) => return Err(other.into()),
            };
            println!("{}/invitation/{token}", config.public_url);
            eprintln!(
                "One-time link for a {} of {council}, valid {hours} h. Send it privately.",
                role.key()
            );
            Ok(())
        }
        Command::Invite { .. } => anyhow::bail!("--council and --role, or --operator"),
        Command::Staff { action } => staff(&db, action).await,
        Command::Council { action } => councils(&db, action).await,
        Command::Recount { .. } => Ok(()), // done above, before the configuration
        Command::Restore { .. } => Ok(()), // done above, before the database opens
        Command::Backup { to } => {
            let written = agora_server::backup::backup(&db, &config.database_url, &to).await?;
            println!(
                "Backup written to {} ({} bytes, {} councils). The seal key is not in it.",
                to.display(),
                written.bytes,
                written.councils
            );
            Ok(())
        }
        Command::SeedDemo => {
            match demo::seed(&db, &seal_key).await? {
                demo::Seeded::Created => println!("Demo council created."),
                demo::Seeded::AlreadyThere => {
                    println!("Demo council already present; nothing done.")
                }
            }
            Ok(())
        }
    }
}

fn init_logs(config: &Config) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    match config.log_format {
        LogFormat::Json => builder.json().init(),
        LogFormat::Text => builder.init(),
    }
}

/// A role as `agora staff list` prints it: `facilitator+testimony` when a facilitator may
/// read and moderate testimony.
fn access_key(access: Access) -> String {
    if access.reads_testimony {
        format!("{}+testimony", access.role.key())
    } else {
        access.role.key().to_owned()
    }
}

/// A database URL without its password, for printing.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => format!("{}://…{}", &url[..scheme], &url[at..]),
        _ => url.to_owned(),
    }
}
