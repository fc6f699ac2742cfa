//! `lint`, `upgrade --strict-history`, and what `status` and `history` say of classes, through
//! the real binary.

mod common;

use std::fs;

use common::cli::{lcfs_db, lcfs_db_env, ok, stderr, stdout};
use lcfs_db::testing::TestDatabase;
use lcfs_db::{Migration, Migrator, migrations};

/// Removed when dropped, also when the test fails.
fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

#[test]
fn lint_shows_the_builds_diagnostic_for_a_migration_being_written() {
    let dir = temp_dir();
    let file = dir.path().join("V100__email_index.sql");
    fs::write(&file, "-- V100: find organizations by email.\nCREATE INDEX idx_organization_email ON organization (email);\n").unwrap();
    let output = lcfs_db("postgres://unused", &["lint", file.to_str().unwrap()]);
    assert!(!output.status.success());
    let err = stderr(&output);
    let expected = format!(
        "error[require-concurrent-index]: creating an index on `organization`, which holds data, without CONCURRENTLY\n \
         --> {}:2:40\n  |\n2 | CREATE INDEX idx_organization_email ON organization (email);\n  |                                        ^^^^^^^^^^^^\n",
        file.display()
    );
    assert!(err.starts_with(&expected), "{err}");
    assert!(
        err.contains("-- lcfs-db: accept require-concurrent-index because <reason>"),
        "{err}"
    );
    assert!(
        err.ends_with(&format!(
            "error: {} does not pass the migration checks\n",
            file.display()
        )),
        "{err}"
    );
}

#[test]
fn lint_names_the_class_and_the_accepted_findings_of_passing_files() {
    let dir = temp_dir();
    let first = dir.path().join("V100__add_note.sql");
    let second = dir.path().join("V101__drop_edrms_record.sql");
    fs::write(&first, "ALTER TABLE organization ADD COLUMN note text;\n").unwrap();
    fs::write(
        &second,
        "-- lcfs-db: accept drop-column because no deployed code reads it since 2.3\n\
         ALTER TABLE organization DROP COLUMN edrms_record;\n",
    )
    .unwrap();
    let output = ok(lcfs_db(
        "postgres://unused",
        &["lint", first.to_str().unwrap(), second.to_str().unwrap()],
    ));
    assert_eq!(
        stdout(&output),
        format!(
            "{}: expand (adds only: removes, renames and narrows nothing)\n\
             {}: contract (drops column `organization.edrms_record` (line 2))\n  \
             accepts drop-column at line 2: no deployed code reads it since 2.3\n",
            first.display(),
            second.display()
        )
    );
    // Without files: the migrations folder's files above the built-in head.
    fs::write(dir.path().join("V001__old.sql"), "DROP TABLE organization;").unwrap();
    let output = ok(lcfs_db(
        "postgres://unused",
        &["lint", "--migrations-dir", dir.path().to_str().unwrap()],
    ));
    assert!(
        stdout(&output).starts_with(&format!("{}: expand", first.display())),
        "{}",
        stdout(&output)
    );
}

#[test]
fn lint_lists_every_rule_with_why_and_the_safe_way() {
    let output = ok(lcfs_db("postgres://unused", &["lint", "--rules"]));
    let text = stdout(&output);
    for rule in lcfs_db::lint::rules() {
        assert!(
            text.contains(&format!("{}\n  {}\n", rule.name, rule.summary)),
            "{}",
            rule.name
        );
    }
    assert!(
        text.contains("  safe:\n    -- lcfs-db: no-transaction\n"),
        "{text}"
    );
}

#[lcfs_db::test]
async fn status_history_and_strict_upgrade_speak_of_classes(db: TestDatabase) {
    let mut newer = migrations().to_vec();
    newer.push(Migration::new(
        100,
        "add_note",
        "-- lcfs-db: class expand because it adds a nullable column\nALTER TABLE organization ADD COLUMN note text;",
        "ALTER TABLE organization DROP COLUMN note;",
    ));
    Migrator::with_migrations(newer).run(&db).await.unwrap();

    let status = ok(lcfs_db(db.url(), &["status"]));
    assert!(
        stdout(&status).contains("ahead:           V100 add_note (expand, applied by a newer build: this binary keeps working)"),
        "{}",
        stdout(&status)
    );
    let history = stdout(&ok(lcfs_db(db.url(), &["history"])));
    assert!(
        history
            .lines()
            .next()
            .unwrap()
            .ends_with("class     checksum"),
        "{history}"
    );
    assert!(
        history
            .lines()
            .any(|l| l.starts_with("V015 ") && l.ends_with("expand    ok")),
        "{history}"
    );
    assert!(
        history
            .lines()
            .any(|l| l.starts_with("V100 ") && l.ends_with("expand    MISSING")),
        "{history}"
    );

    let upgrade = ok(lcfs_db(db.url(), &["upgrade"]));
    assert!(
        stdout(&upgrade).contains("ahead of this binary: V100 add_note (expand, applied on "),
        "{}",
        stdout(&upgrade)
    );
    let strict = lcfs_db(db.url(), &["upgrade", "--strict-history"]);
    assert!(!strict.status.success());
    assert!(
        stderr(&strict).contains("version 100 (add_note"),
        "{}",
        stderr(&strict)
    );
    // The variable reads as the other switches do: 1 turns it on, 0 leaves it off.
    let by_variable = lcfs_db_env(
        &[("DATABASE_URL", db.url()), ("LCFS_DB_STRICT_HISTORY", "1")],
        &["upgrade"],
    );
    assert!(
        stderr(&by_variable).contains("version 100 (add_note"),
        "{}",
        stderr(&by_variable)
    );
    ok(lcfs_db_env(
        &[("DATABASE_URL", db.url()), ("LCFS_DB_STRICT_HISTORY", "0")],
        &["upgrade"],
    ));
}
