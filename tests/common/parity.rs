//! Parity with the LCFS reference, by the `check` machinery: every object of the reference
//! catalog (`catalog/lcfs-reference/`) present with the attributes the reference gives, and
//! every reference row present. Objects we add beyond the reference count as extra, not as
//! failures; the documented ones (`docs/differences.md`) must be among them.

use std::collections::BTreeSet;

use lcfs_db::catalog::{Change, Kind, compare, lcfs_reference, read_in_transaction};
use tokio_postgres::Client;

/// The outcome: a summary line per kind, the failures, and the extras.
#[derive(Debug)]
pub struct Parity {
    pub summary: Vec<String>,
    pub failures: Vec<String>,
    pub extras: Vec<(Kind, String)>,
    pub matched: usize,
    pub total: usize,
}

impl Parity {
    /// The whole report, for assertion messages.
    pub fn report(&self) -> String {
        let mut text = self.summary.join("\n");
        for failure in &self.failures {
            text.push_str(&format!("\n    {failure}"));
        }
        text
    }
}

/// Compares the database behind `db` with the LCFS reference.
pub async fn parity(db: &Client) -> Parity {
    let reference = lcfs_reference().expect("the embedded LCFS reference reads");
    let mut live = read_in_transaction(db).await.expect("the catalog reads");
    // The reference leaves comments out; they are not part of parity.
    live.retain(|kind, _, _| kind != Kind::Comment);
    let drift = compare(&reference, &live);
    let (mut summary, mut failures, mut extras) = (Vec::new(), Vec::new(), Vec::new());
    let (mut matched, mut total) = (0, 0);
    for kind in Kind::ALL {
        let want = reference.of_kind(kind).count();
        let failed: BTreeSet<&str> = drift
            .of_kind(kind)
            .filter(|d| d.change != Change::Unexpected)
            .map(|d| d.name.as_str())
            .collect();
        let extra: Vec<_> = drift
            .of_kind(kind)
            .filter(|d| d.change == Change::Unexpected)
            .map(|d| (kind, d.name.clone()))
            .collect();
        if want == 0 && extra.is_empty() {
            continue;
        }
        summary.push(format!(
            "{:<28} {:>5}/{:<5} failed {:<4} extra {}",
            kind.as_str(),
            want - failed.len(),
            want,
            failed.len(),
            extra.len()
        ));
        matched += want - failed.len();
        total += want;
        extras.extend(extra);
    }
    for difference in &drift.differences {
        match &difference.change {
            Change::Unexpected => {}
            Change::Missing => {
                failures.push(format!("missing {} {}", difference.kind, difference.name))
            }
            Change::Different {
                attribute,
                expected,
                found,
            } => failures.push(format!(
                "differ {} {}: {attribute} want {expected} got {found}",
                difference.kind, difference.name
            )),
        }
    }
    let tables = super::reference::reference_tables().len();
    let rows = super::reference::reference_row_differences(db).await;
    summary.push(format!(
        "{:<28} {:>5}/{:<5} failed {}",
        "reference data (tables)",
        tables - rows.len(),
        tables,
        rows.len()
    ));
    matched += tables - rows.len();
    total += tables;
    failures.extend(rows.into_iter().map(|r| format!("rows {r}")));
    summary.push(format!("parity: {matched}/{total} objects"));
    Parity {
        summary,
        failures,
        extras,
        matched,
        total,
    }
}
