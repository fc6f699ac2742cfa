//! Through PgBouncer. In session mode a client keeps its server session, and everything works
//! as on a direct connection. In transaction mode each transaction may get another server
//! session: the runner holds nothing at session level for a migration that runs in a
//! transaction (it takes the lock in that transaction and reads the history again under it; its
//! settings are `SET LOCAL`), so concurrent starters still apply each of those once and no
//! setting leaks to other clients. A no-transaction migration needs one server session for all
//! its statements: there it is refused.

mod common;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use futures_util::future::join_all;
use lcfs_db::testing::TestDatabase;
use lcfs_db::{ErrorKind, Migrator};

use common::cli::{lcfs_db, ok, stdout};
use common::pgbouncer::PgBouncer;
use common::probe::{advisory_locks, applied_versions, migration_lock_key};
use common::require;

fn head() -> i32 {
    lcfs_db::migrations().len() as i32
}

/// The last version before the first no-transaction migration.
fn last_in_transactions() -> i32 {
    let set = lcfs_db::migrations();
    let first = set.iter().position(|m| !m.is_transactional());
    first.map_or(head(), |index| set[index].version() - 1)
}

async fn bouncer(db: &TestDatabase, mode: &str, pool_size: u32) -> Option<PgBouncer> {
    let program = require::program("pgbouncer", "pgbouncer")?;
    Some(PgBouncer::start(&program, db.config(), mode, pool_size).await)
}

fn user(db: &TestDatabase) -> &str {
    db.config().get_user().unwrap_or("postgres")
}

/// 16 runs of the embedded set up to `target` through `bouncer` at once: each version is
/// applied by one.
async fn sixteen_starters(db: &TestDatabase, bouncer: &PgBouncer, target: i32) {
    let mut clients = Vec::new();
    for _ in 0..16 {
        clients.push(bouncer.connect(user(db), db.name()).await);
    }
    let migrator = Migrator::new().target(target);
    let reports = join_all(clients.iter().map(|client| migrator.run(client))).await;
    let mut applied: Vec<i32> = Vec::new();
    for report in reports {
        let report = report.unwrap_or_else(|e| panic!("{e}\n{}", bouncer.log()));
        assert_eq!(report.version_after(), target);
        applied.extend(report.applied().iter().map(|m| m.version));
    }
    applied.sort();
    assert_eq!(
        applied,
        (1..=target).collect::<Vec<_>>(),
        "each version applied once"
    );
    assert_eq!(applied_versions(db).await, (1..=target).collect::<Vec<_>>());
    assert_eq!(advisory_locks(db).await, 0);
}

#[lcfs_db::test(empty)]
async fn session_mode_upgrades_and_serializes_sixteen_starters(db: TestDatabase) {
    let Some(bouncer) = bouncer(&db, "session", 20).await else {
        return;
    };
    sixteen_starters(&db, &bouncer, head()).await;
    let twin = TestDatabase::empty().await.unwrap();
    let url = bouncer.url(user(&twin), twin.name());
    ok(lcfs_db(&url, &["upgrade", "3"]));
    ok(lcfs_db(&url, &["upgrade"]));
    let status = stdout(&ok(lcfs_db(&url, &["status"])));
    assert!(
        status.contains(&format!("current version: {}", head())),
        "{status}"
    );
}

/// Every server session of the pool, each held by a transaction of its own, has the server's
/// default timeouts: no run's settings outlived it.
async fn no_setting_left(bouncer: &PgBouncer, db: &TestDatabase) {
    let mut clients = Vec::new();
    for _ in 0..4 {
        let client = bouncer.connect(user(db), db.name()).await;
        client.batch_execute("BEGIN").await.unwrap();
        clients.push(client);
    }
    let mut pids = Vec::new();
    for client in &clients {
        let row = client
            .query_one(
                "SELECT pg_backend_pid(), current_setting('lock_timeout'), \
                 current_setting('statement_timeout'), current_setting('client_connection_check_interval')",
                &[],
            )
            .await
            .unwrap();
        let settings: (String, String, String) = (row.get(1), row.get(2), row.get(3));
        assert_eq!(
            settings,
            ("0".into(), "0".into(), "0".into()),
            "no setting outlived a run"
        );
        pids.push(row.get::<_, i32>(0));
    }
    pids.sort();
    pids.dedup();
    assert_eq!(pids.len(), 4, "four server sessions looked at");
    for client in &clients {
        client.batch_execute("ROLLBACK").await.unwrap();
    }
}

