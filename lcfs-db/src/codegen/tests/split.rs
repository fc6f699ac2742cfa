use super::super::error::ErrorKind;
use super::super::split::split;
use super::file;

fn texts(sql: &str) -> Vec<String> {
    let file = file(sql);
    split(&file)
        .expect("splits")
        .iter()
        .map(|s| s.text.to_owned())
        .collect()
}

fn error(sql: &str) -> String {
    let err = split(&file(sql)).expect_err("does not split");
    assert_eq!(err.kind(), ErrorKind::Syntax);
    err.to_string()
}

#[test]
fn splits_at_semicolons_and_keeps_a_last_statement_without_one() {
    assert_eq!(
        texts("SELECT 1;\nSELECT 2 ;  SELECT 3"),
        ["SELECT 1", "SELECT 2", "SELECT 3"]
    );
}

#[test]
fn skips_empty_statements_and_leading_or_trailing_comments() {
    let sql = "-- header\n;;\n/* lead */ SELECT 1; -- after\n/* only a comment */\n";
    assert_eq!(texts(sql), ["SELECT 1"]);
}

#[test]
fn statement_offsets_point_at_their_first_character() {
    let file = file("-- c\nSELECT 1;\n  SELECT 2;");
    let offsets: Vec<usize> = split(&file).unwrap().iter().map(|s| s.offset).collect();
    assert_eq!(offsets, [5, 17]);
}

#[test]
fn semicolons_inside_strings_and_identifiers_do_not_split() {
    let sql = "INSERT INTO t VALUES ('a;b', 'it''s; here', \"odd;name\");SELECT 2";
    assert_eq!(
        texts(sql),
        [
            "INSERT INTO t VALUES ('a;b', 'it''s; here', \"odd;name\")",
            "SELECT 2"
        ]
    );
}

#[test]
fn escape_strings_end_at_an_unescaped_quote() {
    let sql = r"SELECT E'a\'; b\\'; SELECT 'c\'; SELECT 3";
    assert_eq!(
        texts(sql),
        [r"SELECT E'a\'; b\\'", r"SELECT 'c\'", "SELECT 3"]
    );
}

#[test]
fn dollar_quotes_hide_semicolons_and_other_quotes() {
    let sql = "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\n\
               DO $body$ BEGIN RAISE NOTICE 'x;$$'; END $body$;\nSELECT 3";
    let statements = texts(sql);
    assert_eq!(statements.len(), 3);
    assert!(statements[1].ends_with("END $body$"), "{statements:?}");
}

#[test]
fn dollars_in_identifiers_and_parameters_are_not_quotes() {
    assert_eq!(
        texts("SELECT a$b$c FROM t;SELECT $1;SELECT 2"),
        ["SELECT a$b$c FROM t", "SELECT $1", "SELECT 2"]
    );
}

#[test]
fn block_comments_nest() {
    let sql = "/* outer /* inner; */ still a comment; */ SELECT 1; SELECT 2";
    assert_eq!(texts(sql), ["SELECT 1", "SELECT 2"]);
}

#[test]
fn line_comments_hide_semicolons_and_quotes() {
    assert_eq!(
        texts("SELECT 1 -- it's; not\n + 1; SELECT 2"),
        ["SELECT 1 -- it's; not\n + 1", "SELECT 2"]
    );
}

#[test]
fn semicolons_inside_parentheses_do_not_split() {
    assert_eq!(
        texts("CREATE RULE r AS ON INSERT TO t DO ALSO (SELECT 1; SELECT 2); SELECT 3").len(),
        2
    );
}

#[test]
fn unterminated_quotes_and_comments_point_at_where_they_open() {
    assert!(
        error("SELECT 1;\nSELECT 'abc")
            .contains("unterminated string\n --> migrations/V001__test.sql:2:8")
    );
    assert!(error("SELECT \"abc").contains("unterminated quoted identifier"));
    assert!(
        error("SELECT 1 /* a /* b */")
            .contains("unterminated comment\n --> migrations/V001__test.sql:1:10")
    );
    let dollar = error("DO $tag$ BEGIN END $other$;");
    assert!(
        dollar.contains("unterminated dollar-quoted string"),
        "{dollar}"
    );
    assert!(dollar.contains(":1:4\n"), "{dollar}");
    assert!(error("SELECT E'it\\'s").contains("unterminated string"));
}

#[test]
fn an_unclosed_parenthesis_points_at_itself() {
    let message = error("SELECT 1;\nCREATE TABLE t (a int;\nSELECT 2;");
    assert!(
        message.starts_with("error: unclosed `(`\n --> migrations/V001__test.sql:2:16"),
        "{message}"
    );
}
