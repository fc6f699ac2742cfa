use std::fs::File;
use std::time::{Duration, SystemTime};

use super::super::emit::write_if_changed;

#[test]
fn writing_the_same_content_leaves_the_file_and_its_mtime_alone() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("tables.rs");
    assert!(
        write_if_changed(&path, "pub struct A;\n").unwrap(),
        "a new file is written"
    );
    let long_ago = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000);
    File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(long_ago)
        .unwrap();

    assert!(
        !write_if_changed(&path, "pub struct A;\n").unwrap(),
        "same content is not written"
    );
    assert_eq!(
        std::fs::metadata(&path).unwrap().modified().unwrap(),
        long_ago
    );

    assert!(
        write_if_changed(&path, "pub struct B;\n").unwrap(),
        "new content is written"
    );
    assert_ne!(
        std::fs::metadata(&path).unwrap().modified().unwrap(),
        long_ago
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "pub struct B;\n");
}

#[test]
fn the_build_reads_every_migration_and_the_override_list() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let generated = super::super::generate(root, "tests/codegen/lcfs_like/migrations").unwrap();
    assert_eq!(generated.inputs.len(), 1 + 2 * 5, "{:?}", generated.inputs);
    assert!(
        generated
            .inputs
            .contains(&"tests/codegen/lcfs_like/migrations/rust_names.toml".to_owned())
    );
    assert!(generated.inputs.contains(
        &"tests/codegen/lcfs_like/migrations/V005__concurrent_indexes.down.sql".to_owned()
    ));
}
