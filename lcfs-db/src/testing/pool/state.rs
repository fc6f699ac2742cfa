//! What the pools hold, behind one lock: per template the ready clones, the clones being made
//! and how many are wanted; and whether the pools are closed (the process is exiting).

use std::collections::HashMap;
use std::pin::pin;
use std::sync::{LazyLock, Mutex, MutexGuard};

use tokio::sync::Notify;

use super::super::drops::drop_later;
use super::super::fresh::FreshDatabase;
use crate::Error;

#[derive(Default)]
pub(super) struct Pool {
    pub ready: Vec<FreshDatabase>,
    pub making: usize,
    pub wanted: usize,
    pub taken: usize,
    /// Why cloning the template failed: the pool stops, and tests clone on demand and fail there.
    pub failure: Option<String>,
}

#[derive(Default)]
pub(super) struct Pools {
    pub by_template: HashMap<String, Pool>,
    /// Filler tasks running.
    pub fillers: usize,
    pub closed: bool,
}

static POOLS: LazyLock<Mutex<Pools>> = LazyLock::new(Mutex::default);
/// Notified whenever a clone is added or a filler stops.
static CHANGED: Notify = Notify::const_new();

pub(super) fn pools() -> MutexGuard<'static, Pools> {
    POOLS.lock().unwrap_or_else(|poison| poison.into_inner())
}

impl Pools {
    /// The pool of `template`, created empty on first use.
    pub fn of(&mut self, template: &str) -> &mut Pool {
        self.by_template.entry(template.to_owned()).or_default()
    }

    /// A template whose pool is short of clones, counting those being made, with one more
    /// counted as being made.
    pub fn reserve(&mut self) -> Option<String> {
        if self.closed {
            return None;
        }
        let short = |pool: &&mut Pool| {
            pool.failure.is_none() && pool.ready.len() + pool.making < pool.wanted
        };
        let (template, pool) = self.by_template.iter_mut().find(|(_, pool)| short(pool))?;
        pool.making += 1;
        Some(template.clone())
    }

    /// Adds a clone made for a reservation of `template`, or records why it failed.
    pub fn deliver(&mut self, template: &str, made: Result<FreshDatabase, Error>) {
        let closed = self.closed;
        let pool = self.of(template);
        pool.making -= 1;
        match made {
            Ok(fresh) if !closed => pool.ready.push(fresh),
            Ok(fresh) => drop_later(fresh.name),
            Err(error) => pool.failure = Some(error.to_string()),
        }
        CHANGED.notify_waiters();
    }

    /// Records that a filler stopped.
    pub fn filler_stopped(&mut self) {
        self.fillers -= 1;
        CHANGED.notify_waiters();
    }
}

/// Checks `done` under the lock each time the pools change, until it gives a value.
pub(super) async fn wait_until<T>(mut done: impl FnMut(&mut Pools) -> Option<T>) -> T {
    loop {
        let mut changed = pin!(CHANGED.notified());
        changed.as_mut().enable();
        if let Some(value) = done(&mut pools()) {
            return value;
        }
        changed.await;
    }
}
