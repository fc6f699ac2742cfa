//! Events from a parsed statement.

use sqlparser::ast::{self, AlterTypeOperation, AlterViewOperation, ObjectType, TableFactor};

use super::super::super::model::Model;
use super::super::super::sql_name::unqualified;
use super::{Event, Relation, alter};

/// The events of a parsed statement, the model being the schema before it.
pub fn from_tree(statement: &ast::Statement, model: &Model) -> Vec<Event> {
    let name = |object: &ast::ObjectName| unqualified(object).ok();
    match statement {
        ast::Statement::AlterTable(alter) => match name(&alter.name) {
            Some((table, span)) => alter
                .operations
                .iter()
                .map(|operation| alter::alter_table(&table, span, operation, model))
                .collect(),
            None => vec![Event::Other],
        },
        ast::Statement::AlterView(alter) => match (&alter.operation, name(&alter.name)) {
            (AlterViewOperation::RenameTo { new_name }, Some(old)) => name(new_name)
                .map(|(to, _)| Event::RenameRelation { name: old, to })
                .into_iter()
                .collect(),
            _ => vec![Event::Other],
        },
        ast::Statement::Drop {
            object_type, names, ..
        } => {
            let named = names.iter().filter_map(name);
            match object_type {
                ObjectType::Table => named
                    .map(|name| Event::DropRelation {
                        kind: Relation::Table,
                        name,
                    })
                    .collect(),
                ObjectType::View => named
                    .map(|name| Event::DropRelation {
                        kind: Relation::View,
                        name,
                    })
                    .collect(),
                ObjectType::MaterializedView => named
                    .map(|name| Event::DropRelation {
                        kind: Relation::MaterializedView,
                        name,
                    })
                    .collect(),
                ObjectType::Type => named.map(|name| Event::DropType { name }).collect(),
                ObjectType::Index => vec![Event::DropIndex {
                    concurrently: false,
                }],
                _ => vec![Event::Other],
            }
        }
        ast::Statement::CreateIndex(create) => match name(&create.table_name) {
            Some(table) => vec![Event::CreateIndex {
                table,
                concurrently: create.concurrently,
                unique: create.unique,
            }],
            None => vec![Event::Other],
        },
        ast::Statement::AlterType(alter) => match name(&alter.name) {
            Some((enum_type, span)) => vec![match &alter.operation {
                AlterTypeOperation::AddValue(add) => Event::AddLabel {
                    enum_type,
                    label: add.value.value.clone(),
                },
                AlterTypeOperation::RenameValue(rename) => Event::RenameLabel {
                    enum_type,
                    label: (rename.from.value.clone(), rename.from.span),
                },
                AlterTypeOperation::Rename(_) => Event::RenameType {
                    name: (enum_type, span),
                },
            }],
            None => vec![Event::Other],
        },
        ast::Statement::CreateFunction(create) => name(&create.name)
            .map(|(name, _)| Event::CreateFunction { name })
            .into_iter()
            .collect(),
        ast::Statement::DropFunction(drop) => drop
            .func_desc
            .iter()
            .filter_map(|f| name(&f.name))
            .map(|name| Event::DropFunction { name })
            .collect(),
        ast::Statement::CreateTrigger(create) => name(&create.name)
            .map(|(name, _)| Event::CreateTrigger { name })
            .into_iter()
            .collect(),
        ast::Statement::DropTrigger(drop) => name(&drop.trigger_name)
            .map(|name| Event::DropTrigger { name })
            .into_iter()
            .collect(),
        ast::Statement::RefreshMaterializedView(refresh) => match name(&refresh.name) {
            Some(view) => vec![Event::Refresh {
                view,
                concurrently: refresh.concurrently,
            }],
            None => vec![Event::Other],
        },
        ast::Statement::Vacuum(vacuum) => vec![Event::Vacuum { full: vacuum.full }],
        ast::Statement::Truncate(truncate) => truncate
            .table_names
            .iter()
            .filter_map(|target| name(&target.name))
            .map(|table| Event::RemoveRows { table })
            .collect(),
        ast::Statement::Delete(delete) => {
            let (ast::FromTable::WithFromKeyword(from) | ast::FromTable::WithoutKeyword(from)) =
                &delete.from;
            from.iter()
                .filter_map(|t| match &t.relation {
                    TableFactor::Table { name: table, .. } => name(table),
                    _ => None,
                })
                .map(|table| Event::RemoveRows { table })
                .collect()
        }
        ast::Statement::Revoke(_) => vec![Event::Revoke],
        ast::Statement::Set(_)
        | ast::Statement::Reset(_)
        | ast::Statement::Comment { .. }
        | ast::Statement::Analyze(_) => vec![Event::Harmless],
        _ => vec![Event::Other],
    }
}
