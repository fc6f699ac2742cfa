//! Sessions that stand in a migration's way, and an application session timing its statements
//! while a migration runs beside it.

use std::process::{Output, Stdio};
use std::time::{Duration, Instant};

use lcfs_db::Migration;
use lcfs_db::testing::TestDatabase;
use tokio::process::{Child, Command};
use tokio_postgres::Client;

/// The embedded migrations up to `version`: a database at that version of the real schema.
pub fn first(version: usize) -> Vec<Migration> {
    lcfs_db::migrations()[..version].to_vec()
}

/// A session of `db` that has run `sql` (which begins a transaction) and keeps it open; its pid.
pub async fn blocker(db: &TestDatabase, sql: &str) -> (Client, i32) {
    let client = db.connect().await.expect("a blocking session");
    let pid = client
        .query_one(
            "SELECT pg_backend_pid() FROM set_config('application_name', 'lcfs-backend', false)",
            &[],
        )
        .await
        .unwrap()
        .get(0);
    client
        .batch_execute(sql)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
    (client, pid)
}

/// The binary started in the background against `url`, stdin closed, output captured.
pub fn spawn_lcfs_db(url: &str, args: &[&str], env: &[(&str, &str)]) -> Child {
    let mut command = Command::new(env!("CARGO_BIN_EXE_lcfs-db"));
    command
        .env("DATABASE_URL", url)
        .args(args)
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    command.spawn().expect("lcfs-db starts")
}

/// Runs `sql` on `app` over and over while `run` lives, and returns the run's output and the
/// longest any one execution of `sql` took.
pub async fn longest_wait_beside(run: Child, app: &Client, sql: &str) -> (Output, Duration) {
    let waiting = run.wait_with_output();
    tokio::pin!(waiting);
    let mut longest = Duration::ZERO;
    loop {
        let started = Instant::now();
        tokio::select! {
            output = &mut waiting => return (output.expect("lcfs-db ran"), longest),
            done = app.batch_execute(sql) => {
                done.unwrap_or_else(|e| panic!("{sql}: {e}"));
                longest = longest.max(started.elapsed());
            }
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
