//! `drop-column`: a column of an existing table dropped, which old code may still name.

use super::event::Event;
use super::rule::{Cx, Flag, Rule};

pub const RULE: Rule = Rule {
    name: "drop-column",
    summary: "Dropping a column breaks the old code that still reads or writes it.",
    why: "During a rolling deploy old instances keep running beside the new schema: any query of \
          theirs that names the column, and every `SELECT *` decoded into a row struct that \
          expects it, fails from the moment the migration commits. Drop a column in two deploys: \
          the first ships code that no longer uses it (the column stays), the second drops it in \
          a migration that says so.",
    example: "ALTER TABLE organization DROP COLUMN edrms_record;\n",
    safe: "-- Deploy 1 shipped code that no longer reads or writes organization.edrms_record;\n\
           -- this contract migration ships with deploy 2.\n\
           -- lcfs-db: accept drop-column because no deployed code uses edrms_record since deploy 1\n\
           ALTER TABLE organization DROP COLUMN edrms_record;\n",
    check,
};

fn check(cx: &Cx) -> Vec<Flag> {
    cx.events
        .iter()
        .filter_map(|event| match event {
            Event::DropColumn { table, column } if cx.existing.column(table, &column.0) => {
                Some(Flag::new(
                    format!(
                        "dropping `{table}.{}` breaks old code that uses it",
                        column.0
                    ),
                    column.1,
                ))
            }
            _ => None,
        })
        .collect()
}
