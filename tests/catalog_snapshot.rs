//! The committed catalog snapshot (`catalog/head.jsonl`) is what the migrations leave at head:
//! a migration that changes the catalog changes that file in the same commit.

use lcfs_db::catalog::{
    Catalog, SNAPSHOT_FILE, UPDATE_COMMAND, align_definitions, compare, read_in_transaction,
};
use lcfs_db::testing::TestDatabase;

/// Any server version writes the same file: a view whose definition means what the committed one
/// means keeps the committed text, however this server prints it.
#[lcfs_db::test]
async fn the_snapshot_is_the_catalog_at_head(db: TestDatabase) {
    let mut live = read_in_transaction(&db).await.unwrap();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(SNAPSHOT_FILE);
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    let mut snapshot = Catalog::from_snapshot(&committed).unwrap_or_default();
    align_definitions(&db, &mut snapshot, &mut live)
        .await
        .unwrap();
    if std::env::var_os("LCFS_DB_UPDATE_SNAPSHOT").is_some() {
        std::fs::write(&path, live.to_snapshot()).unwrap();
        eprintln!("wrote {} ({} objects)", path.display(), live.len());
        return;
    }
    let snapshot = Catalog::from_snapshot(&committed).unwrap();
    let drift = compare(&snapshot, &live);
    assert!(
        drift.is_empty(),
        "{SNAPSHOT_FILE} is stale: the migrations at head differ from it in {} places:\n{drift}\n\
         Regenerate it with `{UPDATE_COMMAND}` and commit the diff.",
        drift.differences.len()
    );
    assert_eq!(
        committed,
        live.to_snapshot(),
        "{SNAPSHOT_FILE} is not in canonical form; regenerate it with `{UPDATE_COMMAND}`"
    );
    assert_eq!(
        lcfs_db::catalog::head_snapshot().unwrap(),
        snapshot,
        "the binary embeds the committed file"
    );
}
