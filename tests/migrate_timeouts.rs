//! Each statement of a migration runs once per attempt, even when one fails on a lock timeout;
//! a migration's header sets its own timeouts and retries; a statement that runs too long says
//! how to give it more time.

mod common;

use std::time::{Duration, Instant};

use common::blocking::blocker;
use common::probe::{advisory_locks, applied_versions};
use lcfs_db::testing::TestDatabase;
use lcfs_db::{ErrorKind, Migration, Migrator};
use tokio_postgres::error::SqlState;

fn table() -> Migration {
    Migration::new(
        1,
        "counted",
        "CREATE TABLE ledger (id int PRIMARY KEY);\nINSERT INTO ledger VALUES (1);\n\
         CREATE SEQUENCE ran_1; CREATE SEQUENCE ran_2; CREATE SEQUENCE ran_3; CREATE SEQUENCE ran_4;",
        "DROP TABLE ledger; DROP SEQUENCE ran_1, ran_2, ran_3, ran_4;",
    )
}

/// Every statement bumps a sequence of its own: sequences are not rolled back, so they count
/// executions across attempts. The third waits for the row another session has locked.
fn counted() -> Migration {
    Migration::new(
        2,
        "counted_statements",
        "SELECT nextval('ran_1');\nSELECT nextval('ran_2');\n\
         UPDATE ledger SET id = id WHERE nextval('ran_3') > 0;\nSELECT nextval('ran_4');\n",
        "SELECT 1;",
    )
}

async fn runs(db: &TestDatabase) -> Vec<i64> {
    let row = db
        .query_one(
            "SELECT (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM ran_1), \
                    (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM ran_2), \
                    (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM ran_3), \
                    (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM ran_4)",
            &[],
        )
        .await
        .unwrap();
    (0..4).map(|i| row.get(i)).collect()
}

#[lcfs_db::test(migrations = vec![table()])]
async fn a_statement_that_times_out_is_not_run_twice(db: TestDatabase) {
    let (_blocker, pid) = blocker(&db, "BEGIN; UPDATE ledger SET id = id").await;
    let error = Migrator::with_migrations(vec![table(), counted()])
        .ddl_lock_timeout(Duration::from_millis(300))
        .lock_retries(2)
        .run(&db)
        .await
        .unwrap_err();

    assert_eq!(error.kind(), ErrorKind::Blocked, "{error}");
    assert_eq!(error.code(), Some(&SqlState::LOCK_NOT_AVAILABLE));
    assert_eq!(
        runs(&db).await,
        [3, 3, 3, 0],
        "three attempts ran each statement up to the third once, and the fourth never"
    );
    let at = error.location().expect("the statement that waited");
    assert_eq!(at.statement_line, 3);
    assert!(
        at.statement.starts_with("UPDATE ledger"),
        "{}",
        at.statement
    );
    // A row lock is not a table lock: the session holding the row is named as a possible holder.
    let blockers = error.blockers();
    assert!(
        blockers.iter().any(|b| b.pid == pid && !b.conflicting),
        "{error}"
    );
    assert!(
        error.to_string().contains("on each of its 3 attempts"),
        "{error}"
    );
    assert_eq!(applied_versions(&db).await, [1]);
    assert_eq!(advisory_locks(&db).await, 0);
}

#[lcfs_db::test(migrations = vec![table()])]
async fn a_header_sets_the_migration_s_own_lock_timeout_and_retries(db: TestDatabase) {
    let (_blocker, pid) = blocker(&db, "BEGIN; LOCK TABLE ledger IN ACCESS SHARE MODE").await;
    let impatient = Migration::new(
        2,
        "impatient",
        "-- V002: must not keep the application waiting.\n-- lcfs-db: lock-timeout 200ms\n\
         -- lcfs-db: lock-retries 0\nALTER TABLE ledger ADD COLUMN note text;\n",
        "ALTER TABLE ledger DROP COLUMN note;",
    );
    let started = Instant::now();
    let error = Migrator::with_migrations(vec![table(), impatient])
        .ddl_lock_timeout(Duration::from_secs(60))
        .run(&db)
        .await
        .unwrap_err();
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(error.kind(), ErrorKind::Blocked);
    let message = error.to_string();
    for expected in [
        "on its only attempt a statement waited longer than lock_timeout 200ms for \
         AccessExclusiveLock on ledger",
        &format!("pid {pid} ("),
        "holds AccessShareLock on ledger",
        "--> V002__impatient.sql:4",
    ] {
        assert!(message.contains(expected), "{expected:?} in:\n{message}");
    }
    assert_eq!(error.blockers()[0].pid, pid);
}

