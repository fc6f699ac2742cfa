//! ALTER TABLE … ALTER COLUMN: type, nullability and default.

use sqlparser::ast::{AlterColumnOperation, Ident};

use super::super::error::{BuildError, ErrorKind};
use super::super::model::Model;
use super::super::sql_type;
use super::{Ctx, columns, written};

pub fn alter_column(
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
