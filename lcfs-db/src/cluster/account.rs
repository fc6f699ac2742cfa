//! The account the server runs as: PostgreSQL refuses to run as root, so a root process runs
//! `initdb` and `postgres` as the `postgres` user (switching in the child, no sudo).

use std::ffi::CString;
use std::fs::File;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::Command;

use crate::{Error, ErrorKind};

/// Who runs the server: this process's user, or `postgres` when this process is root.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Account {
    Current,
    Switch { uid: u32, gid: u32 },
}

const SERVER_USER: &str = "postgres";

impl Account {
    pub fn for_server() -> Result<Self, Error> {
        // SAFETY: getuid has no preconditions and cannot fail.
        if unsafe { libc::getuid() } != 0 {
            return Ok(Account::Current);
        }
        let (uid, gid) = lookup(SERVER_USER).ok_or_else(|| {
            Error::new(
                ErrorKind::Cluster,
                format!(
                    "running as root, and PostgreSQL refuses to: no `{SERVER_USER}` user to run \
                     it as (installing the server, `apt-get install postgresql`, creates one)"
                ),
            )
        })?;
        Ok(Account::Switch { uid, gid })
    }

    /// The user id the server runs as.
    pub fn uid(&self) -> u32 {
        match *self {
            // SAFETY: geteuid has no preconditions and cannot fail.
            Account::Current => unsafe { libc::geteuid() },
            Account::Switch { uid, .. } => uid,
        }
    }

    /// The server's account in words, for errors.
    pub fn describe(&self) -> String {
        match self {
            Account::Current => "this process's user".into(),
            Account::Switch { .. } => format!(
                "`{SERVER_USER}` (the OS user the server runs as, since PostgreSQL refuses to \
                 run as root)"
            ),
        }
    }

    /// The group the server runs with: std drops the supplementary groups when a root process
    /// switches user, so only the account's own group counts.
    pub fn gid(&self) -> u32 {
        match *self {
            // SAFETY: getegid has no preconditions and cannot fail.
            Account::Current => unsafe { libc::getegid() },
            Account::Switch { gid, .. } => gid,
        }
    }

    /// Makes the folder open as `handle` (created or checked by this process) the account's.
    pub fn take_ownership(&self, handle: &File, path: &Path) -> Result<(), Error> {
        if let Account::Switch { uid, gid } = *self {
            std::os::unix::fs::fchown(handle, Some(uid), Some(gid)).map_err(|e| {
                Error::new(
                    ErrorKind::Cluster,
                    format!("giving {} to the `{SERVER_USER}` user", path.display()),
                )
                .with_source(e)
            })?;
        }
        Ok(())
    }

    pub fn apply(&self, command: &mut Command) {
        if let Account::Switch { uid, gid } = *self {
            command.uid(uid).gid(gid).env("USER", SERVER_USER);
        }
    }
}

/// uid and gid of `user`, with the reentrant lookup: tests start clusters from many threads.
fn lookup(user: &str) -> Option<(u32, u32)> {
    let name = CString::new(user).ok()?;
    // SAFETY: passwd is plain data; all-zero is a valid value to be overwritten.
    let mut entry: libc::passwd = unsafe { std::mem::zeroed() };
    let mut buffer = vec![0 as libc::c_char; 16 * 1024];
    let mut found: *mut libc::passwd = std::ptr::null_mut();
    // SAFETY: every pointer is valid for the call, and the buffer's length is passed along.
    let status = unsafe {
        libc::getpwnam_r(
            name.as_ptr(),
            &mut entry,
            buffer.as_mut_ptr(),
            buffer.len(),
            &mut found,
        )
    };
    if status != 0 || found.is_null() {
        return None;
    }
    Some((entry.pw_uid, entry.pw_gid))
}
