//! How a failed migration is reported: its file, the failing statement and where it is, the
//! server's own words, and for a lock timeout or a deadlock the sessions that stood in the way
//! and what to do.

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

/// A failure after which the server rolled the whole transaction back and the same migration
/// may well succeed a moment later: all are retried alike, within the one retry budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Transient {
    /// `lock_not_available` (55P03): a statement waited longer than `lock_timeout`.
    LockTimeout,
    /// `deadlock_detected` (40P01): the server ended the migration to break a cycle of waits.
    Deadlock,
    /// `serialization_failure` (40001): a concurrent change the transaction cannot see past.
    Serialization,
    /// `tuple concurrently updated` (XX000): a GRANT or REVOKE on a relation whose catalog row
    /// another session rewrote at that moment (a materialized view its refresh trigger was
    /// refreshing: GRANT takes no lock that waits for that).
    CatalogRace,
}

impl Transient {
    pub fn of(error: &tokio_postgres::Error) -> Option<Transient> {
        match error.code()? {
            code if code == &SqlState::LOCK_NOT_AVAILABLE => Some(Transient::LockTimeout),
            code if code == &SqlState::T_R_DEADLOCK_DETECTED => Some(Transient::Deadlock),
            code if code == &SqlState::T_R_SERIALIZATION_FAILURE => Some(Transient::Serialization),
            code if code == &SqlState::INTERNAL_ERROR
                && error
                    .as_db_error()
                    .is_some_and(|db| db.message() == "tuple concurrently updated") =>
            {
                Some(Transient::CatalogRace)
            }
            _ => None,
        }
    }

    /// What happened, for the retry's log line: `lock timeout`, `deadlock`, ….
    pub fn what(self) -> &'static str {
        match self {
            Transient::LockTimeout => "lock timeout",
            Transient::Deadlock => "deadlock",
            Transient::Serialization => "serialization failure",
            Transient::CatalogRace => "catalog row updated concurrently",
        }
    }
}

impl Report<'_> {
    /// The last of `attempts` ended as `transient` says: the error that ends the run.
    pub fn gave_up(
        &self,
        transient: Transient,
        error: tokio_postgres::Error,
        attempts: u32,
        lookup: Lookup,
        done: &str,
    ) -> Error {
        if transient == Transient::LockTimeout {
            return self.blocked(error, attempts, lookup, done);
        }
        let attempts = match attempts {
            1 => "its only attempt".to_owned(),
            n => format!("the last of its {n} attempts"),
        };
        let others: Vec<String> = lookup
            .blockers
            .iter()
            .map(|b| format!("pid {} ({:?})", b.pid, b.application_name))
            .collect();
        let with = match others.is_empty() {
            true => "another session".to_owned(),
            false => others.join(" and "),
        };
        let cause = match (transient, lookup.wanted.first()) {
            (Transient::Deadlock, Some(wanted)) => format!(
                "{attempts} ended in a deadlock with {with}: the migration waited for {wanted}, \
                 held there, while that session waited for a lock the migration held; the server \
                 rolled the migration back to break the cycle"
            ),
            (Transient::Deadlock, None) => format!(
                "{attempts} ended in a deadlock with {with}; the server rolled the migration \
                 back to break the cycle"
            ),
            (Transient::CatalogRace, _) => format!(
                "{attempts} changed a catalog row another session rewrote at the same moment \
                 (tuple concurrently updated), beside {with}"
            ),
            _ => format!("{attempts} ended in a serialization failure beside {with}"),
        };
        let message = format!(
            "migration {} gave up: {cause}; {done}. To proceed, run again (the application's \
             transactions it collided with are usually short), or allow more attempts with \
             --lock-retries, or `-- lcfs-db: lock-retries 5` in the migration's header",
            self.file,
        );
        Error::new(ErrorKind::Blocked, message)
            .in_file(self.version, self.file)
            .with_source(error)
            .with_blockers(lookup.blockers)
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
