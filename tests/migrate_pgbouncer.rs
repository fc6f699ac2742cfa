//! Through PgBouncer. In session mode a client keeps its server session, and everything works
//! as on a direct connection. In transaction mode each transaction may get another server
//! session: the runner holds nothing at session level for a migration that runs in a
//! transaction (it takes the lock in that transaction and reads the history again under it; its
//! settings are `SET LOCAL`), so concurrent starters still apply each of those once and no
//! setting leaks to other clients. A no-transaction migration needs one server session for all
//! its statements: there it is refused.

mod common;

use futures_util::future::join_all;
use lcfs_db::testing::TestDatabase;
use lcfs_db::{ErrorKind, Migrator};

use common::cli::{lcfs_db, ok, stdout};
use common::pgbouncer::PgBouncer;
use common::probe::{advisory_locks, applied_versions};
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
