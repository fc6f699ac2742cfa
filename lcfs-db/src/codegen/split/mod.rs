//! Splitting a SQL file into statements the way psql does: at semicolons outside strings,
//! quoted identifiers, dollar quotes, comments and parentheses.
//!
//! SQL-standard function bodies (`BEGIN ATOMIC … END`) are not recognised: their inner
//! semicolons would split them, so function bodies are written with dollar quotes.

mod lex;

use lex::{block_comment_end, dollar_tag, is_word_part, is_word_start, quoted_end};

use super::error::{BuildError, ErrorKind};
use super::source::SourceFile;

/// One statement: its text without the closing semicolon, leading whitespace and comments.
#[derive(Debug, Clone, Copy)]
pub struct Statement<'a> {
    pub text: &'a str,
    /// Byte offset of the text in the file.
    pub offset: usize,
}

pub fn split(file: &SourceFile) -> Result<Vec<Statement<'_>>, BuildError> {
    let text = file.text.as_str();
    let bytes = text.as_bytes();
    let unterminated = |what: &str, offset: usize, width: usize| {
        BuildError::new(ErrorKind::Syntax, format!("unterminated {what}"))
            .at(file.at_offset(offset, width))
    };
    let mut statements = Vec::new();
    let mut start = None;
    let mut open_parens = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let token = i;
        i = match bytes[i] {
            b'-' if bytes.get(i + 1) == Some(&b'-') => {
                i = text[i..].find('\n').map_or(bytes.len(), |n| i + n);
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = block_comment_end(bytes, i).ok_or_else(|| unterminated("comment", i, 2))?;
                continue;
            }
            b if b.is_ascii_whitespace() => {
                i += 1;
                continue;
            }
            b';' if open_parens.is_empty() => {
                if let Some(start) = start.take() {
                    statements.push(statement(text, start, i));
                }
                i += 1;
                continue;
            }
            b'(' => {
                open_parens.push(i);
                i + 1
            }
            b')' => {
                open_parens.pop();
                i + 1
            }
            b'\'' => {
                quoted_end(bytes, i, b'\'', false).ok_or_else(|| unterminated("string", i, 1))?
            }
            b'"' => quoted_end(bytes, i, b'"', false)
                .ok_or_else(|| unterminated("quoted identifier", i, 1))?,
            b'$' => match dollar_tag(bytes, i) {
                Some(tag) => {
                    let body = i + tag.len();
                    let close = text[body..]
                        .find(tag)
                        .ok_or_else(|| unterminated("dollar-quoted string", i, tag.len()))?;
                    body + close + tag.len()
                }
                None => i + 1,
            },
            b if is_word_start(b) => {
                let end = i + bytes[i..].iter().take_while(|&&b| is_word_part(b)).count();
                let escape_string = end - i == 1 && matches!(bytes[i], b'E' | b'e');
                if escape_string && bytes.get(end) == Some(&b'\'') {
                    quoted_end(bytes, end, b'\'', true)
                        .ok_or_else(|| unterminated("string", i, 2))?
                } else {
                    end
                }
            }
            _ => i + 1,
        };
        start.get_or_insert(token);
    }
    if let Some(&paren) = open_parens.first() {
        return Err(BuildError::new(ErrorKind::Syntax, "unclosed `(`").at(file.at_offset(paren, 1)));
    }
    if let Some(start) = start {
        statements.push(statement(text, start, bytes.len()));
    }
    Ok(statements)
}

fn statement(text: &str, start: usize, end: usize) -> Statement<'_> {
    Statement {
        text: text[start..end].trim_end(),
        offset: start,
    }
}
