//! Where the binary finds its folders: in the project it runs in (the nearest folder up from the
//! current one with a Cargo.toml beside migrations/), else in a per-user data folder; never in the
//! checkout that built it, so a copied or installed binary works anywhere.

use std::path::{Path, PathBuf};

/// The variable that puts the private cluster elsewhere.
pub const CLUSTER_DIR_VARIABLE: &str = "LCFS_DB_CLUSTER_DIR";

/// The project the current folder lies in, if any.
pub fn project() -> Option<PathBuf> {
    let here = std::env::current_dir().ok()?;
    here.ancestors()
        .find(|dir| dir.join("Cargo.toml").is_file() && dir.join("migrations").is_dir())
        .map(Path::to_path_buf)
}

/// `dir` when given, else `name` in the project, else `name` in the current folder.
pub fn or_project(dir: Option<PathBuf>, name: &str) -> PathBuf {
    dir.unwrap_or_else(|| project().unwrap_or_default().join(name))
}

/// The private cluster's folder: `LCFS_DB_CLUSTER_DIR`, else `target/lcfs-db/cluster` in the
/// project, else `lcfs-db/cluster` in the user's data folder (`$XDG_DATA_HOME`, else
/// `~/.local/share`). As root, where `postgres` cannot reach that, see `reachable_dir`.
pub fn cluster_dir() -> Result<PathBuf, String> {
    if let Some(dir) = std::env::var_os(CLUSTER_DIR_VARIABLE).filter(|dir| !dir.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    let intended = match project() {
        Some(project) => project.join("target/lcfs-db/cluster"),
        None => data_home()?.join("lcfs-db/cluster"),
    };
    lcfs_db::cluster::reachable_dir(&intended).map_err(|e| e.to_string())
}

/// `$XDG_DATA_HOME` when absolute, else `~/.local/share`, as the XDG base directory spec says.
fn data_home() -> Result<PathBuf, String> {
    let xdg = std::env::var_os("XDG_DATA_HOME").map(PathBuf::from);
    if let Some(dir) = xdg.filter(|dir| dir.is_absolute()) {
        return Ok(dir);
    }
    let home = std::env::var_os("HOME").map(PathBuf::from);
    match home.filter(|home| home.is_absolute() && home.is_dir()) {
        Some(home) => Ok(home.join(".local/share")),
        None => Err(format!(
            "no folder for the private cluster: the current folder lies in no project (no \
             Cargo.toml beside migrations/ above it), and HOME is not a folder; set \
             {CLUSTER_DIR_VARIABLE} or XDG_DATA_HOME"
        )),
    }
}
