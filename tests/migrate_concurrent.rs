//! Concurrent starters on one database take turns on the advisory lock, migration by migration:
//! each version is applied by one of them, the others find it done; a starter that waits too
//! long gives up with LockTimeout.

mod common;

use common::probe::{advisory_locks, migration_lock_waiter};
use std::time::{Duration, Instant};

use futures_util::future::join_all;
use lcfs_db::testing::TestDatabase;
use lcfs_db::{ErrorKind, Migration, Migrator};

/// Every migration logs its application, and none can run twice (CREATE TABLE, no IF NOT
/// EXISTS): a version applied twice would fail or leave two log rows.
fn logged_set() -> Vec<Migration> {
    vec![
        Migration::new(
            1,
            "apply_log",
            "CREATE TABLE apply_log (version int NOT NULL);\nINSERT INTO apply_log VALUES (1);",
            "DROP TABLE apply_log;",
        ),
        Migration::new(
            2,
            "compliance_period",
            "CREATE TABLE compliance_period (id int PRIMARY KEY);\nINSERT INTO apply_log VALUES (2);",
            "DROP TABLE compliance_period;",
        ),
        Migration::new(
            3,
            "slow_seed",
            "SELECT pg_sleep(0.2);\nINSERT INTO compliance_period SELECT generate_series(2010, 2030);\n\
             INSERT INTO apply_log VALUES (3);",
            "DELETE FROM compliance_period;",
        ),
    ]
}

#[lcfs_db::test(empty)]
async fn sixteen_concurrent_migrations_apply_each_version_once(db: TestDatabase) {
    let mut clients = Vec::new();
    for _ in 0..16 {
        clients.push(db.connect().await.unwrap());
    }
    let migrator = Migrator::with_migrations(logged_set());
    let reports = join_all(clients.iter().map(|client| migrator.run(client))).await;

    let mut applied = Vec::new();
    for report in reports {
        let report = report.expect("every concurrent run succeeds");
        assert_eq!(report.version_after(), 3);
        applied.extend(report.applied().iter().map(|m| m.version));
    }
    applied.sort();
    assert_eq!(
        applied,
        [1, 2, 3],
        "each version applied by exactly one run"
    );
    let log: Vec<i32> = db
        .query("SELECT version FROM apply_log ORDER BY version", &[])
        .await
        .unwrap()
        .iter()
        .map(|row| row.get(0))
        .collect();
    assert_eq!(log, [1, 2, 3]);
    let history: i64 = db
        .query_one("SELECT count(*) FROM refinery_schema_history", &[])
        .await
        .unwrap()
        .get(0);
    assert_eq!(history, 3);
    assert_eq!(advisory_locks(&db).await, 0, "every run released the lock");
}

#[lcfs_db::test(empty)]
async fn sixteen_concurrent_migrations_of_the_embedded_set(db: TestDatabase) {
    // Meaningful once the real migrations are merged: fails loudly on an empty set.
    let set = lcfs_db::migrations();
    assert!(!set.is_empty(), "the embedded migration set is empty");
    let mut clients = Vec::new();
    for _ in 0..16 {
        clients.push(db.connect().await.unwrap());
    }
    let reports = join_all(clients.iter().map(lcfs_db::migrate)).await;
    let applied: usize = reports
        .into_iter()
        .map(|r| r.unwrap().applied().len())
        .sum();
    assert_eq!(applied, set.len());
    let history: i64 = db
        .query_one(
            "SELECT count(DISTINCT version) FROM refinery_schema_history",
            &[],
        )
        .await
        .unwrap()
        .get(0);
    assert_eq!(history as usize, set.len());
}

#[lcfs_db::test(empty)]
async fn a_run_gives_up_when_another_holds_the_lock_too_long(db: TestDatabase) {
    let slow = vec![Migration::new(
        1,
        "slow",
        "SELECT pg_sleep(1.5);\nCREATE TABLE slow_done (x int);",
        "DROP TABLE slow_done;",
    )];
    let holder = db.connect().await.unwrap();
    let holding = tokio::spawn({
        let slow = slow.clone();
        async move { Migrator::with_migrations(slow).run(&holder).await }
    });
    // Until the holder has the lock.
    while advisory_locks(&db).await == 0 {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }

    let waiter = db.connect().await.unwrap();
    let started = Instant::now();
    let error = Migrator::with_migrations(slow.clone())
        .advisory_lock_wait(Duration::from_millis(300))
        .run(&waiter)
        .await
        .unwrap_err();
    let waited = started.elapsed();
    assert_eq!(error.kind(), ErrorKind::LockTimeout, "{error}");
    assert!(
        waited >= Duration::from_millis(300) && waited < Duration::from_millis(1400),
        "{waited:?}"
    );
    assert!(
        error.to_string().contains("server process"),
        "names the holder: {error}"
    );
    let session_timeout: String = waiter
        .query_one("SHOW lock_timeout", &[])
        .await
        .unwrap()
        .get(0);
    assert_eq!(
        session_timeout, "0",
        "the session's own lock_timeout is left alone"
    );

    let immediately = Migrator::with_migrations(slow.clone())
        .advisory_lock_wait(Duration::ZERO)
        .run(&waiter)
        .await;
    assert_eq!(immediately.unwrap_err().kind(), ErrorKind::LockTimeout);

    assert_eq!(holding.await.unwrap().unwrap().applied().len(), 1);
    let after = Migrator::with_migrations(slow).run(&waiter).await.unwrap();
    assert!(
        after.applied().is_empty(),
        "once the holder is done there is nothing left to do"
    );
}

