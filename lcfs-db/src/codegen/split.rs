//! Splitting a SQL file into statements the way psql does: at semicolons outside strings,
//! quoted identifiers, dollar quotes, comments and parentheses.
//!
//! SQL-standard function bodies (`BEGIN ATOMIC … END`) are not recognised: their inner
//! semicolons would split them, so function bodies are written with dollar quotes.

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

/// The end of a `/* … */` comment starting at `start`; PostgreSQL nests them.
fn block_comment_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut depth = 0;
    let mut i = start;
    while i + 1 < bytes.len() {
        match (bytes[i], bytes[i + 1]) {
            (b'/', b'*') => depth += 1,
            (b'*', b'/') => depth -= 1,
            _ => {
                i += 1;
                continue;
            }
        }
        i += 2;
        if depth == 0 {
            return Some(i);
        }
    }
    None
}

/// The end of a string or quoted identifier opened at `start`: a doubled quote is part of it,
/// and so is a backslash-escaped one in an `E'…'` string.
fn quoted_end(bytes: &[u8], start: usize, quote: u8, backslash_escapes: bool) -> Option<usize> {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if backslash_escapes => i += 2,
            b if b == quote && bytes.get(i + 1) == Some(&quote) => i += 2,
            b if b == quote => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

/// `$$` or `$tag$` at `start`; `$1` and a lone `$` are not dollar quotes.
fn dollar_tag(bytes: &[u8], start: usize) -> Option<&str> {
    let tag_len = bytes[start + 1..]
        .iter()
        .enumerate()
        .take_while(|&(n, &b)| {
            if n == 0 {
                is_word_start(b)
            } else {
                is_word_start(b) || b.is_ascii_digit()
            }
        })
        .count();
    let close = start + 1 + tag_len;
    (bytes.get(close) == Some(&b'$')).then(|| std::str::from_utf8(&bytes[start..=close]).ok())?
}

/// Identifiers and keywords; bytes of non-ASCII characters count as letters, as in PostgreSQL.
fn is_word_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_' || b >= 0x80
}

/// `$` continues a word (`a$b` is one identifier), so it does not open a dollar quote there.
fn is_word_part(b: u8) -> bool {
    is_word_start(b) || b.is_ascii_digit() || b == b'$'
}
