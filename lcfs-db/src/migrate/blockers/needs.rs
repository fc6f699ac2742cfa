//! Which table-level locks a statement asks for: its kind decides the mode on the relation it
//! acts on (the manual's "Explicit Locking" chapter lists the mode of every command), and every
//! other relation it names is read (`ACCESS SHARE`), or referenced by a foreign key.

use std::collections::HashSet;

use super::modes::LockMode::{self, *};
use super::words::{Word, words};

/// A relation, as the statement names it, and the mode the statement asks for on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Need {
    pub relation: String,
    pub mode: LockMode,
}

/// The locks a statement asks for; `modelled` is false when its kind is not one of those below,
/// and every name it mentions is then assumed to need the strongest mode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Needs {
    pub needs: Vec<Need>,
    pub modelled: bool,
    /// The table of a `CREATE INDEX CONCURRENTLY`, which past its first lock waits for
    /// transactions to end rather than for a lock.
    pub concurrent_build: Option<String>,
}

pub(crate) fn needs(statement: &str) -> Needs {
    let words = words(statement);
    let starts = |prefix: &[&str]| {
        words.len() >= prefix.len() && prefix.iter().zip(&words).all(|(k, w)| w.is(k))
    };
    let after = |keyword: &str| words.iter().position(|w| w.is(keyword)).map(|n| n + 1);
    let (targets, mode, modelled) = if starts(&["ALTER", "TABLE"]) {
        (name_at(&words, 2), alter_table_mode(&words), true)
    } else if starts(&["ALTER"]) && !starts(&["ALTER", "TYPE"]) {
        (
            name_at(&words, kind_len(&words, 1) + 1),
            AccessExclusive,
            true,
        )
    } else if starts(&["CREATE"]) && kind_is(&words, "INDEX") {
        let concurrently = words.iter().any(|w| w.is("CONCURRENTLY"));
        let mode = if concurrently {
            ShareUpdateExclusive
        } else {
            Share
        };
        (
            after("ON").map_or(vec![], |n| name_at(&words, n)),
            mode,
            true,
        )
    } else if kind_is(&words, "TRIGGER") {
        let mode = if starts(&["DROP"]) {
            AccessExclusive
        } else {
            ShareRowExclusive
        };
        (
            after("ON").map_or(vec![], |n| name_at(&words, n)),
            mode,
            true,
        )
    } else if starts(&["CREATE", "OR", "REPLACE"]) && words.iter().take(5).any(|w| w.is("VIEW")) {
        (
            name_at(&words, kind_len(&words, 3) + 3),
            AccessExclusive,
            true,
        )
    } else if starts(&["DROP"]) || starts(&["TRUNCATE"]) || starts(&["CLUSTER"]) {
        (
            names_from(&words, kind_len(&words, 1) + 1),
            AccessExclusive,
            true,
        )
    } else if starts(&["REFRESH", "MATERIALIZED", "VIEW"]) {
        let concurrently = words.get(3).is_some_and(|w| w.is("CONCURRENTLY"));
        (
            name_at(&words, 3),
            if concurrently {
                Exclusive
            } else {
                AccessExclusive
            },
            true,
        )
    } else if starts(&["LOCK"]) {
        let mode = after("IN")
            .and_then(|n| lock_mode(&words[n..]))
            .unwrap_or(AccessExclusive);
        (names_from(&words, 1), mode, true)
    } else if starts(&["INSERT", "INTO"])
        || starts(&["MERGE", "INTO"])
        || starts(&["DELETE", "FROM"])
    {
        (name_at(&words, 2), RowExclusive, true)
    } else if starts(&["UPDATE"]) {
        (name_at(&words, 1), RowExclusive, true)
    } else if starts(&["COMMENT", "ON"]) {
        let column = words.get(2).is_some_and(|w| w.is("COLUMN"));
        let names = name_at(&words, kind_len(&words, 2) + 2);
        let names = names
            .into_iter()
            .map(|n| if column { table_of_column(n) } else { n });
        (names.collect(), ShareUpdateExclusive, true)
    } else if starts(&["VACUUM"]) || starts(&["ANALYZE"]) {
        (names_from(&words, 1), ShareUpdateExclusive, true)
    } else {
        (
            Vec::new(),
            AccessShare,
            starts(&["CREATE"]) || starts(&["SELECT"]) || starts(&["GRANT"]),
        )
    };
    let concurrent_build = match mode == ShareUpdateExclusive && kind_is(&words, "INDEX") {
        true => targets.first().cloned(),
        false => None,
    };
    let mut needs: Vec<Need> = targets
        .into_iter()
        .map(|relation| Need { relation, mode })
        .collect();
    let mut seen: HashSet<&str> = HashSet::new();
    let references = words.iter().position(|w| w.is("REFERENCES")).map(|n| n + 1);
    for (index, word) in words.iter().enumerate() {
        if !seen.insert(word.text) || needs.iter().any(|n| n.relation == word.text) {
            continue;
        }
        let mode = match (modelled, Some(index) == references) {
            (_, true) => ShareRowExclusive,
            (true, false) => AccessShare,
            (false, false) => AccessExclusive,
        };
        needs.push(Need {
            relation: word.text.to_owned(),
            mode,
        });
    }
    Needs {
        needs,
        modelled,
        concurrent_build,
    }
}

