//! The history is checked as a whole before anything runs: a deleted row below the current
//! version, a version this build does not know, and a schema without a history table each get
//! their own error that says what was found and what to do, and nothing is applied.

mod common;

use common::cli::{lcfs_db, stderr};
use common::probe::{applied_versions, column};
use lcfs_db::testing::TestDatabase;
use lcfs_db::{ErrorKind, Migrator};

async fn history_rows(db: &TestDatabase) -> Vec<(i32, String, String)> {
    db.query(
        "SELECT version, name, checksum FROM refinery_schema_history ORDER BY version",
        &[],
    )
    .await
    .unwrap()
    .iter()
    .map(|row| (row.get(0), row.get(1), row.get(2)))
    .collect()
}

fn head() -> i32 {
    lcfs_db::migrations().len() as i32
}

#[lcfs_db::test]
async fn a_deleted_history_row_below_the_current_version(db: TestDatabase) {
    db.batch_execute("DELETE FROM refinery_schema_history WHERE version = 7")
        .await
        .unwrap();
    let before = history_rows(&db).await;

    let error = Migrator::new().run(&db).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::OutOfOrder);
    assert_eq!(error.file(), Some("V007__charging_infrastructure.sql"));

    for command in [&["upgrade"][..], &["downgrade", "3", "--yes"]] {
        let output = lcfs_db(db.url(), command);
        let err = stderr(&output);
        assert!(!output.status.success(), "{command:?}: {err}");
        for expected in [
            format!(
                "the history has no row for V007__charging_infrastructure.sql, yet the database \
                 is at version {}; nothing was applied",
                head()
            ),
            "if the database holds what it created, put its row back with".to_owned(),
            "INSERT INTO refinery_schema_history (version, name, applied_on, checksum, class) \
             VALUES (7, 'charging_infrastructure'"
                .to_owned(),
            format!("give it a version above {}", head()),
        ] {
            assert!(err.contains(&expected), "{expected:?} in:\n{err}");
        }
        assert!(!err.contains("reverts:"), "refused before the plan: {err}");
    }
    assert_eq!(
        history_rows(&db).await,
        before,
        "nothing was applied or reverted"
    );
}

/// A history table from before classes were recorded: the advised statements add the column
/// the advised row fills in, and once they ran the database is whole again.
#[lcfs_db::test]
async fn the_advice_for_a_deleted_row_runs_on_a_table_without_the_class_column(db: TestDatabase) {
    db.batch_execute(
        "ALTER TABLE refinery_schema_history DROP COLUMN class; \
         DELETE FROM refinery_schema_history WHERE version = 7",
    )
    .await
    .unwrap();
    let error = Migrator::new().run(&db).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::OutOfOrder);
    let message = error.to_string();
    let advice: Vec<&str> = message
        .lines()
        .skip_while(|line| !line.ends_with("put its row back with"))
        .skip(1)
        .take_while(|line| line.starts_with("  "))
        .collect();
    assert_eq!(advice.len(), 2, "{message}");
    assert!(
        advice[0].contains("ADD COLUMN IF NOT EXISTS class"),
        "{message}"
    );
    db.batch_execute(&advice.join("\n")).await.unwrap();
    let report = Migrator::new().run(&db).await.unwrap();
    assert!(report.applied().is_empty());
    assert_eq!(
        applied_versions(&db).await,
        (1..=head()).collect::<Vec<_>>()
    );
}

#[lcfs_db::test]
async fn a_version_this_build_does_not_know(db: TestDatabase) {
    db.batch_execute(
        "INSERT INTO refinery_schema_history VALUES (99, 'future_reports', '2031-01-01T00:00:00Z', '1')",
    )
    .await
    .unwrap();
    let error = Migrator::new().run(&db).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Missing);
    assert_eq!(error.version(), Some(99));

    let output = lcfs_db(db.url(), &["upgrade"]);
    let err = stderr(&output);
    assert!(!output.status.success());
    assert!(
        err.contains(&format!(
            "the database has version 99 (future_reports, applied on 2031-01-01T00:00:00Z) that \
             this build of lcfs-db does not know (its migrations end at version {})",
            head()
        )) && err.contains("a newer build applied it"),
        "{err}"
    );
    assert!(
        !err.contains("there is no version 99"),
        "not read as a target: {err}"
    );
    assert_eq!(applied_versions(&db).await.len(), head() as usize + 1);
}

#[lcfs_db::test]
async fn a_schema_without_a_history_table(db: TestDatabase) {
    db.batch_execute("DROP TABLE refinery_schema_history; CREATE TABLE alembic_version (version_num varchar(32))")
        .await
        .unwrap();
    let tables: Vec<i64> = column(
        &db,
        "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'",
    )
    .await;
    let types: Vec<i64> = column(
        &db,
        "SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace \
         WHERE n.nspname = 'public' AND t.typtype = 'e'",
    )
    .await;

    let error = Migrator::new().run(&db).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Unmanaged);

    for command in [&["upgrade"][..], &["reset", "--yes"]] {
        let output = lcfs_db(db.url(), command);
        let err = stderr(&output);
        assert!(!output.status.success(), "{command:?}: {err}");
        for expected in [
            "the database has no history table refinery_schema_history, but schema public \
             already holds"
                .to_owned(),
            format!("{} tables", tables[0]),
            format!("{} types", types[0]),
            "nothing was created or applied".to_owned(),
            "it has an `alembic_version` table".to_owned(),
            "`lcfs-db adopt`".to_owned(),
        ] {
            assert!(err.contains(&expected), "{expected:?} in:\n{err}");
        }
    }
    let history: Vec<Option<String>> =
        column(&db, "SELECT to_regclass('refinery_schema_history')::text").await;
    assert_eq!(history, [None], "no history table was created");
}

#[lcfs_db::test(empty)]
async fn extensions_alone_do_not_make_a_schema_unmanaged(db: TestDatabase) {
    db.batch_execute("CREATE EXTENSION IF NOT EXISTS pgcrypto")
        .await
        .unwrap();
    let report = Migrator::new().target(1).run(&db).await.unwrap();
    assert_eq!(report.version_after(), 1);
}
