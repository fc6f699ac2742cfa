//! PostgreSQL's table-level lock modes and which pairs conflict, as the "Explicit Locking"
//! chapter of its manual tabulates them: the lock manager grants a request only when no other
//! session holds, or waits ahead for, a conflicting mode on the same relation.

/// A table-level lock mode, weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum LockMode {
    AccessShare,
    RowShare,
    RowExclusive,
    ShareUpdateExclusive,
    Share,
    ShareRowExclusive,
    Exclusive,
    AccessExclusive,
}

use LockMode::*;

impl LockMode {
    const ALL: [LockMode; 8] = [
        AccessShare,
        RowShare,
        RowExclusive,
        ShareUpdateExclusive,
        Share,
        ShareRowExclusive,
        Exclusive,
        AccessExclusive,
    ];

    /// The name `pg_locks.mode` gives it, e.g. `ShareRowExclusiveLock`.
    pub fn name(self) -> &'static str {
        match self {
            AccessShare => "AccessShareLock",
            RowShare => "RowShareLock",
            RowExclusive => "RowExclusiveLock",
            ShareUpdateExclusive => "ShareUpdateExclusiveLock",
            Share => "ShareLock",
            ShareRowExclusive => "ShareRowExclusiveLock",
            Exclusive => "ExclusiveLock",
            AccessExclusive => "AccessExclusiveLock",
        }
    }

    pub fn from_name(name: &str) -> Option<LockMode> {
        LockMode::ALL.into_iter().find(|mode| mode.name() == name)
    }

    /// The mode of `LOCK TABLE … IN <words> MODE`, e.g. `SHARE ROW EXCLUSIVE`.
    pub fn from_sql(words: &str) -> Option<LockMode> {
        let name: String = words
            .split_whitespace()
            .map(|word| {
                let lower = word.to_ascii_lowercase();
                let mut chars = lower.chars();
                chars.next().map_or(String::new(), |first| {
                    first.to_ascii_uppercase().to_string() + chars.as_str()
                })
            })
            .collect();
        LockMode::from_name(&format!("{name}Lock"))
    }

    pub fn conflicts_with(self, other: LockMode) -> bool {
        // The manual's table as (weaker, stronger) pairs: the two strongest conflict with
        // nearly everything, the two weakest with little, the middle with all but three pairs.
        match (self.min(other), self.max(other)) {
            (_, AccessExclusive) => true,
            (AccessShare, _) => false,
            (_, Exclusive) => true,
            (RowShare, _) => false,
            (RowExclusive, RowExclusive | ShareUpdateExclusive) => false,
            (RowExclusive, _) => true,
            (Share, Share) => false,
            (ShareUpdateExclusive | Share | ShareRowExclusive, _) => true,
            _ => unreachable!("every pair is covered above"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_conflict_table_of_the_manual() {
        // Row i: the modes mode i conflicts with, as "X" in the manual's Table 13.2.
        let table = [
            "       X", "      XX", "    XXXX", "   XXXXX", "  XX XXX", "  XXXXXX", " XXXXXXX",
            "XXXXXXXX",
        ];
        for (row, expected) in LockMode::ALL.iter().zip(table) {
            let actual: String = LockMode::ALL
                .iter()
                .map(|column| {
                    if row.conflicts_with(*column) {
                        'X'
                    } else {
                        ' '
                    }
                })
                .collect();
            assert_eq!(actual, expected, "{row:?}");
        }
    }

    #[test]
    fn names_round_trip() {
        for mode in LockMode::ALL {
            assert_eq!(LockMode::from_name(mode.name()), Some(mode));
        }
        assert_eq!(
            LockMode::from_sql("share row   exclusive"),
            Some(ShareRowExclusive)
        );
        assert_eq!(LockMode::from_sql("nonsense"), None);
    }
}
