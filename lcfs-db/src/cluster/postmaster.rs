//! `postmaster.pid`, which a running server keeps in its data directory: how to find and reach
//! a server an earlier process started.

use std::path::{Path, PathBuf};

/// What `postmaster.pid` says (lines 1, 4 and 5 of its documented layout).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PostmasterPid {
    pub pid: i32,
    pub port: u16,
    pub socket_dir: PathBuf,
}

impl PostmasterPid {
    pub fn read(data_dir: &Path) -> Option<Self> {
        let text = std::fs::read_to_string(data_dir.join("postmaster.pid")).ok()?;
        let lines: Vec<&str> = text.lines().collect();
        Some(PostmasterPid {
            pid: lines.first()?.trim().parse().ok()?,
            port: lines.get(3)?.trim().parse().ok()?,
            socket_dir: PathBuf::from(lines.get(4)?.trim()),
        })
    }
}
