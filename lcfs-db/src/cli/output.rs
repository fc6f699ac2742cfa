//! Where the command line writes: results to stdout, progress and errors to stderr, control
//! characters escaped. A write that fails (a reader that left, as `| head` does) is dropped, never
//! a panic: output never decides a run.

use std::fmt;
use std::io::{self, Write};
use std::sync::OnceLock;

/// Why stdout lost output, when it was something other than a reader that left (a full disk):
/// the command's result is incomplete, which its exit status must say once the run is over.
static STDOUT_FAILURE: OnceLock<String> = OnceLock::new();

/// Writes to stdout, flushed at once so that a failure is seen here; control characters
/// escaped ([`printable`]).
pub fn stdout(text: fmt::Arguments<'_>) {
    let mut out = io::stdout().lock();
    let text = printable(&text.to_string());
    if let Err(error) = out.write_all(text.as_bytes()).and_then(|()| out.flush())
        && error.kind() != io::ErrorKind::BrokenPipe
    {
        let _ = STDOUT_FAILURE.set(error.to_string());
    }
}

/// Writes to stderr, control characters escaped ([`printable`]); nothing is left to tell when
/// that fails.
pub fn stderr(text: fmt::Arguments<'_>) {
    let text = printable(&text.to_string());
    let _ = io::stderr().lock().write_all(text.as_bytes());
}

/// The first stdout failure other than a closed pipe.
pub fn stdout_failure() -> Option<&'static str> {
    STDOUT_FAILURE.get().map(String::as_str)
}

/// `text` with its control characters other than newline and tab escaped (`\u{1b}`): a name
/// read from the server (a database's in its error, a column's in a drift report) reaches the
/// terminal as text, never as an escape sequence.
fn printable(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' | '\t' => c.to_string(),
            c if c.is_control() => c.escape_unicode().to_string(),
            c => c.to_string(),
        })
        .collect()
}

/// stderr for the tracing subscriber, which would panic on a failed write (it reports the
/// failure with `eprintln!`): a failed write is dropped.
pub struct Stderr;

impl Write for Stderr {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let _ = io::stderr().write_all(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// `println!` to stdout through [`stdout`].
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::cli::output::stdout(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// `print!` to stdout through [`stdout`].
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::cli::output::stdout(format_args!($($arg)*))
    };
}

/// `eprintln!` through [`stderr`].
macro_rules! errln {
    ($($arg:tt)*) => {
        $crate::cli::output::stderr(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// `eprint!` through [`stderr`].
macro_rules! err {
    ($($arg:tt)*) => {
        $crate::cli::output::stderr(format_args!($($arg)*))
    };
}

pub(crate) use {err, errln, out, outln};
