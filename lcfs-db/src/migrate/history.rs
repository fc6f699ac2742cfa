//! The history table, in refinery's layout so that refinery tooling reads our history and we
//! read theirs: `version int4 primary key, name, applied_on (RFC 3339), checksum`.

use tokio_postgres::error::SqlState;
use tokio_postgres::{Client, SimpleQueryMessage};

use super::Migration;
use crate::{Error, ErrorKind};

/// Refinery's default name, so both tools find the same table.
pub const DEFAULT_HISTORY_TABLE: &str = "refinery_schema_history";

/// One row of the history table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct AppliedRow {
    pub version: i32,
    pub name: String,
    pub applied_on: String,
    pub checksum: String,
}

/// The SQL that reads and writes one history table.
#[derive(Debug, Clone, Copy)]
pub(crate) struct History<'a> {
    table: &'a str,
}

impl<'a> History<'a> {
    /// Checks `table` is a plain (optionally schema-qualified) lower-case name, which the SQL
    /// below can then use as written, as refinery does.
    pub fn new(table: &'a str) -> Result<Self, Error> {
        let plain = |part: &str| {
            (1..=63).contains(&part.len())
                && !part.starts_with(|c: char| c.is_ascii_digit())
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        };
        match table.split('.').collect::<Vec<_>>()[..] {
            [name] | [_, name]
                if table.split('.').all(plain) && name.ends_with("schema_history") =>
            {
                Ok(History { table })
            }
            _ => Err(Error::new(
                ErrorKind::Config,
                format!(
                    "history table name {table:?} must be a lower-case identifier (optionally \
                     schema-qualified) ending in `schema_history`"
                ),
            )),
        }
    }

    pub fn table(&self) -> &'a str {
        self.table
    }

    pub fn create_sql(&self) -> String {
        format!(
            "CREATE TABLE IF NOT EXISTS {}(\n    version int4 PRIMARY KEY,\n    name varchar(255),\n    \
             applied_on varchar(255),\n    checksum varchar(255)\n)",
            self.table
        )
    }

    pub fn select_sql(&self) -> String {
        format!(
            "SELECT version, name, applied_on, checksum FROM {} ORDER BY version",
            self.table
        )
    }

    /// `applied_on` is taken from the server clock, so that the same statement serves the
    /// runner and the scripts printed for review.
    pub fn insert_sql(&self, migration: &Migration) -> String {
        format!(
            "INSERT INTO {} (version, name, applied_on, checksum) VALUES ({}, '{}', \
             to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), '{}')",
            self.table,
            migration.version(),
            migration.name(),
            migration.checksum()
        )
    }

    pub fn delete_sql(&self, version: i32) -> String {
        format!("DELETE FROM {} WHERE version = {version}", self.table)
    }

    /// The applied rows in version order; `None` when the table does not exist yet.
    pub async fn read(&self, client: &Client) -> Result<Option<Vec<AppliedRow>>, Error> {
        match client.simple_query(&self.select_sql()).await {
            Ok(messages) => parse(&messages).map(Some),
            Err(error) if error.code() == Some(&SqlState::UNDEFINED_TABLE) => Ok(None),
            Err(error) => Err(Error::postgres(
                format!("reading the history table {}", self.table),
                error,
            )),
        }
    }
}

/// The history rows of an answer to [`History::select_sql`] (and statements that return none).
pub(crate) fn parse(messages: &[SimpleQueryMessage]) -> Result<Vec<AppliedRow>, Error> {
    messages
        .iter()
        .map(parse_row)
        .collect::<Result<Vec<_>, _>>()
        .map(|rows| rows.into_iter().flatten().collect())
}

fn parse_row(message: &SimpleQueryMessage) -> Result<Option<AppliedRow>, Error> {
    let SimpleQueryMessage::Row(row) = message else {
        return Ok(None);
    };
    let text = |index: usize| row.get(index).unwrap_or_default().to_owned();
    let version = text(0).parse().map_err(|_| {
        Error::new(
            ErrorKind::Database,
            format!(
                "history table holds a version that is not an int4: {:?}",
                row.get(0)
            ),
        )
    })?;
    Ok(Some(AppliedRow {
        version,
        name: text(1),
        applied_on: text(2),
        checksum: text(3),
    }))
}
