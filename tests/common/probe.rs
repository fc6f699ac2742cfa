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

/// The pid of a backend, none of `except`, that waits for the migration lock. A waiting run
/// holds no lock and no transaction: it asks for the lock again and again, so its last statement
/// is that question or the rollback of the transaction that asked.
pub async fn migration_lock_waiter(db: &Client, except: &[i32]) -> i32 {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while std::time::Instant::now() < deadline {
        let row = db
            .query_opt(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() \
                 AND pid <> pg_backend_pid() AND pid <> ALL($1) \
                 AND (query LIKE '%pg_try_advisory%' OR query = 'ROLLBACK') LIMIT 1",
                &[&except],
            )
            .await
            .unwrap();
        if let Some(row) = row {
            return row.get(0);
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    panic!("no backend waited for the migration lock");
}

/// The advisory-lock key of the migration lock on the default history table, derived as the
/// runner derives it (FNV-1a of `lcfs-db migrate <table>`), for tests that hold it by hand.
pub fn migration_lock_key() -> i64 {
    let hash = b"lcfs-db migrate refinery_schema_history"
        .iter()
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, &byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        });
    i64::from_ne_bytes(hash.to_ne_bytes())
}