#[lcfs_db::test(empty)]
async fn a_statement_over_its_time_is_stopped_and_says_how_to_allow_more(db: TestDatabase) {
    let slow = Migration::new(
        1,
        "slow_backfill",
        "-- lcfs-db: statement-timeout 200ms\nCREATE TABLE done (x int);\nSELECT pg_sleep(2);\n",
        "DROP TABLE done;",
    );
    let error = Migrator::with_migrations(vec![slow])
        .run(&db)
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Migration);
    assert_eq!(error.code(), Some(&SqlState::QUERY_CANCELED));
    let message = error.to_string();
    assert!(
        message.contains("a statement ran longer than statement_timeout 200ms")
            && message.contains("-- lcfs-db: statement-timeout 20min"),
        "{message}"
    );
    assert_eq!(error.location().unwrap().statement_line, 3);

    let malformed = Migration::new(
        1,
        "slow_backfill",
        "-- lcfs-db: statement-timeout 20\nSELECT 1;",
        "SELECT 1;",
    );
    let error = Migrator::with_migrations(vec![malformed])
        .run(&db)
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Config);
    assert!(
        error
            .to_string()
            .starts_with("V001__slow_backfill.sql:1:31: `statement-timeout` takes a duration"),
        "{error}"
    );
}

#[lcfs_db::test(migrations = vec![table()])]
async fn the_run_shows_as_lcfs_db_and_leaves_the_session_as_it_was(db: TestDatabase) {
    let (_blocker, _) = blocker(&db, "BEGIN; LOCK TABLE ledger IN ACCESS SHARE MODE").await;
    let runner = db.connect().await.unwrap();
    runner
        .batch_execute("SET application_name = 'lcfs-backend'; SET lock_timeout = '7s'")
        .await
        .unwrap();
    let runner_pid: i32 = runner
        .query_one("SELECT pg_backend_pid()", &[])
        .await
        .unwrap()
        .get(0);
    let waiting = Migration::new(
        2,
        "waiting",
        "ALTER TABLE ledger ADD COLUMN note text;",
        "ALTER TABLE ledger DROP COLUMN note;",
    );
    let run = tokio::spawn(async move {
        let result = Migrator::with_migrations(vec![table(), waiting])
            .ddl_lock_timeout(Duration::from_secs(2))
            .lock_retries(0)
            .run(&runner)
            .await;
        (runner, result)
    });
    let mut seen = None;
    for _ in 0..100 {
        let row = db
            .query_opt(
                "SELECT application_name, wait_event_type FROM pg_stat_activity \
                 WHERE pid = $1 AND wait_event_type = 'Lock'",
                &[&runner_pid],
            )
            .await
            .unwrap();
        if let Some(row) = row {
            seen = Some(row.get::<_, String>(0));
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(seen.as_deref(), Some("lcfs-db"), "the waiting run, by name");
    let (runner, result) = run.await.unwrap();
    assert_eq!(result.unwrap_err().kind(), ErrorKind::Blocked);
    let row = runner
        .query_one(
            "SELECT current_setting('application_name'), current_setting('lock_timeout'), \
             current_setting('statement_timeout'), current_setting('client_connection_check_interval')",
            &[],
        )
        .await
        .unwrap();
    let after: (String, String, String, String) = (row.get(0), row.get(1), row.get(2), row.get(3));
    assert_eq!(
        after,
        ("lcfs-backend".into(), "7s".into(), "0".into(), "0".into()),
        "the application's settings, as they were"
    );
}

#[lcfs_db::test(migrations = vec![table()])]
async fn a_no_transaction_migration_restores_the_session_too(db: TestDatabase) {
    db.batch_execute("SET application_name = 'lcfs-backend'")
        .await
        .unwrap();
    let index = Migration::new(
        2,
        "ledger_index",
        "-- lcfs-db: no-transaction\n-- lcfs-db: lock-timeout 3s\n\
         CREATE INDEX CONCURRENTLY ledger_note ON ledger (id);\n\
         SELECT set_config('ledger.seen', current_setting('application_name') || ' ' || \
         current_setting('lock_timeout') || ' ' || current_setting('client_connection_check_interval'), false);",
        "DROP INDEX ledger_note;",
    );
    Migrator::with_migrations(vec![table(), index])
        .run(&db)
        .await
        .unwrap();
    let row = db
        .query_one(
            "SELECT current_setting('ledger.seen'), current_setting('application_name'), \
             current_setting('lock_timeout')",
            &[],
        )
        .await
        .unwrap();
    let (during, name, lock_timeout): (String, String, String) =
        (row.get(0), row.get(1), row.get(2));
    assert_eq!(during, "lcfs-db 3s 1s");
    assert_eq!(
        (name.as_str(), lock_timeout.as_str()),
        ("lcfs-backend", "0")
    );
    assert_eq!(applied_versions(&db).await, [1, 2]);
}

#[lcfs_db::test(migrations = vec![table()])]
async fn a_no_transaction_statement_is_retried_alone_and_then_gives_up(db: TestDatabase) {
    let (_blocker, pid) = blocker(
        &db,
        "BEGIN; LOCK TABLE ledger IN SHARE UPDATE EXCLUSIVE MODE",
    )
    .await;
    let index = Migration::new(
        2,
        "ledger_index",
        "-- lcfs-db: no-transaction\n-- lcfs-db: lock-timeout 200ms\n-- lcfs-db: lock-retries 1\n\
         SELECT nextval('ran_1');\nCREATE INDEX CONCURRENTLY ledger_id ON ledger (id);\n",
        "DROP INDEX ledger_id;",
    );
    let error = Migrator::with_migrations(vec![table(), index])
        .run(&db)
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Blocked, "{error}");
    let message = error.to_string();
    for expected in [
        "on each of its 2 attempts a statement waited longer than lock_timeout 200ms for \
         ShareUpdateExclusiveLock on ledger",
        "it runs outside a transaction, so its first statement stays applied",
        "--> V002__ledger_index.sql:5",
    ] {
        assert!(message.contains(expected), "{expected:?} in:\n{message}");
    }
    assert_eq!(error.blockers()[0].pid, pid);
    assert_eq!(
        runs(&db).await[0],
        1,
        "only the statement that timed out was retried"
    );
    assert_eq!(applied_versions(&db).await, [1]);
    assert_eq!(
        advisory_locks(&db).await,
        0,
        "the session's migration lock was released"
    );
}

/// Whether each index named `ledger_id` is valid.
async fn ledger_id_validity(db: &TestDatabase) -> Vec<bool> {
    let rows = db
        .query(
            "SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid \
             WHERE c.relname = 'ledger_id'",
            &[],
        )
        .await
        .unwrap();
    rows.iter().map(|row| row.get(0)).collect()
}

/// A concurrent build that times out waiting for an open writer leaves an invalid index behind;
/// `IF NOT EXISTS` must not take it for the index on the next attempt or the next run.
#[lcfs_db::test(migrations = vec![table()])]
async fn an_interrupted_concurrent_build_is_dropped_and_built_again(db: TestDatabase) {
    let (writer, pid) = blocker(&db, "BEGIN; INSERT INTO ledger VALUES (2)").await;
    let index = || {
        Migration::new(
            2,
            "ledger_index",
            "-- lcfs-db: no-transaction\n-- lcfs-db: lock-timeout 200ms\n-- lcfs-db: lock-retries 1\n\
             CREATE INDEX CONCURRENTLY IF NOT EXISTS ledger_id ON ledger (id);\n",
            "DROP INDEX ledger_id;",
        )
    };
    let error = Migrator::with_migrations(vec![table(), index()])
        .run(&db)
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Blocked, "{error}");
    let message = error.to_string();
    assert!(
        message.contains("for the end of the transactions writing ledger"),
        "{message}"
    );
    assert_eq!(error.blockers()[0].pid, pid, "{message}");
    assert!(
        message.contains(
            "the failed build left could not be dropped now: dropping it: ERROR: canceling \
             statement due to lock timeout (SQLSTATE 55P03); it is dropped when the migration \
             runs again, or drop it with `DROP INDEX CONCURRENTLY public.ledger_id`"
        ),
        "{message}"
    );
    assert_eq!(applied_versions(&db).await, [1]);
    assert_eq!(
        ledger_id_validity(&db).await,
        [false],
        "the writer kept the build, and the drop of its leftover, from finishing"
    );

    writer.batch_execute("COMMIT").await.unwrap();
    Migrator::with_migrations(vec![table(), index()])
        .run(&db)
        .await
        .unwrap();
    assert_eq!(ledger_id_validity(&db).await, [true]);
    assert_eq!(applied_versions(&db).await, [1, 2]);
}

