//! `LCFS_DB_TEST_OWNER`: the harness builds, clones and connects to every test database as a
//! role that owns its database and nothing more, so migration tests run as production's
//! migrating role. The variable is read once per process, so the test runs itself in a child.

mod common;

use common::probe::{applied_versions, column};
use lcfs_db::Migrator;
use lcfs_db::testing::TestDatabase;

const ROLE: &str = "lcfs_test_owner";
const INNER: &str = "migrations_run_as_an_owner_without_other_privileges";

#[test]
fn the_harness_runs_tests_as_the_role_lcfs_db_test_owner_names() {
    let output = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--ignored", "--exact", INNER, "--test-threads", "1"])
        .env("LCFS_DB_TEST_OWNER", ROLE)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success() && stdout.contains("1 passed"),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[lcfs_db::test]
#[ignore = "run by the_harness_runs_tests_as_the_role_lcfs_db_test_owner_names, with the variable set"]
async fn migrations_run_as_an_owner_without_other_privileges(db: TestDatabase) {
    let attributes: Vec<String> = column(
        &db,
        "SELECT format('%s super=%s createrole=%s createdb=%s', rolname, rolsuper, rolcreaterole, rolcreatedb) \
         FROM pg_roles WHERE rolname = current_user",
    )
    .await;
    assert_eq!(
        attributes,
        [format!("{ROLE} super=f createrole=f createdb=f")]
    );
    let owners: Vec<String> = column(
        &db,
        "SELECT pg_get_userbyid(datdba)::text FROM pg_database WHERE datname = current_database() \
         UNION ALL SELECT pg_get_userbyid(relowner)::text FROM pg_class WHERE oid = 'organization'::regclass",
    )
    .await;
    assert_eq!(
        owners,
        [ROLE, ROLE],
        "the database and what the template migrated"
    );
    let head = Migrator::new().head();
    assert_eq!(applied_versions(&db).await, (1..=head).collect::<Vec<_>>());
    // Down to base and back as that role: V015's down keeps the role it may not drop.
    lcfs_db::downgrade(&db, 0).await.unwrap();
    let kept: Vec<i64> = column(
        &db,
        "SELECT count(*) FROM pg_roles WHERE rolname = 'basic_lcfs_reporting_role'",
    )
    .await;
    assert_eq!(kept, [1]);
    lcfs_db::migrate(&db).await.unwrap();
    assert!(lcfs_db::check(&db).await.unwrap().is_empty());
}
