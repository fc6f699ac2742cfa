//! The lexical pieces the splitter steps over: comments, quoted text, dollar-quote tags, words.

/// The end of a `/* … */` comment starting at `start`; PostgreSQL nests them.
pub fn block_comment_end(bytes: &[u8], start: usize) -> Option<usize> {
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
pub fn quoted_end(bytes: &[u8], start: usize, quote: u8, backslash_escapes: bool) -> Option<usize> {
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
pub fn dollar_tag(bytes: &[u8], start: usize) -> Option<&str> {
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
pub fn is_word_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_' || b >= 0x80
}

/// `$` continues a word (`a$b` is one identifier), so it does not open a dollar quote there.
pub fn is_word_part(b: u8) -> bool {
    is_word_start(b) || b.is_ascii_digit() || b == b'$'
}
