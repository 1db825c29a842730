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

#[test]
fn invite_prints_a_one_time_link_for_an_existing_council_only() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let url = format!(
        "sqlite://{}?mode=rwc",
        dir.path().join("agora.db").display()
    );
    let public = [("AGORA_PUBLIC_URL", "https://agora.example.fr")];
    assert!(agora(&url, &["seed-demo"], &[]).status.success());

    let invite = agora(
        &url,
        &[
            "invite",
            "--council",
            "clsm-val-de-lisandre",
            "--role",
            "coordinator",
        ],
        &public,
    );
    assert!(invite.status.success(), "{invite:?}");
    let link = stdout(&invite).trim().to_owned();
    let token = link
        .strip_prefix("https://agora.example.fr/invitation/")
        .unwrap_or_else(|| panic!("unexpected link {link:?}"));
    assert_eq!(token.len(), 64);
    assert!(token.bytes().all(|b| b.is_ascii_hexdigit()));
    assert!(String::from_utf8_lossy(&invite.stderr).contains("72 h"));

    let again = agora(
        &url,
        &[
            "invite",
            "--council",
            "clsm-val-de-lisandre",
            "--role",
            "observer",
            "--hours",
            "1",
        ],
        &public,
    );
    assert_ne!(
        stdout(&again).trim(),
        link,
        "every invitation has its own token"
    );

    let unknown = agora(
        &url,
        &["invite", "--council", "nulle-part", "--role", "observer"],
        &[],
    );
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("no council has the slug"));

    let bad_role = agora(
        &url,
        &[
            "invite",
            "--council",
            "clsm-val-de-lisandre",
            "--role",
            "admin",
        ],
        &[],
    );
    assert!(!bad_role.status.success());
    assert!(
        String::from_utf8_lossy(&bad_role.stderr).contains("coordinator, facilitator or observer")
    );
}

#[test]
fn recount_prints_the_result_offline_and_refuses_a_malformed_file_with_code_2() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let good = dir.path().join("vote.json");
    std::fs::write(
        &good,
        r#"{"method": "approval", "weighting": "raw", "candidates": ["Logement", "Emploi"],
            "ballots": [
              {"college": "professionnels", "approved": ["Logement"]},
              {"college": "professionnels", "approved": ["Logement"]},
              {"college": "usagers", "approved": ["Emploi"]}
            ]}"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    // No database, no configuration: a database URL that could not work is not even read.
    let raw = agora("nowhere", &["recount", &good.display().to_string()], &[]);
    assert!(raw.status.success(), "{raw:?}");
    let printed: serde_json::Value =
        serde_json::from_str(&stdout(&raw)).unwrap_or_else(|e| panic!("{e}: {raw:?}"));
    assert_eq!(
        printed["ranking"],
        serde_json::json!([["Logement"], ["Emploi"]])
    );
    assert_eq!(printed["scores"]["Logement"]["exact"], "2");
    let equal = agora(
        "nowhere",
        &[
            "recount",
            &good.display().to_string(),
            "--weighting",
            "equal-colleges",
        ],
        &[],
    );
    let printed: serde_json::Value =
        serde_json::from_str(&stdout(&equal)).unwrap_or_else(|e| panic!("{e}: {equal:?}"));
    assert_eq!(
        printed["ranking"],
        serde_json::json!([["Logement", "Emploi"]])
    );

    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        r#"{"method": "approval", "candidates": ["Logement"],
            "ballots": [{"approved": ["Logement"]}, {"approved": ["Logement", "Logement"]}]}"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let refused = agora("nowhere", &["recount", &bad.display().to_string()], &[]);
    assert_eq!(refused.status.code(), Some(2), "{refused:?}");
    assert!(
        String::from_utf8_lossy(&refused.stderr)
            .contains("ballot 2: candidate \"Logement\" appears twice"),
        "{refused:?}"
    );
    assert!(refused.stdout.is_empty());
}

