//! `requires-no-transaction`: a statement PostgreSQL refuses inside a transaction block, in a
//! migration that runs in one.

use super::event::Event;
use super::rule::{Cx, Flag, Rule};

pub const RULE: Rule = Rule {
    name: "requires-no-transaction",
    summary: "CREATE or DROP INDEX CONCURRENTLY and VACUUM cannot run inside a transaction, and \
              this migration runs in one.",
    why: "A migration runs in one transaction with its history row unless its header says \
          `-- lcfs-db: no-transaction`. PostgreSQL refuses CREATE INDEX CONCURRENTLY, DROP INDEX \
          CONCURRENTLY and VACUUM inside a transaction block, so this migration would fail on \
          every database, at deploy time. Put these statements in a migration of their own whose \
          first line is `-- lcfs-db: no-transaction`.",
    example: "CREATE INDEX CONCURRENTLY idx_organization_phone ON organization (phone);\n",
    safe: "-- lcfs-db: no-transaction\n\
           CREATE INDEX CONCURRENTLY idx_organization_phone ON organization (phone);\n",
    check,
};

fn check(cx: &Cx) -> Vec<Flag> {
    if !cx.transactional {
        return Vec::new();
    }
    let refused = cx.events.iter().any(|event| {
        matches!(
            event,
            Event::CreateIndex {
                concurrently: true,
                ..
            } | Event::DropIndex { concurrently: true }
                | Event::Vacuum { .. }
        )
    });
    match refused {
        true => vec![Flag::new(
            "this statement cannot run inside a transaction, and the migration's header lacks \
             `-- lcfs-db: no-transaction`",
            cx.first_word(),
        )],
        false => Vec::new(),
    }
}
