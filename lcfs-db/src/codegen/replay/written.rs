//! Default and check expressions as the migration wrote them: sqlparser's own rendering
//! upper-cases type names (`'{}'::JSONB`), and the schema model keeps the author's text.

use sqlparser::ast::{Expr, Spanned};
use sqlparser::dialect::PostgreSqlDialect;
use sqlparser::keywords::Keyword;
use sqlparser::parser::Parser;
use sqlparser::tokenizer::{Location, Token, TokenWithSpan, Tokenizer};

/// The text of the default expression `expr`, written after `DEFAULT` in `statement`.
pub fn default(statement: &str, expr: &Expr) -> String {
    written(statement, expr, Keyword::DEFAULT, |tokens, keyword| {
        // Parsed as a column option, as sqlparser did: a plain expression would run on into a
        // following `NOT NULL`.
        let mut parser = Parser::new(&PostgreSqlDialect {})
            .with_tokens_with_locations(tokens[keyword..].to_vec());
        parser.parse_optional_column_option().ok()??;
        Some(parser.peek_token().span.start)
    })
    .unwrap_or_else(|| expr.to_string())
}

/// The text of the check expression `expr`, inside the parentheses after `CHECK` in `statement`.
pub fn check(statement: &str, expr: &Expr) -> String {
    written(statement, expr, Keyword::CHECK, |tokens, keyword| {
        let mut depth = 0;
        let open = keyword
            + tokens[keyword..]
                .iter()
                .position(|t| t.token == Token::LParen)?;
        for token in &tokens[open + 1..] {
            match token.token {
                Token::LParen => depth += 1,
                Token::RParen if depth == 0 => return Some(token.span.start),
                Token::RParen => depth -= 1,
                _ => {}
            }
        }
        None
    })
    .unwrap_or_else(|| expr.to_string())
}

/// The text from the token after the last `keyword` before `expr` (and after the parenthesis
/// that follows CHECK) up to where `end` says the expression stops, given the tokens and the
/// index of the keyword.
fn written(
    statement: &str,
    expr: &Expr,
    keyword: Keyword,
    end: impl Fn(&[TokenWithSpan], usize) -> Option<Location>,
) -> Option<String> {
    let expr_start = expr.span().start;
    if expr_start.line == 0 {
        return None;
    }
    let tokens = Tokenizer::new(&PostgreSqlDialect {}, statement)
        .tokenize_with_location()
        .ok()?;
    let before = |t: &TokenWithSpan| {
        (t.span.start.line, t.span.start.column) < (expr_start.line, expr_start.column)
    };
    let keyword_at = tokens.iter().rposition(|t| {
        before(t)
            && matches!(&t.token, Token::Word(w) if w.keyword == keyword && w.quote_style.is_none())
    })?;
    let mut start = keyword_at + 1;
    while matches!(tokens.get(start)?.token, Token::Whitespace(_)) {
        start += 1;
    }
    if keyword == Keyword::CHECK {
        // The expression is inside the parentheses that follow CHECK.
        (tokens[start].token == Token::LParen).then_some(())?;
        start += 1;
    }
    let from = byte_offset(statement, tokens[start].span.start)?;
    let to = match end(&tokens, keyword_at)? {
        location if location.line == 0 => statement.len(),
        location => byte_offset(statement, location)?,
    };
    let text = statement.get(from..to)?.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// The byte offset of a 1-based line and column (in characters).
fn byte_offset(text: &str, location: Location) -> Option<usize> {
    let line_start = match location.line {
        1 => 0,
        line => text.match_indices('\n').nth(line as usize - 2)?.0 + 1,
    };
    let line = &text[line_start..];
    let column = location.column as usize - 1;
    let in_line = line
        .char_indices()
        .nth(column)
        .map_or(line.len(), |(i, _)| i);
    Some(line_start + in_line)
}
