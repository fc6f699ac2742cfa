//! Both servers the harness can use, each proven in a test process of its own (the server is
//! chosen once per process): the one `TEST_DATABASE_URL` names, and the private cluster.

use std::path::Path;
use std::process::{Command, Output};

use lcfs_db::testing::TestDatabase;
use tokio_postgres::NoTls;

/// Set in the child processes, which run the probes below.
const PROBE: &str = "LCFS_DB_TEST_PROBE";
const EXTERNAL: &str = "postgresql://postgres@127.0.0.1:5432/postgres";

#[lcfs_db::test(empty)]
#[ignore = "runs only in the child processes of the tests below"]
async fn probe(db: TestDatabase) {
    if std::env::var_os(PROBE).is_none() {
        return;
    }
    let pid: i32 = db
        .query_one("SELECT pg_backend_pid()", &[])
        .await
        .unwrap()
        .get(0);
    println!("PROBE {} {pid}", db.url());
    if std::env::var(PROBE).unwrap() == "fail" {
        panic!("this probe fails on purpose");
    }
}

/// Runs `probe` in a child process with the given server variables.
fn run_probe(mode: &str, url: Option<&str>) -> (Output, String) {
    let mut command = Command::new(std::env::current_exe().unwrap());
    command
        .args([
            "--exact",
            "probe",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(PROBE, mode)
        .env_remove("TEST_DATABASE_URL")
        .env_remove("DATABASE_URL");
    if let Some(url) = url {
        command.env("TEST_DATABASE_URL", url);
    }
    let output = command.output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let url = stdout
        .lines()
        .find_map(|line| line.split_once("PROBE ").map(|(_, rest)| rest))
        .unwrap_or_else(|| {
            panic!(
                "the probe ran: {stdout}\n{}",
                String::from_utf8_lossy(&output.stderr)
            )
        })
        .split(' ')
        .next()
        .unwrap()
        .to_owned();
    (output, url)
}

async fn database_exists(name: &str) -> bool {
    let (client, connection) = tokio_postgres::connect(EXTERNAL, NoTls).await.unwrap();
    tokio::spawn(connection);
    let row = client
        .query_one(
            "SELECT count(*) FROM pg_database WHERE datname = $1",
            &[&name],
        )
        .await
        .unwrap();
    row.get::<_, i64>(0) == 1
}

#[tokio::test]
async fn test_database_url_names_the_server() {
    let (output, url) = run_probe("pass", Some(EXTERNAL));
    assert!(output.status.success());
    assert!(
        url.starts_with("postgresql://postgres@127.0.0.1:5432/lcfs_test_"),
        "{url}"
    );
    let name = url.rsplit('/').next().unwrap();
    assert!(
        !database_exists(name).await,
        "the passing probe's database is dropped"
    );
}

#[tokio::test]
async fn a_failed_test_keeps_its_database() {
    let (output, url) = run_probe("fail", Some(EXTERNAL));
    assert!(!output.status.success());
    let name = url.rsplit('/').next().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!(
            "kept the test database {name} for inspection: {url}"
        )),
        "{stderr}"
    );
    assert!(
        database_exists(name).await,
        "the failed probe's database is kept"
    );
    let (client, connection) = tokio_postgres::connect(EXTERNAL, NoTls).await.unwrap();
    tokio::spawn(connection);
    client
        .batch_execute(&format!("DROP DATABASE \"{name}\""))
        .await
        .unwrap();
}

#[tokio::test]
async fn without_a_url_a_private_cluster_serves_and_goes() {
    let (output, url) = run_probe("pass", None);
    assert!(output.status.success());
    // postgresql://postgres@%2Fdev%2Fshm%2Flcfs-db-cluster-<pid>-0:<port>/lcfs_test_...
    let host = url
        .strip_prefix("postgresql://postgres@")
        .and_then(|rest| rest.split(':').next())
        .unwrap()
        .replace("%2F", "/");
    assert!(
        host.contains("/lcfs-db-cluster-"),
        "a private cluster's socket folder: {url}"
    );
    assert!(
        !Path::new(&host).exists(),
        "the cluster's folder is removed at exit: {host}"
    );
}
