//! CREATE TYPE … AS ENUM, ALTER TYPE (ADD VALUE, RENAME VALUE, RENAME TO) and DROP TYPE.

mod alter;

use sqlparser::ast::{Ident, ObjectName, Spanned, UserDefinedTypeRepresentation};

use super::super::error::{BuildError, ErrorKind};
use super::super::model::{EnumType, Model};
use super::Ctx;

pub use alter::alter;

/// PostgreSQL keeps enum labels in a `name`: at most 63 bytes.
const MAX_LABEL_BYTES: usize = 63;

pub fn create(
    model: &mut Model,
    ctx: &Ctx,
    name: &ObjectName,
    representation: Option<&UserDefinedTypeRepresentation>,
) -> Result<(), BuildError> {
    let (name, span) = ctx.name(name)?;
    let Some(UserDefinedTypeRepresentation::Enum { labels: written }) = representation else {
        return Err(ctx.not_modelled("a type that is not an enum", span));
    };
    if model.enum_type(&name).is_some() || model.table(&name).is_some() {
        return Err(ctx.error(
            ErrorKind::Schema,
            format!("type `{name}` already exists"),
            span,
        ));
    }
    let mut labels: Vec<String> = Vec::with_capacity(written.len());
    for label in written {
        check_new_label(ctx, &name, &labels, label)?;
        labels.push(label.value.clone());
    }
    model.enums.push(EnumType {
        name,
        labels,
        origin: ctx.at(span),
    });
    Ok(())
}

pub fn drop(
    model: &mut Model,
    ctx: &Ctx,
    names: &[ObjectName],
    if_exists: bool,
) -> Result<(), BuildError> {
    for object in names {
        let (name, span) = ctx.name(object)?;
        if model.enum_type(&name).is_none() {
            if if_exists {
                continue;
            }
            return Err(ctx.error(
                ErrorKind::Schema,
                format!("unknown enum type `{name}`"),
                object.span(),
            ));
        }
        let users = model
            .tables
            .iter()
            .flat_map(|t| t.columns.iter().map(move |c| (t, c)));
        if let Some((table, column)) = users.into_iter().find(|(_, c)| c.sql_type.uses_enum(&name))
        {
            let message = format!(
                "cannot drop type `{name}`: column `{}.{}` uses it (drop or change the column first)",
                table.name, column.name
            );
            return Err(ctx.error(ErrorKind::Schema, message, span));
        }
        model.enums.retain(|e| e.name != name);
    }
    Ok(())
}

pub fn check_new_label(
    ctx: &Ctx,
    type_name: &str,
    labels: &[String],
    label: &Ident,
) -> Result<(), BuildError> {
    let problem = if labels.contains(&label.value) {
        format!("enum `{type_name}` already has the label '{}'", label.value)
    } else if label.value.len() > MAX_LABEL_BYTES {
        format!(
            "enum label '{}' is longer than {MAX_LABEL_BYTES} bytes",
            label.value
        )
    } else {
        return Ok(());
    };
    Err(ctx.error(ErrorKind::Schema, problem, label.span))
}

pub fn label_index(
    ctx: &Ctx,
    type_name: &str,
    labels: &[String],
    label: &Ident,
) -> Result<usize, BuildError> {
    labels
        .iter()
        .position(|l| *l == label.value)
        .ok_or_else(|| {
            ctx.error(
                ErrorKind::Schema,
                format!("enum `{type_name}` has no label '{}'", label.value),
                label.span,
            )
        })
}
