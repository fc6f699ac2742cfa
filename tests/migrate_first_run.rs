//! Many instances started together on a database that does not exist yet: every one of them
//! starts, and each version is applied once. Whether the schema's objects were made by another
//! tool is decided under the migration lock, where no other run can be making them, so a run
//! never takes a database in the middle of another run's first migration for a foreign one.
//! Each test has a private cluster of its own: 64 starters need more connections than a shared
//! server may spare.

mod common;

use std::collections::BTreeMap;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use futures_util::future::join_all;
use lcfs_db::ErrorKind;
use lcfs_db::cluster::{Cluster, ClusterOptions};
use tokio_postgres::{Client, Config, NoTls};

use common::probe::{advisory_locks, applied_versions, migration_lock_key};
use lcfs_db::testing::TestDatabase;

const ROUNDS: usize = 20;
const STARTERS: usize = 64;

/// Where the `upgrade` processes stop: V001 (26 types and a table) is where the first-run
/// decision is taken, and V002–V003 make each starter take its turn on the lock twice more.
/// To head, 64 debug-built processes on two cores take over a minute a round, 20 rounds too
/// long for CI; the library test goes to head.
const UPGRADE_TARGET: i32 = 3;

fn head() -> i32 {
    lcfs_db::migrations().len() as i32
}

async fn cluster() -> Cluster {
    // 64 starters, each with a maintenance session while it creates the database.
    let options = ClusterOptions::new().setting("max_connections", "200");
    Cluster::ephemeral_with(&options)
        .await
        .unwrap_or_else(|e| panic!("no private cluster: {e}"))
}

async fn connect(config: &Config) -> Client {
    let (client, connection) = config.connect(NoTls).await.unwrap();
    tokio::spawn(connection);
    client
}

/// Each of `applied` (the versions every starter says it applied) occurs once, together they
/// are 1 to `target`, and the history records them once.
async fn applied_once(config: &Config, applied: Vec<i32>, target: i32, round: usize) {
    let mut count: BTreeMap<i32, usize> = BTreeMap::new();
    for version in applied {
        *count.entry(version).or_default() += 1;
    }
    let expected: BTreeMap<i32, usize> = (1..=target).map(|v| (v, 1)).collect();
    assert_eq!(count, expected, "round {round}: each version applied once");
    let db = connect(config).await;
    assert_eq!(
        applied_versions(&db).await,
        (1..=target).collect::<Vec<_>>()
    );
    assert_eq!(advisory_locks(&db).await, 0, "round {round}: no lock left");
}

