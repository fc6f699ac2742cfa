//! Which differences are a DBA's additions rather than drift: objects that change nothing the
//! (Over 200 lines with its tests: the rule for each kind of addition sits beside its case.)
//! migrations define (an index on our table, an extension, a role and the access it is granted,
//! objects of their own), which `check` and `adopt` keep apart and leave alone.
//!
//! Drift is any change to what the migrations define: a missing or altered object, a column,
//! constraint or trigger added to one of our tables, a unique index on one (it refuses writes
//! the migrations accept), a comment on one, and a grant that holds less than ours. The parts
//! of an added object (a table's columns, a schema's tables, the grants on either) fold into it.

use std::collections::BTreeSet;

use serde_json::Value;

use super::{Catalog, Change, Difference, Drift, Kind};

/// What one difference is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// A change to what the migrations define.
    Drift,
    /// An addition listed by its own name.
    Addition,
    /// A part of an addition, listed with it.
    Part,
}

impl Drift {
    /// Moves the additions out of [`Drift::differences`] into [`Drift::additions`], each
    /// listed once, by the object it belongs to; `found` is the catalog compared with
    /// `expected`.
    pub fn separate_additions(mut self, expected: &Catalog, found: &Catalog) -> Drift {
        let unexpected: BTreeSet<(Kind, String)> = self
            .differences
            .iter()
            .filter(|d| d.change == Change::Unexpected)
            .map(|d| (d.kind, d.name.clone()))
            .collect();
        let catalogs = Catalogs {
            expected,
            found,
            unexpected: &unexpected,
        };
        for difference in std::mem::take(&mut self.differences) {
            match catalogs.class(&difference) {
                Class::Drift => self.differences.push(difference),
                Class::Addition => self.additions.push(difference),
                Class::Part => {}
            }
        }
        self
    }
}

struct Catalogs<'a> {
    expected: &'a Catalog,
    found: &'a Catalog,
    unexpected: &'a BTreeSet<(Kind, String)>,
}

/// The kinds in the namespace of relations that own columns, constraints and triggers.
const RELATIONS: [Kind; 3] = [Kind::Table, Kind::View, Kind::MaterializedView];

impl Catalogs<'_> {
    fn class(&self, difference: &Difference) -> Class {
        let name = difference.name.as_str();
        match (&difference.change, difference.kind) {
            (Change::Missing, _) => Class::Drift,
            (change @ Change::Different { .. }, Kind::Grant) if widens(change) => Class::Addition,
            (Change::Different { .. }, _) => Class::Drift,
            (Change::Unexpected, Kind::Schema | Kind::Extension | Kind::Role) => Class::Addition,
            (
                Change::Unexpected,
                Kind::Table | Kind::View | Kind::MaterializedView | Kind::Enum | Kind::Function,
            ) => self.standalone(name),
            (Change::Unexpected, Kind::Sequence) => match self.sequence_owner(name) {
                Some(table) => self.part_of_relation(&table),
                None => self.standalone(name),
            },
            (Change::Unexpected, Kind::Column | Kind::Constraint | Kind::Trigger) => {
                name.rsplit_once('.').map_or(Class::Drift, |(relation, _)| {
                    self.part_of_relation(relation)
                })
            }
            (Change::Unexpected, Kind::Index) => self.index(name),
            (Change::Unexpected, Kind::Comment) => match commented(name) {
                Some((kind, object)) if self.ours(kind, object) => Class::Drift,
                Some(_) => Class::Part,
                None => Class::Drift,
            },
            (Change::Unexpected, Kind::Grant) => match granted_on(name) {
                Some((kind, object)) if self.ours(kind, object) => Class::Addition,
                Some(_) => Class::Part,
                None => Class::Drift,
            },
        }
    }

    fn ours(&self, kind: Kind, name: &str) -> bool {
        self.expected.get(kind, name).is_some()
    }

    fn added(&self, kind: Kind, name: &str) -> bool {
        self.unexpected.contains(&(kind, name.to_owned()))
    }

    /// An object of its own: part of an added schema, or an addition by itself.
    fn standalone(&self, name: &str) -> Class {
        let unqualified = name.split('(').next().unwrap_or(name);
        match unqualified.split_once('.') {
            Some((schema, _)) if self.added(Kind::Schema, schema) => Class::Part,
            _ => Class::Addition,
        }
    }

    /// A column, constraint, trigger or index is drift on our relation, and part of an added one.
    fn part_of_relation(&self, relation: &str) -> Class {
        if RELATIONS.into_iter().any(|kind| self.ours(kind, relation)) {
            Class::Drift
        } else if RELATIONS.into_iter().any(|kind| self.added(kind, relation)) {
            Class::Part
        } else {
            Class::Drift
        }
    }

    /// An index on our relation is an addition unless it is unique (it refuses writes the
    /// migrations accept) or backs a constraint; on an added relation it is part of it.
    fn index(&self, name: &str) -> Class {
        let Some(attributes) = self.found.get(Kind::Index, name) else {
            return Class::Drift;
        };
        let Some(relation) = attributes.get("table").and_then(Value::as_str) else {
            return Class::Drift;
        };
        let constrains = attributes.get("unique") == Some(&Value::Bool(true))
            || attributes.get("constraint").is_some_and(|c| !c.is_null());
        match self.part_of_relation(relation) {
            Class::Drift
                if RELATIONS.into_iter().any(|k| self.ours(k, relation)) && !constrains =>
            {
                Class::Addition
            }
            class => class,
        }
    }

    /// The table whose column owns the sequence `name` (`owned_by` names the table unqualified).
    fn sequence_owner(&self, name: &str) -> Option<String> {
        let owned_by = self
            .found
            .get(Kind::Sequence, name)?
            .get("owned_by")?
            .as_str()?;
        let (table, _) = owned_by.rsplit_once('.')?;
        Some(match name.split_once('.') {
            Some((schema, _)) => format!("{schema}.{table}"),
            None => table.to_owned(),
        })
    }
}

