//! CREATE TABLE and DROP TABLE.

use sqlparser::ast::{CreateTable, ObjectName, Spanned};

use super::super::error::{BuildError, ErrorKind};
use super::super::model::{Model, Table};
use super::{Ctx, columns, constraint};

pub fn create(model: &mut Model, ctx: &Ctx, create: &CreateTable) -> Result<(), BuildError> {
    let (name, span) = ctx.name(&create.name)?;
    let unsupported = [
        (create.query.is_some(), "CREATE TABLE … AS"),
        (create.like.is_some(), "CREATE TABLE (LIKE …)"),
        (create.clone.is_some(), "CREATE TABLE … CLONE"),
        (create.inherits.is_some(), "CREATE TABLE … INHERITS"),
        (
            create.partition_by.is_some() || create.partition_of.is_some(),
            "a partitioned table",
        ),
        (create.temporary, "a temporary table"),
        (
            create.external || create.or_replace,
            "this form of CREATE TABLE",
        ),
    ];
    if let Some((_, what)) = unsupported.iter().find(|(present, _)| *present) {
        return Err(ctx.not_modelled(what, create.name.span()));
    }
    if model.table(&name).is_some() {
        if create.if_not_exists {
            return Ok(());
        }
        return Err(ctx.error(
            ErrorKind::Schema,
            format!("table `{name}` already exists"),
            span,
        ));
    }
    if model.enum_type(&name).is_some() {
        let message = format!("type `{name}` already exists: a table's row type takes its name");
        return Err(ctx.error(ErrorKind::Schema, message, span));
    }
    model.tables.push(Table {
        name: name.clone(),
        domain: ctx.domain.to_owned(),
        comment: None,
        columns: Vec::new(),
        primary_key: None,
        foreign_keys: Vec::new(),
        uniques: Vec::new(),
        checks: Vec::new(),
        origin: ctx.at(span),
    });
    let mut constraints = Vec::new();
    for column in &create.columns {
        constraints.extend(columns::add(model, ctx, &name, column)?);
    }
    for table_constraint in &create.constraints {
        constraints.push(constraint::from_table(ctx, table_constraint)?);
    }
    constraint::add_all(model, ctx, &name, constraints)
}

/// A table by name, or an error at `span` naming it.
pub fn existing<'m>(
    model: &'m mut Model,
    ctx: &Ctx,
    name: &ObjectName,
) -> Result<&'m mut Table, BuildError> {
    let (name, span) = ctx.name(name)?;
    model
        .table_mut(&name)
        .ok_or_else(|| ctx.error(ErrorKind::Schema, format!("unknown table `{name}`"), span))
}

pub fn drop(
    model: &mut Model,
    ctx: &Ctx,
    names: &[ObjectName],
    if_exists: bool,
    cascade: bool,
) -> Result<(), BuildError> {
    let mut dropped = Vec::new();
    for object in names {
        let (name, span) = ctx.name(object)?;
        match model.table(&name) {
            Some(_) => dropped.push((name, span)),
            None if if_exists => {}
            None => {
                return Err(ctx.error(ErrorKind::Schema, format!("unknown table `{name}`"), span));
            }
        }
    }
    for (name, span) in &dropped {
        let others = dropped.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>();
        for table in model
            .tables
            .iter_mut()
            .filter(|t| !others.contains(&t.name.as_str()))
        {
            if let Some(fk) = table.foreign_keys.iter().find(|fk| &fk.ref_table == name)
                && !cascade
            {
                let message = format!(
                    "cannot drop table `{name}`: foreign key `{}` of `{}` references it (add CASCADE to drop that too)",
                    fk.name.name, table.name
                );
                return Err(ctx.error(ErrorKind::Schema, message, *span));
            }
            table.foreign_keys.retain(|fk| &fk.ref_table != name);
        }
    }
    model
        .tables
        .retain(|t| !dropped.iter().any(|(name, _)| *name == t.name));
    Ok(())
}
