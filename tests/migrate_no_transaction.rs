//! Migrations marked `-- lcfs-db: no-transaction` run statement by statement, outside any
//! transaction, as `CREATE INDEX CONCURRENTLY` requires.

mod common;

use common::probe::applied_versions;
use lcfs_db::testing::TestDatabase;
use lcfs_db::{ErrorKind, Migration, Migrator};

fn table() -> Migration {
    Migration::new(
        1,
        "fuel_supply",
        "CREATE TABLE fuel_supply (id int PRIMARY KEY, compliance_report_id int, fuel_type_id int);",
        "DROP TABLE fuel_supply;",
    )
}

async fn valid_indexes(db: &TestDatabase) -> Vec<String> {
    db.query(
        "SELECT c.relname::text FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid \
         WHERE i.indrelid = 'fuel_supply'::regclass AND NOT i.indisprimary AND i.indisvalid ORDER BY 1",
        &[],
    )
    .await
    .unwrap()
    .iter()
    .map(|row| row.get(0))
    .collect()
}

#[lcfs_db::test(empty)]
async fn create_index_concurrently_runs_outside_a_transaction(db: TestDatabase) {
    let index = Migration::new(
        2,
        "fuel_supply_indexes",
        "-- lcfs-db: no-transaction\n\
         CREATE INDEX CONCURRENTLY fuel_supply_report ON fuel_supply (compliance_report_id);\n\
         CREATE INDEX CONCURRENTLY fuel_supply_fuel_type ON fuel_supply (fuel_type_id);\n",
        "DROP INDEX fuel_supply_report;\nDROP INDEX fuel_supply_fuel_type;",
    );
    assert!(!index.is_transactional());
    let report = Migrator::with_migrations(vec![table(), index])
        .run(&db)
        .await
        .unwrap();
    assert_eq!(report.applied().len(), 2);
    assert_eq!(
        valid_indexes(&db).await,
        ["fuel_supply_fuel_type", "fuel_supply_report"]
    );
    assert_eq!(applied_versions(&db).await, [1, 2]);
}

#[lcfs_db::test(empty)]
async fn statements_split_at_build_time_are_used_as_given(db: TestDatabase) {
    const UP: &str = "-- lcfs-db: no-transaction\nCREATE INDEX CONCURRENTLY fuel_supply_report ON fuel_supply (compliance_report_id);\n";
    static STATEMENTS: [&str; 1] =
        ["CREATE INDEX CONCURRENTLY fuel_supply_report ON fuel_supply (compliance_report_id);"];
    let index = Migration::embedded(
        2,
        "fuel_supply_index",
        UP,
        "DROP INDEX fuel_supply_report;",
        false,
        &STATEMENTS,
    );
    Migrator::with_migrations(vec![table(), index])
        .run(&db)
        .await
        .unwrap();
    assert_eq!(valid_indexes(&db).await, ["fuel_supply_report"]);
}

#[lcfs_db::test(empty)]
async fn a_failure_keeps_earlier_statements_and_records_nothing(db: TestDatabase) {
    let index = Migration::new(
        2,
        "fuel_supply_indexes",
        "-- lcfs-db: no-transaction\n\
         CREATE INDEX CONCURRENTLY IF NOT EXISTS fuel_supply_report ON fuel_supply (compliance_report_id);\n\
         CREATE INDEX CONCURRENTLY fuel_supply_missing ON fuel_supply (no_such_column);\n",
        "DROP INDEX fuel_supply_report;",
    );
    let error = Migrator::with_migrations(vec![table(), index])
        .run(&db)
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Migration);
    assert_eq!(error.file(), Some("V002__fuel_supply_indexes.sql"));
    let at = error.location().unwrap();
    assert_eq!((at.line, at.statement_line), (3, 3));
    assert!(
        at.statement
            .starts_with("CREATE INDEX CONCURRENTLY fuel_supply_missing")
    );
    let message = error.to_string();
    assert!(message.contains("failed at statement 2 of 2"), "{message}");
    assert!(
        message.contains("its first statement stays applied"),
        "{message}"
    );
    assert_eq!(valid_indexes(&db).await, ["fuel_supply_report"]);
    assert_eq!(
        applied_versions(&db).await,
        [1],
        "the version is not recorded"
    );
}
