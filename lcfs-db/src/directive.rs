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

/// The statement directive that accepts a lint finding: `accept <rule> because <reason>`.
pub const ACCEPT: &str = "accept";

/// The header directive that sets a migration's class: `class expand|contract because <reason>`.
pub const CLASS: &str = "class";

/// The directives on the comment lines directly above the statement starting at byte `offset`:
/// the unbroken run of `--` lines ending on the line before it. A statement that starts after
/// other text on its line has none.
pub fn above(sql: &str, offset: usize) -> Vec<Directive<'_>> {
    let line_start = sql[..offset].rfind('\n').map_or(0, |i| i + 1);
    if !sql[line_start..offset].trim().is_empty() {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut end = line_start;
    let mut line = sql[..line_start].matches('\n').count();
    while end > 0 {
        let start = sql[..end - 1].rfind('\n').map_or(0, |i| i + 1);
        let text = sql[start..end - 1].trim_end_matches('\r');
        if !text.trim_start().starts_with("--") {
            break;
        }
        found.extend(parse_line(text, line, start));
        (end, line) = (start, line - 1);
    }
    found.reverse();
    found
}

/// Every directive line of a file, wherever it stands.
pub fn all(sql: &str) -> Vec<Directive<'_>> {
    let mut offset = 0;
    let mut found = Vec::new();
    for (index, text) in sql.split('\n').enumerate() {
        found.extend(parse_line(text.trim_end_matches('\r'), index + 1, offset));
        offset += text.len() + 1;
    }
    found
}

/// Splits an argument of the form `<subject> because <reason>`; the reason is `None` when the
/// argument has no `because` or nothing after it.
pub fn because(argument: &str) -> (&str, Option<&str>) {
    let split = argument
        .match_indices("because")
        .find(|&(at, _)| {
            let before = argument[..at].chars().next_back();
            let after = argument[at + "because".len()..].chars().next();
            before.is_none_or(char::is_whitespace) && after.is_none_or(char::is_whitespace)
        })
        .map(|(at, _)| at);
    match split {
        Some(at) => {
            let reason = argument[at + "because".len()..].trim();
            (
                argument[..at].trim(),
                (!reason.is_empty()).then_some(reason),
            )
        }
        None => (argument.trim(), None),
    }
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
    fn statement_directives_are_the_comment_lines_directly_above() {
        let sql = "CREATE TABLE t (x int);\n-- lcfs-db: accept a because far\n\n-- why\n\
                   -- lcfs-db: accept b because near\nCREATE INDEX i ON t (x); SELECT 1;\n";
        let index = sql.find("CREATE INDEX").unwrap();
        let found = above(sql, index);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].argument, found[0].line), ("b because near", 5));
        assert_eq!(
            &sql[found[0].offset..found[0].offset + PREFIX.len()],
            PREFIX
        );
        assert!(above(sql, sql.find("SELECT 1").unwrap()).is_empty());
        assert!(above(sql, 0).is_empty());
        assert_eq!(all(sql).len(), 2);
    }

    #[test]
    fn reasons_follow_the_word_because() {
        assert_eq!(
            because("drop-column because the column was unused since V020"),
            ("drop-column", Some("the column was unused since V020"))
        );
        assert_eq!(because("drop-column"), ("drop-column", None));
        assert_eq!(because("drop-column because  "), ("drop-column", None));
        assert_eq!(
            because("expand because-ish because yes"),
            ("expand because-ish", Some("yes"))
        );
    }

    #[test]
    fn other_comments_are_not_directives() {
        assert_eq!(parse_line("-- lcfs-db is great", 1, 0), None);
        assert_eq!(parse_line("SELECT 1; -- lcfs-db: x", 1, 0), None);
        assert_eq!(parse_line("--lcfs-db: x", 1, 0), None);
    }
}
