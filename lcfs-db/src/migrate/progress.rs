//! What a run logs as it goes, for an operator watching it: each statement as it starts, at its
//! file and line (debug), and each retry with its reason (lock timeout, deadlock) and the
//! sessions in the way (info).

use std::time::Duration;

use super::blockers::Lookup;
use super::locate::line_and_column;
use super::split::Statement;

pub(crate) fn log_statement(file: &str, sql: &str, statement: &Statement<'_>) {
    tracing::debug!(
        at = %format_args!("{file}:{}", line_and_column(sql, statement.offset).0),
        statement = statement.text.lines().next().unwrap_or_default(),
        "statement started"
    );
}

/// A retry after `what` (`lock timeout`, `deadlock`, …) ended the attempt.
pub(crate) fn log_retry_after(
    what: &str,
    file: &str,
    sql: &str,
    statement: Option<&Statement<'_>>,
    attempt: u32,
    wait: Duration,
    lookup: &Lookup,
) {
    let line = statement.map_or(0, |s| line_and_column(sql, s.offset).0);
    let blockers: Vec<String> = lookup.blockers.iter().map(ToString::to_string).collect();
    tracing::info!(
        at = %format_args!("{file}:{line}"),
        attempt,
        retry_in = ?wait,
        wanted = %lookup.wanted.join(", "),
        blockers = %blockers.join("; "),
        "{what}: rolled back, retrying"
    );
}
