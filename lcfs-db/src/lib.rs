//! The LCFS PostgreSQL database, owned by Rust.
//!
//! `lcfs-db` embeds the versioned SQL under `migrations/` and the Rust types generated from
//! it at build time: a row struct for every table ([`tables`]) and an enum for every Postgres
//! enum type ([`enums`]). Any binary brings its database to head on start with [`migrate()`]:
//!
//! ```no_run
//! # async fn start(client: &lcfs_db::tokio_postgres::Client) -> Result<(), lcfs_db::Error> {
//! // Instances started together take turns under an advisory lock: each migration applies once.
//! let report = lcfs_db::migrate(client).await?;
//! println!("at version {}", report.version_after());
//!
//! // Typed rows and enums, generated from the migrations.
//! use lcfs_db::{FromRow, tables::Organization};
//! let rows = client.query(&Organization::select_sql(), &[]).await?;
//! let organizations: Vec<Organization> =
//!     rows.iter().map(Organization::from_row).collect::<Result<_, _>>()?;
//! # Ok(()) }
//! ```
//!
//! [`status()`] and [`downgrade()`] sit beside it; [`Migrator`] sets the target version, the
//! history table, how long a statement may wait for a lock and run, and how often a migration
//! is retried after a lock timeout, and prints the SQL of a plan.
//!
//! Each table's row struct reads, updates and deletes by primary key, and its `New…` struct
//! inserts, leaving what it does not set (`None`) to the column's default. Every value is a
//! parameter, and each method's documentation shows the SQL it runs:
//!
//! ```no_run
//! # async fn register(client: &lcfs_db::tokio_postgres::Client) -> Result<(), lcfs_db::Error> {
//! use lcfs_db::tables::{NewOrganization, Organization};
//!
//! let supplier = NewOrganization {
//!     name: Some("Example Fuels Ltd.".to_owned()),
//!     ..NewOrganization::new("EX01".to_owned(), true)
//! }
//! .insert(client)
//! .await?; // INSERT … RETURNING *: the id and defaults come back filled in
//! let mut supplier = Organization::get(client, supplier.organization_id).await?.unwrap();
//! supplier.email = Some("registry@example.ca".to_owned());
//! supplier.update(client).await?;
//! Organization::delete(client, supplier.organization_id).await?;
//! # Ok(()) }
//! ```
//!
//! `examples/supplier_registry.rs` is a small application built this way, with its tests.
//!
//! # Features
//!
//! - `cli` (default): the `lcfs-db` command line and its dependencies (clap,
//!   tracing-subscriber). An application that only migrates and reads rows depends on
//!   `lcfs-db = { version = "0.1", default-features = false }`.
//! - `lint` (part of `cli`): the build's migration checks in the library, [`lint`], for
//!   `lcfs-db lint` (brings sqlparser).
//! - `testing`: the test harness, [`testing`] and `#[lcfs_db::test]`.
//!
//! Use the re-exported [`tokio_postgres`] and [`postgres_types`]: the generated code is built
//! against exactly these versions.

#![cfg_attr(docsrs, feature(doc_cfg))]

// Generated code names this crate `lcfs_db`, as it would from outside.
extern crate self as lcfs_db;

pub mod adopt;
pub mod catalog;
mod check;
pub mod connection;
mod crud;
#[cfg_attr(
    not(any(test, feature = "lint")),
    allow(
        dead_code,
        reason = "statement directives are read by the build and `lcfs-db lint`"
    )
)]
mod directive;
pub mod erd;
mod error;
mod migrate;
pub mod pg_enum;
pub mod row;
pub mod schema;
mod timeouts;

#[cfg(test)]
mod codegen;
#[cfg(all(feature = "lint", not(test)))]
#[path = "codegen/library.rs"]
#[allow(
    dead_code,
    reason = "the library checks migrations; the build script also turns the model into Rust"
)]
mod codegen;
#[cfg(feature = "lint")]
pub mod lint;

pub mod cluster;
#[cfg(feature = "testing")]
#[cfg_attr(docsrs, doc(cfg(feature = "testing")))]
pub mod testing;

pub use adopt::adopt;
pub use check::check;
pub use crud::{Insert, insert_all};
pub use error::{Error, ErrorKind, SqlLocation};
#[cfg(feature = "testing")]
#[cfg_attr(docsrs, doc(cfg(feature = "testing")))]
pub use lcfs_db_macros::test;
pub use lcfs_db_macros::{PgEnum, Row};
#[allow(deprecated)]
pub use migrate::DEFAULT_LOCK_TIMEOUT;
pub use migrate::{
    APPLICATION_NAME, Accepted, AheadMigration, AppliedMigration, Blocker, CLIENT_CHECK_INTERVAL,
    Class, DEFAULT_ADVISORY_LOCK_WAIT, DEFAULT_DDL_LOCK_TIMEOUT, DEFAULT_HISTORY_TABLE,
    DEFAULT_LOCK_RETRIES, DEFAULT_STATEMENT_TIMEOUT, Direction, Migration, MigrationReport,
    Migrator, NO_TRANSACTION_MARKER, Plan, Status, VersionState, VersionStatus, downgrade,
    format_duration, migrate, migrations, parse_duration, parse_lock_retries, status,
};
pub use pg_enum::{PgEnum, UnknownLabel};
pub use row::{FromRow, RowError, RowErrorKind};

/// The tokio-postgres the generated code is built against: connect and query with it, so that
/// [`FromRow`] and the generated types meet the same `Row`, `Client` and `ToSql`.
pub use tokio_postgres;

/// The postgres-types behind [`tokio_postgres::types`], for `ToSql` and `FromSql` impls of
/// your own.
pub use postgres_types;

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
