//! Connection URLs that libpq (psql) and tokio-postgres both read, for any `Config`, and the
//! same URL with its password masked: the only form in which a target is ever printed.

use std::fmt::Write;
use std::os::unix::ffi::OsStrExt;

use tokio_postgres::Config;
use tokio_postgres::config::Host;

/// `postgresql://user[:password]@host:port/dbname`, a socket directory percent-encoded in the
/// host part. Only the first host is kept.
pub fn connection_url(config: &Config) -> String {
    url(config, true)
}

/// [`connection_url`] with the password, when there is one, shown as `***`: safe to print.
pub fn display_url(config: &Config) -> String {
    url(config, false)
}

/// A name (a database's, a role's) as [`display_url`] prints it: percent-encoded, so that a
/// quote, a space or an escape sequence in it never reaches a terminal as such.
pub fn display_name(name: &str) -> String {
    encode(name.as_bytes())
}

fn url(config: &Config, with_password: bool) -> String {
    let mut url = String::from("postgresql://");
    if let Some(user) = config.get_user() {
        url.push_str(&encode(user.as_bytes()));
        match config.get_password() {
            Some(password) if with_password => {
                let _ = write!(url, ":{}", encode(password));
            }
            Some(_) => url.push_str(":***"),
            None => {}
        }
        url.push('@');
    }
    match config.get_hosts().first() {
        Some(Host::Tcp(host)) if host.contains(':') => {
            let _ = write!(url, "[{host}]");
        }
        Some(Host::Tcp(host)) => url.push_str(&encode(host.as_bytes())),
        Some(Host::Unix(path)) => url.push_str(&encode(path.as_os_str().as_bytes())),
        None => match config.get_hostaddrs().first() {
            Some(std::net::IpAddr::V6(address)) => {
                let _ = write!(url, "[{address}]");
            }
            Some(address) => {
                let _ = write!(url, "{address}");
            }
            None => {}
        },
    }
    if let Some(port) = config.get_ports().first() {
        let _ = write!(url, ":{port}");
    }
    if let Some(dbname) = config.get_dbname() {
        let _ = write!(url, "/{}", encode(dbname.as_bytes()));
    }
    url
}

fn encode(bytes: &[u8]) -> String {
    bytes.iter().fold(String::new(), |mut out, &byte| {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(byte as char)
            }
            _ => {
                let _ = write!(out, "%{byte:02X}");
            }
        }
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_the_parser() {
        for url in [
            "postgresql://postgres@%2Fdev%2Fshm%2Fx%20y:5433/lcfs_test",
            "postgresql://me:p%40ss@127.0.0.1:5432/db",
        ] {
            let config: Config = url.parse().unwrap();
            assert_eq!(connection_url(&config), url);
        }
    }

    #[test]
    fn the_password_is_masked_for_display() {
        let config: Config = "postgresql://me:secret@db:5432/x".parse().unwrap();
        assert_eq!(display_url(&config), "postgresql://me:***@db:5432/x");
        let config: Config = "postgresql://me@%2Frun%2Fpg:5433/x".parse().unwrap();
        assert_eq!(display_url(&config), "postgresql://me@%2Frun%2Fpg:5433/x");
    }

    #[test]
    fn a_name_prints_as_in_the_url() {
        let name = "a \"b\"\u{1b}[31m";
        let mut config = Config::new();
        config.host("db").dbname(name);
        assert_eq!(display_name(name), "a%20%22b%22%1B%5B31m");
        assert!(display_url(&config).ends_with(&format!("/{}", display_name(name))));
    }
}
