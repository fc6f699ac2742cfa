//! Files read by the build script and positions in them, for diagnostics that point at the SQL.

use std::path::Path;

use sqlparser::tokenizer::Span;

use super::error::{BuildError, ErrorKind};

/// A file under the crate root, with the path diagnostics show for it.
pub struct SourceFile {
    /// Relative to the crate root with `/` separators, e.g. `migrations/V001__organizations.sql`.
    pub path: String,
    pub text: String,
}

/// Where a diagnostic points: a file, and within it a line and column when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub path: String,
    pub position: Option<Position>,
}

/// A 1-based line and column (in characters), the width to underline, and the line's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    pub width: usize,
    pub source_line: String,
}

impl SourceFile {
    pub fn read(root: &Path, relative: &str) -> Result<SourceFile, BuildError> {
        let text = std::fs::read_to_string(root.join(relative)).map_err(|err| {
            BuildError::new(ErrorKind::Io, format!("cannot read {relative}: {err}"))
                .at(Location::file(relative))
        })?;
        Ok(SourceFile {
            path: relative.to_owned(),
            text,
        })
    }

    /// The location of byte `offset`, underlining `width` characters.
    pub fn at_offset(&self, offset: usize, width: usize) -> Location {
        let line_start = self.text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let line = self.text[..offset].matches('\n').count() + 1;
        let column = self.text[line_start..offset].chars().count() + 1;
        self.at_line(line, column, width)
    }

    /// The location of a span that sqlparser reports in a statement starting at byte `offset`:
    /// its lines and columns count from the statement, not the file.
    pub fn at_span(&self, offset: usize, span: Span) -> Location {
        let start = self.at_offset(offset, 0);
        let Some(Position { line, column, .. }) = start.position else {
            return start;
        };
        let (span_line, span_column) = (span.start.line as usize, span.start.column as usize);
        let width = if span.end.line == span.start.line {
            (span.end.column as usize).saturating_sub(span_column)
        } else {
            1
        };
        if span_line <= 1 {
            self.at_line(line, column + span_column.max(1) - 1, width)
        } else {
            self.at_line(line + span_line - 1, span_column, width)
        }
    }

    fn at_line(&self, line: usize, column: usize, width: usize) -> Location {
        let source_line = self.text.lines().nth(line - 1).unwrap_or_default();
        Location {
            path: self.path.clone(),
            position: Some(Position {
                line,
                column,
                width: width.max(1),
                source_line: source_line.trim_end_matches('\r').to_owned(),
            }),
        }
    }
}

impl Location {
    /// A whole file, without a position.
    pub fn file(path: &str) -> Location {
        Location {
            path: path.to_owned(),
            position: None,
        }
    }
}
