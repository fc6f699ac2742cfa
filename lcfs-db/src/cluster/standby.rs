//! A hot standby of a running private cluster: `pg_basebackup -R` of it into a folder of its
//! own, started on another port, read-only and following the primary. It lives like an
//! ephemeral cluster: killed with this process, removed when dropped.

use std::process::Command;
use std::sync::atomic::{AtomicU64, Ordering};

use super::account::Account;
use super::process::{Lifetime, ServerProcess, cluster_error};
use super::start::{Durability, blocking, server_command};
use super::{Cluster, ServerBinaries, folder};
use crate::{Error, ErrorKind};

impl Cluster {
    /// Starts a hot standby of this cluster, streaming from it.
    pub async fn standby(&self) -> Result<Cluster, Error> {
        static SEQUENCE: AtomicU64 = AtomicU64::new(0);
        let binaries = ServerBinaries::find()?;
        let account = Account::for_server()?;
        let name = self.dir.file_name().unwrap_or_default().to_string_lossy();
        // Named after the primary's folder, so a killed process's leftovers are found alike.
        let prefix = format!(
            "{name}-standby{}-",
            SEQUENCE.fetch_add(1, Ordering::Relaxed)
        );
        let parent = self.dir.parent().unwrap_or(&self.dir).to_path_buf();
        let (socket_dir, port) = (self.socket_dir.clone(), self.port);
        let dir = blocking(move || folder::create_unique(&parent, &prefix, account)).await?;
        let data = dir.join("data");
        let backup = blocking({
            let (data, binaries) = (data.clone(), binaries.clone());
            move || base_backup(&binaries, account, &socket_dir, port, &data)
        })
        .await;
        let started = backup.and_then(|()| {
            let mut standby = Cluster::unstarted(dir.clone(), dir.clone(), true)?;
            let command = server_command(
                &binaries,
                account,
                &data,
                &dir,
                standby.port,
                Durability::Throwaway,
                &standby.log_file(),
            )?;
            standby.server = Some(ServerProcess::spawn(command, Lifetime::ThisProcess)?);
            Ok(standby)
        });
        match started {
            Ok(standby) => standby.until_ready().await,
            Err(error) => {
                let _ = std::fs::remove_dir_all(&dir);
                Err(error)
            }
        }
    }
}

/// `pg_basebackup -R` of the primary reachable at `socket_dir`:`port` into `data`.
fn base_backup(
    binaries: &ServerBinaries,
    account: Account,
    socket_dir: &std::path::Path,
    port: u16,
    data: &std::path::Path,
) -> Result<(), Error> {
    let program = binaries.bindir().join("pg_basebackup");
    let mut command = Command::new(&program);
    command
        .arg("--host")
        .arg(socket_dir)
        .args(["--port", &port.to_string(), "--username=postgres"])
        .args([
            "--write-recovery-conf",
            "--wal-method=stream",
            "--checkpoint=fast",
            "--no-sync",
        ])
        .arg("--pgdata")
        .arg(data);
    account.apply(&mut command);
    let output = command
        .output()
        .map_err(|e| cluster_error(&format!("running {}", program.display()), e))?;
    match output.status.success() {
        true => Ok(()),
        false => Err(Error::new(
            ErrorKind::Cluster,
            format!(
                "pg_basebackup into {} failed ({}):\n{}",
                data.display(),
                output.status,
                String::from_utf8_lossy(&output.stderr)
            ),
        )),
    }
}
