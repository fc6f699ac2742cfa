//! Finding the persistent cluster an earlier process left running, without starting one: for
//! commands that reuse it, report on it or stop it.

use std::path::PathBuf;

use super::Cluster;
use super::postmaster::PostmasterPid;
use super::process::{ServerProcess, cluster_error, is_alive};
use crate::Error;

impl Cluster {
    /// The cluster kept in `dir` when its server is running, `None` when it is not (or `dir`
    /// holds no cluster). Never starts a server; see [`Cluster::persistent`] for that.
    pub async fn running(dir: impl Into<PathBuf>) -> Result<Option<Cluster>, Error> {
        let dir = std::path::absolute(dir.into())
            .map_err(|e| cluster_error("resolving the cluster folder", e))?;
        let Some(found) = PostmasterPid::read(&dir.join("data")).filter(|pm| is_alive(pm.pid))
        else {
            return Ok(None);
        };
        let mut cluster = Cluster::unstarted(dir, found.socket_dir, false)?;
        cluster.port = found.port;
        cluster.server = Some(ServerProcess::running(found.pid));
        cluster.until_ready().await.map(Some)
    }
}
