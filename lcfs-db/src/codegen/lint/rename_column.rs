//! `rename-column`: a column of an existing table renamed under the old code's feet.

use super::event::Event;
use super::rule::{Cx, Flag, Rule};

pub const RULE: Rule = Rule {
    name: "rename-column",
    summary: "Renaming a column breaks the old code that uses the old name.",
    why: "The rename is instant, and so is the breakage: every old instance still running during \
          the deploy fails on the queries that name the column. Rename across deploys instead: \
          add the new column, write both from the code and backfill, move reads to the new \
          column, and drop the old one in a later contract migration.",
    example: "ALTER TABLE organization RENAME COLUMN phone TO phone_number;\n",
    safe: "ALTER TABLE organization ADD COLUMN phone_number varchar(50);\n\
           -- then write both columns from the code, backfill phone_number, move reads over,\n\
           -- and drop phone in a later migration.\n",
    check,
};

fn check(cx: &Cx) -> Vec<Flag> {
    cx.events
        .iter()
        .filter_map(|event| match event {
            Event::RenameColumn { table, column, to } if cx.existing.column(table, &column.0) => {
                Some(Flag::new(
                    format!(
                        "renaming `{table}.{}` to `{to}` breaks old code that uses the old name",
                        column.0
                    ),
                    column.1,
                ))
            }
            _ => None,
        })
        .collect()
}
