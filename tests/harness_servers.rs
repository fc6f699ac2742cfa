//! The servers the harness can use, each proven in a test process of its own (the server is
//! chosen once per process): the one `TEST_DATABASE_URL` names, else the private cluster, which
//! `DATABASE_URL` never replaces. And what each run leaves: nothing after passing tests, a failed
//! test's database reachable after the process exits, and nothing of a killed process once the
//! next one has started.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use lcfs_db::testing::TestDatabase;
use tokio_postgres::{Client, NoTls};

/// Set in the child processes, which run the probe below: `pass`, `fail` or `hang`.
const PROBE: &str = "LCFS_DB_TEST_PROBE";
const EXTERNAL: &str = "postgresql://postgres@127.0.0.1:5432/postgres";

#[lcfs_db::test(empty)]
#[ignore = "runs only in the child processes of the tests below"]
async fn probe(db: TestDatabase) {
    let Ok(mode) = std::env::var(PROBE) else {
        return;
    };
    if mode == "hang" {
        TestDatabase::builder().empty().warm_up().await.unwrap();
    }
    let pid: i32 = db
        .query_one("SELECT pg_backend_pid()", &[])
        .await
        .unwrap()
        .get(0);
    println!("PROBE {} {pid}", db.url());
    match mode.as_str() {
        "fail" => panic!("this probe fails on purpose"),
        "hang" => std::future::pending().await,
        _ => {}
    }
}

/// The probe in a child process, with only the given server and pool variables.
fn probe_command(mode: &str, env: &[(&str, &str)]) -> Command {
    let mut command = Command::new(std::env::current_exe().unwrap());
    command
        .args(["--exact", "probe", "--ignored", "--nocapture"])
        .args(["--test-threads=1"])
        .env(PROBE, mode)
        .env_remove("TEST_DATABASE_URL")
        .env_remove("DATABASE_URL")
        .env_remove("LCFS_DB_TEST_POOL")
        .envs(env.iter().copied());
    command
}

