//! Views and materialized views: the model does not describe them, but knows their names, so
//! that `COMMENT ON COLUMN` may name a view's column.

use sqlparser::ast::ObjectName;
use sqlparser::dialect::PostgreSqlDialect;
use sqlparser::tokenizer::{Token, Tokenizer, Word};

use super::super::error::BuildError;
use super::super::model::Model;
use super::Ctx;

pub fn create(model: &mut Model, ctx: &Ctx, name: &ObjectName) -> Result<(), BuildError> {
    let (name, _) = ctx.name(name)?;
    if !model.views.contains(&name) {
        model.views.push(name);
    }
    Ok(())
}

pub fn drop(model: &mut Model, ctx: &Ctx, names: &[ObjectName]) -> Result<(), BuildError> {
    for name in names {
        let (name, _) = ctx.name(name)?;
        model.views.retain(|view| *view != name);
    }
    Ok(())
}

/// Notes the view a statement that passed through unparsed creates, read from its words:
/// `CREATE [OR REPLACE] [MATERIALIZED | RECURSIVE | TEMP] VIEW [IF NOT EXISTS] [public.]name`.
pub fn passed_through(model: &mut Model, ctx: &Ctx) {
    let Ok(tokens) = Tokenizer::new(&PostgreSqlDialect {}, ctx.statement.text).tokenize() else {
        return;
    };
    let words: Vec<&Word> = tokens
        .iter()
        .filter(|t| !matches!(t, Token::Whitespace(_) | Token::Period))
        .map_while(|t| match t {
            Token::Word(word) => Some(word),
            _ => None,
        })
        .collect();
    let keyword = |word: &Word, keyword: &str| {
        word.quote_style.is_none() && word.value.eq_ignore_ascii_case(keyword)
    };
    let view_at = words.iter().take(5).position(|w| keyword(w, "VIEW"));
    let (Some(first), Some(view_at)) = (words.first(), view_at) else {
        return;
    };
    let name = words[view_at + 1..].iter().find(|w| {
        !["IF", "NOT", "EXISTS", "PUBLIC"]
            .iter()
            .any(|k| keyword(w, k))
    });
    if let Some(word) = name.filter(|_| keyword(first, "CREATE")) {
        let name = match word.quote_style {
            Some(_) => word.value.clone(),
            None => word.value.to_ascii_lowercase(),
        };
        if !model.views.contains(&name) {
            model.views.push(name);
        }
    }
}