/// Whether a grant's privileges hold every one expected, and more.
fn widens(change: &Change) -> bool {
    let Change::Different {
        attribute,
        expected,
        found,
    } = change
    else {
        return false;
    };
    let privileges = |value: &Value| -> Option<Vec<String>> {
        value
            .as_array()?
            .iter()
            .map(|p| p.as_str().map(str::to_owned))
            .collect()
    };
    let (Some(expected), Some(found)) = (privileges(expected), privileges(found)) else {
        return false;
    };
    // `SELECT WITH GRANT OPTION` holds `SELECT`.
    let holds = |wanted: &String| {
        found
            .iter()
            .any(|p| p == wanted || p.strip_suffix(" WITH GRANT OPTION") == Some(wanted))
    };
    attribute == "privileges" && expected.iter().all(holds)
}

/// The object a comment is on: `column t.c`, `table t`, `index i`, `type e`, ….
fn commented(name: &str) -> Option<(Kind, &str)> {
    let (what, object) = split_kind(name)?;
    let kind = match what {
        "type" => Kind::Enum,
        other => Kind::parse(other)?,
    };
    Some((kind, object))
}

/// The object of a grant `table t to role`, `function f() to role`, ….
fn granted_on(name: &str) -> Option<(Kind, &str)> {
    let (object, _grantee) = name.rsplit_once(" to ")?;
    let (what, object) = split_kind(object)?;
    let kind = match what {
        "foreign table" => Kind::Table,
        other => Kind::parse(other)?,
    };
    Some((kind, object))
}

/// `materialized view v` → (`materialized view`, `v`): the kind's words, then the name.
fn split_kind(text: &str) -> Option<(&str, &str)> {
    ["materialized view ", "foreign table "]
        .into_iter()
        .find_map(|two| Some((two.trim_end(), text.strip_prefix(two)?)))
        .or_else(|| text.split_once(' '))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::compare;

    fn catalog(lines: &str) -> Catalog {
        Catalog::from_snapshot(lines).unwrap()
    }

    #[test]
    fn additions_are_kept_apart_from_changes_to_what_the_migrations_define() {
        let expected = catalog(
            r#"["table","transfer",{}]
["column","transfer.id",{"type":"integer"}]
["view","v",{"definition_md5":"a"}]
["grant","view v to reporting",{"privileges":["SELECT"]}]
["grant","table transfer to app",{"privileges":["INSERT","SELECT"]}]"#,
        );
        let found = catalog(
            r#"["schema","dba",{}]
["extension","pg_stat_statements",{"schema":"public"}]
["role","dba_reader",{"login":false}]
["table","transfer",{}]
["column","transfer.id",{"type":"integer"}]
["column","transfer.note",{"type":"text"}]
["index","ix_dba_transfer_id",{"table":"transfer","unique":false,"constraint":null}]
["index","ux_dba_transfer_id",{"table":"transfer","unique":true,"constraint":null}]
["table","dba.audit",{}]
["column","dba.audit.id",{"type":"integer"}]
["table","own",{}]
["column","own.id",{"type":"integer"}]
["sequence","own_id_seq",{"owned_by":"own.id"}]
["index","own_pkey",{"table":"own","unique":true,"constraint":"own_pkey"}]
["constraint","own.own_pkey",{"type":"PRIMARY KEY"}]
["comment","table own",{"text":"kept"}]
["comment","table transfer",{"text":"ours?"}]
["function","dba_count()",{"body_md5":"b"}]
["view","v",{"definition_md5":"a"}]
["grant","table transfer to dba_reader",{"privileges":["SELECT"]}]
["grant","table own to dba_reader",{"privileges":["SELECT"]}]
["grant","table transfer to app",{"privileges":["DELETE","INSERT","SELECT"]}]"#,
        );
        let drift = compare(&expected, &found).separate_additions(&expected, &found);
        let named = |list: &[Difference]| -> Vec<String> {
            list.iter()
                .map(|d| format!("{} {}", d.kind, d.name))
                .collect()
        };
        assert_eq!(
            named(&drift.differences),
            [
                "column transfer.note",
                "index ux_dba_transfer_id",
                "comment table transfer",
                "grant view v to reporting",
            ]
        );
        assert_eq!(
            named(&drift.additions),
            [
                "schema dba",
                "extension pg_stat_statements",
                "role dba_reader",
                "table own",
                "index ix_dba_transfer_id",
                "function dba_count()",
                "grant table transfer to app",
                "grant table transfer to dba_reader",
            ]
        );
    }
}
