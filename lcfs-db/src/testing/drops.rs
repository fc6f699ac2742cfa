//! Dropping test databases in the background, so a passing test never waits for
//! `DROP DATABASE` (a checkpoint each); the exit handler waits for the queue instead.

use std::sync::{Condvar, Mutex, MutexGuard, OnceLock};
use std::time::Instant;

use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender, unbounded_channel};
use tokio_postgres::Client;

use super::exit::stopping_cluster;
use super::owner::dead_processes_databases;
use super::runtime::{say, spawn_on_harness};
use super::server::Server;
use super::template::execute;
use crate::Error;

/// Jobs not yet done beyond which a finishing test waits: undropped databases fill the disk
/// of a server slower at dropping than the tests are at finishing.
const MAX_PENDING: usize = 16;

enum Job {
    Drop(String),
    /// Drops the databases of processes that died without cleaning up (external servers).
    SweepDeadProcesses,
}

static PENDING: Mutex<usize> = Mutex::new(0);
static DONE_ONE: Condvar = Condvar::new();

/// Queues `name` for dropping; returns at once.
pub(crate) fn drop_later(name: String) {
    enqueue(Job::Drop(name));
}

/// Queues the removal of dead processes' databases; returns at once.
pub(crate) fn sweep_dead_processes() {
    enqueue(Job::SweepDeadProcesses);
}

/// Blocks while the queue is full. For test threads only: the harness runtime does the drops.
pub(crate) fn wait_for_room() {
    let pending = pending();
    drop(DONE_ONE.wait_while(pending, |pending| *pending >= MAX_PENDING));
}

/// Waits until every queued job is done or `deadline` passes; whether the queue is empty.
pub(crate) fn flush(deadline: Instant) -> bool {
    let timeout = deadline.saturating_duration_since(Instant::now());
    let (pending, _) = DONE_ONE
        .wait_timeout_while(pending(), timeout, |pending| *pending > 0)
        .unwrap_or_else(|poison| poison.into_inner());
    *pending == 0
}

fn pending() -> MutexGuard<'static, usize> {
    PENDING.lock().unwrap_or_else(|poison| poison.into_inner())
}

fn enqueue(job: Job) {
    static QUEUE: OnceLock<UnboundedSender<Job>> = OnceLock::new();
    *pending() += 1;
    let queue = QUEUE.get_or_init(|| {
        let (sender, receiver) = unbounded_channel();
        spawn_on_harness(work(receiver));
        sender
    });
    if queue.send(job).is_err() {
        done();
    }
}

fn done() {
    *pending() -= 1;
    DONE_ONE.notify_all();
}

/// Runs the jobs in order on a session of its own, so drops never delay clones.
async fn work(mut jobs: UnboundedReceiver<Job>) {
    let session = match Server::get().await {
        Ok(server) => server.session().await,
        Err(error) => Err(error),
    };
    while let Some(job) = jobs.recv().await {
        let outcome = match &session {
            Ok(session) => run(session, job).await,
            Err(error) => Err(Error::new(error.kind(), error.to_string())),
        };
        if let Err(error) = outcome {
            report(format!("could not remove test databases: {error}"));
        }
        done();
    }
}

async fn run(session: &Client, job: Job) -> Result<(), Error> {
    let names = match job {
        Job::Drop(name) => vec![name],
        Job::SweepDeadProcesses => dead_processes_databases(session).await?,
    };
    for name in names {
        if let Err(error) = drop_database(session, &name).await {
            report(format!("could not drop the test database {name}: {error}"));
        }
    }
    Ok(())
}

/// Says what failed, unless the private cluster is being stopped under the job.
fn report(message: String) {
    if !stopping_cluster() {
        say(&message);
    }
}

/// Drops `name` through `session` now, ending the connections it still has.
pub(crate) async fn drop_database(session: &Client, name: &str) -> Result<(), Error> {
    let drop = format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    execute(session, &drop).await
}