#[test]
fn recount_counts_a_file_of_totals_per_pair_and_refuses_an_impossible_one() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    // Three residents rank Logement first, two usagers Emploi: as totals per pair.
    let file = dir.path().join("totaux.json");
    std::fs::write(
        &file,
        r#"{"method": "schulze", "candidates": ["Logement", "Emploi"],
            "pairwise": {
              "habitants": {"ballots": 3, "above": [[0, 3], [0, 0]]},
              "usagers": {"ballots": 2, "above": [[0, 0], [2, 0]]}
            }}"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let raw = agora("nowhere", &["recount", &file.display().to_string()], &[]);
    assert!(raw.status.success(), "{raw:?}");
    let printed: serde_json::Value =
        serde_json::from_str(&stdout(&raw)).unwrap_or_else(|e| panic!("{e}: {raw:?}"));
    assert_eq!(
        printed["ranking"],
        serde_json::json!([["Logement"], ["Emploi"]])
    );
    assert_eq!(printed["scores"]["Logement"]["borda_exact"], "3");
    let equal = agora(
        "nowhere",
        &[
            "recount",
            &file.display().to_string(),
            "--weighting",
            "equal-colleges",
        ],
        &[],
    );
    let printed: serde_json::Value =
        serde_json::from_str(&stdout(&equal)).unwrap_or_else(|e| panic!("{e}: {equal:?}"));
    assert_eq!(
        printed["ranking"],
        serde_json::json!([["Logement", "Emploi"]])
    );

    // More ballots ranking one above the other than there are ballots: refused.
    let bad = dir.path().join("impossible.json");
    std::fs::write(
        &bad,
        r#"{"method": "borda", "candidates": ["Logement", "Emploi"],
            "pairwise": {"usagers": {"ballots": 1, "above": [[0, 2], [0, 0]]}}}"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let refused = agora("nowhere", &["recount", &bad.display().to_string()], &[]);
    assert_eq!(refused.status.code(), Some(2), "{refused:?}");
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("pairwise totals of college \"usagers\""),
        "{refused:?}"
    );
}

/// `agora staff`: an operator lists a council's team, cancels its pending invitations and
/// removes someone (the last coordinator too, unlike the web), whose sessions end with it.
#[test]
fn staff_list_revoke_invitations_and_remove_for_an_operator() {
    use agora_app::domain::{CouncilSlug, Role};
    use agora_app::store::staff;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let url = format!(
        "sqlite://{}?mode=rwc",
        dir.path().join("agora.db").display()
    );
    assert!(agora(&url, &["seed-demo"], &[]).status.success());
    let council = "clsm-val-de-lisandre";
    let runtime = tokio::runtime::Runtime::new().unwrap_or_else(|e| panic!("{e}"));
    // A coordinator who signed up (the passkey is a placeholder: no ceremony runs here).
    let (account, session) = runtime
        .block_on(async {
            let db = agora_app::store::connect(&url).await?;
            let slug = CouncilSlug::parse(council)?;
            let token =
                staff::create_invitation(&db, &slug, Role::Coordinator.into(), 72, None).await?;
            let info = staff::invitation_by_token(&db, &token)
                .await?
                .ok_or_else(|| anyhow::anyhow!("the invitation"))?;
            let account = staff::complete_sign_up(
                &db,
                staff::NewStaff {
                    invitation_id: info.id,
                    display_name: "Cora Cli",
                    user_handle: "cora",
                    credential_id: "cora",
                    credential: "{}".into(),
                    passkey_label: "1",
                },
            )
            .await?;
            let session = staff::open_session(&db, account).await?;
            anyhow::Ok((account, session))
        })
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        agora(
            &url,
            &["invite", "--council", council, "--role", "observer"],
            &[]
        )
        .status
        .success()
    );
    assert!(
        agora(
            &url,
            &[
                "invite",
                "--council",
                council,
                "--role",
                "facilitator",
                "--reads-testimony"
            ],
            &[]
        )
        .status
        .success()
    );

    let list = agora(&url, &["staff", "list", "--council", council], &[]);
    assert!(list.status.success(), "{list:?}");
    let listed = stdout(&list);
    assert!(
        listed.contains(&format!("{account}\tcoordinator\tCora Cli")),
        "{listed}"
    );
    assert!(
        listed.contains("invitation ") && listed.contains("\tobserver\t"),
        "{listed}"
    );
    assert!(
        listed.contains("\tfacilitator+testimony\t"),
        "the testimony grant is listed: {listed}"
    );

    let revoked = agora(
        &url,
        &["staff", "revoke-invitations", "--council", council],
        &[],
    );
    assert!(revoked.status.success(), "{revoked:?}");
    assert!(
        stdout(&revoked).starts_with("2 invitation(s)"),
        "{revoked:?}"
    );
    let listed = stdout(&agora(&url, &["staff", "list", "--council", council], &[]));
    assert!(!listed.contains("invitation "), "{listed}");

    let account_arg = account.to_string();
    let removed = agora(
        &url,
        &[
            "staff",
            "remove",
            "--council",
            council,
            "--account",
            &account_arg,
        ],
        &[],
    );
    assert!(removed.status.success(), "{removed:?}");
    let listed = stdout(&agora(&url, &["staff", "list", "--council", council], &[]));
    assert!(!listed.contains("Cora Cli"), "{listed}");
    let still_signed_in = runtime
        .block_on(async {
            let db = agora_app::store::connect(&url).await?;
            anyhow::Ok(
                staff::staff_by_session(&db, &session, staff::STAFF_IDLE_DEFAULT)
                    .await?
                    .is_some(),
            )
        })
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!still_signed_in, "the session ended with the removal");

    let again = agora(
        &url,
        &[
            "staff",
            "remove",
            "--council",
            council,
            "--account",
            &account_arg,
        ],
        &[],
    );
    assert!(!again.status.success());
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("is not on the team"),
        "{again:?}"
    );
}

