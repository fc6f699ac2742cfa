//! Classification: V001–V015 only create and V016–V017 only add indexes, triggers and a schema
//! of their own and replace function bodies, so all are expand; V019 drops a function only the
//! triggers it replaces called and revokes EXECUTE on one it creates, which the analysis reads
//! as contract, so its header says expand and why; hand-made sets show which changes
//! make a migration contract, and a header directive overrides the analysis with its reason.

use std::path::Path;

use super::super::analyze::analyze;
use super::super::discover::discover;
use super::super::lint::{Class, Verdict};
use super::super::model::Model;
use super::super::source::SourceFile;
use super::lint::run;

const BASE: &str = "CREATE TYPE status_enum AS ENUM ('Draft', 'Submitted');\n\
                    CREATE TABLE report (id integer PRIMARY KEY, title text, status status_enum);\n";

/// The verdict of `sql` as V002 on top of [`BASE`].
fn verdict(sql: &str) -> Verdict {
    let mut model = Model::default();
    run(&mut model, 1, "base", BASE).expect("the base passes");
    run(&mut model, 2, "change", sql).unwrap_or_else(|error| panic!("{sql}\n{error}"))
}

#[test]
fn the_embedded_migrations_are_all_expand() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut model = Model::default();
    let migrations = discover(root, "migrations").unwrap();
    assert!(migrations.len() >= 17);
    for migration in migrations {
        let up = SourceFile::read(root, &migration.up).unwrap();
        let verdict = analyze(&mut model, &up, &migration.name).unwrap().verdict;
        assert_eq!(
            verdict.class,
            Class::Expand,
            "{}: {}",
            migration.up,
            verdict.reason
        );
        let overridden = migration.up.contains("V019__");
        assert!(
            verdict.overridden == overridden && verdict.accepted.is_empty(),
            "{}",
            migration.up
        );
    }
}

#[test]
fn additions_are_expand() {
    for sql in [
        "ALTER TABLE report ADD COLUMN note text;",
        "ALTER TABLE report ADD COLUMN pages integer NOT NULL DEFAULT 0;",
        "ALTER TYPE status_enum ADD VALUE 'Archived';",
        "CREATE TABLE report_note (id integer PRIMARY KEY, report_id integer REFERENCES report (id));",
        "CREATE VIEW v_report AS SELECT id, title FROM report;",
        "-- lcfs-db: no-transaction\nCREATE INDEX CONCURRENTLY idx_report_title ON report (title);",
        "ALTER TABLE report ALTER COLUMN title SET DEFAULT 'untitled';",
    ] {
        let verdict = verdict(sql);
        assert_eq!(verdict.class, Class::Expand, "{sql}: {}", verdict.reason);
    }
}

#[test]
fn removals_renames_and_narrowings_are_contract() {
    for (sql, reason) in [
        (
            "-- lcfs-db: accept drop-column because unused\nALTER TABLE report DROP COLUMN title;",
            "drops column `report.title` (line 2)",
        ),
        (
            "-- lcfs-db: accept rename-column because unused\nALTER TABLE report RENAME COLUMN title TO name;",
            "renames column `report.title` (line 2)",
        ),
        (
            "-- lcfs-db: accept rename-table-or-view because unused\nALTER TABLE report RENAME TO statement;",
            "renames `report` (line 2)",
        ),
        (
            "-- lcfs-db: accept remove-enum-label because unused\n\
             ALTER TYPE status_enum RENAME VALUE 'Draft' TO 'Drafted';",
            "renames label 'Draft' of `status_enum` (line 2)",
        ),
        (
            "-- lcfs-db: accept drop-table because unused\nDROP TABLE report;",
            "drops `report` (line 2)",
        ),
        (
            "ALTER TABLE report ADD CONSTRAINT ck_report_title CHECK (title <> '') NOT VALID;",
            "adds a constraint to `report` (line 1)",
        ),
        (
            "ALTER TABLE report ALTER COLUMN id DROP DEFAULT;",
            "drops the default of `report.id` (line 1)",
        ),
    ] {
        let verdict = verdict(sql);
        assert_eq!(
            (verdict.class, verdict.reason.as_str()),
            (Class::Contract, reason),
            "{sql}"
        );
    }
}

#[test]
fn an_enum_label_removed_by_recreating_the_type_is_contract() {
    let sql = "-- lcfs-db: accept remove-enum-label because no row is Submitted\n\
               ALTER TYPE status_enum RENAME TO status_enum_old;\n\
               CREATE TYPE status_enum AS ENUM ('Draft');\n\
               -- lcfs-db: accept changing-column-type because the table is small\n\
               ALTER TABLE report ALTER COLUMN status TYPE status_enum USING status::text::status_enum;\n\
               DROP TYPE status_enum_old;";
    let verdict = verdict(sql);
    assert_eq!(verdict.class, Class::Contract, "{}", verdict.reason);
    assert!(
        verdict
            .reason
            .starts_with("removes or renames type `status_enum` (line 2)"),
        "{}",
        verdict.reason
    );
}

#[test]
fn a_class_directive_overrides_the_analysis_and_keeps_its_reason() {
    let sql = "-- lcfs-db: class expand because no deployed code reads report.title since 2.3\n\
               -- lcfs-db: accept drop-column because no deployed code reads it\n\
               ALTER TABLE report DROP COLUMN title;";
    let verdict = verdict(sql);
    assert_eq!(verdict.class, Class::Expand);
    assert!(verdict.overridden);
    assert_eq!(
        verdict.reason,
        "no deployed code reads report.title since 2.3"
    );
    let contract = super::lint::run(
        &mut {
            let mut model = Model::default();
            run(&mut model, 1, "base", BASE).unwrap();
            model
        },
        2,
        "change",
        "-- lcfs-db: class contract because a DO block drops a function\nDO $$ BEGIN NULL; END $$;",
    )
    .unwrap();
    assert_eq!(
        (contract.class, contract.overridden),
        (Class::Contract, true)
    );
}
