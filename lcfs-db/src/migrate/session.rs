//! What a run tells the server about its session: its name in `pg_stat_activity`, to notice a
//! client that vanished, and the migration's timeouts. They are set per transaction (`SET
//! LOCAL`), so the application's own values return at commit and nothing outlives a transaction
//! that a pooler could hand to another client. A no-transaction migration has no transaction to
//! scope them: it sets them for the session and puts the old values back.

use std::time::Duration;

use tokio_postgres::{Client, SimpleQueryMessage};

use crate::timeouts::setting_value;
use crate::{Error, timeouts};

/// How a run shows in `pg_stat_activity.application_name`.
pub const APPLICATION_NAME: &str = "lcfs-db";

/// How often a waiting or running statement of a run checks that its client is still there
/// (`client_connection_check_interval`, PostgreSQL 14+ on Linux). A killed migrator's backend,
/// with every lock it holds and every request queued behind them, is then gone within about
/// this long, instead of lingering until its statement ends; the check is one `poll()`.
pub const CLIENT_CHECK_INTERVAL: Duration = Duration::from_secs(1);

/// One setting and the value a run gives it.
pub(crate) type Setting = (&'static str, String);

/// The run's name, and the client check where the server has it.
pub(crate) fn identity(checks_client: bool) -> Vec<Setting> {
    let mut settings = vec![("application_name", APPLICATION_NAME.to_owned())];
    if checks_client {
        settings.push((
            "client_connection_check_interval",
            setting_value(CLIENT_CHECK_INTERVAL),
        ));
    }
    settings
}

/// A migration's lock and statement timeouts.
pub(crate) fn timeouts(lock_timeout: Duration, statement_timeout: Duration) -> Vec<Setting> {
    vec![
        ("lock_timeout", setting_value(lock_timeout)),
        ("statement_timeout", setting_value(statement_timeout)),
    ]
}

/// `SET LOCAL name = 'value'; …`, for inside a transaction.
pub(crate) fn set_local(settings: &[Setting]) -> String {
    settings
        .iter()
        .map(|(name, value)| format!("SET LOCAL {name} = {}; ", literal(value)))
        .collect()
}

/// Values a session had before [`set_for_session`] changed them.
#[derive(Debug)]
#[must_use = "the application's settings come back only with `restore_calls`"]
pub(crate) struct Saved(Vec<(&'static str, String)>);

/// Sets `settings` for the server session where `here` holds (`pinned.rs`), returning what they
/// were; `None`, with nothing set anywhere, when the pooler handed the statements to another.
pub(crate) async fn set_for_session(
    client: &Client,
    settings: &[Setting],
    here: &str,
) -> Result<Option<Saved>, Error> {
    let names: Vec<String> = settings
        .iter()
        .map(|(name, _)| format!("current_setting({})", literal(name)))
        .collect();
    let read = format!("SELECT {} WHERE {here}", names.join(", "));
    let answer = client
        .simple_query(&read)
        .await
        .map_err(|e| Error::postgres("reading the session's settings", e))?;
    let Some(old) = first_row(&answer, settings.len()) else {
        return Ok(None);
    };
    let saved = Saved(settings.iter().map(|(name, _)| *name).zip(old).collect());
    let answer = client
        .simple_query(&set_session(settings, here))
        .await
        .map_err(|e| Error::postgres("setting the session's timeouts", e))?;
    Ok(first_row(&answer, 0).map(|_| saved))
}

/// The `set_config` calls that put the values [`set_for_session`] found back, for a statement
/// that puts more back at once (`pinned.rs`).
pub(crate) fn restore_calls(saved: &Saved) -> Vec<String> {
    set_calls(&saved.0)
}

/// The first row's first `columns` values, when a row came back.
fn first_row(answer: &[SimpleQueryMessage], columns: usize) -> Option<Vec<String>> {
    answer.iter().find_map(|message| match message {
        SimpleQueryMessage::Row(row) => Some(
            (0..columns)
                .map(|i| row.get(i).unwrap_or_default().to_owned())
                .collect(),
        ),
        _ => None,
    })
}

fn set_session(settings: &[Setting], here: &str) -> String {
    format!("SELECT {} WHERE {here}", set_calls(settings).join(", "))
}

fn set_calls(settings: &[Setting]) -> Vec<String> {
    settings
        .iter()
        .map(|(name, value)| format!("set_config({}, {}, false)", literal(name), literal(value)))
        .collect()
}

/// `value` as an SQL string literal.
pub(crate) fn literal(value: &str) -> String {
    format!("'{}'", value.replace('\'', "''"))
}

/// `1s (lock_timeout)` and the like, for messages.
pub(crate) fn describe(duration: Duration, name: &str) -> String {
    format!("{name} {}", timeouts::format_duration(duration))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_are_local_to_the_transaction() {
        let sql = set_local(&timeouts(Duration::from_secs(5), Duration::ZERO));
        assert_eq!(
            sql,
            "SET LOCAL lock_timeout = '5000ms'; SET LOCAL statement_timeout = '0ms'; "
        );
        assert_eq!(identity(false).len(), 1);
        assert_eq!(
            set_session(&[("application_name", "it's".into())], "true"),
            "SELECT set_config('application_name', 'it''s', false) WHERE true"
        );
    }
}
