//! Running the real `lcfs-db` binary and `migrate.sh` against a test database.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The checkout, for `migrate.sh` and the shared reference beside it.
pub fn checkout() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the binary with `args` against `url` (as `DATABASE_URL`, which every command that
/// touches a database reads), stdin closed (no terminal).
pub fn lcfs_db(url: &str, args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_lcfs-db"));
    command.env("DATABASE_URL", url).args(args);
    run(command)
}

/// The variables that choose a database or supply a password, cleared by [`lcfs_db_env`].
pub const CONNECTION_VARIABLES: &[&str] = &[
    "DATABASE_URL",
    "LCFS_DB_HOST",
    "LCFS_DB_PORT",
    "LCFS_DB_USER",
    "LCFS_DB_PASS",
    "LCFS_DB_BASE",
    "LCFS_DB_DEFAULT_ADDRESS",
    "LCFS_DB_CLUSTER_DIR",
    "PGHOST",
    "PGPORT",
    "PGUSER",
    "PGPASSWORD",
    "PGDATABASE",
    "PGPASSFILE",
    "PGCONNECT_TIMEOUT",
];

/// Runs the binary with `args`, stdin closed, and of the connection variables only those in
/// `env`; `HOME` points nowhere unless `env` sets it, so this machine's `~/.pgpass` stays out.
pub fn lcfs_db_env(env: &[(&str, &str)], args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_lcfs-db"));
    for name in CONNECTION_VARIABLES {
        command.env_remove(name);
    }
    command
        .env("HOME", "/nonexistent")
        .envs(env.iter().copied())
        .args(args);
    run(command)
}

/// Runs `migrate.sh` with `args`, pointed at `url` and at the binary cargo built for the tests.
pub fn migrate_sh(url: &str, args: &[&str], env: &[(&str, &Path)]) -> Output {
    let mut command = Command::new(checkout().join("migrate.sh"));
    command
        .args(args)
        .env("DATABASE_URL", url)
        .env("LCFS_DB_BIN", env!("CARGO_BIN_EXE_lcfs-db"));
    for (name, value) in env {
        command.env(name, value);
    }
    run(command)
}

fn run(mut command: Command) -> Output {
    command
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("cannot run {command:?}: {e}"))
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Asserts success, showing both streams when it failed.
pub fn ok(output: Output) -> Output {
    assert!(
        output.status.success(),
        "exit {:?}\nstdout:\n{}\nstderr:\n{}",
        output.status.code(),
        stdout(&output),
        stderr(&output)
    );
    output
}

/// The database's catalog as `lcfs-db check` reads it, one object a line.
pub async fn catalog(url: &str) -> String {
    let (client, connection) = tokio_postgres::connect(url, tokio_postgres::NoTls)
        .await
        .unwrap_or_else(|e| panic!("connecting to {url}: {e}"));
    let connection = tokio::spawn(connection);
    let catalog = lcfs_db::catalog::read_in_transaction(&client)
        .await
        .unwrap_or_else(|e| panic!("reading the catalog of {url}: {e}"));
    drop(client);
    let _ = connection.await;
    catalog.to_snapshot()
}
