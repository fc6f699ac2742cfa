//! libpq's password file (`PGPASSFILE`, else `~/.pgpass`), read as libpq reads it, so that a
//! password need not sit in a URL or on a command line where `ps` shows it.
//!
//! Each line is `host:port:database:user:password`; a field that is exactly `*` matches
//! anything, `\` escapes `:` and `\`, lines starting with `#` are comments, the first matching
//! line wins. A file that group or others may read is ignored with a warning, as libpq does.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use tokio_postgres::Config;
use tokio_postgres::config::Host;

/// Debian's libpq socket directory, which password files spell `localhost`.
const DEFAULT_SOCKET_DIR: &str = "/var/run/postgresql";

/// The password file to read: `PGPASSFILE`, else `.pgpass` in `HOME`.
pub(crate) fn location(env: &dyn Fn(&str) -> Option<String>) -> Option<PathBuf> {
    match env("PGPASSFILE") {
        Some(file) => Some(PathBuf::from(file)),
        None => env("HOME").map(|home| Path::new(&home).join(".pgpass")),
    }
}

/// The password `file` holds for the first host, port, database and user of `config`.
pub(crate) fn lookup(file: &Path, config: &Config) -> Option<String> {
    let metadata = std::fs::metadata(file).ok()?;
    if !metadata.is_file() {
        tracing::warn!("password file {} is not a plain file", file.display());
        return None;
    }
    if metadata.permissions().mode() & 0o077 != 0 {
        tracing::warn!(
            "password file {} has group or world access; permissions should be u=rw (0600) or \
             less: it is ignored",
            file.display()
        );
        return None;
    }
    let text = std::fs::read_to_string(file).ok()?;
    let key = Key::of(config)?;
    text.lines().find_map(|line| key.password_on(line))
}

/// What a line is matched against.
struct Key {
    host: String,
    port: String,
    dbname: String,
    user: String,
}

impl Key {
    fn of(config: &Config) -> Option<Key> {
        let host = match config.get_hosts().first() {
            Some(Host::Tcp(host)) => host.clone(),
            Some(Host::Unix(dir)) if dir == Path::new(DEFAULT_SOCKET_DIR) => "localhost".to_owned(),
            Some(Host::Unix(dir)) => dir.to_str()?.to_owned(),
            None => config.get_hostaddrs().first()?.to_string(),
        };
        let user = config.get_user()?.to_owned();
        Some(Key {
            host,
            port: config.get_ports().first().unwrap_or(&5432).to_string(),
            dbname: config.get_dbname().unwrap_or(&user).to_owned(),
            user,
        })
    }

    fn password_on(&self, line: &str) -> Option<String> {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.starts_with('#') {
            return None;
        }
        let fields = split(line);
        let [host, port, dbname, user, password, ..] = fields.as_slice() else {
            return None;
        };
        let wanted = [&self.host, &self.port, &self.dbname, &self.user];
        [host, port, dbname, user]
            .iter()
            .zip(wanted)
            .all(|(field, value)| field.matches(value))
            .then(|| password.text.clone())
    }
}

/// One field of a line: its unescaped text, and whether it was a bare `*`.
struct Field {
    text: String,
    wildcard: bool,
}

impl Field {
    fn new(text: String, escaped_any: bool) -> Field {
        Field {
            wildcard: text == "*" && !escaped_any,
            text,
        }
    }

    fn matches(&self, value: &str) -> bool {
        self.wildcard || self.text == value
    }
}

/// Splits at unescaped `:`, removing the escapes.
fn split(line: &str) -> Vec<Field> {
    let mut fields = Vec::new();
    let (mut text, mut escaped_any) = (String::new(), false);
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(next) => {
                    text.push(next);
                    escaped_any = true;
                }
                None => text.push('\\'),
            },
            ':' => {
                fields.push(Field::new(std::mem::take(&mut text), escaped_any));
                escaped_any = false;
            }
            c => text.push(c),
        }
    }
    fields.push(Field::new(text, escaped_any));
    fields
}

#[cfg(test)]
mod tests;
