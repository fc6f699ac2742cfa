//! Running programs as another OS user (`runuser`, which needs root): for tests of who may reach
//! a cluster, and of what works for an ordinary user.

use std::path::Path;
use std::process::Command;

use super::require;

/// An OS user other than this process's.
pub struct OsUser {
    pub name: &'static str,
    pub uid: u32,
    pub gid: u32,
}

/// `nobody`, when this process is root and `runuser` is installed; else `None`, the skip printed.
pub fn nobody() -> Option<OsUser> {
    // SAFETY: geteuid has no preconditions and cannot fail.
    if unsafe { libc::geteuid() } != 0 {
        require::skip("running as another OS user needs root");
        return None;
    }
    require::program("runuser", "util-linux")?;
    let id = |flag: &str| -> Option<u32> {
        let output = Command::new("id").args([flag, "nobody"]).output().ok()?;
        String::from_utf8_lossy(&output.stdout).trim().parse().ok()
    };
    match (id("-u"), id("-g")) {
        (Some(uid), Some(gid)) => Some(OsUser {
            name: "nobody",
            uid,
            gid,
        }),
        _ => {
            require::skip("this machine has no `nobody` user");
            None
        }
    }
}

impl OsUser {
    /// `program` run as this user, with a clean environment but for `PATH`.
    pub fn command(&self, program: impl AsRef<Path>) -> Command {
        let mut command = Command::new("runuser");
        command
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .args(["-u", self.name, "--"])
            .arg(program.as_ref());
        command
    }

    /// Gives `path` and everything under it to this user (symlinks themselves, never their targets).
    pub fn give(&self, path: &Path) {
        let status = Command::new("chown")
            .args(["-R", "-h", &format!("{}:{}", self.uid, self.gid)])
            .arg(path)
            .status()
            .expect("running chown");
        assert!(status.success(), "chown -R {}", path.display());
    }
}
