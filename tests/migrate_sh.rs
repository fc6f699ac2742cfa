//! `migrate.sh`, LCFS's flags over the real binary.

mod common;

use common::cli::{checkout, migrate_sh, ok, stderr, stdout};
use common::probe::applied_versions;
use lcfs_db::testing::TestDatabase;

#[test]
fn help_without_arguments_and_with_h_or_help() {
    let none = ok(migrate_sh("postgres://unused", &[], &[]));
    assert!(stdout(&none).contains("-g <message>"));
    for flag in ["-h", "--help"] {
        let help = ok(migrate_sh("postgres://unused", &[flag], &[]));
        assert_eq!(stdout(&none), stdout(&help), "{flag}");
    }
}

#[test]
fn every_flag_refuses_arguments_it_does_not_take() {
    let cases: [(&[&str], &str); 6] = [
        (&["-u", "3", "extra"], "-u [revision]"),
        (&["-d", "3", "extra"], "-d [revision]"),
        (&["-s", "extra"], "-s"),
        (&["-h", "extra"], "-h"),
        (&["-g"], "-g <Description of changes>"),
        (&["-g", "one", "two"], "-g <Description of changes>"),
    ];
    // An unreachable database: a flag that ran anyway would fail differently.
    for (args, usage) in cases {
        let out = migrate_sh("postgres://nobody@127.0.0.1:1/nothing", args, &[]);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!(
            stderr(&out).trim_end(),
            format!("Usage: {} {usage}", script()),
            "{args:?}"
        );
        assert!(stdout(&out).is_empty(), "{args:?}");
    }
}

/// How the script names itself in its messages.
fn script() -> String {
    checkout().join("migrate.sh").display().to_string()
}

#[test]
fn an_unknown_option_is_an_error() {
    let out = migrate_sh("postgres://unused", &["-x"], &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("Invalid option -x"));
}

#[lcfs_db::test(empty)]
async fn upgrade_downgrade_and_reset(db: TestDatabase) {
    ok(migrate_sh(db.url(), &["-u", "5"], &[]));
    assert_eq!(applied_versions(&db).await, [1, 2, 3, 4, 5]);
    ok(migrate_sh(db.url(), &["-u"], &[]));
    assert_eq!(
        applied_versions(&db).await.len(),
        lcfs_db::migrations().len()
    );
    let refused = migrate_sh(db.url(), &["-d"], &[]);
    assert!(!refused.status.success(), "no terminal and no LCFS_DB_YES");
    let yes = [("LCFS_DB_YES", std::path::Path::new("1"))];
    ok(migrate_sh(db.url(), &["-d", "3"], &yes));
    assert_eq!(applied_versions(&db).await, [1, 2, 3]);
    ok(migrate_sh(db.url(), &["-s"], &yes));
    assert_eq!(
        applied_versions(&db).await.len(),
        lcfs_db::migrations().len()
    );
    let orgs: Vec<i64> = common::probe::column(&db, "SELECT count(*) FROM organization").await;
    assert!(orgs[0] >= 5);
}

#[test]
fn g_generates_into_the_migrations_folder() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path();
    let env = [("LCFS_DB_MIGRATIONS_DIR", dir)];
    ok(migrate_sh(
        "postgres://unused",
        &["-g", "Track fuel code notes"],
        &env,
    ));
    assert!(dir.join("V001__track_fuel_code_notes.sql").exists());
    assert!(dir.join("V001__track_fuel_code_notes.down.sql").exists());
    let usage = migrate_sh("postgres://unused", &["-g"], &env);
    assert_eq!(usage.status.code(), Some(1));
    assert!(checkout().join("migrations").exists());
}
