//! A lint rule, as squawk writes them: a name, a one-line summary, why it matters, a statement
//! it flags and the safe way to write it; and what a rule sees when it looks at a statement.

use sqlparser::tokenizer::Span;

use super::super::model::Model;
use super::event::Event;
use super::existing::{Existing, Memory};

/// The line that separates the migrations of a multi-step example.
#[allow(
    dead_code,
    reason = "the tests split examples at it, the build does not"
)]
pub const NEXT_MIGRATION: &str = "-- then, in the next migration:";

/// One rule.
pub struct Rule {
    /// Kebab-case, as `accept` directives name it.
    pub name: &'static str,
    /// What the flagged statement does, in one line.
    #[allow(
        dead_code,
        reason = "`lcfs-db lint --rules` and the tests show it, the build does not"
    )]
    pub summary: &'static str,
    /// Why it is dangerous on a table with data and live traffic.
    pub why: &'static str,
    /// A migration the rule flags (its last statement), run after V001–V015 in the tests.
    #[allow(
        dead_code,
        reason = "`lcfs-db lint --rules` and the tests show it, the build does not"
    )]
    pub example: &'static str,
    /// The safe way to write it: migrations (separated by [`NEXT_MIGRATION`]) the rule passes.
    pub safe: &'static str,
    pub check: fn(&Cx) -> Vec<Flag>,
}

/// What a rule sees: the statement's events and text, the model before it, what existed before
/// the migration and what the migration's earlier statements did.
pub struct Cx<'a> {
    pub events: &'a [Event],
    pub text: &'a str,
    pub model: &'a Model,
    pub existing: &'a Existing,
    pub memory: &'a Memory,
    /// False for a `-- lcfs-db: no-transaction` migration.
    pub transactional: bool,
}

/// A statement a rule flags: the specific message, where to point, and the object whose
/// re-creation later in the same migration makes the flag a false alarm.
#[derive(Debug, Clone)]
pub struct Flag {
    pub message: String,
    pub span: Span,
    pub unless_recreated: Option<Recreated>,
}

/// An object dropped and created again in one migration: a replacement, not a removal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recreated {
    View(String),
    Function(String),
    Trigger(String),
    /// An enum type of this name with at least these labels.
    Enum(String, Vec<String>),
}

impl Flag {
    pub fn new(message: impl Into<String>, span: Span) -> Flag {
        Flag {
            message: message.into(),
            span,
            unless_recreated: None,
        }
    }

    pub fn unless_recreated(mut self, object: Recreated) -> Flag {
        self.unless_recreated = Some(object);
        self
    }
}

impl Cx<'_> {
    /// Whether `name` is a table, view or materialized view that existed before the migration.
    pub fn existed(&self, name: &str) -> bool {
        self.existing.relation(name)
    }

    /// The statement's first word, for flags about the statement as a whole.
    pub fn first_word(&self) -> Span {
        use sqlparser::tokenizer::Location;
        let length = self
            .text
            .chars()
            .take_while(|c| c.is_alphanumeric())
            .count();
        Span::new(Location::new(1, 1), Location::new(1, 1 + length as u64))
    }
}
