//! `cluster status|stop|url`: the private cluster that commands fall back to when nothing is
//! configured and nothing answers at LCFS's default address. It outlives the command that
//! started it, so these say where it is and stop it.

use clap::Subcommand;
use lcfs_db::cluster::Cluster;
use tokio_postgres::Config;

use super::output::outln;
use super::place::cluster_dir;

/// The database the fallback uses: LCFS's default.
const DBNAME: &str = "lcfs";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Subcommand)]
pub enum ClusterAction {
    /// Whether the private cluster is running: its process, URL and data folder.
    Status,
    /// Stop the private cluster (a fast shutdown); its data stays for the next start.
    Stop,
    /// Print the private cluster's URL (database `lcfs`) for psql or DATABASE_URL.
    Url,
}

pub async fn run(action: ClusterAction) -> Result<(), String> {
    let dir = cluster_dir()?;
    let running = Cluster::running(&dir).await.map_err(|e| e.to_string())?;
    match (action, running) {
        (ClusterAction::Status, Some(cluster)) => outln!(
            "running: pid {}, {} (data in {})",
            cluster.pid().unwrap_or_default(),
            cluster.url(DBNAME),
            dir.display()
        ),
        (ClusterAction::Status, None) if dir.join("data").exists() => {
            outln!("not running (data in {})", dir.display())
        }
        (ClusterAction::Status, None) => outln!("not running (no cluster in {})", dir.display()),
        (ClusterAction::Stop, Some(cluster)) => {
            cluster.stop().map_err(|e| e.to_string())?;
            outln!(
                "stopped the private cluster (data kept in {})",
                dir.display()
            );
        }
        (ClusterAction::Stop, None) => outln!("the private cluster is not running"),
        (ClusterAction::Url, Some(cluster)) => outln!("{}", cluster.url(DBNAME)),
        (ClusterAction::Url, None) => {
            return Err(format!(
                "the private cluster in {} is not running: commands start it when nothing is \
                 configured and nothing answers at LCFS's default address",
                dir.display()
            ));
        }
    }
    Ok(())
}

/// The fallback: settings for `target`'s database on the private cluster, started unless it
/// runs already, and a phrase saying which it was.
pub async fn private_cluster(target: &Config) -> Result<(Config, String), String> {
    let dir = cluster_dir()?;
    let found = Cluster::running(&dir).await.map_err(|e| e.to_string())?;
    let (cluster, how) = match found {
        Some(cluster) => (cluster, "already running"),
        None => (
            Cluster::persistent(&dir).await.map_err(|e| {
                format!("cannot start the private cluster in {}: {e}", dir.display())
            })?,
            "started now",
        ),
    };
    let mut config = cluster.config(target.get_dbname().unwrap_or(DBNAME));
    config.application_name("lcfs-db");
    let how = format!(
        "the private cluster in {}, {how}; it keeps running until `lcfs-db cluster stop`",
        dir.display()
    );
    Ok((config, how))
}
