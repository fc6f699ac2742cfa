//! `vacuum-full-or-cluster`: maintenance that rewrites whole tables, in a migration.

use super::event::Event;
use super::rule::{Cx, Flag, Rule};

pub const RULE: Rule = Rule {
    name: "vacuum-full-or-cluster",
    summary: "VACUUM FULL and CLUSTER rewrite the table under an ACCESS EXCLUSIVE lock.",
    why: "Both copy every live row into a new file and rebuild every index while holding an \
          ACCESS EXCLUSIVE lock: the table can be neither read nor written until they finish, \
          and they need room for a second copy. They belong to a maintenance window, or to \
          pg_repack, which does the same online; a migration needs at most a plain VACUUM or \
          ANALYZE, which block no one.",
    example: "-- lcfs-db: no-transaction\nVACUUM FULL organization;\n",
    safe: "-- lcfs-db: no-transaction\nVACUUM organization;\n",
    check,
};

fn check(cx: &Cx) -> Vec<Flag> {
    cx.events
        .iter()
        .filter_map(|event| match event {
            Event::Vacuum { full: true, .. } => Some(Flag::new(
                "VACUUM FULL rewrites the table while blocking reads and writes",
                cx.first_word(),
            )),
            Event::Cluster { span } => Some(Flag::new(
                "CLUSTER rewrites the table while blocking reads and writes",
                *span,
            )),
            _ => None,
        })
        .collect()
}
