//! Old binaries beside newer migrations: the embedded set on a database a newer set migrated to
//! V100. An expand V100 is tolerated and reported, a contract or unclassified one stops the run
//! naming it, and the strict option refuses either.

mod common;

use common::probe::column;
use lcfs_db::Class;
use lcfs_db::testing::TestDatabase;
use lcfs_db::{ErrorKind, Migration, Migrator, migrations};

const EXPAND: &str = "-- lcfs-db: class expand because it adds a nullable column\n\
                      ALTER TABLE organization ADD COLUMN note text;\n";
const CONTRACT: &str = "-- lcfs-db: class contract because it drops organization.edrms_record\n\
                        ALTER TABLE organization DROP COLUMN edrms_record;\n";
const UNCLASSIFIED: &str = "ALTER TABLE organization ADD COLUMN note text;\n";

/// The newer build's version, above any head this binary will have.
const NEWER: i32 = 100;

/// Migrates `db` with a newer build's set: the embedded migrations and a V100 of `up`.
async fn newer_build_applies(db: &TestDatabase, up: &'static str) {
    let mut newer = migrations().to_vec();
    newer.push(Migration::new(NEWER, "newer_change", up, "SELECT 1;"));
    let report = Migrator::with_migrations(newer).run(db).await.unwrap();
    assert_eq!(
        (report.version_before(), report.version_after()),
        (Migrator::new().head(), NEWER)
    );
}

/// The run stopped at the newer build's version, saying each of `why`.
fn refused_newer(error: &lcfs_db::Error, why: &[&str]) {
    assert_eq!(
        (error.kind(), error.version()),
        (ErrorKind::Missing, Some(NEWER)),
        "{error}"
    );
    let message = error.to_string();
    for expected in why {
        assert!(message.contains(expected), "{expected:?} in:\n{message}");
    }
}

#[lcfs_db::test]
async fn an_old_binary_starts_beside_a_newer_expand_migration(db: TestDatabase) {
    newer_build_applies(&db, EXPAND).await;
    let classes: Vec<Option<String>> = column(
        &db,
        "SELECT class FROM refinery_schema_history ORDER BY version",
    )
    .await;
    assert_eq!(classes.len(), migrations().len() + 1);
    assert!(
        classes.iter().all(|c| c.as_deref() == Some("expand")),
        "{classes:?}"
    );

    let report = Migrator::new()
        .run(&db)
        .await
        .expect("the old binary starts");
    assert!(report.applied().is_empty());
    assert_eq!(
        (report.version_before(), report.version_after()),
        (NEWER, NEWER)
    );
    let ahead: Vec<(i32, &str)> = report
        .ahead()
        .iter()
        .map(|a| (a.version, a.name.as_str()))
        .collect();
    assert_eq!(ahead, [(NEWER, "newer_change")]);

    let status = Migrator::new().status(&db).await.unwrap();
    let newer = status.versions.iter().find(|v| v.version == NEWER).unwrap();
    assert_eq!(newer.class, Some(Class::Expand));
}

#[lcfs_db::test]
async fn an_old_binary_refuses_a_newer_contract_migration(db: TestDatabase) {
    newer_build_applies(&db, CONTRACT).await;
    let error = Migrator::new().run(&db).await.unwrap_err();
    refused_newer(
        &error,
        &["version 100 (newer_change", "it is a contract migration"],
    );
}

#[lcfs_db::test]
async fn an_old_binary_refuses_a_newer_migration_of_unknown_class(db: TestDatabase) {
    newer_build_applies(&db, UNCLASSIFIED).await;
    let error = Migrator::new().run(&db).await.unwrap_err();
    refused_newer(&error, &["its class is unknown (not recorded)"]);
}

#[lcfs_db::test]
async fn strict_history_refuses_even_an_expand_migration(db: TestDatabase) {
    newer_build_applies(&db, EXPAND).await;
    let error = Migrator::new()
        .strict_history(true)
        .run(&db)
        .await
        .unwrap_err();
    refused_newer(&error, &["strict history checking refuses"]);
}

#[lcfs_db::test]
async fn strict_history_refuses_a_contract_migration(db: TestDatabase) {
    newer_build_applies(&db, CONTRACT).await;
    let error = Migrator::new()
        .strict_history(true)
        .run(&db)
        .await
        .unwrap_err();
    refused_newer(&error, &[]);
}

