//! ALTER TYPE: RENAME TO, ADD VALUE [BEFORE | AFTER], RENAME VALUE.

use sqlparser::ast::{
    AlterType, AlterTypeAddValue, AlterTypeAddValuePosition, AlterTypeOperation,
    AlterTypeRenameValue,
};

use super::super::super::error::{BuildError, ErrorKind};
use super::super::super::model::Model;
use super::super::super::sql_name::ident_name;
use super::super::Ctx;
use super::{check_new_label, label_index};

pub fn alter(model: &mut Model, ctx: &Ctx, alter: &AlterType) -> Result<(), BuildError> {
    let (name, span) = ctx.name(&alter.name)?;
    if model.enum_type(&name).is_none() {
        return Err(ctx.error(
            ErrorKind::Schema,
            format!("unknown enum type `{name}`"),
            span,
        ));
    }
    match &alter.operation {
        AlterTypeOperation::Rename(rename) => {
            let (new_name, new_span) = (ident_name(&rename.new_name), rename.new_name.span);
            if model.enum_type(&new_name).is_some() || model.table(&new_name).is_some() {
                return Err(ctx.error(
                    ErrorKind::Schema,
                    format!("type `{new_name}` already exists"),
                    new_span,
                ));
            }
            for column in model.tables.iter_mut().flat_map(|t| &mut t.columns) {
                column.sql_type.rename_enum(&name, &new_name);
            }
            model.enum_type_mut(&name).expect("looked up above").name = new_name;
        }
        AlterTypeOperation::AddValue(AlterTypeAddValue {
            if_not_exists,
            value,
            position,
        }) => {
            let labels = &model.enum_type(&name).expect("looked up above").labels;
            if *if_not_exists && labels.contains(&value.value) {
                return Ok(());
            }
            check_new_label(ctx, &name, labels, value)?;
            let index = match position {
                None => labels.len(),
                Some(AlterTypeAddValuePosition::Before(neighbour)) => {
                    label_index(ctx, &name, labels, neighbour)?
                }
                Some(AlterTypeAddValuePosition::After(neighbour)) => {
                    label_index(ctx, &name, labels, neighbour)? + 1
                }
            };
            model
                .enum_type_mut(&name)
                .expect("looked up above")
                .labels
                .insert(index, value.value.clone());
        }
        AlterTypeOperation::RenameValue(AlterTypeRenameValue { from, to }) => {
            let labels = &model.enum_type(&name).expect("looked up above").labels;
            let index = label_index(ctx, &name, labels, from)?;
            check_new_label(ctx, &name, labels, to)?;
            model.enum_type_mut(&name).expect("looked up above").labels[index]
                .clone_from(&to.value);
        }
    }
    Ok(())
}
