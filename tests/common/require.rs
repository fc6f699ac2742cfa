//! What a test needs beyond Rust and the PostgreSQL server (Graphviz, PgBouncer, …): found on
//! the machine, or the test is skipped with the reason printed. `.ci/run` sets
//! `LCFS_DB_REQUIRE_ALL=1`, which turns every such skip into a failure, so CI runs them all.

use std::io::Write;
use std::path::{Path, PathBuf};

/// The variable that makes a missing component fail the test instead of skipping it.
pub const REQUIRE_ALL: &str = "LCFS_DB_REQUIRE_ALL";

/// The path of program `name` (searched on `PATH`, then in `/usr/sbin`, where Debian puts
/// daemons), or `None` after printing why the test is skipped; `package` is what installs it.
pub fn program(name: &str, package: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let found = std::env::split_paths(&path)
        .chain([PathBuf::from("/usr/sbin"), PathBuf::from("/usr/local/sbin")])
        .map(|dir| dir.join(name))
        .find(|candidate| is_executable(candidate));
    if found.is_none() {
        skip(&format!(
            "`{name}` is not installed (apt-get install {package})"
        ));
    }
    found
}

/// Prints why the calling test does nothing more, or fails it when every component is required.
pub fn skip(reason: &str) {
    let test = std::thread::current()
        .name()
        .unwrap_or("this test")
        .to_owned();
    if std::env::var_os(REQUIRE_ALL).is_some_and(|v| v == "1") {
        panic!("{test} cannot run: {reason}, and {REQUIRE_ALL}=1 forbids skipping it");
    }
    // Written to stderr directly: the test harness captures `eprintln!` of a passing test,
    // and a skip must be seen.
    let _ = writeln!(
        std::io::stderr(),
        "skipped {test}: {reason} (set {REQUIRE_ALL}=1 to make this a failure)"
    );
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata()
        .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}
