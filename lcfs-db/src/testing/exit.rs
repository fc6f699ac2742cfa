//! What the process leaves behind when it exits: on an external server, no pool database and no
//! queued drop (what a deadline or a kill leaves, the next process sweeps); the private cluster
//! stopped, or, when a test failed, kept running, with how to reach and remove it printed.

use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use super::drops::{drop_later, flush};
use super::kept::{KeptDatabase, take_kept};
use super::pool;
use super::runtime::{block_on_harness, say};
use super::server::Server;
use crate::cluster::Cluster;

/// How long exit waits for background drops before leaving them to the next process's sweep.
const DRAIN_DEADLINE: Duration = Duration::from_secs(30);

static STOPPING_CLUSTER: AtomicBool = AtomicBool::new(false);

/// Whether the private cluster is going away with everything in it: background work failing
/// now is no news.
pub(crate) fn stopping_cluster() -> bool {
    STOPPING_CLUSTER.load(Ordering::Relaxed)
}

/// Installs the exit handler, once.
pub(crate) fn register() {
    static REGISTERED: Once = Once::new();
    // SAFETY: registering a plain function with no arguments.
    REGISTERED.call_once(|| unsafe {
        libc::atexit(at_exit);
    });
}

/// Runs when the test binary exits normally (libtest returns or calls `exit`); a killed binary
/// takes its private cluster along, and leaves an external server's databases to the sweep.
extern "C" fn at_exit() {
    let cluster = Server::take_cluster();
    let kept = take_kept();
    match (cluster, kept.is_empty()) {
        // Everything in the private cluster goes with it.
        (Some(cluster), true) => {
            STOPPING_CLUSTER.store(true, Ordering::Relaxed);
            let _ = cluster.stop();
        }
        (Some(cluster), false) => {
            drain();
            keep(cluster, &kept);
        }
        (None, _) => drain(),
    }
}

/// Drops the pools' ready databases and waits for every queued drop.
fn drain() {
    let deadline = Instant::now() + DRAIN_DEADLINE;
    let ready =
        block_on_harness(async { Ok(tokio::time::timeout(DRAIN_DEADLINE, pool::close()).await) });
    for name in ready.into_iter().flatten().flatten() {
        drop_later(name);
    }
    if !flush(deadline) {
        say(&format!(
            "test databases are still being dropped after {DRAIN_DEADLINE:?}; the next test run \
             on this server removes them"
        ));
    }
}

fn keep(cluster: Cluster, kept: &[KeptDatabase]) {
    let cluster = match block_on_harness(cluster.keep()) {
        Ok(cluster) => cluster,
        Err(error) => {
            return say(&format!(
                "could not keep the private cluster running, so the failed tests' databases are \
                 gone: {error}"
            ));
        }
    };
    let mut message = String::from(
        "a test failed: the private cluster holding its database keeps running for inspection:",
    );
    for database in kept {
        let url = cluster.url(&database.name);
        message += &format!("\n  psql '{url}'    # {}", database.test);
    }
    let dir = cluster.dir().display();
    message += &format!(
        "\nlcfs-db: it runs until you stop and remove it:\n  \
         kill -QUIT $(head -1 {dir}/data/postmaster.pid); rm -rf {dir}"
    );
    say(&message);
}
