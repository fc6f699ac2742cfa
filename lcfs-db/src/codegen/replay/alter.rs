//! ALTER TABLE: columns, constraints and the table's name.

use sqlparser::ast::{AlterTable, AlterTableOperation, DropBehavior, RenameTableNameKind};

use super::super::error::{BuildError, ErrorKind};
use super::super::model::{ConstraintName, Model};
use super::super::sql_name::ident_name;
use super::{Ctx, alter_column, columns, constraint, renames};

pub fn alter_table(model: &mut Model, ctx: &Ctx, alter: &AlterTable) -> Result<(), BuildError> {
    let (table, span) = ctx.name(&alter.name)?;
    if model.table(&table).is_none() {
        if alter.if_exists {
            return Ok(());
        }
        return Err(ctx.error(ErrorKind::Schema, format!("unknown table `{table}`"), span));
    }
    let mut table = table;
    for operation in &alter.operations {
        let cascade =
            |behavior: &Option<DropBehavior>| matches!(behavior, Some(DropBehavior::Cascade));
        match operation {
            AlterTableOperation::AddColumn {
                if_not_exists,
                column_def,
                column_position: None,
                ..
            } => {
                let exists = model
                    .table(&table)
                    .and_then(|t| t.column(&ident_name(&column_def.name)))
                    .is_some();
                if !(exists && *if_not_exists) {
                    let constraints = columns::add(model, ctx, &table, column_def)?;
                    constraint::add_all(model, ctx, &table, constraints)?;
                }
            }
            AlterTableOperation::DropColumn {
                column_names,
                if_exists,
                drop_behavior,
                ..
            } => {
                for column in column_names {
                    let exists = model
                        .table(&table)
                        .and_then(|t| t.column(&ident_name(column)))
                        .is_some();
                    if exists || !*if_exists {
                        columns::drop(model, ctx, &table, column, cascade(drop_behavior))?;
                    }
                }
            }
            AlterTableOperation::RenameColumn {
                old_column_name,
                new_column_name,
            } => {
                renames::rename_column(model, ctx, &table, old_column_name, new_column_name)?;
            }
            AlterTableOperation::AlterColumn { column_name, op } => {
                alter_column::alter_column(model, ctx, &table, column_name, op)?
            }
            AlterTableOperation::AddConstraint {
                constraint: new,
                not_valid,
            } => {
                let new = constraint::from_table(ctx, new)?;
                let checks = model.table(&table).map_or(0, |t| t.checks.len());
                constraint::add_all(model, ctx, &table, vec![new])?;
                let owner = model.table_mut(&table).expect("looked up above");
                owner.checks[checks..]
                    .iter_mut()
                    .for_each(|check| check.valid = !not_valid);
            }
            AlterTableOperation::ValidateConstraint { name } => {
                let owner = model.table_mut(&table).expect("looked up above");
                let wanted = ident_name(name);
                for check in owner.checks.iter_mut().filter(|c| c.name.name == wanted) {
                    check.valid = true;
                }
            }
            AlterTableOperation::DropConstraint {
                if_exists,
                name,
                drop_behavior,
            } => {
                constraint::drop_named(
                    model,
                    ctx,
                    &table,
                    name,
                    *if_exists,
                    cascade(drop_behavior),
                )?;
            }
            AlterTableOperation::RenameConstraint { old_name, new_name } => {
                let renamed = ConstraintName {
                    name: ident_name(new_name),
                    explicit: true,
                };
                *constraint::named_mut(model, ctx, &table, old_name)? = renamed;
            }
            AlterTableOperation::RenameTable {
                table_name: RenameTableNameKind::To(new_name),
            } => {
                table = renames::rename_table(model, ctx, &table, new_name)?;
            }
            AlterTableOperation::OwnerTo { .. }
            | AlterTableOperation::EnableTrigger { .. }
            | AlterTableOperation::DisableTrigger { .. }
            | AlterTableOperation::EnableAlwaysTrigger { .. }
            | AlterTableOperation::EnableReplicaTrigger { .. }
            | AlterTableOperation::EnableRule { .. }
            | AlterTableOperation::DisableRule { .. }
            | AlterTableOperation::EnableRowLevelSecurity
            | AlterTableOperation::DisableRowLevelSecurity
            | AlterTableOperation::ForceRowLevelSecurity
            | AlterTableOperation::NoForceRowLevelSecurity
            | AlterTableOperation::ReplicaIdentity { .. }
            | AlterTableOperation::SetLogged
            | AlterTableOperation::SetUnlogged
            | AlterTableOperation::SetOptionsParens { .. }
            | AlterTableOperation::ResetOptions { .. } => {}
            other => return Err(ctx.not_modelled(format!("ALTER TABLE … {other}"), span)),
        }
    }
    Ok(())
}
