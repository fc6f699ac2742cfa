//! The order in which each connection field is looked for: a URL, else LCFS's `LCFS_DB_*`
//! variables; then libpq's `PG*` variables (and password file); then LCFS's defaults.

use tokio_postgres::Config;

use super::settings::{Field, Origin, Settings};
use super::{pgpass, tuning};
use crate::{Error, ErrorKind};

/// LCFS's defaults, as its backend settings declare them.
const DEFAULT_HOST: &str = "localhost";
const DEFAULT_PORT: u16 = 5432;
const DEFAULT_USER: &str = "lcfs";
const DEFAULT_PASSWORD: &str = "development_only";
const DEFAULT_DBNAME: &str = "lcfs";

/// Moves LCFS's default address (`host:port`), still counting as nothing configured: how tests
/// put "the default server" where they want it.
const DEFAULT_ADDRESS: &str = "LCFS_DB_DEFAULT_ADDRESS";

pub(super) struct Resolver<'a> {
    env: &'a dyn Fn(&str) -> Option<String>,
    /// Where the URL the settings start from came from, if there is one.
    url: Option<Origin>,
    config: Config,
    origins: [Option<Origin>; 5],
}

impl Resolver<'_> {
    pub fn run(url: Option<&str>, env: &dyn Fn(&str) -> Option<String>) -> Result<Settings, Error> {
        let env = &|name: &str| env(name).filter(|value| !value.is_empty());
        let given = match url {
            Some(url) => Some((url.to_owned(), Origin::Url)),
            None => env("DATABASE_URL").map(|url| (url, Origin::Variable("DATABASE_URL"))),
        };
        let mut resolver = Resolver {
            env,
            url: None,
            config: Config::new(),
            origins: Default::default(),
        };
        if let Some((url, origin)) = given {
            resolver.config = url.parse().map_err(|e| {
                Error::new(
                    ErrorKind::Config,
                    format!("{origin} is not a PostgreSQL connection URL"),
                )
                .with_source(e)
            })?;
            resolver.url = Some(origin);
        }
        resolver.host()?;
        resolver.port()?;
        resolver.user();
        resolver.dbname();
        resolver.password();
        tuning::tune(&mut resolver.config, env)?;
        Ok(Settings {
            config: resolver.config,
            origins: resolver.origins,
        })
    }

    /// The URL's origin when the URL set the field.
    fn url_if(&self, set: bool) -> Option<Origin> {
        self.url.clone().filter(|_| set)
    }

    /// LCFS's variable (read only without a URL), else libpq's.
    fn variable(&self, lcfs: &'static str, libpq: &'static str) -> Option<(String, Origin)> {
        let names: &[&'static str] = match self.url {
            Some(_) => &[libpq],
            None => &[lcfs, libpq],
        };
        names
            .iter()
            .find_map(|&name| (self.env)(name).map(|value| (value, Origin::Variable(name))))
    }

    fn set(&mut self, field: Field, origin: Origin) {
        self.origins[field as usize] = Some(origin);
    }

    fn host(&mut self) -> Result<(), Error> {
        let set = !self.config.get_hosts().is_empty() || !self.config.get_hostaddrs().is_empty();
        let origin = match (self.url_if(set), self.variable("LCFS_DB_HOST", "PGHOST")) {
            (Some(url), _) => url,
            (None, Some((hosts, origin))) => {
                hosts.split(',').for_each(|host| {
                    self.config.host(host.trim());
                });
                origin
            }
            (None, None) => {
                self.config.host(self.default_address()?.0);
                Origin::Default
            }
        };
        self.set(Field::Host, origin);
        Ok(())
    }

    fn port(&mut self) -> Result<(), Error> {
        let set = !self.config.get_ports().is_empty();
        let origin = match (self.url_if(set), self.variable("LCFS_DB_PORT", "PGPORT")) {
            (Some(url), _) => url,
            (None, Some((ports, origin))) => {
                for port in ports.split(',') {
                    self.config.port(number(port, &origin)?);
                }
                origin
            }
            (None, None) => {
                self.config.port(self.default_address()?.1);
                Origin::Default
            }
        };
        self.set(Field::Port, origin);
        Ok(())
    }

    fn user(&mut self) {
        let set = self.config.get_user().is_some();
        let origin = match (self.url_if(set), self.variable("LCFS_DB_USER", "PGUSER")) {
            (Some(url), _) => url,
            (None, Some((user, origin))) => {
                self.config.user(user);
                origin
            }
            (None, None) => {
                self.config.user(DEFAULT_USER);
                Origin::Default
            }
        };
        self.set(Field::User, origin);
    }

    fn dbname(&mut self) {
        let set = self.config.get_dbname().is_some();
        let origin = match (
            self.url_if(set),
            self.variable("LCFS_DB_BASE", "PGDATABASE"),
        ) {
            (Some(url), _) => url,
            (None, Some((dbname, origin))) => {
                self.config.dbname(dbname);
                origin
            }
            (None, None) => {
                // A URL's database defaults to its user, as libpq's and the server's do.
                let dbname = match self.url {
                    Some(_) => self.config.get_user().unwrap_or(DEFAULT_DBNAME).to_owned(),
                    None => DEFAULT_DBNAME.to_owned(),
                };
                self.config.dbname(dbname);
                Origin::Default
            }
        };
        self.set(Field::Dbname, origin);
    }

    /// libpq's order (URL, `PGPASSWORD`, password file); LCFS's development password last,
    /// and only without a URL, which names a server of its own.
    fn password(&mut self) {
        let set = self.config.get_password().is_some_and(|p| !p.is_empty());
        let origin = match (
            self.url_if(set),
            self.variable("LCFS_DB_PASS", "PGPASSWORD"),
        ) {
            (Some(url), _) => Some(url),
            (None, Some((password, origin))) => {
                self.config.password(password);
                Some(origin)
            }
            (None, None) => self.password_file().or_else(|| {
                self.url.is_none().then(|| {
                    self.config.password(DEFAULT_PASSWORD);
                    Origin::Default
                })
            }),
        };
        self.origins[Field::Password as usize] = origin;
    }

    fn password_file(&mut self) -> Option<Origin> {
        let file = pgpass::location(self.env)?;
        let password = pgpass::lookup(&file, &self.config)?;
        self.config.password(password);
        Some(Origin::PasswordFile(file))
    }

    /// LCFS's default host and port, or where [`DEFAULT_ADDRESS`] moved them.
    fn default_address(&self) -> Result<(String, u16), Error> {
        let Some(address) = (self.env)(DEFAULT_ADDRESS) else {
            return Ok((DEFAULT_HOST.to_owned(), DEFAULT_PORT));
        };
        let origin = Origin::Variable(DEFAULT_ADDRESS);
        match address.rsplit_once(':') {
            Some((host, port)) if !host.is_empty() => Ok((host.to_owned(), number(port, &origin)?)),
            _ => Err(Error::new(
                ErrorKind::Config,
                format!("{DEFAULT_ADDRESS} is not host:port: {address:?}"),
            )),
        }
    }
}

/// A port or a number of seconds, or an error naming the variable that holds something else.
pub(super) fn number<T: std::str::FromStr>(text: &str, origin: &Origin) -> Result<T, Error> {
    text.trim().parse().map_err(|_| {
        Error::new(
            ErrorKind::Config,
            format!("{origin} is not a number: {text:?}"),
        )
    })
}
