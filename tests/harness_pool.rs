//! The pool of ready clones: a test gets a database cloned from its own migration set's
//! template, never another set's, whether from the pool or cloned on demand.

use lcfs_db::Migration;
use lcfs_db::testing::TestDatabase;

/// Two sets alike in versions and names, differing in the text of their second migration.
fn set(second_table: &'static str) -> Vec<Migration> {
    let second = match second_table {
        "old_kind" => "CREATE TABLE old_kind (id int);",
        _ => "CREATE TABLE new_kind (id int);",
    };
    vec![
        Migration::new(
            1,
            "things",
            "CREATE TABLE thing (id int);",
            "DROP TABLE thing;",
        ),
        Migration::new(
            2,
            "kinds",
            second,
            "DROP TABLE IF EXISTS old_kind, new_kind;",
        ),
    ]
}

async fn tables(db: &TestDatabase) -> Vec<String> {
    let rows = db
        .query(
            "SELECT tablename::text FROM pg_tables WHERE schemaname = 'public' \
             AND tablename <> 'refinery_schema_history' ORDER BY 1",
            &[],
        )
        .await
        .unwrap();
    rows.iter().map(|row| row.get(0)).collect()
}

#[tokio::test]
async fn a_changed_migration_never_gets_a_database_from_the_old_sets_pool() {
    let old = TestDatabase::builder().migrations(set("old_kind"));
    let changed = TestDatabase::builder().migrations(set("new_kind"));
    // The old set's pool holds ready clones when the changed set asks for a database.
    old.warm_up().await.unwrap();

    let db = changed.clone().create().await.unwrap();
    assert!(!db.came_from_pool(), "the changed set has no pool yet");
    assert_eq!(tables(&db).await, ["new_kind", "thing"]);

    let from_old_pool = old.clone().create().await.unwrap();
    assert!(
        from_old_pool.came_from_pool(),
        "the old pool was there to be taken from"
    );
    assert_eq!(tables(&from_old_pool).await, ["old_kind", "thing"]);

    changed.warm_up().await.unwrap();
    let from_new_pool = changed.create().await.unwrap();
    assert!(from_new_pool.came_from_pool());
    assert_eq!(tables(&from_new_pool).await, ["new_kind", "thing"]);
}

#[tokio::test]
async fn pooled_databases_are_at_head_and_each_its_own() {
    let builder = TestDatabase::builder().empty();
    builder.warm_up().await.unwrap();
    let first = builder.clone().create().await.unwrap();
    assert!(first.came_from_pool());
    first
        .batch_execute("CREATE TABLE written (x int)")
        .await
        .unwrap();
    builder.warm_up().await.unwrap();
    let second = builder.clone().create().await.unwrap();
    assert!(second.came_from_pool());
    assert_ne!(first.name(), second.name());
    assert!(
        tables(&second).await.is_empty(),
        "a clone of template0, unwritten"
    );

    let default = TestDatabase::builder();
    default.warm_up().await.unwrap();
    let at_head = default.create().await.unwrap();
    assert!(at_head.came_from_pool());
    let status = lcfs_db::status(&at_head).await.unwrap();
    assert!(status.is_at_head(), "{status:?}");
}

#[tokio::test]
async fn on_demand_never_takes_from_the_pool() {
    let builder = TestDatabase::builder().empty();
    builder.warm_up().await.unwrap();
    let db = builder.on_demand().create().await.unwrap();
    assert!(!db.came_from_pool());
    assert!(tables(&db).await.is_empty());
}
