//! Statements the model passes over: they change no table's columns or constraints and no type.

use sqlparser::ast::{ObjectType, Statement};

/// Statements that change no table column and no type: data, code, grants, indexes, views.
pub fn is_shape_neutral(statement: &Statement) -> bool {
    matches!(
        statement,
        Statement::Query(_)
            | Statement::Insert(_)
            | Statement::Update(_)
            | Statement::Delete(_)
            | Statement::Merge(_)
            | Statement::Truncate(_)
            | Statement::Set(_)
            | Statement::Reset(_)
            | Statement::Discard { .. }
            | Statement::Analyze(_)
            | Statement::Vacuum(_)
            | Statement::Lock(_)
            | Statement::Call(_)
            | Statement::NOTIFY { .. }
            | Statement::Comment { .. }
            | Statement::CreateView(_)
            | Statement::RefreshMaterializedView(_)
            | Statement::AlterView(_)
            | Statement::CreateIndex(_)
            | Statement::AlterIndex { .. }
            | Statement::CreateFunction(_)
            | Statement::AlterFunction(_)
            | Statement::DropFunction(_)
            | Statement::CreateProcedure { .. }
            | Statement::DropProcedure { .. }
            | Statement::CreateTrigger(_)
            | Statement::AlterTrigger(_)
            | Statement::DropTrigger(_)
            | Statement::CreateAggregate(_)
            | Statement::CreateExtension(_)
            | Statement::DropExtension(_)
            | Statement::CreateSequence { .. }
            | Statement::CreateSchema { .. }
            | Statement::CreateRole(_)
            | Statement::AlterRole { .. }
            | Statement::Grant(_)
            | Statement::Revoke(_)
            | Statement::GrantRole(_)
            | Statement::RevokeRole(_)
            | Statement::AlterDefaultPrivileges(_)
            | Statement::CreatePolicy(_)
            | Statement::AlterPolicy(_)
            | Statement::DropPolicy(_)
            | Statement::CreateRule(_)
            | Statement::DropRule(_)
            | Statement::Drop {
                object_type: ObjectType::View
                    | ObjectType::MaterializedView
                    | ObjectType::Index
                    | ObjectType::Sequence
                    | ObjectType::Schema
                    | ObjectType::Role,
                ..
            }
    )
}
