//! The crate's error: a kind to match on, the migration and statement it concerns, and the cause.
//! (Over 200 lines: one error type with its kinds, builders and rendering, as rust-postgres has.)

use std::error::Error as StdError;
use std::fmt;

use tokio_postgres::error::{DbError, SqlState};

/// What went wrong, broadly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Talking to the server failed (connect, I/O, protocol).
    Connection,
    /// Another migrator held the advisory lock past the advisory-lock wait.
    LockTimeout,
    /// A migration statement waited past its lock timeout, or was ended by a deadlock or a
    /// serialization failure, on every attempt; the migration was rolled back.
    /// [`Error::blockers`] names the sessions in the way.
    Blocked,
    /// An applied migration's checksum differs from the embedded one.
    Divergent,
    /// The database has a version that is not embedded in this binary.
    Missing,
    /// A version of the set has no history row below the database's version: the row was
    /// deleted, or the migration was added out of order.
    OutOfOrder,
    /// The database has no history table but already holds tables or types: another tool made
    /// them (an LCFS database built by Alembic is adopted with `lcfs-db adopt`).
    Unmanaged,
    /// The server is a read-only hot standby.
    Standby,
    /// Another run moved the database to another version while this one was under way.
    Concurrent,
    /// A no-transaction migration's statements reached different server sessions: a
    /// transaction-mode pooler stands in between, where a session-level lock means nothing.
    Pooler,
    /// A migration statement failed; the migration was rolled back.
    Migration,
    /// A requested version does not exist.
    UnknownVersion,
    /// The configuration is incomplete or invalid.
    Config,
    /// Starting or reaching a local PostgreSQL cluster failed.
    Cluster,
    /// A row did not decode into its struct (see `RowError`).
    Decode,
    /// Anything else the server rejected.
    Database,
    /// `check` met a database that is not at this binary's head.
    NotAtHead,
    /// `adopt` refused the database: it is not an LCFS database it can take over as it is.
    Refused,
    /// The connected role lacks a privilege the run needs; nothing was changed, and the
    /// message gives the statement an administrator runs.
    Privilege,
}

/// Where in a migration file a failure happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SqlLocation {
    /// The failing statement as written in the file.
    pub statement: String,
    /// 1-based line in the file where the statement starts.
    pub statement_line: usize,
    /// 1-based line of the server's error position, or else the statement's first line.
    pub line: usize,
    /// 1-based column of the server's error position, when it gave one.
    pub column: Option<usize>,
}

/// An error from lcfs-db.
#[derive(Debug)]
pub struct Error(Box<Details>);

/// Boxed, so that `Result<T, Error>` stays a pointer wide on the success path.
#[derive(Debug)]
struct Details {
    kind: ErrorKind,
    message: String,
    version: Option<i32>,
    file: Option<String>,
    location: Option<SqlLocation>,
    source: Option<Box<dyn StdError + Send + Sync>>,
    blockers: Vec<crate::migrate::Blocker>,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error(Box::new(Details {
            kind,
            message: message.into(),
            version: None,
            file: None,
            location: None,
            source: None,
            blockers: Vec::new(),
        }))
    }

    pub(crate) fn with_blockers(mut self, blockers: Vec<crate::migrate::Blocker>) -> Self {
        self.0.blockers = blockers;
        self
    }

    pub(crate) fn with_source(mut self, source: impl StdError + Send + Sync + 'static) -> Self {
        self.0.source = Some(Box::new(source));
        self
    }

    /// Names the migration file the error concerns.
    pub(crate) fn in_file(mut self, version: i32, file: impl Into<String>) -> Self {
        self.0.version = Some(version);
        self.0.file = Some(file.into());
        self
    }

    pub(crate) fn at(mut self, location: SqlLocation) -> Self {
        self.0.location = Some(location);
        self
    }

    /// An error from the server or the connection, classified by whether the server answered,
    /// with what was being done: its `Display` renders the server's error whole (severity,
    /// message, SQLSTATE, detail, hint) or the causes of a client-side failure.
    pub fn postgres(context: impl fmt::Display, error: tokio_postgres::Error) -> Self {
        let kind = match error.as_db_error() {
            Some(_) => ErrorKind::Database,
            None => ErrorKind::Connection,
        };
        Error::new(kind, context.to_string()).with_source(error)
    }

    /// What went wrong, broadly; match on it rather than on the message.
    pub fn kind(&self) -> ErrorKind {
        self.0.kind
    }

    /// The migration version the error concerns.
    pub fn version(&self) -> Option<i32> {
        self.0.version
    }

    /// The migration file the error concerns, e.g. `V002__fuel_codes.sql`.
    pub fn file(&self) -> Option<&str> {
        self.0.file.as_deref()
    }

    /// The failing statement and where it is in [`Error::file`].
    pub fn location(&self) -> Option<&SqlLocation> {
        self.0.location.as_ref()
    }

    /// The server's error, when the server rejected something.
    pub fn db_error(&self) -> Option<&DbError> {
        let source = self.0.source.as_deref()?;
        match source.downcast_ref::<tokio_postgres::Error>() {
            Some(error) => error.as_db_error(),
            None => source.downcast_ref::<DbError>(),
        }
    }

    /// For [`ErrorKind::Blocked`], the sessions that held (or waited ahead for) the locks the
    /// migration's statement needed, as `pg_locks` and `pg_stat_activity` showed them; after a
    /// deadlock, the other sessions of the cycle, each with the lock it waited for.
    pub fn blockers(&self) -> &[crate::migrate::Blocker] {
        &self.0.blockers
    }

    /// The server's SQLSTATE, when the server rejected something.
    pub fn code(&self) -> Option<&SqlState> {
        self.db_error().map(DbError::code)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.message)?;
        match (self.db_error(), &self.0.source) {
            (Some(db), _) => write_db_error(f, db)?,
            (None, Some(source)) => write_causes(f, source.as_ref())?,
            (None, None) => {}
        }
        if let (Some(file), Some(location)) = (&self.0.file, &self.0.location) {
            write_snippet(f, file, location)?;
        }
        for (n, blocker) in self.0.blockers.iter().enumerate() {
            let heading = if n == 0 { "\nin the way:" } else { "" };
            write!(f, "{heading}\n  {blocker}")?;
        }
        Ok(())
    }
}

