//! Where the binary keeps its private cluster: found from where it runs, never from the checkout
//! that built it, and reachable by the server's OS user without opening the user's own folders.
//! A clone in a folder only its owner may enter (`mktemp -d`, `/root`) works as root, whose
//! server runs as `postgres`, and as an ordinary user, whose server runs as that user.
//!
//! Cloning and building afresh would cost minutes: the clone gets copies of the binaries this
//! build made (the `lcfs-db` binary and this test binary), which find their folders from the
//! current one, so a copy run in the clone behaves as `cargo run` / `cargo test` there would.

mod common;

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::cli::{CONNECTION_VARIABLES, ok, stderr, stdout};
use common::os_user::{OsUser, nobody};
use lcfs_db::testing::TestDatabase;

/// Run by the test below from a clone, as the user it tests: a test database answers there.
#[lcfs_db::test]
async fn a_test_database_answers(db: TestDatabase) {
    let head = lcfs_db::migrations().len() as i64;
    let applied: i64 = db
        .query_one("SELECT count(*) FROM refinery_schema_history", &[])
        .await
        .unwrap()
        .get(0);
    assert_eq!(applied, head);
}

/// Who runs the commands: this process, or another user through `runuser`.
struct Runner<'a> {
    user: Option<&'a OsUser>,
    home: PathBuf,
}

impl Runner<'_> {
    fn run(&self, program: &Path, cwd: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
        let mut command = match self.user {
            // runuser sets HOME to the user's own: `env` sets it back to the one chosen.
            Some(user) => {
                let mut command = user.command("env");
                command
                    .arg(format!("HOME={}", self.home.display()))
                    .arg(program);
                command
            }
            None => {
                let mut command = Command::new(program);
                for name in CONNECTION_VARIABLES
                    .iter()
                    .chain(&["TEST_DATABASE_URL", "XDG_DATA_HOME"])
                {
                    command.env_remove(name);
                }
                command
            }
        };
        command
            .current_dir(cwd)
            .env("HOME", &self.home)
            // Nothing answers at the default address, whatever runs on this machine.
            .env("LCFS_DB_DEFAULT_ADDRESS", "127.0.0.1:9")
            .envs(env.iter().copied())
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("running {}: {e}", program.display()))
    }

    /// A new folder only this runner may enter, as `mktemp -d` makes.
    fn closed_folder(&self) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
        if let Some(user) = self.user {
            user.give(dir.path());
        }
        dir
    }

    /// A copy of `binary` in `dir`, which this runner may run.
    fn copy(&self, binary: &Path, dir: &Path) -> PathBuf {
        let copy = dir.join(binary.file_name().unwrap());
        std::fs::copy(binary, &copy).unwrap();
        if let Some(user) = self.user {
            user.give(&copy);
        }
        copy
    }
}

/// The runners: this process, and `nobody` when this process is root.
fn runners(user: Option<&OsUser>) -> Vec<Runner<'_>> {
    let mut runners = vec![Runner {
        user: None,
        home: PathBuf::new(),
    }];
    if user.is_some() {
        runners.push(Runner {
            user,
            home: PathBuf::new(),
        });
    }
    runners
}

/// The data folder `cluster status` names, checked to be the server account's and closed.
fn cluster_folder(status: &str) -> PathBuf {
    let dir = status
        .split("(data in ")
        .nth(1)
        .and_then(|rest| rest.strip_suffix(")\n"))
        .unwrap_or_else(|| panic!("no data folder in: {status}"));
    let dir = PathBuf::from(dir);
    let meta = std::fs::symlink_metadata(&dir).unwrap();
    assert_eq!(meta.mode() & 0o777, 0o700, "mode of {}", dir.display());
    assert_eq!(
        meta.uid(),
        std::fs::metadata(dir.join("data")).unwrap().uid(),
        "{} belongs to the server's account",
        dir.display()
    );
    dir
}

/// Migrates, shows and stops the private cluster from `cwd`; returns its data folder, removed
/// afterwards when it lies outside `cwd` (where a root run keeps it).
fn upgrade_status_stop(runner: &Runner, binary: &Path, cwd: &Path) -> PathBuf {
    let upgraded = ok(runner.run(binary, cwd, &["upgrade", "--private-cluster"], &[]));
    let head = lcfs_db::migrations().len();
    assert!(
        stdout(&upgraded).contains(&format!("version 0 → {head}")),
        "{}",
        stdout(&upgraded)
    );
    let status = ok(runner.run(binary, cwd, &["status"], &[]));
    assert!(
        stdout(&status).contains(&format!("current version: {head}")),
        "{}",
        stdout(&status)
    );
    let shown = stdout(&ok(runner.run(binary, cwd, &["cluster", "status"], &[])));
    assert!(shown.starts_with("running: pid "), "{shown}");
    let dir = cluster_folder(&shown);
    let stopped = stdout(&ok(runner.run(binary, cwd, &["cluster", "stop"], &[])));
    assert!(
        stopped.starts_with("stopped the private cluster"),
        "{stopped}"
    );
    assert!(
        !dir.starts_with(env!("CARGO_MANIFEST_DIR")),
        "the cluster is not the building checkout's: {}",
        dir.display()
    );
    dir
}

