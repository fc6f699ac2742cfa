//! `rename-table-or-view`: an existing table, view or materialized view renamed.

use super::event::Event;
use super::rule::{Cx, Flag, Rule};

pub const RULE: Rule = Rule {
    name: "rename-table-or-view",
    summary: "Renaming a table or view breaks the old code that uses the old name.",
    why: "Old instances, report users and functions that name the relation fail from the moment \
          the rename commits. Rename across deploys instead: create the new name (a view over \
          the table keeps both names readable, and a simple view is writable too), move the code \
          over, and drop the old name in a later contract migration.",
    example: "ALTER TABLE organization_attorney_address RENAME TO organization_legal_address;\n",
    safe: "CREATE VIEW organization_legal_address AS\n\
           SELECT * FROM organization_attorney_address;\n\
           -- then move the code to organization_legal_address, and swap the table and the view\n\
           -- in a later contract migration.\n",
    check,
};

fn check(cx: &Cx) -> Vec<Flag> {
    cx.events
        .iter()
        .filter_map(|event| match event {
            Event::RenameRelation { name, to } if cx.existed(&name.0) => Some(Flag::new(
                format!(
                    "renaming `{}` to `{to}` breaks old code that uses the old name",
                    name.0
                ),
                name.1,
            )),
            _ => None,
        })
        .collect()
}