/// The cause and its own causes: tokio-postgres's and I/O errors leave theirs out of their
/// message (`error connecting to server`); ours (`Error`, `RowError`) print those worth printing.
fn write_causes(f: &mut fmt::Formatter<'_>, cause: &(dyn StdError + 'static)) -> fmt::Result {
    let mut cause = Some(cause);
    while let Some(error) = cause {
        write!(f, ": {error}")?;
        cause = match error.is::<Error>() || error.is::<crate::RowError>() {
            true => None,
            false => error.source(),
        };
    }
    Ok(())
}

fn write_db_error(f: &mut fmt::Formatter<'_>, db: &DbError) -> fmt::Result {
    write!(
        f,
        ": {}: {} (SQLSTATE {})",
        db.severity(),
        db.message(),
        db.code().code()
    )?;
    if let Some(detail) = db.detail() {
        write!(f, "\nDETAIL: {detail}")?;
    }
    if let Some(hint) = db.hint() {
        write!(f, "\nHINT: {hint}")?;
    }
    if let Some(context) = db.where_() {
        write!(f, "\nCONTEXT: {context}")?;
    }
    Ok(())
}

/// Prints the statement with line numbers, and a caret under the server's error position.
fn write_snippet(f: &mut fmt::Formatter<'_>, file: &str, at: &SqlLocation) -> fmt::Result {
    const MAX_LINES: usize = 12;
    let lines: Vec<&str> = at.statement.lines().collect();
    let shown = lines
        .len()
        .min(MAX_LINES.max(at.line + 1 - at.statement_line));
    let width = (at.statement_line + shown).to_string().len();
    let column = at.column.map(|c| format!(":{c}")).unwrap_or_default();
    write!(f, "\n{:width$}--> {file}:{}{column}", "", at.line)?;
    write!(f, "\n{:width$} |", "")?;
    for (number, text) in (at.statement_line..).zip(&lines[..shown]) {
        write!(f, "\n{number:>width$} | {text}")?;
        if let (true, Some(column)) = (number == at.line, at.column) {
            write!(f, "\n{:width$} | {:>column$}", "", "^")?;
        }
    }
    if shown < lines.len() {
        write!(f, "\n{:width$} | ...", "")?;
    }
    Ok(())
}

/// So that `?` works on an application's own queries beside the generated methods: a refused
/// query is [`ErrorKind::Database`] with the server's error kept whole, a lost connection
/// [`ErrorKind::Connection`].
impl From<tokio_postgres::Error> for Error {
    fn from(error: tokio_postgres::Error) -> Self {
        let context = match error.as_db_error() {
            Some(_) => "PostgreSQL refused",
            None => "the connection to PostgreSQL failed",
        };
        Error::postgres(context, error)
    }
}

impl StdError for Error {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.0
            .source
            .as_deref()
            .map(|s| s as &(dyn StdError + 'static))
    }
}
