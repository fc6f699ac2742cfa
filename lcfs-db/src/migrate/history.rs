//! The history table, in refinery's layout so that refinery tooling reads our history and we
//! read theirs: `version int4 primary key, name, applied_on (RFC 3339), checksum`; plus a
//! nullable `class` (`expand` or `contract`), which refinery's named-column reads ignore and
//! which tells an older binary whether a migration it does not know leaves it working.

use std::ops::Deref;

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
    /// `expand` or `contract`; `None` for rows written before classes were recorded.
    pub class: Option<String>,
}

/// The applied rows, and whether the table has the `class` column yet.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Applied {
    pub rows: Vec<AppliedRow>,
    pub class_column: bool,
}

impl Deref for Applied {
    type Target = [AppliedRow];

    fn deref(&self) -> &[AppliedRow] {
        &self.rows
    }
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

    /// Creates the table, or adds `class` to one an older version or refinery created.
    pub fn create_sql(&self) -> String {
        format!(
            "CREATE TABLE IF NOT EXISTS {}(\n    version int4 PRIMARY KEY,\n    name varchar(255),\n    \
             applied_on varchar(255),\n    checksum varchar(255),\n    class varchar(16)\n);\n{}",
            self.table,
            self.add_class_sql()
        )
    }

    /// Adds the `class` column to a table created without it.
    pub fn add_class_sql(&self) -> String {
        format!(
            "ALTER TABLE {} ADD COLUMN IF NOT EXISTS class varchar(16)",
            self.table
        )
    }

    /// Every column, so that a table with or without `class` reads alike.
    pub fn select_sql(&self) -> String {
        format!("SELECT * FROM {} ORDER BY version", self.table)
    }

    /// `applied_on` is taken from the server clock, so that the same statement serves the
    /// runner and the scripts printed for review.
    pub fn insert_sql(&self, migration: &Migration) -> String {
        format!(
            "INSERT INTO {} (version, name, applied_on, checksum, class) VALUES ({}, '{}', \
             to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), '{}', {})",
            self.table,
            migration.version(),
            migration.name(),
            migration.checksum(),
            migration
                .class()
                .map_or("NULL".to_owned(), |class| format!("'{class}'"))
        )
    }

    pub fn delete_sql(&self, version: i32) -> String {
        format!("DELETE FROM {} WHERE version = {version}", self.table)
    }

    /// The applied rows in version order; `None` when the table does not exist yet.
    pub async fn read(&self, client: &Client) -> Result<Option<Applied>, Error> {
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

/// The history in an answer to [`History::select_sql`], also when the answers of statements
/// sent with it (which return no rows) surround it.
pub(crate) fn parse(messages: &[SimpleQueryMessage]) -> Result<Applied, Error> {
    let mut applied = Applied::default();
    for message in messages {
        match message {
            SimpleQueryMessage::RowDescription(columns) => {
                applied.class_column = columns.iter().any(|c| c.name() == "class");
            }
            SimpleQueryMessage::Row(row) => applied.rows.push(parse_row(row)?),
            _ => {}
        }
    }
    Ok(applied)
}

fn parse_row(row: &tokio_postgres::SimpleQueryRow) -> Result<AppliedRow, Error> {
    let text = |name: &str| row.get(name).unwrap_or_default().to_owned();
    let version = text("version").parse().map_err(|_| {
        Error::new(
            ErrorKind::Database,
            format!(
                "history table holds a version that is not an int4: {:?}",
                row.get("version")
            ),
        )
    })?;
    let has_class = row.columns().iter().any(|c| c.name() == "class");
    Ok(AppliedRow {
        version,
        name: text("name"),
        applied_on: text("applied_on"),
        checksum: text("checksum"),
        class: has_class
            .then(|| row.get("class").map(str::to_owned))
            .flatten(),
    })
}
