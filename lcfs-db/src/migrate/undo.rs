//! What a no-transaction migration must put back on its session (the migration lock, the
//! timeouts, the mark), and what an adoption must end (its transaction), even when the run is
//! cancelled half way: an application that wraps `migrate` in a timeout drops the run's future,
//! and the session, which the application goes on using, would keep the lock (every other
//! instance's run then waits for it), the timeouts, or an open transaction holding DDL locks.
//! Dropped while armed, the guard sends the statements; the connection runs them after the
//! statement in flight, which the server finishes or fails on its own.

use futures_util::FutureExt;
use tokio_postgres::Client;

/// Statements to send, last pushed first, unless the run puts everything back itself.
pub(crate) struct Undo<'a> {
    client: &'a Client,
    statements: Vec<String>,
}

impl<'a> Undo<'a> {
    pub fn new(client: &'a Client) -> Self {
        Self {
            client,
            statements: Vec::new(),
        }
    }

    /// Adds what to send if the run is cancelled from now on.
    pub fn push(&mut self, statement: String) {
        self.statements.push(statement);
    }

    /// The run put everything back itself.
    pub fn disarm(mut self) {
        self.statements.clear();
    }
}

impl Drop for Undo<'_> {
    fn drop(&mut self) {
        if self.statements.is_empty() {
            return;
        }
        tracing::warn!("cancelled half way: putting the session back");
        let statements: Vec<&str> = self.statements.iter().rev().map(String::as_str).collect();
        // Polled once, the request is sent; its answer is discarded by the connection.
        let _ = self
            .client
            .batch_execute(&statements.join("; "))
            .now_or_never();
    }
}
