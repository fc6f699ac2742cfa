//! One migration being linted: each statement looked at before it is replayed, the findings
//! and changes gathered, then settled once the whole migration is known (replacements).

use sqlparser::ast;

use super::super::error::BuildError;
use super::super::model::Model;
use super::super::source::{Location, SourceFile};
use super::super::split::Statement;
use super::event::{self, Event};
use super::existing::{Existing, Memory};
use super::rule::{Cx, Flag, Recreated, Rule};
use super::{RULES, Verdict, accept, changes, class};

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
    changes: Vec<changes::Change>,
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
        self.changes.extend(changes::changes(&cx, line));
        for event in &events {
            self.memory.follow_lock(event, &self.existing, model);
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
