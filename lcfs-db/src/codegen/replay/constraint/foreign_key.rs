//! Foreign keys: the referenced table and key, the referential actions, and the foreign keys
//! that depend on a key or column being dropped.

use sqlparser::ast::{ForeignKeyConstraint, ReferentialAction};
use sqlparser::tokenizer::Span;

use super::super::super::error::{BuildError, ErrorKind};
use super::super::super::model::{ConstraintName, ForeignKey, Key, Model};
use super::super::{Ctx, columns};

pub fn foreign_key(
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
