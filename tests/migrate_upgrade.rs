//! Upgrading: empty to head, up to a target, nothing to do at head; refinery's history layout.

use std::time::{Duration, Instant};

use lcfs_db::testing::TestDatabase;
use lcfs_db::{Migration, Migrator};
use tokio_postgres::Client;

fn fuel_set() -> Vec<Migration> {
    vec![
        Migration::new(
            1,
            "fuel_types",
            "CREATE TABLE fuel_type (id int PRIMARY KEY, name text NOT NULL UNIQUE);",
            "DROP TABLE fuel_type;",
        ),
        Migration::new(
            2,
            "fuel_codes",
            "CREATE TABLE fuel_code (\n  id int PRIMARY KEY,\n  fuel_type_id int REFERENCES fuel_type\n);\n\
             CREATE FUNCTION fuel_code_count() RETURNS bigint LANGUAGE sql AS $$ SELECT count(*) FROM fuel_code; $$;",
            "DROP FUNCTION fuel_code_count();\nDROP TABLE fuel_code;",
        ),
        Migration::new(
            3,
            "fuel_seed",
            "INSERT INTO fuel_type VALUES (1, 'Biodiesel'), (2, 'Ethanol');",
            "DELETE FROM fuel_type;",
        ),
    ]
}

async fn history(db: &Client) -> Vec<(i32, String, String, String)> {
    db.query(
        "SELECT version, name, applied_on, checksum FROM refinery_schema_history ORDER BY version",
        &[],
    )
    .await
    .unwrap()
    .iter()
    .map(|row| (row.get(0), row.get(1), row.get(2), row.get(3)))
    .collect()
}

#[lcfs_db::test(empty)]
async fn empty_to_head_then_a_second_run_applies_nothing(db: TestDatabase) {
    let migrator = Migrator::with_migrations(fuel_set());
    let report = migrator.run(&db).await.unwrap();
    assert_eq!((report.version_before(), report.version_after()), (0, 3));
    let applied: Vec<(i32, &str)> = report
        .applied()
        .iter()
        .map(|m| (m.version, m.name))
        .collect();
    assert_eq!(
        applied,
        [(1, "fuel_types"), (2, "fuel_codes"), (3, "fuel_seed")]
    );

    let count: i64 = db
        .query_one(
            "SELECT fuel_code_count() + (SELECT count(*) FROM fuel_type)",
            &[],
        )
        .await
        .unwrap()
        .get(0);
    assert_eq!(count, 2);

    let rows = history(&db).await;
    assert_eq!(rows.len(), 3);
    for ((version, name, applied_on, checksum), migration) in rows.iter().zip(fuel_set()) {
        assert_eq!(
            (*version, name.as_str()),
            (migration.version(), migration.name())
        );
        // What refinery itself computes and parses, so its tooling agrees with our history.
        let refinery = refinery::Migration::unapplied(
            &format!("V{}__{}", migration.version(), migration.name()),
            migration.up_sql(),
        )
        .unwrap();
        assert_eq!(checksum, &refinery.checksum().to_string());
        chrono::DateTime::parse_from_rfc3339(applied_on).expect("applied_on is RFC 3339");
    }

    let again = migrator.run(&db).await.unwrap();
    assert!(again.applied().is_empty());
    assert_eq!((again.version_before(), again.version_after()), (3, 3));
    assert_eq!(history(&db).await, rows, "a run at head changes nothing");
}

#[lcfs_db::test(empty)]
async fn a_target_stops_the_upgrade_there(db: TestDatabase) {
    let report = Migrator::with_migrations(fuel_set())
        .target(2)
        .run(&db)
        .await
        .unwrap();
    assert_eq!(report.version_after(), 2);
    assert_eq!(history(&db).await.len(), 2);
    let status = Migrator::with_migrations(fuel_set())
        .status(&db)
        .await
        .unwrap();
    assert_eq!(status.pending().map(|v| v.version).collect::<Vec<_>>(), [3]);

    let report = Migrator::with_migrations(fuel_set())
        .run(&db)
        .await
        .unwrap();
    assert_eq!(
        report
            .applied()
            .iter()
            .map(|m| m.version)
            .collect::<Vec<_>>(),
        [3]
    );

    let error = Migrator::with_migrations(fuel_set())
        .target(9)
        .run(&db)
        .await
        .unwrap_err();
    assert_eq!(error.kind(), lcfs_db::ErrorKind::UnknownVersion);
    assert!(
        error.to_string().contains("there is no version 9"),
        "{error}"
    );
}

#[lcfs_db::test(empty)]
async fn migrate_at_head_is_one_lock_one_select_one_unlock(db: TestDatabase) {
    let migrator = Migrator::with_migrations(fuel_set());
    migrator.run(&db).await.unwrap();
    let runs = 200;
    let started = Instant::now();
    for _ in 0..runs {
        assert!(migrator.run(&db).await.unwrap().applied().is_empty());
    }
    let each = started.elapsed() / runs;
    println!("migrate at head: {each:?} per run");
    assert!(
        each < Duration::from_millis(20),
        "migrate at head took {each:?}"
    );
}

#[lcfs_db::test(empty)]
async fn a_custom_history_table_is_separate(db: TestDatabase) {
    let custom = Migrator::with_migrations(fuel_set()).history_table("fuel_schema_history");
    assert_eq!(custom.run(&db).await.unwrap().applied().len(), 3);
    let rows: i64 = db
        .query_one("SELECT count(*) FROM fuel_schema_history", &[])
        .await
        .unwrap()
        .get(0);
    assert_eq!(rows, 3);
    let default_table: Option<String> = db
        .query_one("SELECT to_regclass('refinery_schema_history')::text", &[])
        .await
        .unwrap()
        .get(0);
    assert_eq!(default_table, None);

    let error = Migrator::new()
        .history_table("History; DROP")
        .run(&db)
        .await
        .unwrap_err();
    assert_eq!(error.kind(), lcfs_db::ErrorKind::Config);
}

#[lcfs_db::test(empty)]
async fn embedded_set_goes_from_empty_to_head_once(db: TestDatabase) {
    // Meaningful once the real migrations are merged: fails loudly on an empty set.
    let set = lcfs_db::migrations();
    assert!(!set.is_empty(), "the embedded migration set is empty");
    let started = Instant::now();
    let report = lcfs_db::migrate(&db).await.unwrap();
    println!("cold migrate of the embedded set: {:?}", started.elapsed());
    assert_eq!(report.applied().len(), set.len());
    assert_eq!(report.version_after(), set.last().unwrap().version());
    assert!(lcfs_db::migrate(&db).await.unwrap().applied().is_empty());
    assert_eq!(history(&db).await.len(), set.len());
}
