//! The `lcfs-db` binary moving real databases between versions.

mod common;

use common::cli::{catalog, lcfs_db, ok, stderr, stdout};
use common::probe::{applied_versions, column};
use lcfs_db::testing::TestDatabase;

#[lcfs_db::test(empty)]
async fn upgrade_to_head_then_to_nothing_more(db: TestDatabase) {
    let first = ok(lcfs_db(db.url(), &["upgrade"]));
    let head = lcfs_db::migrations().len() as i32;
    assert!(stdout(&first).contains(&format!("version 0 → {head}")));
    assert!(stderr(&first).contains(r#"applied version=1 name="extensions_and_enums""#));
    let second = ok(lcfs_db(db.url(), &["upgrade", "head"]));
    assert!(stdout(&second).contains("(0 migrations applied)"));
    let status = stdout(&ok(lcfs_db(db.url(), &["status"])));
    assert!(
        status.contains(&format!("current version: {head}")),
        "{status}"
    );
    assert!(status.contains("pending:         none"), "{status}");
}

#[lcfs_db::test(empty)]
async fn upgrade_to_a_version_leaves_the_rest_pending(db: TestDatabase) {
    ok(lcfs_db(db.url(), &["upgrade", "3"]));
    assert_eq!(applied_versions(&db).await, [1, 2, 3]);
    let status = stdout(&ok(lcfs_db(db.url(), &["status"])));
    assert!(status.contains("current version: 3"));
    assert!(status.contains("pending:         V004 V005"), "{status}");
}

#[lcfs_db::test]
async fn downgrade_without_a_terminal_refuses_and_changes_nothing(db: TestDatabase) {
    let refused = lcfs_db(db.url(), &["downgrade", "2"]);
    assert!(!refused.status.success());
    let err = stderr(&refused);
    assert!(err.contains("pass --yes"), "{err}");
    assert!(
        err.contains("V015 reporting_role"),
        "the plan lists the versions: {err}"
    );
    assert!(
        err.contains("compliance_period (41 rows)"),
        "the plan lists tables with rows: {err}"
    );
    assert_eq!(
        applied_versions(&db).await.len(),
        lcfs_db::migrations().len()
    );
}

#[lcfs_db::test]
async fn downgrade_with_yes_reverts_to_the_version(db: TestDatabase) {
    let out = ok(lcfs_db(db.url(), &["downgrade", "2", "--yes"]));
    assert!(stdout(&out).contains("→ 2"));
    assert_eq!(applied_versions(&db).await, [1, 2]);
    ok(lcfs_db(db.url(), &["downgrade", "--yes"]));
    assert!(applied_versions(&db).await.is_empty());
}

#[lcfs_db::test]
async fn history_and_status_show_an_edited_migration(db: TestDatabase) {
    let clean = stdout(&ok(lcfs_db(db.url(), &["history"])));
    assert!(clean.lines().filter(|l| l.ends_with(" ok")).count() == lcfs_db::migrations().len());
    db.batch_execute("UPDATE refinery_schema_history SET checksum = '1' WHERE version = 4")
        .await
        .unwrap();
    let history = stdout(&ok(lcfs_db(db.url(), &["history"])));
    assert!(
        history
            .lines()
            .any(|l| l.starts_with("V004") && l.ends_with("DIVERGENT")),
        "{history}"
    );
    let status = lcfs_db(db.url(), &["status"]);
    assert!(!status.status.success());
    assert!(stdout(&status).contains("divergent:       V004 credit_ledger_and_transfers"));
}

#[lcfs_db::test(empty)]
async fn printed_upgrade_sql_gives_the_same_catalog_as_upgrade(db: TestDatabase) {
    let script = stdout(&ok(lcfs_db(db.url(), &["sql", "upgrade"])));
    let twin = TestDatabase::empty().await.unwrap();
    let path = std::env::temp_dir().join(format!("{}.sql", db.name()));
    std::fs::write(&path, &script).unwrap();
    let psql = std::process::Command::new("psql")
        .args(["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", twin.url(), "-f"])
        .arg(&path)
        .output()
        .unwrap();
    std::fs::remove_file(&path).unwrap();
    ok(psql);
    ok(lcfs_db(db.url(), &["upgrade"]));
    assert_eq!(catalog(twin.url()).await, catalog(db.url()).await);
    let versions: Vec<i32> = column(&twin, "SELECT version FROM refinery_schema_history").await;
    assert_eq!(versions.len(), lcfs_db::migrations().len());
    let down = stdout(&ok(lcfs_db(db.url(), &["sql", "downgrade", "head", "14"])));
    assert!(down.contains("V015__reporting_role.down.sql") && !down.contains("V014__"));
}
