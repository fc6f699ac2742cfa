//! RENAME of tables and columns, followed into constraints and other tables' foreign keys.

use sqlparser::ast::{Ident, ObjectName};

use super::super::error::{BuildError, ErrorKind};
use super::super::model::Model;
use super::super::sql_name::ident_name;
use super::{Ctx, columns};

/// Renames a column everywhere the model names it, as PostgreSQL follows columns by number.
pub fn rename_column(
    model: &mut Model,
    ctx: &Ctx,
    table: &str,
    from: &Ident,
    to: &Ident,
) -> Result<(), BuildError> {
    let (from, to) = (
        columns::existing(model, ctx, table, from)?,
        (ident_name(to), to.span),
    );
    if model.table(table).and_then(|t| t.column(&to.0)).is_some() {
        return Err(ctx.error(
            ErrorKind::Schema,
            format!("column `{table}.{}` already exists", to.0),
            to.1,
        ));
    }
    let rename = |columns: &mut Vec<String>| {
        columns
            .iter_mut()
            .filter(|c| **c == from)
            .for_each(|c| c.clone_from(&to.0))
    };
    for other in &mut model.tables {
        other
            .foreign_keys
            .iter_mut()
            .filter(|fk| fk.ref_table == table)
            .for_each(|fk| rename(&mut fk.ref_columns));
    }
    let owner = model.table_mut(table).expect("existing found it");
    owner
        .column_mut(&from)
        .expect("existing found it")
        .name
        .clone_from(&to.0);
    owner
        .primary_key
        .iter_mut()
        .chain(&mut owner.uniques)
        .for_each(|key| rename(&mut key.columns));
    owner
        .foreign_keys
        .iter_mut()
        .for_each(|fk| rename(&mut fk.columns));
    owner
        .checks
        .iter_mut()
        .for_each(|check| rename(&mut check.columns));
    Ok(())
}

/// Renames a table; foreign keys that reference it follow. Returns the new name.
pub fn rename_table(
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