/// An application that gives up on `migrate` (drops its future) while a no-transaction
/// migration waits goes on with a session as it was: no migration lock, its own timeouts.
#[lcfs_db::test(migrations = vec![table()])]
async fn a_cancelled_no_transaction_run_puts_the_session_back(db: TestDatabase) {
    let (writer, _pid) = blocker(&db, "BEGIN; INSERT INTO ledger VALUES (2)").await;
    let index = Migration::new(
        2,
        "ledger_index",
        "-- lcfs-db: no-transaction\n-- lcfs-db: lock-timeout 30s\n\
         CREATE INDEX CONCURRENTLY IF NOT EXISTS ledger_id ON ledger (id);\n",
        "DROP INDEX ledger_id;",
    );
    let app = db.connect().await.unwrap();
    app.batch_execute("SET lock_timeout = '7s'").await.unwrap();
    let migrator = Migrator::with_migrations(vec![table(), index]);
    let run = tokio::time::timeout(Duration::from_millis(500), migrator.run(&app)).await;
    assert!(run.is_err(), "the run was still waiting for the writer");

    writer.batch_execute("COMMIT").await.unwrap();
    let lock_timeout: String = app
        .query_one("SELECT current_setting('lock_timeout')", &[])
        .await
        .unwrap()
        .get(0);
    assert_eq!(lock_timeout, "7s");
    assert_eq!(advisory_locks(&db).await, 0, "the migration lock is free");
    assert_eq!(applied_versions(&db).await, [1]);
}

/// A concurrent build that fails for good (a duplicate key, after its index was made ready for
/// writes) drops the invalid index it left before the run returns.
#[lcfs_db::test(migrations = vec![table()])]
async fn a_failed_concurrent_build_drops_its_invalid_index_before_returning(db: TestDatabase) {
    db.batch_execute("CREATE TABLE twice (x int); INSERT INTO twice VALUES (1), (1)")
        .await
        .unwrap();
    let index = Migration::new(
        2,
        "unique_x",
        "-- lcfs-db: no-transaction\nCREATE UNIQUE INDEX CONCURRENTLY ledger_id ON twice (x);\n",
        "DROP INDEX ledger_id;",
    );
    let error = Migrator::with_migrations(vec![table(), index])
        .run(&db)
        .await
        .unwrap_err();
    assert_eq!(error.code(), Some(&SqlState::UNIQUE_VIOLATION), "{error}");
    let message = error.to_string();
    assert!(
        message.contains("the invalid index public.ledger_id the failed build left was dropped"),
        "{message}"
    );
    assert_eq!(ledger_id_validity(&db).await, Vec::<bool>::new());
    assert_eq!(applied_versions(&db).await, [1]);
}
