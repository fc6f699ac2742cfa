//! The lint, rule by rule, on top of the real V001–V015: each rule's example fails with the
//! expected diagnostic (`tests/codegen/lint-rules/<rule>.txt`), its safe form passes, an
//! `accept` directive with a reason passes and keeps the reason, one without a reason fails.

use std::path::Path;
use std::sync::OnceLock;

use super::super::analyze::analyze;
use super::super::discover::discover;
use super::super::error::{BuildError, ErrorKind};
use super::super::lint::{NEXT_MIGRATION, RULES, Verdict};
use super::super::model::Model;
use super::super::source::SourceFile;
use super::super::split::split;
use super::expected;

const EXPECTED: &str = "tests/codegen/lint-rules";

/// The model after V001–V015, replayed once.
pub fn head() -> Model {
    static HEAD: OnceLock<Model> = OnceLock::new();
    HEAD.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut model = Model::default();
        for migration in discover(root, "migrations").expect("the migrations") {
            let up = SourceFile::read(root, &migration.up).expect("an up file");
            analyze(&mut model, &up, &migration.name).expect("V001–V015 pass the lint");
        }
        model
    })
    .clone()
}

/// Runs `sql` as the next migration, V016 on.
pub fn run(model: &mut Model, version: i32, name: &str, sql: &str) -> Result<Verdict, BuildError> {
    let file = SourceFile {
        path: format!("migrations/V{version:03}__{name}.sql"),
        text: sql.to_owned(),
    };
    analyze(model, &file, name).map(|analyzed| analyzed.verdict)
}

/// Runs the migrations of an example, separated by [`NEXT_MIGRATION`], from V016 on.
pub fn run_all(sql: &str) -> Result<Vec<Verdict>, BuildError> {
    let mut model = head();
    sql.split(&format!("{NEXT_MIGRATION}\n"))
        .enumerate()
        .map(|(step, part)| run(&mut model, 16 + step as i32, "example", part))
        .collect()
}

/// `sql` with `line` put on its own line directly above its last statement.
fn above_last_statement(sql: &str, line: &str) -> String {
    let file = SourceFile {
        path: String::new(),
        text: sql.to_owned(),
    };
    let last = split(&file)
        .expect("splits")
        .last()
        .expect("a statement")
        .offset;
    let start = sql[..last].rfind('\n').map_or(0, |i| i + 1);
    format!("{}{line}\n{}", &sql[..start], &sql[start..])
}

#[test]
fn every_rule_flags_its_example_with_the_expected_diagnostic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut failures = Vec::new();
    for rule in RULES {
        let error = match run(&mut head(), 16, &rule.name.replace('-', "_"), rule.example) {
            Ok(_) => {
                failures.push(format!("{}: its example passes", rule.name));
                continue;
            }
            Err(error) => error,
        };
        assert_eq!(error.kind(), ErrorKind::Lint, "{}: {error}", rule.name);
        let rendered = error.to_string();
        assert!(
            rendered.starts_with(&format!("error[{}]: ", rule.name)),
            "{rendered}"
        );
        assert!(rendered.contains(" --> migrations/V016__"), "{rendered}");
        let path = root.join(EXPECTED).join(format!("{}.txt", rule.name));
        if let Err(failure) = expected::check(&path, &rendered) {
            failures.push(failure);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_rules_safe_form_passes() {
    for rule in RULES {
        if let Err(error) = run_all(rule.safe) {
            panic!("{}: the safe form fails:\n{error}", rule.name);
        }
    }
}

#[test]
fn an_accept_directive_with_a_reason_passes_and_keeps_the_reason() {
    for rule in RULES {
        let directive = format!(
            "-- lcfs-db: accept {} because the table is known small",
            rule.name
        );
        let sql = above_last_statement(rule.example, &directive);
        let verdict = run(&mut head(), 16, "accepted", &sql)
            .unwrap_or_else(|error| panic!("{}: accepted, yet\n{error}", rule.name));
        let accepted = &verdict.accepted;
        assert_eq!(accepted.len(), 1, "{}: {accepted:?}", rule.name);
        assert_eq!(
            (accepted[0].rule, accepted[0].reason.as_str()),
            (rule.name, "the table is known small")
        );
        assert_eq!(
            accepted[0].line,
            sql.lines().position(|l| l == directive).unwrap() + 2
        );
    }
}

#[test]
fn an_accept_directive_without_a_reason_fails() {
    for rule in RULES {
        let sql = above_last_statement(rule.example, &format!("-- lcfs-db: accept {}", rule.name));
        let error = run(&mut head(), 16, "no_reason", &sql)
            .expect_err(rule.name)
            .to_string();
        assert!(
            error.contains(&format!("`accept {}` needs a reason", rule.name)),
            "{}: {error}",
            rule.name
        );
        assert!(
            error.contains(" --> migrations/V016__no_reason.sql:"),
            "{error}"
        );
    }
}

#[test]
fn rules_have_distinct_kebab_case_names_and_complete_docs() {
    let mut names: Vec<&str> = RULES.iter().map(|r| r.name).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), RULES.len());
    for rule in RULES {
        assert!(
            rule.name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'-'),
            "{}",
            rule.name
        );
        assert!(
            !rule.summary.contains('\n') && rule.summary.ends_with('.'),
            "{}",
            rule.name
        );
        assert!(
            rule.why.len() > 200 && !rule.safe.is_empty(),
            "{}",
            rule.name
        );
    }
}

/// The rule reference of `docs/migration-rules.md`, written from the rules themselves.
fn reference() -> String {
    let mut text = String::new();
    for rule in RULES {
        text.push_str(&format!(
            "### `{}`\n\n{}\n\n{}\n\nFlagged:\n\n```sql\n{}```\n\nSafe:\n\n```sql\n{}```\n\n",
            rule.name, rule.summary, rule.why, rule.example, rule.safe
        ));
    }
    text
}

#[test]
fn the_rules_doc_lists_every_rule_as_the_code_defines_it() {
    const DOC: &str = "docs/migration-rules.md";
    const START: &str = "<!-- rules: written by the tests from lcfs-db/src/codegen/lint/ -->\n\n";
    const END: &str = "<!-- /rules -->";
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(DOC);
    let doc = std::fs::read_to_string(&path).expect("the rules doc");
    let (before, rest) = doc.split_once(START).expect("the start marker");
    let (_, after) = rest.split_once(END).expect("the end marker");
    let wanted = format!("{before}{START}{}{END}{after}", reference());
    if let Err(failure) = expected::check(&path, &wanted) {
        panic!("{failure}");
    }
}
