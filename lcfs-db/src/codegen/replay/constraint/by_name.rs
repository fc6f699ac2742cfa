//! Constraints looked up by name: renamed or dropped.

use sqlparser::ast::Ident;

use super::super::super::error::{BuildError, ErrorKind};
use super::super::super::model::{ConstraintName, Model};
use super::super::super::sql_name::ident_name;
use super::super::Ctx;
use super::foreign_key::drop_referencing;

/// The name of the constraint `name` of `table`, for renaming it.
pub fn named_mut<'m>(
    model: &'m mut Model,
    ctx: &Ctx,
    table: &str,
    name: &Ident,
) -> Result<&'m mut ConstraintName, BuildError> {
    let wanted = ident_name(name);
    let owner = model
        .table_mut(table)
        .expect("the caller looked the table up");
    let keys = owner
        .primary_key
        .iter_mut()
        .chain(&mut owner.uniques)
        .map(|k| &mut k.name);
    let mut names = keys
        .chain(owner.foreign_keys.iter_mut().map(|f| &mut f.name))
        .chain(owner.checks.iter_mut().map(|c| &mut c.name));
    names.find(|n| n.name == wanted).ok_or_else(|| {
        ctx.error(
            ErrorKind::Schema,
            format!("table `{table}` has no constraint `{wanted}`"),
            name.span,
        )
    })
}

/// Drops the constraint `name` of `table`; dropping a key that foreign keys of other tables
/// reference needs CASCADE, which drops them too.
pub fn drop_named(
    model: &mut Model,
    ctx: &Ctx,
    table: &str,
    name: &Ident,
    if_exists: bool,
    cascade: bool,
) -> Result<(), BuildError> {
    let wanted = ident_name(name);
    let owner = model.table(table).expect("the caller looked the table up");
    let key = owner
        .primary_key
        .iter()
        .chain(&owner.uniques)
        .find(|k| k.name.name == wanted);
    if let Some(key) = key {
        let columns = key.columns.clone();
        drop_referencing(model, ctx, table, &columns, cascade, name.span)?;
    } else if !owner.constraint_names().any(|n| n == wanted) {
        if if_exists {
            return Ok(());
        }
        return Err(ctx.error(
            ErrorKind::Schema,
            format!("table `{table}` has no constraint `{wanted}`"),
            name.span,
        ));
    }
    let owner = model.table_mut(table).expect("looked up above");
    owner.primary_key.take_if(|pk| pk.name.name == wanted);
    owner.uniques.retain(|k| k.name.name != wanted);
    owner.foreign_keys.retain(|f| f.name.name != wanted);
    owner.checks.retain(|c| c.name.name != wanted);
    Ok(())
}
