//! What a throwaway cluster may add to its defaults (a unix socket only, trust): TCP with
//! password authentication and server settings, for tests of logins and connection limits.

use std::path::Path;
use std::process::Command;

use super::process::cluster_error;
use crate::Error;

/// Options for [`Cluster::ephemeral_with`](super::Cluster::ephemeral_with).
#[derive(Debug, Clone, Default)]
pub struct ClusterOptions {
    tcp_with_password: bool,
    settings: Vec<(String, String)>,
}

/// The socket stays trust (the superuser that sets passwords logs in there); TCP asks every
/// role for its password.
const PASSWORD_HBA: &str = "\
local all all trust
host all all 127.0.0.1/32 scram-sha-256
";

impl ClusterOptions {
    /// The defaults: a unix socket only, trust authentication.
    pub fn new() -> Self {
        ClusterOptions::default()
    }

    /// Also listens on 127.0.0.1 at [`Cluster::port`](super::Cluster::port), where every role
    /// logs in with its password (scram-sha-256); roles without one cannot log in there.
    pub fn tcp_with_password(mut self) -> Self {
        self.tcp_with_password = true;
        self
    }

    /// A server setting, as `postgres -c name=value` (e.g. `max_connections`).
    pub fn setting(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.settings.push((name.into(), value.into()));
        self
    }

    /// Writes what belongs in the data directory, after `initdb`.
    pub(crate) fn prepare(&self, data_dir: &Path) -> Result<(), Error> {
        if !self.tcp_with_password {
            return Ok(());
        }
        let hba = data_dir.join("pg_hba.conf");
        std::fs::write(&hba, PASSWORD_HBA)
            .map_err(|e| cluster_error(&format!("writing {}", hba.display()), e))
    }

    /// Adds the settings to the server's command line; later `-c` win over earlier ones.
    pub(crate) fn apply(&self, command: &mut Command) {
        if self.tcp_with_password {
            command.args(["-c", "listen_addresses=127.0.0.1"]);
        }
        for (name, value) in &self.settings {
            command.arg("-c").arg(format!("{name}={value}"));
        }
    }
}
