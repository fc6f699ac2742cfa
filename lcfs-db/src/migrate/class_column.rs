//! A history table an older version made gets the `class` column first, in a transaction of its
//! own under the migration lock, with a migration's timeouts and retries after a lock timeout:
//! `ALTER TABLE` waits for every session that has read the history in an open transaction.

use tokio_postgres::Client;
use tokio_postgres::error::SqlState;

use super::Migrator;
use super::apply::backoff;
use super::blockers;
use super::history::History;
use super::lock::MigrationLock;
use super::progress::log_retry_after;
use super::session;
use super::transaction::{Begin, Open};
use super::unmanaged::Prepare;
use crate::{Error, ErrorKind};

/// Adds the column, committed before any migration of the run.
pub(crate) async fn add(
    migrator: &Migrator,
    history: History<'_>,
    client: &Client,
    checks_client: bool,
) -> Result<(), Error> {
    let sql = history.add_class_sql();
    let identity = session::identity(checks_client);
    let lock_timeout = migrator.ddl_lock_timeout_value();
    let timeouts = session::timeouts(lock_timeout, migrator.statement_timeout_value());
    let begin = Begin {
        lock: MigrationLock::for_table(history.table()),
        lock_wait: migrator.lock_wait(),
        identity: &identity,
        timeouts: &timeouts,
        prepare_history: Some(Prepare::AddClass),
        history,
    };
    let mut attempt = 1;
    loop {
        let error = match Open::begin(client, &begin).await {
            Ok((open, _)) => return open.commit().await,
            Err(error) => error,
        };
        if error.code() != Some(&SqlState::LOCK_NOT_AVAILABLE) {
            return Err(error);
        }
        let lookup = blockers::look_up(client, &sql, lock_timeout)
            .await
            .unwrap_or_default();
        if attempt > migrator.lock_retries_value() {
            let message = format!(
                "adding the `class` column to the history table {} gave up: on each of its \
                 {attempt} attempts it waited longer than {} for {}; nothing was applied. To \
                 proceed, let the sessions below finish, or end them (`SELECT \
                 pg_terminate_backend(pid)`), then run again; or allow a longer wait with \
                 --lock-timeout",
                history.table(),
                session::describe(lock_timeout, "lock_timeout"),
                match lookup.wanted.is_empty() {
                    true => format!("a lock on {}", history.table()),
                    false => lookup.wanted.join(" and "),
                },
            );
            return Err(Error::new(ErrorKind::Blocked, message)
                .with_source(error)
                .with_blockers(lookup.blockers));
        }
        let wait = backoff(attempt);
        log_retry_after(
            "lock timeout",
            history.table(),
            &sql,
            None,
            attempt,
            wait,
            &lookup,
        );
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}
