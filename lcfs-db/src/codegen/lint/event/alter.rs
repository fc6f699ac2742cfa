//! Events from the operations of `ALTER TABLE`.

use sqlparser::ast::{
    self, AlterColumnOperation, AlterTableOperation, RenameTableNameKind, TableConstraint,
};
use sqlparser::tokenizer::Span;

use super::super::super::model::Model;
use super::super::super::sql_name::{ident_name, unqualified};
use super::super::super::sql_type;
use super::{ConstraintKind, Event, column};

pub fn alter_table(
    table: &str,
    span: Span,
    operation: &AlterTableOperation,
    model: &Model,
) -> Event {
    let table_owned = table.to_owned();
    match operation {
        AlterTableOperation::AddColumn { column_def, .. } => Event::AddColumn {
            table: table_owned,
            column: column::new_column(column_def),
        },
        AlterTableOperation::DropColumn { column_names, .. } => match column_names.first() {
            Some(column) => Event::DropColumn {
                table: table_owned,
                column: (ident_name(column), column.span),
            },
            None => Event::Other,
        },
        AlterTableOperation::RenameColumn {
            old_column_name,
            new_column_name,
        } => Event::RenameColumn {
            table: table_owned,
            column: (ident_name(old_column_name), old_column_name.span),
            to: ident_name(new_column_name),
        },
        AlterTableOperation::RenameTable {
            table_name: RenameTableNameKind::To(to),
        } => match unqualified(to) {
            Ok((to, _)) => Event::RenameRelation {
                name: (table_owned, span),
                to,
            },
            Err(_) => Event::Other,
        },
        AlterTableOperation::AddConstraint {
            constraint,
            not_valid,
        } => {
            let kind = match constraint {
                TableConstraint::Check(_) => ConstraintKind::Check,
                TableConstraint::ForeignKey(_) => ConstraintKind::ForeignKey,
                TableConstraint::Unique(_) | TableConstraint::PrimaryKey(_) => ConstraintKind::Key,
                TableConstraint::UniqueUsingIndex(_) | TableConstraint::PrimaryKeyUsingIndex(_) => {
                    ConstraintKind::KeyUsingIndex
                }
                _ => return Event::Other,
            };
            let name = constraint_name(constraint);
            let at = name.as_ref().map_or(span, |n| n.span);
            Event::AddConstraint {
                table: (table_owned, at),
                kind,
                name: name.map(ident_name),
                not_valid: *not_valid,
            }
        }
        AlterTableOperation::ValidateConstraint { name } => Event::ValidateConstraint {
            table: table_owned,
            name: (ident_name(name), name.span),
        },
        AlterTableOperation::AlterColumn { column_name, op } => {
            let column = (ident_name(column_name), column_name.span);
            match op {
                AlterColumnOperation::SetNotNull => Event::SetNotNull {
                    table: table_owned,
                    column,
                },
                AlterColumnOperation::DropNotNull => Event::DropNotNull {
                    table: table_owned,
                    column,
                },
                AlterColumnOperation::DropDefault => Event::DropDefault {
                    table: table_owned,
                    column,
                },
                AlterColumnOperation::SetDataType {
                    data_type, using, ..
                } => Event::SetType {
                    table: table_owned,
                    column,
                    to: sql_type::resolve(data_type, &|n| model.enum_type(n).is_some())
                        .ok()
                        .map(|resolved| resolved.sql_type),
                    using: using.is_some(),
                },
                _ => Event::Other,
            }
        }
        _ => Event::Other,
    }
}

fn constraint_name(constraint: &TableConstraint) -> Option<&ast::Ident> {
    match constraint {
        TableConstraint::Check(c) => c.name.as_ref(),
        TableConstraint::ForeignKey(c) => c.name.as_ref(),
        TableConstraint::Unique(c) => c.name.as_ref(),
        TableConstraint::PrimaryKey(c) => c.name.as_ref(),
        TableConstraint::UniqueUsingIndex(c) | TableConstraint::PrimaryKeyUsingIndex(c) => {
            c.name.as_ref()
        }
        _ => None,
    }
}
