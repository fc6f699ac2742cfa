//! A drift as people read it (grouped by kind: `missing`, `unexpected`, `different: <what>
//! expected … found …`) and as programs read it (JSON).

use std::fmt;

use serde_json::{Value, json};

use super::{Change, Drift, Kind};

impl fmt::Display for Drift {
    /// One heading per kind with its count, then one line per difference.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for kind in Kind::ALL {
            let of_kind: Vec<_> = self.of_kind(kind).collect();
            if of_kind.is_empty() {
                continue;
            }
            writeln!(f, "{kind} ({})", of_kind.len())?;
            for difference in of_kind {
                let name = &difference.name;
                match &difference.change {
                    Change::Missing => writeln!(f, "  missing     {name}")?,
                    Change::Unexpected => writeln!(f, "  unexpected  {name}")?,
                    Change::Different {
                        attribute,
                        expected,
                        found,
                    } => writeln!(
                        f,
                        "  different   {name}: {attribute} expected {expected} found {found}"
                    )?,
                }
            }
        }
        Ok(())
    }
}

impl Drift {
    /// `{"equal": …, "differences": [{"kind", "name", "change", "attribute", "expected",
    /// "found"}]}`; the last three only for a `different` change.
    pub fn to_json(&self) -> Value {
        let differences: Vec<Value> = self
            .differences
            .iter()
            .map(|d| match &d.change {
                Change::Missing => {
                    json!({"kind": d.kind.as_str(), "name": d.name, "change": "missing"})
                }
                Change::Unexpected => {
                    json!({"kind": d.kind.as_str(), "name": d.name, "change": "unexpected"})
                }
                Change::Different {
                    attribute,
                    expected,
                    found,
                } => json!({
                    "kind": d.kind.as_str(), "name": d.name, "change": "different",
                    "attribute": attribute, "expected": expected, "found": found,
                }),
            })
            .collect();
        json!({"equal": self.is_empty(), "differences": differences})
    }
}
