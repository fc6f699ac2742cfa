//! The live-load check: four application clients write and read as LCFS does (ledger entries,
//! transfer status changes, the materialized views and a reporting view) while `downgrade 15` and
//! `upgrade` alternate five times on a database at head with a ledger of 3,000 rows, then while
//! `adopt` takes over an Alembic-built one. It fails on any failed migration or application
//! transaction, and prints the application's latency beside the migrations and without them.
//! Not part of `cargo test` (it takes about a minute and a half): `.ci/run` runs it with
//! `cargo test --test live_load`.

mod common;

use std::process::Output;
use std::time::{Duration, Instant};

use common::alembic::{Branch, lcfs_database};
use lcfs_db::testing::TestDatabase;
use tokio::process::Command;
use tokio::sync::watch;
use tokio_postgres::Client;

const FILL: &str = include_str!("../benches/ledger_fill.sql");
const SETUP: &str = include_str!("live_load/setup.sql");

/// The scripts, each one application transaction, and how often each is picked (out of 8).
const SCRIPTS: [(&str, &str, u32); 3] = [
    ("ledger", include_str!("live_load/ledger.sql"), 2),
    ("transfer", include_str!("live_load/transfer.sql"), 1),
    ("read", include_str!("live_load/read.sql"), 5),
];

const CLIENTS: u64 = 4;
/// Each client's pause between transactions: a light load, as in the report that asked for this.
const THINK: Duration = Duration::from_millis(20);
const LEDGER_ROWS: u32 = 3_000;
const CYCLES: usize = 5;
/// Load without migrations before the first and after each.
const QUIET: Duration = Duration::from_secs(2);

/// One application transaction: when it started and ended (from the load's start), and how.
struct Sample {
    start: Duration,
    end: Duration,
    script: &'static str,
    error: Option<String>,
}

/// One migration command: when it ran, and what it printed.
struct Run {
    args: Vec<&'static str>,
    start: Duration,
    end: Duration,
    output: Output,
}

/// The load, running until [`Load::stop`].
struct Load {
    started: Instant,
    stop: watch::Sender<bool>,
    clients: Vec<tokio::task::JoinHandle<Vec<Sample>>>,
}

impl Load {
    async fn start(db: &TestDatabase) -> Load {
        let orgs: (i32, i32) = {
            let row = db
                .query_one(
                    "SELECT min(organization_id), count(*)::int FROM organization",
                    &[],
                )
                .await
                .unwrap();
            (row.get(0), row.get::<_, i32>(1).min(20))
        };
        let started = Instant::now();
        let (stop, stopped) = watch::channel(false);
        let mut clients = Vec::new();
        for n in 0..CLIENTS {
            let client = db.connect().await.unwrap();
            client
                .batch_execute("SET application_name = 'lcfs-backend'")
                .await
                .unwrap();
            clients.push(tokio::spawn(run_client(
                client,
                0x9E37_79B9_7F4A_7C15 ^ (n + 1),
                n == 0,
                orgs,
                started,
                stopped.clone(),
            )));
        }
        Load {
            started,
            stop,
            clients,
        }
    }

    async fn stop(self) -> Vec<Sample> {
        self.stop.send(true).unwrap();
        let mut samples = Vec::new();
        for client in self.clients {
            samples.extend(client.await.unwrap());
        }
        samples
    }

