//! Tests of the build-time code generation: expected-output fixtures under `tests/codegen/`,
//! and unit tests of each step.

mod diagnostics;
mod expected;
mod fixtures;
mod lint;
mod lint_class;
mod lint_directives;
mod names;
mod passthrough;
mod replay;
mod split;
mod sql_type;
mod write;

use super::error::BuildError;
use super::model::Model;
use super::parse::parse;
use super::replay::{Ctx, apply as apply_statement, passed_through};
use super::source::SourceFile;
use super::split::split as split_file;

/// An in-memory migration file.
fn file(text: &str) -> SourceFile {
    SourceFile {
        path: "migrations/V001__test.sql".to_owned(),
        text: text.to_owned(),
    }
}

/// Replays `sql` as one migration named `test` into an empty model.
fn model_of(sql: &str) -> Result<Model, BuildError> {
    let mut model = Model::default();
    apply(&mut model, sql)?;
    Ok(model)
}

/// Replays `sql` as one more migration named `test`.
fn apply(model: &mut Model, sql: &str) -> Result<(), BuildError> {
    let file = file(sql);
    for statement in &split_file(&file)? {
        let ctx = Ctx {
            file: &file,
            statement,
            domain: "test",
        };
        match parse(&file, statement)? {
            Some(tree) => apply_statement(model, &ctx, &tree)?,
            None => passed_through(model, &ctx),
        }
    }
    Ok(())
}
