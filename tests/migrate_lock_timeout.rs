//! A migration that cannot get its lock gives up after its lock timeout, rolls back, retries,
//! and finally names the session in the way; the application's queries on the table never wait
//! longer than the lock timeout at a time. A migration ended by a deadlock is retried alike.

mod common;

use std::process::Output;
use std::time::{Duration, Instant};

use common::blocking::{blocker, first, longest_wait_beside, spawn_lcfs_db, text};
use common::probe::applied_versions;
use lcfs_db::testing::TestDatabase;
use lcfs_db::{Migration, Migrator};

/// An application transaction that has written `fuel_code` (no row needs to change for it to
/// hold `ROW EXCLUSIVE` on the table until it ends).
const OPEN_WRITE: &str = "BEGIN; UPDATE fuel_code SET fuel_suffix = fuel_suffix WHERE false";
/// An application transaction that has read `transfer`: `ACCESS SHARE` until it ends.
const OPEN_READ: &str = "BEGIN; SELECT count(*) FROM transfer";

const FAST: [&str; 4] = ["--lock-timeout", "1s", "--lock-retries", "2"];

/// The error's list of sessions in the way has the blocker's line: its pid, name, state, the
/// lock it holds and its query.
fn assert_names_the_blocker(stderr: &str, pid: i32, holds: &str, query: &str) {
    let listed = stderr
        .split_once("\nin the way:\n")
        .map_or("", |(_, list)| list);
    let line = listed
        .lines()
        .find(|line| line.trim_start().starts_with(&format!("pid {pid} (")))
        .unwrap_or_else(|| panic!("pid {pid} is not named in:\n{stderr}"));
    for expected in [
        "(\"lcfs-backend\", idle in transaction, transaction open for ",
        &format!(") holds {holds}: {query}"),
    ] {
        assert!(line.contains(expected), "{expected:?} in {line:?}");
    }
}

fn head() -> i32 {
    lcfs_db::migrations().len() as i32
}

#[lcfs_db::test(migrations = first(13))]
async fn an_upgrade_behind_an_open_write_gives_up_naming_the_blocker(db: TestDatabase) {
    let (_blocker, pid) = blocker(&db, OPEN_WRITE).await;
    let app = db.connect().await.unwrap();
    let started = Instant::now();
    let run = spawn_lcfs_db(
        db.url(),
        &[&["upgrade"][..], &FAST].concat(),
        &[("LCFS_DB_LOG", "debug")],
    );
    let update = "UPDATE fuel_code SET fuel_suffix = fuel_suffix WHERE false";
    let (output, longest) = longest_wait_beside(run, &app, update).await;
    let took = started.elapsed();
    let stderr = text(&output.stderr);
    println!("upgrade gave up after {took:?}; the application's UPDATE waited at most {longest:?}");

    assert!(!output.status.success(), "{stderr}");
    assert!(took < Duration::from_secs(10), "{took:?}\n{stderr}");
    assert!(
        longest < Duration::from_millis(1800),
        "an UPDATE of fuel_code waited {longest:?} at once"
    );
    for expected in [
        "migration V014__materialized_views.sql gave up: on each of its 3 attempts a statement \
         waited longer than lock_timeout 1s for ShareRowExclusiveLock on fuel_code",
        "nothing of it was applied",
        "canceling statement due to lock timeout (SQLSTATE 55P03)",
        "--> V014__materialized_views.sql:",
        "ON fuel_code",
    ] {
        assert!(stderr.contains(expected), "{expected:?} in:\n{stderr}");
    }
    assert_names_the_blocker(&stderr, pid, "RowExclusiveLock on fuel_code", OPEN_WRITE);
    // The debug log says what an operator wants to know while it runs.
    for expected in [
        "migration lock taken",
        "taking its table locks up front file=V014__materialized_views.sql",
        "lock timeout: rolled back, retrying at=V014__materialized_views.sql:",
        "attempt=2",
        &format!("blockers=pid {pid}"),
    ] {
        assert!(stderr.contains(expected), "{expected:?} in:\n{stderr}");
    }
    assert_eq!(applied_versions(&db).await, (1..=13).collect::<Vec<_>>());
}

