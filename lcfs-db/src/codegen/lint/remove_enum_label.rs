//! `remove-enum-label`: an enum label that existed before the migration renamed or removed. A
//! type dropped or renamed and created again with all its labels passes.

use super::event::Event;
use super::rule::{Cx, Flag, Recreated, Rule};

pub const RULE: Rule = Rule {
    name: "remove-enum-label",
    summary: "Renaming or removing an enum label breaks the old code that writes or matches it.",
    why: "Old instances write the old label and decode every label into a Rust enum they were \
          built with: a renamed label fails their writes and their reads. PostgreSQL cannot drop \
          a label, so removing one means re-creating the type and converting every column that \
          uses it, a rewrite of each table. Add the new label instead (expand), move the rows and \
          the code to it, and leave the old label unused.",
    example: "ALTER TYPE org_status_enum RENAME VALUE 'Canceled' TO 'Cancelled';\n",
    safe: "ALTER TYPE org_status_enum ADD VALUE IF NOT EXISTS 'Cancelled' AFTER 'Canceled';\n\
           -- then move the rows and the code to 'Cancelled'; 'Canceled' stays, unused.\n",
    check,
};

fn check(cx: &Cx) -> Vec<Flag> {
    cx.events
        .iter()
        .filter_map(|event| match event {
            Event::RenameLabel { enum_type, label }
                if cx.existing.labels(enum_type).is_some_and(|l| l.contains(&label.0)) =>
            {
                Some(Flag::new(
                    format!("renaming label '{}' of `{enum_type}` breaks old code that uses it", label.0),
                    label.1,
                ))
            }
            Event::DropType { name } | Event::RenameType { name } => {
                let labels = cx.existing.labels(&name.0)?;
                Some(
                    Flag::new(
                        format!("`{}` loses its labels under this name unless the migration creates it again with all of them", name.0),
                        name.1,
                    )
                    .unless_recreated(Recreated::Enum(name.0.clone(), labels.to_vec())),
                )
            }
            _ => None,
        })
        .collect()
}
