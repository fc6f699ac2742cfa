//! The harness runs the server binaries `LCFS_DB_PG_BINDIR` names, and what PostgreSQL versions
//! 15 to 18 record differently on purpose reads the same in our catalog.

use std::process::Command;

use lcfs_db::catalog::{Kind, read_in_transaction};
use lcfs_db::testing::TestDatabase;

async fn server_major(db: &TestDatabase) -> i32 {
    db.query_one(
        "SELECT current_setting('server_version_num')::int / 10000",
        &[],
    )
    .await
    .unwrap()
    .get(0)
}

#[lcfs_db::test]
async fn the_harness_runs_the_chosen_server_version(db: TestDatabase) {
    let major = server_major(&db).await;
    assert!(
        (15..=18).contains(&major),
        "PostgreSQL {major} is not one we test"
    );
    let Some(bindir) = std::env::var_os("LCFS_DB_PG_BINDIR").filter(|dir| !dir.is_empty()) else {
        return;
    };
    if std::env::var_os("TEST_DATABASE_URL").is_some_and(|url| !url.is_empty()) {
        return; // tests then run on that server, whatever the variable names
    }
    let postgres = std::path::Path::new(&bindir).join("postgres");
    let output = Command::new(&postgres).arg("--version").output().unwrap();
    let printed = String::from_utf8_lossy(&output.stdout);
    assert!(
        printed.contains(&format!("PostgreSQL) {major}.")),
        "the harness's server is {major}, {} says {printed}",
        postgres.display()
    );
}

/// PostgreSQL 18 keeps a NOT NULL as a constraint in `pg_constraint` as well; the catalog we read
/// has it as the column's `nullable` on every version, and no such constraint.
#[lcfs_db::test]
async fn not_null_reads_as_the_column_on_every_version(db: TestDatabase) {
    let recorded: i64 = db
        .query_one(
            "SELECT count(*) FROM pg_constraint
             WHERE conrelid = 'organization'::regclass AND contype = 'n'",
            &[],
        )
        .await
        .unwrap()
        .get(0);
    match server_major(&db).await {
        ..18 => assert_eq!(recorded, 0),
        _ => assert!(recorded > 0, "18 records NOT NULL constraints"),
    }
    let catalog = read_in_transaction(&db).await.unwrap();
    let column = catalog
        .get(Kind::Column, "organization.credit_market_is_buyer")
        .unwrap();
    assert_eq!(column["nullable"], false);
    let named_not_null: Vec<&str> = catalog
        .of_kind(Kind::Constraint)
        .map(|(name, _)| name)
        .filter(|name| name.ends_with("_not_null"))
        .collect();
    assert!(named_not_null.is_empty(), "{named_not_null:?}");
}
