//! Schemas besides `public` that the migrations create for their own bookkeeping (V017's
//! `lcfs_db`): their tables get no row struct, no ERD entry and no model, so they are passed over.

use sqlparser::ast::{CommentObject, ObjectName, ObjectType, SchemaName, Statement};

use super::super::model::Model;
use super::super::sql_name::{ident_name, schema_of};

/// Notes `CREATE SCHEMA` and forgets `DROP SCHEMA`; false for any other statement.
pub fn track(model: &mut Model, statement: &Statement) -> bool {
    match statement {
        Statement::CreateSchema {
            schema_name: SchemaName::Simple(name) | SchemaName::NamedAuthorization(name, _),
            ..
        } => {
            let name = schema_name(name);
            if name != "public" && !model.schemas.contains(&name) {
                model.schemas.push(name);
            }
            true
        }
        Statement::CreateSchema { .. } => true,
        Statement::Drop {
            object_type: ObjectType::Schema,
            names,
            ..
        } => {
            let dropped: Vec<String> = names.iter().map(schema_name).collect();
            model.schemas.retain(|s| !dropped.contains(s));
            true
        }
        _ => false,
    }
}

/// Whether `name` (of `parts` parts without its schema) is qualified by a schema an earlier
/// statement created: such an object is not modelled.
pub fn is_private(model: &Model, name: &ObjectName, parts: usize) -> bool {
    schema_of(name, parts).is_some_and(|schema| model.schemas.contains(&schema))
}

/// Whether the statement creates, changes, drops or comments on tables in private schemas only.
pub fn only_private_tables(model: &Model, statement: &Statement) -> bool {
    match statement {
        Statement::CreateTable(create) => is_private(model, &create.name, 1),
        Statement::AlterTable(alter) => is_private(model, &alter.name, 1),
        Statement::Drop {
            object_type: ObjectType::Table,
            names,
            ..
        } => names.iter().all(|name| is_private(model, name, 1)),
        Statement::Comment {
            object_type: CommentObject::Table,
            object_name,
            ..
        } => is_private(model, object_name, 1),
        Statement::Comment {
            object_type: CommentObject::Column,
            object_name,
            ..
        } => is_private(model, object_name, 2),
        _ => false,
    }
}

/// A schema's name as PostgreSQL folds it.
fn schema_name(name: &ObjectName) -> String {
    name.0
        .last()
        .and_then(|part| part.as_ident())
        .map(ident_name)
        .unwrap_or_default()
}
