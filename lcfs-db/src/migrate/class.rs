//! A migration's class, computed by the build's lint or set by its header directive: whether
//! old code keeps working once it is applied. The history records it for older binaries.

use std::fmt;

use super::Migration;
use crate::directive::{self, CLASS};

/// Whether old code keeps working once a migration is applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Class {
    /// Only additions, and changes old code cannot observe: binaries that do not know the
    /// migration keep running on a database it was applied to.
    Expand,
    /// Removes, renames or narrows something old code may use.
    Contract,
}

impl Class {
    /// The spelling of directives and of the history table: `expand` or `contract`.
    pub fn as_str(self) -> &'static str {
        match self {
            Class::Expand => "expand",
            Class::Contract => "contract",
        }
    }

    /// Reads [`Class::as_str`]'s spelling.
    pub fn parse(text: &str) -> Option<Class> {
        match text {
            "expand" => Some(Class::Expand),
            "contract" => Some(Class::Contract),
            _ => None,
        }
    }
}

impl fmt::Display for Class {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A lint finding a migration accepts on purpose (`-- lcfs-db: accept <rule> because
/// <reason>`), with the author's reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Accepted {
    rule: &'static str,
    reason: &'static str,
    line: usize,
}

impl Accepted {
    /// Used by the generated migration list; not meant to be called by hand.
    #[doc(hidden)]
    pub const fn new(rule: &'static str, reason: &'static str, line: usize) -> Self {
        Accepted { rule, reason, line }
    }

    /// The lint rule, e.g. `drop-column`.
    pub fn rule(&self) -> &'static str {
        self.rule
    }

    /// Why the author accepts it.
    pub fn reason(&self) -> &'static str {
        self.reason
    }

    /// 1-based line of the accepted statement in the up file.
    pub fn line(&self) -> usize {
        self.line
    }
}

impl Migration {
    /// Used by the generated migration list; not meant to be called by hand.
    #[doc(hidden)]
    pub const fn classified(
        mut self,
        class: Class,
        reason: &'static str,
        by_directive: bool,
        accepted: &'static [Accepted],
    ) -> Self {
        self.class = Some(class);
        self.class_reason = reason;
        self.class_by_directive = by_directive;
        self.accepted = accepted;
        self
    }

    /// Expand or contract: computed by the build for embedded migrations, read from the header
    /// directive `-- lcfs-db: class expand|contract because <reason>` for hand-made ones, and
    /// `None` for a hand-made migration without that directive.
    pub fn class(&self) -> Option<Class> {
        self.class
    }

    /// Why the migration has its class: the directive's reason, or what the build found (e.g.
    /// `drops column `organization.email` (line 3)`); empty when the class is unknown.
    pub fn class_reason(&self) -> &'static str {
        self.class_reason
    }

    /// Whether a header directive set the class rather than the build's analysis.
    pub fn class_by_directive(&self) -> bool {
        self.class_by_directive
    }

    /// The lint findings the migration accepts on purpose, with their reasons.
    pub fn accepted(&self) -> &'static [Accepted] {
        self.accepted
    }
}

/// The class a hand-made up file's header sets.
///
/// # Panics
///
/// When the directive names no class or gives no reason, as the build refuses both.
pub(crate) fn from_header(up: &'static str) -> Option<(Class, &'static str)> {
    let found = directive::header_directive(up, CLASS)?;
    let (word, reason) = directive::because(found.argument);
    let class = Class::parse(word).unwrap_or_else(|| {
        panic!(
            "line {}: unknown class {word:?}: expand or contract",
            found.line
        )
    });
    let reason = reason.unwrap_or_else(|| {
        panic!(
            "line {}: `class {word}` needs a reason: `-- lcfs-db: class {word} because <reason>`",
            found.line
        )
    });
    Some((class, reason))
}

/// The comment lines a reviewed script shows under a migration's file name: its class and why,
/// and each accepted lint finding with its reason.
pub(crate) fn annotation(migration: &Migration) -> String {
    let mut lines = match migration.class() {
        Some(class) => format!("-- class: {class} ({})\n", migration.class_reason()),
        None => "-- class: unknown (no class directive)\n".to_owned(),
    };
    for accepted in migration.accepted() {
        lines.push_str(&format!(
            "-- accepts {} at line {}: {}\n",
            accepted.rule(),
            accepted.line(),
            accepted.reason()
        ));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hand_made_migration_takes_its_class_from_its_header() {
        let up = "-- lcfs-db: class contract because it drops t\nDROP TABLE t;";
        let migration = Migration::new(1, "drop_t", up, "");
        assert_eq!(migration.class(), Some(Class::Contract));
        assert_eq!(migration.class_reason(), "it drops t");
        assert!(migration.class_by_directive());
        assert_eq!(annotation(&migration), "-- class: contract (it drops t)\n");
        let unclassified = Migration::new(1, "select", "SELECT 1;", "");
        assert_eq!(unclassified.class(), None);
        assert_eq!(
            annotation(&unclassified),
            "-- class: unknown (no class directive)\n"
        );
    }

    #[test]
    #[should_panic(expected = "`class expand` needs a reason")]
    fn a_class_directive_without_a_reason_is_refused() {
        Migration::new(1, "x", "-- lcfs-db: class expand\nSELECT 1;", "");
    }

    #[test]
    fn every_embedded_migration_is_classified_by_the_build() {
        for migration in super::super::migrations() {
            assert_eq!(
                migration.class(),
                Some(Class::Expand),
                "{}",
                migration.up_file()
            );
            // V019's header overrides the analysis (see codegen's lint_class tests).
            let by_directive = migration.version() == 19;
            assert!(
                migration.class_by_directive() == by_directive && migration.accepted().is_empty()
            );
        }
    }
}
