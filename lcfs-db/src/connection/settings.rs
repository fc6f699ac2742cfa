//! Connection settings as the command line reads them, and where each field came from: what an
//! operator needs to know when a run went to an unexpected server.

use std::fmt;
use std::path::PathBuf;

use tokio_postgres::Config;

use super::resolve::Resolver;
use crate::Error;

/// A connection field whose origin [`Settings::origin`] reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The server's host name, address or socket directory.
    Host,
    /// The server's port.
    Port,
    /// The role to log in as.
    User,
    /// The role's password.
    Password,
    /// The database name.
    Dbname,
}

impl Field {
    const ALL: [Field; 5] = [
        Field::Host,
        Field::Port,
        Field::User,
        Field::Dbname,
        Field::Password,
    ];

    fn label(self) -> &'static str {
        match self {
            Field::Host => "host",
            Field::Port => "port",
            Field::User => "user",
            Field::Password => "password",
            Field::Dbname => "database",
        }
    }
}

/// Where a field's value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Origin {
    /// The URL passed to [`Settings::resolve`] (the command line's `--database-url`).
    Url,
    /// An environment variable, by name (`DATABASE_URL`, `LCFS_DB_HOST`, `PGPORT`, …).
    Variable(&'static str),
    /// A line of this password file (`PGPASSFILE`, else `~/.pgpass`).
    PasswordFile(PathBuf),
    /// LCFS's default; for a URL without a database name, the user name, as in libpq.
    Default,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Url => f.write_str("the URL given"),
            Origin::Variable(name) => f.write_str(name),
            Origin::PasswordFile(path) => write!(f, "{}", path.display()),
            Origin::Default => f.write_str("the defaults"),
        }
    }
}

/// Resolved connection settings: a `tokio_postgres::Config` and the origin of each field.
#[derive(Debug, Clone)]
pub struct Settings {
    pub(super) config: Config,
    pub(super) origins: [Option<Origin>; 5],
}

impl Settings {
    /// Reads the process environment; `url`, when given, stands where `DATABASE_URL` would (the
    /// command line passes its `--database-url`). See [the module docs](super) for the order.
    pub fn from_env(url: Option<&str>) -> Result<Settings, Error> {
        Settings::resolve(url, |name| std::env::var(name).ok())
    }

    /// As [`Settings::from_env`], reading variables through `env` instead of the process
    /// environment (an empty value counts as unset).
    pub fn resolve(
        url: Option<&str>,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Settings, Error> {
        let settings = Resolver::run(url, &env)?;
        tracing::debug!(
            target = %super::display_url(&settings.config),
            chosen_by = %settings.chosen_by(),
            "connection settings"
        );
        Ok(settings)
    }

    /// The settings, ready for [`connect`](super::connect) or `Config::connect`.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The settings, by value.
    pub fn into_config(self) -> Config {
        self.config
    }

    /// Where `field` came from; `None` for a password nobody gave.
    pub fn origin(&self, field: Field) -> Option<&Origin> {
        self.origins[field as usize].as_ref()
    }

    /// Whether nothing chose the server, role or database: LCFS's default address, where a
    /// caller may fall back to something else when no server answers. A password from the
    /// password file does not count: it only answers for the default address.
    pub fn nothing_configured(&self) -> bool {
        Field::ALL.iter().all(|&field| match self.origin(field) {
            Some(Origin::Default | Origin::PasswordFile(_)) => true,
            None => field == Field::Password,
            Some(_) => false,
        })
    }

    /// Which settings chose the fields, for a person: `DATABASE_URL`, or e.g. `host from
    /// LCFS_DB_HOST, port from PGPORT, user and database from the defaults`.
    pub fn chosen_by(&self) -> impl fmt::Display + '_ {
        ChosenBy(self)
    }
}

struct ChosenBy<'a>(&'a Settings);

impl fmt::Display for ChosenBy<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut groups: Vec<(&Origin, Vec<&str>)> = Vec::new();
        for field in Field::ALL {
            let Some(origin) = self.0.origin(field) else {
                continue;
            };
            match groups.iter_mut().find(|(o, _)| *o == origin) {
                Some((_, fields)) => fields.push(field.label()),
                None => groups.push((origin, vec![field.label()])),
            }
        }
        if let [(origin, _)] = groups.as_slice() {
            return write!(f, "{origin}");
        }
        for (i, (origin, fields)) in groups.iter().enumerate() {
            let separator = if i == 0 { "" } else { ", " };
            let (last, rest) = fields.split_last().expect("a group has a field");
            match rest {
                [] => write!(f, "{separator}{last} from {origin}")?,
                _ => write!(f, "{separator}{} and {last} from {origin}", rest.join(", "))?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
