//! Concurrent starters on one database serialize on the advisory lock: one applies, the
//! others find nothing to do; a starter that waits too long gives up with LockTimeout.

mod common;

use common::probe::advisory_locks;
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
