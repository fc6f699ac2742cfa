//! A private PostgreSQL cluster started from the server binaries on this machine.
//! (Over 200 lines: the `Cluster` type's public surface; each step lives in a module below.)
//!
//! Two lifetimes: [`Cluster::ephemeral`] (tests) lives in a tmpfs folder named after this
//! process, is killed when the process dies however it dies, and is removed on drop; the
//! folders of dead processes are removed when the next one starts. [`Cluster::persistent`]
//! keeps its data in a folder of your choice, is reused while running, keeps running when
//! dropped and stops on [`Cluster::stop`]; [`Cluster::keep`] turns the first into the second,
//! to inspect what a failed test left. Either listens on a unix socket only, superuser
//! `postgres` with trust authentication (a throwaway one may add TCP with passwords, see
//! [`ClusterOptions`]); a root process runs the server as user `postgres`. Its folders and
//! socket are closed to every other OS user (mode 0700), so trust admits only the server's
//! account and root.

mod account;
mod binaries;
mod folder;
mod keep;
mod leftovers;
mod options;
mod postmaster;
mod process;
mod ready;
mod running;
mod standby;
mod start;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use tokio_postgres::Config;

pub use crate::connection::{connection_url, display_url};
pub use binaries::ServerBinaries;
pub use keep::KEPT_PREFIX;
pub use options::ClusterOptions;

use crate::Error;
use account::Account;
use process::{Lifetime, ServerProcess, cluster_error};
use start::{
    Durability, blocking, check_version, free_port, initdb, server_command, socket_dir_for,
    tmpfs_root,
};

/// A running private cluster.
#[derive(Debug)]
pub struct Cluster {
    dir: PathBuf,
    socket_dir: PathBuf,
    port: u16,
    ephemeral: bool,
    server: Option<ServerProcess>,
}

/// Where a persistent cluster meant for `dir` is kept: `dir` itself, unless this process is
/// root and `postgres`, the server's account, cannot enter a folder above it (a home or a
/// `mktemp -d` folder, mode 0700): then `/var/lib/lcfs-db/cluster-<hash of dir>`, a folder only
/// root and `postgres` may enter. The same `dir` always gives the same answer.
pub fn reachable_dir(dir: &Path) -> Result<PathBuf, Error> {
    let dir =
        std::path::absolute(dir).map_err(|e| cluster_error("resolving the cluster folder", e))?;
    let account = Account::for_server()?;
    if folder::unreachable_ancestor(&dir, account).is_none() {
        return Ok(dir);
    }
    let hash = crate::migrate::stable_hash(dir.as_os_str().as_encoded_bytes());
    Ok(folder::system_root()?.join(format!("cluster-{hash:016x}")))
}

impl Cluster {
    /// Starts a throwaway cluster: no fsync, data in tmpfs (`/dev/shm` when present).
    pub async fn ephemeral() -> Result<Cluster, Error> {
        Cluster::ephemeral_with(&ClusterOptions::new()).await
    }

    /// [`Cluster::ephemeral`] with more than the defaults: TCP, passwords, server settings.
    pub async fn ephemeral_with(options: &ClusterOptions) -> Result<Cluster, Error> {
        static SEQUENCE: AtomicU64 = AtomicU64::new(0);
        let binaries = ServerBinaries::find()?;
        let account = Account::for_server()?;
        let root = tmpfs_root();
        let prefix = leftovers::folder_prefix(SEQUENCE.fetch_add(1, Ordering::Relaxed));
        let prepared = blocking({
            let options = options.clone();
            move || {
                folder::check_reachable(&root.join(&prefix), account)?;
                leftovers::remove_dead(&root, account);
                let dir = folder::create_unique(&root, &prefix, account)?;
                let made = initdb(&binaries, account, &dir.join("data"), false)
                    .and_then(|()| options.prepare(&dir.join("data")));
                match made {
                    Ok(()) => Ok((binaries, dir)),
                    Err(error) => {
                        let _ = std::fs::remove_dir_all(&dir);
                        Err(error)
                    }
                }
            }
        })
        .await;
        let (binaries, dir) = prepared?;
        let started = Cluster::unstarted(dir.clone(), dir.clone(), true).and_then(|mut cluster| {
            let mut command = server_command(
                &binaries,
                account,
                &dir.join("data"),
                &dir,
                cluster.port,
                Durability::Throwaway,
                &cluster.log_file(),
            )?;
            options.apply(&mut command);
            cluster.server = Some(ServerProcess::spawn(command, Lifetime::ThisProcess)?);
            Ok(cluster)
        });
        match started {
            Ok(cluster) => cluster.until_ready().await,
            Err(error) => {
                let _ = std::fs::remove_dir_all(&dir);
                Err(error)
            }
        }
    }

