//! Helpers shared by the integration tests.

#![allow(dead_code)] // each test crate uses its own subset

pub mod alembic;
pub mod audit;
pub mod blocking;
pub mod cli;
pub mod fixtures;
pub mod insert;
pub mod os_user;
pub mod parity;
pub mod pgbouncer;
pub mod probe;
pub mod reference;
pub mod require;
pub mod servers;

use lcfs_db::testing::TestDatabase;

/// An empty database of its own on the harness's server, for tests that create their own objects.
pub async fn connect() -> TestDatabase {
    TestDatabase::empty()
        .await
        .unwrap_or_else(|e| panic!("no test database: {e}"))
}
