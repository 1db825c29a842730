//! The `agora` command as an operator uses it: migrate, seed-demo, and configuration errors.

use std::process::{Command, Output};

fn agora(database_url: &str, args: &[&str], extra_env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_agora"));
    command
        .args(args)
        .env("DATABASE_URL", database_url)
        .env("RUST_LOG", "warn");
    for (key, value) in extra_env {
        command.env(key, value);
    }
    command
        .output()
        .unwrap_or_else(|e| panic!("cannot run agora: {e}"))
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn migrate_then_seed_demo_twice() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let url = format!(
        "sqlite://{}?mode=rwc",
        dir.path().join("data/agora.db").display()
    );

    let migrate = agora(&url, &["migrate"], &[]);
    assert!(migrate.status.success(), "{migrate:?}");
    assert!(stdout(&migrate).contains("Migrations applied"));
    assert!(
        dir.path().join("data/agora.db").exists(),
        "the SQLite file and its folder are created"
    );

    let first = agora(&url, &["seed-demo"], &[]);
    assert!(first.status.success(), "{first:?}");
    assert_eq!(stdout(&first).trim(), "Demo council created.");
    let second = agora(&url, &["seed-demo"], &[]);
    assert!(second.status.success());
    assert!(stdout(&second).contains("already present"));
}

#[test]
fn bad_configuration_stops_with_the_variable_named() {
    let output = agora(
        "sqlite::memory:",
        &["migrate"],
        &[("AGORA_ADDRESS", "not-an-address")],
    );
    assert!(!output.status.success());
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("AGORA_ADDRESS"),
        "{output:?}"
    );
}
