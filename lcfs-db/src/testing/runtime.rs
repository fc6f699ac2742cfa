//! The harness's own runtime. Each test builds and drops a runtime of its own; the server's
//! admin connection (which holds the template locks) and template builds live here instead,
//! so they outlive every test and are never cut off half-way by a test that ends.

use std::future::Future;
use std::sync::OnceLock;

use tokio::runtime::Runtime;

use crate::{Error, ErrorKind};

fn runtime() -> &'static Runtime {
    static RUNTIME: OnceLock<Runtime> = OnceLock::new();
    RUNTIME.get_or_init(|| {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name("lcfs-db-harness")
            .enable_all()
            .build()
            .expect("the test harness needs a tokio runtime")
    })
}

/// Runs `job` on the harness runtime, from any runtime.
pub(crate) async fn on_harness<T: Send + 'static>(
    job: impl Future<Output = Result<T, Error>> + Send + 'static,
) -> Result<T, Error> {
    runtime().spawn(job).await.map_err(join_error)?
}

/// Starts `job` on the harness runtime and returns at once: background work no test waits for.
pub(crate) fn spawn_on_harness(job: impl Future<Output = ()> + Send + 'static) {
    runtime().spawn(job);
}

/// Runs `job` on the harness runtime and blocks until it is done; for `Drop`, which cannot
/// await. Never blocks the harness runtime itself.
pub(crate) fn block_on_harness<T: Send + 'static>(
    job: impl Future<Output = Result<T, Error>> + Send + 'static,
) -> Result<T, Error> {
    let (done, result) = std::sync::mpsc::channel();
    runtime().spawn(async move {
        let _ = done.send(job.await);
    });
    result
        .recv()
        .map_err(|_| Error::new(ErrorKind::Connection, "the test harness stopped"))?
}

/// Writes a line to the process's stderr, past libtest's capture of the thread that happened to
/// start the harness: background and exit messages concern the whole run.
pub(crate) fn say(message: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "lcfs-db: {message}");
}

fn join_error(error: tokio::task::JoinError) -> Error {
    Error::new(ErrorKind::Connection, "a test harness task failed").with_source(error)
}
