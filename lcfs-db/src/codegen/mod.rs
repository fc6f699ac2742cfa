//! Build-time code generation from `migrations/`; included by the root `build.rs`.
//!
//! The migrations are found and paired ([`discover`]), split into statements ([`split`]),
//! parsed ([`parse`]) and replayed in order into a schema model ([`replay`]); the model gets Rust
//! names ([`names`]) and becomes the generated files ([`emit`]). Any problem is a [`BuildError`]
//! pointing at the file, line and column it is about.

// Shared with the runtime: the build script includes the files, the library's tests (which
// compile this module too) use the library's own copy rather than a second one.
#[cfg(not(test))]
#[path = "../directive.rs"]
mod directive;
#[cfg(test)]
use crate::directive;
mod discover;
mod emit;
mod error;
mod model;
mod names;
mod overrides;
mod parse;
mod passthrough;
mod replay;
mod source;
mod split;
mod sql_name;
mod sql_type;
// The runtime and the command line use the rest of it.
#[cfg(not(test))]
#[allow(dead_code)]
#[path = "../timeouts.rs"]
mod timeouts;
#[cfg(test)]
use crate::timeouts;

#[cfg(test)]
mod tests;

use std::path::Path;

use emit::Embedded;
use error::BuildError;
use model::Model;
use source::SourceFile;

/// The header directive of an up file that runs outside a transaction, statement by statement.
const NO_TRANSACTION: &str = "no-transaction";

/// What one run produces: the generated files, and every file it read.
pub struct Generated {
    pub files: Vec<(&'static str, String)>,
    /// Relative to the crate root.
    pub inputs: Vec<String>,
}

/// Reads the migrations in `root/migrations_dir` and renders the generated files.
pub fn generate(root: &Path, migrations_dir: &str) -> Result<Generated, BuildError> {
    let migrations = discover::discover(root, migrations_dir)?;
    let overrides_path = format!("{migrations_dir}/{}", discover::RUST_NAMES);
    let overrides = overrides::load(root, &overrides_path)?;
    let mut model = Model::default();
    let mut embedded = Vec::with_capacity(migrations.len());
    let mut inputs = Vec::new();
    if root.join(&overrides_path).exists() {
        inputs.push(overrides_path.clone());
    }
    for migration in &migrations {
        let up = SourceFile::read(root, &migration.up)?;
        let statements = split::split(&up)?;
        for statement in &statements {
            let ctx = replay::Ctx {
                file: &up,
                statement,
                domain: &migration.name,
            };
            match parse::parse(&up, statement)? {
                Some(tree) => replay::apply(&mut model, &ctx, &tree)?,
                None => replay::passed_through(&mut model, &ctx),
            }
        }
        let down = SourceFile::read(root, &migration.down)?;
        let down_statements = split::split(&down)?;
        for statement in &down_statements {
            parse::parse(&down, statement)?;
        }
        for file in [&up, &down] {
            check_header_settings(file)?;
        }
        let transactional = directive::header_directive(&up.text, NO_TRANSACTION).is_none();
        embedded.push(Embedded {
            version: migration.version,
            name: migration.name.clone(),
            up: migration.up.clone(),
            down: migration.down.clone(),
            statements: (!transactional)
                .then(|| statements.iter().map(|s| s.text.to_owned()).collect()),
            up_split: byte_ranges(&statements),
            down_split: byte_ranges(&down_statements),
        });
        inputs.extend([migration.up.clone(), migration.down.clone()]);
    }
    let names = names::Names::resolve(&model, &overrides, &overrides_path)?;
    Ok(Generated {
        files: emit::render(&model, &names, &embedded),
        inputs,
    })
}

fn byte_ranges(statements: &[split::Statement<'_>]) -> Vec<(usize, usize)> {
    statements
        .iter()
        .map(|s| (s.offset, s.offset + s.text.len()))
        .collect()
}

/// The runner obeys a header's timeouts and retries: a value it could not read fails the build.
fn check_header_settings(file: &SourceFile) -> Result<(), BuildError> {
    match timeouts::header_settings(&file.text) {
        Ok(_) => Ok(()),
        Err(bad) => {
            let width = bad.directive.argument.chars().count();
            Err(BuildError::new(error::ErrorKind::Directive, bad.message)
                .at(file.at_offset(bad.offset, width)))
        }
    }
}

/// The build script: generates into OUT_DIR, or prints the error and fails the build.
#[cfg(not(test))]
pub fn build_script() -> std::process::ExitCode {
    const MIGRATIONS: &str = "migrations";
    let root = std::path::PathBuf::from(
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"),
    );
    let out_dir =
        std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    // The directory itself, so that an added or removed file reruns the build script too.
    println!("cargo:rerun-if-changed={MIGRATIONS}");
    let written = generate(&root, MIGRATIONS).and_then(|generated| {
        for input in &generated.inputs {
            println!("cargo:rerun-if-changed={input}");
        }
        for (name, content) in &generated.files {
            emit::write_if_changed(&out_dir.join(name), content).map_err(|err| {
                BuildError::new(
                    error::ErrorKind::Io,
                    format!("cannot write {name} to {}: {err}", out_dir.display()),
                )
            })?;
        }
        Ok(())
    });
    match written {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            eprint!("{err}");
            std::process::ExitCode::FAILURE
        }
    }
}