#[lcfs_db::test(empty)]
async fn transaction_mode_applies_each_version_once_and_leaks_no_setting(db: TestDatabase) {
    let Some(bouncer) = bouncer(&db, "transaction", 4).await else {
        return;
    };
    let target = last_in_transactions();
    assert!(
        target < head(),
        "the embedded set has a no-transaction migration"
    );
    sixteen_starters(&db, &bouncer, target).await;

    no_setting_left(&bouncer, &db).await;

    // With four server sessions idle, the next statement goes to another than the last one.
    let client = bouncer.connect(user(&db), db.name()).await;
    let error = lcfs_db::migrate(&client).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Pooler, "{error}");
    let first = &lcfs_db::migrations()[target as usize];
    assert_eq!(error.file(), Some(first.up_file().as_str()));
    let message = error.to_string();
    for expected in [
        "runs outside a transaction and needs one server session for all its statements",
        "transaction-mode pooler",
        "no statement of it was applied",
    ] {
        assert!(message.contains(expected), "{expected:?} in:\n{message}");
    }
    assert_eq!(
        applied_versions(&db).await,
        (1..=target).collect::<Vec<_>>()
    );
    assert_eq!(advisory_locks(&db).await, 0, "no lock stayed behind");
    no_setting_left(&bouncer, &db).await;

    let twin = TestDatabase::empty().await.unwrap();
    let url = bouncer.url(user(&twin), twin.name());
    ok(lcfs_db(&url, &["upgrade", &target.to_string()]));
    assert_eq!(applied_versions(&twin).await.len(), target as usize);
}

