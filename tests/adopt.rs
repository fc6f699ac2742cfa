//! `lcfs-db adopt` on an LCFS database as Alembic leaves it (built here from our V015 with the
//! differences reversed, `tests/adopt/`): every row kept, `check` clean, `upgrade` a no-op, the
//! stairway still walks; and each refusal leaves the database as it was.

mod common;

use common::cli::{catalog, lcfs_db, ok, stderr, stdout};
use common::probe::column;
use lcfs_db::Migrator;
use lcfs_db::adopt::{AdoptOptions, LCFS_VERSION};
use lcfs_db::testing::TestDatabase;

/// An LCFS database at Alembic revision b8f9c0d1e2a3 with the dev seed and a few thousand rows.
async fn lcfs_database() -> TestDatabase {
    let db = TestDatabase::empty().await.unwrap();
    Migrator::new().target(LCFS_VERSION).run(&db).await.unwrap();
    let seeds = common::cli::checkout().join("seeds/dev");
    let mut files: Vec<_> = std::fs::read_dir(&seeds)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    for file in files {
        let sql = std::fs::read_to_string(&file).unwrap();
        db.batch_execute(&sql)
            .await
            .unwrap_or_else(|e| panic!("{}: {e:?}", file.display()));
    }
    for (name, sql) in [
        (
            "lcfs_at_b8f9c0d1e2a3.sql",
            include_str!("adopt/lcfs_at_b8f9c0d1e2a3.sql"),
        ),
        ("data.sql", include_str!("adopt/data.sql")),
    ] {
        db.batch_execute(sql)
            .await
            .unwrap_or_else(|e| panic!("tests/adopt/{name}: {e:?}"));
    }
    db
}

/// Rows of every table, by bare name (a table moved to another schema keeps its place), the
/// lcfs-db history left out.
async fn row_counts(db: &TestDatabase) -> Vec<(String, i64)> {
    let tables: Vec<String> = column(
        db,
        "SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c \
         JOIN pg_namespace n ON n.oid = c.relnamespace \
         WHERE c.relkind = 'r' AND n.nspname IN ('public', 'alembic_archive') \
         AND c.relname NOT LIKE '%schema_history' ORDER BY c.relname",
    )
    .await;
    let mut counts = Vec::new();
    for table in tables {
        let count: i64 = db
            .query_one(&format!("SELECT count(*) FROM {table}"), &[])
            .await
            .unwrap()
            .get(0);
        let bare = table.rsplit('.').next().unwrap().to_owned();
        counts.push((bare, count));
    }
    counts
}

/// Whether the lcfs-db history records any version.
async fn is_managed(db: &TestDatabase) -> bool {
    let exists: bool = db
        .query_one(
            "SELECT to_regclass('refinery_schema_history') IS NOT NULL",
            &[],
        )
        .await
        .unwrap()
        .get(0);
    exists && column::<i64>(db, "SELECT count(*) FROM refinery_schema_history").await[0] > 0
}

