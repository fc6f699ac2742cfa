//! Rust names for tables, columns, enum types and labels: `organization_address` →
//! `OrganizationAddress`, `role_enum` → `Role`, `Recommended_by_analyst` → `RecommendedByAnalyst`,
//! column `type` → field `r#type`; `rust_names.toml` sets what reads badly when derived.

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
        let naming_error = |message: String, at: &Location| {
            BuildError::new(ErrorKind::Naming, message).at(at.clone())
        };
        let mut names = Names::default();
        let mut rust_enums = BTreeMap::new();
        for enum_type in &model.enums {
            let rust = overrides
                .enums
                .get(&enum_type.name)
                .cloned()
                .unwrap_or_else(|| enum_name(&enum_type.name));
            if !is_type_name(&rust) {
                return Err(naming_error(
                    format!("enum type `{}` gives no Rust name", enum_type.name),
                    &enum_type.origin,
                ));
            }
            if let Some(other) = rust_enums.insert(rust.clone(), &enum_type.name) {
                let message = format!(
                    "enum types `{other}` and `{}` are both named `{rust}` in Rust",
                    enum_type.name
                );
                return Err(naming_error(message, &enum_type.origin));
            }
            let empty = BTreeMap::new();
            let label_overrides = overrides.labels.get(&enum_type.name).unwrap_or(&empty);
            if let Some(unknown) = label_overrides
                .keys()
                .find(|l| !enum_type.labels.contains(l))
            {
                let message = format!(
                    "enum type `{}` has no label '{unknown}' to name",
                    enum_type.name
                );
                return Err(
                    BuildError::new(ErrorKind::Naming, message).at(Location::file(overrides_path))
                );
            }
            let mut variants: Vec<String> = Vec::with_capacity(enum_type.labels.len());
            for label in &enum_type.labels {
                let variant = label_overrides
                    .get(label)
                    .cloned()
                    .unwrap_or_else(|| variant_name(label));
                let clash = variants.iter().position(|v| *v == variant);
                if let Some(index) = clash {
                    let message = format!(
                        "labels '{}' and '{label}' of `{}` both make the variant `{variant}`",
                        enum_type.labels[index], enum_type.name
                    );
                    return Err(naming_error(message, &enum_type.origin));
                }
                if !is_type_name(&variant) {
                    let message = format!(
                        "label '{label}' of `{}` gives no Rust variant name",
                        enum_type.name
                    );
                    return Err(naming_error(message, &enum_type.origin));
                }
                variants.push(variant);
            }
            names.enums.insert(enum_type.name.clone(), (rust, variants));
        }
        let mut structs = BTreeMap::new();
        for table in &model.tables {
            let rust = table.name.to_upper_camel_case();
            if !is_type_name(&rust) {
                return Err(naming_error(
                    format!("table `{}` gives no Rust struct name", table.name),
                    &table.origin,
                ));
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
            names.tables.insert(table.name.clone(), rust);
        }
        Ok(names)
    }

    /// The path of a Postgres enum's Rust enum in generated code.
    pub fn enum_path(&self, pg_name: &str) -> String {
        format!("lcfs_db::enums::{}", self.enums[pg_name].0)
    }
}

/// `transfer_type_enum` → `TransferType`, `quarter` → `Quarter`; run-together words need an override.
pub fn enum_name(pg_name: &str) -> String {
    let stem = ["_enum", "enum"]
        .iter()
        .find_map(|suffix| pg_name.strip_suffix(suffix).filter(|stem| !stem.is_empty()))
        .unwrap_or(pg_name);
    stem.to_upper_camel_case()
}

/// `Recommended_by_analyst` → `RecommendedByAnalyst`, `Jet fuel` → `JetFuel`, `2024` → `_2024`.
pub fn variant_name(label: &str) -> String {
    let camel = label.to_upper_camel_case();
    match camel.starts_with(|c: char| c.is_ascii_digit()) {
        true => format!("_{camel}"),
        false => camel,
    }
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
