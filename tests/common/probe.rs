//! Questions the tests ask of a database's catalog and migration history.

use tokio_postgres::Client;
use tokio_postgres::types::FromSqlOwned;

/// The first column of every row of `sql`.
pub async fn column<T: FromSqlOwned>(db: &Client, sql: &str) -> Vec<T> {
    db.query(sql, &[])
        .await
        .unwrap_or_else(|e| {
            panic!(
                "{sql}: {}",
                e.as_db_error().map_or(e.to_string(), |d| d.to_string())
            )
        })
        .iter()
        .map(|row| row.get(0))
        .collect()
}

/// The versions recorded in the default history table, in order.
pub async fn applied_versions(db: &Client) -> Vec<i32> {
    column(
        db,
        "SELECT version FROM refinery_schema_history ORDER BY version",
    )
    .await
}

/// The tables of the public schema, by name.
pub async fn public_tables(db: &Client) -> Vec<String> {
    column(
        db,
        "SELECT tablename::text FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
    )
    .await
}

/// Advisory locks held in the current database by any session.
pub async fn advisory_locks(db: &Client) -> i64 {
    column(
        db,
        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' \
         AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
    )
    .await[0]
}
