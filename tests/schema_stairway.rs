//! Every version steps down and up again cleanly: up to v, down to v-1, up to v, for each v.

mod common;

use common::cli::catalog;
use common::probe::column;
use lcfs_db::Migrator;
use lcfs_db::testing::TestDatabase;

/// The contents of every reference table, in a form two databases can be compared by.
async fn reference_rows(db: &TestDatabase) -> Vec<String> {
    let mut rows = Vec::new();
    let tables = common::reference::reference_tables();
    for table in tables {
        let sql = format!(
            "SELECT '{table} ' || count(*) || ' ' || md5(coalesce(string_agg((to_jsonb(t) - 'create_date' - 'update_date')::text, ',' ORDER BY (to_jsonb(t) - 'create_date' - 'update_date')::text), '')) FROM {table} t"
        );
        rows.extend(column::<String>(db, &sql).await);
    }
    rows
}

#[lcfs_db::test(empty)]
async fn every_version_goes_down_and_up_again(db: TestDatabase) {
    let head = Migrator::new().head();
    assert!(head > 1, "the embedded set has versions");
    for version in 1..=head {
        let up = || Migrator::new().target(version);
        up().run(&db)
            .await
            .unwrap_or_else(|e| panic!("up to {version}: {e}"));
        Migrator::new()
            .downgrade(&db, version - 1)
            .await
            .unwrap_or_else(|e| panic!("down from {version}: {e}"));
        up().run(&db)
            .await
            .unwrap_or_else(|e| panic!("up to {version} again: {e}"));
    }
    let straight = TestDatabase::new().await.unwrap();
    assert!(
        catalog(db.url()).await == catalog(straight.url()).await,
        "the stairway's catalog differs from a straight upgrade"
    );
    assert_eq!(reference_rows(&db).await, reference_rows(&straight).await);

    Migrator::new().downgrade(&db, 0).await.unwrap();
    let left: Vec<String> = column(
        &db,
        "SELECT c.relkind::text || ' ' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace \
         WHERE n.nspname = 'public' AND c.relname NOT LIKE '%schema_history%' \
         UNION ALL SELECT 'type ' || t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace \
         WHERE n.nspname = 'public' AND t.typtype IN ('e', 'c', 'd') AND t.typrelid = 0 \
         UNION ALL SELECT 'function ' || p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace \
         WHERE n.nspname = 'public' \
         UNION ALL SELECT 'schema ' || n.nspname FROM pg_namespace n \
         WHERE n.nspname NOT IN ('public', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'",
    )
    .await;
    assert!(left.is_empty(), "base leaves an empty schema, not {left:?}");
    Migrator::new().run(&db).await.unwrap();
    assert!(
        catalog(db.url()).await == catalog(straight.url()).await,
        "head after base differs from a straight upgrade"
    );
}