#[lcfs_db::test(migrations = first(13))]
async fn an_upgrade_succeeds_when_the_blocker_commits_during_the_retries(db: TestDatabase) {
    let (blocking, _) = blocker(&db, OPEN_WRITE).await;
    let run = spawn_lcfs_db(db.url(), &[&["upgrade"][..], &FAST].concat(), &[]);
    tokio::time::sleep(Duration::from_millis(1500)).await;
    blocking.batch_execute("COMMIT").await.unwrap();
    let output = run.wait_with_output().await.unwrap();
    let stderr = text(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains("lock timeout: rolled back, retrying"),
        "{stderr}"
    );
    assert_eq!(
        applied_versions(&db).await,
        (1..=head()).collect::<Vec<_>>()
    );
}

// At V015, so that V014's down file, which drops views over `transfer`, meets the reader.
#[lcfs_db::test(migrations = first(15))]
async fn a_downgrade_behind_an_open_read_gives_up_naming_the_blocker(db: TestDatabase) {
    let (_blocker, pid) = blocker(&db, OPEN_READ).await;
    let app = db.connect().await.unwrap();
    let started = Instant::now();
    let args = [&["downgrade", "13", "--yes"][..], &FAST].concat();
    let run = spawn_lcfs_db(db.url(), &args, &[]);
    let (output, longest) = longest_wait_beside(run, &app, "SELECT count(*) FROM transfer").await;
    let took = started.elapsed();
    let stderr = text(&output.stderr);
    println!(
        "downgrade gave up after {took:?}; the application's SELECT waited at most {longest:?}"
    );

    assert!(!output.status.success(), "{stderr}");
    assert!(took < Duration::from_secs(10), "{took:?}\n{stderr}");
    assert!(
        longest < Duration::from_millis(1800),
        "a read of transfer waited {longest:?} at once"
    );
    for expected in [
        "migration V014__materialized_views.down.sql gave up",
        "AccessExclusiveLock on transfer",
    ] {
        assert!(stderr.contains(expected), "{expected:?} in:\n{stderr}");
    }
    assert_names_the_blocker(&stderr, pid, "AccessShareLock on transfer", OPEN_READ);
    // V015 reverted; V014 was rolled back each time.
    assert_eq!(applied_versions(&db).await, (1..=14).collect::<Vec<_>>());
}

#[lcfs_db::test]
async fn a_downgrade_succeeds_when_the_reader_finishes_during_the_retries(db: TestDatabase) {
    let (reading, _) = blocker(&db, OPEN_READ).await;
    let args = [&["downgrade", "13", "--yes"][..], &FAST].concat();
    let run = spawn_lcfs_db(db.url(), &args, &[]);
    tokio::time::sleep(Duration::from_millis(1500)).await;
    reading.batch_execute("COMMIT").await.unwrap();
    let output = run.wait_with_output().await.unwrap();
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(applied_versions(&db).await, (1..=13).collect::<Vec<_>>());
}

/// The indexes of `table` that a failed build left invalid.
async fn invalid_indexes(db: &TestDatabase, table: &str) -> Vec<String> {
    let rows = db
        .query(
            "SELECT indexrelid::regclass::text FROM pg_index \
             WHERE indrelid = $1::text::regclass AND NOT indisvalid",
            &[&table],
        )
        .await
        .unwrap();
    rows.iter().map(|row| row.get(0)).collect()
}

