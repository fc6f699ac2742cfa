//! A cluster's folders: made 0700 for the server's account and never through a symlink; one that
//! (Over 200 lines: every check on a folder's owner, mode and links in one place to audit.)
//! exists already is used only when that account owns it. In shared folders only unguessable names.

use std::ffi::OsStr;
use std::fs::{DirBuilder, File};
use std::io::ErrorKind as IoKind;
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use super::account::Account;
use super::process::cluster_error;
use crate::{Error, ErrorKind};

/// Creates `dir` (its parents as usual) for `account`, mode 0700, or accepts it when it exists,
/// is a real folder and is `account`'s; a wider mode is narrowed to 0700.
pub(crate) fn create_private(dir: &Path, account: Account) -> Result<(), Error> {
    if let Some(parent) = dir.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| cluster_error(&format!("creating {}", parent.display()), e))?;
    }
    match DirBuilder::new().mode(0o700).create(dir) {
        Ok(()) => seal(dir, account),
        Err(e) if e.kind() == IoKind::AlreadyExists && is_empty_and_mine(dir) => seal(dir, account),
        Err(e) if e.kind() == IoKind::AlreadyExists => {
            check_owned(dir, account)?;
            seal(dir, account)
        }
        Err(e) => Err(cluster_error(&format!("creating {}", dir.display()), e)),
    }
}

/// An empty real folder of this process's user, made for the cluster ahead of time.
fn is_empty_and_mine(dir: &Path) -> bool {
    // SAFETY: geteuid has no preconditions and cannot fail.
    let me = unsafe { libc::geteuid() };
    std::fs::symlink_metadata(dir).is_ok_and(|m| m.is_dir() && m.uid() == me)
        && std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_none())
}

/// Creates a new folder `<prefix><random>` in `parent` (a shared one, like /tmp) for `account`:
/// nobody can have made it first, so nobody else holds it.
pub(crate) fn create_unique(
    parent: &Path,
    prefix: &str,
    account: Account,
) -> Result<PathBuf, Error> {
    for _ in 0..16 {
        let dir = parent.join(format!("{prefix}{:016x}", random()?));
        match DirBuilder::new().mode(0o700).create(&dir) {
            Ok(()) => return seal(&dir, account).map(|()| dir),
            Err(e) if e.kind() == IoKind::AlreadyExists => continue,
            Err(e) => return Err(cluster_error(&format!("creating {}", dir.display()), e)),
        }
    }
    Err(Error::new(
        ErrorKind::Cluster,
        format!("no free name for a folder in {}", parent.display()),
    ))
}

/// Refuses `dir` unless it is a folder (not a symlink) that `account` owns.
pub(crate) fn check_owned(dir: &Path, account: Account) -> Result<(), Error> {
    let meta = std::fs::symlink_metadata(dir)
        .map_err(|e| cluster_error(&format!("examining {}", dir.display()), e))?;
    let refuse = |what: String| {
        Err(Error::new(
            ErrorKind::Cluster,
            format!(
                "{} {what}: a cluster folder must be a folder of {} and closed to others; \
                 remove it or choose another folder",
                dir.display(),
                account.describe()
            ),
        ))
    };
    if meta.file_type().is_symlink() {
        return refuse("is a symbolic link".into());
    }
    if !meta.is_dir() {
        return refuse("is not a folder".into());
    }
    if meta.uid() != account.uid() {
        return refuse(format!("belongs to uid {}", meta.uid()));
    }
    Ok(())
}

/// Whether `path` is a real folder that `account` owns: what a leftover sweep may remove.
pub(crate) fn is_owned(path: &Path, account: Account) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.is_dir() && m.uid() == account.uid())
}

/// Refuses `dir` when `account` (another user than this process's) cannot enter one of the
/// folders above it: the server could not reach its data.
pub(crate) fn check_reachable(dir: &Path, account: Account) -> Result<(), Error> {
    match unreachable_ancestor(dir, account) {
        None => Ok(()),
        Some((blocked, meta)) => Err(Error::new(
            ErrorKind::Cluster,
            format!(
                "{} cannot enter {} (mode {:04o}, owner uid {}), so the server could not reach {}: \
                 choose a cluster folder outside it (LCFS_DB_CLUSTER_DIR, or leave it unset to \
                 use {}), or run as an ordinary user, whose server runs as that user",
                account.describe(),
                blocked.display(),
                meta.mode() & 0o7777,
                meta.uid(),
                dir.display(),
                SYSTEM_ROOT,
            ),
        )),
    }
}

