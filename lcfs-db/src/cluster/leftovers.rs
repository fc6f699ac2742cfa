//! Ephemeral cluster folders are named after the process that made them; a folder whose
//! process is gone is a leftover (a test run that was killed) and is removed.

use std::path::Path;

use super::account::Account;
use super::folder::is_owned;
use super::postmaster::PostmasterPid;
use super::process::is_alive;

pub(crate) const PREFIX: &str = "lcfs-db-cluster-";

/// The name's start of this process's `sequence`th ephemeral cluster folder; a random part
/// follows, so nobody can make the folder first.
pub(crate) fn folder_prefix(sequence: u64) -> String {
    format!("{PREFIX}{}-{sequence}-", std::process::id())
}

/// Removes the folders under `root` whose owning process is gone, stopping any server that
/// somehow outlived it. Only real folders of the server's account count: in a shared `root`
/// another user's look-alike is left alone. Best effort: a concurrent cleaner may race us.
pub(crate) fn remove_dead(root: &Path, account: Account) {
    let Ok(entries) = std::fs::read_dir(root) else {
        return;
    };
    for folder in entries.flatten().map(|e| e.path()) {
        let Some(owner) = owner_pid(&folder).filter(|_| is_owned(&folder, account)) else {
            continue;
        };
        if owner == std::process::id() as i32 || is_alive(owner) {
            continue;
        }
        if let Some(server) = PostmasterPid::read(&folder.join("data"))
            && is_alive(server.pid)
        {
            // SAFETY: kill has no memory preconditions.
            unsafe { libc::kill(server.pid, libc::SIGQUIT) };
        }
        tracing::debug!(folder = %folder.display(), "removing a dead process's cluster");
        let _ = std::fs::remove_dir_all(&folder);
    }
}

fn owner_pid(folder: &Path) -> Option<i32> {
    let name = folder.file_name()?.to_str()?;
    let (pid, _sequence) = name.strip_prefix(PREFIX)?.split_once('-')?;
    pid.parse().ok()
}
