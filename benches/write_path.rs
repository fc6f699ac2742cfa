//! The cost of one write to a table the materialized views watch, at 1,000, 10,000 and 100,000
//! ledger rows, on the schema at head and on LCFS's trigger arrangement (head at V015, before the
//! refreshes learned to skip) in the same run:
//! - a standalone transaction inserted into `transaction` (it reaches the aggregate and ledger);
//! - a transfer moved from Submitted to Recommended (the aggregate and the director's counter);
//! - a transfer moved from Recommended to Recorded (the aggregate, the ledger and both counters).
//!
//! Each database is filled by `ledger_fill.sql` (see its header for the mix). Each sample times
//! the one statement, its triggers included, inside a transaction that is then rolled back, so
//! every sample sees the same data. Server: `TEST_DATABASE_URL` when set, else a private cluster.

use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, SamplingMode, criterion_group, criterion_main};
use lcfs_db::testing::TestDatabase;
use tokio::runtime::Runtime;

const FILL: &str = include_str!("ledger_fill.sql");

/// Ledger sizes; a multiple of 10 each (the fill's block).
const SIZES: [u32; 3] = [1_000, 10_000, 100_000];

/// In the fill, transfer 1000045 is Submitted and 1000065 Recommended, at every size.
const STATEMENTS: [(&str, &str); 3] = [
    (
        "insert into transaction",
        "INSERT INTO transaction (compliance_units, organization_id, transaction_action, effective_status) \
         VALUES (25, 3, 'Adjustment', true)",
    ),
    (
        "transfer Submitted to Recommended",
        "UPDATE transfer SET current_status_id = 5, update_date = now() WHERE transfer_id = 1000045",
    ),
    (
        "transfer Recommended to Recorded",
        "UPDATE transfer SET current_status_id = 6, update_date = now() WHERE transfer_id = 1000065",
    ),
];

/// Statements on transfer, compliance_report and fuel_code: together they fire every refresh
/// trigger, which brings every view (and, at head, its refresh state) up to date.
const TOUCH_ALL: &str = "UPDATE transfer SET transfer_id = transfer_id WHERE false; \
     UPDATE compliance_report SET compliance_report_id = compliance_report_id WHERE false; \
     UPDATE fuel_code SET fuel_code_id = fuel_code_id WHERE false";

const VIEWS: [&str; 7] = [
    "mv_transaction_aggregate",
    "mv_credit_ledger",
    "mv_transaction_count",
    "mv_director_review_transaction_count",
    "mv_compliance_report_count",
    "mv_org_compliance_report_count",
    "mv_fuel_code_count",
];

/// A database with `migrations` holding a ledger of `rows`, its views refreshed and analyzed.
async fn filled(migrations: &[lcfs_db::Migration], rows: u32) -> TestDatabase {
    let db = TestDatabase::with_migrations(migrations.to_vec())
        .await
        .expect("a test database");
    db.batch_execute(&format!("SET lcfs_bench.ledger_rows = {rows}; {FILL}"))
        .await
        .expect("the fill runs");
    for view in VIEWS {
        db.batch_execute(&format!("REFRESH MATERIALIZED VIEW {view}"))
            .await
            .expect("refreshes");
    }
    db.batch_execute("VACUUM ANALYZE").await.expect("vacuums");
    db.batch_execute(TOUCH_ALL)
        .await
        .expect("touches every view");
    db
}

fn benches(c: &mut Criterion) {
    let rt = Runtime::new().unwrap();
    let all = lcfs_db::migrations();
    let arrangements = [("LCFS triggers (V015)", &all[..15]), ("lcfs-db head", all)];
    let mut databases = Vec::new();
    for rows in SIZES {
        for (label, migrations) in arrangements {
            databases.push((label, rows, rt.block_on(filled(migrations, rows))));
        }
    }
    for (name, sql) in STATEMENTS {
        let mut group = c.benchmark_group(name);
        group
            .sample_size(10)
            .sampling_mode(SamplingMode::Flat)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(2));
        for (label, rows, db) in &databases {
            group.bench_function(BenchmarkId::new(*label, rows), |b| {
                b.to_async(&rt).iter_custom(|iters| async move {
                    let mut total = Duration::ZERO;
                    for _ in 0..iters {
                        db.batch_execute("BEGIN").await.unwrap();
                        let start = Instant::now();
                        db.batch_execute(sql).await.expect(sql);
                        total += start.elapsed();
                        db.batch_execute("ROLLBACK").await.unwrap();
                    }
                    total
                })
            });
        }
        group.finish();
    }
}

criterion_group!(write_path, benches);
criterion_main!(write_path);
