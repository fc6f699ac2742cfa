//! Nobody but the server's account and root reaches a private or test cluster: its folders and
//! socket are closed (0700), nothing is made under a guessable name in a shared folder, and a
//! symlink or another user's folder where the cluster should go is refused.

mod common;

use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};
use std::path::Path;
use std::process::{Command, Output};

use common::os_user::{OsUser, nobody};
use common::require;
use lcfs_db::cluster::Cluster;
use lcfs_db::testing::TestDatabase;

/// psql as `user` (or as this process) to the server at `host`:`port`, as superuser `postgres`.
fn psql(user: Option<&OsUser>, host: &str, port: u16) -> Output {
    let psql = require::program("psql", "postgresql-client").expect("psql is installed");
    let mut command = match user {
        Some(user) => user.command(&psql),
        None => Command::new(&psql),
    };
    command
        .args(["-X", "-w", "-At", "-h", host, "-p", &port.to_string()])
        .args([
            "-U",
            "postgres",
            "-d",
            "postgres",
            "-c",
            "SELECT current_user",
        ])
        .output()
        .expect("running psql")
}

/// Root gets in (the check below can fail for the right reason only); `nobody` does not, over
/// the socket nor over TCP.
fn assert_only_root_gets_in(user: &OsUser, socket_dir: &Path, port: u16) {
    let host = socket_dir.to_str().unwrap();
    let mine = psql(None, host, port);
    assert!(mine.status.success(), "{mine:?}");
    for host in [host, "127.0.0.1"] {
        let theirs = psql(Some(user), host, port);
        let err = String::from_utf8_lossy(&theirs.stderr);
        assert!(
            !theirs.status.success()
                && !String::from_utf8_lossy(&theirs.stdout).contains("postgres"),
            "{} reached the cluster at {host}:{port}: {theirs:?}",
            user.name
        );
        assert!(
            err.contains("Permission denied") || err.contains("Connection refused"),
            "{err}"
        );
    }
}

/// The folder is the server account's (`postgres` for root) and closed to everyone else.
fn assert_closed(dir: &Path) {
    let meta = std::fs::symlink_metadata(dir).unwrap();
    assert!(meta.is_dir(), "{}", dir.display());
    assert_eq!(meta.mode() & 0o777, 0o700, "mode of {}", dir.display());
    let server_uid = match unsafe { libc::geteuid() } {
        0 => std::fs::metadata(dir.join("data"))
            .map(|m| m.uid())
            .unwrap_or(meta.uid()),
        me => me,
    };
    assert_eq!(meta.uid(), server_uid, "owner of {}", dir.display());
}

#[lcfs_db::test]
async fn another_os_user_cannot_reach_a_test_cluster(db: TestDatabase) {
    if std::env::var_os("TEST_DATABASE_URL").is_some_and(|url| !url.is_empty()) {
        require::skip("the tests run on TEST_DATABASE_URL, not on a private cluster");
        return;
    }
    let Some(user) = nobody() else { return };
    let row = db
        .query_one(
            "SELECT current_setting('unix_socket_directories'), current_setting('port')::int",
            &[],
        )
        .await
        .unwrap();
    let (socket_dir, port): (String, i32) = (row.get(0), row.get(1));
    assert_only_root_gets_in(&user, Path::new(&socket_dir), port as u16);
    assert_closed(Path::new(&socket_dir));
}

#[tokio::test]
async fn another_os_user_cannot_reach_a_private_cluster() {
    let Some(user) = nobody() else { return };
    let parent = open_folder();
    let dir = parent.path().join("cluster");
    let cluster = Cluster::persistent(&dir).await.expect("private cluster");
    let reached = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        assert_only_root_gets_in(&user, cluster.socket_dir(), cluster.port());
        assert_closed(&dir);
    }));
    cluster.stop().unwrap();
    reached.unwrap();
}