/// The first folder on the way to `dir` that `account` may not enter (existing ones only).
pub(crate) fn unreachable_ancestor(
    dir: &Path,
    account: Account,
) -> Option<(PathBuf, std::fs::Metadata)> {
    if account == Account::Current {
        return None;
    }
    let mut path = PathBuf::new();
    for part in dir.components() {
        path.push(part);
        if path.as_os_str() == OsStr::new(dir.as_os_str()) {
            break;
        }
        let Ok(meta) = std::fs::metadata(&path) else {
            break;
        };
        let mode = meta.mode();
        let may_enter = match () {
            _ if meta.uid() == account.uid() => mode & 0o100 != 0,
            _ if meta.gid() == account.gid() => mode & 0o010 != 0,
            _ => mode & 0o001 != 0,
        };
        if !may_enter {
            return Some((path, meta));
        }
    }
    None
}

/// Where a root process keeps clusters its server's account cannot reach elsewhere.
pub(crate) const SYSTEM_ROOT: &str = "/var/lib/lcfs-db";

/// [`SYSTEM_ROOT`], created when missing, and refused unless root owns it and only root may
/// write to it: the names inside it are predictable.
pub(crate) fn system_root() -> Result<PathBuf, Error> {
    let root = PathBuf::from(SYSTEM_ROOT);
    DirBuilder::new()
        .recursive(true)
        .mode(0o755)
        .create(&root)
        .map_err(|e| cluster_error(&format!("creating {}", root.display()), e))?;
    let meta = std::fs::symlink_metadata(&root)
        .map_err(|e| cluster_error(&format!("examining {}", root.display()), e))?;
    if meta.file_type().is_symlink()
        || !meta.is_dir()
        || meta.uid() != 0
        || meta.mode() & 0o022 != 0
    {
        return Err(Error::new(
            ErrorKind::Cluster,
            format!(
                "{} must be a folder of root that only root may write to (it is {}, owner uid \
                 {}, mode {:04o}): remove it, and it is made again",
                root.display(),
                match meta.file_type().is_symlink() {
                    true => "a symbolic link",
                    false => "not",
                },
                meta.uid(),
                meta.mode() & 0o7777
            ),
        ));
    }
    Ok(root)
}

/// Opens the server log in a cluster folder for appending, never through a symlink: the folder
/// may belong to the server's account while this process is root.
pub(crate) fn open_log(log: &Path) -> Result<File, Error> {
    File::options()
        .create(true)
        .append(true)
        .mode(0o600)
        .custom_flags(libc::O_NOFOLLOW)
        .open(log)
        .map_err(|e| cluster_error(&format!("opening {}", log.display()), e))
}

/// Gives the folder just made or checked to `account`, mode 0700, through a handle that cannot
/// have been swapped for a symlink.
fn seal(dir: &Path, account: Account) -> Result<(), Error> {
    let handle = File::options()
        .read(true)
        .custom_flags(libc::O_DIRECTORY | libc::O_NOFOLLOW)
        .open(dir)
        .map_err(|e| cluster_error(&format!("opening {}", dir.display()), e))?;
    account.take_ownership(&handle, dir)?;
    handle
        .set_permissions(std::fs::Permissions::from_mode(0o700))
        .map_err(|e| cluster_error(&format!("closing {} to others", dir.display()), e))
}

fn random() -> Result<u64, Error> {
    let mut bytes = [0u8; 8];
    // SAFETY: the buffer is valid for its length.
    let read = unsafe { libc::getrandom(bytes.as_mut_ptr().cast(), bytes.len(), 0) };
    match read == bytes.len() as isize {
        true => Ok(u64::from_ne_bytes(bytes)),
        false => Err(cluster_error(
            "drawing a random folder name",
            std::io::Error::last_os_error(),
        )),
    }
}
