//! ALTER TABLE: columns, constraints and the table's name.

use sqlparser::ast::{
    AlterColumnOperation, AlterTable, AlterTableOperation, DropBehavior, Ident, ObjectName,
    RenameTableNameKind,
};

use super::super::error::{BuildError, ErrorKind};
use super::super::model::{ConstraintName, Model};
use super::super::sql_name::ident_name;
use super::super::sql_type;
use super::{Ctx, columns, constraint, written};

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
                columns::rename(model, ctx, &table, old_column_name, new_column_name)?;
            }
            AlterTableOperation::AlterColumn { column_name, op } => {
                alter_column(model, ctx, &table, column_name, op)?
            }
            AlterTableOperation::AddConstraint {
                constraint: new, ..
            } => {
                let new = constraint::from_table(ctx, new)?;
                constraint::add_all(model, ctx, &table, vec![new])?;
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
                table = rename_table(model, ctx, &table, new_name)?;
            }
            AlterTableOperation::OwnerTo { .. }
            | AlterTableOperation::ValidateConstraint { .. }
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

fn alter_column(
    model: &mut Model,
    ctx: &Ctx,
    table: &str,
    column: &Ident,
    op: &AlterColumnOperation,
) -> Result<(), BuildError> {
    let name = columns::existing(model, ctx, table, column)?;
    let in_primary_key = model
        .table(table)
        .and_then(|t| t.primary_key.as_ref())
        .is_some_and(|pk| pk.columns.contains(&name));
    let sql_type = match op {
        AlterColumnOperation::SetDataType { data_type, .. } => {
            let resolved = sql_type::resolve(data_type, &|n| model.enum_type(n).is_some())
                .map_err(|(kind, message)| {
                    ctx.error(
                        kind,
                        format!("column `{table}.{name}`: {message}"),
                        column.span,
                    )
                })?;
            if resolved.serial {
                return Err(ctx.error(
                    ErrorKind::Schema,
                    "serial is not a type a column can change to",
                    column.span,
                ));
            }
            Some(resolved.sql_type)
        }
        _ => None,
    };
    let target = model
        .table_mut(table)
        .and_then(|t| t.column_mut(&name))
        .expect("existing found it");
    match op {
        AlterColumnOperation::SetNotNull => target.nullable = false,
        AlterColumnOperation::DropNotNull if in_primary_key => {
            let message =
                format!("column `{table}.{name}` is in the primary key and stays NOT NULL");
            return Err(ctx.error(ErrorKind::Schema, message, column.span));
        }
        AlterColumnOperation::DropNotNull => target.nullable = true,
        AlterColumnOperation::SetDefault { value } => {
            target.default = Some(written::default(ctx.statement.text, value))
        }
        AlterColumnOperation::DropDefault => target.default = None,
        AlterColumnOperation::SetDataType { .. } => {
            target.sql_type = sql_type.expect("resolved above")
        }
        other => return Err(ctx.not_modelled(format!("ALTER COLUMN … {other}"), column.span)),
    }
    Ok(())
}

fn rename_table(
    model: &mut Model,
    ctx: &Ctx,
    table: &str,
    new_name: &ObjectName,
) -> Result<String, BuildError> {
    let (new_name, span) = ctx.name(new_name)?;
    if model.table(&new_name).is_some() || model.enum_type(&new_name).is_some() {
        return Err(ctx.error(
            ErrorKind::Schema,
            format!("`{new_name}` already exists"),
            span,
        ));
    }
    for other in &mut model.tables {
        for fk in other
            .foreign_keys
            .iter_mut()
            .filter(|fk| fk.ref_table == table)
        {
            fk.ref_table.clone_from(&new_name);
        }
    }
    model
        .table_mut(table)
        .expect("looked up by the caller")
        .name
        .clone_from(&new_name);
    Ok(new_name)
}
