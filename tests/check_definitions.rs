//! `check` compares what view, materialized view and function definitions mean, not how a
//! server prints them: a database restored from a dump (custom and plain format, and a restore
//! of a restore) compares clean, a definition changed by hand is named, and a standby compares
//! what it can without writing and says what it cannot.

mod common;

use std::path::PathBuf;
use std::process::Command;

use common::cli::{lcfs_db, ok, stderr, stdout};
use lcfs_db::catalog::{Change, Kind};
use lcfs_db::cluster::Cluster;
use lcfs_db::testing::TestDatabase;
use lcfs_db::{ErrorKind, Migrator};
use tokio_postgres::{Client, NoTls};

/// `check` through the binary: exit 0 and its words.
fn checks_clean(url: &str, what: &str) {
    let output = lcfs_db(url, &["check"]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{what}: {}{}",
        stdout(&output),
        stderr(&output)
    );
}

/// A client program (`pg_dump`, `pg_restore`, `psql`) that can read the server behind `db`: from
/// the directory `LCFS_DB_PG_BINDIR` names, else `PATH`, else Debian's; `None` (the test skipped
/// with the reason) when only an older major version than the server's is found.
async fn client_program(db: &Client, name: &str) -> Option<PathBuf> {
    let server: i32 = db
        .query_one(
            "SELECT current_setting('server_version_num')::int / 10000",
            &[],
        )
        .await
        .unwrap()
        .get(0);
    let chosen = std::env::var_os("LCFS_DB_PG_BINDIR").map(PathBuf::from);
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mut debian: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path().join("bin"))
        .collect();
    debian.sort();
    debian.reverse();
    let found = chosen
        .into_iter()
        .chain(std::env::split_paths(&path))
        .chain(debian)
        .map(|dir| dir.join(name))
        .filter(|program| program.is_file())
        .find(|program| major_version(program).is_some_and(|major| major >= server));
    if found.is_none() {
        common::require::skip(&format!(
            "no `{name}` of PostgreSQL {server} or later (the server's version) on PATH, in \
             LCFS_DB_PG_BINDIR or in /usr/lib/postgresql/*/bin"
        ));
    }
    found
}

fn major_version(program: &PathBuf) -> Option<i32> {
    let output = Command::new(program).arg("--version").output().ok()?;
    String::from_utf8_lossy(&output.stdout)
        .split_whitespace()
        .find_map(|word| word.split('.').next()?.parse().ok())
}

