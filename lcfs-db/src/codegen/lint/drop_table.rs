//! `drop-table`: an existing table dropped, with its data and the old code that uses it.

use super::event::{Event, Relation};
use super::rule::{Cx, Flag, Rule};

pub const RULE: Rule = Rule {
    name: "drop-table",
    summary: "Dropping a table loses its rows and breaks the old code that uses it.",
    why: "The rows are gone for good (a down migration recreates an empty table), and old \
          instances still running during the deploy fail on every query that names the table. \
          Drop a table in two deploys: the first ships code that no longer uses it, the second \
          drops it, after a backup if the data may matter. A table created by the same migration \
          is not flagged.",
    example: "DROP TABLE user_login_history;\n",
    safe: "-- Deploy 1 shipped code that no longer uses user_login_history, and its rows were\n\
           -- archived; this contract migration ships with deploy 2.\n\
           -- lcfs-db: accept drop-table because login history moved to the audit log in deploy 1\n\
           DROP TABLE user_login_history;\n",
    check,
};

fn check(cx: &Cx) -> Vec<Flag> {
    cx.events
        .iter()
        .filter_map(|event| match event {
            Event::DropRelation {
                kind: Relation::Table,
                name,
            } if cx.existed(&name.0) => Some(Flag::new(
                format!(
                    "dropping `{}` loses its rows and breaks old code that uses it",
                    name.0
                ),
                name.1,
            )),
            _ => None,
        })
        .collect()
}
