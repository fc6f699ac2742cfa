//! What a statement does that old code may notice: the changes that make a migration contract.

use super::event::{ConstraintKind, Event};
use super::rule::{Cx, Recreated};
use super::{changing_column_type, set_not_null_without_check};

/// Something a statement does that old code may notice.
pub struct Change {
    pub what: String,
    pub line: usize,
    pub unless_recreated: Option<Recreated>,
}

/// The contract changes among a statement's events; `line` is where the statement starts.
pub fn changes(cx: &Cx, line: usize) -> Vec<Change> {
    let change = |what: String| Change {
        what,
        line,
        unless_recreated: None,
    };
    let existed = |table: &str, column: &str| cx.existing.column(table, column);
    let mut found = Vec::new();
    for event in cx.events {
        found.push(match event {
            Event::DropColumn { table, column } if existed(table, &column.0) => {
                change(format!("drops column `{table}.{}`", column.0))
            }
            Event::RenameColumn { table, column, .. } if existed(table, &column.0) => {
                change(format!("renames column `{table}.{}`", column.0))
            }
            Event::DropRelation { name, .. } if cx.existed(&name.0) => Change {
                unless_recreated: cx
                    .model
                    .views
                    .contains(&name.0)
                    .then(|| Recreated::View(name.0.clone())),
                ..change(format!("drops `{}`", name.0))
            },
            Event::RenameRelation { name, .. } if cx.existed(&name.0) => {
                change(format!("renames `{}`", name.0))
            }
            Event::RenameLabel { enum_type, label } if cx.existing.labels(enum_type).is_some() => {
                change(format!("renames label '{}' of `{enum_type}`", label.0))
            }
            Event::DropType { name } | Event::RenameType { name } => {
                match cx.existing.labels(&name.0) {
                    Some(labels) => Change {
                        unless_recreated: Some(Recreated::Enum(name.0.clone(), labels.to_vec())),
                        ..change(format!("removes or renames type `{}`", name.0))
                    },
                    None => continue,
                }
            }
            Event::DropFunction { name } => Change {
                unless_recreated: Some(Recreated::Function(name.0.clone())),
                ..change(format!("drops function `{}`", name.0))
            },
            Event::DropTrigger { name } => Change {
                unless_recreated: Some(Recreated::Trigger(name.0.clone())),
                ..change(format!("drops trigger `{}`", name.0))
            },
            Event::SetNotNull { table, column }
                if cx.existed(table)
                    && !set_not_null_without_check::proven(cx.model, table, &column.0) =>
            {
                change(format!("makes `{table}.{}` NOT NULL", column.0))
            }
            Event::DropNotNull { table, column } if existed(table, &column.0) => change(format!(
                "lets `{table}.{}` be NULL, which old code reads as never NULL",
                column.0
            )),
            Event::DropDefault { table, column } if existed(table, &column.0) => {
                change(format!("drops the default of `{table}.{}`", column.0))
            }
            Event::SetType {
                table,
                column,
                to,
                using,
            } if existed(table, &column.0) => {
                if changing_column_type::widens(cx.model, table, &column.0, to.as_ref(), *using) {
                    continue;
                }
                change(format!("changes the type of `{table}.{}`", column.0))
            }
            Event::AddColumn { table, column } if cx.existed(table) => {
                if column.not_null && !column.has_default {
                    change(format!(
                        "adds the required column `{table}.{}`",
                        column.name.0
                    ))
                } else if !column.constraints.is_empty() {
                    change(format!("adds a constraint on `{table}.{}`", column.name.0))
                } else {
                    continue;
                }
            }
            Event::AddConstraint { table, kind, .. }
                if cx.existed(&table.0) && *kind != ConstraintKind::KeyUsingIndex =>
            {
                change(format!("adds a constraint to `{}`", table.0))
            }
            Event::CreateIndex {
                table,
                unique: true,
                ..
            } if cx.existed(&table.0) && cx.model.table(&table.0).is_some() => {
                change(format!("adds a unique index to `{}`", table.0))
            }
            Event::RemoveRows { table } if cx.existed(&table.0) => {
                change(format!("deletes rows of `{}`", table.0))
            }
            Event::Revoke => change("revokes privileges".to_owned()),
            _ => continue,
        });
    }
    found
}
