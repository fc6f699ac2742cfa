//! COMMENT ON TABLE and COMMENT ON COLUMN; `IS NULL` removes the comment. Comments on the
//! columns of views are accepted and not kept, as the model does not describe views.

use sqlparser::ast::ObjectName;

use super::super::error::{BuildError, ErrorKind};
use super::super::model::Model;
use super::super::sql_name;
use super::{Ctx, tables};

pub fn comment_on_table(
    model: &mut Model,
    ctx: &Ctx,
    name: &ObjectName,
    comment: Option<String>,
) -> Result<(), BuildError> {
    tables::existing(model, ctx, name)?.comment = comment;
    Ok(())
}

pub fn comment_on_column(
    model: &mut Model,
    ctx: &Ctx,
    name: &ObjectName,
    comment: Option<String>,
) -> Result<(), BuildError> {
    let ((table, span), (column, column_span)) = sql_name::column(name)
        .map_err(|(message, span)| ctx.error(ErrorKind::Schema, message, span))?;
    if model.views.contains(&table) {
        return Ok(());
    }
    let Some(owner) = model.table_mut(&table) else {
        return Err(ctx.error(
            ErrorKind::Schema,
            format!("unknown table or view `{table}`"),
            span,
        ));
    };
    match owner.column_mut(&column) {
        Some(target) => target.comment = comment,
        None => {
            return Err(ctx.error(
                ErrorKind::Schema,
                format!("unknown column `{table}.{column}`"),
                column_span,
            ));
        }
    }
    Ok(())
}
