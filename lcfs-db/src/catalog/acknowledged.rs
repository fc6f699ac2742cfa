//! The additions an operator acknowledged, read from a small file kept with the deployment: one
//! `kind name` per line, as `check` lists them, so that `check --strict` stays quiet about them.
//!
//! ```text
//! # added by the DBA for the transfer report, 2026-11
//! index ix_dba_transfer_create
//! extension pg_stat_statements
//! grant table transfer to dba_reader
//! ```

use std::collections::BTreeSet;

use super::{Drift, Kind};

/// The `kind name` entries of an acknowledgement file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Acknowledged {
    entries: BTreeSet<(Kind, String)>,
}

impl Acknowledged {
    /// Reads the file's text: blank lines and `#` comments are skipped; any other line is a
    /// kind as `check` spells it (`index`, `materialized view`, `grant`, …), a space, and the
    /// name. An unknown kind or a line without a name is an error naming its line.
    pub fn parse(text: &str) -> Result<Acknowledged, String> {
        let mut entries = BTreeSet::new();
        for (number, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            // The longest kind first: `materialized view v` is not a `view`.
            let mut kinds = Kind::ALL;
            kinds.sort_by_key(|kind| std::cmp::Reverse(kind.as_str().len()));
            let entry = kinds.into_iter().find_map(|kind| {
                let name = line.strip_prefix(kind.as_str())?.strip_prefix(' ')?.trim();
                (!name.is_empty()).then(|| (kind, name.to_owned()))
            });
            let Some(entry) = entry else {
                let kinds: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
                return Err(format!(
                    "line {}: `{line}` is not `kind name` (kinds: {})",
                    number + 1,
                    kinds.join(", ")
                ));
            };
            entries.insert(entry);
        }
        Ok(Acknowledged { entries })
    }

    /// Whether the file names no addition.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

impl Drift {
    /// Moves the additions `acknowledged` names from [`Drift::additions`] to
    /// [`Drift::acknowledged`]; answers the entries that named no addition (stale lines).
    pub fn acknowledge(&mut self, acknowledged: &Acknowledged) -> Vec<String> {
        let mut unused = acknowledged.entries.clone();
        let (known, additions) = std::mem::take(&mut self.additions)
            .into_iter()
            .partition(|d| unused.remove(&(d.kind, d.name.clone())));
        self.additions = additions;
        self.acknowledged.extend::<Vec<_>>(known);
        unused
            .into_iter()
            .map(|(kind, name)| format!("{kind} {name}"))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_kind_and_name_per_line_and_names_a_bad_line() {
        let text = "# kept by the DBA\n\nindex ix_a\nmaterialized view dba.mv\ngrant table transfer to r\n";
        let acknowledged = Acknowledged::parse(text).unwrap();
        let entries: Vec<(Kind, &str)> = acknowledged
            .entries
            .iter()
            .map(|(k, n)| (*k, n.as_str()))
            .collect();
        assert_eq!(
            entries,
            [
                (Kind::Index, "ix_a"),
                (Kind::MaterializedView, "dba.mv"),
                (Kind::Grant, "table transfer to r"),
            ]
        );
        let error = Acknowledged::parse("index ix_a\nindexes ix_b\n").unwrap_err();
        assert!(error.starts_with("line 2: `indexes ix_b`"), "{error}");
        assert!(Acknowledged::parse("table\n").is_err());
    }
}
