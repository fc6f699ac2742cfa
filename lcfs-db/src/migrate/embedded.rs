//! The migrations embedded at build time from `migrations/`.

/// One version: its up SQL, its down SQL, and whether it runs inside a transaction.
#[derive(Debug)]
pub struct Migration {
    version: i32,
    name: &'static str,
    up: &'static str,
    down: &'static str,
    transactional: bool,
    /// The up file split into statements at build time; filled only for non-transactional
    /// migrations, which run statement by statement.
    statements: &'static [&'static str],
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
        }
    }

    pub fn version(&self) -> i32 {
        self.version
    }

    /// The name without version, e.g. `organizations_and_users`.
    pub fn name(&self) -> &'static str {
        self.name
    }

    pub fn up_sql(&self) -> &'static str {
        self.up
    }

    pub fn down_sql(&self) -> &'static str {
        self.down
    }

    /// False when the up file starts with `-- lcfs-db: no-transaction`.
    pub fn is_transactional(&self) -> bool {
        self.transactional
    }

    /// The statements of a non-transactional up file, in order; empty for transactional ones.
    pub fn statements(&self) -> &'static [&'static str] {
        self.statements
    }
}

/// Every embedded migration, in version order.
pub fn migrations() -> &'static [Migration] {
    generated::MIGRATIONS
}

mod generated {
    use super::Migration;
    include!(concat!(env!("OUT_DIR"), "/migrations.rs"));
}
