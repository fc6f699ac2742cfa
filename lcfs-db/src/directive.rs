//! Directive comments: `-- lcfs-db: <name> [argument]` lines that tell the build and the runner
//! how to treat a whole migration (in its header) or one statement (on the lines just above it).
//!
//! The build script and the runtime include this same file, so a directive means the same to
//! the build that checks it and to the runner that obeys it.

/// What starts every directive line.
pub const PREFIX: &str = "-- lcfs-db:";

/// One directive line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Directive<'a> {
    /// The word after the prefix, e.g. `no-transaction`.
    pub name: &'a str,
    /// The rest of the line, trimmed; empty when there is none.
    pub argument: &'a str,
    /// 1-based line of the directive in its file.
    pub line: usize,
    /// Byte offset of the line's start in its file, for diagnostics with a caret.
    pub offset: usize,
}

/// Reads `text` (one line, without its newline) as a directive.
pub fn parse_line(text: &str, line: usize, offset: usize) -> Option<Directive<'_>> {
    let rest = text.trim_start().strip_prefix(PREFIX)?.trim();
    let (name, argument) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    Some(Directive {
        name,
        argument: argument.trim(),
        line,
        offset: offset + (text.len() - text.trim_start().len()),
    })
}

/// The directives of a file's header: the lines before its first statement that are blank or
/// `--` comments. A directive further down belongs to the statement below it, not to the file.
pub fn header(sql: &str) -> Vec<Directive<'_>> {
    let mut found = Vec::new();
    let mut offset = 0;
    for (index, text) in sql.split('\n').enumerate() {
        let trimmed = text.trim();
        if !(trimmed.is_empty() || trimmed.starts_with("--")) {
            break;
        }
        found.extend(parse_line(text.trim_end_matches('\r'), index + 1, offset));
        offset += text.len() + 1;
    }
    found
}

/// The header directive called `name`, if the file has one.
pub fn header_directive<'a>(sql: &'a str, name: &str) -> Option<Directive<'a>> {
    header(sql).into_iter().find(|d| d.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_directives_stop_at_the_first_statement() {
        let sql = "-- V016: a migration\n\n-- lcfs-db: no-transaction\n  -- lcfs-db: lock-timeout  30s \n\
                   CREATE INDEX CONCURRENTLY i ON t (x);\n-- lcfs-db: not-in-header\n";
        let found = header(sql);
        assert_eq!(found.len(), 2);
        assert_eq!(
            (found[0].name, found[0].argument, found[0].line),
            ("no-transaction", "", 3)
        );
        assert_eq!(
            (found[1].name, found[1].argument, found[1].line),
            ("lock-timeout", "30s", 4)
        );
        assert_eq!(
            &sql[found[1].offset..found[1].offset + PREFIX.len()],
            PREFIX
        );
        assert!(header_directive(sql, "not-in-header").is_none());
    }

    #[test]
    fn other_comments_are_not_directives() {
        assert_eq!(parse_line("-- lcfs-db is great", 1, 0), None);
        assert_eq!(parse_line("SELECT 1; -- lcfs-db: x", 1, 0), None);
        assert_eq!(parse_line("--lcfs-db: x", 1, 0), None);
    }
}