/// Whether the statement creates or drops an object of `kind`: `CREATE [OR REPLACE]
/// [UNIQUE | CONSTRAINT] <kind>` or `DROP <kind>`.
fn kind_is(words: &[Word<'_>], kind: &str) -> bool {
    let optional = ["OR", "REPLACE", "UNIQUE", "CONSTRAINT"];
    match words.first() {
        Some(first) if first.is("CREATE") || first.is("DROP") => words[1..]
            .iter()
            .find(|w| !optional.iter().any(|k| w.is(k)))
            .is_some_and(|w| w.is(kind)),
        _ => false,
    }
}

/// How many words name the kind of object at `at`: `MATERIALIZED VIEW`, `FOREIGN TABLE`, or one.
fn kind_len(words: &[Word<'_>], at: usize) -> usize {
    let two = |first: &str, second: &str| {
        words.get(at).is_some_and(|w| w.is(first))
            && words.get(at + 1).is_some_and(|w| w.is(second))
    };
    if two("MATERIALIZED", "VIEW") || two("FOREIGN", "TABLE") {
        2
    } else {
        1
    }
}

/// The name at `at`, after the optional `IF [NOT] EXISTS`, `ONLY` and `CONCURRENTLY`.
fn name_at(words: &[Word<'_>], at: usize) -> Vec<String> {
    let skip = ["IF", "NOT", "EXISTS", "ONLY", "CONCURRENTLY", "TABLE"];
    words[at.min(words.len())..]
        .iter()
        .find(|w| !skip.iter().any(|k| w.is(k)))
        .map(|w| vec![w.text.to_owned()])
        .unwrap_or_default()
}

/// The names of a list (`DROP TABLE a, b CASCADE`, `LOCK a, b IN …`).
fn names_from(words: &[Word<'_>], at: usize) -> Vec<String> {
    let skip = ["IF", "EXISTS", "ONLY", "CONCURRENTLY", "TABLE", "VERBOSE"];
    let end = [
        "CASCADE", "RESTRICT", "IN", "NOWAIT", "RESTART", "CONTINUE", "USING",
    ];
    words[at.min(words.len())..]
        .iter()
        .filter(|w| !skip.iter().any(|k| w.is(k)))
        .take_while(|w| !end.iter().any(|k| w.is(k)))
        .map(|w| w.text.to_owned())
        .collect()
}

fn alter_table_mode(words: &[Word<'_>]) -> LockMode {
    let pair = |a: &str, b: &str| words.windows(2).any(|w| w[0].is(a) && w[1].is(b));
    let adds_foreign_key = pair("FOREIGN", "KEY") && !pair("ADD", "COLUMN");
    if pair("VALIDATE", "CONSTRAINT") {
        ShareUpdateExclusive
    } else if adds_foreign_key && words.iter().filter(|w| w.is("ADD")).count() == 1 {
        ShareRowExclusive
    } else {
        AccessExclusive
    }
}

fn lock_mode(words: &[Word<'_>]) -> Option<LockMode> {
    let end = words.iter().position(|w| w.is("MODE"))?;
    let text: Vec<&str> = words[..end].iter().map(|w| w.text).collect();
    LockMode::from_sql(&text.join(" "))
}

/// `schema.table.column` or `table.column` → the table's name.
fn table_of_column(name: String) -> String {
    match name.rsplit_once('.') {
        Some((table, _)) => table.to_owned(),
        None => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(sql: &str) -> (String, LockMode) {
        let needs = needs(sql);
        assert!(needs.modelled, "{sql}");
        let need = needs.needs.into_iter().next().expect(sql);
        (need.relation, need.mode)
    }

    #[test]
    fn each_kind_asks_for_its_mode_on_its_relation() {
        for (sql, relation, mode) in [
            (
                "CREATE TRIGGER t AFTER INSERT OR UPDATE ON fuel_code FOR EACH ROW EXECUTE FUNCTION f()",
                "fuel_code",
                ShareRowExclusive,
            ),
            (
                "DROP TRIGGER IF EXISTS t ON transfer",
                "transfer",
                AccessExclusive,
            ),
            (
                "ALTER TABLE ONLY public.transfer ADD COLUMN x int",
                "public.transfer",
                AccessExclusive,
            ),
            (
                "ALTER TABLE transfer VALIDATE CONSTRAINT c",
                "transfer",
                ShareUpdateExclusive,
            ),
            (
                "ALTER TABLE transfer ADD CONSTRAINT fk FOREIGN KEY (o) REFERENCES organization (id)",
                "transfer",
                ShareRowExclusive,
            ),
            (
                "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON transfer (x)",
                "transfer",
                ShareUpdateExclusive,
            ),
            ("CREATE INDEX ON transfer (x)", "transfer", Share),
            (
                "DROP MATERIALIZED VIEW IF EXISTS mv_x CASCADE",
                "mv_x",
                AccessExclusive,
            ),
            (
                "REFRESH MATERIALIZED VIEW CONCURRENTLY mv_x",
                "mv_x",
                Exclusive,
            ),
            (
                "LOCK TABLE a IN SHARE ROW EXCLUSIVE MODE",
                "a",
                ShareRowExclusive,
            ),
            (
                "UPDATE ONLY transfer t SET x = 1 FROM other o",
                "transfer",
                RowExclusive,
            ),
            (
                "COMMENT ON COLUMN transfer.x IS 'y'",
                "transfer",
                ShareUpdateExclusive,
            ),
            ("CREATE OR REPLACE VIEW v AS SELECT 1", "v", AccessExclusive),
            (
                "CREATE OR REPLACE CONSTRAINT TRIGGER t AFTER DELETE ON a FOR EACH ROW EXECUTE FUNCTION f()",
                "a",
                ShareRowExclusive,
            ),
        ] {
            assert_eq!(first(sql), (relation.to_owned(), mode), "{sql}");
        }
    }

    #[test]
    fn only_a_concurrent_index_build_waits_out_transactions() {
        let build = needs("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON public.t (x)");
        assert_eq!(build.concurrent_build.as_deref(), Some("public.t"));
        for sql in [
            "CREATE INDEX i ON t (x)",
            "VACUUM t",
            "ALTER TABLE t VALIDATE CONSTRAINT c",
        ] {
            assert_eq!(needs(sql).concurrent_build, None, "{sql}");
        }
    }

    #[test]
    fn other_names_are_read_or_referenced() {
        let found = needs("CREATE TABLE t (id int REFERENCES organization, y int)").needs;
        let organization = found.iter().find(|n| n.relation == "organization").unwrap();
        assert_eq!(organization.mode, ShareRowExclusive);
        let update = needs("UPDATE transfer SET x = (SELECT 1 FROM organization)").needs;
        assert!(update.contains(&Need {
            relation: "organization".into(),
            mode: AccessShare
        }));
        let function = needs("CREATE FUNCTION refresh() RETURNS trigger AS $$ SELECT 1 $$");
        assert!(function.needs.iter().all(|n| n.mode == AccessShare));
        let unknown = needs("DO $$ BEGIN ALTER TABLE transfer ADD x int; END $$");
        assert!(!unknown.modelled);
        assert!(unknown.needs.contains(&Need {
            relation: "transfer".into(),
            mode: AccessExclusive
        }));
    }
}
