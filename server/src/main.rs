//! The `agora` command: serve, migrate, seed-demo.

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
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let config = Config::from_env()?;
    init_logs(&config);
    let db = prepare_database(&config.database_url).await?;
    match cli.command.unwrap_or(Command::Serve { demo: false }) {
        Command::Serve { demo: seed } => {
            if seed && !agora_app::store::has_councils(&db).await? {
                demo::seed(&db).await?;
                tracing::info!("demo council created");
            }
            serve(&config, db).await
        }
        Command::Migrate => {
            println!("Migrations applied to {}", redact(&config.database_url));
            Ok(())
        }
        Command::SeedDemo => {
            match demo::seed(&db).await? {
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

/// A database URL without its password, for printing.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => format!("{}://…{}", &url[..scheme], &url[at..]),
        _ => url.to_owned(),
    }
}
