//! An application that depends on `lcfs-db` with `default-features = false` gets the library
//! alone: `cargo tree` of such a crate lists none of the command line's dependencies.

use std::path::Path;
use std::process::Command;

/// Packages only the command line needs (regex-automata comes with tracing-subscriber's filter).
const CLI_ONLY: &[&str] = &["clap", "tracing-subscriber", "regex-automata"];

/// Every package a scratch application depending on this checkout would build, by name.
fn packages(dependency: &str) -> Vec<String> {
    let checkout = Path::new(env!("CARGO_MANIFEST_DIR"));
    let app = tempfile::tempdir().unwrap();
    std::fs::create_dir(app.path().join("src")).unwrap();
    std::fs::write(app.path().join("src/main.rs"), "fn main() {}\n").unwrap();
    let manifest = format!(
        "[package]\nname = \"application\"\nversion = \"0.0.0\"\nedition = \"2024\"\n\n\
         [dependencies]\nlcfs-db = {{ path = {:?}{dependency} }}\n\n[workspace]\n",
        checkout.display().to_string()
    );
    std::fs::write(app.path().join("Cargo.toml"), manifest).unwrap();
    // The checkout's lock file pins the same versions and lets cargo resolve offline.
    std::fs::copy(checkout.join("Cargo.lock"), app.path().join("Cargo.lock")).unwrap();
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .args([
            "tree",
            "--offline",
            "--edges",
            "normal,build",
            "--prefix",
            "none",
        ])
        .args(["--format", "{p}"])
        .current_dir(app.path())
        .output()
        .expect("cargo runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "cargo tree failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut names: Vec<String> = stdout
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .map(str::to_owned)
        .collect();
    names.sort();
    names.dedup();
    names
}

#[test]
fn without_default_features_the_command_line_dependencies_are_absent() {
    let library = packages(", default-features = false");
    assert!(library.iter().any(|p| p == "lcfs-db"), "{library:?}");
    let present: Vec<&&str> = CLI_ONLY
        .iter()
        .filter(|cli| library.iter().any(|p| p == *cli))
        .collect();
    assert!(present.is_empty(), "a library-only build pulls {present:?}");

    let with_cli = packages("");
    for cli in CLI_ONLY {
        assert!(
            with_cli.iter().any(|p| p == cli),
            "the default build has {cli}"
        );
    }
    eprintln!(
        "packages: {} library only, {} with the command line",
        library.len(),
        with_cli.len()
    );
}
