//! The lint: each statement of a migration checked against rules for locking and compatibility
//! hazards, knowing from the replayed model what existed before the migration (a table the
//! migration creates itself is exempt); and the migration's class, expand or contract, from the
//! same events. `docs/migration-rules.md` lists the rules and why each was chosen.

mod accept;
mod class;
mod event;
mod existing;
mod rule;

mod add_column_rewrites_table;
mod adding_required_field;
mod changing_column_type;
mod constraint_missing_not_valid;
mod drop_column;
mod drop_table;
mod drop_view;
mod enum_label_used_before_commit;
mod no_transaction_mixes_ddl;
mod remove_enum_label;
mod rename_column;
mod rename_table_or_view;
mod require_concurrent_index;
mod require_concurrent_refresh;
mod requires_no_transaction;
mod set_not_null_without_check;
mod vacuum_full_or_cluster;
mod validate_in_same_transaction;

pub use class::{Class, Verdict};
#[allow(
    unused_imports,
    reason = "the tests split examples at it, the build does not"
)]
pub use rule::NEXT_MIGRATION;
pub use rule::Rule;

use sqlparser::ast;

use super::error::BuildError;
use super::model::Model;
use super::source::{Location, SourceFile};
use super::split::Statement;
use event::Event;
use existing::{Existing, Memory};
use rule::{Cx, Flag, Recreated};

/// Every rule: locking hazards first, then compatibility hazards.
pub const RULES: &[&Rule] = &[
    &require_concurrent_index::RULE,
    &constraint_missing_not_valid::RULE,
    &validate_in_same_transaction::RULE,
    &set_not_null_without_check::RULE,
    &changing_column_type::RULE,
    &add_column_rewrites_table::RULE,
    &adding_required_field::RULE,
    &vacuum_full_or_cluster::RULE,
    &require_concurrent_refresh::RULE,
    &requires_no_transaction::RULE,
    &no_transaction_mixes_ddl::RULE,
    &enum_label_used_before_commit::RULE,
    &drop_column::RULE,
    &drop_table::RULE,
    &drop_view::RULE,
    &rename_column::RULE,
    &rename_table_or_view::RULE,
    &remove_enum_label::RULE,
];

/// A statement a rule flagged.
pub struct Finding {
    pub rule: &'static Rule,
    pub flag: Flag,
    /// Byte offset of the flagged statement in its file.
    pub statement: usize,
    pub location: Location,
}

/// One migration being linted, statement by statement, each before it is replayed.
pub struct MigrationLint<'a> {
    file: &'a SourceFile,
    transactional: bool,
    existing: Existing,
    memory: Memory,
    findings: Vec<Finding>,
    changes: Vec<class::Change>,
    statements: Vec<usize>,
}

impl<'a> MigrationLint<'a> {
    /// `model` is the schema before the migration.
    pub fn new(file: &'a SourceFile, model: &Model, transactional: bool) -> Self {
        MigrationLint {
            file,
            transactional,
            existing: Existing::of(model),
            memory: Memory::default(),
            findings: Vec::new(),
            changes: Vec::new(),
            statements: Vec::new(),
        }
    }

    /// Looks at `statement` (`tree` when it parsed), `model` being the schema just before it.
    pub fn statement(
        &mut self,
        model: &Model,
        statement: &Statement,
        tree: Option<&ast::Statement>,
    ) {
        let events: Vec<Event> = match tree {
            Some(tree) => event::from_tree(tree, model),
            None => event::from_words(statement.text),
        };
        let cx = Cx {
            events: &events,
            text: statement.text,
            model,
            existing: &self.existing,
            memory: &self.memory,
            transactional: self.transactional,
        };
        for rule in RULES {
            // One finding per rule and statement: the first flag says it.
            if let Some(flag) = (rule.check)(&cx).into_iter().next() {
                let location = self.file.at_span(statement.offset, flag.span);
                self.findings.push(Finding {
                    rule,
                    flag,
                    statement: statement.offset,
                    location,
                });
            }
        }
        let line = self.file.text[..statement.offset].matches('\n').count() + 1;
        self.changes.extend(class::changes(&cx, line));
        for event in &events {
            self.existing.follow(event);
            self.memory.follow(event);
        }
        self.statements.push(statement.offset);
    }

    /// After the last statement was replayed into `model`: the migration's verdict, or every
    /// finding no directive accepts and every directive that is wrong.
    pub fn finish(self, model: &Model) -> Result<Verdict, BuildError> {
        let stands = |object: &Option<Recreated>| match object {
            None => true,
            Some(object) => !recreated(model, &self.memory, object),
        };
        let findings = self
            .findings
            .into_iter()
            .filter(|f| stands(&f.flag.unless_recreated));
        let (accepted, mut errors) =
            accept::resolve(self.file, &self.statements, findings.collect());
        let changes: Vec<_> = self
            .changes
            .into_iter()
            .filter(|c| stands(&c.unless_recreated))
            .collect();
        match class::verdict(self.file, &changes, accepted) {
            Ok(verdict) if errors.is_empty() => Ok(verdict),
            Ok(_) => Err(BuildError::all(errors).expect("not empty")),
            Err(error) => {
                errors.push(error);
                Err(BuildError::all(errors).expect("not empty"))
            }
        }
    }
}

/// The rule called `name`.
pub fn rule(name: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|rule| rule.name == name)
}

fn recreated(model: &Model, memory: &Memory, object: &Recreated) -> bool {
    match object {
        Recreated::View(name) => model.views.contains(name),
        Recreated::Function(name) => memory.functions.contains(name),
        Recreated::Trigger(name) => memory.triggers.contains(name),
        Recreated::Enum(name, labels) => model
            .enum_type(name)
            .is_some_and(|e| labels.iter().all(|l| e.labels.contains(l))),
    }
}
