//! Misusing the derives is a compile error pointing at the offending token; each case under
//! `tests/compile-fail/` is checked against its expected `.stderr`.

#[test]
fn derive_misuse_is_a_compile_error() {
    trybuild::TestCases::new().compile_fail("tests/compile-fail/*.rs");
}
