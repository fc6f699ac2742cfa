//! Throwaway databases for tests, each a fresh copy of a template at the head of a migration set.
//!
//! ```no_run
//! #[lcfs_db::test]
//! async fn organizations_start_empty(db: lcfs_db::testing::TestDatabase) {
//!     let rows = db.query("SELECT 1 FROM organization", &[]).await.unwrap();
//!     assert!(rows.is_empty());
//! }
//! ```
//!
//! `#[lcfs_db::test(empty)]` gives an empty database instead, and
//! `#[lcfs_db::test(migrations = expr)]` one at the head of a hand-made set.
//!
//! **The server** is the one `TEST_DATABASE_URL` names, else a private
//! [ephemeral cluster](crate::cluster::Cluster::ephemeral) started on first use and removed at
//! exit. `DATABASE_URL` is not read: it names an application's own database.
//!
//! **Each database** is a file copy of a template: every migration set is migrated once per
//! server into `lcfs_template_<hash>`, the hash covering each migration's version, name and
//! checksum, so a changed migration gets a template of its own. Copies are made ahead of demand:
//! a pool per template keeps clones ready and connected, refilled in the background, so a test
//! takes one without waiting for `CREATE DATABASE`. A pool grows with demand up to the number of
//! tests libtest runs at once (`--test-threads`, `RUST_TEST_THREADS`, else the cores), or to
//! `LCFS_DB_TEST_POOL` (`0` turns pools off); when it is empty, the test clones on demand.
//! [`TestDatabaseBuilder::warm_up`] fills a pool ahead of time, and
//! [`TestDatabaseBuilder::on_demand`] skips it.
//!
//! **After the test**, a passing test's database is dropped in the background; at exit the
//! process drops its pools' clones and waits for queued drops (30 s at most). A failed test's
//! database is kept, marked with a comment, and printed. On the private cluster, a failed test
//! keeps the whole cluster running after the process exits, moved to a folder named
//! `lcfs-db-kept-…`; the exit prints a `psql` command per kept database and the command that
//! stops and removes the cluster. A killed process takes its private cluster along.
//!
//! **As the application's role**: with `LCFS_DB_TEST_OWNER=<role>`, templates and test databases
//! are created `OWNER <role>`, migrated and connected to as that login role, which the harness
//! creates with no other attribute when missing (and `basic_lcfs_reporting_role` with it, as an
//! administrator would), so migration tests run with a managed service's privileges.
//!
//! **Processes sharing a server** (give them the same database in `TEST_DATABASE_URL`, where
//! their template locks meet) tell each other's databases apart: they are named
//! `lcfs_test_<token>_<n>` after their process, which holds an advisory lock on its token while
//! it runs. A process starting on an external server drops the databases of processes whose
//! lock is gone, except kept ones; templates no process uses are dropped after a build.

mod builder;
mod database;
mod database_owner;
mod drops;
mod exit;
mod fresh;
mod kept;
mod owner;
mod pool;
mod run;
mod runtime;
mod server;
mod size;
mod template;

pub use builder::TestDatabaseBuilder;
pub use database::TestDatabase;
pub use run::{TestOutcome, run_test};
