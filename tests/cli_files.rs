//! `generate`, `seed` and `reset` through the real binary.

mod common;

use std::fs;

use common::cli::{lcfs_db, ok, stderr};
use common::probe::column;
use lcfs_db::testing::TestDatabase;

/// Removed when dropped, so a failing test leaves nothing behind either.
fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

#[test]
fn generate_writes_the_next_pair_and_refuses_a_taken_version() {
    let temp = temp_dir();
    let dir = temp.path();
    fs::write(dir.join("V001__start.sql"), "").unwrap();
    fs::write(dir.join("V001__start.down.sql"), "").unwrap();
    let dir_arg = dir.to_str().unwrap();
    let generated = ok(lcfs_db(
        "postgres://unused",
        &[
            "generate",
            "Add penalty notes!",
            "--migrations-dir",
            dir_arg,
        ],
    ));
    assert!(
        stderr(&generated).contains("both files before the next build"),
        "{}",
        stderr(&generated)
    );
    let up = fs::read_to_string(dir.join("V002__add_penalty_notes.sql")).unwrap();
    assert!(up.starts_with("-- V002: Add penalty notes!"));
    assert!(dir.join("V002__add_penalty_notes.down.sql").exists());
    fs::write(dir.join("V002__other.sql"), "").unwrap();
    let refused = lcfs_db(
        "postgres://unused",
        &["generate", "more", "--migrations-dir", dir_arg],
    );
    assert!(!refused.status.success());
    assert!(
        stderr(&refused).contains("version 2 is taken twice"),
        "{}",
        stderr(&refused)
    );
}

async fn counts(db: &TestDatabase) -> Vec<i64> {
    let mut counts = Vec::new();
    for table in [
        "organization",
        "user_profile",
        "transaction",
        "transfer",
        "compliance_report",
    ] {
        counts.extend(column::<i64>(db, &format!("SELECT count(*) FROM {table}")).await);
    }
    counts
}

#[lcfs_db::test]
async fn seeding_twice_changes_nothing(db: TestDatabase) {
    ok(lcfs_db(db.url(), &["seed", "test"]));
    let once = counts(&db).await;
    assert!(once[0] >= 2, "organizations were seeded: {once:?}");
    ok(lcfs_db(db.url(), &["seed", "test"]));
    assert_eq!(counts(&db).await, once);
}

#[lcfs_db::test]
async fn a_failing_seed_file_leaves_nothing_behind(db: TestDatabase) {
    let temp = temp_dir();
    let dir = temp.path();
    fs::create_dir_all(dir.join("test")).unwrap();
    fs::copy(
        common::cli::checkout().join("seeds/test/01_test_data.sql"),
        dir.join("test/01_test_data.sql"),
    )
    .unwrap();
    fs::write(
        dir.join("test/02_broken.sql"),
        "SELECT 1;\nINSERT INTO no_such_table VALUES (1);\n",
    )
    .unwrap();
    let before = counts(&db).await;
    let failed = lcfs_db(
        db.url(),
        &["seed", "test", "--seeds-dir", dir.to_str().unwrap()],
    );
    assert!(!failed.status.success());
    let err = stderr(&failed);
    assert!(
        err.contains("02_broken.sql:2:13") && err.contains("no_such_table"),
        "{err}"
    );
    assert_eq!(counts(&db).await, before);
}

#[lcfs_db::test]
async fn reset_seeds_dev_data_with_balances_from_the_ledger(db: TestDatabase) {
    ok(lcfs_db(db.url(), &["reset", "--yes"]));
    let organizations: Vec<i64> = column(&db, "SELECT count(*) FROM organization").await;
    assert!(organizations[0] >= 5);
    let wrong: Vec<i32> = column(
        &db,
        "SELECT organization_id FROM organization o WHERE total_balance <> \
         (SELECT coalesce(sum(compliance_units), 0) FROM transaction t \
          WHERE t.organization_id = o.organization_id AND transaction_action = 'Adjustment')",
    )
    .await;
    assert!(
        wrong.is_empty(),
        "balances differ from the ledger for {wrong:?}"
    );
    // Dev users add rows to user_profile and user_role; every schema object must still match.
    let parity = common::parity::parity(&db).await;
    let schema_failures: Vec<_> = parity
        .failures
        .iter()
        .filter(|f| !f.starts_with("rows "))
        .collect();
    assert!(schema_failures.is_empty(), "{}", parity.report());
}

#[test]
fn erd_draws_every_table() {
    let schema = lcfs_db::schema::schema();
    let mermaid = common::cli::stdout(&ok(lcfs_db("postgres://unused", &["erd"])));
    for table in schema.tables {
        assert!(
            mermaid.contains(&format!("    {} {{", table.name)),
            "{} is drawn",
            table.name
        );
    }
    let drawio = common::cli::stdout(&ok(lcfs_db(
        "postgres://unused",
        &["erd", "--format", "drawio"],
    )));
    assert!(drawio.starts_with("<mxfile"));
    let wrong = lcfs_db("postgres://unused", &["erd", "--domain", "nope"]);
    assert!(!wrong.status.success() && stderr(&wrong).contains("organizations_and_users"));
}

#[test]
fn docs_regenerates_the_committed_files() {
    let Some(_) = common::require::program("dot", "graphviz") else {
        return;
    };
    let dir = temp_dir();
    let written = common::cli::stdout(&ok(lcfs_db(
        "postgres://unused",
        &["docs", "--docs-dir", dir.path().to_str().unwrap()],
    )));
    assert!(written.contains("schema.md") && written.contains(".svg"));
    for relative in ["schema.md", "erd/audit.dot", "erd/audit.svg"] {
        let committed = common::cli::checkout().join("docs").join(relative);
        assert_eq!(
            fs::read_to_string(dir.path().join(relative)).unwrap(),
            fs::read_to_string(committed).unwrap(),
            "{relative}"
        );
    }
}

#[test]
fn docs_without_graphviz_says_what_to_install_and_writes_nothing() {
    let dir = temp_dir();
    let no_programs = temp_dir();
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_lcfs-db"));
    command
        .args(["docs", "--docs-dir", dir.path().to_str().unwrap()])
        .env("PATH", no_programs.path());
    let failed = command.output().unwrap();
    assert!(!failed.status.success());
    let err = stderr(&failed);
    assert!(err.contains("apt-get install graphviz"), "{err}");
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing written"
    );
}
