//! Build-time code generation from `migrations/`; included by the root `build.rs`.
//!
//! The migrations are found and paired ([`discover`]), split into statements ([`split`]),
//! parsed ([`parse`]), linted ([`lint`]) and replayed in order into a schema model ([`replay`]);
//! the model gets Rust names ([`names`]) and becomes the generated files ([`emit`]). Any problem
//! is a [`BuildError`] pointing at the file, line and column it is about.

pub(crate) mod analyze;
mod created;
mod discover;
mod emit;
pub(crate) mod error;
pub(crate) mod lint;
pub(crate) mod model;
mod names;
mod overrides;
mod parse;
mod passthrough;
mod replay;
pub(crate) mod source;
mod split;
mod sql_name;
mod sql_type;

#[cfg(test)]
mod tests;

use std::path::Path;

// The build script and the library read the same directive file, declared at their roots.
use crate::directive;

use emit::Embedded;
use error::BuildError;
use model::Model;
use source::SourceFile;

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
        let analyzed = analyze::analyze(&mut model, &up, &migration.name)?;
        require_statements(&up, analyzed.statements.len(), migration)?;
        let version = migration.version;
        model
            .created
            .extend((analyzed.statements.iter()).filter_map(|s| created::created(version, s.text)));
        let down = SourceFile::read(root, &migration.down)?;
        let down_statements = split::split(&down)?;
        require_statements(&down, down_statements.len(), migration)?;
        for statement in &down_statements {
            parse::parse(&down, statement)?;
        }
        analyze::check_header_settings(&down)?;
        embedded.push(Embedded {
            version: migration.version,
            name: migration.name.clone(),
            up: migration.up.clone(),
            down: migration.down.clone(),
            statements: (!analyzed.transactional).then(|| {
                analyzed
                    .statements
                    .iter()
                    .map(|s| s.text.to_owned())
                    .collect()
            }),
            up_split: byte_ranges(&analyzed.statements),
            down_split: byte_ranges(&down_statements),
            verdict: analyzed.verdict,
        });
        inputs.extend([migration.up.clone(), migration.down.clone()]);
    }
    let names = names::Names::resolve(&model, &overrides, &overrides_path)?;
    Ok(Generated {
        files: emit::render(&model, &names, &embedded),
        inputs,
    })
}

/// Where each statement starts and ends, in bytes, for the runner to send them one by one.
fn byte_ranges(statements: &[split::Statement<'_>]) -> Vec<(usize, usize)> {
    statements
        .iter()
        .map(|s| (s.offset, s.offset + s.text.len()))
        .collect()
}

/// Refuses a file without statements: embedded, it would be applied as a no-op and recorded, and
/// the statements written into it later would never run on that database.
fn require_statements(
    file: &SourceFile,
    count: usize,
    migration: &discover::MigrationFiles,
) -> Result<(), BuildError> {
    if count > 0 {
        return Ok(());
    }
    let name = |path: &str| path.rsplit('/').next().unwrap_or(path).to_owned();
    let (up, down) = (name(&migration.up), name(&migration.down));
    Err(BuildError::new(
        error::ErrorKind::Empty,
        format!("{} has no statements, only comments", name(&file.path)),
    )
    .at(source::Location::file(&file.path))
    .with_help(format!(
        "fill in {up} and {down} before building (`lcfs-db generate` writes only comments), \
         or delete both files"
    )))
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