/// Runs the probe to its end: its output and the URL of its database.
fn run_probe(mode: &str, env: &[(&str, &str)]) -> (Output, String) {
    let output = probe_command(mode, env).output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let url = probe_url(stdout.lines()).unwrap_or_else(|| {
        panic!(
            "the probe ran: {stdout}\n{}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    (output, url)
}

fn probe_url<S: AsRef<str>>(mut lines: impl Iterator<Item = S>) -> Option<String> {
    lines.find_map(|line| {
        let rest = line.as_ref().split_once("PROBE ")?.1;
        Some(rest.split(' ').next()?.to_owned())
    })
}

fn database_of(url: &str) -> &str {
    url.rsplit('/').next().unwrap()
}

/// `lcfs_test_<token>_`: every database of the process that made `database`.
fn process_prefix(database: &str) -> String {
    let token = database
        .strip_prefix("lcfs_test_")
        .unwrap()
        .split('_')
        .next();
    format!("lcfs_test_{}_", token.unwrap())
}

async fn connect(url: &str) -> Client {
    let (client, connection) = tokio_postgres::connect(url, NoTls).await.expect(url);
    tokio::spawn(connection);
    client
}

/// The databases on the external server whose names start with `prefix`.
async fn databases_like(prefix: &str) -> Vec<String> {
    let rows = connect(EXTERNAL)
        .await
        .query(
            "SELECT datname::text FROM pg_database WHERE starts_with(datname, $1)",
            &[&prefix],
        )
        .await
        .unwrap();
    rows.iter().map(|row| row.get(0)).collect()
}

#[tokio::test]
async fn test_database_url_names_the_server_and_nothing_is_left() {
    let (output, url) = run_probe(
        "pass",
        &[("TEST_DATABASE_URL", EXTERNAL), ("LCFS_DB_TEST_POOL", "3")],
    );
    assert!(output.status.success());
    assert!(
        url.starts_with("postgresql://postgres@127.0.0.1:5432/lcfs_test_"),
        "{url}"
    );
    let prefix = process_prefix(database_of(&url));
    assert_eq!(
        databases_like(&prefix).await,
        Vec::<String>::new(),
        "neither the passing probe's database nor its pool's clones outlive the process"
    );
}

#[tokio::test]
async fn database_url_alone_gives_a_private_cluster() {
    let (output, url) = run_probe("pass", &[("DATABASE_URL", EXTERNAL)]);
    assert!(output.status.success());
    assert!(url.contains("lcfs-db-cluster-"), "a private cluster: {url}");
}

#[tokio::test]
async fn a_failed_test_keeps_its_database() {
    let (output, url) = run_probe("fail", &[("TEST_DATABASE_URL", EXTERNAL)]);
    assert!(!output.status.success());
    let name = database_of(&url);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!(
            "kept the test database {name} for inspection: {url}"
        )),
        "{stderr}"
    );
    // Another process starting on the server sweeps dead processes' databases, not kept ones.
    let (next, _) = run_probe("pass", &[("TEST_DATABASE_URL", EXTERNAL)]);
    assert!(next.status.success());
    assert_eq!(
        databases_like(name).await,
        [name],
        "the failed probe's database is kept"
    );
    let admin = connect(EXTERNAL).await;
    let comment: String = admin
        .query_one(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = $1",
            &[&name],
        )
        .await
        .unwrap()
        .get(0);
    assert!(comment.contains("probe failed"), "{comment}");
    admin
        .batch_execute(&format!("DROP DATABASE \"{name}\""))
        .await
        .unwrap();
}

#[tokio::test]
async fn a_killed_process_leaves_nothing_once_the_next_one_starts() {
    let env = [("TEST_DATABASE_URL", EXTERNAL), ("LCFS_DB_TEST_POOL", "2")];
    let mut child = probe_command("hang", &env)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let url = probe_url(lines.map_while(Result::ok)).expect("the probe announces its database");
    let prefix = process_prefix(database_of(&url));
    child.kill().unwrap(); // SIGKILL: no exit handler runs
    child.wait().unwrap();
    let left = databases_like(&prefix).await;
    assert!(
        left.len() >= 3,
        "its database and a full pool are left: {left:?}"
    );
    wait_until_disconnected(&prefix).await;

    let (next, _) = run_probe("pass", &[("TEST_DATABASE_URL", EXTERNAL)]);
    assert!(next.status.success());
    assert_eq!(
        databases_like(&prefix).await,
        Vec::<String>::new(),
        "the next process removed the killed one's databases"
    );
}

/// Waits until the server has noticed a killed process's sessions are gone.
async fn wait_until_disconnected(prefix: &str) {
    let admin = connect(EXTERNAL).await;
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let sessions: i64 = admin
            .query_one(
                "SELECT count(*) FROM pg_stat_activity WHERE starts_with(datname, $1)",
                &[&prefix],
            )
            .await
            .unwrap()
            .get(0);
        if sessions == 0 || Instant::now() > deadline {
            return;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn without_a_url_a_private_cluster_serves_and_goes() {
    let (output, url) = run_probe("pass", &[]);
    assert!(output.status.success());
    let folder = socket_folder(&url);
    assert!(
        folder.contains("/lcfs-db-cluster-"),
        "a private cluster's socket folder: {url}"
    );
    assert!(
        !Path::new(&folder).exists(),
        "the cluster's folder is removed at exit: {folder}"
    );
}

/// `postgresql://postgres@%2Fdev%2Fshm%2Flcfs-db-cluster-<pid>-0:<port>/db` → the folder.
fn socket_folder(url: &str) -> String {
    url.strip_prefix("postgresql://postgres@")
        .and_then(|rest| rest.split(':').next())
        .unwrap()
        .replace("%2F", "/")
}

#[tokio::test]
async fn a_failed_test_keeps_the_private_cluster_running() {
    let (output, url) = run_probe("fail", &[]);
    assert!(!output.status.success());
    let name = database_of(&url);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let kept_url = stderr
        .lines()
        .find_map(|line| line.trim().strip_prefix("psql '")?.split('\'').next())
        .unwrap_or_else(|| panic!("a psql command for the kept database: {stderr}"));
    let stop = stderr
        .lines()
        .map(str::trim)
        .find(|line| line.starts_with("kill "))
        .unwrap_or_else(|| panic!("a command that stops the cluster: {stderr}"));
    let kept_folder = socket_folder(kept_url);
    let _stop_even_if_this_test_fails = Stop(stop.to_owned(), kept_folder.clone());
    assert!(kept_folder.contains("/lcfs-db-kept-"), "{kept_url}");
    assert!(
        !Path::new(&socket_folder(&url)).exists(),
        "moved away from the leftover sweep"
    );

    let kept = connect(kept_url).await;
    let row = kept
        .query_one(
            "SELECT current_database()::text, shobj_description(oid, 'pg_database') \
             FROM pg_database WHERE datname = current_database()",
            &[],
        )
        .await
        .unwrap();
    assert_eq!(row.get::<_, String>(0), name);
    assert!(row.get::<_, String>(1).contains("probe failed"));

    let status = Command::new("sh").args(["-c", stop]).status().unwrap();
    assert!(status.success(), "{stop}");
    assert!(
        !Path::new(&kept_folder).exists(),
        "{stop} removes {kept_folder}"
    );
    let deadline = Instant::now() + Duration::from_secs(10);
    while kept.query_one("SELECT 1", &[]).await.is_ok() {
        assert!(Instant::now() < deadline, "{stop} stops the server");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Runs a cluster's stop command when dropped, unless its folder is gone.
struct Stop(String, String);

impl Drop for Stop {
    fn drop(&mut self) {
        if Path::new(&self.1).exists() {
            let _ = Command::new("sh").args(["-c", &self.0]).status();
        }
    }
}
