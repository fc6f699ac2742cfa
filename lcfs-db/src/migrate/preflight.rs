//! What a run checks before it changes anything, in one round trip: that the server accepts
//! writes (a hot standby does not), whether it can notice a vanished client, and the history as
//! it stands. Objects without a history table are looked for later, under the migration lock
//! (`unmanaged.rs`).

use futures_util::future::join;
use tokio_postgres::{Client, SimpleQueryMessage};

use super::history::{Applied, History};
use crate::{Error, ErrorKind};

/// What the server said before the run.
#[derive(Debug, Clone)]
pub(crate) struct Preflight {
    /// `None` when the history table does not exist.
    pub applied: Option<Applied>,
    /// Whether `client_connection_check_interval` can be set: PostgreSQL 14+, on a platform
    /// that supports it (it is an error elsewhere, so it is tried on a statement of its own).
    pub checks_client: bool,
}

/// Standby, client check: one statement; a server without the setting answers NULL rather than
/// an error, and `set_config(…, true)` outside a transaction lasts only for this statement.
const SERVER: &str = "SELECT pg_is_in_recovery(), CASE \
     WHEN current_setting('client_connection_check_interval', true) IS NULL THEN NULL \
     ELSE set_config('client_connection_check_interval', '1000', true) END";

/// Reads the server's state and the history; for a run that writes (`writes`), refuses a
/// standby.
pub(crate) async fn preflight(
    client: &Client,
    history: History<'_>,
    writes: bool,
) -> Result<Preflight, Error> {
    let (server, applied) = join(client.simple_query(SERVER), history.read(client)).await;
    let (in_recovery, checks_client) = match &server {
        Ok(answer) => first_row(answer),
        // Only the client check can fail here (a platform without it): the rest is plain SQL.
        Err(error) => {
            tracing::debug!(%error, "the server cannot check for a vanished client");
            let answer = client
                .simple_query("SELECT pg_is_in_recovery()")
                .await
                .map_err(|e| Error::postgres("asking whether the server is a standby", e))?;
            (first_row(&answer).0, false)
        }
    };
    let applied = applied?;
    if writes && in_recovery {
        return Err(Error::new(
            ErrorKind::Standby,
            "the server is a standby in recovery, read-only: migrations run on the primary; \
             nothing was applied (connect to the primary; `status` works on a standby)",
        ));
    }
    Ok(Preflight {
        applied,
        checks_client,
    })
}

fn first_row(answer: &[SimpleQueryMessage]) -> (bool, bool) {
    answer
        .iter()
        .find_map(|message| match message {
            SimpleQueryMessage::Row(row) => Some((row.get(0) == Some("t"), row.get(1).is_some())),
            _ => None,
        })
        .unwrap_or((false, false))
}