    /// `lcfs-db <args>` against `url`, timed on the load's clock.
    async fn migrate(&self, url: &str, args: &[&'static str]) -> Run {
        let start = self.started.elapsed();
        let output = Command::new(env!("CARGO_BIN_EXE_lcfs-db"))
            .env("DATABASE_URL", url)
            .args(args)
            .output()
            .await
            .expect("lcfs-db runs");
        Run {
            args: args.to_vec(),
            start,
            end: self.started.elapsed(),
            output,
        }
    }
}

async fn run_client(
    client: Client,
    mut seed: u64,
    first: bool,
    (first_org, orgs): (i32, i32),
    started: Instant,
    stopped: watch::Receiver<bool>,
) -> Vec<Sample> {
    let mut random = move |below: u64| {
        // xorshift64: a fixed, reproducible sequence per client.
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % below
    };
    let mut samples = Vec::new();
    while !*stopped.borrow() {
        let mut pick = random(8) as u32;
        let (script, sql, _) = SCRIPTS
            .iter()
            .find(|(_, _, weight)| {
                let hit = pick < *weight;
                pick = pick.saturating_sub(*weight);
                hit
            })
            .expect("the weights add up to 8");
        // One analyst changes transfer statuses; two of them at once deadlock on the
        // organizations' rows whatever the schema's version, so the others read instead.
        let (script, sql) = match (*script, first) {
            ("transfer", false) => (SCRIPTS[2].0, SCRIPTS[2].1),
            _ => (*script, *sql),
        };
        let org = first_org + random(orgs as u64) as i32;
        let sql = sql
            .replace(":org", &org.to_string())
            .replace(":pick", &random(10).to_string());
        let start = started.elapsed();
        // Several statements in one simple query run as one transaction.
        let error = client.batch_execute(&sql).await.err().map(|e| {
            let db = e.as_db_error();
            format!(
                "{} ({}): {}",
                db.map_or("", |d| d.message()),
                db.map_or("", |d| d.code().code()),
                db.and_then(|d| d.detail()).unwrap_or_default()
            )
        });
        samples.push(Sample {
            start,
            end: started.elapsed(),
            script,
            error,
        });
        tokio::time::sleep(THINK).await;
    }
    samples
}

/// p50, p99 and max of `latencies`, in ms.
fn figures(mut latencies: Vec<Duration>) -> String {
    if latencies.is_empty() {
        return "no transactions".to_owned();
    }
    latencies.sort();
    let at = |q: f64| latencies[((latencies.len() - 1) as f64 * q).round() as usize];
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    format!(
        "{:>5} transactions, p50 {:>6.1} ms, p99 {:>7.1} ms, max {:>7.1} ms",
        latencies.len(),
        ms(at(0.5)),
        ms(at(0.99)),
        ms(*latencies.last().unwrap())
    )
}

/// Prints what happened and returns the number of failures: migrations and application
/// transactions.
fn report(title: &str, runs: &[Run], samples: &[Sample]) -> (usize, usize) {
    println!("\n== {title}");
    let mut failed_runs = 0;
    for run in runs {
        let ok = run.output.status.success();
        failed_runs += usize::from(!ok);
        let retries = String::from_utf8_lossy(&run.output.stderr)
            .matches("rolled back, retrying")
            .count();
        println!(
            "  lcfs-db {:<22} {:>6.2} s  {}  retries: {retries}",
            run.args.join(" "),
            (run.end - run.start).as_secs_f64(),
            if ok { "ok" } else { "FAILED" },
        );
        if !ok {
            println!("{}", String::from_utf8_lossy(&run.output.stderr));
        }
    }
    let beside = |s: &Sample| runs.iter().any(|r| s.start < r.end && s.end > r.start);
    let failures: Vec<&Sample> = samples.iter().filter(|s| s.error.is_some()).collect();
    for sample in failures.iter().take(10) {
        println!(
            "  application {} failed at {:.2} s: {}",
            sample.script,
            sample.start.as_secs_f64(),
            sample.error.as_deref().unwrap_or_default()
        );
    }
    let latencies = |during: bool| {
        samples
            .iter()
            .filter(|s| s.error.is_none() && beside(s) == during)
            .map(|s| s.end - s.start)
            .collect::<Vec<_>>()
    };
    println!(
        "  application, beside migrations: {}",
        figures(latencies(true))
    );
    println!(
        "  application, without:           {}",
        figures(latencies(false))
    );
    println!(
        "  migration failures: {failed_runs}; application transaction failures: {} of {}",
        failures.len(),
        samples.len()
    );
    (failed_runs, failures.len())
}

#[tokio::main]
async fn main() {
    let head = TestDatabase::new().await.expect("a database at head");
    head.batch_execute(&format!(
        "SET lcfs_bench.ledger_rows = {LEDGER_ROWS}; {FILL}; {SETUP}"
    ))
    .await
    .expect("the ledger fill and the load's rows");
    head.batch_execute("VACUUM ANALYZE").await.unwrap();
    let load = Load::start(&head).await;
    let mut runs = Vec::new();
    tokio::time::sleep(QUIET).await;
    for _ in 0..CYCLES {
        for args in [&["downgrade", "15", "--yes"][..], &["upgrade"]] {
            runs.push(load.migrate(head.url(), args).await);
            tokio::time::sleep(QUIET).await;
        }
    }
    let samples = load.stop().await;
    let cycles = report(
        &format!("{CYCLES} × downgrade 15 / upgrade at head, {LEDGER_ROWS} ledger rows"),
        &runs,
        &samples,
    );

    let alembic = lcfs_database(Branch::Second, 0).await;
    alembic.batch_execute(SETUP).await.expect("the load's rows");
    let load = Load::start(&alembic).await;
    tokio::time::sleep(QUIET).await;
    let runs = [load.migrate(alembic.url(), &["adopt"]).await];
    tokio::time::sleep(QUIET).await;
    let samples = load.stop().await;
    let adopt = report("adopt on an Alembic-built LCFS database", &runs, &samples);

    let (migrations, application) = (cycles.0 + adopt.0, cycles.1 + adopt.1);
    if migrations + application > 0 {
        println!(
            "\nlive load: FAILED ({migrations} migration failures, {application} application \
             transaction failures; both must be 0)"
        );
        std::process::exit(1);
    }
    println!("\nlive load: passed (0 migration failures, 0 application transaction failures)");
    head.remove().await.ok();
    alembic.remove().await.ok();
}
