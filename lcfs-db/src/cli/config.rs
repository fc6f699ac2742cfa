//! Where the database is: `--database-url`, `DATABASE_URL`, or LCFS's own `LCFS_DB_*` variables.

use std::fmt;

use tokio_postgres::config::Host;

/// LCFS's defaults, as its backend settings declare them.
const DEFAULT_HOST: &str = "localhost";
const DEFAULT_PORT: u16 = 5432;
const DEFAULT_USER: &str = "lcfs";
const DEFAULT_PASS: &str = "development_only";
const DEFAULT_BASE: &str = "lcfs";

/// Which setting chose the database, so that fallbacks apply only when nothing was configured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Flag,
    DatabaseUrl,
    LcfsVariables,
    Defaults,
}

/// A resolved connection target.
#[derive(Debug, Clone)]
pub struct Target {
    pub config: tokio_postgres::Config,
    pub source: Source,
}

impl Target {
    /// Resolves the target from the flag and the environment, in that order of precedence.
    pub fn resolve(
        flag: Option<&str>,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Target, String> {
        if let Some(url) = flag {
            return parse_url(url, "--database-url").map(|config| Target {
                config,
                source: Source::Flag,
            });
        }
        if let Some(url) = env("DATABASE_URL").filter(|u| !u.is_empty()) {
            return parse_url(&url, "DATABASE_URL").map(|config| Target {
                config,
                source: Source::DatabaseUrl,
            });
        }
        let names = [
            "LCFS_DB_HOST",
            "LCFS_DB_PORT",
            "LCFS_DB_USER",
            "LCFS_DB_PASS",
            "LCFS_DB_BASE",
        ];
        let source = if names.iter().any(|n| env(n).is_some()) {
            Source::LcfsVariables
        } else {
            Source::Defaults
        };
        let port = match env("LCFS_DB_PORT") {
            Some(p) => p
                .parse()
                .map_err(|_| format!("LCFS_DB_PORT is not a port number: {p:?}"))?,
            None => DEFAULT_PORT,
        };
        let mut config = tokio_postgres::Config::new();
        config
            .host(env("LCFS_DB_HOST").as_deref().unwrap_or(DEFAULT_HOST))
            .port(port)
            .user(env("LCFS_DB_USER").as_deref().unwrap_or(DEFAULT_USER))
            .password(env("LCFS_DB_PASS").as_deref().unwrap_or(DEFAULT_PASS))
            .dbname(env("LCFS_DB_BASE").as_deref().unwrap_or(DEFAULT_BASE))
            .application_name("lcfs-db");
        Ok(Target { config, source })
    }

    /// The database name, defaulting like libpq to the user name.
    pub fn dbname(&self) -> &str {
        self.config
            .get_dbname()
            .or(self.config.get_user())
            .unwrap_or("postgres")
    }
}

fn parse_url(url: &str, origin: &str) -> Result<tokio_postgres::Config, String> {
    let mut config: tokio_postgres::Config = url
        .parse()
        .map_err(|e| format!("{origin} is not a PostgreSQL connection string: {e}"))?;
    if config.get_application_name().is_none() {
        config.application_name("lcfs-db");
    }
    Ok(config)
}

/// The target as a URL with the password masked: safe to print.
pub struct Redacted<'a>(pub &'a tokio_postgres::Config);

impl fmt::Display for Redacted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = self.0;
        let user = c.get_user().unwrap_or("");
        let secret = if c.get_password().is_some() {
            ":***"
        } else {
            ""
        };
        let host = match c.get_hosts().first() {
            Some(Host::Tcp(h)) => h.clone(),
            Some(Host::Unix(path)) => path.display().to_string().replace('/', "%2F"),
            None => "localhost".to_owned(),
        };
        let port = c.get_ports().first().copied().unwrap_or(5432);
        let db = c.get_dbname().unwrap_or(user);
        write!(f, "postgres://{user}{secret}@{host}:{port}/{db}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let vars: Vec<(String, String)> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name| vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
    }

    #[test]
    fn the_flag_beats_database_url_which_beats_lcfs_variables() {
        let all = env(&[
            ("DATABASE_URL", "postgres://a@h1/db1"),
            ("LCFS_DB_HOST", "h2"),
        ]);
        let flag = Target::resolve(Some("postgres://b@h0/db0"), &all).unwrap();
        assert_eq!((flag.source, flag.dbname()), (Source::Flag, "db0"));
        let url = Target::resolve(None, &all).unwrap();
        assert_eq!((url.source, url.dbname()), (Source::DatabaseUrl, "db1"));
        let lcfs =
            Target::resolve(None, env(&[("LCFS_DB_HOST", "h2"), ("LCFS_DB_BASE", "x")])).unwrap();
        assert_eq!((lcfs.source, lcfs.dbname()), (Source::LcfsVariables, "x"));
    }

    #[test]
    fn nothing_set_means_lcfs_defaults() {
        let target = Target::resolve(None, env(&[])).unwrap();
        assert_eq!(target.source, Source::Defaults);
        assert_eq!(
            Redacted(&target.config).to_string(),
            "postgres://lcfs:***@localhost:5432/lcfs"
        );
    }

    #[test]
    fn passwords_never_print_and_bad_ports_are_named() {
        let target =
            Target::resolve(Some("postgres://u:secret@db.example:6543/lcfs"), env(&[])).unwrap();
        let shown = Redacted(&target.config).to_string();
        assert_eq!(shown, "postgres://u:***@db.example:6543/lcfs");
        let error = Target::resolve(None, env(&[("LCFS_DB_PORT", "five")])).unwrap_err();
        assert!(error.contains("LCFS_DB_PORT") && error.contains("five"));
    }
}
