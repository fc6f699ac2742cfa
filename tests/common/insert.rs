//! Writing generated `New…` structs into their tables, so that test data is built from the same
//! types the library gives applications and a column added to the schema breaks the build here.

use lcfs_db::{FromRow, Insert, insert_all};
use tokio_postgres::Client;

/// Inserts `rows` in one statement (`lcfs_db::insert_all`), so that row triggers fire once per
/// row and statement triggers (the materialized-view refreshes) once.
pub async fn insert<N: Insert>(db: &Client, rows: &[N]) {
    try_insert(db, rows).await.unwrap_or_else(|e| panic!("{e}"));
}

/// [`insert`] for writes that may fail; the rows as stored.
pub async fn try_insert<N: Insert>(db: &Client, rows: &[N]) -> Result<Vec<N::Row>, lcfs_db::Error> {
    insert_all(db, rows).await
}

/// Every row of `T`'s table in primary-key order (the first column), decoded into `T`.
pub async fn select_all<T: FromRow>(db: &Client) -> Vec<T> {
    let sql = format!("{} ORDER BY 1", T::select_sql());
    db.query(&sql, &[])
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
        .iter()
        .map(|row| T::from_row(row).unwrap_or_else(|e| panic!("{e}")))
        .collect()
}