#[lcfs_db::test]
async fn the_run_its_preview_and_a_downgrade_agree_on_what_is_tolerated(db: TestDatabase) {
    newer_build_applies(&db, EXPAND).await;
    let migrator = Migrator::new();
    let plan = migrator.preview_upgrade(&db).await.unwrap();
    assert!(plan.is_empty(), "an upgrade has nothing to run");
    let head = migrator.head();
    // A downgrade would have to revert V100 first, and has no down file for it.
    for error in [
        Migrator::new()
            .preview_downgrade(&db, head - 1)
            .await
            .unwrap_err(),
        Migrator::new().downgrade(&db, head - 1).await.unwrap_err(),
    ] {
        refused_newer(&error, &["a downgrade would have to revert it"]);
    }
    assert_eq!(Migrator::new().status(&db).await.unwrap().current, NEWER);
}

#[lcfs_db::test]
async fn an_expand_migration_below_head_is_still_a_gap(db: TestDatabase) {
    // An applied version the set lacks below its head is not "ahead": it is refused as before.
    let set = vec![
        migrations()[0].clone(),
        Migration::new(2, "later", "SELECT 1;", "SELECT 1;"),
    ];
    db.batch_execute(
        "INSERT INTO refinery_schema_history (version, name, applied_on, checksum, class) \
         VALUES (0, 'before', 'x', '0', 'expand')",
    )
    .await
    .unwrap();
    let error = Migrator::with_migrations(set).run(&db).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Missing);
}

#[lcfs_db::test]
async fn a_history_table_without_the_class_column_gets_it_under_the_lock(db: TestDatabase) {
    db.batch_execute("ALTER TABLE refinery_schema_history DROP COLUMN class")
        .await
        .unwrap();
    let report = Migrator::new().run(&db).await.unwrap();
    assert!(report.applied().is_empty());
    let columns: Vec<String> = column(
        &db,
        "SELECT attname::text FROM pg_attribute WHERE attrelid = 'refinery_schema_history'::regclass \
         AND attnum > 0 AND NOT attisdropped ORDER BY attnum",
    )
    .await;
    assert_eq!(
        columns,
        ["version", "name", "applied_on", "checksum", "class"]
    );
    newer_build_applies(&db, EXPAND).await;
    let class: Vec<Option<String>> = column(
        &db,
        "SELECT class FROM refinery_schema_history WHERE version = 100",
    )
    .await;
    assert_eq!(class, [Some("expand".to_owned())]);
}

#[test]
fn the_reviewed_script_adds_the_class_column_and_shows_each_class() {
    let mut set = migrations().to_vec();
    set.push(Migration::new(NEWER, "newer_change", CONTRACT, "SELECT 1;"));
    let script = Migrator::with_migrations(set)
        .upgrade_plan(14, None)
        .unwrap()
        .sql();
    assert!(
        script.contains(
            "ALTER TABLE refinery_schema_history ADD COLUMN IF NOT EXISTS class varchar(16);"
        ),
        "{script}"
    );
    assert!(
        script.contains("-- V015__reporting_role.sql\n-- class: expand (adds only"),
        "{script}"
    );
    assert!(
        script.contains(
            "-- V100__newer_change.sql\n-- class: contract (it drops organization.edrms_record)\n"
        ),
        "{script}"
    );
    assert!(
        script.contains("checksum, class) VALUES (100, 'newer_change', "),
        "{script}"
    );
    assert!(script.contains(", 'contract');"), "{script}");
}

/// The first run of a new binary on an old database adds the `class` column with a migration's
/// retries: a session reading the history in an open transaction delays it, never fails it.
#[lcfs_db::test]
async fn adding_the_class_column_is_retried_after_a_lock_timeout(db: TestDatabase) {
    db.batch_execute("ALTER TABLE refinery_schema_history DROP COLUMN class")
        .await
        .unwrap();
    let reader = db.connect().await.unwrap();
    reader
        .batch_execute("BEGIN; SELECT count(*) FROM refinery_schema_history")
        .await
        .unwrap();
    let ends = tokio::spawn(async move {
        tokio::time::sleep(std::time::Duration::from_millis(600)).await;
        reader.batch_execute("COMMIT").await.unwrap();
    });
    let report = Migrator::new()
        .ddl_lock_timeout(std::time::Duration::from_millis(200))
        .lock_retries(3)
        .run(&db)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    ends.await.unwrap();
    assert!(report.applied().is_empty());
    let class: Vec<String> = column(
        &db,
        "SELECT attname::text FROM pg_attribute WHERE attrelid = 'refinery_schema_history'::regclass \
         AND attname = 'class' AND NOT attisdropped",
    )
    .await;
    assert_eq!(class, ["class"]);
}
