//! A session in a migration's way, as `pg_locks` and `pg_stat_activity` show it, and how it
//! reads in an error: one line an operator can act on.

use std::fmt;
use std::time::Duration;

/// A session holding, or waiting ahead for, a lock that a migration statement could not get.
#[derive(Debug, Clone, PartialEq)]
pub struct Blocker {
    /// Its server process id, for `pg_terminate_backend`.
    pub pid: i32,
    /// What its client calls itself, e.g. `lcfs-backend` (empty when it did not say).
    pub application_name: String,
    /// `active`, `idle in transaction`, …
    pub state: String,
    /// How long its transaction has been open; `None` outside a transaction.
    pub transaction_age: Option<Duration>,
    /// The first line of its current (or, when idle, last) query.
    pub query: String,
    /// The relation it locks, e.g. `fuel_code`; empty for a snapshot.
    pub relation: String,
    /// The mode it holds (or waits for), e.g. `RowExclusiveLock`; `snapshot` when it holds a
    /// snapshot that a concurrent index build waited to see released.
    pub mode: String,
    /// False when it waits for the lock itself, queued ahead of the migration.
    pub granted: bool,
    /// False when its lock does not conflict with the statement's as far as the statement's
    /// text tells: it may hold the row locks the statement waited for.
    pub conflicting: bool,
}

/// [`Blocker::mode`] of a session holding a snapshot older than a concurrent index build's.
pub(super) const SNAPSHOT: &str = "snapshot";

pub(super) fn first_line(query: String) -> String {
    const MAX_CHARS: usize = 120;
    let line = query
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    match line.char_indices().nth(MAX_CHARS) {
        Some((cut, _)) => format!("{}…", &line[..cut]),
        None => line.to_owned(),
    }
}

impl fmt::Display for Blocker {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "pid {} ({:?}, {}",
            self.pid, self.application_name, self.state
        )?;
        if let Some(age) = self.transaction_age {
            write!(f, ", transaction open for {:.1}s", age.as_secs_f64())?;
        }
        let how = match (self.granted, self.conflicting) {
            (true, true) => "holds",
            (false, _) => "waits ahead for",
            (true, false) => "may hold row locks too; holds",
        };
        match self.mode == SNAPSHOT {
            true => write!(f, ") holds a snapshot older than the index build's")?,
            false => write!(f, ") {how} {} on {}", self.mode, self.relation)?,
        }
        if !self.query.is_empty() {
            write!(f, ": {}", self.query)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blocker_reads_as_one_line() {
        let blocker = Blocker {
            pid: 42,
            application_name: "lcfs-backend".into(),
            state: "idle in transaction".into(),
            transaction_age: Some(Duration::from_millis(12_345)),
            query: first_line("\n  UPDATE fuel_code SET x = 1\n WHERE false".into()),
            relation: "fuel_code".into(),
            mode: "RowExclusiveLock".into(),
            granted: true,
            conflicting: true,
        };
        assert_eq!(
            blocker.to_string(),
            "pid 42 (\"lcfs-backend\", idle in transaction, transaction open for 12.3s) holds \
             RowExclusiveLock on fuel_code: UPDATE fuel_code SET x = 1"
        );
    }
}
