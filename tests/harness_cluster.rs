//! The private cluster: started from the server binaries, reachable on its socket, gone after.

use std::path::Path;

use lcfs_db::cluster::Cluster;
use tokio_postgres::NoTls;

#[tokio::test]
async fn ephemeral_cluster_runs_queries_and_is_gone_after_stop() {
    let cluster = Cluster::ephemeral().await.expect("ephemeral cluster");
    let dir = cluster.dir().to_path_buf();
    let pid = cluster.pid().expect("a server process");
    assert!(dir.starts_with("/dev/shm") || dir.starts_with(std::env::temp_dir()));
    assert!(
        dir.file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .contains(&std::process::id().to_string()),
        "the folder is named after this process: {}",
        dir.display()
    );

    let (client, connection) = cluster.config("postgres").connect(NoTls).await.unwrap();
    let connection = tokio::spawn(connection);
    let row = client
        .query_one(
            "SELECT current_setting('fsync'), current_setting('listen_addresses'), \
             current_setting('full_page_writes'), current_user::text",
            &[],
        )
        .await
        .unwrap();
    let settings: (String, String, String, String) =
        (row.get(0), row.get(1), row.get(2), row.get(3));
    assert_eq!(
        settings,
        ("off".into(), "".into(), "off".into(), "postgres".into())
    );
    drop(client);
    let _ = connection.await;

    cluster.stop().expect("stop");
    assert!(!dir.exists(), "{} is removed", dir.display());
    assert!(!process_exists(pid), "postgres {pid} is gone");
}

#[tokio::test]
async fn dropping_an_ephemeral_cluster_stops_it() {
    let cluster = Cluster::ephemeral().await.expect("ephemeral cluster");
    let (dir, pid) = (cluster.dir().to_path_buf(), cluster.pid().unwrap());
    let url = cluster.url("postgres");
    let (client, connection) = tokio_postgres::connect(&url, NoTls).await.expect(&url);
    tokio::spawn(connection);
    assert_eq!(
        client
            .query_one("SELECT 1", &[])
            .await
            .unwrap()
            .get::<_, i32>(0),
        1
    );
    drop(cluster);
    assert!(!dir.exists());
    assert!(!process_exists(pid));
    assert!(
        client.query_one("SELECT 1", &[]).await.is_err(),
        "the server is gone"
    );
}

/// A zombie counts as gone: in a container without an init process nobody reaps orphans.
fn process_exists(pid: i32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/status")).is_ok_and(|status| {
        status
            .lines()
            .find_map(|line| line.strip_prefix("State:"))
            .is_some_and(|state| !state.trim_start().starts_with('Z'))
    })
}

/// Set in the child process of `a_killed_process_takes_its_cluster_along`.
const CHILD: &str = "LCFS_DB_TEST_CLUSTER_CHILD";

#[tokio::test]
#[ignore = "runs only as the child process of a_killed_process_takes_its_cluster_along"]
async fn child_holds_a_cluster_until_killed() {
    if std::env::var_os(CHILD).is_none() {
        return;
    }
    let cluster = Cluster::ephemeral().await.expect("ephemeral cluster");
    println!(
        "CLUSTER {} {}",
        cluster.pid().unwrap(),
        cluster.dir().display()
    );
    std::future::pending::<()>().await;
}

#[tokio::test]
async fn a_killed_process_takes_its_cluster_along() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};

    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "child_holds_a_cluster_until_killed",
            "--ignored",
            "--nocapture",
        ])
        .env(CHILD, "1")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let announced = BufReader::new(child.stdout.take().unwrap())
        .lines()
        .map_while(Result::ok)
        .find_map(|line| line.strip_prefix("CLUSTER ").map(str::to_owned))
        .expect("the child announces its cluster");
    let (pid, dir) = announced.split_once(' ').unwrap();
    let (pid, dir): (i32, &Path) = (pid.parse().unwrap(), Path::new(dir));
    assert!(process_exists(pid));

    child.kill().unwrap(); // SIGKILL: no destructor, no exit handler runs
    child.wait().unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while process_exists(pid) && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(
        !process_exists(pid),
        "postgres {pid} died with the process that started it"
    );
    // A killed process leaves its folder behind; the next start anywhere (maybe another test
    // of this binary, running concurrently) removes it.
    let next = Cluster::ephemeral().await.expect("ephemeral cluster");
    assert!(
        !dir.exists(),
        "the next start removes {} of a dead process",
        dir.display()
    );
    next.stop().unwrap();
}

#[tokio::test]
async fn persistent_cluster_is_reused_and_keeps_its_data() {
    // Where the command line would keep it: the checkout may lie in a folder only its owner may
    // enter, which the server's account (as root, `postgres`) cannot.
    let wanted = Path::new(env!("CARGO_TARGET_TMPDIR")).join("lcfs-db-persistent-cluster-test");
    let dir = lcfs_db::cluster::reachable_dir(&wanted).expect("a folder the server can reach");
    let _ = std::fs::remove_dir_all(&dir);

    let first = Cluster::persistent(&dir).await.expect("persistent cluster");
    let pid = first.pid().unwrap();
    assert!(!first.is_ephemeral());
    query(
        &first,
        "CREATE TABLE kept (x int); INSERT INTO kept VALUES (42)",
    )
    .await;
    drop(first);
    assert!(
        process_exists(pid),
        "a persistent cluster keeps running when dropped"
    );

    let again = Cluster::persistent(&dir).await.expect("reuse");
    assert_eq!(again.pid(), Some(pid), "the running server is reused");
    again.stop().expect("stop");
    assert!(!process_exists(pid), "stop shuts the server down");
    assert!(dir.join("data/PG_VERSION").exists(), "stop keeps the data");

    let restarted = Cluster::persistent(&dir).await.expect("restart");
    assert_ne!(restarted.pid(), Some(pid));
    let (client, connection) = restarted.config("postgres").connect(NoTls).await.unwrap();
    tokio::spawn(connection);
    let kept: i32 = client
        .query_one("SELECT x FROM kept", &[])
        .await
        .unwrap()
        .get(0);
    assert_eq!(kept, 42);
    restarted.stop().unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
}

async fn query(cluster: &Cluster, sql: &str) {
    let (client, connection) = cluster.config("postgres").connect(NoTls).await.unwrap();
    let connection = tokio::spawn(connection);
    client.batch_execute(sql).await.unwrap();
    drop(client);
    let _ = connection.await;
}
