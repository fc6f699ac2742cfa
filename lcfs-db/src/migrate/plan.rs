//! The ordered migrations an upgrade or downgrade between two versions runs, and the script a
//! DBA can review or feed to `psql -f`: the same statements the runner sends.

use std::fmt::Write;

use super::Migration;
use super::history::History;
use super::split::split;
use crate::{Error, ErrorKind};

/// Which way a plan goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Up files, in version order.
    Up,
    /// Down files, in reverse version order.
    Down,
}

/// The migrations that bring a database from one version to another, in the order they run.
#[derive(Debug, Clone)]
pub struct Plan<'a> {
    direction: Direction,
    from: i32,
    to: i32,
    migrations: Vec<&'a Migration>,
    history: History<'a>,
}

impl<'a> Plan<'a> {
    /// `from` and `to` are 0 (base) or versions of `set`.
    pub(crate) fn new(
        set: &'a [Migration],
        history: History<'a>,
        direction: Direction,
        from: i32,
        to: i32,
    ) -> Result<Self, Error> {
        for version in [from, to] {
            if version != 0 && set.iter().all(|m| m.version() != version) {
                return Err(unknown_version(set, version));
            }
        }
        let (low, high) = match direction {
            Direction::Up => (from, to),
            Direction::Down => (to, from),
        };
        if low > high {
            let way = if direction == Direction::Up {
                "an upgrade"
            } else {
                "a downgrade"
            };
            return Err(Error::new(
                ErrorKind::Config,
                format!("{way} cannot go from version {from} to version {to}"),
            ));
        }
        let mut migrations: Vec<&Migration> = set
            .iter()
            .filter(|m| (low + 1..=high).contains(&m.version()))
            .collect();
        if direction == Direction::Down {
            migrations.reverse();
        }
        Ok(Plan {
            direction,
            from,
            to,
            migrations,
            history,
        })
    }

    /// Up or down.
    pub fn direction(&self) -> Direction {
        self.direction
    }

    /// The version the plan starts from; 0 is base.
    pub fn from(&self) -> i32 {
        self.from
    }

    /// The version the plan ends at; 0 is base.
    pub fn to(&self) -> i32 {
        self.to
    }

    /// In the order they run.
    pub fn migrations(&self) -> &[&'a Migration] {
        &self.migrations
    }

    /// Whether the plan runs nothing (`from` equals `to`).
    pub fn is_empty(&self) -> bool {
        self.migrations.is_empty()
    }

    /// The plan as one script for `psql -f` (not `-1`: every migration brings its own
    /// transaction, and a non-transactional one must run outside any).
    pub fn sql(&self) -> String {
        let mut script = format!(
            "-- lcfs-db {} from version {} to version {}\n\n",
            match self.direction {
                Direction::Up => "upgrade",
                Direction::Down => "downgrade",
            },
            self.from,
            self.to
        );
        if self.direction == Direction::Up && !self.is_empty() {
            let _ = writeln!(script, "{};\n", self.history.create_sql());
        }
        for migration in &self.migrations {
            let (file, body, record) = match self.direction {
                Direction::Up => (
                    migration.up_file(),
                    migration.up_sql(),
                    self.history.insert_sql(migration),
                ),
                Direction::Down => (
                    migration.down_file(),
                    migration.down_sql(),
                    self.history.delete_sql(migration.version()),
                ),
            };
            let transactional = self.direction == Direction::Down || migration.is_transactional();
            let _ = writeln!(script, "-- {file}");
            script.push_str(&super::class::annotation(migration));
            if transactional {
                script.push_str("BEGIN;\n");
            }
            script.push_str(body.trim_end());
            // A last statement without its semicolon would swallow the next one.
            let unterminated = split(body).last().is_some_and(|s| !s.is_terminated());
            script.push_str(if unterminated { "\n;\n" } else { "\n" });
            let _ = writeln!(script, "{record};");
            if transactional {
                script.push_str("COMMIT;\n");
            }
            script.push('\n');
        }
        script
    }
}

pub(crate) fn unknown_version(set: &[Migration], version: i32) -> Error {
    let known = match (set.first(), set.last()) {
        (Some(first), Some(last)) => {
            format!(
                "versions are 0 (base) and {} to {}",
                first.version(),
                last.version()
            )
        }
        _ => "the migration set is empty; the only version is 0 (base)".to_owned(),
    };
    Error::new(
        ErrorKind::UnknownVersion,
        format!("there is no version {version}: {known}"),
    )
}
