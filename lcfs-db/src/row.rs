//! Decoding a `tokio_postgres::Row` into a struct, the target of `#[derive(Row)]`.

use std::error::Error as StdError;
use std::fmt;

use postgres_types::{FromSql, Type, WasNull, WrongType};
use tokio_postgres::Row;

use crate::{Error, ErrorKind};

/// A struct decoded from a query row: a generated table row or a hand-written join or view row.
pub trait FromRow: Sized {
    /// The table (or view) the struct describes; hand-written rows name what they read.
    const TABLE: &'static str;
    /// Column names in field order, ready for `SELECT {COLUMNS} FROM {TABLE}`.
    const COLUMNS: &'static [&'static str];

    /// Decodes `row`; a missing column or a type mismatch is an error, never a panic.
    fn from_row(row: &tokio_postgres::Row) -> Result<Self, RowError>;

    /// `SELECT "c1", "c2" FROM "table"`: every column of the struct, identifiers quoted, so that
    /// `Self::from_row` can decode each row the query returns.
    fn select_sql() -> String {
        let columns: Vec<String> = Self::COLUMNS.iter().map(|c| quote_ident(c)).collect();
        format!(
            "SELECT {} FROM {}",
            columns.join(", "),
            quote_ident(Self::TABLE)
        )
    }
}

/// Quotes a Postgres identifier so that any name, even one with quotes or capitals, reads back as itself.
pub(crate) fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// Decodes one column by name; the body of every field in a derived `FromRow::from_row`.
#[doc(hidden)]
pub fn decode_column<'row, T: FromSql<'row>>(
    row: &'row Row,
    table: &'static str,
    column: &'static str,
    rust_type: &'static str,
) -> Result<T, RowError> {
    // Exact match only: Postgres names are case-sensitive, unlike `Row::try_get`'s fallback.
    let Some(index) = row.columns().iter().position(|c| c.name() == column) else {
        return Err(RowError::missing_column(table, column, rust_type));
    };
    row.try_get(index).map_err(|source| {
        let pg_type = row.columns()[index].type_();
        RowError::undecodable(table, column, rust_type, pg_type, source)
    })
}

/// What kind of decoding failure a [`RowError`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum RowErrorKind {
    /// The row has no column of that name.
    MissingColumn,
    /// The column's Postgres type does not convert to the field's Rust type.
    WrongType,
    /// The column is NULL and the field is not an `Option`.
    UnexpectedNull,
    /// The types match but the value does not convert, e.g. an enum label the Rust enum lacks.
    InvalidValue,
}

/// Why a row did not decode: the table, the column, and both sides' types.
#[derive(Debug)]
pub struct RowError {
    kind: RowErrorKind,
    table: &'static str,
    column: &'static str,
    rust_type: &'static str,
    /// `None` when the column is missing from the row.
    pg_type: Option<String>,
    source: Option<tokio_postgres::Error>,
}

impl RowError {
    #[doc(hidden)]
    pub fn missing_column(
        table: &'static str,
        column: &'static str,
        rust_type: &'static str,
    ) -> Self {
        RowError {
            kind: RowErrorKind::MissingColumn,
            table,
            column,
            rust_type,
            pg_type: None,
            source: None,
        }
    }

    #[doc(hidden)]
    pub fn undecodable(
        table: &'static str,
        column: &'static str,
        rust_type: &'static str,
        pg_type: &Type,
        source: tokio_postgres::Error,
    ) -> Self {
        let cause = source.source();
        let kind = if cause.is_some_and(|c| c.is::<WrongType>()) {
            RowErrorKind::WrongType
        } else if cause.is_some_and(|c| c.is::<WasNull>()) {
            RowErrorKind::UnexpectedNull
        } else {
            RowErrorKind::InvalidValue
        };
        RowError {
            kind,
            table,
            column,
            rust_type,
            pg_type: Some(pg_type.to_string()),
            source: Some(source),
        }
    }

    /// What kind of decoding failure this is.
    pub fn kind(&self) -> RowErrorKind {
        self.kind
    }

    /// The table (or view) the struct describes: its `FromRow::TABLE`.
    pub fn table(&self) -> &'static str {
        self.table
    }

    /// The column that did not decode.
    pub fn column(&self) -> &'static str {
        self.column
    }

    /// The field's type as written in the struct, e.g. `Option<i32>`.
    pub fn rust_type(&self) -> &'static str {
        self.rust_type
    }

    /// The column's Postgres type, e.g. `int4`; `None` when the column is missing from the row.
    pub fn pg_type(&self) -> Option<&str> {
        self.pg_type.as_deref()
    }
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (table, column, rust_type) = (self.table, self.column, self.rust_type);
        let pg_type = self.pg_type.as_deref().unwrap_or_default();
        write!(f, "{table}.{column}: ")?;
        match self.kind {
            RowErrorKind::MissingColumn => f.write_str("column missing from the row"),
            RowErrorKind::WrongType => write!(f, "cannot decode {pg_type} into {rust_type}"),
            RowErrorKind::UnexpectedNull => {
                write!(f, "cannot decode NULL {pg_type} into {rust_type}")
            }
            // The only kind whose reason the types alone do not tell.
            RowErrorKind::InvalidValue => {
                write!(f, "cannot decode {pg_type} into {rust_type}")?;
                match self.source.as_ref().and_then(|s| s.source()) {
                    Some(cause) => write!(f, ": {cause}"),
                    None => Ok(()),
                }
            }
        }
    }
}

impl StdError for RowError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.source.as_ref().map(|s| s as &(dyn StdError + 'static))
    }
}

impl From<RowError> for Error {
    fn from(error: RowError) -> Self {
        Error::new(ErrorKind::Decode, "row did not decode").with_source(error)
    }
}
