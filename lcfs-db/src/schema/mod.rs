//! The schema as the migrations define it, modelled at build time and embedded as static data.
//!
//! Nothing here needs a database: the ERD, the schema docs and the parity tests read it.

/// Every table and enum type at head.
#[derive(Debug)]
pub struct Schema {
    pub tables: &'static [Table],
    pub enums: &'static [EnumType],
}

/// A table at head.
#[derive(Debug)]
pub struct Table {
    pub name: &'static str,
    /// The name of the Rust row struct in [`crate::tables`].
    pub rust_name: &'static str,
    /// The migration that created the table, e.g. `organizations_and_users`: its domain.
    pub domain: &'static str,
    /// `COMMENT ON TABLE`, when the migrations give one.
    pub comment: Option<&'static str>,
    pub columns: &'static [Column],
    pub primary_key: Option<Constraint>,
    pub foreign_keys: &'static [ForeignKey],
    pub uniques: &'static [Constraint],
    pub checks: &'static [Check],
}

/// A column at head.
#[derive(Debug)]
pub struct Column {
    pub name: &'static str,
    /// As PostgreSQL's `format_type` prints it: `character varying(500)`, `numeric(10,2)`, `text[]`.
    pub sql_type: &'static str,
    /// The Rust type of the generated field, without the `Option` of a nullable column.
    pub rust_type: &'static str,
    pub nullable: bool,
    /// The default expression as written in the migration.
    pub default: Option<&'static str>,
    pub comment: Option<&'static str>,
}

/// A primary key or unique constraint.
#[derive(Debug)]
pub struct Constraint {
    pub name: Option<&'static str>,
    pub columns: &'static [&'static str],
}

/// A foreign key, with its referential actions as PostgreSQL names them (`NO ACTION`, `CASCADE`, …).
#[derive(Debug)]
pub struct ForeignKey {
    pub name: Option<&'static str>,
    pub columns: &'static [&'static str],
    pub ref_table: &'static str,
    pub ref_columns: &'static [&'static str],
    pub on_delete: &'static str,
    pub on_update: &'static str,
}

/// A check constraint with its expression as written.
#[derive(Debug)]
pub struct Check {
    pub name: Option<&'static str>,
    pub expression: &'static str,
}

/// A Postgres enum type and its labels in order.
#[derive(Debug)]
pub struct EnumType {
    pub name: &'static str,
    /// The name of the Rust enum in [`crate::enums`].
    pub rust_name: &'static str,
    pub labels: &'static [&'static str],
}

impl Schema {
    pub fn table(&self, name: &str) -> Option<&'static Table> {
        self.tables.iter().find(|t| t.name == name)
    }

    pub fn enum_type(&self, name: &str) -> Option<&'static EnumType> {
        self.enums.iter().find(|e| e.name == name)
    }
}

/// The schema at head, as the build script modelled it from `migrations/`.
pub fn schema() -> &'static Schema {
    &generated::SCHEMA
}

mod generated {
    use super::*;
    include!(concat!(env!("OUT_DIR"), "/schema.rs"));
}
