//! Rust names for tables, columns, enum types and labels: `organization_address` →
//! `OrganizationAddress`, `role_enum` → `Role`, `Recommended_by_analyst` → `RecommendedByAnalyst`,
//! column `type` → field `r#type`; `rust_names.toml` sets what reads badly when derived.

pub mod enums;

use std::collections::BTreeMap;

use heck::ToUpperCamelCase;

use super::error::{BuildError, ErrorKind};
use super::model::Model;
use super::overrides::Overrides;
use super::source::Location;

/// Keywords of Rust 2024, strict and reserved: a field with one of these names is raw (`r#type`).
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Keywords that cannot be raw identifiers either.
const NOT_RAW: &[&str] = &["crate", "self", "Self", "super"];

/// The Rust names of one model, checked to be identifiers and unique.
#[derive(Debug, Default)]
pub struct Names {
    /// Postgres enum → (Rust enum, variants in label order).
    pub enums: BTreeMap<String, (String, Vec<String>)>,
    /// Table → Rust struct.
    pub tables: BTreeMap<String, String>,
}

impl Names {
    pub fn resolve(
        model: &Model,
        overrides: &Overrides,
        overrides_path: &str,
    ) -> Result<Names, BuildError> {
        Ok(Names {
            enums: enums::enum_names(model, overrides, overrides_path)?,
            tables: table_names(model)?,
        })
    }

    /// The path of a Postgres enum's Rust enum in generated code.
    pub fn enum_path(&self, pg_name: &str) -> String {
        format!("lcfs_db::enums::{}", self.enums[pg_name].0)
    }
}

/// Table → struct, checking every column makes a field too.
fn table_names(model: &Model) -> Result<BTreeMap<String, String>, BuildError> {
    let naming_error =
        |message: String, at: &Location| BuildError::new(ErrorKind::Naming, message).at(at.clone());
    let mut structs = BTreeMap::new();
    let mut tables = BTreeMap::new();
    for table in &model.tables {
        let rust = table.name.to_upper_camel_case();
        if !is_type_name(&rust) {
            let message = format!("table `{}` gives no Rust struct name", table.name);
            return Err(naming_error(message, &table.origin));
        }
        if let Some(other) = structs.insert(rust.clone(), &table.name) {
            let message = format!(
                "tables `{other}` and `{}` are both named `{rust}` in Rust",
                table.name
            );
            return Err(naming_error(message, &table.origin));
        }
        if let Some(column) = table.columns.iter().find(|c| field_name(&c.name).is_none()) {
            let message = format!(
                "column `{}.{}` is not a Rust field name",
                table.name, column.name
            );
            return Err(naming_error(message, &column.origin));
        }
        tables.insert(table.name.clone(), rust);
    }
    // Each table also gets a `New…` struct for inserts, which must not be another table's.
    for table in &model.tables {
        let insert = format!("New{}", tables[&table.name]);
        if let Some(other) = structs.get(&insert) {
            let message = format!(
                "table `{}` inserts through `{insert}`, the row struct of table `{other}`",
                table.name
            );
            let help = "table names have no override: rename one of the tables";
            return Err(naming_error(message, &table.origin).with_help(help));
        }
    }
    Ok(tables)
}

/// The field for a column: the column's own name, raw when it is a keyword (`r#type`), so that
/// the row derive reads the column of the field's name; `None` when the name is not an
/// identifier. Quoted mixed-case names (`postalCode_zipCode`) stay as they are.
pub fn field_name(column: &str) -> Option<String> {
    let identifier = column.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && column
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_')
        && column != "_";
    match (identifier, KEYWORDS.contains(&column)) {
        (false, _) => None,
        (true, false) => Some(column.to_owned()),
        (true, true) if NOT_RAW.contains(&column) => None,
        (true, true) => Some(format!("r#{column}")),
    }
}

/// An identifier that names a type or variant: starts with an upper-case letter or `_`, and is
/// not a keyword.
pub fn is_type_name(name: &str) -> bool {
    let mut chars = name.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_uppercase() || c == '_');
    first_ok
        && name != "_"
        && !KEYWORDS.contains(&name)
        && chars.all(|c| c.is_alphanumeric() || c == '_')
}
