//! Throwaway databases at head for tests, cloned from a template.
//!
//! The server is `TEST_DATABASE_URL`, else `DATABASE_URL`, else a private
//! [ephemeral cluster](crate::cluster::Cluster::ephemeral) started on first use. Each migration
//! set is migrated once per server into a template database (`lcfs_template_<hash>`), and
//! every test database is a file copy of it: far faster than replaying the migrations.
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

mod builder;
mod database;
mod run;
mod runtime;
mod server;
mod template;

pub use builder::TestDatabaseBuilder;
pub use database::TestDatabase;
pub use run::{TestOutcome, run_test};
