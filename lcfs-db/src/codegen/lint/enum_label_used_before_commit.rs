//! `enum-label-used-before-commit`: an enum label added and used in the same transaction.

use sqlparser::dialect::PostgreSqlDialect;
use sqlparser::tokenizer::{Token, Tokenizer};

use super::event::Event;
use super::rule::{Cx, Flag, Rule};

pub const RULE: Rule = Rule {
    name: "enum-label-used-before-commit",
    summary: "A label added with ALTER TYPE … ADD VALUE is used before the transaction that \
              added it commits.",
    why: "PostgreSQL lets ALTER TYPE … ADD VALUE run in a transaction, but refuses any use of \
          the new label until that transaction commits (`unsafe use of new value`): the migration \
          fails on every database. Add the label in one migration and use it in the next, or \
          add it in a `no-transaction` migration, where each statement commits on its own.",
    example: "ALTER TYPE org_status_enum ADD VALUE 'Archived';\n\
              INSERT INTO organization_status (status, description) VALUES ('Archived', 'Archived');\n",
    safe: "ALTER TYPE org_status_enum ADD VALUE 'Archived';\n\
           -- then, in the next migration:\n\
           INSERT INTO organization_status (status, description) VALUES ('Archived', 'Archived');\n",
    check,
};

fn check(cx: &Cx) -> Vec<Flag> {
    let adds = cx
        .events
        .iter()
        .any(|e| matches!(e, Event::AddLabel { .. }));
    if !cx.transactional || cx.memory.added_labels.is_empty() || adds {
        return Vec::new();
    }
    let Ok(tokens) = Tokenizer::new(&PostgreSqlDialect {}, cx.text).tokenize_with_location() else {
        return Vec::new();
    };
    tokens
        .iter()
        .filter_map(|token| match &token.token {
            Token::SingleQuotedString(text) | Token::EscapedStringLiteral(text) => {
                let (enum_type, label) = cx.memory.added_labels.iter().find(|(_, l)| l == text)?;
                Some(Flag::new(
                    format!("'{label}' was added to `{enum_type}` in this same transaction and cannot be used before it commits"),
                    token.span,
                ))
            }
            _ => None,
        })
        .collect()
}
