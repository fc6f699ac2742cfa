//! Waiting for a starting server to accept connections.

use std::path::Path;
use std::time::{Duration, Instant};

use tokio_postgres::{Config, NoTls};

use super::process::ServerProcess;
use crate::{Error, ErrorKind};

/// How long a server may take to start: crash recovery of a persistent cluster can be slow.
pub(crate) const START_TIMEOUT: Duration = Duration::from_secs(60);

/// Connects until the server answers, it exits, or [`START_TIMEOUT`] passes; failures quote the
/// end of the server log.
pub(crate) async fn wait_until_ready(
    config: &Config,
    server: &ServerProcess,
    log: &Path,
) -> Result<(), Error> {
    let started = Instant::now();
    loop {
        let last_error = match config.connect(NoTls).await {
            Ok((client, connection)) => {
                drop(client);
                let _ = connection.await;
                return Ok(());
            }
            Err(error) => error,
        };
        let problem = if server.has_exited() {
            "postgres exited while starting"
        } else if started.elapsed() > START_TIMEOUT {
            "postgres did not accept connections in time"
        } else {
            tokio::time::sleep(Duration::from_millis(20)).await;
            continue;
        };
        return Err(Error::new(
            ErrorKind::Cluster,
            format!(
                "{problem} (last attempt: {last_error}); end of {}:\n{}",
                log.display(),
                log_tail(log, 20)
            ),
        ));
    }
}

/// The last `lines` lines of a log file, or why there are none.
pub(crate) fn log_tail(log: &Path, lines: usize) -> String {
    match std::fs::read_to_string(log) {
        Ok(text) => {
            let all: Vec<&str> = text.lines().collect();
            all[all.len().saturating_sub(lines)..].join("\n")
        }
        Err(error) => format!("(cannot read the log: {error})"),
    }
}
