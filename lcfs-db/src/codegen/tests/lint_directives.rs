//! Directives that are wrong fail the build; replacement patterns and objects created by the
//! same migration are not false alarms.

use super::super::error::ErrorKind;
use super::super::lint::Class;
use super::lint::{head, run};

fn fails(sql: &str) -> String {
    let error = run(&mut head(), 16, "example", sql).expect_err(sql);
    error.to_string()
}

fn passes(sql: &str) -> Class {
    run(&mut head(), 16, "example", sql)
        .unwrap_or_else(|e| panic!("{sql}\n{e}"))
        .class
}

#[test]
fn an_unknown_rule_a_misplaced_or_an_unused_directive_fails() {
    let unknown = fails("-- lcfs-db: accept no-such-rule because why not\nSELECT 1;");
    assert!(
        unknown.starts_with(
            "error: `no-such-rule` is not a lint rule\n --> migrations/V016__example.sql:1:1\n"
        ),
        "{unknown}"
    );
    let misplaced =
        fails("-- lcfs-db: accept drop-table because old\n\nDROP TABLE user_login_history;");
    assert!(
        misplaced.contains(
            "this `accept` directive is not on the comment lines directly above a statement"
        ),
        "{misplaced}"
    );
    assert!(
        misplaced.contains("error[drop-table]"),
        "the finding stays: {misplaced}"
    );
    let unused = fails(
        "-- lcfs-db: accept drop-table because old\nALTER TABLE organization ADD COLUMN note text;",
    );
    assert!(
        unused.contains("`accept drop-table`: the statement below breaks no such rule"),
        "{unused}"
    );
    let class = fails("-- lcfs-db: class shrink because yes\nSELECT 1;");
    assert!(class.contains("unknown class `shrink`"), "{class}");
    let reasonless = fails("-- lcfs-db: class contract\nSELECT 1;");
    assert!(
        reasonless.contains("`class contract` needs a reason"),
        "{reasonless}"
    );
    let late = fails("SELECT 1;\n-- lcfs-db: class contract because late\nSELECT 2;");
    assert!(late.contains("belongs in the file's header"), "{late}");
}

#[test]
fn every_finding_of_a_migration_is_reported_at_once() {
    let error = run(
        &mut head(),
        16,
        "example",
        "CREATE INDEX idx_a ON organization (email);\nALTER TABLE organization DROP COLUMN phone;",
    )
    .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Lint);
    let rendered = error.to_string();
    assert!(
        rendered.contains("error[require-concurrent-index]")
            && rendered.contains("error[drop-column]"),
        "{rendered}"
    );
    assert!(
        rendered.contains("V016__example.sql:1:23") && rendered.contains("V016__example.sql:2:38"),
        "{rendered}"
    );
}

#[test]
fn objects_created_by_the_same_migration_are_exempt() {
    let class = passes(
        "CREATE TABLE report_note (id integer PRIMARY KEY, body text, pages integer);\n\
         CREATE INDEX idx_report_note_body ON report_note (body);\n\
         ALTER TABLE report_note ADD CONSTRAINT ck_pages CHECK (pages > 0);\n\
         ALTER TABLE report_note ALTER COLUMN body SET NOT NULL;\n\
         ALTER TABLE report_note ALTER COLUMN pages TYPE bigint;\n\
         ALTER TABLE report_note ADD COLUMN public_id uuid DEFAULT gen_random_uuid();\n\
         ALTER TABLE report_note DROP COLUMN pages;\n\
         CREATE MATERIALIZED VIEW mv_report_note AS SELECT count(*) AS notes FROM report_note WITH NO DATA;\n\
         CREATE UNIQUE INDEX mv_report_note_idx ON mv_report_note (notes);\n\
         REFRESH MATERIALIZED VIEW mv_report_note;\n\
         DROP TABLE report_note CASCADE;",
    );
    assert_eq!(class, Class::Expand);
}

#[test]
fn replacing_views_functions_and_triggers_is_expand_and_not_flagged() {
    let class = passes(
        "DROP TRIGGER refresh_mv_fuel_code_count_after_change ON fuel_code;\n\
         DROP FUNCTION refresh_mv_fuel_code_count();\n\
         CREATE FUNCTION refresh_mv_fuel_code_count() RETURNS trigger LANGUAGE plpgsql AS $$\n\
         BEGIN\n    REFRESH MATERIALIZED VIEW CONCURRENTLY public.mv_fuel_code_count;\n    RETURN NULL;\nEND\n$$;\n\
         CREATE TRIGGER refresh_mv_fuel_code_count_after_change\n    AFTER INSERT OR UPDATE OR DELETE ON fuel_code\n    \
         FOR EACH STATEMENT EXECUTE FUNCTION refresh_mv_fuel_code_count();\n\
         CREATE OR REPLACE FUNCTION update_count_transfers_in_progress() RETURNS trigger LANGUAGE plpgsql AS $$\n\
         BEGIN RETURN NEW; END $$;\n\
         DROP MATERIALIZED VIEW mv_fuel_code_count;\n\
         CREATE MATERIALIZED VIEW mv_fuel_code_count AS SELECT 'Draft'::text AS status, count(*) AS count FROM fuel_code;\n\
         CREATE UNIQUE INDEX mv_fuel_code_count_idx ON mv_fuel_code_count (status);",
    );
    assert_eq!(class, Class::Expand);
}

#[test]
fn a_function_dropped_and_not_created_again_is_contract() {
    let mut model = head();
    let verdict = run(
        &mut model,
        16,
        "example",
        "DROP FUNCTION is_user_safe_to_remove(text);",
    )
    .unwrap();
    assert_eq!(
        (verdict.class, verdict.reason.as_str()),
        (
            Class::Contract,
            "drops function `is_user_safe_to_remove` (line 1)"
        )
    );
}

#[test]
fn cluster_is_flagged_like_vacuum_full() {
    let error = fails("CLUSTER organization USING pk_organization;");
    assert!(
        error.starts_with("error[vacuum-full-or-cluster]: CLUSTER rewrites the table"),
        "{error}"
    );
}
