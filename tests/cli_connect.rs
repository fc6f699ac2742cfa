//! Reaching a database from the command line: every refusal in the server's or the system's
//! words within the connect timeout, libpq's variables and password file, the private-cluster
//! fallback only when nothing answers, and losing the race to create the database.

mod common;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::cli::{lcfs_db_env, ok, stderr, stdout};
use common::probe::applied_versions;
use common::servers::{LoginCluster, PASSWORD, block_on, connect, free_port, silent_listener};
use lcfs_db::cluster::{Cluster, ClusterOptions, connection_url};
use lcfs_db::testing::TestDatabase;

/// The stderr of a run that must fail, after checking that no output shows the password.
fn refused(env: &[(&str, &str)], args: &[&str]) -> String {
    let output = lcfs_db_env(env, args);
    let err = stderr(&output);
    assert!(!output.status.success(), "the run succeeded:\n{err}");
    assert!(!err.contains(PASSWORD) && !stdout(&output).contains(PASSWORD));
    err
}

#[test]
fn a_wrong_password_is_the_servers_words_and_never_printed() {
    let url = LoginCluster::get().tcp_url("app", Some("not-the-password"), "app");
    let err = refused(&[], &["status", "--database-url", &url]);
    assert!(
        err.contains(r#"FATAL: password authentication failed for user "app" (SQLSTATE 28P01)"#),
        "{err}"
    );
    assert!(err.contains("postgresql://app:***@127.0.0.1:"), "{err}");
    assert!(!err.contains("not-the-password"), "{err}");
}

#[test]
fn an_unknown_role_and_a_missing_database_are_named_by_the_server() {
    let server = LoginCluster::get();
    let url = server.socket_url("nobody", "app");
    let err = refused(&[], &["status", "--database-url", &url]);
    assert!(
        err.contains(r#"role "nobody" does not exist (SQLSTATE 28000)"#),
        "{err}"
    );
    let url = server.tcp_url("app", Some(PASSWORD), "nowhere");
    let err = refused(&[], &["status", "--database-url", &url]);
    assert!(
        err.contains(r#"database "nowhere" does not exist (SQLSTATE 3D000)"#),
        "{err}"
    );
}

#[test]
fn a_role_without_createdb_is_told_so_when_the_database_is_missing() {
    let url = LoginCluster::get().tcp_url("app", Some(PASSWORD), "app_new");
    let err = refused(&[], &["upgrade", "--database-url", &url]);
    assert!(
        err.contains("creating database app_new, which does not exist: ERROR: permission denied to create database (SQLSTATE 42501)"),
        "{err}"
    );
}

#[test]
fn too_many_clients_is_the_servers_words() {
    block_on(async {
        let options = ClusterOptions::new()
            .setting("max_connections", "2")
            .setting("superuser_reserved_connections", "0");
        let cluster = Cluster::ephemeral_with(&options).await.unwrap();
        // The readiness check's session may still be leaving: take both slots as they free up.
        let deadline = Instant::now() + Duration::from_secs(10);
        let mut held = Vec::new();
        while held.len() < 2 {
            match cluster
                .config("postgres")
                .connect(tokio_postgres::NoTls)
                .await
            {
                Ok((client, connection)) => {
                    tokio::spawn(connection);
                    held.push(client);
                }
                Err(_) if Instant::now() < deadline => {
                    tokio::time::sleep(Duration::from_millis(20)).await;
                }
                Err(e) => panic!("cannot fill the connection slots: {e}"),
            }
        }
        let err = refused(&[], &["status", "--database-url", &cluster.url("postgres")]);
        assert!(
            err.contains("FATAL: sorry, too many clients already (SQLSTATE 53300)"),
            "{err}"
        );
    });
}

#[test]
fn a_refused_port_and_an_unknown_host_are_the_systems_words() {
    let url = format!("postgresql://app@127.0.0.1:{}/app", free_port());
    let err = refused(&[], &["status", "--database-url", &url]);
    assert!(err.contains("Connection refused"), "{err}");
    let url = "postgresql://app@no-such-host.invalid/app";
    let err = refused(&[], &["status", "--database-url", url]);
    assert!(
        err.contains("no-such-host.invalid") && err.contains("failed to lookup address"),
        "{err}"
    );
}

#[test]
fn a_malformed_url_says_what_is_wrong_without_echoing_it() {
    let url = format!("postgresql://app:{PASSWORD}@127.0.0.1:port/app");
    let err = refused(&[], &["status", "--database-url", &url]);
    assert!(
        err.contains("not a PostgreSQL connection URL: invalid connection string: invalid value for option `port`"),
        "{err}"
    );
    let err = refused(
        &[("DATABASE_URL", "postgresql://app@[::1/app")],
        &["status"],
    );
    assert!(
        err.contains("DATABASE_URL is not a PostgreSQL connection URL"),
        "{err}"
    );
}

#[test]
fn a_silent_listener_fails_within_the_connect_timeout() {
    let (_listener, port) = silent_listener();
    let url = format!("postgresql://app@127.0.0.1:{port}/app?connect_timeout=2");
    let started = Instant::now();
    let err = refused(&[], &["status", "--database-url", &url]);
    let elapsed = started.elapsed();
    assert!(
        err.contains("no answer within 2s (connect_timeout)"),
        "{err}"
    );
    assert!(elapsed < Duration::from_secs(8), "took {elapsed:?}");
    let url = format!("postgresql://app@127.0.0.1:{port}/app");
    let err = refused(
        &[("PGCONNECT_TIMEOUT", "1")],
        &["status", "--database-url", &url],
    );
    assert!(
        err.contains("no answer within 1s (connect_timeout)"),
        "{err}"
    );
}

#[test]
fn libpq_variables_and_password_file_connect_and_the_password_never_shows() {
    let server = LoginCluster::get();
    let home = tempfile::tempdir().unwrap();
    let pgpass = home.path().join("pgpass");
    let line = format!("# LCFS\n127.0.0.1:{}:app:app:{PASSWORD}\n", server.port());
    write_private(&pgpass, &line);
    let port = server.port().to_string();
    let mut env = vec![
        ("PGHOST", "127.0.0.1"),
        ("PGPORT", port.as_str()),
        ("PGUSER", "app"),
        ("PGDATABASE", "app"),
        ("PGPASSFILE", pgpass.to_str().unwrap()),
        ("LCFS_DB_LOG", "debug"),
    ];
    let output = ok(lcfs_db_env(&env, &["status"]));
    let err = stderr(&output);
    let expected = format!(
        "database: postgresql://app:***@127.0.0.1:{port}/app (host from PGHOST, port from \
         PGPORT, user from PGUSER, database from PGDATABASE, password from {})",
        pgpass.display()
    );
    assert!(err.contains(&expected), "{err}");
    assert!(
        err.contains("DEBUG connection settings target=postgresql://app:***@"),
        "{err}"
    );
    assert!(stdout(&output).contains("current version: 0"));
    assert!(!err.contains(PASSWORD) && !stdout(&output).contains(PASSWORD));

    // ~/.pgpass, and a URL without a password completed from it.
    fs::rename(&pgpass, home.path().join(".pgpass")).unwrap();
    let home_dir = home.path().to_str().unwrap();
    env[4] = ("HOME", home_dir);
    ok(lcfs_db_env(&env, &["status"]));
    let url = server.tcp_url("app", None, "app");
    ok(lcfs_db_env(
        &[("HOME", home_dir)],
        &["status", "--database-url", &url],
    ));

    // A file others may read is ignored, with libpq's warning.
    let file = home.path().join(".pgpass");
    fs::set_permissions(&file, fs::Permissions::from_mode(0o644)).unwrap();
    let err = refused(&env, &["status"]);
    assert!(err.contains("has group or world access"), "{err}");
    assert!(err.contains("password authentication failed"), "{err}");

    // PGPASSWORD, and LCFS's own variables.
    ok(lcfs_db_env(
        &[&env[..4], &[("PGPASSWORD", PASSWORD)]].concat(),
        &["status"],
    ));
    let lcfs = [
        ("LCFS_DB_HOST", "127.0.0.1"),
        ("LCFS_DB_PORT", port.as_str()),
        ("LCFS_DB_USER", "app"),
        ("LCFS_DB_PASS", PASSWORD),
        ("LCFS_DB_BASE", "app"),
    ];
    let output = ok(lcfs_db_env(&lcfs, &["status"]));
    assert!(!stderr(&output).contains(PASSWORD) && !stdout(&output).contains(PASSWORD));
}

#[test]
fn with_nothing_configured_and_nothing_answering_the_private_cluster_serves() {
    let dir = cluster_parent();
    let cluster_dir = dir.path().join("cluster");
    let address = format!("127.0.0.1:{}", free_port());
    let env = [
        ("LCFS_DB_DEFAULT_ADDRESS", address.as_str()),
        ("LCFS_DB_CLUSTER_DIR", cluster_dir.to_str().unwrap()),
    ];
    let _stop = StopCluster(&env);
    let first = ok(lcfs_db_env(&env, &["upgrade", "2"]));
    let err = stderr(&first);
    let nobody =
        format!("nothing answers at postgresql://lcfs:***@{address}/lcfs (Connection refused");
    assert!(err.contains(&nobody), "{err}");
    let used = format!(
        "(the private cluster in {}, started now; it keeps running until `lcfs-db cluster stop`)",
        cluster_dir.display()
    );
    assert!(
        err.contains("database: postgresql://postgres@") && err.contains(&used),
        "{err}"
    );

    let again = ok(lcfs_db_env(&env, &["status"]));
    assert!(
        stderr(&again).contains("already running"),
        "{}",
        stderr(&again)
    );
    assert!(stdout(&again).contains("current version: 2"));
    let status = stdout(&ok(lcfs_db_env(&env, &["cluster", "status"])));
    assert!(status.starts_with("running: pid "), "{status}");
    let url = stdout(&ok(lcfs_db_env(&env, &["cluster", "url"])));
    let config: tokio_postgres::Config = url.trim().parse().unwrap();
    let versions = block_on(async { applied_versions(&connect(&config).await).await });
    assert_eq!(versions, [1, 2]);

    let stopped = stdout(&ok(lcfs_db_env(&env, &["cluster", "stop"])));
    assert!(
        stopped.starts_with("stopped the private cluster"),
        "{stopped}"
    );
    let status = stdout(&ok(lcfs_db_env(&env, &["cluster", "status"])));
    assert!(status.starts_with("not running (data in "), "{status}");
    let err = refused(&env, &["cluster", "url"]);
    assert!(err.contains("is not running"), "{err}");
}

#[test]
fn a_server_that_answers_and_refuses_is_an_error_not_a_fallback() {
    let dir = cluster_parent();
    let cluster_dir = dir.path().join("cluster");
    let address = format!("127.0.0.1:{}", LoginCluster::get().port());
    let mut env = vec![
        ("LCFS_DB_DEFAULT_ADDRESS", address.as_str()),
        ("LCFS_DB_CLUSTER_DIR", cluster_dir.to_str().unwrap()),
    ];
    let err = refused(&env, &["upgrade"]);
    assert!(
        err.contains(r#"password authentication failed for user "lcfs" (SQLSTATE 28P01)"#),
        "{err}"
    );
    assert!(
        !err.contains("private cluster") && !err.contains("development_only"),
        "{err}"
    );
    assert!(!cluster_dir.exists());

    // Something that accepts connections and stays silent answered too.
    let (_listener, port) = silent_listener();
    let silent = format!("127.0.0.1:{port}");
    env[0].1 = &silent;
    env.push(("PGCONNECT_TIMEOUT", "1"));
    let err = refused(&env, &["status"]);
    assert!(err.contains("no answer within 1s"), "{err}");
    assert!(!cluster_dir.exists());
}

#[test]
fn asked_for_by_name_the_private_cluster_serves_whatever_answers_elsewhere() {
    let dir = cluster_parent();
    let cluster_dir = dir.path().join("cluster");
    // A server answers at the default address and refuses LCFS's role: without the flag that is
    // an error (above); with it, the private cluster serves.
    let address = format!("127.0.0.1:{}", LoginCluster::get().port());
    let env = [
        ("LCFS_DB_DEFAULT_ADDRESS", address.as_str()),
        ("LCFS_DB_CLUSTER_DIR", cluster_dir.to_str().unwrap()),
    ];
    let _stop = StopCluster(&env);
    let upgraded = ok(lcfs_db_env(&env, &["upgrade", "2", "--private-cluster"]));
    let err = stderr(&upgraded);
    assert!(
        err.contains(&format!(
            "(the private cluster in {}, started now;",
            cluster_dir.display()
        )),
        "{err}"
    );
    let by_variable: Vec<(&str, &str)> = env
        .iter()
        .copied()
        .chain([("LCFS_DB_PRIVATE_CLUSTER", "1")])
        .collect();
    let status = ok(lcfs_db_env(&by_variable, &["status"]));
    assert!(
        stdout(&status).contains("current version: 2"),
        "{}",
        stdout(&status)
    );
    let both = refused(
        &env,
        &[
            "status",
            "--private-cluster",
            "--database-url",
            "postgres://x@y/z",
        ],
    );
    assert!(
        both.contains("--private-cluster") && both.contains("cannot be used with"),
        "{both}"
    );
}

#[lcfs_db::test(empty)]
async fn sixteen_upgrades_on_a_missing_database_all_succeed(db: TestDatabase) {
    let name = format!("lcfs_db_race_{}", std::process::id());
    let mut config = db.config().clone();
    config.dbname(&name);
    let url = connection_url(&config);
    let runs: Vec<_> = (0..16)
        .map(|_| {
            Command::new(env!("CARGO_BIN_EXE_lcfs-db"))
                .args(["upgrade", "--database-url", &url])
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let (mut applied, mut created) = (0, 0);
    for run in runs {
        let output = run.wait_with_output().unwrap();
        let (out, err) = (stdout(&output), stderr(&output));
        assert!(output.status.success(), "{out}{err}");
        created += err.matches("created database").count();
        let count = out
            .split(" (")
            .nth(1)
            .and_then(|rest| rest.split(' ').next());
        applied += count.and_then(|n| n.parse::<usize>().ok()).expect(&out);
    }
    let head = lcfs_db::migrations().len();
    assert_eq!((created, applied), (1, head));
    let versions = applied_versions(&connect(&config).await).await;
    assert_eq!(versions, (1..=head as i32).collect::<Vec<_>>());
    db.batch_execute(&format!("DROP DATABASE {name} WITH (FORCE)"))
        .await
        .unwrap();
}

/// A folder for a private cluster that the server's account may enter.
fn cluster_parent() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    dir
}

fn write_private(path: &Path, text: &str) {
    fs::write(path, text).unwrap();
    fs::set_permissions(path, fs::Permissions::from_mode(0o600)).unwrap();
}

/// Stops the private cluster of a test however the test ends.
struct StopCluster<'a>(&'a [(&'a str, &'a str)]);

impl Drop for StopCluster<'_> {
    fn drop(&mut self) {
        let _ = lcfs_db_env(self.0, &["cluster", "stop"]);
    }
}

/// A database name with quotes and an escape sequence prints as the `database:` line prints it,
/// wherever it is printed: when created, and in the server's words when it is missing.
#[lcfs_db::test(empty)]
async fn a_database_name_prints_as_the_database_line_prints_it(db: TestDatabase) {
    let name = format!("lcfs_db_odd_{} \"q\"'\u{1b}[31m", std::process::id());
    let mut config = db.config().clone();
    config.dbname(&name);
    let url = connection_url(&config);
    let shown = lcfs_db::connection::display_name(&name);

    let missing = lcfs_db_env(&[("DATABASE_URL", &url)], &["status"]);
    assert!(!missing.status.success());
    let err = stderr(&missing);
    assert!(
        !err.contains('\u{1b}'),
        "an escape reached the terminal: {err:?}"
    );
    assert!(err.contains("\\u{1b}[31m"), "{err}");

    let created = lcfs_db_env(&[("DATABASE_URL", &url)], &["upgrade", "1"]);
    let err = stderr(&created);
    db.batch_execute(&format!(
        "DROP DATABASE \"{}\" WITH (FORCE)",
        name.replace('"', "\"\"")
    ))
    .await
    .unwrap();
    assert!(created.status.success(), "{err}");
    assert!(
        !err.contains('\u{1b}'),
        "an escape reached the terminal: {err:?}"
    );
    assert!(
        err.contains(&format!("created database {shown}\n")),
        "{err}"
    );
    assert!(
        err.contains(&format!("/{shown} (")),
        "the database: line: {err}"
    );
}
