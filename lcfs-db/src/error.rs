//! The crate's error: a kind to match on, the migration and statement it concerns, and the cause.

use std::error::Error as StdError;
use std::fmt;

/// What went wrong, broadly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Talking to the server failed (connect, I/O, protocol).
    Connection,
    /// Another migrator held the advisory lock past the lock timeout.
    LockTimeout,
    /// An applied migration's checksum differs from the embedded one.
    Divergent,
    /// The database has a version that is not embedded in this binary.
    Missing,
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
}

/// An error from lcfs-db.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    source: Option<Box<dyn StdError + Send + Sync>>,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
            source: None,
        }
    }

    pub(crate) fn with_source(mut self, source: impl StdError + Send + Sync + 'static) -> Self {
        self.source = Some(Box::new(source));
        self
    }

    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if let Some(source) = &self.source {
            write!(f, ": {source}")?;
        }
        Ok(())
    }
}

impl StdError for Error {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.source
            .as_deref()
            .map(|s| s as &(dyn StdError + 'static))
    }
}
