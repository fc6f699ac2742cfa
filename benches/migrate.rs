//! Migration speed, each figure next to its baseline in the same run:
//! - cold migrate to head vs the script `lcfs-db sql upgrade --from base` prints (the same
//!   statements and history rows, each migration in its own transaction) through `psql -f`;
//! - `migrate` on a database already at head;
//! - a test database at head: taken from the harness's pool, cloned on demand, and made by
//!   replaying the migrations.
//!
//! Server: the test harness's, `TEST_DATABASE_URL` when set, else a private throwaway cluster.

use std::process::Command;
use std::time::{Duration, Instant};

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use lcfs_db::testing::TestDatabase;
use tokio::runtime::Runtime;

/// Times `measured` once per iteration. `prepare` runs before it, and the database it returns
/// is removed after it, both off the clock: a drop running beside the next clone would slow it.
async fn time_each<P>(
    iters: u64,
    mut prepare: impl AsyncFnMut() -> P,
    mut measured: impl AsyncFnMut(P) -> TestDatabase,
) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        let prepared = prepare().await;
        let start = Instant::now();
        let db = measured(prepared).await;
        total += start.elapsed();
        db.remove().await.expect("the database drops");
    }
    total
}

async fn empty_database() -> TestDatabase {
    TestDatabase::empty().await.expect("an empty database")
}

/// What `lcfs-db sql upgrade --from base` prints: a no-transaction migration (V016's
/// `CREATE INDEX CONCURRENTLY`) rules out running it all in one `psql -1`.
fn up_sql() -> String {
    lcfs_db::Migrator::new()
        .upgrade_plan(0, None)
        .expect("a plan from base")
        .sql()
}

fn cold_migrate(c: &mut Criterion, rt: &Runtime) {
    let script = std::env::temp_dir().join(format!("lcfs-db-bench-{}.sql", std::process::id()));
    std::fs::write(&script, up_sql()).unwrap();
    let mut group = c.benchmark_group("cold migrate to head");
    group.sample_size(10);
    group.bench_function("lcfs_db::migrate", |b| {
        b.to_async(rt).iter_custom(|iters| {
            time_each(iters, empty_database, async |db: TestDatabase| {
                lcfs_db::migrate(&db).await.expect("migrates");
                db
            })
        })
    });
    let script = &script;
    group.bench_function("psql -f (the printed plan)", |b| {
        b.to_async(rt).iter_custom(|iters| {
            time_each(iters, empty_database, async |db: TestDatabase| {
                let status = Command::new("psql")
                    .args(["-X", "-q", "-v", "ON_ERROR_STOP=1", "-o", "/dev/null"])
                    .args(["-d", db.url(), "-f"])
                    .arg(script)
                    .status()
                    .expect("psql runs");
                assert!(status.success());
                db
            })
        })
    });
    group.finish();
    std::fs::remove_file(script).unwrap();
}

fn at_head(c: &mut Criterion, rt: &Runtime) {
    let db = rt
        .block_on(TestDatabase::new())
        .expect("a database at head");
    c.bench_function("migrate at head", |b| {
        b.to_async(rt)
            .iter(|| async { lcfs_db::migrate(&db).await.expect("nothing to do") })
    });
}

fn test_database(c: &mut Criterion, rt: &Runtime) {
    let mut group = c.benchmark_group("test database at head");
    let pooled = TestDatabase::builder();
    // Each iteration waits off the clock for the pool to refill (a clone, ~30 ms): keep the
    // measured time, which sets the iteration count, short.
    group
        .sample_size(50)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(20))
        .measurement_time(Duration::from_millis(100));
    group.bench_function("from the pool", |b| {
        b.to_async(rt).iter_custom(|iters| {
            let prepare = async || pooled.warm_up().await.expect("the pool fills");
            time_each(iters, prepare, async |()| {
                let db = pooled.clone().create().await.expect("a database");
                assert!(db.came_from_pool(), "measured the pool, not the fallback");
                db
            })
        })
    });
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(3))
        .measurement_time(Duration::from_secs(5));
    let on_demand = TestDatabase::builder().on_demand();
    group.bench_function("template clone on demand (FILE_COPY)", |b| {
        b.to_async(rt).iter_custom(|iters| {
            time_each(
                iters,
                async || (),
                async |()| on_demand.clone().create().await.expect("a database"),
            )
        })
    });
    let empty = TestDatabase::builder().empty().on_demand();
    group.bench_function("replay migrations", |b| {
        b.to_async(rt).iter_custom(|iters| {
            time_each(
                iters,
                async || (),
                async |()| {
                    let db = empty.clone().create().await.expect("an empty database");
                    lcfs_db::migrate(&db).await.expect("migrates");
                    db
                },
            )
        })
    });
    group.finish();
}

fn benches(c: &mut Criterion) {
    let rt = Runtime::new().unwrap();
    cold_migrate(c, &rt);
    at_head(c, &rt);
    test_database(c, &rt);
}

criterion_group!(migrate_benches, benches);
criterion_main!(migrate_benches);