/// A `REPEATABLE READ` reader of another table holds a snapshot older than V016's first
/// concurrent build, which waits for it to end: the error names that reader, not the
/// application's autocommit UPDATEs of the indexed table running beside it, and the run drops
/// the invalid index the build left (which those UPDATEs were keeping up to date).
#[lcfs_db::test(migrations = first(15))]
async fn a_concurrent_build_names_the_older_snapshot_it_waited_for(db: TestDatabase) {
    let (_reader, pid) = blocker(
        &db,
        "BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT count(*) FROM transfer",
    )
    .await;
    let app = db.connect().await.unwrap();
    let app_pid: i32 = app
        .query_one("SELECT pg_backend_pid()", &[])
        .await
        .unwrap()
        .get(0);
    let migrator = Migrator::new()
        .ddl_lock_timeout(Duration::from_millis(500))
        .lock_retries(1);
    let run = migrator.run(&db);
    tokio::pin!(run);
    let update = "UPDATE transfer_comment SET comment = comment WHERE false";
    let error = loop {
        tokio::select! {
            result = &mut run => break result.unwrap_err(),
            done = app.batch_execute(update) => done.unwrap(),
        }
    };
    assert_eq!(error.kind(), lcfs_db::ErrorKind::Blocked, "{error}");
    let message = error.to_string();
    assert!(
        message.contains("for the end of the transactions holding older snapshots"),
        "{message}"
    );
    let named: Vec<i32> = error.blockers().iter().map(|b| b.pid).collect();
    assert!(named.contains(&pid), "the reader is named: {message}");
    assert!(
        !named.contains(&app_pid),
        "the application is not: {message}"
    );
    let line = format!("pid {pid} (\"lcfs-backend\", idle in transaction, transaction open for ");
    assert!(message.contains(&line), "{message}");
    assert!(
        message.contains(
            ") holds a snapshot older than the index build's: BEGIN ISOLATION LEVEL REPEATABLE \
             READ; SELECT count(*) FROM transfer"
        ),
        "{message}"
    );
    assert!(
        message.contains(
            "the invalid index public.idx_transfer_comment_transfer_source the failed build left \
             was dropped"
        ),
        "{message}"
    );
    assert!(invalid_indexes(&db, "transfer_comment").await.is_empty());
    assert_eq!(applied_versions(&db).await.len(), 15);
}

/// Whether the run's session waits for a lock now, as `watcher` sees it.
async fn migration_waits(watcher: &tokio_postgres::Client) -> bool {
    let waiting: i64 = watcher
        .query_one(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'lcfs-db' \
             AND wait_event_type = 'Lock'",
            &[],
        )
        .await
        .unwrap()
        .get(0);
    waiting > 0
}

/// Sessions queued behind the migration (its victims) are never named: after the timeout they
/// still wait, now for the blocker, or hold what they waited for; only the blocker is in the way.
#[lcfs_db::test(migrations = first(13))]
async fn sessions_queued_behind_the_migration_are_not_named(db: TestDatabase) {
    let (_blocker, pid) = blocker(&db, "BEGIN; LOCK TABLE fuel_code IN SHARE MODE").await;
    let alter = Migration::new(
        14,
        "fuel_code_note",
        "ALTER TABLE fuel_code ADD COLUMN note text;",
        "ALTER TABLE fuel_code DROP COLUMN note;",
    );
    let watcher = db.connect().await.unwrap();
    let migrator = Migrator::with_migrations([first(13), vec![alter]].concat())
        .ddl_lock_timeout(Duration::from_millis(1500))
        .lock_retries(0);
    let run = migrator.run(&db);
    tokio::pin!(run);
    // Queued once the migration waits: a writer (which the blocker's SHARE keeps waiting) and a
    // reader's transaction (granted as soon as the migration gives up).
    let mut victims = Vec::new();
    let mut queued = Vec::new();
    let error = loop {
        tokio::select! {
            result = &mut run => break result.unwrap_err(),
            () = tokio::time::sleep(Duration::from_millis(50)), if victims.is_empty() => {
                if !migration_waits(&watcher).await {
                    continue;
                }
                // Well after the wait began, as an application's queries arrive.
                tokio::time::sleep(Duration::from_millis(500)).await;
                for sql in [
                    "UPDATE fuel_code SET fuel_suffix = fuel_suffix WHERE false",
                    "BEGIN; SELECT count(*) FROM fuel_code",
                ] {
                    let victim = db.connect().await.unwrap();
                    let victim_pid: i32 =
                        victim.query_one("SELECT pg_backend_pid()", &[]).await.unwrap().get(0);
                    victims.push(victim_pid);
                    queued.push(tokio::spawn(async move {
                        let _ = victim.batch_execute(sql).await;
                        victim
                    }));
                }
            }
        }
    };
    assert_eq!(error.kind(), lcfs_db::ErrorKind::Blocked, "{error}");
    assert_eq!(victims.len(), 2, "{error}");
    let named: Vec<i32> = error.blockers().iter().map(|b| b.pid).collect();
    assert_eq!(named, [pid], "{error}");
    let reader = queued.pop().expect("the reader");
    let writer = queued.pop().expect("the writer");
    tokio::time::timeout(Duration::from_secs(10), reader)
        .await
        .expect("the reader is granted once the migration gives up")
        .unwrap();
    assert!(
        !writer.is_finished(),
        "the writer still waits, now for the blocker"
    );
    writer.abort();
}

