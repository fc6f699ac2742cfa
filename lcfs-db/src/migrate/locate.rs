//! Turning a failing statement and the server's error position into a line and column of its
//! file.

use tokio_postgres::error::ErrorPosition;

use super::split::Statement;
use crate::error::SqlLocation;

/// The server's 1-based character position into the query text it was sent, as a byte offset.
pub(crate) fn error_offset(error: &tokio_postgres::Error, query: &str) -> Option<usize> {
    match error.as_db_error()?.position()? {
        ErrorPosition::Original(position) => {
            let chars = (*position as usize).checked_sub(1)?;
            Some(
                query
                    .char_indices()
                    .nth(chars)
                    .map_or(query.len(), |(byte, _)| byte),
            )
        }
        // A position inside a query the server built (a function body): not in our text.
        ErrorPosition::Internal { .. } => None,
    }
}

/// Where `statement` of `sql` is; the error line and column come from `offset` when the server
/// gave a position, else the statement's first line.
pub(crate) fn location(sql: &str, statement: &Statement<'_>, offset: Option<usize>) -> SqlLocation {
    let (statement_line, _) = line_and_column(sql, statement.offset);
    let (line, column) = match offset {
        Some(offset) => {
            let (line, column) = line_and_column(sql, offset);
            (line, Some(column))
        }
        None => (statement_line, None),
    };
    SqlLocation {
        statement: statement.text.to_owned(),
        statement_line,
        line,
        column,
    }
}

/// 1-based line and character column of byte `offset` in `text`.
pub(crate) fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line_start = before.rfind('\n').map_or(0, |n| n + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_statement_line_and_column() {
        let sql = "CREATE TABLE a (x int);\n\n-- why\nINSERT INTO a\n  VALUES (é, nope);\n";
        let offset = sql.find("nope").unwrap();
        let statements = super::super::split::split(sql);
        let at = location(sql, &statements[1], Some(offset));
        assert_eq!(at.statement, "INSERT INTO a\n  VALUES (é, nope);");
        assert_eq!((at.statement_line, at.line, at.column), (4, 5, Some(14)));
    }
}