    /// Starts the cluster kept in `dir` (creating it on first use), or connects to it when a
    /// previous process left it running. It keeps running after this value is dropped.
    pub async fn persistent(dir: impl Into<PathBuf>) -> Result<Cluster, Error> {
        let dir = std::path::absolute(dir.into())
            .map_err(|e| cluster_error("resolving the cluster folder", e))?;
        let data_dir = dir.join("data");
        if let Some(running) = Cluster::running(&dir).await? {
            return Ok(running);
        }
        let binaries = ServerBinaries::find()?;
        let account = Account::for_server()?;
        let prepare = (dir.clone(), data_dir.clone());
        let binaries = blocking(move || {
            let (dir, data_dir) = prepare;
            folder::check_reachable(&dir, account)?;
            folder::create_private(&dir, account)?;
            match std::fs::read_to_string(data_dir.join("PG_VERSION")) {
                Ok(version) => check_version(&binaries, &data_dir, version.trim())?,
                Err(_) => initdb(&binaries, account, &data_dir, true)?,
            }
            Ok(binaries)
        })
        .await?;
        let mut cluster = Cluster::unstarted(dir.clone(), socket_dir_for(&dir, account)?, false)?;
        let command = server_command(
            &binaries,
            account,
            &data_dir,
            &cluster.socket_dir,
            cluster.port,
            Durability::Durable,
            &cluster.log_file(),
        )?;
        cluster.server = Some(ServerProcess::spawn(command, Lifetime::Detached)?);
        cluster.until_ready().await
    }

    fn unstarted(dir: PathBuf, socket_dir: PathBuf, ephemeral: bool) -> Result<Cluster, Error> {
        Ok(Cluster {
            dir,
            socket_dir,
            port: free_port()?,
            ephemeral,
            server: None,
        })
    }

    async fn until_ready(self) -> Result<Cluster, Error> {
        let server = self.server.as_ref().expect("started before waiting");
        ready::wait_until_ready(&self.config("postgres"), server, &self.log_file()).await?;
        // Found running or started now: callers say which, to the user; this is for debugging.
        tracing::debug!(dir = %self.dir.display(), port = self.port, "PostgreSQL cluster ready");
        Ok(self)
    }

    /// Connection settings for `dbname` as superuser `postgres`.
    pub fn config(&self, dbname: &str) -> Config {
        let mut config = Config::new();
        config
            .host_path(&self.socket_dir)
            .port(self.port)
            .user("postgres")
            .dbname(dbname);
        config
    }

    /// A URL for `dbname` that psql and tokio-postgres both accept.
    pub fn url(&self, dbname: &str) -> String {
        connection_url(&self.config(dbname))
    }

    /// The folder holding `data/`, the server log and (usually) the socket.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The folder of the server's unix socket, the host of [`Cluster::config`].
    pub fn socket_dir(&self) -> &Path {
        &self.socket_dir
    }

    /// The port number in the socket's name (the server listens on no TCP port).
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The server's log, where a failed start explains itself.
    pub fn log_file(&self) -> PathBuf {
        self.dir.join("server.log")
    }

    /// Whether the cluster is removed when dropped ([`Cluster::ephemeral`]).
    pub fn is_ephemeral(&self) -> bool {
        self.ephemeral
    }

    /// The postmaster's process id.
    pub fn pid(&self) -> Option<i32> {
        self.server.as_ref().map(ServerProcess::pid)
    }

    /// Stops the server: an ephemeral one at once, its folder removed; a persistent one with
    /// a clean (fast) shutdown, its data kept.
    pub fn stop(mut self) -> Result<(), Error> {
        self.shut_down()
    }

    fn shut_down(&mut self) -> Result<(), Error> {
        let Some(mut server) = self.server.take() else {
            return Ok(());
        };
        let (signal, timeout) = match self.ephemeral {
            true => (libc::SIGQUIT, Duration::from_secs(10)),
            false => (libc::SIGINT, Duration::from_secs(60)),
        };
        server.stop(signal, timeout)?;
        if self.socket_dir != self.dir {
            // A folder of its own in /tmp, empty once the server is gone; the next start makes
            // a new one.
            let _ = std::fs::remove_dir(&self.socket_dir);
        }
        if self.ephemeral {
            std::fs::remove_dir_all(&self.dir)
                .map_err(|e| cluster_error(&format!("removing {}", self.dir.display()), e))?;
        }
        Ok(())
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        if self.ephemeral
            && let Err(error) = self.shut_down()
        {
            tracing::warn!(%error, "stopping an ephemeral cluster failed");
        }
    }
}
