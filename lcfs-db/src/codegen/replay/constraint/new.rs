//! Constraints as written, on a column or on the table, gathered before any is added.

use sqlparser::ast::{
    CheckConstraint, ColumnOption, ColumnOptionDef, Expr, ForeignKeyConstraint, Ident, IndexColumn,
    Spanned, TableConstraint,
};

use super::super::super::error::BuildError;
use super::super::Ctx;

/// A constraint to add, from a column option or a table constraint.
pub struct NewConstraint<'a> {
    pub name: Option<&'a Ident>,
    pub columns: Vec<&'a Ident>,
    pub kind: Kind<'a>,
}

pub enum Kind<'a> {
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
