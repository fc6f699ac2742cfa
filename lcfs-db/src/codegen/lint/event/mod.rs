//! What a statement does, in the terms the lint rules and the classification ask about: one
//! statement becomes one or more events, from its syntax tree or (unparsed) from its words.

mod alter;
mod column;
mod tree;
mod words;

use sqlparser::tokenizer::Span;

use super::super::sql_type::SqlType;

pub use column::NewColumn;
pub use tree::from_tree;
pub use words::from_words;

/// A name and where the statement writes it.
pub type Named = (String, Span);

/// Tables, views and materialized views share one namespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    Table,
    View,
    MaterializedView,
}

/// A constraint being added to an existing table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConstraintKind {
    Check,
    ForeignKey,
    /// UNIQUE or PRIMARY KEY, building its index.
    Key,
    /// UNIQUE or PRIMARY KEY `USING INDEX`: an index built beforehand.
    KeyUsingIndex,
}

/// One thing a statement does.
#[derive(Debug, Clone)]
pub enum Event {
    CreateIndex {
        table: Named,
        concurrently: bool,
        unique: bool,
    },
    DropIndex {
        concurrently: bool,
    },
    AddColumn {
        table: String,
        column: NewColumn,
    },
    AddConstraint {
        table: Named,
        kind: ConstraintKind,
        name: Option<String>,
        not_valid: bool,
    },
    ValidateConstraint {
        table: String,
        name: Named,
    },
    SetNotNull {
        table: String,
        column: Named,
    },
    DropNotNull {
        table: String,
        column: Named,
    },
    DropDefault {
        table: String,
        column: Named,
    },
    /// `to` is `None` when the model cannot resolve the new type.
    SetType {
        table: String,
        column: Named,
        to: Option<SqlType>,
        using: bool,
    },
    DropColumn {
        table: String,
        column: Named,
    },
    RenameColumn {
        table: String,
        column: Named,
        to: String,
    },
    DropRelation {
        kind: Relation,
        name: Named,
    },
    RenameRelation {
        name: Named,
        to: String,
    },
    CreateFunction {
        name: String,
    },
    DropFunction {
        name: Named,
    },
    CreateTrigger {
        name: String,
    },
    DropTrigger {
        name: Named,
    },
    AddLabel {
        enum_type: String,
        label: String,
    },
    RenameLabel {
        enum_type: String,
        label: Named,
    },
    RenameType {
        name: Named,
    },
    DropType {
        name: Named,
    },
    Refresh {
        view: Named,
        concurrently: bool,
    },
    Vacuum {
        full: bool,
    },
    Cluster {
        span: Span,
    },
    RemoveRows {
        table: Named,
    },
    Revoke,
    /// SET, RESET, COMMENT, ANALYZE: nothing that needs a transaction or holds a lock for long.
    Harmless,
    /// Anything else: a statement with none of the hazards, that runs inside a transaction.
    Other,
}

impl Event {
    /// The relation the event locks against the application's writes (`SHARE` or stronger), as
    /// the statement names it, when the event names it.
    pub fn write_blocking_lock(&self) -> Option<&Named> {
        match self {
            Event::CreateIndex {
                table,
                concurrently: false,
                ..
            } => Some(table),
            Event::AddConstraint { table, .. } => Some(table),
            Event::DropRelation { name, .. } | Event::RenameRelation { name, .. } => Some(name),
            Event::Refresh { view, .. } => Some(view),
            _ => None,
        }
    }
}
