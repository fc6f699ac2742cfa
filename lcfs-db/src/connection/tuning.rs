//! What the settings add beyond the address: a connect timeout, TCP keepalives and the
//! `application_name` operators see in `pg_stat_activity`, each unless the URL chose its own.

use std::time::Duration;

use tokio_postgres::Config;

use super::DEFAULT_CONNECT_TIMEOUT;
use super::resolve::number;
use super::settings::Origin;
use crate::Error;

/// tokio-postgres's keepalive idle time when nobody set one: the kernel's two hours.
const LIBRARY_KEEPALIVES_IDLE: Duration = Duration::from_secs(2 * 60 * 60);
/// A vanished server or network is noticed in about a minute: 30 s idle, 3 probes 10 s apart.
const KEEPALIVES_IDLE: Duration = Duration::from_secs(30);
const KEEPALIVES_INTERVAL: Duration = Duration::from_secs(10);
const KEEPALIVES_RETRIES: u32 = 3;

/// The connect timeout is the URL's, else `PGCONNECT_TIMEOUT`'s (0 or unset: the default).
pub(super) fn tune(config: &mut Config, env: &dyn Fn(&str) -> Option<String>) -> Result<(), Error> {
    if config.get_connect_timeout().is_none() {
        let seconds = match env("PGCONNECT_TIMEOUT") {
            Some(seconds) => number(&seconds, &Origin::Variable("PGCONNECT_TIMEOUT"))?,
            None => 0,
        };
        config.connect_timeout(match seconds {
            0 => DEFAULT_CONNECT_TIMEOUT,
            seconds => Duration::from_secs(seconds),
        });
    }
    if config.get_keepalives_idle() == LIBRARY_KEEPALIVES_IDLE {
        config.keepalives_idle(KEEPALIVES_IDLE);
    }
    if config.get_keepalives_interval().is_none() {
        config.keepalives_interval(KEEPALIVES_INTERVAL);
    }
    if config.get_keepalives_retries().is_none() {
        config.keepalives_retries(KEEPALIVES_RETRIES);
    }
    if config.get_application_name().is_none() {
        config.application_name("lcfs-db");
    }
    Ok(())
}
