//! How a failed migration is reported: its file, the failing statement and where it is, the
//! server's own words, and for a lock timeout the sessions that stood in the way and what to do.

use tokio_postgres::error::SqlState;

use super::blockers::Lookup;
use super::locate::{error_offset, location};
use super::session::describe;
use super::settings::StepSettings;
use super::split::Statement;
use crate::error::SqlLocation;
use crate::{Error, ErrorKind};

/// The migration file a failure is about.
pub(crate) struct Report<'a> {
    pub version: i32,
    pub file: &'a str,
    pub sql: &'a str,
    pub settings: StepSettings,
}

impl Report<'_> {
    /// `migration <file> <what>`, with the server's error as its source.
    pub fn failed(&self, error: tokio_postgres::Error, what: &str) -> Error {
        let kind = match error.as_db_error() {
            Some(_) => ErrorKind::Migration,
            None => ErrorKind::Connection,
        };
        Error::new(kind, format!("migration {} {what}", self.file))
            .in_file(self.version, self.file)
            .with_source(error)
    }

    /// Where `statement` is in the file, with the server's error position when it gave one.
    pub fn locate(&self, statement: &Statement<'_>, error: &tokio_postgres::Error) -> SqlLocation {
        let offset = error_offset(error, statement.text).map(|o| statement.offset + o);
        location(self.sql, statement, offset)
    }

    /// What to add to a failure's message when the statement ran out of time.
    pub fn timeout_advice(&self, error: &tokio_postgres::Error) -> String {
        let timed_out = error.code() == Some(&SqlState::QUERY_CANCELED)
            && error
                .as_db_error()
                .is_some_and(|db| db.message().contains("statement timeout"));
        match timed_out {
            true => format!(
                ": a statement ran longer than {}; a migration that needs longer says so in \
                 its header (`-- lcfs-db: statement-timeout 20min`), a run with \
                 --statement-timeout",
                describe(self.settings.statement_timeout, "statement_timeout")
            ),
            false => String::new(),
        }
    }

    /// Every attempt waited too long for a lock: who was in the way, what to do. `done` says
    /// what is left of the migration.
    pub fn blocked(
        &self,
        error: tokio_postgres::Error,
        attempts: u32,
        lookup: Lookup,
        done: &str,
    ) -> Error {
        let subject = format!("migration {}", self.file);
        let longer = "or allow a longer wait with --lock-timeout, or `-- lcfs-db: lock-timeout \
                      30s` in the migration's header";
        blocked(
            &subject,
            self.settings.lock_timeout,
            error,
            attempts,
            lookup,
            done,
            longer,
        )
        .in_file(self.version, self.file)
    }
}

/// `subject` gave up after every attempt waited longer than `lock_timeout` for a lock: who was
/// in the way and what to do, with the sessions as [`Error::blockers`]. `done` says what is left
/// of the work, `longer` how to allow a longer wait. A migration's report and `adopt` share it.
pub(crate) fn blocked(
    subject: &str,
    lock_timeout: std::time::Duration,
    error: impl std::error::Error + Send + Sync + 'static,
    attempts: u32,
    lookup: Lookup,
    done: &str,
    longer: &str,
) -> Error {
    let wanted = match lookup.wanted.is_empty() {
        true => "a lock".to_owned(),
        false => lookup.wanted.join(" and "),
    };
    let attempts = match attempts {
        1 => "on its only attempt".to_owned(),
        n => format!("on each of its {n} attempts"),
    };
    let who = match lookup.blockers.is_empty() {
        true => {
            "no other session holds a lock on the relations the statement names now (the \
                 blocker may have just finished): run again"
        }
        false => {
            "let the sessions below finish, or end them (`SELECT pg_terminate_backend(pid)`), \
                  then run again"
        }
    };
    let message = format!(
        "{subject} gave up: {attempts} a statement waited longer than {} for {wanted}; \
         {done}. The application's queries on those tables queued behind it only that long \
         each time. To proceed, {who}; {longer}",
        describe(lock_timeout, "lock_timeout"),
    );
    Error::new(ErrorKind::Blocked, message)
        .with_source(error)
        .with_blockers(lookup.blockers)
}

/// Whether the server gave up waiting for a lock.
pub(crate) fn is_lock_timeout(error: &tokio_postgres::Error) -> bool {
    error.code() == Some(&SqlState::LOCK_NOT_AVAILABLE)
}
