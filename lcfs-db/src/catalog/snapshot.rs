//! The snapshot file: a catalog written one object a line, `["kind", "name", {attributes}]`,
//! sorted, so that a migration's effect on the catalog reads as a diff of that file.
//! `catalog/head.jsonl` is the catalog the migrations leave at head, embedded in the binary.

use std::fmt::Write as _;

use serde_json::Value;

use super::{Catalog, Kind};
use crate::{Error, ErrorKind};

/// Where the snapshot of head lives, relative to the repository root.
pub const SNAPSHOT_FILE: &str = "catalog/head.jsonl";

/// The command that rewrites [`SNAPSHOT_FILE`] from a database freshly migrated to head.
pub const UPDATE_COMMAND: &str = "LCFS_DB_UPDATE_SNAPSHOT=1 cargo test --test catalog_snapshot";

const HEAD: &str = include_str!("../../../catalog/head.jsonl");

/// The catalog the embedded migrations leave at head, as committed in [`SNAPSHOT_FILE`].
pub fn head_snapshot() -> Result<Catalog, Error> {
    Catalog::from_snapshot(HEAD).map_err(|message| {
        Error::new(
            ErrorKind::Config,
            format!("{SNAPSHOT_FILE} {message}; regenerate it with `{UPDATE_COMMAND}`"),
        )
    })
}

impl Catalog {
    /// The catalog as the snapshot file holds it: one JSON array a line, in catalog order.
    pub fn to_snapshot(&self) -> String {
        let mut text = String::new();
        for (kind, name, attributes) in self.iter() {
            let line = serde_json::to_string(&(kind.as_str(), name, attributes))
                .expect("catalog attributes are JSON values");
            let _ = writeln!(text, "{line}");
        }
        text
    }

    /// Reads a snapshot file; the error names the first line that is not `[kind, name, {…}]`.
    pub fn from_snapshot(text: &str) -> Result<Catalog, String> {
        let mut catalog = Catalog::default();
        for (index, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let bad = |why: &str| format!("line {}: {why}: {line}", index + 1);
            let (kind, name, attributes): (String, String, Value) =
                serde_json::from_str(line).map_err(|e| bad(&e.to_string()))?;
            let kind = Kind::parse(&kind).ok_or_else(|| bad("unknown kind"))?;
            let Value::Object(attributes) = attributes else {
                return Err(bad("attributes are not an object"));
            };
            catalog.insert(kind, name, attributes.into_iter().collect());
        }
        Ok(catalog)
    }
}
