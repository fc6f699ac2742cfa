//! Statements accepted without a parse: forms that change no table and no type, in PostgreSQL
//! spellings that sqlparser 0.64 does not parse. They must still be lexically complete: they
//! tokenize, and their parentheses and brackets balance.
//!
//! The forms, and the gaps in sqlparser 0.64 that make them necessary:
//! - `DO …`: no DO statement at all.
//! - `CREATE [OR REPLACE] FUNCTION | PROCEDURE`: `COST`/`ROWS`/`SUPPORT` clauses, `LANGUAGE` before
//!   `AS` in procedures.
//! - `CREATE [OR REPLACE] [CONSTRAINT] TRIGGER`: string arguments to the trigger function.
//! - `CREATE [OR REPLACE] [MATERIALIZED | RECURSIVE | TEMP] VIEW`: `WITH [NO] DATA`; view bodies
//!   are arbitrary queries and feed no table.
//! - `CREATE [UNIQUE] INDEX`, `DROP INDEX`: `ON ONLY`, `CONCURRENTLY IF EXISTS`.
//! - `ALTER SEQUENCE`, `CLUSTER`: not in sqlparser (`CLUSTER` passes so that the lint can name
//!   its hazard rather than the parser refusing it).
//! - `COMMENT ON` an object other than a table or a column: function argument lists, `TRIGGER …
//!   ON`, `CONSTRAINT … ON`.

use sqlparser::dialect::PostgreSqlDialect;
use sqlparser::tokenizer::{Token, Tokenizer};

use super::error::{BuildError, ErrorKind};
use super::source::SourceFile;
use super::split::Statement;

/// Whether `statement` is one of the forms above; an error if it is but is not lexically complete.
pub fn accepts(file: &SourceFile, statement: &Statement) -> Result<bool, BuildError> {
    let Ok(tokens) = Tokenizer::new(&PostgreSqlDialect {}, statement.text).tokenize_with_location()
    else {
        return Ok(false);
    };
    let words: Vec<String> = tokens
        .iter()
        .filter(|t| !matches!(t.token, Token::Whitespace(_)))
        .map_while(|t| match &t.token {
            Token::Word(word) if word.quote_style.is_none() => {
                Some(word.value.to_ascii_uppercase())
            }
            _ => None,
        })
        .collect();
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    if !is_shape_neutral(&words) {
        return Ok(false);
    }
    let mut open = Vec::new();
    for token in &tokens {
        let closes = match token.token {
            Token::LParen | Token::LBracket => {
                open.push(token);
                continue;
            }
            Token::RParen => Token::LParen,
            Token::RBracket => Token::LBracket,
            _ => continue,
        };
        if open.pop().map(|o| &o.token) != Some(&closes) {
            let message = format!("unbalanced `{}`", token.token);
            return Err(BuildError::new(ErrorKind::Syntax, message)
                .at(file.at_span(statement.offset, token.span)));
        }
    }
    match open.pop() {
        Some(unclosed) => Err(BuildError::new(
            ErrorKind::Syntax,
            format!("unclosed `{}`", unclosed.token),
        )
        .at(file.at_span(statement.offset, unclosed.span))),
        None => Ok(true),
    }
}

fn is_shape_neutral(words: &[&str]) -> bool {
    match words {
        ["DO", ..] | ["ALTER", "SEQUENCE", ..] | ["DROP", "INDEX", ..] | ["CLUSTER", ..] => true,
        ["COMMENT", "ON", object, ..] => !matches!(*object, "TABLE" | "COLUMN"),
        ["CREATE", rest @ ..] => matches!(
            rest.strip_prefix(&["OR", "REPLACE"]).unwrap_or(rest),
            ["FUNCTION" | "PROCEDURE" | "TRIGGER" | "VIEW" | "INDEX", ..]
                | ["CONSTRAINT", "TRIGGER", ..]
                | [
                    "MATERIALIZED" | "RECURSIVE" | "TEMP" | "TEMPORARY",
                    "VIEW",
                    ..
                ]
                | ["UNIQUE", "INDEX", ..]
        ),
        _ => false,
    }
}
