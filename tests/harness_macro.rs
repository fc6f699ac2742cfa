//! `#[lcfs_db::test]` misuse is a compile error pointing at the mistake.

#[test]
fn misuse_is_a_compile_error() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/harness_ui/*.rs");
}
