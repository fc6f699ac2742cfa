use super::super::error::{BuildError, ErrorKind};
use super::super::source::{Location, SourceFile};
use super::model_of;

#[test]
fn errors_render_like_rustc_with_a_caret_under_the_column() {
    let file = SourceFile {
        path: "migrations/V002__x.sql".into(),
        text: "SELECT 1;\n\n\nALTER TABLE organisation ADD x int;\n".into(),
    };
    let err = BuildError::new(ErrorKind::Schema, "unknown table `organisation`")
        .at(file.at_offset(24, 12));
    assert_eq!(
        err.to_string(),
        "error: unknown table `organisation`\n --> migrations/V002__x.sql:4:13\n  |\n4 | ALTER TABLE organisation ADD x int;\n  |             ^^^^^^^^^^^^\n"
    );
}

#[test]
fn the_gutter_widens_with_the_line_number_and_tabs_keep_the_caret_aligned() {
    let text = format!("{}\tSELECT\tbad\n", "\n".repeat(13));
    let file = SourceFile {
        path: "m.sql".into(),
        text,
    };
    let rendered = BuildError::new(ErrorKind::Syntax, "x")
        .at(file.at_offset(21, 3))
        .to_string();
    assert_eq!(
        rendered,
        "error: x\n  --> m.sql:14:9\n   |\n14 | \tSELECT\tbad\n   | \t      \t^^^\n"
    );
}

#[test]
fn a_file_without_a_position_is_named_with_the_help_of_its_kind() {
    let err = BuildError::new(ErrorKind::Sequence, "migration version 2 is missing")
        .at(Location::file("migrations/V003__y.sql"));
    assert!(err.to_string().starts_with(
        "error: migration version 2 is missing\n --> migrations/V003__y.sql\n  = help: versions run"
    ));
}

#[test]
fn positions_inside_a_statement_count_from_the_file_and_in_characters() {
    // The statement starts mid-line after a multi-byte character; the error is on its third line.
    let sql = "SELECT 'é'; CREATE TABLE t (\n  a int,\n  b nosuchtype\n)";
    let err = model_of(sql).unwrap_err().to_string();
    assert!(
        err.contains(" --> migrations/V001__test.sql:3:3\n"),
        "{err}"
    );
    let sql = "SELECT 'é'; ALTER TABLE nosuch ADD x int";
    let err = model_of(sql).unwrap_err().to_string();
    assert!(
        err.contains(" --> migrations/V001__test.sql:1:25\n"),
        "{err}"
    );
    assert!(
        err.ends_with(
            "1 | SELECT 'é'; ALTER TABLE nosuch ADD x int\n  |                         ^^^^^^\n"
        ),
        "{err}"
    );
}

#[test]
fn syntax_errors_point_into_the_file() {
    let sql = "SELECT 1;\n-- comment\nCREATE TABLE t (\n    a int,,\n)";
    let err = model_of(sql).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Syntax);
    assert!(
        err.to_string()
            .contains(" --> migrations/V001__test.sql:4:11\n"),
        "{err}"
    );
}