/// A session that holds a lock on one of V017's functions (as a `COMMENT ON` does until commit).
const OPEN_FUNCTION_COMMENT: &str =
    "BEGIN; COMMENT ON FUNCTION lcfs_db.mv_refresh_if_needed(text) IS NULL";

/// V017's down file run beside a session made to deadlock with it: the session holds a lock on
/// a function the file drops, and once the migration, holding `transfer` since its first
/// statement, waits for that function, the session reads `transfer`. The migration's deadlock
/// check (after `deadlock_timeout`, 1 s) finds the cycle and the server rolls it back; the
/// session's read then goes through and it commits. Returns the run's output and
/// the session's pid.
async fn downgrade_through_a_deadlock(db: &TestDatabase, retries: &str) -> (Output, i32) {
    let (session, pid) = blocker(db, OPEN_FUNCTION_COMMENT).await;
    // Only the migration checks for the deadlock in time: the server rolls back the session
    // whose check finds it first.
    session
        .batch_execute("SET deadlock_timeout = '60s'")
        .await
        .unwrap();
    let watch = db.connect().await.unwrap();
    let args = ["downgrade", "16", "--yes", "--lock-retries", retries];
    let run = spawn_lcfs_db(db.url(), &args, &[]);
    let waiting = "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a USING (pid) \
                   WHERE a.datname = current_database() AND a.application_name = 'lcfs-db' \
                     AND l.locktype = 'object' AND NOT l.granted";
    let started = Instant::now();
    while watch
        .query_one(waiting, &[])
        .await
        .unwrap()
        .get::<_, i64>(0)
        == 0
    {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the migration never waited"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    session
        .batch_execute("SELECT count(*) FROM transfer")
        .await
        .expect("the session's read goes through once the migration is rolled back");
    session.batch_execute("COMMIT").await.unwrap();
    (run.wait_with_output().await.unwrap(), pid)
}

#[lcfs_db::test]
async fn a_downgrade_ended_by_a_deadlock_is_retried_and_succeeds(db: TestDatabase) {
    let (output, pid) = downgrade_through_a_deadlock(&db, "2").await;
    let stderr = text(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    for expected in [
        "deadlock: rolled back, retrying",
        "at=V017__materialized_view_refresh_on_change.down.sql:",
        "attempt=1",
        "wanted=AccessExclusiveLock on function lcfs_db.mv_refresh_if_needed(text)",
        &format!("blockers=pid {pid} (\"lcfs-backend\""),
        "AccessShareLock on transfer",
    ] {
        assert!(stderr.contains(expected), "{expected:?} in:\n{stderr}");
    }
    assert_eq!(applied_versions(&db).await, (1..=16).collect::<Vec<_>>());
}

#[lcfs_db::test]
async fn a_deadlock_on_the_last_attempt_ends_the_run_naming_the_other_session(db: TestDatabase) {
    let (output, pid) = downgrade_through_a_deadlock(&db, "0").await;
    let stderr = text(&output.stderr);
    assert!(!output.status.success(), "{stderr}");
    for expected in [
        &format!(
            "migration V017__materialized_view_refresh_on_change.down.sql gave up: its only \
             attempt ended in a deadlock with pid {pid} (\"lcfs-backend\"): the migration waited \
             for AccessExclusiveLock on function lcfs_db.mv_refresh_if_needed(text), held \
             there, while that session waited for a lock the migration held"
        ),
        "nothing of it was applied",
        "deadlock detected (SQLSTATE 40P01)",
        "DROP FUNCTION IF EXISTS lcfs_db.mv_refresh_if_needed(text)",
        &format!("pid {pid} (\"lcfs-backend\""),
    ] {
        assert!(stderr.contains(expected), "{expected:?} in:\n{stderr}");
    }
    // The versions above V017 were reverted before it; V017 itself was rolled back whole.
    assert_eq!(applied_versions(&db).await, (1..=17).collect::<Vec<_>>());
}
