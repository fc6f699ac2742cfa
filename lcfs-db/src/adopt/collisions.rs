//! Additions `adopt` cannot keep: an object with the name a later version gives to one of its
//! own (that version would fail, or skip it and leave the DBA's in its place), and an index on a
//! materialized view, which the adoption drops and creates again from our definition.

use super::LCFS_VERSION;
use super::inspect::refused;
use super::verify::Verification;
use crate::Error;
use crate::catalog::{Attributes, Kind, head_snapshot, lcfs_reference};
use crate::schema::Created;

/// Refuses, naming each object and why, when an addition is one adopt cannot keep.
pub(crate) fn refuse_unkeepable(
    verification: &Verification,
    found: &crate::catalog::Catalog,
) -> Result<(), Error> {
    let (reference, head) = (lcfs_reference()?, head_snapshot()?);
    let mut reasons = Vec::new();
    for (kind, name) in &verification.kept {
        // The very index the version builds (ahead of V016, say): its `IF NOT EXISTS` keeps
        // it, and `check` finds it as head defines it. Other kinds carry too little to tell.
        let same = *kind == Kind::Index
            && head.get(*kind, name).is_some()
            && head.get(*kind, name) == found.get(*kind, name);
        let created = Created::collision_after(LCFS_VERSION, kind.as_str(), name);
        if let Some(created) = created.filter(|_| !same) {
            reasons.push(format!(
                "{kind} {name}: V{:03} creates {} {} under that name",
                created.version, created.kind, created.name
            ));
        }
        let on = found.get(*kind, name).and_then(indexed_relation);
        if *kind == Kind::Index
            && let Some(matview) = on.filter(|m| reference.get(Kind::MaterializedView, m).is_some())
        {
            reasons.push(format!(
                "index {name}: adopt drops materialized view {matview} to create it again from \
                 our definition, which drops the index too (create it again after adopt)"
            ));
        }
    }
    if reasons.is_empty() {
        return Ok(());
    }
    Err(refused(format!(
        "objects added to the database beside LCFS's cannot be kept as they are: {}. Rename \
         or drop them (`ALTER INDEX … RENAME TO …`, `DROP …`), then run adopt again",
        reasons.join("; ")
    )))
}

fn indexed_relation(attributes: &Attributes) -> Option<&str> {
    attributes.get("table")?.as_str()
}
