//! Decoding a `tokio_postgres::Row` into a struct, the target of `#[derive(Row)]`.

use std::fmt;

/// A struct decoded from a query row: a generated table row or a hand-written join or view row.
pub trait FromRow: Sized {
    /// The table (or view) the struct describes; hand-written rows name what they read.
    const TABLE: &'static str;
    /// Column names in field order, ready for `SELECT {COLUMNS} FROM {TABLE}`.
    const COLUMNS: &'static [&'static str];

    /// Decodes `row`; a missing column or a type mismatch is an error, never a panic.
    fn from_row(row: &tokio_postgres::Row) -> Result<Self, RowError>;
}

/// Why a row did not decode: the table, the column, and both sides' types.
#[derive(Debug)]
pub struct RowError {
    pub(crate) table: &'static str,
    pub(crate) column: &'static str,
    pub(crate) rust_type: &'static str,
    /// `None` when the column is missing from the row.
    pub(crate) pg_type: Option<String>,
    pub(crate) source: Option<tokio_postgres::Error>,
}
