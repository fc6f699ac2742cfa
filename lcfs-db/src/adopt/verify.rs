//! Verifying that a database is exactly LCFS at its Alembic head, tolerating what LCFS's own
//! databases carry beyond the reference: `alembic_version`, leftover
//! `charging_equipment_snapshot_*` tables with their parts, LCFS's comments, and the grants and
//! default privileges a first LCFS database on its server gives the reporting role, which head
//! has too (V018) and which are kept as they are.

use crate::Error;
use crate::catalog::{Catalog, Drift, Kind, compare, head_snapshot, lcfs_reference};

/// What the verification found.
#[derive(Debug, Clone, Default)]
pub struct Verification {
    /// How many reference objects the database matched.
    pub matched: usize,
    /// Leftover tables, moved out of the compared catalog by the adoption.
    pub leftover_tables: Vec<String>,
    /// Their triggers (`table.trigger`), dropped: the archive must not call our functions.
    pub leftover_triggers: Vec<String>,
    /// Grants the reference lacks that head has, privileges and all (`table forms to
    /// basic_lcfs_reporting_role`): what LCFS's default privileges gave; kept, none revoked.
    pub kept_grants: Vec<String>,
    /// How many comments LCFS wrote; replaced by ours.
    pub comments: usize,
    /// What differs from the reference beyond the tolerated; adoption needs its differences
    /// empty. Its additions (see [`Drift::separate_additions`]) are kept as they are.
    pub drift: Drift,
    /// Every object of the additions, parts included, that LCFS's reference lacks: left
    /// untouched, their comments and sequences too.
    pub kept: Vec<(Kind, String)>,
}

impl Verification {
    /// The names of the kept objects in schema public, unqualified, as a filter of what the
    /// adoption changes: relations, functions with their arguments, types.
    pub(crate) fn kept_names(&self) -> Vec<String> {
        self.kept
            .iter()
            .filter(|(_, name)| !name.split('(').next().unwrap_or(name).contains('.'))
            .filter(|(kind, _)| {
                matches!(
                    kind,
                    Kind::Table
                        | Kind::View
                        | Kind::MaterializedView
                        | Kind::Sequence
                        | Kind::Index
                        | Kind::Function
                        | Kind::Enum
                )
            })
            .map(|(_, name)| name.clone())
            .collect()
    }
}

/// Compares `found` with the LCFS reference, setting the tolerated objects aside.
pub(crate) fn verify(found: &Catalog) -> Result<Verification, Error> {
    let reference = lcfs_reference()?;
    let head = head_snapshot()?;
    let mut verification = Verification::default();
    let mut compared = found.clone();
    compared.retain(|kind, name, attributes| {
        if kind == Kind::Comment {
            verification.comments += 1;
            return false;
        }
        if let Some(table) = relation_of(kind, name, attributes).filter(|t| leftover(t)) {
            match kind {
                Kind::Table => verification.leftover_tables.push(table.to_owned()),
                Kind::Trigger => verification.leftover_triggers.push(name.to_owned()),
                _ => {}
            }
            return false;
        }
        let headed_grant = kind == Kind::Grant
            && reference.get(kind, name).is_none()
            && head.get(kind, name) == Some(attributes);
        if headed_grant {
            verification.kept_grants.push(name.to_owned());
            return false;
        }
        true
    });
    verification.drift = compare(&reference, &compared).separate_additions(&reference, &compared);
    verification.kept = compared
        .iter()
        .filter(|(kind, name, _)| reference.get(*kind, name).is_none())
        .map(|(kind, name, _)| (kind, name.to_owned()))
        .collect();
    verification.matched = reference.len()
        - verification
            .drift
            .differences
            .iter()
            .filter(|d| !matches!(d.change, crate::catalog::Change::Unexpected))
            .map(|d| (d.kind, &d.name))
            .collect::<std::collections::BTreeSet<_>>()
            .len();
    Ok(verification)
}

/// `alembic_version` and the leftover backup tables of charging equipment.
pub(crate) fn leftover(table: &str) -> bool {
    table == "alembic_version" || table.starts_with("charging_equipment_snapshot_")
}

/// The relation an object belongs to, for those that belong to one.
fn relation_of<'a>(
    kind: Kind,
    name: &'a str,
    attributes: &'a crate::catalog::Attributes,
) -> Option<&'a str> {
    match kind {
        Kind::Table => Some(name),
        Kind::Column | Kind::Constraint | Kind::Trigger => name.split('.').next(),
        Kind::Index => attributes.get("table")?.as_str(),
        Kind::Sequence => attributes.get("owned_by")?.as_str()?.split('.').next(),
        Kind::Grant => name.split(' ').nth(1),
        _ => None,
    }
}
