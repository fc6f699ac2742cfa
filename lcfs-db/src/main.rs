//! The `lcfs-db` command line: the lifecycle of an LCFS database.

mod cli;

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use cli::output::errln;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    // Progress (each migration as it completes) goes to stderr; LCFS_DB_LOG overrides the level.
    let filter = tracing_subscriber::EnvFilter::try_from_env("LCFS_DB_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("lcfs_db=info"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(|| cli::output::Stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .with_target(false)
        .without_time()
        .compact()
        .init();
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            errln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(message) = runtime.block_on(cli::run(args)) {
        errln!("error: {message}");
        return ExitCode::FAILURE;
    }
    match cli::output::stdout_failure() {
        Some(failure) => {
            errln!("error: the command completed, but its output to stdout was lost: {failure}");
            ExitCode::FAILURE
        }
        None => ExitCode::SUCCESS,
    }
}
