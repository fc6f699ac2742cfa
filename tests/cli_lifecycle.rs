//! The `lcfs-db` binary moving real databases between versions.

mod common;

use common::cli::{catalog, lcfs_db, ok, stderr, stdout};
use common::probe::{applied_versions, column};
use lcfs_db::testing::TestDatabase;

#[lcfs_db::test(empty)]
async fn upgrade_to_head_then_to_nothing_more(db: TestDatabase) {
    let first = ok(lcfs_db(db.url(), &["upgrade"]));
    let head = lcfs_db::migrations().len() as i32;
    assert!(stdout(&first).contains(&format!("version 0 → {head}")));
    assert!(stderr(&first).contains(r#"applied version=1 name="extensions_and_enums""#));
    let second = ok(lcfs_db(db.url(), &["upgrade", "head"]));
    assert!(stdout(&second).contains("(0 migrations applied)"));
    ok(lcfs_db(
        db.url(),
        &["downgrade", &(head - 1).to_string(), "--yes"],
    ));
    let one = ok(lcfs_db(db.url(), &["upgrade"]));
    assert!(
        stdout(&one).contains("(1 migration applied)"),
        "{}",
        stdout(&one)
    );
    let status = stdout(&ok(lcfs_db(db.url(), &["status"])));
    assert!(
        status.contains(&format!("current version: {head}")),
        "{status}"
    );
    assert!(status.contains("pending:         none"), "{status}");
}

#[lcfs_db::test(empty)]
async fn upgrade_to_a_version_leaves_the_rest_pending(db: TestDatabase) {
    ok(lcfs_db(db.url(), &["upgrade", "3"]));
    assert_eq!(applied_versions(&db).await, [1, 2, 3]);
    let status = stdout(&ok(lcfs_db(db.url(), &["status"])));
    assert!(status.contains("current version: 3"));
    assert!(status.contains("pending:         V004 V005"), "{status}");
}

#[lcfs_db::test]
async fn downgrade_without_a_terminal_refuses_and_changes_nothing(db: TestDatabase) {
    // Each view refreshed once, as the application's writes do: the refresh state holds rows.
    db.batch_execute(
        "SELECT lcfs_db.mv_refresh_if_needed(matviewname::text) FROM pg_matviews \
         WHERE schemaname = 'public'",
    )
    .await
    .unwrap();
    let state: i64 = db
        .query_one("SELECT count(*) FROM lcfs_db.matview_refresh_state", &[])
        .await
        .unwrap()
        .get(0);
    assert!(state > 0, "the refresh state holds a row per view");
    let refused = lcfs_db(db.url(), &["downgrade", "2"]);
    assert!(!refused.status.success());
    let err = stderr(&refused);
    assert!(err.contains("pass --yes"), "{err}");
    assert!(
        err.contains("V015 reporting_role"),
        "the plan lists the versions: {err}"
    );
    assert!(
        err.contains("compliance_period (41 rows)"),
        "the plan lists tables with rows: {err}"
    );
    assert!(
        err.contains(&format!("lcfs_db.matview_refresh_state ({state} rows)")),
        "the plan lists tables with rows in every schema the migrations own: {err}"
    );
    assert_eq!(
        applied_versions(&db).await.len(),
        lcfs_db::migrations().len()
    );
}

#[lcfs_db::test]
async fn downgrade_with_yes_reverts_to_the_version(db: TestDatabase) {
    let out = ok(lcfs_db(db.url(), &["downgrade", "2", "--yes"]));
    assert!(stdout(&out).contains("→ 2"));
    assert_eq!(applied_versions(&db).await, [1, 2]);
    ok(lcfs_db(db.url(), &["downgrade", "--yes"]));
    assert!(applied_versions(&db).await.is_empty());
}

#[lcfs_db::test]
async fn history_and_status_show_an_edited_migration(db: TestDatabase) {
    let clean = stdout(&ok(lcfs_db(db.url(), &["history"])));
    assert!(clean.lines().filter(|l| l.ends_with(" ok")).count() == lcfs_db::migrations().len());
    db.batch_execute("UPDATE refinery_schema_history SET checksum = '1' WHERE version = 4")
        .await
        .unwrap();
    let history = lcfs_db(db.url(), &["history"]);
    assert_eq!(history.status.code(), Some(1), "{}", stderr(&history));
    let history = stdout(&history);
    assert!(
        history
            .lines()
            .any(|l| l.starts_with("V004") && l.ends_with("DIVERGENT")),
        "{history}"
    );
    let status = lcfs_db(db.url(), &["status"]);
    assert!(!status.status.success());
    assert!(stdout(&status).contains("divergent:       V004 credit_ledger_and_transfers"));
}

#[lcfs_db::test(empty)]
async fn printed_upgrade_sql_gives_the_same_catalog_as_upgrade(db: TestDatabase) {
    let script = stdout(&ok(lcfs_db(db.url(), &["sql", "upgrade"])));
    let twin = TestDatabase::empty().await.unwrap();
    let path = std::env::temp_dir().join(format!("{}.sql", db.name()));
    std::fs::write(&path, &script).unwrap();
    let psql = std::process::Command::new("psql")
        .args(["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", twin.url(), "-f"])
        .arg(&path)
        .output()
        .unwrap();
    std::fs::remove_file(&path).unwrap();
    ok(psql);
    ok(lcfs_db(db.url(), &["upgrade"]));
    assert_eq!(catalog(twin.url()).await, catalog(db.url()).await);
    let versions: Vec<i32> = column(&twin, "SELECT version FROM refinery_schema_history").await;
    assert_eq!(versions.len(), lcfs_db::migrations().len());
    let down = stdout(&ok(lcfs_db(db.url(), &["sql", "downgrade", "14"])));
    assert!(down.contains("V015__reporting_role.down.sql") && !down.contains("V014__"));
}

/// The versions of the migration files a printed script runs (its `-- V004__name.sql` lines),
/// in order.
fn files(script: &str) -> Vec<&str> {
    script
        .lines()
        .filter_map(|line| line.strip_prefix("-- V"))
        .filter(|file| file.ends_with(".sql") && !file.contains(' '))
        .filter_map(|file| file.split_once("__").map(|(version, _)| version))
        .collect()
}

#[lcfs_db::test(empty)]
async fn sql_prints_what_the_command_would_run_from_the_current_version(db: TestDatabase) {
    ok(lcfs_db(db.url(), &["upgrade", "3"]));
    let up = stdout(&ok(lcfs_db(db.url(), &["sql", "upgrade", "13"])));
    assert!(
        up.starts_with("-- lcfs-db upgrade from version 3 to version 13\n"),
        "{up}"
    );
    let expected: Vec<String> = (4..=13).map(|v| format!("{v:03}")).collect();
    assert_eq!(files(&up), expected);
    assert_eq!(
        applied_versions(&db).await,
        [1, 2, 3],
        "sql changes nothing"
    );

    // A target the database has passed: upgrade would run nothing, and so does the script.
    let passed = ok(lcfs_db(db.url(), &["sql", "upgrade", "V002"]));
    assert!(files(&stdout(&passed)).is_empty(), "{}", stdout(&passed));
    assert!(
        stderr(&passed).contains("0 migrations"),
        "{}",
        stderr(&passed)
    );
    let one = ok(lcfs_db(db.url(), &["sql", "downgrade", "2"]));
    assert_eq!(files(&stdout(&one)), ["003"]);
    assert!(stderr(&one).contains(": 1 migration\n"), "{}", stderr(&one));

    // The script is the upgrade: run by psql, it leaves the history upgrade would.
    let path = std::env::temp_dir().join(format!("{}.sql", db.name()));
    std::fs::write(&path, &up).unwrap();
    let psql = std::process::Command::new("psql")
        .args(["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", db.url(), "-f"])
        .arg(&path)
        .output()
        .unwrap();
    std::fs::remove_file(&path).unwrap();
    ok(psql);
    let status = stdout(&ok(lcfs_db(db.url(), &["status"])));
    assert!(status.contains("current version: 13"), "{status}");
    assert!(status.contains("pending:         V014 V015"), "{status}");
}

#[test]
fn sql_from_a_version_needs_no_database() {
    let unreachable = "postgres://nobody@127.0.0.1:1/nothing";
    let up = stdout(&ok(lcfs_db(
        unreachable,
        &["sql", "upgrade", "5", "--from", "3"],
    )));
    assert_eq!(files(&up), ["004", "005"]);
    let down = stdout(&ok(lcfs_db(
        unreachable,
        &["sql", "downgrade", "--from", "head"],
    )));
    let all: Vec<String> = (1..=lcfs_db::migrations().len())
        .rev()
        .map(|v| format!("{v:03}"))
        .collect();
    assert_eq!(files(&down), all);
    let unknown = lcfs_db(unreachable, &["sql", "upgrade", "--from", "999"]);
    assert!(
        stderr(&unknown).contains("there is no version 999"),
        "{}",
        stderr(&unknown)
    );
    let both = lcfs_db(
        unreachable,
        &[
            "sql",
            "upgrade",
            "--from",
            "3",
            "--database-url",
            unreachable,
        ],
    );
    assert!(!both.status.success());
    assert!(
        stderr(&both).contains("cannot be used with"),
        "{}",
        stderr(&both)
    );
}

#[test]
fn database_url_is_offered_only_where_a_database_is_used() {
    for command in [
        "upgrade",
        "downgrade",
        "status",
        "history",
        "sql",
        "seed",
        "reset",
    ] {
        let help = stdout(&ok(lcfs_db("postgres://unused", &[command, "--help"])));
        assert!(help.contains("--database-url <URL>"), "{command}: {help}");
        assert!(help.contains("LCFS_DB_LOG"), "{command}: {help}");
    }
    for command in ["erd", "generate", "docs"] {
        let help = stdout(&ok(lcfs_db("postgres://unused", &[command, "--help"])));
        assert!(!help.contains("--database-url"), "{command}: {help}");
    }
    let upgrade = stdout(&ok(lcfs_db("postgres://unused", &["upgrade", "--help"])));
    for fact in [
        "V014",
        "head",
        "base",
        "[default: head]",
        "private PostgreSQL cluster",
    ] {
        assert!(upgrade.contains(fact), "{fact}: {upgrade}");
    }
}

#[lcfs_db::test(empty)]
async fn the_database_url_flag_follows_the_command(db: TestDatabase) {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_lcfs-db"));
    command
        .args(["upgrade", "2", "--database-url", db.url()])
        .env("DATABASE_URL", "postgres://nobody@127.0.0.1:1/nothing");
    let out = ok(command.output().unwrap());
    assert!(
        stdout(&out).contains("(2 migrations applied)"),
        "{}",
        stdout(&out)
    );
    assert!(stderr(&out).contains("(2 migrations)"), "{}", stderr(&out));
    assert_eq!(applied_versions(&db).await, [1, 2]);
}

/// The first line of an error on stderr (`error: …`), without what follows it.
fn refusal(output: &std::process::Output) -> String {
    let err = stderr(output);
    let line = err.lines().find(|l| l.starts_with("error: "));
    line.unwrap_or_else(|| panic!("no error in:\n{err}"))
        .to_owned()
}

/// `status` and `history` refuse, in `upgrade`'s own words, every history `upgrade` refuses: a
/// deleted row, a dropped history table.
#[lcfs_db::test]
async fn status_and_history_refuse_what_upgrade_refuses(db: TestDatabase) {
    for (damage, words) in [
        (
            "DELETE FROM refinery_schema_history WHERE version = 9",
            "the history has no row for V009__notifications.sql",
        ),
        (
            "DROP TABLE refinery_schema_history",
            "the database has no history table refinery_schema_history, but schema public already holds",
        ),
    ] {
        db.batch_execute(damage).await.unwrap();
        let upgrade = lcfs_db(db.url(), &["upgrade"]);
        assert_eq!(upgrade.status.code(), Some(1), "{}", stderr(&upgrade));
        let refused = refusal(&upgrade);
        assert!(refused.contains(words), "{refused}");
        for command in ["status", "history"] {
            let out = lcfs_db(db.url(), &[command]);
            assert_eq!(out.status.code(), Some(1), "{command} after {damage}");
            assert_eq!(refusal(&out), refused, "{command} after {damage}");
        }
    }
}