fn report(what: &str, started: Instant) {
    eprintln!(
        "{what}: {ROUNDS} rounds of {STARTERS} starters, 0 failures, {:.1?}",
        started.elapsed()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sixty_four_migrate_calls_on_a_new_database_all_start() {
    let cluster = cluster().await;
    let admin = connect(&cluster.config("postgres")).await;
    let started = Instant::now();
    for round in 0..ROUNDS {
        let name = format!("first_run_library_{round}");
        admin
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .await
            .unwrap();
        let config = cluster.config(&name);
        let clients = join_all((0..STARTERS).map(|_| connect(&config))).await;
        let reports = join_all(clients.iter().map(lcfs_db::migrate)).await;
        let mut applied = Vec::new();
        for (starter, report) in reports.into_iter().enumerate() {
            let report = report.unwrap_or_else(|e| panic!("round {round}, starter {starter}: {e}"));
            assert_eq!(report.version_after(), head());
            applied.extend(report.applied().iter().map(|m| m.version));
        }
        drop(clients);
        applied_once(&config, applied, head(), round).await;
        admin
            .batch_execute(&format!("DROP DATABASE {name} WITH (FORCE)"))
            .await
            .unwrap();
    }
    report("lcfs_db::migrate", started);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sixty_four_upgrades_on_a_missing_database_all_start() {
    let cluster = cluster().await;
    let admin = connect(&cluster.config("postgres")).await;
    let started = Instant::now();
    for round in 0..ROUNDS {
        let name = format!("first_run_upgrade_{round}");
        let url = cluster.url(&name);
        let children: Vec<_> = (0..STARTERS)
            .map(|_| {
                Command::new(env!("CARGO_BIN_EXE_lcfs-db"))
                    .env("DATABASE_URL", &url)
                    .env("LCFS_DB_LOG", "info")
                    .args(["upgrade", &UPGRADE_TARGET.to_string()])
                    .stdin(Stdio::null())
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .spawn()
                    .expect("lcfs-db starts")
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
        let mut applied = Vec::new();
        for (starter, output) in outputs.iter().enumerate() {
            let err = String::from_utf8_lossy(&output.stderr);
            assert!(
                output.status.success(),
                "round {round}, starter {starter}: {}\n{err}",
                output.status
            );
            applied.extend(
                err.lines()
                    .filter_map(|line| line.split(" applied version=").nth(1))
                    .map(|rest| rest.split(' ').next().unwrap().parse::<i32>().unwrap()),
            );
        }
        applied_once(&cluster.config(&name), applied, UPGRADE_TARGET, round).await;
        admin
            .batch_execute(&format!("DROP DATABASE {name} WITH (FORCE)"))
            .await
            .unwrap();
    }
    report("lcfs-db upgrade", started);
}

/// What a run decides under the lock still refuses a schema another tool made, alone or among
/// concurrent starters, and creates nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_foreign_schema_is_still_refused_by_every_starter() {
    let cluster = cluster().await;
    let admin = connect(&cluster.config("postgres")).await;
    admin
        .batch_execute("CREATE DATABASE first_run_foreign")
        .await
        .unwrap();
    let config = cluster.config("first_run_foreign");
    let db = connect(&config).await;
    db.batch_execute(
        "CREATE TYPE fueltypeenum AS ENUM ('gasoline'); CREATE TABLE alembic_version \
         (version_num varchar(32) PRIMARY KEY); CREATE TABLE fuel_type (id int)",
    )
    .await
    .unwrap();
    let clients = join_all((0..16).map(|_| connect(&config))).await;
    let results = join_all(clients.iter().map(lcfs_db::migrate)).await;
    for result in results {
        let error = result.expect_err("a foreign schema is refused");
        assert_eq!(error.kind(), ErrorKind::Unmanaged, "{error}");
        let message = error.to_string();
        for expected in [
            "already holds 2 tables, 1 type",
            "nothing was created or applied",
            "`lcfs-db adopt`",
        ] {
            assert!(message.contains(expected), "{expected:?} in:\n{message}");
        }
    }
    let history: Vec<Option<String>> = db
        .query("SELECT to_regclass('refinery_schema_history')::text", &[])
        .await
        .unwrap()
        .iter()
        .map(|row| row.get(0))
        .collect();
    assert_eq!(history, [None], "no history table was created");
    assert_eq!(advisory_locks(&db).await, 0);
}

/// What a starter may see of another run's first migration: its objects committed, its history
/// table not yet, while that run holds the migration lock. Deciding then would take the database
/// for another tool's; the starter waits for the lock instead, and decides once it holds it. Here
/// the other run is played by a session holding the lock with a type of V001's made; it gives both
/// up a moment later, and the starter then migrates the empty schema to head.
#[lcfs_db::test(empty)]
async fn objects_made_under_another_runs_lock_are_not_judged_until_it_ends(db: TestDatabase) {
    let other = db.connect().await.unwrap();
    let key = migration_lock_key();
    other
        .batch_execute(&format!(
            "SELECT pg_advisory_lock({key}); CREATE TYPE public.actiontypeenum AS ENUM ('CREATE')"
        ))
        .await
        .unwrap();
    let run = lcfs_db::migrate(&db);
    tokio::pin!(run);
    // Well under the five seconds after which a waiter names an idle holder.
    let waited = tokio::time::timeout(Duration::from_secs(1), &mut run).await;
    assert!(
        waited.is_err(),
        "the starter judged the schema while another run held the lock: {:?}",
        waited.map(|result| result.err().map(|e| e.to_string()))
    );
    other
        .batch_execute(&format!(
            "DROP TYPE public.actiontypeenum; SELECT pg_advisory_unlock({key})"
        ))
        .await
        .unwrap();
    run.await.unwrap();
    assert_eq!(
        applied_versions(&db).await,
        (1..=head()).collect::<Vec<_>>()
    );
}
