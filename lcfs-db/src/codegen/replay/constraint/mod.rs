//! Primary key, unique, foreign key and check constraints, written on a column or on the table.

mod by_name;
mod check;
mod foreign_key;
mod new;

use sqlparser::ast::Spanned;

use super::super::error::{BuildError, ErrorKind};
use super::super::model::{ConstraintName, Key, Model};
use super::super::sql_name::{chosen, ident_name};
use super::{Ctx, columns};

pub use by_name::{drop_named, named_mut};
pub use foreign_key::drop_referencing;
pub use new::{NewConstraint, from_column, from_table};

use new::Kind;

/// Adds the constraints of one statement: keys first, as a foreign key may reference a key of
/// its own table declared after it.
pub fn add_all(
    model: &mut Model,
    ctx: &Ctx,
    table: &str,
    mut constraints: Vec<NewConstraint>,
) -> Result<(), BuildError> {
    constraints.sort_by_key(|c| !matches!(c.kind, Kind::PrimaryKey | Kind::Unique));
    constraints
        .into_iter()
        .try_for_each(|new| add(model, ctx, table, new))
}

/// Adds `new` to `table`, checking the columns (and the referenced table and columns) exist.
fn add(model: &mut Model, ctx: &Ctx, table: &str, new: NewConstraint) -> Result<(), BuildError> {
    let columns = new
        .columns
        .iter()
        .map(|c| columns::existing(model, ctx, table, c))
        .collect::<Result<Vec<_>, _>>()?;
    let joined = columns.join("_");
    let name = |label: &str, addition: Option<&str>| match new.name {
        Some(name) => ConstraintName {
            name: ident_name(name),
            explicit: true,
        },
        None => ConstraintName {
            name: chosen(table, addition, label),
            explicit: false,
        },
    };
    let owner = model.table(table).expect("the caller looked the table up");
    let (constraint_name, span) = match new.kind {
        Kind::PrimaryKey => {
            if owner.primary_key.is_some() {
                let message = format!("table `{table}` already has a primary key");
                return Err(ctx.error(ErrorKind::Schema, message, new.columns[0].span));
            }
            let key = Key {
                name: name("pkey", None),
                columns,
            };
            let owner = model.table_mut(table).expect("looked up above");
            for column in &mut owner.columns {
                column.nullable &= !key.columns.contains(&column.name);
            }
            owner.primary_key = Some(key);
            (name("pkey", None), new.columns[0].span)
        }
        Kind::Unique => {
            let key = Key {
                name: name("key", Some(&joined)),
                columns,
            };
            model
                .table_mut(table)
                .expect("looked up above")
                .uniques
                .push(key);
            (name("key", Some(&joined)), new.columns[0].span)
        }
        Kind::ForeignKey(fk) => {
            let fk = foreign_key::foreign_key(
                model,
                ctx,
                table,
                fk,
                columns,
                name("fkey", Some(&joined)),
            )?;
            let name = fk.name.clone();
            model
                .table_mut(table)
                .expect("looked up above")
                .foreign_keys
                .push(fk);
            (name, new.columns[0].span)
        }
        Kind::Check(check) => {
            let check_span = check.expr.span();
            let check = check::check(ctx, owner, check, |column| name("check", column));
            let name = check.name.clone();
            model
                .table_mut(table)
                .expect("looked up above")
                .checks
                .push(check);
            (name, check_span)
        }
    };
    let owner = model.table(table).expect("looked up above");
    if owner
        .constraint_names()
        .filter(|n| *n == constraint_name.name)
        .count()
        > 1
    {
        let message = format!(
            "constraint `{}` already exists on `{table}`",
            constraint_name.name
        );
        return Err(ctx.error(
            ErrorKind::Schema,
            message,
            new.name.map_or(span, |n| n.span),
        ));
    }
    Ok(())
}
