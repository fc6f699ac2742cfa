//! The object a statement creates, named as the catalog names it (`ix`, `lcfs_db.t`, `t.trg`):
//! the schema model records it per version, so a run can refuse, before changing anything, a
//! pending version whose object a DBA already made under the same name.

use sqlparser::dialect::PostgreSqlDialect;
use sqlparser::tokenizer::{Token, Tokenizer};

use super::model::Created;

/// The object `text` creates with `CREATE …`, if it names one; `None` for any other statement,
/// an unnamed index, and an extension created `IF NOT EXISTS` (the same extension either way).
pub fn created(version: i32, text: &str) -> Option<Created> {
    let tokens = Tokenizer::new(&PostgreSqlDialect {}, text)
        .tokenize()
        .ok()?;
    let mut words = tokens.into_iter().filter_map(|token| match token {
        Token::Word(word) if word.quote_style.is_none() => Some((word.value.to_lowercase(), true)),
        Token::Word(word) => Some((word.value, false)),
        Token::Period => Some((".".to_owned(), false)),
        Token::LParen => Some(("(".to_owned(), false)),
        _ => None,
    });
    let mut next = || words.next();
    let keyword = |word: &Option<(String, bool)>, expected: &str| matches!(word, Some((w, true)) if w == expected);
    if !keyword(&next(), "create") {
        return None;
    }
    let mut word = next();
    let mut materialized = false;
    while let Some((w, true)) = &word {
        match w.as_str() {
            "or" | "replace" | "temp" | "temporary" | "unlogged" | "unique" | "constraint"
            | "recursive" | "trusted" | "procedural" => {}
            "materialized" => materialized = true,
            _ => break,
        }
        word = next();
    }
    let kind = match word?.0.as_str() {
        "table" => "table",
        "view" if materialized => "materialized view",
        "view" => "view",
        "index" => "index",
        "sequence" => "sequence",
        "function" | "procedure" => "function",
        "trigger" => "trigger",
        "schema" => "schema",
        "type" => "enum",
        "extension" => "extension",
        "role" => "role",
        _ => return None,
    };
    let mut word = next();
    let mut if_not_exists = false;
    while ["concurrently", "if", "not", "exists"]
        .iter()
        .any(|w| keyword(&word, w))
    {
        if_not_exists |= keyword(&word, "not");
        word = next();
    }
    if kind == "index" && keyword(&word, "on") || kind == "extension" && if_not_exists {
        return None;
    }
    let mut name = vec![word?.0];
    let mut word = next();
    while word.as_ref().is_some_and(|(w, quoted)| w == "." && !quoted) {
        name.push(next()?.0);
        word = next();
    }
    let name = match kind {
        "index" | "trigger" => {
            while !keyword(&word, "on") {
                word = next();
                word.as_ref()?;
            }
            let mut word = next();
            if keyword(&word, "only") {
                word = next();
            }
            let mut table = vec![word?.0];
            while next().is_some_and(|(w, quoted)| w == "." && !quoted) {
                table.push(next()?.0);
            }
            let table = qualified(&table);
            match kind {
                "trigger" => format!("{table}.{}", name.join(".")),
                // An index lives in its table's schema.
                _ => match table.rsplit_once('.') {
                    Some((schema, _)) => format!("{schema}.{}", name.join(".")),
                    None => name.join("."),
                },
            }
        }
        "schema" | "extension" | "role" => name.join("."),
        "enum" if !(keyword(&word, "as") && keyword(&next(), "enum")) => return None,
        _ => qualified(&name),
    };
    Some(Created {
        version,
        kind,
        name,
    })
}

/// `schema.name` as the catalog prints it: bare in `public`.
fn qualified(parts: &[String]) -> String {
    match parts {
        [schema, name] if schema == "public" => name.clone(),
        _ => parts.join("."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(text: &str) -> Option<(&'static str, String)> {
        created(1, text).map(|c| (c.kind, c.name))
    }

    #[test]
    fn names_what_a_statement_creates_as_the_catalog_does() {
        let cases = [
            (
                "CREATE TABLE transfer (id int)",
                Some(("table", "transfer")),
            ),
            (
                "CREATE TABLE IF NOT EXISTS lcfs_db.state (v text)",
                Some(("table", "lcfs_db.state")),
            ),
            (
                "CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_a ON public.transfer (a)",
                Some(("index", "ix_a")),
            ),
            (
                "CREATE UNIQUE INDEX ix_b ON lcfs_db.state USING btree (v)",
                Some(("index", "lcfs_db.ix_b")),
            ),
            ("CREATE INDEX ON transfer (a)", None),
            (
                "CREATE MATERIALIZED VIEW mv_x AS SELECT 1 WITH NO DATA",
                Some(("materialized view", "mv_x")),
            ),
            (
                "CREATE OR REPLACE FUNCTION lcfs_db.f(t text) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql",
                Some(("function", "lcfs_db.f")),
            ),
            (
                "CREATE TRIGGER trg AFTER UPDATE OF a ON transfer FOR EACH ROW EXECUTE FUNCTION f()",
                Some(("trigger", "transfer.trg")),
            ),
            (
                "CREATE TYPE \"Mixed\" AS ENUM ('a')",
                Some(("enum", "Mixed")),
            ),
            ("CREATE TYPE pair AS (a int, b int)", None),
            (
                "CREATE SCHEMA IF NOT EXISTS lcfs_db",
                Some(("schema", "lcfs_db")),
            ),
            ("CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\"", None),
            ("CREATE EXTENSION pg_trgm", Some(("extension", "pg_trgm"))),
            ("ALTER TABLE transfer ADD COLUMN a int", None),
            ("GRANT SELECT ON transfer TO r", None),
        ];
        for (text, expected) in cases {
            let expected = expected.map(|(kind, name)| (kind, name.to_owned()));
            assert_eq!(named(text), expected, "{text}");
        }
    }
}
