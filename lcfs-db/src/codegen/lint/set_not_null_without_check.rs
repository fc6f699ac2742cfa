//! `set-not-null-without-check`: SET NOT NULL on an existing table without a validated
//! `CHECK (column IS NOT NULL)` that lets PostgreSQL skip the scan.

use super::super::model::Model;
use super::event::Event;
use super::rule::{Cx, Flag, Rule};

pub const RULE: Rule = Rule {
    name: "set-not-null-without-check",
    summary: "SET NOT NULL on an existing table scans every row under an ACCESS EXCLUSIVE lock.",
    why: "PostgreSQL proves that no row holds NULL by reading the whole table while it holds an \
          ACCESS EXCLUSIVE lock, which blocks reads and writes. Since PostgreSQL 12 it skips the \
          scan when a validated `CHECK (column IS NOT NULL)` already proves it: add that check \
          NOT VALID, validate it in a later migration (a scan that blocks no one), then set NOT \
          NULL and drop the check, now redundant.",
    example: "ALTER TABLE organization ALTER COLUMN email SET NOT NULL;\n",
    safe: "ALTER TABLE organization ADD CONSTRAINT ck_organization_email_not_null\n    \
           CHECK (email IS NOT NULL) NOT VALID;\n\
           -- then, in the next migration:\n\
           ALTER TABLE organization VALIDATE CONSTRAINT ck_organization_email_not_null;\n\
           ALTER TABLE organization ALTER COLUMN email SET NOT NULL;\n\
           ALTER TABLE organization DROP CONSTRAINT ck_organization_email_not_null;\n",
    check,
};

fn check(cx: &Cx) -> Vec<Flag> {
    cx.events
        .iter()
        .filter_map(|event| match event {
            Event::SetNotNull { table, column }
                if cx.existed(table) && !proven(cx.model, table, &column.0) =>
            {
                Some(Flag::new(
                    format!("setting `{table}.{}` NOT NULL scans `{table}` while blocking reads and writes", column.0),
                    column.1,
                ))
            }
            _ => None,
        })
        .collect()
}

/// Whether `table` has a validated `CHECK (column IS NOT NULL)`.
pub fn proven(model: &Model, table: &str, column: &str) -> bool {
    let wanted = format!("{column} is not null");
    let normal = |text: &str| {
        text.replace(['"', '(', ')'], "")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    model.table(table).is_some_and(|t| {
        t.checks
            .iter()
            .any(|c| c.valid && normal(&c.expression) == wanted)
    })
}
