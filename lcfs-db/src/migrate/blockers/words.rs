//! The words of a statement, for telling which relations it names: identifiers and keywords,
//! dotted names kept whole, strings and comments skipped, the body of a `DO` block included.

/// One identifier or keyword, possibly schema-qualified or quoted, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word<'a> {
    pub text: &'a str,
}

impl Word<'_> {
    /// Whether it is the keyword `keyword` (an upper-case word); quoted names never are.
    pub fn is(&self, keyword: &str) -> bool {
        self.text.eq_ignore_ascii_case(keyword)
    }
}

/// The words of `sql` in order. Dollar-quoted text is skipped, except a `DO` block's body,
/// whose statements are what takes the locks.
pub(crate) fn words(sql: &str) -> Vec<Word<'_>> {
    let bytes = sql.as_bytes();
    let mut found: Vec<Word<'_>> = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        at = match byte {
            b'-' if bytes.get(at + 1) == Some(&b'-') => {
                sql[at..].find('\n').map_or(sql.len(), |n| at + n)
            }
            b'/' if bytes.get(at + 1) == Some(&b'*') => {
                sql[at..].find("*/").map_or(sql.len(), |n| at + n + 2)
            }
            b'\'' => string_end(bytes, at),
            b'$' if dollar_tag(sql, at).is_some() => {
                let tag = dollar_tag(sql, at).unwrap_or_default();
                let body = at + tag.len();
                let end = sql[body..].find(tag).map_or(sql.len(), |n| body + n);
                if found.first().is_some_and(|w| w.is("DO")) {
                    found.extend(words(&sql[body..end]));
                }
                (end + tag.len()).min(sql.len())
            }
            b'"' | b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                let end = name_end(bytes, at);
                let word = &sql[at..end];
                // E'…' is a string with escapes, not the word E.
                if word.eq_ignore_ascii_case("e") && bytes.get(end) == Some(&b'\'') {
                    string_end(bytes, end)
                } else {
                    found.push(Word { text: word });
                    end
                }
            }
            _ => at + 1,
        };
    }
    found
}

/// The end of a possibly dotted, possibly quoted name starting at `at`.
fn name_end(bytes: &[u8], mut at: usize) -> usize {
    loop {
        at = match bytes[at] {
            b'"' => quoted_end(bytes, at),
            _ => {
                at + bytes[at..]
                    .iter()
                    .take_while(|b| {
                        b.is_ascii_alphanumeric() || **b == b'_' || **b == b'$' || **b >= 0x80
                    })
                    .count()
            }
        };
        let next = bytes.get(at + 1).copied().unwrap_or(b' ');
        if bytes.get(at) == Some(&b'.')
            && (next == b'"' || next.is_ascii_alphabetic() || next == b'_')
        {
            at += 1;
        } else {
            return at;
        }
    }
}

fn quoted_end(bytes: &[u8], open: usize) -> usize {
    let mut at = open + 1;
    while at < bytes.len() {
        if bytes[at] == b'"' {
            if bytes.get(at + 1) != Some(&b'"') {
                return at + 1;
            }
            at += 1;
        }
        at += 1;
    }
    bytes.len()
}

/// Backslashes are not special here: a string that a backslash would end early only makes a
/// name or two go unseen, never a wrong one seen.
fn string_end(bytes: &[u8], open: usize) -> usize {
    let mut at = open + 1;
    while at < bytes.len() {
        if bytes[at] == b'\'' {
            if bytes.get(at + 1) != Some(&b'\'') {
                return at + 1;
            }
            at += 1;
        }
        at += 1;
    }
    bytes.len()
}

fn dollar_tag(sql: &str, at: usize) -> Option<&str> {
    let rest = &sql[at + 1..];
    let len = rest.find('$')?;
    let tag = &rest[..len];
    let valid = tag.chars().next().is_none_or(|c| !c.is_ascii_digit())
        && tag.chars().all(|c| c.is_alphanumeric() || c == '_');
    valid.then(|| &sql[at..at + len + 2])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(sql: &str) -> Vec<&str> {
        words(sql).into_iter().map(|w| w.text).collect()
    }

    #[test]
    fn names_stay_whole_and_literals_are_skipped() {
        assert_eq!(
            texts("ALTER TABLE public.\"Fuel\".x ADD c text DEFAULT 'a; b' -- note\n/* c */;"),
            [
                "ALTER",
                "TABLE",
                "public.\"Fuel\".x",
                "ADD",
                "c",
                "text",
                "DEFAULT"
            ]
        );
        assert_eq!(
            texts("SELECT E'it''s', $1, 2.5 FROM t"),
            ["SELECT", "FROM", "t"]
        );
        assert_eq!(
            texts("DO $$ BEGIN UPDATE transfer SET x = 1; END $$"),
            ["DO", "BEGIN", "UPDATE", "transfer", "SET", "x", "END"]
        );
        assert_eq!(
            texts("CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1 FROM t $body$ LANGUAGE sql"),
            [
                "CREATE", "FUNCTION", "f", "RETURNS", "int", "AS", "LANGUAGE", "sql"
            ]
        );
    }
}
