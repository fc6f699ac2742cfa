//! `lcfs-db check`: exit 0 on a database just migrated, 1 naming every drifted object (text and
//! JSON, additions apart), 2 when the database is not at head.

mod common;

use common::cli::{lcfs_db, stderr, stdout};
use lcfs_db::Migrator;
use lcfs_db::catalog::{Change, Kind};
use lcfs_db::testing::TestDatabase;

#[lcfs_db::test]
async fn check_is_clean_at_head_and_names_each_drift(db: TestDatabase) {
    let clean = lcfs_db(db.url(), &["check"]);
    assert_eq!(
        clean.status.code(),
        Some(0),
        "{}{}",
        stdout(&clean),
        stderr(&clean)
    );
    assert!(lcfs_db::check(&db).await.unwrap().is_empty());

    db.batch_execute(
        "ALTER TABLE organization ADD COLUMN x int;
         CREATE INDEX ON transfer (create_date);
         CREATE OR REPLACE FUNCTION audit_trigger_func() RETURNS trigger LANGUAGE plpgsql
             AS $$ BEGIN RETURN NULL; END $$;
         REVOKE SELECT ON vw_transfer_base FROM basic_lcfs_reporting_role;",
    )
    .await
    .unwrap();
    let drifted = lcfs_db(db.url(), &["check"]);
    assert_eq!(drifted.status.code(), Some(1), "{}", stderr(&drifted));
    let text = stdout(&drifted);
    for line in [
        "column (1)\n  unexpected  organization.x",
        // An index on our table is an addition, listed apart (tests/adopt.rs covers the rest).
        "unmanaged additions (1, not drift), kept, not managed by lcfs-db:\nindex (1)\n  added       transfer_create_date_idx",
        "function (1)\n  different   audit_trigger_func(): body_md5 expected",
        "grant (1)\n  missing     view vw_transfer_base to basic_lcfs_reporting_role",
    ] {
        assert!(text.contains(line), "{line:?} not in:\n{text}");
    }

    let json = lcfs_db(db.url(), &["check", "--format", "json"]);
    assert_eq!(json.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(report["equal"], false);
    let named: Vec<[&str; 3]> = report["differences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| ["kind", "change", "class"].map(|key| d[key].as_str().unwrap()))
        .collect();
    assert_eq!(
        named,
        [
            ["column", "unexpected", "drift"],
            ["function", "different", "drift"],
            ["grant", "missing", "drift"],
            ["index", "unexpected", "addition"],
        ]
    );

    let drift = lcfs_db::check(&db).await.unwrap();
    assert!(drift.differences.iter().any(|d| d.kind == Kind::Function
        && matches!(&d.change, Change::Different { attribute, .. } if attribute == "body_md5")));
}

#[lcfs_db::test(empty)]
async fn check_knows_only_head(db: TestDatabase) {
    let none = lcfs_db(db.url(), &["check"]);
    assert_eq!(none.status.code(), Some(2));
    assert!(stderr(&none).contains("lcfs-db adopt"), "{}", stderr(&none));
    Migrator::new().target(3).run(&db).await.unwrap();
    let behind = lcfs_db(db.url(), &["check", "--format", "json"]);
    assert_eq!(behind.status.code(), Some(2));
    let report: serde_json::Value = serde_json::from_slice(&behind.stdout).unwrap();
    let error = report["error"].as_str().unwrap();
    assert!(
        error.contains("version 3") && error.contains("only the catalog of head"),
        "{error}"
    );
    let err = lcfs_db::check(&db).await.unwrap_err();
    assert_eq!(err.kind(), lcfs_db::ErrorKind::NotAtHead);
}
