//! The LCFS PostgreSQL database, owned by Rust.
//!
//! `lcfs-db` embeds the versioned SQL under `migrations/` and the Rust types generated from
//! it at build time: a row struct for every table ([`tables`]) and an enum for every Postgres
//! enum type ([`enums`]). Any binary brings its database to head on start with [`migrate`]:
//!
//! ```no_run
//! # async fn start(client: &tokio_postgres::Client) -> Result<(), lcfs_db::Error> {
//! let report = lcfs_db::migrate(client).await?;
//! println!("applied {} migrations", report.applied().len());
//! # Ok(()) }
//! ```

// Generated code names this crate `lcfs_db`, as it would from outside.
extern crate self as lcfs_db;

mod error;
pub mod migrate;
pub mod pg_enum;
pub mod row;
pub mod schema;

#[cfg(test)]
mod codegen;

pub mod cluster;
#[cfg(feature = "testing")]
pub mod testing;

pub use error::{Error, ErrorKind};
#[cfg(feature = "testing")]
pub use lcfs_db_macros::test;
pub use lcfs_db_macros::{PgEnum, Row};
pub use migrate::{Migration, MigrationReport, Migrator, migrate, migrations};
pub use pg_enum::{PgEnum, UnknownLabel};
pub use row::{FromRow, RowError};

/// One row struct per table, generated from `migrations/` at build time.
pub mod tables {
    include!(concat!(env!("OUT_DIR"), "/tables.rs"));
}

/// One enum per Postgres enum type, generated from `migrations/` at build time.
pub mod enums {
    include!(concat!(env!("OUT_DIR"), "/enums.rs"));
}
