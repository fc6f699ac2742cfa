//! One migration through the build's checks: its header's timeouts read, split into statements,
//! each parsed, linted against the model as it stands, and replayed into it; then the lint's
//! verdict.

use super::error::{self, BuildError};
use super::lint::{MigrationLint, Verdict};
use super::model::Model;
use super::source::SourceFile;
use super::split::Statement;
use super::{directive, parse, replay, split};
use crate::timeouts;

/// The header directive of an up file that runs outside a transaction, statement by statement.
pub const NO_TRANSACTION: &str = "no-transaction";

/// A migration that passed: its statements, whether it runs in a transaction, its verdict.
pub struct Analyzed<'a> {
    pub statements: Vec<Statement<'a>>,
    pub transactional: bool,
    pub verdict: Verdict,
}

/// Checks the up file `up` of the migration `domain`, replaying it into `model`.
pub fn analyze<'a>(
    model: &mut Model,
    up: &'a SourceFile,
    domain: &str,
) -> Result<Analyzed<'a>, BuildError> {
    check_header_settings(up)?;
    let statements = split::split(up)?;
    let transactional = directive::header_directive(&up.text, NO_TRANSACTION).is_none();
    let mut lint = MigrationLint::new(up, model, transactional);
    for statement in &statements {
        let ctx = replay::Ctx {
            file: up,
            statement,
            domain,
        };
        let tree = parse::parse(up, statement)?;
        lint.statement(model, statement, tree.as_ref());
        match tree {
            Some(tree) => replay::apply(model, &ctx, &tree)?,
            None => replay::passed_through(model, &ctx),
        }
    }
    let verdict = lint.finish(model)?;
    Ok(Analyzed {
        statements,
        transactional,
        verdict,
    })
}

const TIMEOUT_HELP: &str = "header directives: `-- lcfs-db: lock-timeout 30s`, `-- lcfs-db: \
     statement-timeout 20min`, `-- lcfs-db: lock-retries 5`; durations take a unit: ms, s, min, h, d";

/// The runner obeys a header's timeouts and retries: a value it could not read fails the build.
pub fn check_header_settings(file: &SourceFile) -> Result<(), BuildError> {
    match timeouts::header_settings(&file.text) {
        Ok(_) => Ok(()),
        Err(bad) => {
            let width = bad.directive.argument.chars().count();
            Err(BuildError::new(error::ErrorKind::Directive, bad.message)
                .at(file.at_offset(bad.offset, width))
                .with_help(TIMEOUT_HELP))
        }
    }
}
