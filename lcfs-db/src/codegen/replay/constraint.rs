//! Primary key, unique, foreign key and check constraints, written on a column or on the table.

use std::ops::ControlFlow;

use sqlparser::ast::{
    CheckConstraint, ColumnOption, ColumnOptionDef, Expr, ForeignKeyConstraint, Ident, IndexColumn,
    ReferentialAction, Spanned, TableConstraint, visit_expressions,
};
use sqlparser::tokenizer::Span;

use super::super::error::{BuildError, ErrorKind};
use super::super::model::{Check, ConstraintName, ForeignKey, Key, Model};
use super::super::sql_name::{chosen, ident_name};
use super::{Ctx, columns, written};

/// A constraint to add, from a column option or a table constraint.
pub struct NewConstraint<'a> {
    name: Option<&'a Ident>,
    columns: Vec<&'a Ident>,
    kind: Kind<'a>,
}

enum Kind<'a> {
    PrimaryKey,
    Unique,
    ForeignKey(&'a ForeignKeyConstraint),
    Check(&'a CheckConstraint),
}

pub fn from_column<'a>(column: &'a Ident, option: &'a ColumnOptionDef) -> NewConstraint<'a> {
    let kind = match &option.option {
        ColumnOption::PrimaryKey(_) => Kind::PrimaryKey,
        ColumnOption::Unique(_) => Kind::Unique,
        ColumnOption::ForeignKey(fk) => Kind::ForeignKey(fk),
        ColumnOption::Check(check) => Kind::Check(check),
        _ => unreachable!("the caller passes constraint options only"),
    };
    let columns = if matches!(kind, Kind::Check(_)) {
        Vec::new()
    } else {
        vec![column]
    };
    NewConstraint {
        name: option.name.as_ref(),
        columns,
        kind,
    }
}

pub fn from_table<'a>(
    ctx: &Ctx,
    constraint: &'a TableConstraint,
) -> Result<NewConstraint<'a>, BuildError> {
    let key_columns = |columns: &'a [IndexColumn]| {
        columns
            .iter()
            .map(|c| match &c.column.expr {
                Expr::Identifier(ident) => Ok(ident),
                other => Err(ctx.not_modelled("a key on an expression", other.span())),
            })
            .collect::<Result<Vec<_>, _>>()
    };
    Ok(match constraint {
        TableConstraint::PrimaryKey(pk) => NewConstraint {
            name: pk.name.as_ref(),
            columns: key_columns(&pk.columns)?,
            kind: Kind::PrimaryKey,
        },
        TableConstraint::Unique(unique) => NewConstraint {
            name: unique.name.as_ref(),
            columns: key_columns(&unique.columns)?,
            kind: Kind::Unique,
        },
        TableConstraint::ForeignKey(fk) => NewConstraint {
            name: fk.name.as_ref(),
            columns: fk.columns.iter().collect(),
            kind: Kind::ForeignKey(fk),
        },
        TableConstraint::Check(check) => NewConstraint {
            name: check.name.as_ref(),
            columns: Vec::new(),
            kind: Kind::Check(check),
        },
        other => return Err(ctx.not_modelled(format!("constraint `{other}`"), other.span())),
    })
}

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
            let fk = foreign_key(model, ctx, table, fk, columns, name("fkey", Some(&joined)))?;
            let name = fk.name.clone();
            model
                .table_mut(table)
                .expect("looked up above")
                .foreign_keys
                .push(fk);
            (name, new.columns[0].span)
        }
        Kind::Check(check) => {
            let mut read = Vec::new();
            let _ = visit_expressions(&check.expr, |expr| {
                let ident = match expr {
                    Expr::Identifier(ident) => Some(ident),
                    Expr::CompoundIdentifier(parts) => parts.last(),
                    _ => None,
                };
                if let Some(column) = ident
                    .map(ident_name)
                    .filter(|c| owner.column(c).is_some() && !read.contains(c))
                {
                    read.push(column);
                }
                ControlFlow::<()>::Continue(())
            });
            let addition = (read.len() == 1).then(|| read[0].clone());
            let name = name("check", addition.as_deref());
            let expression = written::check(ctx.statement.text, &check.expr);
            let check_span = check.expr.span();
            let owner = model.table_mut(table).expect("looked up above");
            owner.checks.push(Check {
                name: name.clone(),
                expression,
                columns: read,
            });
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

fn foreign_key(
    model: &Model,
    ctx: &Ctx,
    table: &str,
    fk: &ForeignKeyConstraint,
    columns: Vec<String>,
    name: ConstraintName,
) -> Result<ForeignKey, BuildError> {
    let (ref_table, ref_span) = ctx.name(&fk.foreign_table)?;
    let Some(target) = model.table(&ref_table) else {
        return Err(ctx.error(
            ErrorKind::Schema,
            format!("unknown table `{ref_table}`"),
            ref_span,
        ));
    };
    let ref_columns = match fk.referred_columns.as_slice() {
        [] => match &target.primary_key {
            Some(pk) => pk.columns.clone(),
            None => {
                let message = format!("table `{ref_table}` has no primary key to reference");
                return Err(ctx.error(ErrorKind::Schema, message, ref_span));
            }
        },
        named => named
            .iter()
            .map(|c| columns::existing(model, ctx, &ref_table, c))
            .collect::<Result<_, _>>()?,
    };
    let is_key = |key: &Key| {
        key.columns.len() == ref_columns.len()
            && ref_columns.iter().all(|c| key.columns.contains(c))
    };
    if !target.primary_key.iter().chain(&target.uniques).any(is_key) {
        let message = format!(
            "no primary key or unique constraint of `{ref_table}` matches ({})",
            ref_columns.join(", ")
        );
        return Err(ctx.error(ErrorKind::Schema, message, ref_span));
    }
    if ref_columns.len() != columns.len() {
        let message = format!(
            "foreign key of `{table}` has {} columns but references {}",
            columns.len(),
            ref_columns.len()
        );
        return Err(ctx.error(ErrorKind::Schema, message, ref_span));
    }
    let action =
        |action: Option<ReferentialAction>| match action.unwrap_or(ReferentialAction::NoAction) {
            ReferentialAction::NoAction => "NO ACTION",
            ReferentialAction::Restrict => "RESTRICT",
            ReferentialAction::Cascade => "CASCADE",
            ReferentialAction::SetNull => "SET NULL",
            ReferentialAction::SetDefault => "SET DEFAULT",
        };
    Ok(ForeignKey {
        name,
        columns,
        ref_table,
        ref_columns,
        on_delete: action(fk.on_delete),
        on_update: action(fk.on_update),
    })
}

/// Foreign keys of other tables that reference `columns` of `table` depend on them: dropped
/// with CASCADE, an error at `span` without.
pub fn drop_referencing(
    model: &mut Model,
    ctx: &Ctx,
    table: &str,
    columns: &[String],
    cascade: bool,
    span: Span,
) -> Result<(), BuildError> {
    for other in model.tables.iter_mut().filter(|t| t.name != table) {
        let references = |fk: &ForeignKey| {
            fk.ref_table == table && fk.ref_columns.iter().any(|c| columns.contains(c))
        };
        if let Some(fk) = other.foreign_keys.iter().find(|fk| references(fk))
            && !cascade
        {
            let message = format!(
                "foreign key `{}` of `{}` depends on `{table}`.({}) (add CASCADE to drop it too)",
                fk.name.name,
                other.name,
                fk.ref_columns.join(", ")
            );
            return Err(ctx.error(ErrorKind::Schema, message, span));
        }
        other.foreign_keys.retain(|fk| !references(fk));
    }
    Ok(())
}

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
