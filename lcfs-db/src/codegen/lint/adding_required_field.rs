//! `adding-required-field`: a NOT NULL column without a default added to an existing table.

use super::event::Event;
use super::rule::{Cx, Flag, Rule};

pub const RULE: Rule = Rule {
    name: "adding-required-field",
    summary: "A NOT NULL column without a default cannot be added to a table that has rows, and \
              old code's inserts leave it out.",
    why: "PostgreSQL fills a new column with its default, NULL when there is none, so adding a \
          NOT NULL column without a default fails on any table that holds rows; where it \
          succeeds (an empty table in development), every INSERT of the old code, which does not \
          name the column, fails afterwards. Give the column a constant default: PostgreSQL \
          stores it once, without a rewrite, and old inserts get it.",
    example: "ALTER TABLE organization ADD COLUMN region_code varchar(10) NOT NULL;\n",
    safe: "ALTER TABLE organization ADD COLUMN region_code varchar(10) NOT NULL DEFAULT 'BC';\n",
    check,
};

fn check(cx: &Cx) -> Vec<Flag> {
    cx.events
        .iter()
        .filter_map(|event| match event {
            Event::AddColumn { table, column }
                if cx.existed(table) && column.not_null && !column.has_default =>
            {
                Some(Flag::new(
                    format!(
                        "`{table}.{}` is NOT NULL without a default, and `{table}` holds rows",
                        column.name.0
                    ),
                    column.name.1,
                ))
            }
            _ => None,
        })
        .collect()
}
