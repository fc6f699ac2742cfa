//! `--lock-timeout`, `--lock-retries`, `--statement-timeout`: how long a migration may wait for
//! a lock and run, for the commands that migrate. Durations as in PostgreSQL: `500ms`, `5s`, `20min`.

use std::time::Duration;

use lcfs_db::Migrator;
use lcfs_db::{parse_duration, parse_lock_retries};

/// The timeouts of a migration run; unset ones keep the library's defaults.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct Timeouts {
    /// How long each migration statement may wait for a lock before the migration is rolled
    /// back and retried; the application's queries on that table wait behind it that long at
    /// most [default: 5s; 0 waits forever]
    #[arg(long, value_name = "DURATION", value_parser = duration, env = "LCFS_DB_LOCK_TIMEOUT")]
    lock_timeout: Option<Duration>,
    /// How many times a migration that timed out on a lock, or was ended by a deadlock, is
    /// retried, after backoffs of 1, 2, 4 … s [default: 3]
    #[arg(long, value_name = "N", value_parser = retries, env = "LCFS_DB_LOCK_RETRIES")]
    lock_retries: Option<u32>,
    /// How long each migration statement may run [default: 5min; 0 for no limit]. A migration
    /// can set its own in its header: `-- lcfs-db: statement-timeout 20min`
    #[arg(long, value_name = "DURATION", value_parser = duration, env = "LCFS_DB_STATEMENT_TIMEOUT")]
    statement_timeout: Option<Duration>,
}

impl Timeouts {
    /// `migrator` with the timeouts given on the command line.
    pub fn apply(&self, mut migrator: Migrator) -> Migrator {
        if let Some(timeout) = self.lock_timeout {
            migrator = migrator.ddl_lock_timeout(timeout);
        }
        if let Some(retries) = self.lock_retries {
            migrator = migrator.lock_retries(retries);
        }
        if let Some(timeout) = self.statement_timeout {
            migrator = migrator.statement_timeout(timeout);
        }
        migrator
    }
}

fn duration(text: &str) -> Result<Duration, String> {
    parse_duration(text).map_err(|e| format!("the value {e}"))
}

fn retries(text: &str) -> Result<u32, String> {
    parse_lock_retries(text).map_err(|e| format!("the value {e}"))
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;
    use lcfs_db::{
        DEFAULT_DDL_LOCK_TIMEOUT, DEFAULT_LOCK_RETRIES, DEFAULT_STATEMENT_TIMEOUT, format_duration,
    };

    #[test]
    fn the_help_states_the_library_defaults() {
        let mut command = crate::cli::Cli::command();
        let help = command
            .find_subcommand_mut("upgrade")
            .expect("an upgrade command")
            .render_help()
            .to_string();
        for default in [
            format!("[default: {};", format_duration(DEFAULT_DDL_LOCK_TIMEOUT)),
            format!("[default: {}]", DEFAULT_LOCK_RETRIES),
            format!("[default: {};", format_duration(DEFAULT_STATEMENT_TIMEOUT)),
        ] {
            assert!(help.contains(&default), "{default} in:\n{help}");
        }
    }
}
