//! `migrations/rust_names.toml`: Rust names chosen by hand where the derived ones read badly,
//! such as enum types whose words run together and labels that are not words.
//!
//! ```toml
//! [enums]
//! transfercategoryenum = "TransferCategory"
//!
//! [labels.supplemental_report_access_role_enum]
//! BCeID = "BceId"
//! ```

use std::collections::BTreeMap;
use std::path::Path;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::error::{BuildError, ErrorKind};
use super::names;
use super::source::SourceFile;

/// The names set by hand, by Postgres name (and by label for variants).
#[derive(Debug, Default)]
pub struct Overrides {
    pub enums: BTreeMap<String, String>,
    pub labels: BTreeMap<String, BTreeMap<String, String>>,
}

/// Reads `path` (relative to `root`); a missing file sets nothing.
pub fn load(root: &Path, path: &str) -> Result<Overrides, BuildError> {
    if !root.join(path).exists() {
        return Ok(Overrides::default());
    }
    let file = SourceFile::read(root, path)?;
    let error = |message: String, span: std::ops::Range<usize>| {
        BuildError::new(ErrorKind::Naming, message).at(file.at_offset(span.start, span.len()))
    };
    let document = DeTable::parse(&file.text).map_err(|err| {
        error(
            format!("{path} does not parse: {}", err.message()),
            err.span().unwrap_or(0..1),
        )
    })?;
    let mut overrides = Overrides::default();
    for (section, value) in document.get_ref() {
        let entries = table_of(value)
            .map_err(|span| error(format!("`{}` must be a table", section.get_ref()), span))?;
        match section.get_ref().as_ref() {
            "enums" => overrides.enums = names_in(entries, &error)?,
            "labels" => {
                for (enum_type, value) in entries {
                    let labels = table_of(value).map_err(|span| {
                        error(
                            format!(
                                "`labels.{}` must be a table of label = \"Variant\"",
                                enum_type.get_ref()
                            ),
                            span,
                        )
                    })?;
                    overrides
                        .labels
                        .insert(enum_type.get_ref().to_string(), names_in(labels, &error)?);
                }
            }
            other => {
                let message =
                    format!("unknown section `{other}`: the sections are `enums` and `labels`");
                return Err(error(message, section.span()));
            }
        }
    }
    Ok(overrides)
}

fn table_of<'a>(
    value: &'a Spanned<DeValue<'a>>,
) -> Result<&'a DeTable<'a>, std::ops::Range<usize>> {
    match value.get_ref() {
        DeValue::Table(table) => Ok(table),
        _ => Err(value.span()),
    }
}

/// `key = "RustName"` entries, each a valid Rust type or variant name.
fn names_in(
    table: &DeTable,
    error: &dyn Fn(String, std::ops::Range<usize>) -> BuildError,
) -> Result<BTreeMap<String, String>, BuildError> {
    let mut names = BTreeMap::new();
    for (key, value) in table {
        let DeValue::String(rust_name) = value.get_ref() else {
            return Err(error(
                format!("the Rust name for `{}` must be a string", key.get_ref()),
                value.span(),
            ));
        };
        if !names::is_type_name(rust_name) {
            let message = format!("`{rust_name}` is not an UpperCamelCase Rust identifier");
            return Err(error(message, value.span()));
        }
        names.insert(key.get_ref().to_string(), rust_name.to_string());
    }
    Ok(names)
}
