//! What existed before the migration being linted, followed through its renames and drops, and
//! what its earlier statements did: the facts the rules need beyond the statement itself.

use std::collections::{BTreeMap, BTreeSet};

use super::super::model::Model;
use super::event::Event;

/// The tables, views, columns and enum labels that existed when the migration started. A
/// table created by the migration itself is not here: statements on it hurt no one.
#[derive(Debug, Default)]
pub struct Existing {
    relations: BTreeSet<String>,
    columns: BTreeSet<(String, String)>,
    enums: BTreeMap<String, Vec<String>>,
}

/// What earlier statements of the migration did that later ones depend on.
#[derive(Debug, Default)]
pub struct Memory {
    /// Enum labels added (type, label).
    pub added_labels: Vec<(String, String)>,
    /// Constraints added `NOT VALID` (table, constraint).
    pub not_valid: Vec<(String, String)>,
    pub functions: BTreeSet<String>,
    pub triggers: BTreeSet<String>,
    /// Relations that existed before the migration and that earlier statements locked against
    /// writes, each with whether it is a view or materialized view.
    pub write_locked: BTreeMap<String, bool>,
}

impl Existing {
    pub fn of(model: &Model) -> Existing {
        let tables = model.tables.iter().map(|t| t.name.clone());
        Existing {
            relations: tables.chain(model.views.iter().cloned()).collect(),
            columns: model
                .tables
                .iter()
                .flat_map(|t| t.columns.iter().map(|c| (t.name.clone(), c.name.clone())))
                .collect(),
            enums: model
                .enums
                .iter()
                .map(|e| (e.name.clone(), e.labels.clone()))
                .collect(),
        }
    }

    pub fn relation(&self, name: &str) -> bool {
        self.relations.contains(name)
    }

    pub fn column(&self, table: &str, column: &str) -> bool {
        self.columns
            .contains(&(table.to_owned(), column.to_owned()))
    }

    /// The labels of an enum type that existed before the migration.
    pub fn labels(&self, enum_type: &str) -> Option<&[String]> {
        self.enums.get(enum_type).map(Vec::as_slice)
    }

    /// Follows a rename or drop, so that the old object keeps counting as old under its new name.
    pub fn follow(&mut self, event: &Event) {
        match event {
            Event::RenameRelation { name, to } if self.relations.remove(&name.0) => {
                self.relations.insert(to.clone());
                let moved: Vec<_> = self
                    .columns
                    .iter()
                    .filter(|(t, _)| *t == name.0)
                    .cloned()
                    .collect();
                for (table, column) in moved {
                    self.columns.remove(&(table, column.clone()));
                    self.columns.insert((to.clone(), column));
                }
            }
            Event::DropRelation { name, .. } => {
                self.relations.remove(&name.0);
            }
            Event::RenameColumn { table, column, to }
                if self.columns.remove(&(table.clone(), column.0.clone())) =>
            {
                self.columns.insert((table.clone(), to.clone()));
            }
            Event::DropColumn { table, column } => {
                self.columns.remove(&(table.clone(), column.0.clone()));
            }
            _ => {}
        }
    }
}

impl Memory {
    /// Notes the lock `event` takes, `existing` and `model` being as before the statement.
    pub fn follow_lock(&mut self, event: &Event, existing: &Existing, model: &Model) {
        if let Some((name, _)) = event.write_blocking_lock()
            && existing.relation(name)
        {
            let view = model.views.contains(name);
            self.write_locked.insert(name.clone(), view);
        }
    }

    pub fn follow(&mut self, event: &Event) {
        match event {
            Event::AddLabel { enum_type, label } => {
                self.added_labels.push((enum_type.clone(), label.clone()))
            }
            Event::AddConstraint {
                table,
                name: Some(name),
                not_valid: true,
                ..
            } => self.not_valid.push((table.0.clone(), name.clone())),
            Event::CreateFunction { name } => {
                self.functions.insert(name.clone());
            }
            Event::CreateTrigger { name } => {
                self.triggers.insert(name.clone());
            }
            _ => {}
        }
    }
}
