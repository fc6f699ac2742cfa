//! Migration speed, each figure next to its baseline in the same run:
//! - cold migrate to head vs the same up SQL through one `psql -1 -f`;
//! - `migrate` on a database already at head;
//! - a test database by template clone vs by replaying the migrations.
//!
//! Server: `TEST_DATABASE_URL` when set, else a private throwaway cluster.

use std::process::Command;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use lcfs_db::cluster::Cluster;
use tokio::runtime::Runtime;
use tokio_postgres::{Client, Config, NoTls};

struct Server {
    config: Config,
    _cluster: Option<Cluster>,
}

impl Server {
    async fn start() -> Server {
        match std::env::var("TEST_DATABASE_URL") {
            Ok(url) => Server {
                config: url.parse().expect("TEST_DATABASE_URL parses"),
                _cluster: None,
            },
            Err(_) => {
                let cluster = Cluster::ephemeral()
                    .await
                    .expect("a private cluster starts");
                Server {
                    config: cluster.config("postgres"),
                    _cluster: Some(cluster),
                }
            }
        }
    }

    fn config(&self, db: &str) -> Config {
        let mut config = self.config.clone();
        config.dbname(db);
        config
    }

    fn url(&self, db: &str) -> String {
        lcfs_db::cluster::connection_url(&self.config(db))
    }

    async fn connect(&self, db: &str) -> Client {
        let (client, connection) = self.config(db).connect(NoTls).await.expect("connects");
        tokio::spawn(connection);
        client
    }

    /// Runs each `;`-separated statement on its own: DROP and CREATE DATABASE refuse a batch.
    async fn admin(&self, sql: &str) {
        let admin = self.connect("postgres").await;
        for statement in sql.split(';').filter(|s| !s.trim().is_empty()) {
            admin.batch_execute(statement).await.expect(statement);
        }
    }
}

fn up_sql() -> String {
    lcfs_db::migrations()
        .iter()
        .map(|m| format!("{}\n;\n", m.up_sql()))
        .collect()
}

fn cold_migrate(c: &mut Criterion, rt: &Runtime, server: &Server) {
    let script = std::env::temp_dir().join(format!("lcfs-db-bench-{}.sql", std::process::id()));
    std::fs::write(&script, up_sql()).unwrap();
    let mut group = c.benchmark_group("cold migrate to head");
    group.sample_size(10);
    group.bench_function("lcfs_db::migrate", |b| {
        b.to_async(rt).iter_custom(|iters| async move {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                server
                    .admin("DROP DATABASE IF EXISTS bench_cold WITH (FORCE); CREATE DATABASE bench_cold")
                    .await;
                let client = server.connect("bench_cold").await;
                let start = Instant::now();
                lcfs_db::migrate(&client).await.expect("migrates");
                total += start.elapsed();
            }
            total
        })
    });
    let script_ref = &script;
    group.bench_function("psql -1 -f (same SQL)", |b| {
        b.to_async(rt).iter_custom(|iters| async move {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                server
                    .admin("DROP DATABASE IF EXISTS bench_cold WITH (FORCE); CREATE DATABASE bench_cold")
                    .await;
                let start = Instant::now();
                let status = Command::new("psql")
                    .args([
                        "-X",
                        "-q",
                        "-1",
                        "-v",
                        "ON_ERROR_STOP=1",
                        "-o",
                        "/dev/null",
                        "-d",
                    ])
                    .arg(server.url("bench_cold"))
                    .arg("-f")
                    .arg(script_ref)
                    .status()
                    .expect("psql runs");
                total += start.elapsed();
                assert!(status.success());
            }
            total
        })
    });
    group.finish();
    std::fs::remove_file(&script).unwrap();
}

fn at_head(c: &mut Criterion, rt: &Runtime, server: &Server) {
    let client = rt.block_on(async {
        server
            .admin("DROP DATABASE IF EXISTS bench_head WITH (FORCE); CREATE DATABASE bench_head")
            .await;
        let client = server.connect("bench_head").await;
        lcfs_db::migrate(&client).await.expect("migrates");
        client
    });
    c.bench_function("migrate at head", |b| {
        b.to_async(rt)
            .iter(|| async { lcfs_db::migrate(&client).await.expect("nothing to do") })
    });
}

fn test_database(c: &mut Criterion, rt: &Runtime, server: &Server) {
    let mut group = c.benchmark_group("test database at head");
    group.sample_size(10);
    group.bench_function("template clone (FILE_COPY)", |b| {
        b.to_async(rt).iter_custom(|iters| async move {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                server
                    .admin("DROP DATABASE IF EXISTS bench_clone WITH (FORCE)")
                    .await;
                let start = Instant::now();
                server
                    .admin("CREATE DATABASE bench_clone TEMPLATE bench_head STRATEGY FILE_COPY")
                    .await;
                total += start.elapsed();
            }
            total
        })
    });
    group.bench_function("replay migrations", |b| {
        b.to_async(rt).iter_custom(|iters| async move {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                server
                    .admin("DROP DATABASE IF EXISTS bench_clone WITH (FORCE)")
                    .await;
                let start = Instant::now();
                server.admin("CREATE DATABASE bench_clone").await;
                lcfs_db::migrate(&server.connect("bench_clone").await)
                    .await
                    .expect("migrates");
                total += start.elapsed();
            }
            total
        })
    });
    group.finish();
}

fn benches(c: &mut Criterion) {
    let rt = Runtime::new().unwrap();
    let server = rt.block_on(Server::start());
    cold_migrate(c, &rt, &server);
    at_head(c, &rt, &server);
    // The clone source must have no other session connected: drop the at-head client first.
    rt.block_on(server.admin(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'bench_head' AND pid <> pg_backend_pid()",
    ));
    test_database(c, &rt, &server);
    rt.block_on(server.admin(
        "DROP DATABASE IF EXISTS bench_cold WITH (FORCE); DROP DATABASE IF EXISTS bench_clone; DROP DATABASE IF EXISTS bench_head",
    ));
}

criterion_group!(migrate_benches, benches);
criterion_main!(migrate_benches);
