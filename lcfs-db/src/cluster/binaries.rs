//! Finding the PostgreSQL server binaries: the directory [`BINDIR_VARIABLE`] names, else the
//! machine's own, so that one machine can run the private cluster on several major versions.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{Error, ErrorKind};

/// The variable naming the directory of the server binaries (`initdb`, `postgres`) the private
/// cluster and the test harness start, e.g. `/opt/lcfs-db/postgresql-17/bin`.
pub(crate) const BINDIR_VARIABLE: &str = "LCFS_DB_PG_BINDIR";

/// A directory holding `initdb` and `postgres`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerBinaries {
    bindir: PathBuf,
}

impl ServerBinaries {
    /// The directory `LCFS_DB_PG_BINDIR` names when it is set (an error when it lacks the
    /// binaries: a chosen version never silently becomes another); otherwise looks on `PATH`,
    /// then in `pg_config --bindir`, then in the highest `/usr/lib/postgresql/<version>/bin`.
    pub fn find() -> Result<Self, Error> {
        if let Some(chosen) = std::env::var_os(BINDIR_VARIABLE).filter(|dir| !dir.is_empty()) {
            return ServerBinaries::chosen(PathBuf::from(chosen));
        }
        let on_path = std::env::var_os("PATH")
            .map(|path| std::env::split_paths(&path).collect::<Vec<_>>())
            .unwrap_or_default()
            .into_iter()
            // PATH often holds symlinks (/usr/local/bin/initdb): the real directory has the rest.
            .filter_map(|dir| dir.join("initdb").canonicalize().ok())
            .filter_map(|initdb| initdb.parent().map(Path::to_path_buf));
        on_path
            .chain(pg_config_bindir())
            .chain(debian_bindirs())
            .find(|dir| is_server_dir(dir))
            .map(|bindir| ServerBinaries { bindir })
            .ok_or_else(|| {
                Error::new(
                    ErrorKind::Cluster,
                    "no PostgreSQL server binaries found (looked for `initdb` and `postgres` on \
                     PATH, in `pg_config --bindir` and in /usr/lib/postgresql/*/bin): install the \
                     server (Debian/Ubuntu: `apt-get install postgresql`), or name the directory \
                     holding them in LCFS_DB_PG_BINDIR",
                )
            })
    }

    fn chosen(bindir: PathBuf) -> Result<Self, Error> {
        if is_server_dir(&bindir) {
            return Ok(ServerBinaries { bindir });
        }
        Err(Error::new(
            ErrorKind::Cluster,
            format!(
                "{BINDIR_VARIABLE}={} holds no executable `initdb` and `postgres`: name the \
                 `bin` directory of a PostgreSQL server installation, or unset it to use the \
                 machine's own",
                bindir.display()
            ),
        ))
    }

    /// Uses the binaries in `bindir`.
    pub fn in_dir(bindir: impl Into<PathBuf>) -> Self {
        ServerBinaries {
            bindir: bindir.into(),
        }
    }

    /// The folder holding the server binaries.
    pub fn bindir(&self) -> &Path {
        &self.bindir
    }

    /// The `initdb` binary.
    pub fn initdb(&self) -> PathBuf {
        self.bindir.join("initdb")
    }

    /// The `postgres` server binary.
    pub fn postgres(&self) -> PathBuf {
        self.bindir.join("postgres")
    }

    /// The major version, from `postgres --version` ("postgres (PostgreSQL) 15.20 ...").
    pub fn major_version(&self) -> Result<u32, Error> {
        let output = Command::new(self.postgres())
            .arg("--version")
            .output()
            .map_err(|e| {
                Error::new(
                    ErrorKind::Cluster,
                    format!("running {}", self.postgres().display()),
                )
                .with_source(e)
            })?;
        let text = String::from_utf8_lossy(&output.stdout);
        text.split_whitespace()
            .find_map(|word| word.split('.').next()?.parse().ok())
            .ok_or_else(|| {
                Error::new(
                    ErrorKind::Cluster,
                    format!("`postgres --version` printed no version: {text:?}"),
                )
            })
    }
}

fn pg_config_bindir() -> Option<PathBuf> {
    let output = Command::new("pg_config").arg("--bindir").output().ok()?;
    let dir = String::from_utf8(output.stdout).ok()?;
    output.status.success().then(|| PathBuf::from(dir.trim()))
}

/// Debian's layout, one directory per major version: the highest first.
fn debian_bindirs() -> Vec<PathBuf> {
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let version = entry.file_name().to_str()?.parse().ok()?;
            Some((version, entry.path().join("bin")))
        })
        .collect();
    versions.sort_by_key(|(version, _)| std::cmp::Reverse(*version));
    versions.into_iter().map(|(_, dir)| dir).collect()
}

fn is_server_dir(dir: &Path) -> bool {
    is_executable(&dir.join("initdb")) && is_executable(&dir.join("postgres"))
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata()
        .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}