/// Polls until no session holds an advisory lock; how long that took.
async fn lock_freed(db: &TestDatabase) -> Duration {
    let started = Instant::now();
    while advisory_locks(db).await > 0 {
        assert!(
            started.elapsed() < Duration::from_secs(2),
            "the migration lock is still held 2 s after the last run ended: {:?}",
            locks_held(db).await
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    started.elapsed()
}

async fn locks_held(db: &TestDatabase) -> Vec<String> {
    common::probe::column(
        db,
        "SELECT format('%s %s %s', a.pid, a.state, a.application_name) FROM pg_locks l \
         JOIN pg_stat_activity a USING (pid) WHERE l.locktype = 'advisory'",
    )
    .await
}

/// A database at V015, the last version before V016 (no-transaction), behind a transaction-mode
/// PgBouncer with four server sessions handed out in turn.
async fn at_v015_behind_a_transaction_pooler(db: &TestDatabase) -> Option<PgBouncer> {
    let bouncer = bouncer(db, "transaction", 4).await?;
    let before = last_in_transactions();
    Migrator::new().target(before).run(db).await.unwrap();
    Some(bouncer)
}

/// Each version once, none lost: V016 was applied by at most one of the runs through the pooler
/// and the direct run did the rest.
async fn direct_run_finishes_at_once(db: &TestDatabase, applied_through_pooler: usize) {
    let freed = lock_freed(db).await;
    let output = lcfs_db(db.url(), &["upgrade"]);
    let err = common::cli::stderr(&output);
    assert!(output.status.success(), "{err}");
    assert!(!err.contains("waiting for another"), "{err}");
    assert!(applied_through_pooler <= 1, "V016 applied more than once");
    assert_eq!(applied_versions(db).await, (1..=head()).collect::<Vec<_>>());
    assert_eq!(advisory_locks(db).await, 0);
    eprintln!("lock free {freed:?} after the last run through the pooler ended");
}

/// Six instances start at once through a transaction-mode pooler on a database at V015: each
/// refuses V016 or waits its turn, and none leaves the session-level lock in a server session
/// the pooler keeps: the lock is free right after the last one ends, and a direct `upgrade`
/// goes through without waiting.
#[lcfs_db::test(empty)]
async fn transaction_mode_six_upgrades_refused_leave_the_lock_free(db: TestDatabase) {
    let Some(bouncer) = at_v015_behind_a_transaction_pooler(&db).await else {
        return;
    };
    let url = bouncer.url(user(&db), db.name());
    let children: Vec<_> = (0..6)
        .map(|_| {
            Command::new(env!("CARGO_BIN_EXE_lcfs-db"))
                .env("DATABASE_URL", &url)
                .env("LCFS_DB_LOG", "info")
                .arg("upgrade")
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let outputs = tokio::task::spawn_blocking(move || {
        children
            .into_iter()
            .map(|child| child.wait_with_output().unwrap())
            .collect::<Vec<_>>()
    })
    .await
    .unwrap();
    let mut v016 = 0;
    for output in &outputs {
        let err = common::cli::stderr(output);
        v016 += err.matches("applied version=16").count();
        if !output.status.success() {
            assert!(
                err.contains("transaction-mode pooler") && err.contains("V016"),
                "refused for the pooler, or it went through:\n{err}\n{}",
                bouncer.log()
            );
        }
    }
    direct_run_finishes_at_once(&db, v016).await;
    no_setting_left(&bouncer, &db).await;
}

/// The same with `lcfs_db::migrate` called by six tasks of one application, each on a client
/// of its own through the pooler.
#[lcfs_db::test(empty)]
async fn transaction_mode_six_migrate_calls_refused_leave_the_lock_free(db: TestDatabase) {
    let Some(bouncer) = at_v015_behind_a_transaction_pooler(&db).await else {
        return;
    };
    let mut clients = Vec::new();
    for _ in 0..6 {
        clients.push(bouncer.connect(user(&db), db.name()).await);
    }
    let results = join_all(clients.iter().map(lcfs_db::migrate)).await;
    let mut v016 = 0;
    for result in results {
        match result {
            Ok(report) => v016 += report.applied().iter().filter(|m| m.version == 16).count(),
            Err(error) => assert_eq!(error.kind(), ErrorKind::Pooler, "{error}"),
        }
    }
    drop(clients);
    direct_run_finishes_at_once(&db, v016).await;
    no_setting_left(&bouncer, &db).await;
}

/// A session that holds the migration lock and sits idle outside any transaction is no run:
/// a run waiting for the lock says so at once, naming it, instead of waiting its whole wait.
#[lcfs_db::test(empty)]
async fn a_waiting_run_names_an_idle_holder_at_once(db: TestDatabase) {
    Migrator::new().target(15).run(&db).await.unwrap();
    let holder = db.connect().await.unwrap();
    holder
        .batch_execute(&format!(
            "SET application_name = 'left-behind'; SELECT pg_advisory_lock({})",
            migration_lock_key()
        ))
        .await
        .unwrap();
    let pid: i32 = holder
        .query_one("SELECT pg_backend_pid()", &[])
        .await
        .unwrap()
        .get(0);
    // Idle longer than a live run's session ever is.
    tokio::time::sleep(Duration::from_secs(6)).await;

    let started = Instant::now();
    let client = db.connect().await.unwrap();
    let error = lcfs_db::migrate(&client).await.unwrap_err();
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(error.kind(), ErrorKind::LockTimeout, "{error}");
    let message = error.to_string();
    for expected in [
        format!("held by server session {pid}"),
        "\"left-behind\"".to_owned(),
        "idle outside any transaction".to_owned(),
        "nothing was applied".to_owned(),
        format!("pg_terminate_backend({pid})"),
    ] {
        assert!(message.contains(&expected), "{expected:?} in:\n{message}");
    }
    let output = lcfs_db(db.url(), &["upgrade"]);
    let err = common::cli::stderr(&output);
    assert!(
        !output.status.success() && err.contains(&format!("server session {pid}")),
        "{err}"
    );
    assert_eq!(applied_versions(&db).await.len(), 15);

    drop(holder);
    lock_freed(&db).await;
}
