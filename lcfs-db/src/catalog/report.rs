//! A drift as people read it (grouped by kind: `missing`, `unexpected`, `different: <what>
//! expected … found …`) and as programs read it (JSON), with the additions apart.

use std::fmt::{self, Write};

use serde_json::{Value, json};

use super::{Change, Difference, Drift, Kind};

impl fmt::Display for Drift {
    /// One heading per kind with its count, then one line per difference (additions aside: see
    /// [`Drift::additions_text`]).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let differences: Vec<(&str, &Difference)> = self
            .differences
            .iter()
            .map(|d| {
                let label = match d.change {
                    Change::Missing => "missing",
                    Change::Unexpected => "unexpected",
                    Change::Different { .. } => "different",
                };
                (label, d)
            })
            .collect();
        write_grouped(f, &differences)
    }
}

impl Drift {
    /// The additions, acknowledged ones marked, grouped by kind as the drift is: `added`, or
    /// `widened` for a grant of ours that holds more; empty when there is none.
    pub fn additions_text(&self) -> String {
        let additions: Vec<(&str, &Difference)> = (self.additions.iter())
            .map(|d| (addition_label(d), d))
            .chain(self.acknowledged.iter().map(|d| ("acknowledged", d)))
            .collect();
        let mut text = String::new();
        write_grouped(&mut text, &additions).expect("writing to a String");
        text
    }

    /// `{"equal": …, "differences": [{"kind", "name", "change", "class", "attribute",
    /// "expected", "found"}]}`; the last three only for a `different` change. `equal` means no
    /// drift; `class` is `drift`, `addition` or `acknowledged`.
    pub fn to_json(&self) -> Value {
        let entry = |d: &Difference, class: &str| match &d.change {
            Change::Missing => {
                json!({"kind": d.kind.as_str(), "name": d.name, "change": "missing", "class": class})
            }
            Change::Unexpected => {
                json!({"kind": d.kind.as_str(), "name": d.name, "change": "unexpected", "class": class})
            }
            Change::Different {
                attribute,
                expected,
                found,
            } => json!({
                "kind": d.kind.as_str(), "name": d.name, "change": "different", "class": class,
                "attribute": attribute, "expected": expected, "found": found,
            }),
        };
        let differences: Vec<Value> = (self.differences.iter().map(|d| entry(d, "drift")))
            .chain(self.additions.iter().map(|d| entry(d, "addition")))
            .chain(self.acknowledged.iter().map(|d| entry(d, "acknowledged")))
            .collect();
        json!({"equal": self.is_empty(), "differences": differences})
    }
}

fn addition_label(difference: &Difference) -> &'static str {
    match difference.change {
        Change::Different { .. } => "widened",
        _ => "added",
    }
}

/// One heading per kind with its count, then `  <label>  name[: attribute expected … found …]`.
fn write_grouped(out: &mut impl Write, entries: &[(&str, &Difference)]) -> fmt::Result {
    for kind in Kind::ALL {
        let of_kind: Vec<_> = entries.iter().filter(|(_, d)| d.kind == kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        writeln!(out, "{kind} ({})", of_kind.len())?;
        for (label, difference) in of_kind {
            let name = &difference.name;
            write!(out, "  {label:<11} {name}")?;
            if let Change::Different {
                attribute,
                expected,
                found,
            } = &difference.change
            {
                write!(out, ": {attribute} expected {expected} found {found}")?;
            }
            writeln!(out)?;
        }
    }
    Ok(())
}
