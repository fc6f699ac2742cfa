//! The schema as the statements so far have shaped it; the build-time twin of `crate::schema`.

use super::source::Location;
use super::sql_type::SqlType;

#[derive(Debug, Default, Clone)]
pub struct Model {
    /// In creation order.
    pub tables: Vec<Table>,
    pub enums: Vec<EnumType>,
    /// Views and materialized views, by name only.
    pub views: Vec<String>,
    /// Schemas besides `public` the migrations created: their tables are not modelled.
    pub schemas: Vec<String>,
    /// What each version's statements create, by name, in order.
    pub created: Vec<Created>,
}

/// An object a version creates, named as the catalog names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Created {
    pub version: i32,
    /// The catalog's kind: `table`, `index`, `function`, ….
    pub kind: &'static str,
    /// `name` in `public`, `schema.name` elsewhere; `table.name` for a trigger; a function
    /// without its arguments.
    pub name: String,
}

#[derive(Debug, Clone)]
pub struct Table {
    pub name: String,
    /// The name of the migration that created the table.
    pub domain: String,
    pub comment: Option<String>,
    pub columns: Vec<Column>,
    pub primary_key: Option<Key>,
    pub foreign_keys: Vec<ForeignKey>,
    pub uniques: Vec<Key>,
    pub checks: Vec<Check>,
    /// Where the table was created, for diagnostics about its Rust name.
    pub origin: Location,
}

#[derive(Debug, Clone)]
pub struct Column {
    pub name: String,
    pub sql_type: SqlType,
    pub nullable: bool,
    /// The default expression as written.
    pub default: Option<String>,
    pub comment: Option<String>,
    pub origin: Location,
}

/// A constraint's name: PostgreSQL names every constraint, choosing a name when none is given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConstraintName {
    pub name: String,
    /// Whether the migration gave the name (or renamed it) rather than PostgreSQL choosing it.
    pub explicit: bool,
}

/// A primary key or unique constraint.
#[derive(Debug, Clone)]
pub struct Key {
    pub name: ConstraintName,
    pub columns: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct ForeignKey {
    pub name: ConstraintName,
    pub columns: Vec<String>,
    pub ref_table: String,
    pub ref_columns: Vec<String>,
    pub on_delete: &'static str,
    pub on_update: &'static str,
}

#[derive(Debug, Clone)]
pub struct Check {
    pub name: ConstraintName,
    /// The expression as written, without the parentheses `CHECK` requires.
    pub expression: String,
    /// The columns the expression reads; dropping one drops the check.
    pub columns: Vec<String>,
    /// False while the check was added `NOT VALID` and not yet validated: existing rows are
    /// unchecked, so PostgreSQL cannot rely on it to skip the scan of `SET NOT NULL`.
    pub valid: bool,
}

#[derive(Debug, Clone)]
pub struct EnumType {
    pub name: String,
    pub labels: Vec<String>,
    pub origin: Location,
}

impl Model {
    pub fn table(&self, name: &str) -> Option<&Table> {
        self.tables.iter().find(|t| t.name == name)
    }

    pub fn table_mut(&mut self, name: &str) -> Option<&mut Table> {
        self.tables.iter_mut().find(|t| t.name == name)
    }

    pub fn enum_type(&self, name: &str) -> Option<&EnumType> {
        self.enums.iter().find(|e| e.name == name)
    }

    pub fn enum_type_mut(&mut self, name: &str) -> Option<&mut EnumType> {
        self.enums.iter_mut().find(|e| e.name == name)
    }
}

impl Table {
    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name)
    }

    pub fn column_mut(&mut self, name: &str) -> Option<&mut Column> {
        self.columns.iter_mut().find(|c| c.name == name)
    }

    /// Every constraint's name, to keep them unique within the table.
    pub fn constraint_names(&self) -> impl Iterator<Item = &str> {
        let keys = self
            .primary_key
            .iter()
            .chain(&self.uniques)
            .map(|k| &k.name);
        let others = self.foreign_keys.iter().map(|f| &f.name);
        keys.chain(others)
            .chain(self.checks.iter().map(|c| &c.name))
            .map(|n| n.name.as_str())
    }
}
