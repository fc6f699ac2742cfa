//! Connecting: the whole startup (name lookup, TCP, authentication) bounded by the connect
//! timeout, the connection driven by a task of its own, failures in the server's or system's words.

use std::error::Error as StdError;
use std::io;
use std::time::Duration;

use tokio_postgres::{Client, Config, NoTls};

use super::display_url;
use crate::{Error, ErrorKind};

/// How long connecting may take when `connect_timeout` does not say: libpq waits forever, which
/// a run started by a deploy must not.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// Connects with `config` (without TLS) and spawns the task that drives the connection on the
/// current tokio runtime.
///
/// The whole startup is bounded by the config's `connect_timeout` per host, as in libpq, else
/// [`DEFAULT_CONNECT_TIMEOUT`]: tokio-postgres bounds only the TCP connect, so a listener that
/// accepts and never answers would hang it. An error is [`ErrorKind::Connection`], names the
/// target with its password masked and carries the server's error ([`Error::db_error`],
/// [`Error::code`]) or the system's. A connection that ends with an error later is logged as a
/// warning with the server's words (the client's next call fails with `connection closed`).
pub async fn connect(config: &Config) -> Result<Client, Error> {
    let url = display_url(config);
    let limit = time_limit(config);
    tracing::debug!(target = %url, timeout = ?limit, "connecting");
    let (client, connection) = match tokio::time::timeout(limit, config.connect(NoTls)).await {
        Ok(Ok(connected)) => connected,
        Ok(Err(error)) => return Err(failed(&url, error)),
        Err(_) => {
            let silence = format!("no answer within {limit:?} (connect_timeout)");
            return Err(failed(
                &url,
                io::Error::new(io::ErrorKind::TimedOut, silence),
            ));
        }
    };
    tracing::debug!(target = %url, "connected");
    tokio::spawn(async move {
        if let Err(error) = connection.await {
            let ended = Error::postgres(format!("the connection to {url} ended"), error);
            tracing::warn!("{ended}");
        }
    });
    Ok(client)
}

/// Whether connecting failed because nothing listens at the address (refused, no such socket):
/// nobody answered. A server that refused, or something that accepted the connection and then
/// stayed silent, did answer in this sense.
pub fn nobody_listening(error: &Error) -> bool {
    let mut cause: Option<&(dyn StdError + 'static)> = Some(error);
    while let Some(error) = cause {
        if let Some(io) = error.downcast_ref::<io::Error>() {
            return matches!(
                io.kind(),
                io::ErrorKind::ConnectionRefused
                    | io::ErrorKind::NotFound
                    | io::ErrorKind::AddrNotAvailable
            );
        }
        cause = error.source();
    }
    false
}

fn failed(url: &str, cause: impl StdError + Send + Sync + 'static) -> Error {
    Error::new(ErrorKind::Connection, format!("cannot connect to {url}")).with_source(cause)
}

/// tokio-postgres tries the hosts in turn, so each gets the whole timeout, as in libpq.
fn time_limit(config: &Config) -> Duration {
    let per_host = config
        .get_connect_timeout()
        .copied()
        .unwrap_or(DEFAULT_CONNECT_TIMEOUT);
    let hosts = config.get_hosts().len().max(config.get_hostaddrs().len());
    per_host * hosts.max(1) as u32
}
