//! The defaults of a run's timeouts and retries, and why each is what it is.

use std::time::Duration;

/// How long a migration waits for another run's migration lock by default: long enough for a
/// peer to apply a slow migration, short enough that a stuck peer is reported.
pub const DEFAULT_ADVISORY_LOCK_WAIT: Duration = Duration::from_secs(300);

/// The advisory-lock wait's former name.
#[deprecated(note = "renamed DEFAULT_ADVISORY_LOCK_WAIT; statements wait DEFAULT_DDL_LOCK_TIMEOUT")]
pub const DEFAULT_LOCK_TIMEOUT: Duration = DEFAULT_ADVISORY_LOCK_WAIT;

/// How long each migration statement waits for a table lock by default (`lock_timeout`).
///
/// While a statement waits for a lock, every later request for a conflicting lock on that table
/// queues behind it: the application's reads and writes of the table stall for as long as the
/// migration waits. Five seconds outlasts the ordinary transactions of a web application (they
/// commit in milliseconds), and stays well under the 30 s or more after which HTTP clients and
/// proxies give up: a blocked migration costs the application a short stall, not failed
/// requests. A blocker still there after five seconds is a long transaction; waiting longer
/// would only lengthen the stall.
pub const DEFAULT_DDL_LOCK_TIMEOUT: Duration = Duration::from_secs(5);

/// How many times a migration that timed out on a lock (or was ended by a deadlock) is rolled
/// back and tried again by default. With backoffs of 1, 2 and 4 s in between, a run gives a blocker about half a minute
/// to finish while the application never stalls longer than [`DEFAULT_DDL_LOCK_TIMEOUT`].
pub const DEFAULT_LOCK_RETRIES: u32 = 3;

/// How long each migration statement may run by default (`statement_timeout`). A statement runs
/// holding its locks; five minutes bounds what an unexpectedly slow rewrite of a large table can
/// cost the application, and is far above what any statement of V001–V015 takes. A migration
/// that needs longer (a backfill) says so in its header: `-- lcfs-db: statement-timeout 20min`.
pub const DEFAULT_STATEMENT_TIMEOUT: Duration = Duration::from_secs(300);
