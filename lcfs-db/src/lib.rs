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

mod directive;
pub mod erd;
mod error;
pub mod migrate;
pub mod pg_enum;
pub mod row;
pub mod schema;
mod timeouts;

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
pub use row::{FromRow, RowError, RowErrorKind};

/// What the derives' generated code names, so that deriving crates need no other dependency.
#[doc(hidden)]
pub mod __private {
    pub use crate::pg_enum::{
        accepts as enum_accepts, from_sql as enum_from_sql, to_sql as enum_to_sql,
    };
    pub use crate::row::decode_column;
    pub use {bytes, postgres_types, tokio_postgres};
}

/// One row struct per table, generated from `migrations/` at build time.
pub mod tables {
    include!(concat!(env!("OUT_DIR"), "/tables.rs"));
}

/// One enum per Postgres enum type, generated from `migrations/` at build time.
pub mod enums {
    include!(concat!(env!("OUT_DIR"), "/enums.rs"));
}
