//! Comparing generated text with expected files, and rewriting them with `LCFS_DB_BLESS=1`.

use std::path::Path;

/// The variable that makes mismatching expected files be rewritten instead of failing.
pub const BLESS: &str = "LCFS_DB_BLESS";

/// Compares `actual` with the file at `path`; with [`BLESS`] set, writes `actual` there instead.
/// A mismatch is described with a diff of the differing lines.
pub fn check(path: &Path, actual: &str) -> Result<(), String> {
    let expected = std::fs::read_to_string(path).unwrap_or_default();
    if expected == actual {
        return Ok(());
    }
    if std::env::var_os(BLESS).is_some() {
        std::fs::create_dir_all(path.parent().expect("a file in a folder"))
            .expect("create the expected folder");
        std::fs::write(path, actual).expect("write the expected file");
        return Ok(());
    }
    Err(format!(
        "{} differs from the generated text (rerun with {BLESS}=1 to accept it):\n{}",
        path.display(),
        diff(&expected, actual)
    ))
}

/// A one-hunk diff: the lines between the common beginning and the common end, with context.
pub fn diff(expected: &str, actual: &str) -> String {
    const CONTEXT: usize = 3;
    let (old, new): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    let prefix = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let start = prefix.saturating_sub(CONTEXT);
    let mut out = format!("@@ line {} @@\n", start + 1);
    for line in &old[start..prefix] {
        out.push_str(&format!("  {line}\n"));
    }
    for line in &old[prefix..old.len() - suffix] {
        out.push_str(&format!("- {line}\n"));
    }
    for line in &new[prefix..new.len() - suffix] {
        out.push_str(&format!("+ {line}\n"));
    }
    for line in old[old.len() - suffix..].iter().take(CONTEXT) {
        out.push_str(&format!("  {line}\n"));
    }
    out
}

#[test]
fn a_mismatch_shows_the_differing_lines_with_context() {
    let expected = "a\nb\nc\nd\ne\nf\ng\n";
    let actual = "a\nb\nc\nd\nE\nf\ng\nh\n";
    assert_eq!(
        diff(expected, actual),
        "@@ line 2 @@\n  b\n  c\n  d\n- e\n- f\n- g\n+ E\n+ f\n+ g\n+ h\n"
    );
    assert_eq!(diff("x\ny\n", "x\nz\ny\n"), "@@ line 1 @@\n  x\n+ z\n  y\n");
}
