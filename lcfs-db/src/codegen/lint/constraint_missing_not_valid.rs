//! `constraint-missing-not-valid`: a CHECK or FOREIGN KEY added to an existing table and
//! validated in the same step, scanning the table under a lock that blocks writes.

use super::event::{ConstraintKind, Event};
use super::rule::{Cx, Flag, Rule};

pub const RULE: Rule = Rule {
    name: "constraint-missing-not-valid",
    summary: "A CHECK or FOREIGN KEY added to an existing table without NOT VALID scans the whole \
              table while blocking writes.",
    why: "Adding a CHECK constraint takes an ACCESS EXCLUSIVE lock and a FOREIGN KEY a SHARE ROW \
          EXCLUSIVE lock on both tables, and PostgreSQL then reads every row to prove the \
          constraint before it lets go: writes (and for a CHECK, reads) wait for the scan. Added \
          NOT VALID, the constraint holds for new rows at once and the lock is brief; \
          `VALIDATE CONSTRAINT` in a later migration proves the old rows under a SHARE UPDATE \
          EXCLUSIVE lock, which lets reads and writes through. The same holds for a constraint \
          written on a column being added.",
    example: "ALTER TABLE organization ADD CONSTRAINT ck_organization_total_balance\n    \
              CHECK (total_balance >= 0);\n",
    safe: "ALTER TABLE organization ADD CONSTRAINT ck_organization_total_balance\n    \
           CHECK (total_balance >= 0) NOT VALID;\n\
           -- then, in the next migration:\n\
           ALTER TABLE organization VALIDATE CONSTRAINT ck_organization_total_balance;\n",
    check,
};

fn check(cx: &Cx) -> Vec<Flag> {
    let kinds = [ConstraintKind::Check, ConstraintKind::ForeignKey];
    cx.events
        .iter()
        .filter_map(|event| match event {
            Event::AddConstraint { table, kind, not_valid: false, .. }
                if kinds.contains(kind) && cx.existed(&table.0) =>
            {
                Some(Flag::new(
                    format!("adding a {} to `{}` validates every row while blocking writes", name(*kind), table.0),
                    table.1,
                ))
            }
            Event::AddColumn { table, column } if cx.existed(table) => {
                let kind = column.constraints.iter().find(|k| kinds.contains(k))?;
                Some(Flag::new(
                    format!("the {} on the new column `{table}.{}` is validated against every row while blocking writes", name(*kind), column.name.0),
                    column.name.1,
                ))
            }
            _ => None,
        })
        .collect()
}

fn name(kind: ConstraintKind) -> &'static str {
    match kind {
        ConstraintKind::ForeignKey => "FOREIGN KEY",
        _ => "CHECK constraint",
    }
}
