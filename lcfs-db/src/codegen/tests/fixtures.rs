//! Expected-output tests: every folder under `tests/codegen/` holds a `migrations/` folder and
//! the files generated from it under `expected/` (or `expected/error.txt` when the build must
//! fail). `LCFS_DB_BLESS=1 cargo test` rewrites the expected files.

use std::path::Path;

use super::super::generate;
use super::expected;

const FIXTURES: &str = "tests/codegen";

#[test]
fn generated_files_match_the_expected_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut cases: Vec<String> = std::fs::read_dir(root.join(FIXTURES))
        .expect("the fixtures folder")
        .map(|entry| entry.expect("a fixture").path())
        // `lint-rules/` holds the lint's expected diagnostics, checked by `tests/lint.rs`.
        .filter(|path| path.join("migrations").is_dir())
        .map(|path| {
            path.file_name()
                .expect("a folder")
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    cases.sort();
    assert!(cases.len() >= 20, "fixtures are missing: {cases:?}");
    let mut failures = Vec::new();
    for case in &cases {
        let expected_dir = root.join(FIXTURES).join(case).join("expected");
        let actual: Vec<(&str, String)> =
            match generate(root, &format!("{FIXTURES}/{case}/migrations")) {
                Ok(generated) => generated.files,
                Err(err) => vec![("error.txt", err.to_string())],
            };
        for (name, content) in &actual {
            if let Err(failure) = expected::check(&expected_dir.join(name), content) {
                failures.push(failure);
            }
        }
        for stale in std::fs::read_dir(&expected_dir)
            .into_iter()
            .flatten()
            .flatten()
        {
            let name = stale.file_name().to_string_lossy().into_owned();
            if !actual.iter().any(|(produced, _)| *produced == name) {
                if std::env::var_os(expected::BLESS).is_some() {
                    std::fs::remove_file(stale.path()).expect("remove a stale expected file");
                } else {
                    failures.push(format!("{case}: expected/{name} is not generated any more"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
