//! The timeouts and retries one migration file runs with: the run's, overridden by the file's
//! header directives (`-- lcfs-db: lock-timeout 30s`), which the build has checked for embedded
//! migrations and which are checked here for hand-made ones.

use std::time::Duration;

use super::Migrator;
use super::locate::line_and_column;
use crate::timeouts::header_settings;
use crate::{Error, ErrorKind};

/// What one migration file runs with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct StepSettings {
    pub lock_timeout: Duration,
    pub statement_timeout: Duration,
    pub lock_retries: u32,
}

impl StepSettings {
    pub fn of(migrator: &Migrator, file: &str, sql: &str) -> Result<Self, Error> {
        let header = header_settings(sql).map_err(|bad| {
            let (line, column) = line_and_column(sql, bad.offset);
            Error::new(
                ErrorKind::Config,
                format!("{file}:{line}:{column}: {}", bad.message),
            )
        })?;
        Ok(StepSettings {
            lock_timeout: header
                .lock_timeout
                .unwrap_or(migrator.ddl_lock_timeout_value()),
            statement_timeout: header
                .statement_timeout
                .unwrap_or(migrator.statement_timeout_value()),
            lock_retries: header.lock_retries.unwrap_or(migrator.lock_retries_value()),
        })
    }
}
