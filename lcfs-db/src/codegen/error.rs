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
    /// A statement a lint rule flags, and no directive accepts.
    Lint,
    /// A `-- lcfs-db:` directive that is malformed, misplaced, or names an unknown rule.
    Directive,
    /// A migration file without a statement, e.g. one `lcfs-db generate` made and nobody filled.
    Empty,
}

/// An error of the build script, pointing at the file (and line and column) it is about. Boxed,
/// so that results stay small on the success path.
#[derive(Debug)]
pub struct BuildError(Box<Details>);

#[derive(Debug)]
struct Details {
    kind: ErrorKind,
    /// Shown in brackets after `error`, as rustc shows its codes: a lint rule's name.
    code: Option<&'static str>,
    message: String,
    location: Option<Location>,
    /// `= label: text` lines under the snippet.
    notes: Vec<(&'static str, String)>,
    /// Further errors found in the same pass, shown after this one.
    more: Vec<BuildError>,
    /// Replaces the kind's help when the advice depends on the case.
    help: Option<Box<str>>,
}

impl BuildError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> BuildError {
        BuildError(Box::new(Details {
            kind,
            code: None,
            message: message.into(),
            location: None,
            notes: Vec::new(),
            more: Vec::new(),
            help: None,
        }))
    }

    pub fn with_help(mut self, help: impl Into<String>) -> BuildError {
        self.0.help = Some(help.into().into_boxed_str());
        self
    }

    /// All of `errors` as one, in order; `None` when there are none.
    pub fn all(mut errors: Vec<BuildError>) -> Option<BuildError> {
        let mut first = (!errors.is_empty()).then(|| errors.remove(0))?;
        first.0.more.extend(errors);
        Some(first)
    }

    pub fn code(mut self, code: &'static str) -> BuildError {
        self.0.code = Some(code);
        self
    }

    /// Adds a `= label: text` line; the lines of a multi-line `text` are indented under it.
    pub fn note(mut self, label: &'static str, text: impl Into<String>) -> BuildError {
        self.0.notes.push((label, text.into()));
        self
    }

    pub fn at(mut self, location: Location) -> BuildError {
        self.0.location = Some(location);
        self
    }

    #[cfg(test)]
    pub fn kind(&self) -> ErrorKind {
        self.0.kind
    }

    fn help(&self) -> Option<&str> {
        if let Some(help) = &self.0.help {
            return Some(help);
        }
        match self.0.kind {
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
                "directives are `-- lcfs-db: accept <rule> because <reason>` on the comment lines \
                 directly above a statement, and `-- lcfs-db: class expand|contract because <reason>` \
                 in the file's header; `lcfs-db lint --rules` lists the rules",
            ),
            ErrorKind::Io
            | ErrorKind::Syntax
            | ErrorKind::Schema
            | ErrorKind::Lint
            | ErrorKind::Empty => None,
        }
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.code {
            Some(code) => writeln!(f, "error[{code}]: {}", self.0.message)?,
            None => writeln!(f, "error: {}", self.0.message)?,
        }
        let gutter = match self.0.location.as_ref().and_then(|l| l.position.as_ref()) {
            Some(position) => position.line.to_string().len(),
            None => 1,
        };
        let pad = " ".repeat(gutter);
        if let Some(location) = &self.0.location {
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
        for (label, text) in &self.0.notes {
            let indent = " ".repeat(pad.len() + label.len() + 5);
            let mut lines = text
                .lines()
                .flat_map(|line| wrap(line, WIDTH - indent.len()));
            writeln!(f, "{pad} = {label}: {}", lines.next().unwrap_or_default())?;
            for line in lines {
                writeln!(f, "{}", format!("{indent}{line}").trim_end())?;
            }
        }
        if let Some(help) = self.help() {
            writeln!(f, "{pad} = help: {help}")?;
        }
        for other in &self.0.more {
            writeln!(f)?;
            write!(f, "{other}")?;
        }
        Ok(())
    }
}

impl std::error::Error for BuildError {}

/// The width notes wrap at, as rustc's own notes roughly do.
const WIDTH: usize = 100;

/// `line` cut at spaces into pieces of at most `width` characters (a longer word stays whole).
fn wrap(line: &str, width: usize) -> Vec<String> {
    if line.chars().count() <= width {
        return vec![line.to_owned()];
    }
    let mut pieces = vec![String::new()];
    for word in line.split(' ') {
        let last = pieces.last_mut().expect("starts with one");
        if !last.is_empty() && last.chars().count() + 1 + word.chars().count() > width {
            pieces.push(word.to_owned());
        } else {
            if !last.is_empty() {
                last.push(' ');
            }
            last.push_str(word);
        }
    }
    pieces
}
