use super::super::error::ErrorKind;
use super::super::parse::parse;
use super::super::split::split;
use super::file;

/// Whether each statement of `sql` parsed (`true`) or passed through unparsed (`false`).
fn parsed(sql: &str) -> Vec<bool> {
    let file = file(sql);
    let statements = split(&file).unwrap();
    statements
        .iter()
        .map(|s| {
            parse(&file, s)
                .unwrap_or_else(|err| panic!("{err}"))
                .is_some()
        })
        .collect()
}

#[test]
fn shape_neutral_forms_sqlparser_lacks_pass_through() {
    let sql = "
        DO $$ BEGIN PERFORM 1; END $$;
        ALTER SEQUENCE s OWNED BY t.id;
        ALTER SEQUENCE s RESTART WITH 10;
        CREATE MATERIALIZED VIEW mv AS SELECT 1 AS a WITH NO DATA;
        CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql COST 10 AS $$ SELECT 1 $$;
        CREATE PROCEDURE p() LANGUAGE plpgsql AS $$ BEGIN END $$;
        CREATE TRIGGER t AFTER INSERT ON x FOR EACH ROW EXECUTE FUNCTION f('a', 'b');
        CREATE INDEX IF NOT EXISTS ix ON ONLY t (a);
        DROP INDEX CONCURRENTLY IF EXISTS ix;
        COMMENT ON FUNCTION f() IS 'x';
        COMMENT ON TRIGGER t ON x IS 'y';
    ";
    assert_eq!(parsed(sql), [false; 11]);
}

#[test]
fn statements_sqlparser_understands_are_parsed() {
    let sql = "CREATE TRIGGER t AFTER INSERT ON x FOR EACH ROW EXECUTE FUNCTION f(); CREATE VIEW v AS SELECT 1";
    assert_eq!(parsed(sql), [true, true]);
}

#[test]
fn other_statements_must_parse() {
    for (sql, position) in [
        ("CREATE TABLE t (LIKE other INCLUDING ALL)", "1:28"),
        ("ALTER TABLE t SET SCHEMA other", "1:19"),
        ("COMMENT ON TABLE f() IS 'x'", "1:19"),
        ("INSERT INTO t VALUES (1) garbage", "1:26"),
        ("SELEC 1", "1:1"),
    ] {
        let file = file(sql);
        let err = parse(&file, &split(&file).unwrap()[0]).expect_err(sql);
        assert_eq!(err.kind(), ErrorKind::Syntax, "{sql}");
        assert!(
            err.to_string()
                .contains(&format!("V001__test.sql:{position}\n")),
            "{sql}: {err}"
        );
    }
}

#[test]
fn passed_through_statements_must_still_be_lexically_complete() {
    for (sql, message) in [
        ("DO $$ BEGIN END $$ )", "unbalanced `)`"),
        (
            "CREATE TRIGGER t AFTER INSERT ON x FOR EACH ROW EXECUTE FUNCTION f('a')]",
            "unbalanced `]`",
        ),
        ("ALTER SEQUENCE s OWNED BY t.id [", "unclosed `[`"),
    ] {
        let file = file(sql);
        let err = parse(&file, &split(&file).unwrap()[0]).expect_err(sql);
        assert!(
            err.to_string().starts_with(&format!("error: {message}")),
            "{sql}: {err}"
        );
    }
}
