//! Status of every version, and plans: the migrations and the exact SQL an upgrade or a
//! downgrade runs, printable without a database.

use std::process::Command;

use lcfs_db::testing::TestDatabase;
use lcfs_db::{Direction, VersionState};
use lcfs_db::{ErrorKind, Migration, Migrator};

fn set() -> Vec<Migration> {
    vec![
        Migration::new(
            1,
            "organization",
            "CREATE TABLE organization (id int PRIMARY KEY, name text);",
            "DROP TABLE organization;",
        ),
        Migration::new(
            2,
            "organization_index",
            "-- lcfs-db: no-transaction\nCREATE INDEX CONCURRENTLY organization_name ON organization (name)",
            "DROP INDEX organization_name;",
        ),
        Migration::new(
            3,
            "organization_seed",
            "INSERT INTO organization VALUES (1, 'Fuel Co. ''A''') -- no semicolon, a comment",
            "DELETE FROM organization;",
        ),
    ]
}

#[test]
fn plans_list_migrations_in_running_order() {
    let migrator = Migrator::with_migrations(set());
    let versions = |plan: lcfs_db::Plan<'_>| {
        plan.migrations()
            .iter()
            .map(|m| m.version())
            .collect::<Vec<_>>()
    };
    assert_eq!(versions(migrator.upgrade_plan(0, None).unwrap()), [1, 2, 3]);
    assert_eq!(versions(migrator.upgrade_plan(1, Some(2)).unwrap()), [2]);
    assert_eq!(versions(migrator.downgrade_plan(3, 0).unwrap()), [3, 2, 1]);
    assert!(migrator.upgrade_plan(3, None).unwrap().is_empty());
    assert_eq!(
        migrator.downgrade_plan(2, 1).unwrap().direction(),
        Direction::Down
    );

    assert_eq!(
        migrator.upgrade_plan(0, Some(7)).unwrap_err().kind(),
        ErrorKind::UnknownVersion
    );
    assert_eq!(
        migrator.upgrade_plan(3, Some(1)).unwrap_err().kind(),
        ErrorKind::Config
    );
    assert_eq!(
        migrator.downgrade_plan(1, 3).unwrap_err().kind(),
        ErrorKind::Config
    );

    let sql = migrator.downgrade_plan(3, 1).unwrap().sql();
    let (three, two) = (
        sql.find("V003__organization_seed.down.sql").unwrap(),
        sql.find("V002__organization_index.down.sql").unwrap(),
    );
    assert!(three < two, "newest first:\n{sql}");
    assert!(sql.contains("DELETE FROM refinery_schema_history WHERE version = 3;"));
}

#[lcfs_db::test(empty)]
async fn the_printed_upgrade_run_by_psql_matches_the_runner(db: TestDatabase) {
    let migrator = Migrator::with_migrations(set());
    let script = migrator.upgrade_plan(0, None).unwrap().sql();
    assert!(
        !script.contains("BEGIN;\n-- lcfs-db: no-transaction"),
        "no transaction around CONCURRENTLY"
    );

    let by_psql = TestDatabase::empty().await.unwrap();
    let file = std::env::temp_dir().join(format!("{}.sql", by_psql.name()));
    std::fs::write(&file, &script).unwrap();
    let output = Command::new("psql")
        .args([
            "-X",
            "-q",
            "-v",
            "ON_ERROR_STOP=1",
            "-d",
            by_psql.url(),
            "-f",
        ])
        .arg(&file)
        .output()
        .expect("psql");
    std::fs::remove_file(&file).unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );

    migrator.run(&db).await.unwrap();
    let shape = "SELECT c.relname::text || ':' || c.relkind::text FROM pg_class c \
                 JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' ORDER BY 1";
    let history = "SELECT version || ':' || name || ':' || checksum FROM refinery_schema_history ORDER BY version";
    for sql in [shape, history, "SELECT name FROM organization"] {
        let of = |rows: Vec<tokio_postgres::Row>| {
            rows.iter()
                .map(|r| r.get::<_, String>(0))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            of(by_psql.query(sql, &[]).await.unwrap()),
            of(db.query(sql, &[]).await.unwrap()),
            "{sql}"
        );
    }
    // The runner accepts the history psql wrote: nothing left to do, nothing divergent.
    assert!(migrator.run(&by_psql).await.unwrap().applied().is_empty());
}

#[lcfs_db::test(empty)]
async fn status_names_every_version_and_its_state(db: TestDatabase) {
    let migrator = Migrator::with_migrations(set());
    let status = migrator.status(&db).await.unwrap();
    assert_eq!((status.current, status.head), (0, 3));
    assert_eq!(
        status.pending().count(),
        3,
        "no history table yet: all pending"
    );

    migrator.clone().target(2).run(&db).await.unwrap();
    let mut edited = set();
    edited[0] = Migration::new(
        1,
        "organization",
        "CREATE TABLE organization (id bigint);",
        "DROP TABLE organization;",
    );
    edited.remove(1);
    let status = Migrator::with_migrations(edited).status(&db).await.unwrap();
    let states: Vec<(i32, &str)> = status
        .versions
        .iter()
        .map(|v| {
            let state = match &v.state {
                VersionState::Applied { .. } => "applied",
                VersionState::Pending => "pending",
                VersionState::Divergent { .. } => "divergent",
                VersionState::Missing { .. } => "missing",
            };
            (v.version, state)
        })
        .collect();
    assert_eq!(states, [(1, "divergent"), (2, "missing"), (3, "pending")]);
    assert_eq!(
        status.versions[1].name, "organization_index",
        "a missing version's name comes from the history"
    );
    assert!(!status.is_at_head());
}
