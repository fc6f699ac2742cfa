//! How long the adoption holds locks that stop the application's writes: after each step, the
//! tables and materialized views in public this session newly holds such a lock on are noted
//! with the step's start, so the hold reported (until COMMIT) is never shorter than the real one.
//! A materialized view counts: a write to a table it watches refreshes it, and waits for it.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use tokio_postgres::Client;

use crate::Error;

/// The lock modes that conflict with the `RowExclusiveLock` every INSERT, UPDATE and DELETE
/// takes, weakest first.
const BLOCKING_WRITES: [&str; 4] = [
    "ShareLock",
    "ShareRowExclusiveLock",
    "ExclusiveLock",
    "AccessExclusiveLock",
];

/// This session's such locks on each table and materialized view of public (the history aside).
const HELD: &str = "SELECT c.relname::text, l.mode
  FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
 WHERE l.pid = pg_backend_pid() AND l.locktype = 'relation' AND l.granted
   AND l.mode = ANY ($1::text[]) AND c.relkind IN ('r', 'p', 'm')
   AND c.relnamespace = 'public'::regnamespace AND c.relname NOT LIKE '%schema\\_history'";

/// What the adoption's committed transaction held, and for how long.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LockHold {
    /// From the transaction's start (its first lock) to its COMMIT: no lock is held longer.
    pub transaction: Duration,
    /// The table or materialized view the application writes (the latter through its refresh
    /// triggers) that was locked against writes longest, with the mode and the hold (from the
    /// start of the step that took it to COMMIT); none when no step took such a lock.
    pub longest: Option<(String, String, Duration)>,
}

/// The first time each table was seen locked against writes, with its strongest mode.
#[derive(Debug)]
pub(crate) struct Held {
    began: Instant,
    tables: BTreeMap<String, (Instant, String)>,
}

impl Held {
    pub fn new(began: Instant) -> Self {
        Held {
            began,
            tables: BTreeMap::new(),
        }
    }

    /// Notes the locks held now, as taken no later than `step_started`.
    pub async fn note(&mut self, client: &Client, step_started: Instant) -> Result<(), Error> {
        let modes: Vec<&str> = BLOCKING_WRITES.to_vec();
        let rows = client
            .query(HELD, &[&modes])
            .await
            .map_err(|e| Error::postgres("reading the adoption's locks", e))?;
        for row in rows {
            let (table, mode): (String, String) = (row.get(0), row.get(1));
            let entry = self
                .tables
                .entry(table)
                .or_insert((step_started, mode.clone()));
            if strength(&mode) > strength(&entry.1) {
                entry.1 = mode;
            }
        }
        Ok(())
    }

    /// The holds, as of a COMMIT at `committed`.
    pub fn until(&self, committed: Instant) -> LockHold {
        let longest = self
            .tables
            .iter()
            .map(|(table, (since, mode))| (table.clone(), mode.clone(), committed - *since))
            .max_by_key(|(_, _, held)| *held);
        LockHold {
            transaction: committed - self.began,
            longest,
        }
    }
}

fn strength(mode: &str) -> usize {
    BLOCKING_WRITES
        .iter()
        .position(|m| *m == mode)
        .unwrap_or_default()
}
