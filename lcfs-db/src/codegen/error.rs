//! Build errors: what is wrong and where, rendered the way rustc renders its own.

use std::fmt;

use super::source::Location;

/// What kind of problem stopped the build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// A file could not be read or written.
    Io,
    /// A file in `migrations/` that is not a migration, or a migration with a malformed name.
    FileName,
    /// Versions that repeat or skip, or an up file without its down file (or the reverse).
    Sequence,
    /// SQL that does not split into statements or does not parse.
    Syntax,
    /// A statement the schema model cannot follow: an unknown table, column, type or constraint,
    /// an object that already exists, or a form the model does not cover.
    Schema,
    /// A column type without a Rust type.
    UnsupportedType,
    /// A name that does not make a Rust identifier, or a `rust_names.toml` that does not parse.
    Naming,
    /// A directive comment whose argument does not parse.
    Directive,
}

/// An error of the build script, pointing at the file (and line and column) it is about.
#[derive(Debug)]
pub struct BuildError {
    kind: ErrorKind,
    message: String,
    location: Option<Location>,
}

impl BuildError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> BuildError {
        BuildError {
            kind,
            message: message.into(),
            location: None,
        }
    }

    pub fn at(mut self, location: Location) -> BuildError {
        self.location = Some(location);
        self
    }

    #[cfg(test)]
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    fn help(&self) -> Option<&'static str> {
        match self.kind {
            ErrorKind::FileName => Some(
                "migrations are named `V<version>__<snake_name>.sql` and \
                 `V<version>__<snake_name>.down.sql`; only `rust_names.toml` and a README may sit beside them",
            ),
            ErrorKind::Sequence => Some(
                "versions run 1, 2, 3, … without gaps, and each has an up and a down file of the same name",
            ),
            ErrorKind::UnsupportedType => Some(
                "supported: smallint, integer, bigint, real, double precision, numeric, boolean, \
                 character varying, character, text, date, time, timestamp [with time zone], \
                 json, jsonb, uuid, bytea, enum types, and arrays of these",
            ),
            ErrorKind::Naming => Some("set the Rust name in migrations/rust_names.toml"),
            ErrorKind::Directive => Some(
                "header directives: `-- lcfs-db: lock-timeout 30s`, `-- lcfs-db: statement-timeout \
                 20min`, `-- lcfs-db: lock-retries 5`; durations take a unit: ms, s, min, h, d",
            ),
            ErrorKind::Io | ErrorKind::Syntax | ErrorKind::Schema => None,
        }
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "error: {}", self.message)?;
        let gutter = match self.location.as_ref().and_then(|l| l.position.as_ref()) {
            Some(position) => position.line.to_string().len(),
            None => 1,
        };
        let pad = " ".repeat(gutter);
        if let Some(location) = &self.location {
            match &location.position {
                None => writeln!(f, "{pad}--> {}", location.path)?,
                Some(p) => {
                    writeln!(f, "{pad}--> {}:{}:{}", location.path, p.line, p.column)?;
                    writeln!(f, "{pad} |")?;
                    writeln!(f, "{} | {}", p.line, p.source_line)?;
                    // Tabs stay tabs so the caret lines up under the same character.
                    let indent: String = (p.source_line.chars().chain(std::iter::repeat(' ')))
                        .take(p.column - 1)
                        .map(|c| if c == '\t' { '\t' } else { ' ' })
                        .collect();
                    writeln!(f, "{pad} | {indent}{}", "^".repeat(p.width))?;
                }
            }
        }
        if let Some(help) = self.help() {
            writeln!(f, "{pad} = help: {help}")?;
        }
        Ok(())
    }
}

impl std::error::Error for BuildError {}
