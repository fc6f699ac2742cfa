//! Parsing one statement with sqlparser's PostgreSQL dialect, through to the end of its text,
//! so that nothing after a statement sqlparser understood is silently dropped.

use sqlparser::ast;
use sqlparser::dialect::PostgreSqlDialect;
use sqlparser::parser::{Parser, ParserError};
use sqlparser::tokenizer::{Location, Span, Token};

use super::error::{BuildError, ErrorKind};
use super::passthrough;
use super::source::SourceFile;
use super::split::Statement;

/// The statement's syntax tree, or `None` for a shape-neutral statement that sqlparser does not
/// parse and that passed the lexical check instead (see [`passthrough`]).
pub fn parse(
    file: &SourceFile,
    statement: &Statement,
) -> Result<Option<ast::Statement>, BuildError> {
    match parse_to_end(statement.text) {
        Ok(tree) => Ok(Some(tree)),
        Err(_) if passthrough::accepts(file, statement)? => Ok(None),
        Err((message, span)) => {
            Err(BuildError::new(ErrorKind::Syntax, message)
                .at(file.at_span(statement.offset, span)))
        }
    }
}

fn parse_to_end(text: &str) -> Result<ast::Statement, (String, Span)> {
    let mut parser = Parser::new(&PostgreSqlDialect {})
        .try_with_sql(text)
        .map_err(located)?;
    let tree = parser.parse_statement().map_err(located)?;
    let next = parser.peek_token();
    if next.token != Token::EOF {
        let message = format!("expected the end of the statement, found `{}`", next.token);
        return Err((message, next.span));
    }
    Ok(tree)
}

/// sqlparser puts the position at the end of its messages: ` at Line: 3, Column: 7`.
fn located(err: ParserError) -> (String, Span) {
    let text = match err {
        ParserError::ParserError(text) | ParserError::TokenizerError(text) => text,
        ParserError::RecursionLimitExceeded => "the statement nests too deeply".to_owned(),
    };
    let (message, position) = match text.rsplit_once(" at Line: ") {
        Some((message, rest)) => {
            let (line, column) = rest.split_once(", Column: ").unwrap_or((rest, "1"));
            let location = Location::new(line.parse().unwrap_or(1), column.parse().unwrap_or(1));
            (message.trim_end(), location)
        }
        None => (text.as_str(), Location::new(1, 1)),
    };
    let message = match message
        .strip_prefix("Expected: ")
        .and_then(|m| m.rsplit_once(", found: "))
    {
        Some((expected, found)) => format!("expected {expected}, found `{found}`"),
        None => message.to_owned(),
    };
    (message, Span::new(position, position))
}