/// Removes a cluster kept outside the test's folders (a root run's, in /var/lib/lcfs-db).
fn remove_outside(dir: &Path, folder: &Path) {
    if !dir.starts_with(folder) {
        std::fs::remove_dir_all(dir).unwrap();
    }
}

#[test]
fn a_clone_in_a_closed_folder_migrates_stops_and_tests() {
    let user = nobody();
    for mut runner in runners(user.as_ref()) {
        let folder = runner.closed_folder();
        runner.home = folder.path().to_path_buf();
        let clone = folder.path().join("lcfs-db");
        let cloned = Command::new("git")
            .args([
                "clone",
                "--quiet",
                "--no-hardlinks",
                env!("CARGO_MANIFEST_DIR"),
            ])
            .arg(&clone)
            .output()
            .unwrap();
        assert!(cloned.status.success(), "{}", stderr(&cloned));
        if let Some(user) = runner.user {
            user.give(&clone);
        }
        let bin = folder.path().join("bin");
        std::fs::create_dir(&bin).unwrap();
        if let Some(user) = runner.user {
            user.give(&bin);
        }
        let lcfs_db = runner.copy(Path::new(env!("CARGO_BIN_EXE_lcfs-db")), &bin);
        let tests = runner.copy(&std::env::current_exe().unwrap(), &bin);

        let dir = upgrade_status_stop(&runner, &lcfs_db, &clone);
        match (runner.user, unsafe { libc::geteuid() }) {
            (None, 0) => assert!(dir.starts_with("/var/lib/lcfs-db/"), "{}", dir.display()),
            _ => assert_eq!(dir, clone.join("target/lcfs-db/cluster")),
        }
        remove_outside(&dir, folder.path());

        let tested = runner.run(
            &tests,
            &clone,
            &["--exact", "a_test_database_answers", "--test-threads=1"],
            &[],
        );
        assert!(
            tested.status.success() && stdout(&tested).contains("1 passed"),
            "{}\n{}",
            stdout(&tested),
            stderr(&tested)
        );
    }
}

#[test]
fn a_copied_binary_runs_in_an_empty_folder() {
    let user = nobody();
    for mut runner in runners(user.as_ref()) {
        let folder = runner.closed_folder();
        runner.home = folder.path().to_path_buf();
        let empty = folder.path().join("empty");
        std::fs::create_dir(&empty).unwrap();
        if let Some(user) = runner.user {
            user.give(&empty);
        }
        let lcfs_db = runner.copy(Path::new(env!("CARGO_BIN_EXE_lcfs-db")), folder.path());
        let dir = upgrade_status_stop(&runner, &lcfs_db, &empty);
        match (runner.user, unsafe { libc::geteuid() }) {
            (None, 0) => assert!(dir.starts_with("/var/lib/lcfs-db/"), "{}", dir.display()),
            _ => assert_eq!(dir, folder.path().join(".local/share/lcfs-db/cluster")),
        }
        remove_outside(&dir, folder.path());
        assert_eq!(
            std::fs::read_dir(&empty).unwrap().count(),
            0,
            "nothing written here"
        );
    }
}

#[test]
fn a_folder_the_server_cannot_reach_is_named_with_the_way_out() {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        common::require::skip("only a root run's server runs as another user");
        return;
    }
    let folder = tempfile::tempdir().unwrap();
    std::fs::set_permissions(folder.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
    let runner = Runner {
        user: None,
        home: folder.path().to_path_buf(),
    };
    let chosen = folder.path().join("cluster");
    let refused = runner.run(
        Path::new(env!("CARGO_BIN_EXE_lcfs-db")),
        folder.path(),
        &["upgrade", "--private-cluster"],
        &[("LCFS_DB_CLUSTER_DIR", chosen.to_str().unwrap())],
    );
    let err = stderr(&refused);
    assert!(!refused.status.success());
    let named = format!(
        "`postgres` (the OS user the server runs as, since PostgreSQL refuses to run as root) \
         cannot enter {} (mode 0700, owner uid 0)",
        folder.path().display()
    );
    assert!(err.contains(&named), "{err}");
    assert!(err.contains("LCFS_DB_CLUSTER_DIR"), "{err}");
    assert!(
        !chosen.exists(),
        "nothing made where the server could not go"
    );
}
