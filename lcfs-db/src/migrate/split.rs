//! Splitting SQL text into statements at top-level semicolons, as psql does: quotes, quoted
//! identifiers, dollar-quoted bodies and comments are skipped over whole.
//!
//! The runner sends a migration's statements one after another (in its one transaction, unless
//! it is a no-transaction migration), so that a failure names its statement without running
//! anything twice. It does not understand `BEGIN ATOMIC` function bodies.

/// One statement of a SQL text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Statement<'a> {
    /// From its first token to its semicolon included (or the end of the text).
    pub text: &'a str,
    /// Byte offset of `text` in the whole SQL.
    pub offset: usize,
}

impl Statement<'_> {
    pub fn is_terminated(&self) -> bool {
        self.text.ends_with(';')
    }
}

/// The statements of `sql`, without the whitespace and comments between them.
pub(crate) fn split(sql: &str) -> Vec<Statement<'_>> {
    let bytes = sql.as_bytes();
    let mut statements = Vec::new();
    let mut start: Option<usize> = None;
    let mut at = 0;
    while at < bytes.len() {
        let token_end = match bytes[at] {
            b'-' if bytes.get(at + 1) == Some(&b'-') => {
                at = line_end(bytes, at);
                continue;
            }
            b'/' if bytes.get(at + 1) == Some(&b'*') => {
                at = block_comment_end(bytes, at);
                continue;
            }
            byte if byte.is_ascii_whitespace() => {
                at += 1;
                continue;
            }
            b';' => {
                let first = start.take().unwrap_or(at);
                statements.push(Statement {
                    text: &sql[first..=at],
                    offset: first,
                });
                at += 1;
                continue;
            }
            b'\'' => quoted_end(bytes, at, b'\'', escapes_backslash(bytes, at)),
            b'"' => quoted_end(bytes, at, b'"', false),
            b'$' => dollar_quoted_end(sql, at).unwrap_or(at + 1),
            _ => at + 1,
        };
        start.get_or_insert(at);
        at = token_end;
    }
    if let Some(first) = start {
        statements.push(Statement {
            text: sql[first..].trim_end(),
            offset: first,
        });
    }
    statements
}

fn line_end(bytes: &[u8], at: usize) -> usize {
    bytes[at..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |n| at + n + 1)
}

/// Block comments nest in PostgreSQL.
fn block_comment_end(bytes: &[u8], mut at: usize) -> usize {
    let mut depth = 0;
    while at < bytes.len() {
        match (bytes[at], bytes.get(at + 1)) {
            (b'/', Some(b'*')) => (depth, at) = (depth + 1, at + 2),
            (b'*', Some(b'/')) => {
                (depth, at) = (depth - 1, at + 2);
                if depth == 0 {
                    return at;
                }
            }
            _ => at += 1,
        }
    }
    bytes.len()
}

/// `E'…'` strings take backslash escapes; standard strings only double their quote.
fn escapes_backslash(bytes: &[u8], quote: usize) -> bool {
    quote > 0
        && matches!(bytes[quote - 1], b'E' | b'e')
        && (quote < 2 || !is_identifier_byte(bytes[quote - 2]))
}

fn quoted_end(bytes: &[u8], open: usize, quote: u8, backslash: bool) -> usize {
    let mut at = open + 1;
    while at < bytes.len() {
        match bytes[at] {
            b'\\' if backslash => at += 2,
            byte if byte == quote && bytes.get(at + 1) == Some(&quote) => at += 2,
            byte if byte == quote => return at + 1,
            _ => at += 1,
        }
    }
    bytes.len()
}

/// `$tag$ … $tag$`; `None` when the `$` does not open one (a parameter like `$1`, or a `$`
/// inside an identifier).
fn dollar_quoted_end(sql: &str, open: usize) -> Option<usize> {
    let bytes = sql.as_bytes();
    if open > 0 && is_identifier_byte(bytes[open - 1]) {
        return None;
    }
    let tag_len = bytes[open + 1..].iter().position(|&b| b == b'$')?;
    let tag = &bytes[open + 1..open + 1 + tag_len];
    let valid_tag = tag.first().is_none_or(|b| !b.is_ascii_digit())
        && tag.iter().all(|&b| is_identifier_byte(b));
    if !valid_tag {
        return None;
    }
    let delimiter = &sql[open..open + tag_len + 2];
    let body = open + delimiter.len();
    Some(
        sql[body..]
            .find(delimiter)
            .map_or(sql.len(), |n| body + n + delimiter.len()),
    )
}

fn is_identifier_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_' || byte >= 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(sql: &str) -> Vec<&str> {
        split(sql).into_iter().map(|s| s.text).collect()
    }

    #[test]
    fn splits_at_top_level_semicolons_only() {
        let sql = "-- header; not a statement\nCREATE TABLE a (x text DEFAULT 'a;b');\n\
                   /* c; /* nested; */ still; */ INSERT INTO \"we;ird\" VALUES (E'\\';');\n\
                   CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;\n\
                   DO $$ BEGIN PERFORM 1; END $$;\nSELECT $1, a$b FROM t";
        assert_eq!(
            texts(sql),
            [
                "CREATE TABLE a (x text DEFAULT 'a;b');",
                "INSERT INTO \"we;ird\" VALUES (E'\\';');",
                "CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;",
                "DO $$ BEGIN PERFORM 1; END $$;",
                "SELECT $1, a$b FROM t",
            ]
        );
    }

    #[test]
    fn offsets_point_into_the_text() {
        let sql = "\n\n  SELECT 1;\n-- trailing comment\n";
        let statements = split(sql);
        assert_eq!(statements.len(), 1);
        assert_eq!(statements[0].offset, 4);
        assert!(statements[0].is_terminated());
        assert!(!split("SELECT 1 -- no semicolon")[0].is_terminated());
    }

    #[test]
    fn standard_strings_do_not_take_backslash_escapes() {
        assert_eq!(
            texts(r"SELECT 'a\'; SELECT 2;"),
            [r"SELECT 'a\';", "SELECT 2;"]
        );
    }
}