#[tokio::test]
async fn a_long_path_puts_the_socket_in_a_new_closed_folder_each_start() {
    let Some(user) = nobody() else { return };
    let parent = open_folder();
    let dir = parent.path().join(
        "a-cluster-folder-whose-path-is-much-too-long-to-fit-in-a-unix-socket-address-of-108-bytes",
    );
    let first = Cluster::persistent(&dir).await.expect("private cluster");
    let socket_dir = first.socket_dir().to_path_buf();
    assert!(socket_dir.starts_with("/tmp"), "{}", socket_dir.display());
    let reached = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        assert_only_root_gets_in(&user, &socket_dir, first.port());
        assert_closed(&socket_dir);
    }));
    first.stop().unwrap();
    reached.unwrap();
    assert!(
        !socket_dir.exists(),
        "stop removes {}",
        socket_dir.display()
    );

    let again = Cluster::persistent(&dir).await.expect("restart");
    assert_ne!(
        again.socket_dir(),
        socket_dir,
        "the socket folder's name follows from nothing another user could know"
    );
    again.stop().unwrap();
}

#[tokio::test]
async fn a_symlink_or_another_users_folder_is_refused() {
    let parent = open_folder();
    let target = parent.path().join("elsewhere");
    std::fs::create_dir(&target).unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o777)).unwrap();
    let link = parent.path().join("cluster");
    symlink(&target, &link).unwrap();
    let err = match Cluster::persistent(&link).await {
        Ok(cluster) => {
            cluster.stop().unwrap();
            panic!("a cluster started through the symlink {}", link.display());
        }
        Err(error) => error.to_string(),
    };
    assert!(
        err.contains(&format!("{} is a symbolic link", link.display())),
        "{err}"
    );
    let kept = std::fs::metadata(&target).unwrap();
    assert_eq!(
        kept.mode() & 0o777,
        0o777,
        "the link's target is left alone"
    );
    assert_eq!(kept.uid(), unsafe { libc::geteuid() });

    let Some(user) = nobody() else { return };
    let theirs = parent.path().join("theirs");
    std::fs::create_dir(&theirs).unwrap();
    std::fs::File::create(theirs.join("planted")).unwrap();
    std::fs::set_permissions(&theirs, std::fs::Permissions::from_mode(0o777)).unwrap();
    user.give(&theirs);
    let err = match Cluster::persistent(&theirs).await {
        Ok(cluster) => {
            cluster.stop().unwrap();
            panic!(
                "a cluster started in another user's folder {}",
                theirs.display()
            );
        }
        Err(error) => error.to_string(),
    };
    assert!(
        err.contains(&format!("{} belongs to uid {}", theirs.display(), user.uid)),
        "{err}"
    );
    assert_eq!(std::fs::metadata(&theirs).unwrap().mode() & 0o777, 0o777);
}

#[tokio::test]
async fn a_look_alike_leftover_of_another_user_is_left_alone() {
    let Some(user) = nobody() else { return };
    // A process that is gone, and one that lives: the look-alike claims to be the dead one's
    // cluster and names the live one as its server.
    let mut dead = Command::new("true").spawn().unwrap();
    dead.wait().unwrap();
    let shm = Path::new("/dev/shm");
    if !shm.is_dir() {
        require::skip("no /dev/shm");
        return;
    }
    let mut alive = Command::new("sleep").arg("60").spawn().unwrap();
    let fake = shm.join(format!("lcfs-db-cluster-{}-0-planted", dead.id()));
    std::fs::create_dir_all(fake.join("data")).unwrap();
    std::fs::write(
        fake.join("data/postmaster.pid"),
        format!("{}\n/x\n0\n5432\n/tmp\n", alive.id()),
    )
    .unwrap();
    user.give(&fake);

    let cluster = Cluster::ephemeral().await.expect("ephemeral cluster");
    cluster.stop().unwrap();
    let survived = alive.try_wait().unwrap().is_none();
    let _ = alive.kill();
    let _ = alive.wait();
    let kept = fake.exists();
    let _ = std::fs::remove_dir_all(&fake);
    assert!(survived, "the process a look-alike names is not signalled");
    assert!(kept, "another user's folder is not removed");
}

/// A folder every user may enter, as /dev/shm or a CI workspace is.
fn open_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    dir
}
