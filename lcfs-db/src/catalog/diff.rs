//! Comparing an expected catalog with a found one: what is missing, what is unexpected, and
//! which attributes differ. Only the attributes the expected object names are compared, so a
//! reference that leaves bodies out (LCFS's `schema.json`) still compares with a live catalog.

use serde_json::Value;

use super::{Catalog, Kind};

/// How one object differs.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// Expected, not found.
    Missing,
    /// Found, not expected.
    Unexpected,
    /// Found with another value of one attribute.
    Different {
        /// The attribute's name, e.g. `body_md5`, `type`, `privileges`.
        attribute: String,
        /// What the expected catalog holds (`null` when absent).
        expected: Value,
        /// What the found catalog holds (`null` when absent).
        found: Value,
    },
}

/// One difference: an object and how it differs.
#[derive(Debug, Clone, PartialEq)]
pub struct Difference {
    /// The object's kind.
    pub kind: Kind,
    /// The object's name within its kind.
    pub name: String,
    /// How it differs.
    pub change: Change,
}

/// Every difference between two catalogs, in catalog order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Drift {
    /// The differences, sorted by kind, then name: after [`Drift::separate_additions`], only
    /// the changes to what the migrations define.
    pub differences: Vec<Difference>,
    /// What a DBA added that changes nothing the migrations define, not acknowledged; filled
    /// by [`Drift::separate_additions`].
    pub additions: Vec<Difference>,
    /// The additions an acknowledgement file names; moved here by [`Drift::acknowledge`].
    pub acknowledged: Vec<Difference>,
}

impl Drift {
    /// Whether the catalogs are equal.
    pub fn is_empty(&self) -> bool {
        self.differences.is_empty()
    }

    /// The differences of one kind.
    pub fn of_kind(&self, kind: Kind) -> impl Iterator<Item = &Difference> {
        self.differences.iter().filter(move |d| d.kind == kind)
    }

    /// Keeps only the differences `keep` accepts.
    pub fn retain(&mut self, keep: impl FnMut(&Difference) -> bool) {
        self.differences.retain(keep);
    }
}

/// What `found` lacks, adds, or holds otherwise than `expected`.
pub fn compare(expected: &Catalog, found: &Catalog) -> Drift {
    let mut differences = Vec::new();
    for (kind, name, want) in expected.iter() {
        let Some(have) = found.get(kind, name) else {
            differences.push(Difference {
                kind,
                name: name.to_owned(),
                change: Change::Missing,
            });
            continue;
        };
        for (attribute, value) in want {
            let other = have.get(attribute).unwrap_or(&Value::Null);
            if other != value {
                differences.push(Difference {
                    kind,
                    name: name.to_owned(),
                    change: Change::Different {
                        attribute: attribute.clone(),
                        expected: value.clone(),
                        found: other.clone(),
                    },
                });
            }
        }
    }
    for (kind, name, _) in found.iter() {
        if expected.get(kind, name).is_none() {
            differences.push(Difference {
                kind,
                name: name.to_owned(),
                change: Change::Unexpected,
            });
        }
    }
    differences.sort_by(|a, b| (a.kind, &a.name).cmp(&(b.kind, &b.name)));
    Drift {
        differences,
        ..Drift::default()
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn catalog(lines: &str) -> Catalog {
        Catalog::from_snapshot(lines).unwrap()
    }

    #[test]
    fn compares_only_the_attributes_the_expected_object_names() {
        let expected = catalog(
            r#"["column","t.a",{"type":"integer"}]
["column","t.b",{"type":"text"}]
["index","t_a_idx",{"definition":"CREATE INDEX t_a_idx ON public.t USING btree (a)"}]"#,
        );
        let found = catalog(
            r#"["column","t.a",{"type":"integer","nullable":true}]
["column","t.b",{"type":"character varying"}]
["column","t.c",{"type":"integer"}]"#,
        );
        let drift = compare(&expected, &found);
        let seen: Vec<(Kind, &str, &Change)> = drift
            .differences
            .iter()
            .map(|d| (d.kind, d.name.as_str(), &d.change))
            .collect();
        assert_eq!(
            seen,
            [
                (
                    Kind::Column,
                    "t.b",
                    &Change::Different {
                        attribute: "type".into(),
                        expected: json!("text"),
                        found: json!("character varying"),
                    }
                ),
                (Kind::Column, "t.c", &Change::Unexpected),
                (Kind::Index, "t_a_idx", &Change::Missing),
            ]
        );
        assert!(compare(&found, &found).is_empty());
    }

    #[test]
    fn the_snapshot_format_round_trips_and_names_a_bad_line() {
        let text = "[\"grant\",\"view v to r\",{\"privileges\":[\"SELECT\"]}]\n";
        assert_eq!(catalog(text).to_snapshot(), text);
        let error = Catalog::from_snapshot("[\"nonsense\",\"x\",{}]").unwrap_err();
        assert!(error.starts_with("line 1: unknown kind"), "{error}");
    }
}