fn run(command: &mut Command) {
    let output = command.output().unwrap();
    assert!(
        output.status.success(),
        "{command:?}: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Dumps `from` in `format` (`custom` or `plain`) and restores it into a new empty database.
fn dump_and_restore(pg_dump: &PathBuf, from: &TestDatabase, format: &str, into: &TestDatabase) {
    let file = std::env::temp_dir().join(format!("{}.{format}", into.name()));
    run(Command::new(pg_dump)
        .args(["--format", format, "--file"])
        .arg(&file)
        .args(["--dbname", from.url()]));
    let bindir = pg_dump.parent().unwrap();
    match format {
        "custom" => run(Command::new(bindir.join("pg_restore"))
            .args(["--exit-on-error", "--dbname", into.url()])
            .arg(&file)),
        _ => run(Command::new(bindir.join("psql"))
            .args([
                "-X",
                "-q",
                "-v",
                "ON_ERROR_STOP=1",
                "--dbname",
                into.url(),
                "--file",
            ])
            .arg(&file)),
    }
    let _ = std::fs::remove_file(file);
}

#[lcfs_db::test]
async fn a_database_restored_from_a_dump_checks_clean(db: TestDatabase) {
    let Some(pg_dump) = client_program(&db, "pg_dump").await else {
        return;
    };
    ok(lcfs_db(db.url(), &["seed", "dev"]));
    checks_clean(db.url(), "the database dumped");

    let custom = TestDatabase::empty().await.unwrap();
    dump_and_restore(&pg_dump, &db, "custom", &custom);
    let rows: i64 = custom
        .query_one("SELECT count(*) FROM mv_transaction_aggregate", &[])
        .await
        .unwrap()
        .get(0);
    assert!(rows > 0, "the seed's rows came back with the restore");
    // The one whose printed text a restore changes: V014's `ARRAY[…]::text[]`.
    let printed = "SELECT pg_get_viewdef('mv_compliance_report_count')";
    let before: String = db.query_one(printed, &[]).await.unwrap().get(0);
    let after: String = custom.query_one(printed, &[]).await.unwrap().get(0);
    assert_ne!(
        before, after,
        "the restore prints V014's definition otherwise"
    );
    checks_clean(custom.url(), "restored from pg_dump --format custom");

    let plain = TestDatabase::empty().await.unwrap();
    dump_and_restore(&pg_dump, &db, "plain", &plain);
    checks_clean(plain.url(), "restored from pg_dump --format plain");

    let again = TestDatabase::empty().await.unwrap();
    dump_and_restore(&pg_dump, &custom, "custom", &again);
    checks_clean(again.url(), "restored from a dump of a restored database");
    assert!(lcfs_db::check(&again).await.unwrap().is_empty());
}

/// Replaces `old` by `new` in the printed definition of view `view` (kept in place, its
/// columns unchanged).
async fn edit_view(db: &Client, view: &str, old: &str, new: &str) {
    let printed: String = db
        .query_one("SELECT pg_get_viewdef($1::text::regclass)", &[&view])
        .await
        .unwrap()
        .get(0);
    assert!(printed.contains(old), "{old:?} not in {view}: {printed}");
    db.batch_execute(&format!(
        "CREATE OR REPLACE VIEW {view} AS {}",
        printed.replace(old, new)
    ))
    .await
    .unwrap();
}

fn named(drift: &lcfs_db::catalog::Drift, kind: Kind, name: &str) -> bool {
    drift.differences.iter().any(|d| {
        d.kind == kind
            && d.name == name
            && matches!(&d.change, Change::Different { attribute, .. } if attribute == "definition")
    })
}

#[lcfs_db::test]
async fn a_definition_whose_meaning_changed_is_named(db: TestDatabase) {
    // A changed literal.
    edit_view(&db, "transaction_status_view", "'Assessed'", "'Submitted'").await;
    let drift = lcfs_db::check(&db).await.unwrap();
    assert!(
        named(&drift, Kind::View, "transaction_status_view"),
        "{drift}"
    );
    assert_eq!(drift.differences.len(), 1, "{drift}");
    let output = lcfs_db(db.url(), &["check"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("different   transaction_status_view: definition expected \"line ")
            && text.contains("'Assessed'::compliancereportstatusenum")
            && text.contains("'Submitted'::compliancereportstatusenum"),
        "{text}"
    );

    // Another column, in a view printed with its table names on every version (a join).
    edit_view(
        &db,
        "vw_fse_base",
        "vcr.version AS",
        "vcr.compliance_report_id AS",
    )
    .await;
    // A dropped condition, in a materialized view (re-created without its WHERE).
    let printed: String = db
        .query_one("SELECT pg_get_viewdef('mv_fuel_code_count')", &[])
        .await
        .unwrap()
        .get(0);
    let without_where: Vec<&str> = printed
        .lines()
        .filter(|line| !line.trim_start().starts_with("WHERE"))
        .collect();
    assert!(without_where.len() < printed.lines().count(), "{printed}");
    db.batch_execute(&format!(
        "DROP MATERIALIZED VIEW mv_fuel_code_count;
         CREATE MATERIALIZED VIEW mv_fuel_code_count AS {}",
        without_where.join("\n")
    ))
    .await
    .unwrap();
    let drift = lcfs_db::check(&db).await.unwrap();
    for (kind, name) in [
        (Kind::View, "transaction_status_view"),
        (Kind::View, "vw_fse_base"),
        (Kind::MaterializedView, "mv_fuel_code_count"),
    ] {
        assert!(
            named(&drift, kind, name),
            "{kind} {name} not named in:\n{drift}"
        );
    }
}

#[tokio::test]
async fn a_standby_compares_equal_texts_and_says_when_it_cannot_compare() {
    let primary = Cluster::ephemeral().await.expect("a primary");
    let (client, connection) = primary.config("postgres").connect(NoTls).await.unwrap();
    tokio::spawn(connection);
    Migrator::new().run(&client).await.unwrap();
    let standby = primary.standby().await.expect("a standby of it");
    let url = standby.url("postgres");
    let head = lcfs_db::catalog::head_snapshot().unwrap();
    let snapshot_text = head
        .get(Kind::MaterializedView, "mv_fuel_code_count")
        .unwrap()["definition"]
        .as_str()
        .unwrap()
        .to_owned();
    let printed: String = client
        .query_one("SELECT pg_get_viewdef('mv_fuel_code_count')", &[])
        .await
        .unwrap()
        .get(0);
    if printed.trim() == snapshot_text {
        // This server prints as the snapshot does: the standby compares without writing.
        checks_clean(&url, "a standby of a database at head");
    }
    // A definition changed on the primary: telling whether it means the same needs a writable
    // server, and the standby says so rather than guessing.
    edit_view(
        &client,
        "transaction_status_view",
        "'Assessed'",
        "'Submitted'",
    )
    .await;
    client
        .batch_execute("SELECT pg_switch_wal()")
        .await
        .unwrap();
    let (replica, connection) = standby.config("postgres").connect(NoTls).await.unwrap();
    tokio::spawn(connection);
    let mut error = None;
    for _ in 0..100 {
        match lcfs_db::check(&replica).await {
            Err(e) => {
                error = Some(e);
                break;
            }
            Ok(_) => tokio::time::sleep(std::time::Duration::from_millis(100)).await,
        }
    }
    let error = error.expect("the standby replays the change and check refuses to guess");
    assert_eq!(error.kind(), ErrorKind::Standby, "{error}");
    assert!(
        error
            .to_string()
            .contains("run `lcfs-db check` on the primary"),
        "{error}"
    );
    let output = lcfs_db(&url, &["check"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    // The primary, writable, names it.
    assert!(named(
        &lcfs_db::check(&client).await.unwrap(),
        Kind::View,
        "transaction_status_view"
    ));
}

/// What a restore stores, without `pg_dump` (which the server packages of 16 to 18 lack): every
/// definition created again from its printed text. Those texts compare clean with the snapshot.
#[lcfs_db::test]
async fn definitions_as_a_restore_prints_them_compare_clean(db: TestDatabase) {
    let mut found = lcfs_db::catalog::read_in_transaction(&db).await.unwrap();
    let views: Vec<(Kind, String, String)> = [Kind::View, Kind::MaterializedView]
        .into_iter()
        .flat_map(|kind| {
            found.of_kind(kind).map(move |(name, attributes)| {
                let text = attributes["definition"].as_str().unwrap().to_owned();
                (kind, name.to_owned(), text)
            })
        })
        .collect();
    db.batch_execute("BEGIN").await.unwrap();
    let mut reprinted = 0;
    for (kind, name, text) in &views {
        db.batch_execute(&format!(
            "CREATE TEMPORARY VIEW restored AS {}",
            text.trim_end_matches(';')
        ))
        .await
        .unwrap();
        let printed: String = db
            .query_one(
                "SELECT btrim(pg_get_viewdef('restored'), E' \\t\\r\\n')",
                &[],
            )
            .await
            .unwrap()
            .get(0);
        db.batch_execute("DROP VIEW restored").await.unwrap();
        reprinted += usize::from(&printed != text);
        let mut attributes = found.get(*kind, name).unwrap().clone();
        attributes.insert("definition".into(), printed.into());
        found.insert(*kind, name.clone(), attributes);
    }
    db.batch_execute("ROLLBACK").await.unwrap();
    assert!(reprinted > 0, "a restore prints some definition otherwise");
    let mut expected = lcfs_db::catalog::head_snapshot().unwrap();
    lcfs_db::catalog::align_definitions(&db, &mut expected, &mut found)
        .await
        .unwrap();
    let drift = lcfs_db::catalog::compare(&expected, &found);
    assert!(drift.is_empty(), "{drift}");
}
