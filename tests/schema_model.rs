//! The schema the build script modelled from the SQL is the one PostgreSQL builds from it.

mod common;

use std::collections::BTreeSet;

use common::probe::column;
use lcfs_db::testing::TestDatabase;

#[lcfs_db::test]
async fn build_time_model_equals_the_live_catalog(db: TestDatabase) {
    let schema = lcfs_db::schema::schema();
    let live: Vec<String> = column(
        &db,
        "SELECT c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) \
         || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END \
         FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid \
         JOIN pg_namespace n ON n.oid = c.relnamespace \
         WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped \
         AND c.relname NOT LIKE '%schema_history'",
    )
    .await;
    let modelled: Vec<String> = schema
        .tables
        .iter()
        .flat_map(|t| {
            t.columns.iter().map(move |c| {
                let null = if c.nullable { "" } else { " not null" };
                format!("{}.{} {}{null}", t.name, c.name, c.sql_type)
            })
        })
        .collect();
    assert_same("columns", &live, &modelled);

    let live_enums: Vec<String> = column(
        &db,
        "SELECT t.typname || ': ' || string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) \
         FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid GROUP BY t.typname",
    )
    .await;
    let modelled_enums: Vec<String> = schema
        .enums
        .iter()
        .map(|e| format!("{}: {}", e.name, e.labels.join(", ")))
        .collect();
    assert_same("enums", &live_enums, &modelled_enums);

    let live_keys: Vec<String> = column(
        &db,
        "SELECT c.conrelid::regclass::text || ' ' || c.contype::text || ' (' || \
         (SELECT string_agg(a.attname, ',' ORDER BY k.i) FROM unnest(c.conkey) WITH ORDINALITY k(n, i) \
          JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n) || ')' \
         || CASE WHEN c.confrelid <> 0 THEN ' -> ' || c.confrelid::regclass::text ELSE '' END \
         FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace \
         WHERE n.nspname = 'public' AND c.contype IN ('p', 'f', 'u') \
         AND c.conrelid::regclass::text NOT LIKE '%schema_history'",
    )
    .await;
    let mut modelled_keys = Vec::new();
    for t in schema.tables {
        if let Some(pk) = &t.primary_key {
            modelled_keys.push(format!("{} p ({})", t.name, pk.columns.join(",")));
        }
        for u in t.uniques {
            modelled_keys.push(format!("{} u ({})", t.name, u.columns.join(",")));
        }
        for fk in t.foreign_keys {
            modelled_keys.push(format!(
                "{} f ({}) -> {}",
                t.name,
                fk.columns.join(","),
                fk.ref_table
            ));
        }
    }
    assert_same("keys", &live_keys, &modelled_keys);
}

/// Fails with every difference at once, on both sides.
fn assert_same(what: &str, live: &[String], modelled: &[String]) {
    let live: BTreeSet<&String> = live.iter().collect();
    let modelled: BTreeSet<&String> = modelled.iter().collect();
    let only_live: Vec<_> = live.difference(&modelled).collect();
    let only_model: Vec<_> = modelled.difference(&live).collect();
    assert!(
        only_live.is_empty() && only_model.is_empty(),
        "{what} differ\n  only in the database: {only_live:#?}\n  only in the model: {only_model:#?}"
    );
    assert!(!live.is_empty(), "no {what} at all");
}
