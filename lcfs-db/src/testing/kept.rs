//! A test's database after the test: dropped in the background when the test passed; kept when
//! it failed, marked so that no sweep removes it, and listed for the exit handler to report.

use std::sync::{Mutex, MutexGuard};

use super::drops::{drop_later, wait_for_room};
use super::owner::KEPT_COMMENT;
use super::runtime::block_on_harness;
use super::server::Server;
use super::template::execute;

/// A database kept for inspection.
pub(crate) struct KeptDatabase {
    pub name: String,
    /// The test that failed.
    pub test: String,
}

static KEPT: Mutex<Vec<KeptDatabase>> = Mutex::new(Vec::new());

/// Drops the database when the test passed, else keeps it and says where it is.
pub(crate) fn finish(name: String, url: &str, label: Option<&str>, passed: bool) {
    if passed {
        wait_for_room();
        drop_later(name);
        return;
    }
    // libtest names each test's thread after the test.
    let thread = std::thread::current();
    let test = label.or(thread.name()).unwrap_or("a test").to_owned();
    let comment = format!("{KEPT_COMMENT}: {test} failed").replace('\'', "''");
    let mark = format!("COMMENT ON DATABASE \"{name}\" IS '{comment}'");
    let marked = block_on_harness(async move { execute(&Server::get().await?.admin, &mark).await });
    if let Err(error) = marked {
        eprintln!("lcfs-db: could not mark the database {name} as kept: {error}");
    }
    match Server::is_private_cluster() {
        true => eprintln!(
            "lcfs-db: kept the test database {name} for inspection; the private cluster holding \
             it keeps running after the tests end, and its address is printed then"
        ),
        false => eprintln!(
            "lcfs-db: kept the test database {name} for inspection: {url} \
             (remove it with DROP DATABASE \"{name}\")"
        ),
    }
    kept().push(KeptDatabase { name, test });
}

/// The databases kept so far, taken out of the list.
pub(crate) fn take_kept() -> Vec<KeptDatabase> {
    std::mem::take(&mut *kept())
}

fn kept() -> MutexGuard<'static, Vec<KeptDatabase>> {
    KEPT.lock().unwrap_or_else(|poison| poison.into_inner())
}
