//! The schema as the migrations define it, modelled at build time and embedded as static data.
//!
//! Nothing here needs a database: the ERD, the schema docs and the parity tests read it.

/// Every table and enum type at head.
#[derive(Debug)]
pub struct Schema {
    /// By name.
    pub tables: &'static [Table],
    /// By name.
    pub enums: &'static [EnumType],
    /// What each version creates, by version, in statement order.
    pub created: &'static [Created],
}

/// An object a version's `CREATE` statement makes, named as `check` and `adopt` name it.
#[derive(Debug)]
pub struct Created {
    /// The version whose up file creates it.
    pub version: i32,
    /// The catalog kind as [`crate::catalog::Kind::as_str`] spells it: `table`, `index`, ….
    pub kind: &'static str,
    /// `name` in `public`, `schema.name` elsewhere; `table.name` for a trigger; a function
    /// without its arguments (any overload has its name).
    pub name: &'static str,
}

impl Created {
    /// Whether an object of `kind` (as the catalog spells it) named `name` takes this one's
    /// name: relations, indexes, sequences and types share one namespace per schema, and a
    /// function's name is taken by any overload.
    pub fn taken_by(&self, kind: &str, name: &str) -> bool {
        const RELATION_NAMESPACE: [&str; 6] = [
            "table",
            "view",
            "materialized view",
            "index",
            "sequence",
            "enum",
        ];
        match kind {
            _ if RELATION_NAMESPACE.contains(&self.kind) => {
                RELATION_NAMESPACE.contains(&kind) && name == self.name
            }
            "function" => kind == self.kind && name.split('(').next() == Some(self.name),
            _ => kind == self.kind && name == self.name,
        }
    }

    /// The first version after `version` that creates an object `kind` `name` takes the name of.
    pub fn collision_after(version: i32, kind: &str, name: &str) -> Option<&'static Created> {
        schema()
            .created_after(version)
            .find(|created| created.taken_by(kind, name))
    }
}

/// A table at head.
#[derive(Debug)]
pub struct Table {
    /// The table's name, unqualified (every table lives in `public`).
    pub name: &'static str,
    /// The name of the Rust row struct in [`crate::tables`].
    pub rust_name: &'static str,
    /// The migration that created the table, e.g. `organizations_and_users`: its domain.
    pub domain: &'static str,
    /// `COMMENT ON TABLE`, when the migrations give one.
    pub comment: Option<&'static str>,
    /// In table order.
    pub columns: &'static [Column],
    /// `None` for a table without one.
    pub primary_key: Option<Constraint>,
    /// The foreign keys the table declares (its references to other tables).
    pub foreign_keys: &'static [ForeignKey],
    /// Unique constraints (unique indexes are not modelled).
    pub uniques: &'static [Constraint],
    /// Check constraints, `NOT NULL` excepted.
    pub checks: &'static [Check],
}

/// A column at head.
#[derive(Debug)]
pub struct Column {
    /// The column's name as PostgreSQL stores it.
    pub name: &'static str,
    /// As PostgreSQL's `format_type` prints it: `character varying(500)`, `numeric(10,2)`, `text[]`.
    pub sql_type: &'static str,
    /// The Rust type of the generated field, without the `Option` of a nullable column.
    pub rust_type: &'static str,
    /// Whether the column accepts NULL.
    pub nullable: bool,
    /// The default expression as written in the migration.
    pub default: Option<&'static str>,
    /// `COMMENT ON COLUMN`, when the migrations give one.
    pub comment: Option<&'static str>,
}

/// A primary key or unique constraint.
#[derive(Debug)]
pub struct Constraint {
    /// The name the migration gave; `None` when PostgreSQL chose it.
    pub name: Option<&'static str>,
    /// The key's columns, in key order.
    pub columns: &'static [&'static str],
}

/// A foreign key, with its referential actions as PostgreSQL names them (`NO ACTION`, `CASCADE`, …).
#[derive(Debug)]
pub struct ForeignKey {
    /// The name the migration gave; `None` when PostgreSQL chose it.
    pub name: Option<&'static str>,
    /// The referencing columns of this table.
    pub columns: &'static [&'static str],
    /// The referenced table.
    pub ref_table: &'static str,
    /// The referenced columns, in the order of [`ForeignKey::columns`].
    pub ref_columns: &'static [&'static str],
    /// `ON DELETE`.
    pub on_delete: &'static str,
    /// `ON UPDATE`.
    pub on_update: &'static str,
}

/// A check constraint with its expression as written.
#[derive(Debug)]
pub struct Check {
    /// The name the migration gave; `None` when PostgreSQL chose it.
    pub name: Option<&'static str>,
    /// The expression, without the parentheses `CHECK` requires.
    pub expression: &'static str,
}

/// A Postgres enum type and its labels in order.
#[derive(Debug)]
pub struct EnumType {
    /// The type's name, e.g. `role_enum`.
    pub name: &'static str,
    /// The name of the Rust enum in [`crate::enums`].
    pub rust_name: &'static str,
    /// The labels in the type's order.
    pub labels: &'static [&'static str],
}

impl Schema {
    /// The table named `name`.
    pub fn table(&self, name: &str) -> Option<&'static Table> {
        self.tables.iter().find(|t| t.name == name)
    }

    /// The objects created by versions above `version`, first by version.
    pub fn created_after(&self, version: i32) -> impl Iterator<Item = &'static Created> {
        let created: &'static [Created] = self.created;
        created.iter().filter(move |c| c.version > version)
    }

    /// The enum type named `name`.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_taken_within_its_namespace() {
        let index = Created {
            version: 16,
            kind: "index",
            name: "idx_transfer_to_transaction_id",
        };
        // Relations, indexes, sequences and types share one namespace.
        assert!(index.taken_by("table", "idx_transfer_to_transaction_id"));
        assert!(!index.taken_by("function", "idx_transfer_to_transaction_id()"));
        let function = Created {
            version: 17,
            kind: "function",
            name: "lcfs_db.mv_inputs",
        };
        assert!(function.taken_by("function", "lcfs_db.mv_inputs(other integer)"));
        assert!(!function.taken_by("function", "mv_inputs(matview text)"));
        let found = Created::collision_after(15, "schema", "lcfs_db").unwrap();
        assert_eq!((found.version, found.kind), (17, "schema"));
        assert!(Created::collision_after(17, "schema", "lcfs_db").is_none());
    }
}
