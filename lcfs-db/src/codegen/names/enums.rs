//! Rust enums for Postgres enum types: the type's name without its `enum` suffix, or the
//! override; variants from the labels, or their overrides.

use std::collections::BTreeMap;

use heck::ToUpperCamelCase;

use super::super::error::{BuildError, ErrorKind};
use super::super::model::{EnumType, Model};
use super::super::overrides::Overrides;
use super::super::source::Location;
use super::is_type_name;

/// Postgres enum → (Rust enum, variants in label order), each checked to be an identifier and
/// unique.
pub fn enum_names(
    model: &Model,
    overrides: &Overrides,
    overrides_path: &str,
) -> Result<BTreeMap<String, (String, Vec<String>)>, BuildError> {
    let mut rust_enums = BTreeMap::new();
    let mut names = BTreeMap::new();
    for enum_type in &model.enums {
        let rust = overrides
            .enums
            .get(&enum_type.name)
            .cloned()
            .unwrap_or_else(|| enum_name(&enum_type.name));
        if !is_type_name(&rust) {
            let message = format!("enum type `{}` gives no Rust name", enum_type.name);
            return Err(naming_error(message, &enum_type.origin));
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
            return Err(naming_error(message, &Location::file(overrides_path)));
        }
        names.insert(
            enum_type.name.clone(),
            (rust, variants(enum_type, label_overrides)?),
        );
    }
    Ok(names)
}

fn variants(
    enum_type: &EnumType,
    overrides: &BTreeMap<String, String>,
) -> Result<Vec<String>, BuildError> {
    let mut variants: Vec<String> = Vec::with_capacity(enum_type.labels.len());
    for label in &enum_type.labels {
        let variant = overrides
            .get(label)
            .cloned()
            .unwrap_or_else(|| variant_name(label));
        if let Some(index) = variants.iter().position(|v| *v == variant) {
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
    Ok(variants)
}

fn naming_error(message: String, at: &Location) -> BuildError {
    BuildError::new(ErrorKind::Naming, message).at(at.clone())
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