#[lcfs_db::test(empty)]
async fn an_alembic_built_lcfs_database_is_adopted_without_losing_a_row(empty: TestDatabase) {
    drop(empty);
    let db = lcfs_database().await;
    let before = row_counts(&db).await;
    let total: i64 = before.iter().map(|(_, n)| n).sum();
    let audit = before.iter().find(|(t, _)| t == "audit_log").unwrap().1;
    assert!(
        total > 5000 && audit > 1274,
        "a few thousand rows: {before:?}"
    );

    // An operator's first try: upgrade fails on the existing types and leaves an empty history.
    let upgrade = lcfs_db(db.url(), &["upgrade"]);
    assert!(!upgrade.status.success(), "{}", stdout(&upgrade));
    let dry = stdout(&ok(lcfs_db(db.url(), &["adopt", "--dry-run"])));
    for expected in [
        "-- verified: LCFS at Alembic revision b8f9c0d1e2a3",
        "-- tolerated: alembic_version, charging_equipment_snapshot_c7e4d9a1b2f6",
        "BEGIN;\nSET LOCAL search_path = public; SET LOCAL lock_timeout = '10s';",
        "ALTER TABLE public.alembic_version SET SCHEMA alembic_archive;",
        "REVOKE SELECT ON TABLE public.organization FROM basic_lcfs_reporting_role;",
        "SELECT setval('fuel_type_fuel_type_id_seq', (SELECT max(fuel_type_id) FROM fuel_type));",
        "COMMENT ON COLUMN organization.name IS NULL;",
        "CREATE OR REPLACE FUNCTION audit_trigger_func()",
        "CREATE TRIGGER audit_pathway_insert_update_delete",
        "ALTER TABLE compliance_report_charging_equipment ADD CONSTRAINT \
         ck_compliance_report_charging_equipment_check_supply_date_order CHECK",
        "INSERT INTO refinery_schema_history",
        "COMMIT;",
    ] {
        assert!(
            dry.contains(expected),
            "{expected:?} not in the dry run:\n{dry}"
        );
    }
    assert!(!is_managed(&db).await, "a dry run changes nothing");
    assert_eq!(row_counts(&db).await, before);

    let adopted = stdout(&ok(lcfs_db(db.url(), &["adopt"])));
    assert!(
        adopted.contains("alembic_version kept as alembic_archive.alembic_version")
            && adopted.contains("check: the database matches the migrations at head"),
        "{adopted}"
    );
    assert_eq!(row_counts(&db).await, before, "every row is kept");
    let check = ok(lcfs_db(db.url(), &["check"]));
    assert!(stdout(&check).contains("matches"), "{}", stdout(&check));
    let upgrade = stdout(&ok(lcfs_db(db.url(), &["upgrade"])));
    assert!(upgrade.contains("(0 migrations applied)"), "{upgrade}");
    let lagging: Vec<bool> = column(
        &db,
        "SELECT nextval('fuel_type_fuel_type_id_seq') > (SELECT max(fuel_type_id) FROM fuel_type)",
    )
    .await;
    assert_eq!(lagging, [true], "the sequence moved past the highest id");
    // The CI tables are audited now.
    db.batch_execute("UPDATE ci_application_status SET status = status")
        .await
        .unwrap();
    let audited: Vec<i64> = column(
        &db,
        "SELECT count(*) FROM audit_log WHERE table_name = 'ci_application_status'",
    )
    .await;
    assert!(audited[0] > 0);

    // The stairway: each version down and up again, then down to V001 and back to head.
    // (Base is out of reach here: the archived snapshot table's enum columns use V001's types,
    // and a downgrade never drops archived rows.)
    let head = Migrator::new().head();
    for version in (2..=head).rev() {
        Migrator::new()
            .downgrade(&db, version - 1)
            .await
            .unwrap_or_else(|e| panic!("down from {version}: {e}"));
        Migrator::new()
            .target(version)
            .run(&db)
            .await
            .unwrap_or_else(|e| panic!("up to {version}: {e}"));
        Migrator::new().downgrade(&db, version - 1).await.unwrap();
    }
    Migrator::new().run(&db).await.unwrap();
    let drift = lcfs_db::check(&db).await.unwrap();
    assert!(drift.is_empty(), "after the stairway:\n{drift}");
}

/// Runs adopt, expecting a refusal that contains every one of `expected`, and nothing changed.
async fn refused(db: &TestDatabase, expected: &[&str]) {
    let (catalog_before, rows_before) = (catalog(db.url()).await, row_counts(db).await);
    let output = lcfs_db(db.url(), &["adopt"]);
    assert!(
        !output.status.success(),
        "adopt succeeded:\n{}",
        stdout(&output)
    );
    let err = stderr(&output);
    for text in expected {
        assert!(err.contains(text), "{text:?} not in the refusal:\n{err}");
    }
    assert!(err.contains("nothing was changed"), "{err}");
    assert_eq!(
        catalog(db.url()).await,
        catalog_before,
        "the catalog is untouched"
    );
    assert_eq!(row_counts(db).await, rows_before, "the rows are untouched");
}

