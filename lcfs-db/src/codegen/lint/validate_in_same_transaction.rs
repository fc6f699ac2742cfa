//! `validate-in-same-transaction`: a constraint added NOT VALID and validated in the same
//! transaction, which keeps the strong lock of the first step through the scan of the second.

use super::event::Event;
use super::rule::{Cx, Flag, Rule};

pub const RULE: Rule = Rule {
    name: "validate-in-same-transaction",
    summary: "VALIDATE CONSTRAINT in the migration that added the constraint NOT VALID scans the \
              table while still holding the lock of the ADD.",
    why: "NOT VALID keeps the ADD brief, but its lock (ACCESS EXCLUSIVE for a CHECK) is held until \
          the transaction commits. Validating in the same migration runs the full-table scan \
          inside that transaction, so reads and writes wait for it after all. Validate in the \
          next migration, where VALIDATE takes only a SHARE UPDATE EXCLUSIVE lock.",
    example: "ALTER TABLE organization ADD CONSTRAINT ck_organization_total_balance\n    \
              CHECK (total_balance >= 0) NOT VALID;\n\
              ALTER TABLE organization VALIDATE CONSTRAINT ck_organization_total_balance;\n",
    safe: "ALTER TABLE organization ADD CONSTRAINT ck_organization_total_balance\n    \
           CHECK (total_balance >= 0) NOT VALID;\n\
           -- then, in the next migration:\n\
           ALTER TABLE organization VALIDATE CONSTRAINT ck_organization_total_balance;\n",
    check,
};

fn check(cx: &Cx) -> Vec<Flag> {
    if !cx.transactional {
        return Vec::new();
    }
    cx.events
        .iter()
        .filter_map(|event| match event {
            Event::ValidateConstraint { table, name }
                if cx.memory.not_valid.contains(&(table.clone(), name.0.clone())) =>
            {
                Some(Flag::new(
                    format!("`{}` was added NOT VALID in this same transaction: its lock on `{table}` is still held", name.0),
                    name.1,
                ))
            }
            _ => None,
        })
        .collect()
}
