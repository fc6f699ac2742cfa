//! Keeping an ephemeral cluster past its process, for a look at what a failed test left: the
//! server is stopped cleanly, its folder renamed out of the leftover sweep's reach, and the
//! cluster restarted detached, as a persistent one.

use std::path::PathBuf;
use std::time::Duration;

use super::Cluster;
use super::leftovers::PREFIX;
use super::process::cluster_error;

/// The folder name prefix of a kept cluster: `lcfs-db-kept-<pid>-<n>`.
pub const KEPT_PREFIX: &str = "lcfs-db-kept-";

impl Cluster {
    /// Turns an ephemeral cluster into a persistent one that outlives this process, in a folder
    /// named `lcfs-db-kept-…` next to where it was. Its port and socket folder change, so
    /// connections and URLs made before do not reach it: ask the returned cluster for new ones.
    /// A persistent cluster is returned unchanged.
    pub async fn keep(mut self) -> Result<Cluster, crate::Error> {
        if !self.ephemeral {
            return Ok(self);
        }
        if let Some(mut server) = self.server.take() {
            // A clean shutdown: the restart then needs no crash recovery.
            server.stop(libc::SIGINT, Duration::from_secs(60))?;
        }
        self.ephemeral = false;
        let kept = kept_folder(&self.dir);
        std::fs::rename(&self.dir, &kept).map_err(|e| {
            let what = format!("renaming {} to {}", self.dir.display(), kept.display());
            cluster_error(&what, e)
        })?;
        Cluster::persistent(kept).await
    }
}

fn kept_folder(dir: &std::path::Path) -> PathBuf {
    let name = dir.file_name().and_then(|name| name.to_str()).unwrap_or("");
    let kept = match name.strip_prefix(PREFIX) {
        Some(rest) => format!("{KEPT_PREFIX}{rest}"),
        None => format!("{KEPT_PREFIX}{name}"),
    };
    dir.with_file_name(kept)
}