/// One run waits in V002 for a table a test session holds; a downgrade started meanwhile plans
/// to revert V001, and waits for the first run's lock. When the first run goes on, the database
/// is no longer where the downgrade planned from: it stops rather than revert under V002.
#[lcfs_db::test(empty)]
async fn a_run_stops_when_another_moved_the_database_under_it(db: TestDatabase) {
    let set = vec![
        Migration::new(
            1,
            "ledger",
            "CREATE TABLE ledger (id int);",
            "DROP TABLE ledger;",
        ),
        Migration::new(
            2,
            "ledger_note",
            "ALTER TABLE ledger ADD COLUMN note text;",
            "ALTER TABLE ledger DROP COLUMN note;",
        ),
    ];
    Migrator::with_migrations(set[..1].to_vec())
        .run(&db)
        .await
        .unwrap();
    let holder = db.connect().await.unwrap();
    holder
        .batch_execute("BEGIN; LOCK TABLE ledger IN ACCESS SHARE MODE")
        .await
        .unwrap();
    let waiting_for = async |event: &str| {
        while db
            .query(
                "SELECT 1 FROM pg_stat_activity WHERE application_name = 'lcfs-db' \
                 AND datname = current_database() AND wait_event_type = 'Lock' AND wait_event = $1",
                &[&event],
            )
            .await
            .unwrap()
            .is_empty()
        {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    };
    let upgrader = db.connect().await.unwrap();
    let upgrade = tokio::spawn({
        let set = set.clone();
        async move {
            Migrator::with_migrations(set)
                .ddl_lock_timeout(Duration::from_secs(30))
                .run(&upgrader)
                .await
        }
    });
    waiting_for("relation").await;
    let downgrader = db.connect().await.unwrap();
    let downgrader_pid: i32 = downgrader
        .query_one("SELECT pg_backend_pid()", &[])
        .await
        .unwrap()
        .get(0);
    let downgrade = tokio::spawn(async move {
        Migrator::with_migrations(set)
            .downgrade(&downgrader, 0)
            .await
    });
    while migration_lock_waiter(&db, &[]).await != downgrader_pid {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    holder.batch_execute("COMMIT").await.unwrap();

    assert_eq!(upgrade.await.unwrap().unwrap().version_after(), 2);
    let error = downgrade.await.unwrap().unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Concurrent, "{error}");
    assert!(
        error.to_string().contains(
            "another run moved the database to version 2 while this downgrade was under way"
        ),
        "{error}"
    );
    let versions: Vec<i32> = db
        .query(
            "SELECT version FROM refinery_schema_history ORDER BY 1",
            &[],
        )
        .await
        .unwrap()
        .iter()
        .map(|row| row.get(0))
        .collect();
    assert_eq!(versions, [1, 2], "nothing was reverted");
}

/// A run waiting for the migration lock holds no snapshot. The holder's `CREATE INDEX
/// CONCURRENTLY` waits for every transaction whose snapshot is older than its own to end: a
/// waiter blocked inside a statement would never end, since it waits for the holder's lock.
/// Here a downgrade, planned before the upgrade records V002, waits while the upgrade builds
/// V002's index; the index is built, and the downgrade then finds the database moved.
#[lcfs_db::test(empty)]
async fn a_waiting_run_does_not_hold_up_create_index_concurrently(db: TestDatabase) {
    let set = vec![
        Migration::new(
            1,
            "ledger",
            "CREATE TABLE ledger (id int);",
            "DROP TABLE ledger;",
        ),
        Migration::new(
            2,
            "ledger_index",
            "-- lcfs-db: no-transaction\nSELECT pg_sleep(2);\n\
             CREATE INDEX CONCURRENTLY ledger_id ON ledger (id);",
            "DROP INDEX ledger_id;",
        ),
    ];
    Migrator::with_migrations(set[..1].to_vec())
        .run(&db)
        .await
        .unwrap();
    let upgrader = db.connect().await.unwrap();
    let upgrader_pid: i32 = upgrader
        .query_one("SELECT pg_backend_pid()", &[])
        .await
        .unwrap()
        .get(0);
    let upgrade = tokio::spawn({
        let set = set.clone();
        async move { Migrator::with_migrations(set).run(&upgrader).await }
    });
    while advisory_locks(&db).await == 0 {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let downgrader = db.connect().await.unwrap();
    let downgrade = tokio::spawn(async move {
        Migrator::with_migrations(set)
            .downgrade(&downgrader, 0)
            .await
    });
    migration_lock_waiter(&db, &[upgrader_pid]).await;

    let upgraded = tokio::time::timeout(Duration::from_secs(30), upgrade)
        .await
        .expect("the index is built while another run waits")
        .unwrap()
        .unwrap();
    assert_eq!(upgraded.version_after(), 2);
    let error = downgrade.await.unwrap().unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Concurrent, "{error}");
    let valid: bool = db
        .query_one(
            "SELECT indisvalid FROM pg_index WHERE indexrelid = 'ledger_id'::regclass",
            &[],
        )
        .await
        .unwrap()
        .get(0);
    assert!(valid);
    assert_eq!(advisory_locks(&db).await, 0);
}
