//! The LCFS database at Alembic revision [`LCFS_REVISION`], as its reference describes it:
//! `catalog/lcfs-reference/schema.json` (LCFS's catalog, copied as published) read into our
//! catalog objects, plus `extra.jsonl`, the facts `schema.json` leaves out (the schema, the
//! reporting role and its grants, from the reference's behaviour notes). Bodies, view
//! definitions and comments are not in the reference, so they are not compared with it.

use serde_json::{Map, Value};

use super::{Catalog, Kind};
use crate::{Error, ErrorKind};

/// LCFS's Alembic head, which every LCFS database is at.
pub const LCFS_REVISION: &str = "b8f9c0d1e2a3";

const SCHEMA_JSON: &str = include_str!("../../../catalog/lcfs-reference/schema.json");
const EXTRA: &str = include_str!("../../../catalog/lcfs-reference/extra.jsonl");

/// The LCFS reference catalog, with the attributes the reference gives.
pub fn lcfs_reference() -> Result<Catalog, Error> {
    let broken = |what: String| {
        Error::new(
            ErrorKind::Config,
            format!("catalog/lcfs-reference is unreadable: {what}"),
        )
    };
    let schema: Value = serde_json::from_str(SCHEMA_JSON).map_err(|e| broken(e.to_string()))?;
    let mut catalog =
        Catalog::from_snapshot(EXTRA).map_err(|e| broken(format!("extra.jsonl {e}")))?;
    for table in list(&schema, "tables") {
        let name = text(table, "name");
        catalog.insert(Kind::Table, name, Default::default());
        relation_parts(&mut catalog, table, name);
    }
    for (key, kind) in [
        ("views", Kind::View),
        ("materialized_views", Kind::MaterializedView),
    ] {
        for view in list(&schema, key) {
            let name = text(view, "name");
            catalog.insert(kind, name, Default::default());
            relation_parts(&mut catalog, view, name);
        }
    }
    for item in list(&schema, "enums") {
        catalog.insert(Kind::Enum, text(item, "name"), without(item, &["name"]));
    }
    for item in list(&schema, "functions") {
        let name = format!("{}({})", text(item, "name"), text(item, "args"));
        catalog.insert(Kind::Function, name, without(item, &["name", "args"]));
    }
    for item in list(&schema, "sequences") {
        catalog.insert(Kind::Sequence, text(item, "name"), without(item, &["name"]));
    }
    for item in list(&schema, "extensions") {
        catalog.insert(
            Kind::Extension,
            text(item, "name"),
            without(item, &["name", "version"]),
        );
    }
    Ok(catalog)
}

/// Columns, constraints, indexes and triggers of one table, view or materialized view.
fn relation_parts(catalog: &mut Catalog, relation: &Value, name: &str) {
    for column in list(relation, "columns") {
        let key = format!("{name}.{}", text(column, "name"));
        catalog.insert(Kind::Column, key, without(column, &["name"]));
    }
    for constraint in list(relation, "constraints") {
        let key = format!("{name}.{}", text(constraint, "name"));
        catalog.insert(Kind::Constraint, key, without(constraint, &["name"]));
    }
    for index in list(relation, "indexes") {
        catalog.insert(Kind::Index, text(index, "name"), without(index, &["name"]));
    }
    for trigger in list(relation, "triggers") {
        let key = format!("{name}.{}", text(trigger, "name"));
        catalog.insert(Kind::Trigger, key, without(trigger, &["name"]));
    }
}

fn list<'a>(value: &'a Value, key: &str) -> &'a [Value] {
    value[key].as_array().map_or(&[], Vec::as_slice)
}

fn text<'a>(value: &'a Value, key: &str) -> &'a str {
    value[key].as_str().unwrap_or_default()
}

fn without(value: &Value, keys: &[&str]) -> super::object::Attributes {
    value
        .as_object()
        .unwrap_or(&Map::new())
        .iter()
        .filter(|(key, _)| !keys.contains(&key.as_str()))
        .map(|(key, value)| (key.clone(), value.clone()))
        .collect()
}
