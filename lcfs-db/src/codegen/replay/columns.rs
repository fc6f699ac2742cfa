//! Column definitions (in CREATE TABLE and ADD COLUMN), column lookups, and DROP COLUMN.

use sqlparser::ast::{ColumnDef, ColumnOption, GeneratedAs, Ident};

use super::super::error::{BuildError, ErrorKind};
use super::super::model::{Column, Model};
use super::super::sql_name::{self, ident_name};
use super::super::sql_type;
use super::constraint::{self, NewConstraint};
use super::{Ctx, written};

/// Adds the column `def` to `table`; returns the constraints written on it, for the caller to
/// add once every column of the statement exists.
pub fn add<'a>(
    model: &mut Model,
    ctx: &Ctx,
    table: &str,
    def: &'a ColumnDef,
) -> Result<Vec<NewConstraint<'a>>, BuildError> {
    let name = ident_name(&def.name);
    let at_name = |kind, message: String| ctx.error(kind, message, def.name.span);
    let resolved = sql_type::resolve(&def.data_type, &|n| model.enum_type(n).is_some())
        .map_err(|(kind, message)| at_name(kind, format!("column `{table}.{name}`: {message}")))?;
    let mut column = Column {
        name: name.clone(),
        sql_type: resolved.sql_type,
        nullable: !resolved.serial,
        default: resolved.serial.then(|| {
            let sequence = sql_name::chosen(table, Some(&name), "seq");
            format!("nextval('{sequence}'::regclass)")
        }),
        comment: None,
        origin: ctx.at(def.name.span),
    };
    let mut constraints = Vec::new();
    for option in &def.options {
        match &option.option {
            ColumnOption::Null => column.nullable = true,
            ColumnOption::NotNull => column.nullable = false,
            ColumnOption::Default(_) if resolved.serial => {
                return Err(at_name(
                    ErrorKind::Schema,
                    format!("column `{name}` is serial and has a DEFAULT"),
                ));
            }
            ColumnOption::Default(expr) => {
                column.default = Some(written::default(ctx.statement.text, expr))
            }
            ColumnOption::Generated {
                generated_as: GeneratedAs::Always | GeneratedAs::ByDefault,
                generation_expr: None,
                ..
            } => column.nullable = false,
            ColumnOption::Collation(_) => {}
            ColumnOption::PrimaryKey(_)
            | ColumnOption::Unique(_)
            | ColumnOption::ForeignKey(_)
            | ColumnOption::Check(_) => {
                constraints.push(constraint::from_column(&def.name, option))
            }
            other => {
                return Err(ctx.not_modelled(format!("column option `{other}`"), def.name.span));
            }
        }
    }
    let owner = model
        .table_mut(table)
        .expect("the caller looked the table up");
    if owner.column(&name).is_some() {
        return Err(at_name(
            ErrorKind::Schema,
            format!("column `{table}.{name}` already exists"),
        ));
    }
    owner.columns.push(column);
    Ok(constraints)
}

/// A column's name, or an error at it when `table` has no such column.
pub fn existing(
    model: &Model,
    ctx: &Ctx,
    table: &str,
    column: &Ident,
) -> Result<String, BuildError> {
    let name = ident_name(column);
    match model.table(table).and_then(|t| t.column(&name)) {
        Some(_) => Ok(name),
        None => Err(ctx.error(
            ErrorKind::Schema,
            format!("unknown column `{table}.{name}`"),
            column.span,
        )),
    }
}

/// Drops a column with the constraints of its table that use it; foreign keys of other tables
/// that reference it go too with CASCADE, and are an error without.
pub fn drop(
    model: &mut Model,
    ctx: &Ctx,
    table: &str,
    column: &Ident,
    cascade: bool,
) -> Result<(), BuildError> {
    let name = existing(model, ctx, table, column)?;
    constraint::drop_referencing(
        model,
        ctx,
        table,
        std::slice::from_ref(&name),
        cascade,
        column.span,
    )?;
    let owner = model.table_mut(table).expect("existing found it");
    let uses = |columns: &[String]| columns.contains(&name);
    owner.primary_key.take_if(|pk| uses(&pk.columns));
    owner.uniques.retain(|key| !uses(&key.columns));
    owner.foreign_keys.retain(|fk| !uses(&fk.columns));
    owner.checks.retain(|check| !uses(&check.columns));
    owner.columns.retain(|c| c.name != name);
    Ok(())
}
