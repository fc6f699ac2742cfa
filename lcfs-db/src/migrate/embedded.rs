//! The migrations embedded at build time from `migrations/`.

use std::hash::{Hash, Hasher};

use siphasher::sip::SipHasher13;

use super::Direction;
use super::class::{self, Accepted, Class};
use super::dropped;
use super::split::Statement;
use super::statements;
use crate::directive;

/// The header line of an up file that runs outside a transaction.
pub const NO_TRANSACTION_MARKER: &str = "-- lcfs-db: no-transaction";

/// The directive of [`NO_TRANSACTION_MARKER`].
pub(crate) const NO_TRANSACTION: &str = "no-transaction";

/// One version: its up SQL, its down SQL, and whether it runs inside a transaction.
#[derive(Debug, Clone)]
pub struct Migration {
    version: i32,
    name: &'static str,
    up: &'static str,
    down: &'static str,
    transactional: bool,
    /// The up file split into statements at build time; filled only for non-transactional
    /// migrations, which run statement by statement.
    statements: &'static [&'static str],
    /// Byte ranges of the up and down files' statements, as the build split them; empty for
    /// hand-made migrations, which the runner splits itself.
    up_split: &'static [(usize, usize)],
    down_split: &'static [(usize, usize)],
    pub(super) class: Option<Class>,
    pub(super) class_reason: &'static str,
    pub(super) class_by_directive: bool,
    pub(super) accepted: &'static [Accepted],
}

impl Migration {
    /// Used by the generated migration list; not meant to be called by hand.
    #[doc(hidden)]
    pub const fn embedded(
        version: i32,
        name: &'static str,
        up: &'static str,
        down: &'static str,
        transactional: bool,
        statements: &'static [&'static str],
    ) -> Self {
        Migration {
            version,
            name,
            up,
            down,
            transactional,
            statements,
            up_split: &[],
            down_split: &[],
            class: None,
            class_reason: "",
            class_by_directive: false,
            accepted: &[],
        }
    }

    /// Used by the generated migration list: the statements of both files as the build split
    /// them, `(start, end)` byte ranges into each.
    #[doc(hidden)]
    pub const fn split_at_build(
        mut self,
        up: &'static [(usize, usize)],
        down: &'static [(usize, usize)],
    ) -> Self {
        self.up_split = up;
        self.down_split = down;
        self
    }

    /// A migration written by hand, for sets that are not the embedded one (tests of failing or
    /// edited migrations, applications with their own SQL). As in a file, a header line of
    /// [`NO_TRANSACTION_MARKER`] makes it run outside a transaction, statement by statement,
    /// and `-- lcfs-db: class expand|contract because <reason>` sets its [`Migration::class`].
    ///
    /// # Panics
    ///
    /// When `version` is not positive or `name` is not made of ASCII letters, digits and `_`:
    /// the history table records both, and other tools read them back with that grammar. Also
    /// when a `class` directive names no class or gives no reason.
    pub fn new(version: i32, name: &'static str, up: &'static str, down: &'static str) -> Self {
        assert!(
            version > 0,
            "migration version must be positive, got {version}"
        );
        assert!(
            !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'),
            "migration name must be ASCII letters, digits and `_`, got {name:?}"
        );
        let transactional = directive::header_directive(up, NO_TRANSACTION).is_none();
        let migration = Migration::embedded(version, name, up, down, transactional, &[]);
        match class::from_header(up) {
            Some((class, reason)) => migration.classified(class, reason, true, &[]),
            None => migration,
        }
    }

    /// The version number, e.g. 4 for `V004__credit_ledger_and_transfers.sql`.
    pub fn version(&self) -> i32 {
        self.version
    }

    /// The name without version, e.g. `organizations_and_users`.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The up file's SQL as written.
    pub fn up_sql(&self) -> &'static str {
        self.up
    }

    /// The down file's SQL as written.
    pub fn down_sql(&self) -> &'static str {
        self.down
    }

    /// The tables its down file drops (`DROP TABLE`), as the file names them: schema-qualified
    /// where it says so.
    pub fn dropped_tables(&self) -> Vec<String> {
        dropped::dropped_tables(self.down)
    }

    /// False when the up file's header holds `-- lcfs-db: no-transaction`.
    pub fn is_transactional(&self) -> bool {
        self.transactional
    }

    /// The statements of a non-transactional up file, in order; empty for transactional ones
    /// and for hand-made migrations, whose statements the runner splits itself.
    pub fn statements(&self) -> &'static [&'static str] {
        self.statements
    }

    /// The statements the runner sends for the up or down file, one by one.
    pub(crate) fn statements_of(&self, direction: Direction) -> Vec<Statement<'static>> {
        match direction {
            Direction::Up => statements::of(self.up, self.up_split, self.statements),
            Direction::Down => statements::of(self.down, self.down_split, &[]),
        }
    }

    /// The up or down file's name and text.
    pub(crate) fn file(&self, direction: Direction) -> (String, &'static str) {
        match direction {
            Direction::Up => (self.up_file(), self.up),
            Direction::Down => (self.down_file(), self.down),
        }
    }

    /// Refinery's checksum of the up file, as recorded in the history table, so that a
    /// refinery runner reading our history agrees with us.
    pub fn checksum(&self) -> u64 {
        checksum(self.name, self.version, self.up)
    }

    /// The up file's name, e.g. `V001__organizations_and_users.sql`.
    pub fn up_file(&self) -> String {
        up_file_name(self.version, self.name)
    }

    /// The down file's name, e.g. `V001__organizations_and_users.down.sql`.
    pub fn down_file(&self) -> String {
        format!("V{:03}__{}.down.sql", self.version, self.name)
    }
}

/// `V001__name.sql`: the up file of a version, also for versions known only from the history.
pub(crate) fn up_file_name(version: i32, name: &str) -> String {
    format!("V{version:03}__{name}.sql")
}

/// Refinery's checksum: SipHash-1-3 with zero keys over the name, the version and the up SQL,
/// each hashed as `Hash` does (so a `0xff` ends each string, and the version is native-endian).
fn checksum(name: &str, version: i32, up: &str) -> u64 {
    let mut hasher = SipHasher13::new();
    name.hash(&mut hasher);
    version.hash(&mut hasher);
    up.hash(&mut hasher);
    hasher.finish()
}

/// Every embedded migration, in version order.
pub fn migrations() -> &'static [Migration] {
    generated::MIGRATIONS
}

mod generated {
    #[allow(
        unused_imports,
        reason = "named only when a migration accepts a lint finding"
    )]
    use super::Accepted;
    use super::{Class, Migration};
    include!(concat!(env!("OUT_DIR"), "/migrations.rs"));
}

#[cfg(test)]
mod tests {
    use super::{Migration, migrations};

    /// What refinery itself records, for every embedded migration and a few odd ones.
    #[test]
    fn checksums_are_refinerys() {
        let odd = [
            Migration::new(7, "Mixed_case_9", "SELECT 'é';\n", ""),
            Migration::new(123456, "x", "", ""),
        ];
        for migration in migrations().iter().chain(&odd) {
            let name = format!("V{}__{}", migration.version(), migration.name());
            let refinery = refinery::Migration::unapplied(&name, migration.up_sql()).unwrap();
            assert_eq!(migration.checksum(), refinery.checksum(), "{name}");
        }
    }
}
