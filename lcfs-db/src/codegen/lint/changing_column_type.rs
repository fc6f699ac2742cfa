//! `changing-column-type`: a column type change that rewrites an existing table. Changes
//! PostgreSQL makes without a rewrite (widening a varchar or numeric, varchar to text) pass.

use super::super::model::Model;
use super::super::sql_type::SqlType;
use super::event::Event;
use super::rule::{Cx, Flag, Rule};

pub const RULE: Rule = Rule {
    name: "changing-column-type",
    summary: "Changing a column's type rewrites the table and its indexes under an ACCESS \
              EXCLUSIVE lock.",
    why: "Most type changes (integer to bigint, text to an enum, anything with USING) make \
          PostgreSQL rewrite every row and rebuild every index of the table while it holds an \
          ACCESS EXCLUSIVE lock: no reads, no writes, for as long as that takes. Old code may also \
          not decode the new type. Only binary-compatible changes are free: a longer or \
          unbounded varchar, varchar to text, a numeric with more precision and the same scale. \
          Otherwise add a column of the new type, write both from the code, backfill in batches, \
          move reads over, and drop the old column in a later migration.",
    example: "ALTER TABLE organization ALTER COLUMN organization_status_id TYPE bigint;\n",
    safe: "ALTER TABLE organization ADD COLUMN organization_status_ref bigint;\n\
           -- then write both columns from the code, backfill in batches, move reads over,\n\
           -- and drop organization_status_id in a later migration.\n",
    check,
};

fn check(cx: &Cx) -> Vec<Flag> {
    cx.events
        .iter()
        .filter_map(|event| match event {
            Event::SetType { table, column, to, using }
                if cx.existed(table) && !widens(cx.model, table, &column.0, to.as_ref(), *using) =>
            {
                Some(Flag::new(
                    format!("changing the type of `{table}.{}` rewrites `{table}` while blocking reads and writes", column.0),
                    column.1,
                ))
            }
            _ => None,
        })
        .collect()
}

/// Whether changing `table.column` to `to` needs no rewrite and changes nothing old code reads.
pub fn widens(model: &Model, table: &str, column: &str, to: Option<&SqlType>, using: bool) -> bool {
    let from = model
        .table(table)
        .and_then(|t| t.column(column))
        .map(|c| &c.sql_type);
    let (Some(from), Some(to), false) = (from, to, using) else {
        return false;
    };
    match (from, to) {
        (from, to) if from == to => true,
        (SqlType::Varchar(_), SqlType::Text | SqlType::Varchar(None)) => true,
        (SqlType::Text, SqlType::Varchar(None)) => true,
        (SqlType::Varchar(Some(old)), SqlType::Varchar(Some(new))) => new >= old,
        (SqlType::Numeric(_), SqlType::Numeric(None)) => true,
        (SqlType::Numeric(Some((p, s))), SqlType::Numeric(Some((p2, s2)))) => p2 >= p && s2 == s,
        _ => false,
    }
}
