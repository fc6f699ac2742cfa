//! `require-concurrent-index`: an index built on an existing table without `CONCURRENTLY`, or a
//! UNIQUE / PRIMARY KEY constraint added to one (which builds its index the same way).

use super::event::{ConstraintKind, Event};
use super::rule::{Cx, Flag, Rule};

pub const RULE: Rule = Rule {
    name: "require-concurrent-index",
    summary: "An index built on an existing table without CONCURRENTLY blocks writes to it until \
              the whole index is built.",
    why: "CREATE INDEX takes a SHARE lock: reads go on, but every INSERT, UPDATE and DELETE on the \
          table waits until the whole table has been read and sorted, minutes on a large table. A \
          UNIQUE or PRIMARY KEY constraint added to an existing table is worse: it builds its \
          index under an ACCESS EXCLUSIVE lock, which blocks reads too. CREATE INDEX CONCURRENTLY \
          lets writes through; it cannot run in a transaction, so it goes in a \
          `no-transaction` migration, and a failed build leaves an INVALID index behind, which \
          the safe form drops before building again. A unique index enforces uniqueness just \
          as a constraint does.",
    example: "CREATE INDEX idx_organization_email ON organization (email);\n",
    safe: "-- lcfs-db: no-transaction\n\
           DROP INDEX CONCURRENTLY IF EXISTS idx_organization_email;\n\
           CREATE INDEX CONCURRENTLY idx_organization_email ON organization (email);\n",
    check,
};

fn check(cx: &Cx) -> Vec<Flag> {
    let flag = |table: &str, what: &str, span| {
        Flag::new(
            format!("{what} on `{table}`, which holds data, without CONCURRENTLY"),
            span,
        )
    };
    cx.events
        .iter()
        .filter_map(|event| match event {
            Event::CreateIndex {
                table,
                concurrently: false,
                ..
            } if cx.existed(&table.0) => Some(flag(&table.0, "creating an index", table.1)),
            Event::AddConstraint {
                table,
                kind: ConstraintKind::Key,
                ..
            } if cx.existed(&table.0) => Some(flag(
                &table.0,
                "adding a UNIQUE or PRIMARY KEY constraint builds its index",
                table.1,
            )),
            Event::AddColumn { table, column }
                if cx.existed(table) && column.constraints.contains(&ConstraintKind::Key) =>
            {
                Some(flag(
                    table,
                    "a UNIQUE or PRIMARY KEY column builds its index",
                    column.name.1,
                ))
            }
            _ => None,
        })
        .collect()
}
