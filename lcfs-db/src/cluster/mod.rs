//! A private PostgreSQL cluster started from the server binaries on this machine.
//!
//! Two lifetimes: [`Cluster::ephemeral`] (tests) lives in a tmpfs folder named after this
//! process, is killed when the process dies however it dies, and is removed on drop; the
//! folders of dead processes are removed when the next one starts. [`Cluster::persistent`]
//! keeps its data in a folder of your choice, is reused while running, keeps running when
//! dropped and stops on [`Cluster::stop`]. Either listens on a unix socket only, superuser
//! `postgres` with trust authentication; a root process runs the server as user `postgres`.

mod account;
mod binaries;
mod leftovers;
mod postmaster;
mod process;
mod ready;
mod standby;
mod start;
mod url;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use tokio_postgres::Config;

pub use binaries::ServerBinaries;
pub use url::{connection_url, display_url};

use crate::Error;
use account::Account;
use postmaster::PostmasterPid;
use process::{Lifetime, ServerProcess, cluster_error, is_alive};
use start::{
    Durability, blocking, check_version, create_owned_dir, free_port, initdb, server_command,
    socket_dir_for, tmpfs_root,
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

impl Cluster {
    /// Starts a throwaway cluster: no fsync, data in tmpfs (`/dev/shm` when present).
    pub async fn ephemeral() -> Result<Cluster, Error> {
        static SEQUENCE: AtomicU64 = AtomicU64::new(0);
        let binaries = ServerBinaries::find()?;
        let account = Account::for_server()?;
        let root = tmpfs_root();
        let dir = root.join(leftovers::folder_name(
            SEQUENCE.fetch_add(1, Ordering::Relaxed),
        ));
        let prepared = blocking({
            let dir = dir.clone();
            move || {
                leftovers::remove_dead(&root);
                create_owned_dir(&dir, account)?;
                initdb(&binaries, account, &dir.join("data"), false)?;
                Ok(binaries)
            }
        })
        .await;
        let started = prepared.and_then(|binaries| {
            let mut cluster = Cluster::unstarted(dir.clone(), dir.clone(), true)?;
            let command = server_command(
                &binaries,
                account,
                &dir.join("data"),
                &dir,
                cluster.port,
                Durability::Throwaway,
                &cluster.log_file(),
            )?;
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
        if let Some(running) = PostmasterPid::read(&data_dir).filter(|pm| is_alive(pm.pid)) {
            let mut cluster = Cluster::unstarted(dir, running.socket_dir, false)?;
            cluster.port = running.port;
            cluster.server = Some(ServerProcess::running(running.pid));
            return cluster.until_ready().await;
        }
        let binaries = ServerBinaries::find()?;
        let account = Account::for_server()?;
        let prepare = (dir.clone(), data_dir.clone());
        let binaries = blocking(move || {
            let (dir, data_dir) = prepare;
            create_owned_dir(&dir, account)?;
            match std::fs::read_to_string(data_dir.join("PG_VERSION")) {
                Ok(version) => check_version(&binaries, &data_dir, version.trim())?,
                Err(_) => initdb(&binaries, account, &data_dir, true)?,
            }
            Ok(binaries)
        })
        .await?;
        let mut cluster = Cluster::unstarted(dir.clone(), socket_dir_for(&dir), false)?;
        create_owned_dir(&cluster.socket_dir, account)?;
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
        tracing::info!(dir = %self.dir.display(), port = self.port, "PostgreSQL cluster ready");
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

    pub fn socket_dir(&self) -> &Path {
        &self.socket_dir
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn log_file(&self) -> PathBuf {
        self.dir.join("server.log")
    }

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