/// An operator hosts a council from an empty database, lists it, archives and restores it;
/// a bad address, a taken address or an empty name is refused with the reason and nothing
/// is stored.
#[test]
fn an_operator_hosts_lists_archives_and_restores_a_council() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let url = format!(
        "sqlite://{}?mode=rwc",
        dir.path().join("agora.db").display()
    );
    let stderr = |output: &Output| String::from_utf8_lossy(&output.stderr).into_owned();
    let created = agora(
        &url,
        &[
            "council",
            "create",
            "--slug",
            "clsm-rive",
            "--name",
            "  CLSM  de la Rive ",
            "--territory",
            "Rive-Haute, Rive-Basse",
        ],
        &[],
    );
    assert!(created.status.success(), "{created:?}");
    assert!(
        stdout(&created).contains("agora invite --council clsm-rive --role coordinator"),
        "{created:?}"
    );
    for (args, why) in [
        (
            vec!["--slug", "clsm-rive", "--name", "Autre"],
            "another council (in use or archived) has the address",
        ),
        (
            vec!["--slug", "CLSM Rive", "--name", "Autre"],
            "is not a council address",
        ),
        (vec!["--slug", "clsm-vide", "--name", " "], "too short"),
    ] {
        let mut all = vec!["council", "create"];
        all.extend(args);
        let refused = agora(&url, &all, &[]);
        assert!(!refused.status.success(), "{refused:?}");
        assert!(stderr(&refused).contains(why), "{refused:?}");
    }
    let listed = stdout(&agora(&url, &["council", "list"], &[]));
    assert_eq!(listed.lines().count(), 1, "{listed}");
    assert!(
        listed.starts_with("clsm-rive\thosted\t")
            && listed.trim_end().ends_with("\tCLSM de la Rive"),
        "{listed}"
    );
    // Its first coordinator can be invited; archived, it cannot, and it is listed as such.
    assert!(
        agora(
            &url,
            &["invite", "--council", "clsm-rive", "--role", "coordinator"],
            &[]
        )
        .status
        .success()
    );
    assert!(
        agora(&url, &["council", "archive", "--slug", "clsm-rive"], &[])
            .status
            .success()
    );
    assert!(stdout(&agora(&url, &["council", "list"], &[])).contains("clsm-rive\tarchived\t"));
    assert!(
        !agora(
            &url,
            &["invite", "--council", "clsm-rive", "--role", "coordinator"],
            &[]
        )
        .status
        .success()
    );
    let unknown = agora(
        &url,
        &["council", "archive", "--slug", "clsm-nulle-part"],
        &[],
    );
    assert!(
        stderr(&unknown).contains("no council has the address"),
        "{unknown:?}"
    );
    assert!(
        agora(&url, &["council", "restore", "--slug", "clsm-rive"], &[])
            .status
            .success()
    );
    assert!(stdout(&agora(&url, &["council", "list"], &[])).contains("clsm-rive\thosted\t"));
    // An operator's invitation names no council; a council's needs both its address and a
    // role, and never with --operator.
    let operator = agora(&url, &["invite", "--operator"], &[]);
    assert!(operator.status.success(), "{operator:?}");
    assert!(stdout(&operator).contains("/invitation/"), "{operator:?}");
    assert!(
        stderr(&operator).contains("platform operator"),
        "{operator:?}"
    );
    for wrong in [
        vec!["invite"],
        vec!["invite", "--council", "clsm-rive"],
        vec![
            "invite",
            "--operator",
            "--council",
            "clsm-rive",
            "--role",
            "observer",
        ],
    ] {
        assert!(!agora(&url, &wrong, &[]).status.success(), "{wrong:?}");
    }
}

#[test]
fn a_misspelt_setting_stops_every_command_before_it_touches_the_database() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = dir.path().join("agora.db");
    let url = format!("sqlite://{}?mode=rwc", file.display());
    let output = agora(&url, &["migrate"], &[("AGORA_SOCKET_PER_ROOM", "400")]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("AGORA_SOCKET_PER_ROOM is not an Agora setting")
            && stderr.contains("did you mean AGORA_SOCKETS_PER_ROOM?"),
        "{stderr}"
    );
    assert!(!file.exists(), "nothing is created before the refusal");
}
