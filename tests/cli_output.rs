//! Output never decides a run: a reader that leaves (`| head -1`) neither panics the command
//! nor stops a migration midway; a stdout that cannot take the output fails the exit status.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use common::cli::stderr;
use common::probe::applied_versions;
use lcfs_db::testing::TestDatabase;

fn command(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_lcfs-db"));
    command.args(args).stdin(Stdio::null());
    command
}

#[lcfs_db::test(empty)]
async fn upgrade_into_a_pipe_closed_after_one_line_reaches_head(db: TestDatabase) {
    // `lcfs-db upgrade 2>&1 | head -1`
    let (reader, writer) = std::io::pipe().unwrap();
    let mut run = command(&["upgrade", "--database-url", db.url()])
        .stdout(writer.try_clone().unwrap())
        .stderr(writer)
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(reader).read_line(&mut first).unwrap();
    let status = run.wait().unwrap();
    assert!(first.starts_with("database: "), "{first}");
    assert!(status.success(), "{status}");
    assert_eq!(
        applied_versions(&db).await.len(),
        lcfs_db::migrations().len()
    );
}

#[test]
fn printed_sql_into_a_pipe_closed_after_one_line_exits_quietly() {
    // `lcfs-db sql upgrade --from base | head -1`
    let (reader, writer) = std::io::pipe().unwrap();
    let run = command(&["sql", "upgrade", "--from", "base"])
        .stdout(writer)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(reader).read_line(&mut first).unwrap();
    let output = run.wait_with_output().unwrap();
    assert!(first.starts_with("-- lcfs-db upgrade"), "{first}");
    assert!(output.status.success(), "{}", stderr(&output));
    // The plan's summary, and nothing about the pipe.
    assert_eq!(
        stderr(&output),
        format!(
            "upgrade from version 0 to {}: {} migrations\n",
            lcfs_db::Migrator::new().head(),
            lcfs_db::migrations().len()
        )
    );
}

#[test]
fn a_stdout_that_cannot_take_the_output_fails_the_run() {
    let full = std::fs::File::options()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let output = command(&["erd"]).stdout(full).output().unwrap();
    assert!(!output.status.success());
    let err = stderr(&output);
    assert!(
        err.contains("its output to stdout was lost: No space left on device"),
        "{err}"
    );
}
