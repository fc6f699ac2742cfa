//! The build's migration checks, for SQL files outside the build (`lcfs-db lint`): a migration
//! still being written is checked after the embedded ones, so that "an existing table" means
//! what it means to the build, and fails with the build's own diagnostics.

use std::fmt;

use crate::codegen::analyze::analyze;
use crate::codegen::lint::{self as rules, Class as BuildClass};
use crate::codegen::model::Model;
use crate::codegen::source::SourceFile;
use crate::migrate::Class;

/// A file that passed: its class, why, and the findings its directives accept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    /// The path as given.
    pub file: String,
    /// Expand or contract, computed or set by the file's `class` directive.
    pub class: Class,
    /// The `class` directive's reason, or what the analysis found.
    pub reason: String,
    /// Accepted findings: rule, reason, line.
    pub accepted: Vec<(&'static str, String, usize)>,
}

/// The diagnostics of a file that did not pass, rendered as the build renders them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LintError {
    /// The file that failed.
    pub file: String,
    /// Every finding and directive error, with `file:line:col` and a caret.
    pub diagnostics: String,
}

impl fmt::Display for LintError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostics)
    }
}

impl std::error::Error for LintError {}

/// One lint rule, as the docs list it.
#[derive(Debug, Clone, Copy)]
pub struct RuleDoc {
    /// As `accept` directives name it.
    pub name: &'static str,
    /// What a flagged statement does, in one line.
    pub summary: &'static str,
    /// Why it is dangerous.
    pub why: &'static str,
    /// A migration the rule flags.
    pub example: &'static str,
    /// The safe way to write it.
    pub safe: &'static str,
}

/// Every rule, locking hazards first.
pub fn rules() -> impl Iterator<Item = RuleDoc> {
    rules::RULES.iter().map(|rule| RuleDoc {
        name: rule.name,
        summary: rule.summary,
        why: rule.why,
        example: rule.example,
        safe: rule.safe,
    })
}

/// Checks `files` (path as shown in diagnostics, SQL text), in order, as the migrations that
/// follow the embedded ones; stops at the first that fails, as later ones build on it.
pub fn check(files: &[(String, String)]) -> Result<Vec<Checked>, LintError> {
    let mut model = Model::default();
    for migration in crate::migrations() {
        let file = SourceFile {
            path: format!("migrations/{}", migration.up_file()),
            text: migration.up_sql().to_owned(),
        };
        analyze(&mut model, &file, migration.name()).map_err(|error| LintError {
            file: file.path.clone(),
            diagnostics: error.to_string(),
        })?;
    }
    let mut checked = Vec::with_capacity(files.len());
    for (path, text) in files {
        let file = SourceFile {
            path: path.clone(),
            text: text.clone(),
        };
        let analyzed = analyze(&mut model, &file, &domain(path)).map_err(|error| LintError {
            file: path.clone(),
            diagnostics: error.to_string(),
        })?;
        let verdict = analyzed.verdict;
        checked.push(Checked {
            file: path.clone(),
            class: match verdict.class {
                BuildClass::Expand => Class::Expand,
                BuildClass::Contract => Class::Contract,
            },
            reason: verdict.reason,
            accepted: verdict
                .accepted
                .into_iter()
                .map(|a| (a.rule, a.reason, a.line))
                .collect(),
        });
    }
    Ok(checked)
}

/// The migration's name from `V016__name.sql`, the domain of the tables it creates.
fn domain(path: &str) -> String {
    let file = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let stem = file.strip_suffix(".sql").unwrap_or(file);
    stem.split_once("__")
        .map_or(stem, |(_, name)| name)
        .to_owned()
}
