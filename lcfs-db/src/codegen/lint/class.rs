//! A migration's class: *expand* when old code keeps working (it only adds, or changes what old
//! code cannot observe), *contract* when it removes, renames or narrows something old code may
//! use. Computed from the statements' events; a header directive with a reason overrides it.

use super::super::directive::{self, CLASS};
use super::super::error::{BuildError, ErrorKind};
use super::super::source::SourceFile;
use super::accept::Accepted;
use super::event::{ConstraintKind, Event};
use super::rule::{Cx, Recreated};
use super::{changing_column_type, set_not_null_without_check};

/// Whether old code keeps working once the migration is applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Expand,
    Contract,
}

/// What the lint concluded about a migration that passed it.
#[derive(Debug, Clone)]
pub struct Verdict {
    pub class: Class,
    /// The directive's reason when it set the class, else what the analysis found.
    pub reason: String,
    /// Whether a `class` directive set the class.
    pub overridden: bool,
    /// The findings its directives accept, with their reasons.
    pub accepted: Vec<Accepted>,
}

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

/// The class from the changes, or from the header's `class` directive.
pub fn verdict(
    file: &SourceFile,
    changes: &[Change],
    accepted: Vec<Accepted>,
) -> Result<Verdict, BuildError> {
    let computed = if changes.is_empty() {
        (
            Class::Expand,
            "adds only: removes, renames and narrows nothing".to_owned(),
        )
    } else {
        let mut listed: Vec<String> = changes
            .iter()
            .take(3)
            .map(|c| format!("{} (line {})", c.what, c.line))
            .collect();
        if changes.len() > 3 {
            listed.push(format!("and {} more", changes.len() - 3));
        }
        (Class::Contract, listed.join("; "))
    };
    let header = directive::header(&file.text);
    let misplaced = directive::all(&file.text)
        .into_iter()
        .find(|d| d.name == CLASS && !header.contains(d));
    let error = |d: &directive::Directive, message: String| {
        BuildError::new(ErrorKind::Directive, message)
            .at(file.at_offset(d.offset, d.name.len() + 12))
    };
    if let Some(d) = misplaced {
        return Err(error(
            &d,
            "a `class` directive belongs in the file's header, before the first statement".into(),
        ));
    }
    let Some(d) = header.iter().find(|d| d.name == CLASS) else {
        let (class, reason) = computed;
        return Ok(Verdict {
            class,
            reason,
            overridden: false,
            accepted,
        });
    };
    let (word, reason) = directive::because(d.argument);
    let class = match word {
        "expand" => Class::Expand,
        "contract" => Class::Contract,
        other => {
            return Err(error(
                d,
                format!("unknown class `{other}`: a migration is `expand` or `contract`"),
            ));
        }
    };
    let Some(reason) = reason else {
        return Err(error(
            d,
            format!("`class {word}` needs a reason: `-- lcfs-db: class {word} because <reason>`"),
        ));
    };
    Ok(Verdict {
        class,
        reason: reason.to_owned(),
        overridden: true,
        accepted,
    })
}
