//! A migrator killed while it waits for a lock leaves nothing behind: its server backend
//! notices the vanished client within seconds and ends, releasing the migration lock and every
//! lock it held, although the blocker is still there and the lock timeout far away. A run that
//! waits for the migration lock holds nothing on the server between its tries, and its backend
//! ends with it too.

mod common;

use std::time::{Duration, Instant};

use common::blocking::{blocker, first, spawn_lcfs_db};
use common::probe::{advisory_locks, migration_lock_waiter};
use lcfs_db::testing::TestDatabase;
use tokio::process::Child;

const OPEN_WRITE: &str = "BEGIN; UPDATE fuel_code SET fuel_suffix = fuel_suffix WHERE false";

/// The pid of the run's backend once it waits for a lock of kind `wait_event` (`relation`).
async fn waiting_backend(db: &TestDatabase, wait_event: &str) -> i32 {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        let row = db
            .query_opt(
                "SELECT pid FROM pg_stat_activity WHERE application_name = 'lcfs-db' \
                 AND datname = current_database() AND wait_event_type = 'Lock' AND wait_event = $1",
                &[&wait_event],
            )
            .await
            .unwrap();
        if let Some(row) = row {
            return row.get(0);
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("no lcfs-db backend waited for a {wait_event} lock");
}

/// Kills `run` with SIGKILL and returns how long its backend `pid` outlived it.
async fn orphan_lifetime(db: &TestDatabase, mut run: Child, pid: i32) -> Duration {
    run.start_kill().expect("SIGKILL");
    run.wait().await.unwrap();
    let killed = Instant::now();
    while killed.elapsed() < Duration::from_secs(30) {
        let alive: bool = db
            .query_one(
                "SELECT EXISTS (SELECT FROM pg_stat_activity WHERE pid = $1)",
                &[&pid],
            )
            .await
            .unwrap()
            .get(0);
        if !alive {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    killed.elapsed()
}

#[lcfs_db::test(migrations = first(13))]
async fn a_killed_run_waiting_on_a_lock_leaves_no_backend_behind(db: TestDatabase) {
    let (blocking, _) = blocker(&db, OPEN_WRITE).await;
    let patient = ["upgrade", "--lock-timeout", "60s"];
    // The first run holds the migration lock while it waits for the blocker's table.
    let holder = spawn_lcfs_db(db.url(), &patient, &[]);
    let holder_pid = waiting_backend(&db, "relation").await;
    // The second waits for the migration lock.
    let waiter = spawn_lcfs_db(db.url(), &patient, &[]);
    let waiter_pid = migration_lock_waiter(&db, &[holder_pid]).await;

    let waiter_lived = orphan_lifetime(&db, waiter, waiter_pid).await;
    let holder_lived = orphan_lifetime(&db, holder, holder_pid).await;
    println!(
        "after kill -9: the backend waiting for the migration lock lived {waiter_lived:?}, \
         the one waiting for a table lock {holder_lived:?}"
    );
    assert!(waiter_lived < Duration::from_secs(10), "{waiter_lived:?}");
    assert!(holder_lived < Duration::from_secs(10), "{holder_lived:?}");
    assert_eq!(advisory_locks(&db).await, 0, "the migration lock is free");
    let state: String = db
        .query_one(
            "SELECT state FROM pg_stat_activity WHERE application_name = 'lcfs-backend' \
             AND datname = current_database()",
            &[],
        )
        .await
        .unwrap()
        .get(0);
    assert_eq!(
        state, "idle in transaction",
        "the blocker is still there: the backends did not end because it went away"
    );
    blocking.batch_execute("ROLLBACK").await.unwrap();
}
