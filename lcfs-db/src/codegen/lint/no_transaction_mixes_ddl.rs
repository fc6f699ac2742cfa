//! `no-transaction-mixes-ddl`: a `no-transaction` migration holding statements that could run
//! in a transaction, which a failure would leave half applied.

use super::event::Event;
use super::rule::{Cx, Flag, Rule};

pub const RULE: Rule = Rule {
    name: "no-transaction-mixes-ddl",
    summary: "A no-transaction migration holds a statement that belongs in a transactional one.",
    why: "A `no-transaction` migration commits statement by statement: when one fails, the ones \
          before it stay applied and the version stays unrecorded, so the rerun starts again from \
          the first statement. That is safe for what such a migration is for (CREATE and DROP \
          INDEX CONCURRENTLY, ALTER TYPE … ADD VALUE, VACUUM, REFRESH, settings and comments), \
          which can be written to run again. Other DDL or data changes mixed in lose the \
          all-or-nothing guarantee and may not run twice: give them a transactional migration of \
          their own.",
    example: "-- lcfs-db: no-transaction\n\
              CREATE INDEX CONCURRENTLY idx_organization_phone ON organization (phone);\n\
              ALTER TABLE organization ADD COLUMN note text;\n",
    safe: "-- lcfs-db: no-transaction\n\
           CREATE INDEX CONCURRENTLY idx_organization_phone ON organization (phone);\n\
           -- then, in the next migration:\n\
           ALTER TABLE organization ADD COLUMN note text;\n",
    check,
};

fn check(cx: &Cx) -> Vec<Flag> {
    if cx.transactional {
        return Vec::new();
    }
    let belongs = |event: &Event| {
        matches!(
            event,
            Event::CreateIndex {
                concurrently: true,
                ..
            } | Event::DropIndex { concurrently: true }
                | Event::AddLabel { .. }
                | Event::Vacuum { .. }
                | Event::Refresh { .. }
                | Event::Harmless
        )
    };
    match cx.events.iter().all(belongs) {
        true => Vec::new(),
        false => vec![Flag::new(
            "this statement runs outside a transaction here, but belongs in a transactional migration",
            cx.first_word(),
        )],
    }
}
