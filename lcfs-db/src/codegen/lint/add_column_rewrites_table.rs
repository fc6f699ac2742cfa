//! `add-column-rewrites-table`: a column added to an existing table whose value must be computed
//! row by row: a volatile default, a serial, an identity or a stored generated column.

use super::event::Event;
use super::rule::{Cx, Flag, Rule};

pub const RULE: Rule = Rule {
    name: "add-column-rewrites-table",
    summary: "Adding a column with a volatile default (or a serial, identity or stored generated \
              column) rewrites the table under an ACCESS EXCLUSIVE lock.",
    why: "Since PostgreSQL 11 a new column with a constant or stable default (`0`, `now()`, \
          `CURRENT_DATE`) costs nothing: the value is stored once, in the catalog. A volatile \
          default (`gen_random_uuid()`, `random()`, `clock_timestamp()`, `nextval()` behind a \
          serial) differs per row, so PostgreSQL rewrites the whole table to fill it, blocking \
          reads and writes throughout; so do identity and stored generated columns. A function \
          the lint does not know counts as volatile, as PostgreSQL assumes of functions declared \
          without a volatility. Add the column without the default, set the default (it applies \
          to new rows only), and fill the old rows in batches outside the migration.",
    example: "ALTER TABLE organization ADD COLUMN public_id uuid DEFAULT gen_random_uuid();\n",
    safe: "ALTER TABLE organization ADD COLUMN public_id uuid;\n\
           ALTER TABLE organization ALTER COLUMN public_id SET DEFAULT gen_random_uuid();\n\
           -- then fill the existing rows in batches, outside the migration.\n",
    check,
};

fn check(cx: &Cx) -> Vec<Flag> {
    cx.events
        .iter()
        .filter_map(|event| match event {
            Event::AddColumn { table, column } if cx.existed(table) => {
                let why = column.rewrite.as_ref()?;
                Some(Flag::new(
                    format!("adding `{table}.{}` rewrites `{table}` while blocking reads and writes: {why}", column.name.0),
                    column.name.1,
                ))
            }
            _ => None,
        })
        .collect()
}
