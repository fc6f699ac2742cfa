//! The migrated database is the LCFS reference, object for object, by the shared parity tool.

mod common;

use lcfs_db::testing::TestDatabase;

#[lcfs_db::test]
async fn head_matches_the_lcfs_reference(db: TestDatabase) {
    let tool = common::cli::checkout().join("../shared/tools/schema-parity");
    assert!(
        tool.exists(),
        "the LCFS parity tool is expected at {}",
        tool.display()
    );
    let output = std::process::Command::new(&tool)
        .args([db.url(), "--strict", "--details", "40"])
        .output()
        .expect("schema-parity runs (it needs python3 and psql)");
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{report}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        report
            .lines()
            .any(|l| l == "parity: 2269/2269 objects (100.0%)"),
        "{report}"
    );
}