#[lcfs_db::test]
async fn adopt_refuses_a_database_lcfs_db_already_manages(db: TestDatabase) {
    refused(
        &db,
        &[
            "already manages",
            &format!(
                "refinery_schema_history records {} versions",
                lcfs_db::migrations().len()
            ),
        ],
    )
    .await;
}

#[lcfs_db::test(empty)]
async fn adopt_refuses_an_empty_database(db: TestDatabase) {
    refused(&db, &["empty", "lcfs-db upgrade"]).await;
}

#[lcfs_db::test(empty)]
async fn adopt_refuses_another_alembic_revision(empty: TestDatabase) {
    drop(empty);
    let db = lcfs_database().await;
    db.batch_execute("UPDATE alembic_version SET version_num = 'a1b2c3d4e5f6'")
        .await
        .unwrap();
    refused(&db, &["a1b2c3d4e5f6", "b8f9c0d1e2a3", "alembic upgrade"]).await;
    db.batch_execute("DROP TABLE alembic_version")
        .await
        .unwrap();
    refused(&db, &["no alembic_version table"]).await;
}

#[lcfs_db::test(empty)]
async fn adopt_refuses_a_drifted_database_and_lists_the_drift(empty: TestDatabase) {
    drop(empty);
    let db = lcfs_database().await;
    db.batch_execute(
        "ALTER TABLE organization ADD COLUMN x int; DROP INDEX idx_audit_log_operation;",
    )
    .await
    .unwrap();
    refused(
        &db,
        &[
            "differs from LCFS at b8f9c0d1e2a3",
            "unexpected  organization.x",
            "missing     idx_audit_log_operation",
        ],
    )
    .await;
}

#[lcfs_db::test(empty)]
async fn adopt_lists_rows_that_violate_the_check_it_adds(empty: TestDatabase) {
    drop(empty);
    let db = lcfs_database().await;
    db.batch_execute(
        "UPDATE compliance_report_charging_equipment \
         SET supply_to_date = supply_from_date - interval '1 day' \
         WHERE charging_equipment_compliance_id = 1002",
    )
    .await
    .unwrap();
    refused(
        &db,
        &[
            "1 rows of compliance_report_charging_equipment violate \
             ck_compliance_report_charging_equipment_check_supply_date_order",
            "charging_equipment_compliance_id = 1002",
        ],
    )
    .await;
}

/// An adoption whose future is dropped (an application's timeout) ends its transaction: the
/// session goes on outside it, and the database is as it was.
#[lcfs_db::test(empty)]
async fn a_cancelled_adoption_rolls_back(empty: TestDatabase) {
    drop(empty);
    let db = lcfs_database().await;
    let before = row_counts(&db).await;
    let blocker = db.connect().await.unwrap();
    blocker
        .batch_execute("BEGIN; LOCK TABLE organization IN ACCESS EXCLUSIVE MODE")
        .await
        .unwrap();
    let client = db.connect().await.unwrap();
    let adoption = tokio::time::timeout(
        std::time::Duration::from_secs(2),
        lcfs_db::adopt(&client, AdoptOptions::default()),
    )
    .await;
    assert!(
        adoption.is_err(),
        "the adoption was waiting for organization"
    );

    blocker.batch_execute("ROLLBACK").await.unwrap();
    // One simple-protocol statement outside a transaction is a transaction of its own: it
    // began when the statement did.
    let answer = client
        .simple_query("SELECT now() < statement_timestamp()")
        .await
        .unwrap();
    let in_adoption = answer.iter().any(|message| {
        matches!(message, tokio_postgres::SimpleQueryMessage::Row(row) if row.get(0) == Some("t"))
    });
    assert!(!in_adoption, "the adoption's transaction ended");
    assert!(!is_managed(&db).await);
    assert_eq!(row_counts(&db).await, before);
}
