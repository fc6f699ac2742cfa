//! Ready clones of each template, made in the background ahead of demand: a test takes one
//! already connected instead of waiting for `CREATE DATABASE` (a file copy and two checkpoints).
//! Pools are keyed by template, whose name carries the migration set's hash, so a changed set
//! never gets another set's clone. Each grows with demand up to [`size`].

use std::collections::HashMap;
use std::pin::pin;
use std::sync::{LazyLock, Mutex, MutexGuard};

use tokio::sync::{Notify, OnceCell};
use tokio_postgres::Client;

use super::drops::drop_later;
use super::fresh::FreshDatabase;
use super::runtime::spawn_on_harness;
use super::server::Server;
use super::size::size;
use crate::{Error, ErrorKind};

#[derive(Default)]
struct Pool {
    ready: Vec<FreshDatabase>,
    wanted: usize,
    taken: usize,
    /// Why cloning this template failed; the pool stops, and tests clone on demand and fail there.
    failure: Option<String>,
}

#[derive(Default)]
struct Pools {
    by_template: HashMap<String, Pool>,
    /// Whether the filler task runs: one for all pools, one clone at a time, since parallel
    /// clones would compete with the running tests for the same cores.
    filling: bool,
    closed: bool,
}

static POOLS: LazyLock<Mutex<Pools>> = LazyLock::new(Mutex::default);
/// Notified whenever a clone is added or the filler stops.
static CHANGED: Notify = Notify::const_new();

/// A ready clone of `template`, if the pool has one; the pool refills in the background.
pub(crate) fn take(template: &str) -> Option<FreshDatabase> {
    let mut pools = pools();
    let pool = pools.by_template.entry(template.to_owned()).or_default();
    pool.taken += 1;
    pool.wanted = pool.wanted.max(pool.taken.min(size()));
    let fresh = pool.ready.pop();
    start_filling(&mut pools);
    fresh
}

/// Fills the pool of `template` to [`size`] and waits until it is full.
pub(crate) async fn warm_up(template: &str) -> Result<(), Error> {
    wait_until(|pools| {
        let pool = pools.by_template.entry(template.to_owned()).or_default();
        pool.wanted = size();
        if let Some(failure) = &pool.failure {
            return Some(Err(Error::new(ErrorKind::Database, failure.clone())));
        }
        let full = pool.ready.len() >= pool.wanted || pools.closed;
        start_filling(pools);
        full.then_some(Ok(()))
    })
    .await
}

/// Stops refilling and returns the names of the ready clones once no clone is under way.
pub(crate) async fn close() -> Vec<String> {
    wait_until(|pools| {
        pools.closed = true;
        let ready = pools
            .by_template
            .values_mut()
            .flat_map(|p| p.ready.drain(..));
        (!pools.filling).then(|| ready.map(|fresh| fresh.name).collect())
    })
    .await
}

/// Checks `done` under the lock each time the pools change, until it gives a value.
async fn wait_until<T>(mut done: impl FnMut(&mut Pools) -> Option<T>) -> T {
    loop {
        let mut changed = pin!(CHANGED.notified());
        changed.as_mut().enable();
        if let Some(value) = done(&mut pools()) {
            return value;
        }
        changed.await;
    }
}

fn start_filling(pools: &mut Pools) {
    if !pools.filling && !pools.closed && next_to_fill(pools).is_some() {
        pools.filling = true;
        spawn_on_harness(fill());
    }
}

fn next_to_fill(pools: &Pools) -> Option<String> {
    let short = |pool: &&Pool| pool.failure.is_none() && pool.ready.len() < pool.wanted;
    let mut templates = pools.by_template.iter();
    templates
        .find(|(_, pool)| short(pool))
        .map(|(name, _)| name.clone())
}

async fn fill() {
    loop {
        let template = {
            let mut pools = pools();
            match next_to_fill(&pools).filter(|_| !pools.closed) {
                Some(template) => template,
                None => {
                    pools.filling = false;
                    CHANGED.notify_waiters();
                    return;
                }
            }
        };
        let fresh = async {
            let server = Server::get().await?;
            FreshDatabase::clone_of(server, session(server).await?, &template).await
        }
        .await;
        let mut pools = pools();
        let closed = pools.closed;
        let pool = pools.by_template.entry(template).or_default();
        match fresh {
            Ok(fresh) if !closed => pool.ready.push(fresh),
            Ok(fresh) => drop_later(fresh.name),
            Err(error) => pool.failure = Some(error.to_string()),
        }
        CHANGED.notify_waiters();
    }
}

/// The filler's session: its own, so clones never wait behind the admin session's work.
async fn session(server: &Server) -> Result<&'static Client, Error> {
    static SESSION: OnceCell<Client> = OnceCell::const_new();
    SESSION.get_or_try_init(|| server.session()).await
}

fn pools() -> MutexGuard<'static, Pools> {
    POOLS.lock().unwrap_or_else(|poison| poison.into_inner())
}
