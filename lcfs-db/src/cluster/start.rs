//! Preparing and starting a private cluster: its folder, `initdb`, the `postgres` command line.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::ServerBinaries;
use super::account::Account;
use super::folder::{create_unique, open_log};
use super::process::cluster_error;
use crate::{Error, ErrorKind};

/// The unix socket path limit (108 bytes with its NUL) less the `/.s.PGSQL.nnnnn` file name.
const MAX_SOCKET_DIR_LEN: usize = 107 - 16;

/// Creates a data directory: superuser `postgres`, trust over the socket only and TCP refused.
/// Trust is safe there because the socket's folder (and the socket) admit only the server's
/// account and root, who can read the data files anyway; `peer` would refuse root as `postgres`.
pub(crate) fn initdb(
    binaries: &ServerBinaries,
    account: Account,
    data_dir: &Path,
    durable: bool,
) -> Result<(), Error> {
    let mut command = Command::new(binaries.initdb());
    command
        .arg("--pgdata")
        .arg(data_dir)
        .args([
            "--username=postgres",
            "--auth-local=trust",
            "--auth-host=reject",
        ])
        .arg("--encoding=UTF8")
        .args(["--locale=C", "--no-instructions"])
        .current_dir(data_dir.parent().unwrap_or(Path::new("/")));
    if !durable {
        command.arg("--no-sync");
    }
    account.apply(&mut command);
    let output = command
        .output()
        .map_err(|e| cluster_error(&format!("running {}", binaries.initdb().display()), e))?;
    if output.status.success() {
        return Ok(());
    }
    Err(Error::new(
        ErrorKind::Cluster,
        format!(
            "initdb for {} failed ({}):\n{}{}",
            data_dir.display(),
            output.status,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ),
    ))
}

/// How a server is tuned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Durability {
    /// Data survives crashes.
    Durable,
    /// Nothing is flushed to disk: a crash loses the cluster, which nobody keeps anyway.
    Throwaway,
}

/// `postgres` for `data_dir`, listening on a unix socket in `socket_dir` only, logging to `log`.
pub(crate) fn server_command(
    binaries: &ServerBinaries,
    account: Account,
    data_dir: &Path,
    socket_dir: &Path,
    port: u16,
    durability: Durability,
    log: &Path,
) -> Result<Command, Error> {
    let log_file = open_log(log)?;
    let stderr = log_file
        .try_clone()
        .map_err(|e| cluster_error(&format!("opening {}", log.display()), e))?;
    let mut command = Command::new(binaries.postgres());
    command
        .arg("-D")
        .arg(data_dir)
        .arg("-p")
        .arg(port.to_string())
        .arg("-c")
        .arg(format!("unix_socket_directories={}", socket_dir.display()))
        .args(["-c", "listen_addresses="])
        // The folder is closed to others already; the socket too, should it ever be moved.
        .args(["-c", "unix_socket_permissions=0700"])
        .current_dir(data_dir)
        .stdin(Stdio::null())
        .stdout(log_file)
        .stderr(stderr);
    if durability == Durability::Throwaway {
        for setting in [
            "fsync=off",
            "synchronous_commit=off",
            "full_page_writes=off",
            "max_connections=200",
        ] {
            command.args(["-c", setting]);
        }
    }
    account.apply(&mut command);
    Ok(command)
}

/// The socket goes next to the data when the path fits a socket address, else in a new folder
/// of an unguessable name in /tmp, closed to others (the server records it in postmaster.pid).
pub(crate) fn socket_dir_for(cluster_dir: &Path, account: Account) -> Result<PathBuf, Error> {
    if cluster_dir.as_os_str().len() <= MAX_SOCKET_DIR_LEN {
        return Ok(cluster_dir.to_path_buf());
    }
    create_unique(Path::new("/tmp"), "lcfs-db-socket-", account)
}

/// A port nobody listens on now. With `listen_addresses` empty it only names the socket file,
/// but a free one keeps the door open to TCP and avoids clashing with a system server.
pub(crate) fn free_port() -> Result<u16, Error> {
    TcpListener::bind(("127.0.0.1", 0))
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .map_err(|e| cluster_error("finding a free port", e))
}

/// A memory-backed folder when there is one: a throwaway cluster needs no disk.
pub(crate) fn tmpfs_root() -> PathBuf {
    let shm = Path::new("/dev/shm");
    match shm.is_dir() && std::fs::metadata(shm).is_ok_and(|m| !m.permissions().readonly()) {
        true => shm.to_path_buf(),
        false => std::env::temp_dir(),
    }
}

pub(crate) fn check_version(
    binaries: &ServerBinaries,
    data_dir: &Path,
    version: &str,
) -> Result<(), Error> {
    let binaries_version = binaries.major_version()?;
    match version == binaries_version.to_string() {
        true => Ok(()),
        false => Err(Error::new(
            ErrorKind::Cluster,
            format!(
                "{} holds a PostgreSQL {version} cluster, but the server binaries in {} are \
                 version {binaries_version}: remove the folder to start afresh",
                data_dir.display(),
                binaries.bindir().display()
            ),
        )),
    }
}

pub(crate) async fn blocking<T: Send + 'static>(
    job: impl FnOnce() -> Result<T, Error> + Send + 'static,
) -> Result<T, Error> {
    tokio::task::spawn_blocking(job)
        .await
        .map_err(|e| cluster_error("preparing the cluster", e))?
}
