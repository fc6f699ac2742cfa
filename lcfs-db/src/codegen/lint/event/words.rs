//! Events from a statement that passed through unparsed (see `passthrough`), read from its
//! words: enough to know which index, view, function or trigger it creates or drops.

use sqlparser::dialect::PostgreSqlDialect;
use sqlparser::tokenizer::{Span, Token, TokenWithSpan, Tokenizer, Word};

use super::Event;

pub fn from_words(text: &str) -> Vec<Event> {
    let Ok(tokens) = Tokenizer::new(&PostgreSqlDialect {}, text).tokenize_with_location() else {
        return vec![Event::Other];
    };
    let tokens: Vec<TokenWithSpan> = tokens
        .into_iter()
        .filter(|t| !matches!(t.token, Token::Whitespace(_)))
        .collect();
    let keywords: Vec<String> = tokens
        .iter()
        .map_while(|t| match &t.token {
            Token::Word(w) if w.quote_style.is_none() => Some(w.value.to_ascii_uppercase()),
            _ => None,
        })
        .collect();
    let words: Vec<&str> = keywords.iter().map(String::as_str).collect();
    let create = match words.as_slice() {
        ["CREATE", "OR", "REPLACE", rest @ ..] | ["CREATE", rest @ ..] => Some(rest),
        _ => None,
    };
    let event = match (words.as_slice(), create) {
        (["DROP", "INDEX", rest @ ..], _) => Event::DropIndex {
            concurrently: rest.first() == Some(&"CONCURRENTLY"),
        },
        (["CLUSTER", ..], _) => Event::Cluster {
            span: tokens[0].span,
        },
        (["COMMENT", ..], _) => Event::Harmless,
        (_, Some(["UNIQUE", "INDEX", rest @ ..] | ["INDEX", rest @ ..])) => {
            let on = tokens.iter().position(|t| is_keyword(t, "ON"));
            let table = on
                .map(|on| skip(&tokens, on + 1, &["ONLY"]))
                .and_then(|at| name(&tokens, at));
            match table {
                Some(table) => Event::CreateIndex {
                    table,
                    concurrently: rest.first() == Some(&"CONCURRENTLY"),
                    unique: words.contains(&"UNIQUE"),
                },
                None => Event::Other,
            }
        }
        (_, Some(["TRIGGER", ..] | ["CONSTRAINT", "TRIGGER", ..])) => {
            match after(&tokens, "TRIGGER").and_then(|at| name(&tokens, at)) {
                Some((name, _)) => Event::CreateTrigger { name },
                None => Event::Other,
            }
        }
        (_, Some(["FUNCTION" | "PROCEDURE", ..])) => {
            let at = tokens
                .iter()
                .position(|t| is_keyword(t, "FUNCTION") || is_keyword(t, "PROCEDURE"));
            match at.and_then(|at| name(&tokens, at + 1)) {
                Some((name, _)) => Event::CreateFunction { name },
                None => Event::Other,
            }
        }
        _ => Event::Other,
    };
    vec![event]
}

fn is_keyword(token: &TokenWithSpan, keyword: &str) -> bool {
    matches!(&token.token, Token::Word(w) if w.quote_style.is_none() && w.value.eq_ignore_ascii_case(keyword))
}

/// The index after the first `keyword`.
fn after(tokens: &[TokenWithSpan], keyword: &str) -> Option<usize> {
    tokens
        .iter()
        .position(|t| is_keyword(t, keyword))
        .map(|at| at + 1)
}

/// The index after any of `keywords` at `at`.
fn skip(tokens: &[TokenWithSpan], mut at: usize, keywords: &[&str]) -> usize {
    while tokens
        .get(at)
        .is_some_and(|t| keywords.iter().any(|k| is_keyword(t, k)))
    {
        at += 1;
    }
    at
}

/// The object name at `at`, written `name` or `schema.name`: its last part.
fn name(tokens: &[TokenWithSpan], mut at: usize) -> Option<(String, Span)> {
    let word = |t: &TokenWithSpan| match &t.token {
        Token::Word(w) => Some(folded(w)),
        _ => None,
    };
    let mut found = (word(tokens.get(at)?)?, tokens[at].span);
    while tokens.get(at + 1).map(|t| &t.token) == Some(&Token::Period) {
        at += 2;
        found = (word(tokens.get(at)?)?, tokens[at].span);
    }
    Some(found)
}

fn folded(word: &Word) -> String {
    match word.quote_style {
        Some(_) => word.value.clone(),
        None => word.value.to_ascii_lowercase(),
    }
}
