//! Ready clones of each template, made in the background ahead of demand: a test takes one
//! already connected instead of waiting for `CREATE DATABASE` (a file copy and two checkpoints).
//! Pools are keyed by template, whose name carries the migration set's hash, so a changed set
//! never gets another set's clone. Each grows with demand up to [`size`].

mod fill;
mod state;

use super::fresh::FreshDatabase;
use super::size::size;
use crate::{Error, ErrorKind};
use state::{pools, wait_until};

/// A ready clone of `template`, if the pool has one; the pool refills in the background.
pub(crate) fn take(template: &str) -> Option<FreshDatabase> {
    let mut pools = pools();
    let pool = pools.of(template);
    pool.taken += 1;
    pool.wanted = pool.wanted.max(pool.taken.min(size()));
    let fresh = pool.ready.pop();
    fill::start(&mut pools);
    fresh
}

/// Fills the pool of `template` to [`size`] and waits until it is full.
pub(crate) async fn warm_up(template: &str) -> Result<(), Error> {
    wait_until(|pools| {
        let closed = pools.closed;
        let pool = pools.of(template);
        pool.wanted = size();
        if let Some(failure) = &pool.failure {
            return Some(Err(Error::new(ErrorKind::Database, failure.clone())));
        }
        let full = pool.ready.len() >= pool.wanted || closed;
        fill::start(pools);
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
        (pools.fillers == 0).then(|| ready.map(|fresh| fresh.name).collect())
    })
    .await
}
