//! Replaying the migrations' statements, in order, into the schema model, the way PostgreSQL
//! would apply them: a statement about an unknown table, column, type or constraint stops the
//! build at its position, and a statement that changes tables or types in a way the model does
//! not follow stops it too rather than leaving the model wrong.

mod alter;
mod alter_column;
mod columns;
mod comments;
mod constraint;
mod enums;
mod neutral;
mod renames;
mod schemas;
mod tables;
mod views;
mod written;

pub use views::passed_through;

use sqlparser::ast::{CommentObject, ObjectName, ObjectType, Statement};
use sqlparser::tokenizer::{Location as SqlLocation, Span};

use super::error::{BuildError, ErrorKind};
use super::model::Model;
use super::source::{Location, SourceFile};
use super::{split, sql_name};

/// The statement being replayed: where it is, and the migration it belongs to.
pub struct Ctx<'a> {
    pub file: &'a SourceFile,
    pub statement: &'a split::Statement<'a>,
    /// The migration's name: the domain of the tables it creates.
    pub domain: &'a str,
}

impl Ctx<'_> {
    pub fn at(&self, span: Span) -> Location {
        self.file.at_span(self.statement.offset, span)
    }

    pub fn error(&self, kind: ErrorKind, message: impl Into<String>, span: Span) -> BuildError {
        BuildError::new(kind, message).at(self.at(span))
    }

    /// An object's name in `public`.
    pub fn name(&self, name: &ObjectName) -> Result<(String, Span), BuildError> {
        sql_name::unqualified(name)
            .map_err(|(message, span)| self.error(ErrorKind::Schema, message, span))
    }

    /// The statement's first word, for errors about the statement as a whole.
    pub fn first_word(&self) -> Span {
        let length = self
            .statement
            .text
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .count();
        Span::new(
            SqlLocation::new(1, 1),
            SqlLocation::new(1, 1 + length as u64),
        )
    }

    /// An error about a form the model does not follow, at `span`.
    pub fn not_modelled(&self, what: impl std::fmt::Display, span: Span) -> BuildError {
        let message = format!("{what} is not followed by the schema model");
        self.error(ErrorKind::Schema, message, span)
    }
}

/// Applies one statement to the model.
pub fn apply(model: &mut Model, ctx: &Ctx, statement: &Statement) -> Result<(), BuildError> {
    if schemas::track(model, statement) || schemas::only_private_tables(model, statement) {
        return Ok(());
    }
    match statement {
        Statement::CreateTable(create) => tables::create(model, ctx, create),
        Statement::AlterTable(alter) => alter::alter_table(model, ctx, alter),
        Statement::Drop {
            object_type: ObjectType::Table,
            if_exists,
            names,
            cascade,
            ..
        } => {
            let public: Vec<ObjectName> = names
                .iter()
                .filter(|name| !schemas::is_private(model, name, 1))
                .cloned()
                .collect();
            tables::drop(model, ctx, &public, *if_exists, *cascade)
        }
        Statement::CreateType {
            name,
            representation,
        } => enums::create(model, ctx, name, representation.as_ref()),
        Statement::AlterType(alter) => enums::alter(model, ctx, alter),
        Statement::Drop {
            object_type: ObjectType::Type,
            if_exists,
            names,
            ..
        } => enums::drop(model, ctx, names, *if_exists),
        Statement::Comment {
            object_type: CommentObject::Table,
            object_name,
            comment,
            ..
        } => comments::comment_on_table(model, ctx, object_name, comment.clone()),
        Statement::Comment {
            object_type: CommentObject::Column,
            object_name,
            comment,
            ..
        } => comments::comment_on_column(model, ctx, object_name, comment.clone()),
        Statement::CreateView(create) => views::create(model, ctx, &create.name),
        Statement::Drop {
            object_type: ObjectType::View | ObjectType::MaterializedView,
            names,
            ..
        } => views::drop(model, ctx, names),
        Statement::StartTransaction { .. }
        | Statement::Commit { .. }
        | Statement::Rollback { .. }
        | Statement::Savepoint { .. }
        | Statement::ReleaseSavepoint { .. } => Err(ctx.error(
            ErrorKind::Schema,
            "transaction control belongs to the migrator: a migration runs in one transaction, \
             or statement by statement when its first line is `-- lcfs-db: no-transaction`",
            ctx.first_word(),
        )),
        statement if neutral::is_shape_neutral(statement) => Ok(()),
        _ => {
            let words: Vec<&str> = ctx.statement.text.split_whitespace().take(2).collect();
            let what = format!("`{}`", words.join(" ").to_uppercase());
            Err(ctx.not_modelled(what, ctx.first_word()))
        }
    }
}
